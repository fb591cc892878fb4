/**
 * Which spreadsheet column holds which field. Each field is found under its Chinese name, its English
 * name, its id or an alias (compared after NFKC, ignoring case, spaces and line breaks, so `职 级`,
 * `ＲＡＮＫ` typed with a full-width input method and a header wrapped over two lines still match;
 * traditional characters such as 職級 do not), or under the header a `--columns` mapping names.
 * Publicity periods, stage dates and materials have columns of their own, named after the level,
 * the stage or the material (`本单位公示`, `推荐审批表份数`).
 */
import { englishLabel, nameKey, type Model } from '@awardrules/language';
import type { FieldSchema, SlateSchema } from '@awardrules/runtime';

export type Columns = Readonly<Record<string, string>>;

export interface MaterialColumns {
  copies?: number;
  chars?: number;
  electronic?: number;
  fileName?: number;
  bytes?: number;
  format?: number;
}

export interface Layout {
  readonly headers: readonly string[];
  /** Field id → column of its value. */
  readonly fields: ReadonlyMap<string, number>;
  readonly kind?: number;
  readonly selected?: number;
  /** Enum-with-validity field id → column of its end date. */
  readonly validUntil: ReadonlyMap<string, number>;
  /** Publicity level → a period column, or start and end columns. */
  readonly publicity: ReadonlyMap<string, { period?: number; start?: number; end?: number }>;
  /** A column of free-form publicity records (`本单位:某协会 2024-01-02~2024-01-08；…`). */
  readonly publicityRecords?: number;
  readonly stages: ReadonlyMap<string, number>;
  readonly materials: ReadonlyMap<string, MaterialColumns>;
  /** Set field id → value id → a yes/no column (one column per condition or department). */
  readonly flags: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Fields the rules read that no column holds. */
  readonly missing: readonly string[];
  /** Publicity levels that a rule due from the start asks for and no column holds, when the sheet has columns for other levels. */
  readonly missingPublicityLevels: readonly string[];
  /** The header's row in the sheet (0-based), when rows above it (a title) were passed over; of a header over two rows, the lower. */
  readonly headerRow?: number;
  /** The upper row (0-based) of a header over two rows (group titles above sub-headers); absent for a one-row header. */
  readonly firstHeaderRow?: number;
  /** Entries of the --columns mapping that name no field of the rules, or a header the sheet does not have. */
  readonly columnProblems: readonly ColumnProblem[];
}

export interface ColumnProblem {
  /** The key as given in the mapping, and the header it names. */
  readonly key: string;
  readonly header: string;
  /** The field the key names; absent when it names none. */
  readonly field?: string;
}

const FIXED_CANDIDATES: Record<string, string[]> = {
  id: ['编号', '序号', 'id', 'no', '推荐对象编号'],
  name: ['名称', '姓名', '单位名称', 'name', '推荐对象', '推荐对象名称'],
  award: ['申报奖项', '奖项', '推荐奖项', '表彰项目', 'award'],
  kind: ['类别', '推荐对象类别', '集体/个人', 'kind'],
  selected: ['是否拟表彰', '拟表彰', '是否入选', '入选', 'selected'],
};

export function findLayout(headers: readonly string[], model: Model, schema: SlateSchema, overrides: Columns = {}): Layout {
  const keyed = headers.map((h) => nameKey(h));
  const byKey = new Map<string, number>();
  keyed.forEach((k, i) => { if (k && !byKey.has(k)) byKey.set(k, i); });
  const find = (candidates: readonly string[]): number | undefined => {
    for (const c of candidates) {
      const i = byKey.get(nameKey(c));
      if (i !== undefined) return i;
    }
    return undefined;
  };
  /** Mapping key → the field it names, for keys the layout consults. */
  const consulted = new Map<string, string>();
  /** Headers named in --columns, for a field id or its Chinese name. */
  const override = (f: { id: string; zh?: string }): string[] => {
    for (const k of [f.id, f.zh]) if (k) consulted.set(k, f.id);
    return [overrides[f.id], f.zh ? overrides[f.zh] : undefined].filter((x): x is string => !!x);
  };

  const fields = new Map<string, number>();
  const validUntil = new Map<string, number>();
  const flags = new Map<string, Map<string, number>>();
  const missing: string[] = [];
  for (const f of schema.fields) {
    if (f.kind === 'publicity' || f.kind === 'submissions' || f.kind === 'materials') continue;
    if (f.kind === 'tenure' && f.since) continue;
    const def = model.fields.get(f.id);
    const candidates = [...override({ id: f.id, zh: def?.zh ?? f.label.zh }),
      ...(FIXED_CANDIDATES[f.id] ?? []), f.label.zh, f.label.en, f.id, f.prop, ...(def?.aliases ?? [])];
    const col = find(candidates);
    if (col !== undefined) fields.set(f.id, col);
    if (f.kind === 'enum' && f.validity) {
      const v = find([`${f.label.zh}有效期至`, `${f.label.zh}有效期`, '有效期至', `${f.id} valid until`, `${f.prop}ValidUntil`]);
      if (v !== undefined) validUntil.set(f.id, v);
    }
    if (f.kind === 'set') {
      // One yes/no column per value: `党建工作好 | 是`.
      const perValue = new Map<string, number>();
      const e = model.enums.get(model.fields.get(f.id)?.type.kind === 'set' ? (model.fields.get(f.id)!.type as { enum: string }).enum : '');
      for (const v of e?.values ?? []) {
        const c = find([v.zh, `${v.zh}意见`, v.id, englishLabel(v)]);
        if (c !== undefined && c !== col) perValue.set(v.id, c);
      }
      if (perValue.size) flags.set(f.id, perValue);
      if (col === undefined && perValue.size) continue;
    }
    if (col === undefined && f.id !== 'kind') missing.push(f.id);
  }

  const publicity = new Map<string, { period?: number; start?: number; end?: number }>();
  const levels = model.enums.get('publicity-level');
  if (schema.fields.some((f) => f.kind === 'publicity')) {
    for (const level of levels?.values ?? []) {
      const names = [level.zh, ...(level.aliases ?? []), level.id, englishLabel(level)];
      const period = find(names.flatMap((n) => [`${n}公示`, `${n}公示起止`, `${n}公示时间`, `${n}公示期`, `publicity at ${n}`]));
      const start = find(names.flatMap((n) => [`${n}公示开始`, `${n}公示开始日期`, `${n}公示开始时间`, `${n} publicity start`]));
      const end = find(names.flatMap((n) => [`${n}公示结束`, `${n}公示结束日期`, `${n}公示结束时间`, `${n} publicity end`]));
      if (period !== undefined || start !== undefined || end !== undefined) {
        publicity.set(level.id, { ...(period !== undefined ? { period } : {}), ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });
      }
    }
  }
  const publicityRecords = find([...override({ id: 'publicity-records', zh: '公示情况' }), '公示记录', '公示情况', 'publicity records', 'publicityRecords']);
  if (schema.fields.some((f) => f.kind === 'publicity') && publicity.size === 0 && publicityRecords === undefined) missing.push('publicity-records');
  // Columns for some levels but not for one a rule asks for: every nominee would seem to lack that
  // publicity. Only for publicity due from the start: one after a later stage (省级公示 after the first
  // review) may not have happened yet when the sheet is kept.
  const missingPublicityLevels = publicity.size === 0 || publicityRecords !== undefined ? []
    : [...new Set(model.rules.flatMap((r) => (r.kind === 'publicity' && !r.after ? [r.level] : [])))].filter((level) => !publicity.has(level));

  const stages = new Map<string, number>();
  for (const s of model.stages) {
    const names = [s.id, ...(s.label ? [s.label] : []), ...(s.aliases ?? [])];
    consulted.set(`stage:${s.id}`, 'submitted');
    const col = find([...(overrides[`stage:${s.id}`] ? [overrides[`stage:${s.id}`]!] : []), ...names.flatMap((n) => [n, `${n}日期`, `${n}报送日期`, `报送日期（${n}）`, `${n} date`])]);
    if (col !== undefined) stages.set(s.id, col);
  }

  const materials = new Map<string, MaterialColumns>();
  for (const r of model.rules) {
    if (r.kind !== 'material') continue;
    for (const m of r.items) {
      const names = [m.id, ...(m.label ? [m.label] : []), ...(m.aliases ?? [])];
      const col = (suffixes: string[]) => find(names.flatMap((n) => suffixes.map((x) => `${n}${x}`)));
      const cols: MaterialColumns = {};
      const copies = col(['份数', ' copies']); if (copies !== undefined) cols.copies = copies;
      const chars = col(['字数', ' chars']); if (chars !== undefined) cols.chars = chars;
      const electronic = col(['电子版', ' electronic']); if (electronic !== undefined) cols.electronic = electronic;
      const fileName = col(['文件名', ' file name']); if (fileName !== undefined) cols.fileName = fileName;
      const size = col(['大小', '文件大小', ' size']); if (size !== undefined) cols.bytes = size;
      const format = col(['格式', '文件格式', ' format']); if (format !== undefined) cols.format = format;
      if (Object.keys(cols).length) materials.set(m.id, cols);
    }
  }

  const kind = fields.get('kind') ?? find(FIXED_CANDIDATES['kind']!);
  const selected = find([...override({ id: 'selected', zh: '是否拟表彰' }), ...FIXED_CANDIDATES['selected']!]);
  const columnProblems: ColumnProblem[] = [];
  for (const [key, header] of Object.entries(overrides)) {
    const field = consulted.get(key);
    if (field === undefined || !byKey.has(nameKey(header))) columnProblems.push({ key, header, ...(field !== undefined ? { field } : {}) });
  }
  return {
    headers, fields, validUntil, publicity, ...(publicityRecords !== undefined ? { publicityRecords } : {}), stages, materials, flags, columnProblems,
    missing: missing.filter((id) => id !== 'attested' || !flags.has('attested')), missingPublicityLevels,
    ...(kind !== undefined ? { kind } : {}), ...(selected !== undefined ? { selected } : {}),
  };
}

/** Human names of a field's expected columns, for "no column for …" messages. */
export function expectedHeaders(f: FieldSchema): string[] {
  return [...new Set([...(FIXED_CANDIDATES[f.id] ?? []).slice(0, 2), f.label.zh, f.label.en])];
}

/** Every column the layout reads. */
export function usedColumns(layout: Layout): Set<number> {
  const cols = [...layout.fields.values(), ...layout.validUntil.values(), ...layout.stages.values(), layout.kind, layout.selected, layout.publicityRecords,
    ...[...layout.publicity.values()].flatMap((p) => [p.period, p.start, p.end]),
    ...[...layout.materials.values()].flatMap((m) => Object.values(m)),
    ...[...layout.flags.values()].flatMap((m) => [...m.values()])];
  return new Set(cols.filter((c): c is number => c !== undefined));
}

/**
 * The layout of a header over two rows, as government forms (附件 汇总表) head their tables. Each
 * column's header is the lower row's text, else the upper's (a header merged down over both rows
 * reads as empty below it), so a group title (基本情况) does not hide the sub-headers under it. A
 * sub-header that names no column alone is read after its group title when that does name one
 * (本单位公示 over 开始 | 结束 → 本单位公示开始, 本单位公示结束).
 */
export function findTwoRowLayout(upper: readonly string[], lower: readonly string[], model: Model, schema: SlateSchema, overrides: Columns = {}): Layout {
  const plain = Array.from({ length: Math.max(upper.length, lower.length) }, (_, c) => lower[c] || upper[c] || '');
  const grouped = plain.map((h, c) => {
    const title = groupTitle(upper, lower, c);
    return title === undefined ? h : joinHeader(title, lower[c]!);
  });
  const plainUsed = usedColumns(findLayout(plain, model, schema, overrides));
  const groupedUsed = usedColumns(findLayout(grouped, model, schema, overrides));
  const headers = plain.map((h, c) => (!plainUsed.has(c) && groupedUsed.has(c) ? grouped[c]! : h));
  return findLayout(headers, model, schema, overrides);
}

/** The title over sub-header `c`: the upper text at the start of the run of sub-headers `c` is in (a merged cell's text is in its first column). */
function groupTitle(upper: readonly string[], lower: readonly string[], c: number): string | undefined {
  for (let g = c; g >= 0 && lower[g]; g--) if (upper[g]) return upper[g];
  return undefined;
}

/** Chinese runs together; English words keep a space (`unit publicity` + `start`). */
function joinHeader(title: string, sub: string): string {
  return /[a-z0-9]$/i.test(title) && /^[a-z0-9]/i.test(sub) ? `${title} ${sub}` : `${title}${sub}`;
}
