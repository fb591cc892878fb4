/**
 * What a slate must carry for one rule file, as data, and the checking of raw input against it. Input
 * comes from spreadsheets and from other systems' JSON, so nothing about it is trusted: every value is
 * checked against its field's type, and every problem becomes a finding naming the nominee and the
 * field. Rules then only ever see well-typed nominees.
 */
import { parseDay, type Day } from '../civil-date.js';
import type { Finding, Localized, NomineeRef } from './types.js';

export type FieldKind =
  | { readonly kind: 'text' | 'number' | 'percent' | 'bool' | 'date' }
  | { readonly kind: 'duration'; readonly unit: 'years' | 'months' | 'days' }
  | { readonly kind: 'tenure'; readonly since?: string }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly validity?: boolean; readonly labels: Readonly<Record<string, Localized>> }
  | { readonly kind: 'set' | 'events'; readonly values: readonly string[]; readonly labels: Readonly<Record<string, Localized>> }
  | { readonly kind: 'publicity' | 'materials' | 'submissions' | 'units' };

export type FieldSchema = FieldKind & {
  /** The field id in the rule file (`social-org-work`). */
  readonly id: string;
  /** The property in slate objects (`socialOrgWork`). */
  readonly prop: string;
  readonly label: Localized;
};

export interface AwardSchema {
  readonly id: string;
  readonly kind: 'collective' | 'individual';
  readonly label: Localized;
}

export interface SlateSchema {
  readonly fields: readonly FieldSchema[];
  readonly awards: readonly AwardSchema[];
  readonly stages: readonly { readonly id: string; readonly deadline?: string }[];
  readonly publicityLevels: readonly string[];
  readonly materials: readonly string[];
  /** The rule file's reference date, if it names one (a date, or a stage's deadline). */
  readonly referenceDate?: string;
}

export interface PublicityRecord {
  readonly level: string;
  readonly unit?: string;
  readonly start: Day;
  readonly end: Day;
}

export interface MaterialRecord {
  readonly copies?: number;
  readonly chars?: number;
  readonly electronic?: boolean;
  readonly fileName?: string;
  readonly bytes?: number;
  readonly format?: string;
}

export interface EventRecord {
  readonly kind: string;
  readonly day?: Day;
}

/** A nominee whose every field has been checked: scalars are typed, lists are never missing. */
export interface Nominee {
  readonly ref: NomineeRef;
  /** Position in the slate. */
  readonly index: number;
  readonly award?: string;
  readonly kind?: 'collective' | 'individual';
  readonly selected?: boolean;
  /** Field id → value: string (text, enum), number, boolean, Day (date, tenure start), Set (set),
   *  EventRecord[] (events), { value, validUntil } (enum with validity). Missing scalars are absent. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly publicity: readonly PublicityRecord[];
  readonly submitted: Readonly<Record<string, Day>>;
  readonly units: readonly string[];
  readonly materials: Readonly<Record<string, MaterialRecord>>;
  /**
   * Lists with an entry that could not be read (`null` in the input, or a malformed entry): field ids,
   * `submitted:<stage>` and `materials:<id>`. What such a list lacks is not known to be absent, so a
   * rule that would fail for want of it cannot be decided.
   */
  readonly incomplete: ReadonlySet<string>;
}

export interface NormalizedSlate {
  readonly nominees: readonly Nominee[];
  /** Whether any nominee says whether it is selected; shares of "selected" need it. */
  readonly hasSelection: boolean;
  readonly issues: readonly Finding[];
}

const t = (en: string, zh: string): Localized => ({ en, zh });

function dataFinding(nominee: NomineeRef | undefined, fields: string[], message: Localized, severity: 'error' | 'warning' = 'error'): Finding {
  return { rule: 'data', tags: [], kind: 'data', severity, ...(nominee ? { nominee } : {}), fields, message };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  } catch {
    // A value that contains itself, or a BigInt: JSON cannot show it, and validation must not throw.
    s = Array.isArray(v) ? '[…]' : typeof v === 'object' ? '{…}' : String(v);
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Checks raw slate input against the schema. Never throws. `null` stands for a value that is there but
 * could not be read (a spreadsheet reader has already said which cell): for a scalar field it is
 * unknown, as if absent; as a whole list, or as an entry of one, it leaves that list incomplete.
 */
/** Each schema's awards by id, made once: a caller may normalize many slates against one schema (the diff does). */
const awardKindsOf = new WeakMap<SlateSchema, ReadonlyMap<string, 'collective' | 'individual'>>();

function awardKinds(schema: SlateSchema): ReadonlyMap<string, 'collective' | 'individual'> {
  let kinds = awardKindsOf.get(schema);
  if (!kinds) awardKindsOf.set(schema, (kinds = new Map(schema.awards.map((a) => [a.id, a.kind]))));
  return kinds;
}

/** What an input that threw while it was read said, for a finding (a getter or a Proxy trap can throw). */
function thrown(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return '?';
  }
}

/**
 * The slate's nominees, checked against the schema. Reading never throws: an input that throws when
 * read (a getter, a Proxy) is a finding, for the whole slate or for the one entry.
 */
export function normalizeSlate(raw: unknown, schema: SlateSchema): NormalizedSlate {
  try {
    return readSlateInput(raw, schema);
  } catch (e) {
    const why = thrown(e);
    return { nominees: [], hasSelection: false, issues: [dataFinding(undefined, [], t(`The slate could not be read: ${why}.`, `无法读取名单：${why}。`))] };
  }
}

function readSlateInput(raw: unknown, schema: SlateSchema): NormalizedSlate {
  const issues: Finding[] = [];
  const list = isObject(raw) ? raw['nominees'] : raw;
  if (!Array.isArray(list)) {
    issues.push(dataFinding(undefined, [], t('The slate has no list of nominees (expected { "nominees": [ … ] }).', '名单中没有推荐对象列表（应为 { "nominees": [ … ] }）。')));
    return { nominees: [], hasSelection: false, issues };
  }
  const awards = awardKinds(schema);
  /** Id → where it was first seen: the spreadsheet row if known, else the entry number. */
  const seenIds = new Map<string, Localized>();
  const nominees: Nominee[] = [];
  let hasSelection = false;
  const readEntry = (item: unknown, index: number): void => {
    const fallback: NomineeRef = { id: `#${index + 1}`, name: '' };
    if (!isObject(item)) {
      issues.push(dataFinding(fallback, [], t(`Entry ${index + 1} of the slate is not a nominee record.`, `名单第 ${index + 1} 项不是推荐对象记录。`)));
      return;
    }
    const row = typeof item['row'] === 'number' && Number.isInteger(item['row']) ? item['row'] : undefined;
    const rawId = item['id'];
    const id = typeof rawId === 'string' && rawId.trim() ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : undefined;
    const name = typeof item['name'] === 'string' ? item['name'].trim() : '';
    // Without an id, a nominee is known by its place: the row number (the report adds 第…行 / row).
    const ref: NomineeRef = { id: id ?? (row !== undefined ? `#${row}` : `#${index + 1}`), name, ...(row !== undefined ? { row } : {}) };
    if (!id) issues.push(dataFinding(ref, ['id'], t('This nominee has no id.', '该推荐对象没有编号。')));
    else if (seenIds.has(id)) issues.push(dataFinding(ref, ['id'], t(`The id ${id} is used twice (also ${seenIds.get(id)!.en}).`, `编号 ${id} 重复（另见${seenIds.get(id)!.zh}）。`)));
    if (id && !seenIds.has(id)) seenIds.set(id, row !== undefined ? t(`row ${row}`, `第 ${row} 行`) : t(`entry ${index + 1}`, `第 ${index + 1} 项`));
    if (!name) issues.push(dataFinding(ref, ['name'], t('This nominee has no name.', '该推荐对象没有名称。')));

    const awardRaw = item['award'];
    let award: string | undefined;
    if (typeof awardRaw === 'string' && awards.has(awardRaw)) award = awardRaw;
    else if (schema.awards.length === 1 && isBlank(awardRaw)) award = schema.awards[0]!.id;
    else issues.push(dataFinding(ref, ['award'], isBlank(awardRaw)
      ? t('This nominee does not say which award it is for.', '该推荐对象未注明申报奖项。')
      : t(`Unknown award ${show(awardRaw)} (the awards are ${schema.awards.map((a) => `${a.label.en} (${a.id})`).join(', ')}).`, `未知奖项 ${show(awardRaw)}（奖项为 ${schema.awards.map((a) => `${a.label.zh}（${a.id}）`).join('、')}）。`)));
    const kind = award ? awards.get(award) : undefined;
    if (kind && !isBlank(item['kind']) && item['kind'] !== kind) {
      const marked = item['kind'] === 'collective' ? t('a collective', '集体') : item['kind'] === 'individual' ? t('an individual', '个人') : t(show(item['kind']), show(item['kind']));
      const label = schema.awards.find((a) => a.id === award)!.label;
      issues.push(dataFinding(ref, ['kind'], t(`This nominee is marked ${marked.en}, but ${label.en} is for ${kind}s.`, `该推荐对象标为${marked.zh}，但“${label.zh}”的对象为${kind === 'collective' ? '集体' : '个人'}。`)));
    }
    let selected: boolean | undefined;
    if (typeof item['selected'] === 'boolean') { selected = item['selected']; hasSelection = true; }
    else if (!isBlank(item['selected'])) issues.push(dataFinding(ref, ['selected'], t(`'selected' must be true or false, not ${show(item['selected'])}.`, `“是否入选”应为是或否，而不是 ${show(item['selected'])}。`)));

    // No prototype: a field may be called `constructor` or `to-string`, and must not find Object's.
    const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let publicity: PublicityRecord[] = [];
    let submitted: Record<string, Day> = Object.create(null) as Record<string, Day>;
    let units: string[] = [];
    let materials: Record<string, MaterialRecord> = Object.create(null) as Record<string, MaterialRecord>;
    const incomplete = new Set<string>();
    // A malformed entry of a list is reported, and leaves that list incomplete: nothing is dropped silently.
    const bad = (f: FieldSchema, en: string, zh: string, key: string = f.id) => {
      issues.push(dataFinding(ref, [f.id], t(`${f.label.en}: ${en}`, `${f.label.zh}：${zh}`)));
      incomplete.add(key);
    };
    const unreadable = (key: string) => incomplete.add(key);

    for (const f of schema.fields) {
      if (f.id === 'id' || f.id === 'name' || f.id === 'award' || f.id === 'kind') continue;
      const v = Object.hasOwn(item, f.prop) ? item[f.prop] : undefined;
      switch (f.kind) {
        case 'publicity': publicity = readPublicity(v, f, schema, bad, unreadable); continue;
        case 'submissions': submitted = readSubmissions(v, f, schema, bad, unreadable); continue;
        case 'units': units = readStrings(v, f, bad, unreadable); continue;
        case 'materials': materials = readMaterials(v, f, schema, bad, unreadable); continue;
        case 'set': values[f.id] = readSet(v, f, bad, unreadable); continue;
        case 'events': values[f.id] = readEvents(v, f, bad, unreadable); continue;
      }
      if (isBlank(v)) continue;
      const value = readScalar(v, f, bad);
      if (value !== undefined) values[f.id] = value;
    }
    if (kind) values['kind'] = kind;
    if (award) values['award'] = award;
    // Conditions may read the id and the name too (`exclude name = "…"`, `per id`).
    if (id) values['id'] = id;
    if (name) values['name'] = name;
    nominees.push({
      ref, index, ...(award ? { award } : {}), ...(kind ? { kind } : {}), ...(selected !== undefined ? { selected } : {}),
      values, publicity, submitted, units, materials, incomplete,
    });
  };
  const length = list.length;
  for (let index = 0; index < length; index++) {
    const before = issues.length;
    try {
      readEntry(list[index], index);
    } catch (e) {
      // What was found about the entry before it threw goes with it: one finding says it could not be read.
      issues.length = before;
      const why = thrown(e);
      issues.push(dataFinding({ id: `#${index + 1}`, name: '' }, [], t(`Entry ${index + 1} of the slate could not be read: ${why}.`, `名单第 ${index + 1} 项无法读取：${why}。`)));
    }
  }
  return { nominees, hasSelection, issues };
}

type Bad = (f: FieldSchema, en: string, zh: string, key?: string) => void;
/** Marks a list (by key) as having an entry that could not be read. */
type Unreadable = (key: string) => void;

function readDay(v: unknown): Day | undefined {
  return typeof v === 'string' ? parseDay(v) : undefined;
}

function readScalar(v: unknown, f: FieldSchema, bad: Bad): unknown {
  switch (f.kind) {
    case 'text': return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : (bad(f, `expected text, not ${show(v)}`, `应为文字，而不是 ${show(v)}`), undefined);
    case 'number': case 'percent': case 'duration': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*%?\s*$/.test(v) ? Number(v.replace('%', '')) : NaN;
      if (Number.isFinite(n)) return n;
      bad(f, `expected a number, not ${show(v)}`, `应为数字，而不是 ${show(v)}`);
      return undefined;
    }
    case 'bool': {
      if (typeof v === 'boolean') return v;
      bad(f, `expected yes or no, not ${show(v)}`, `应为是或否，而不是 ${show(v)}`);
      return undefined;
    }
    case 'date': case 'tenure': {
      const d = readDay(v);
      if (d !== undefined) return d;
      bad(f, `expected a date (YYYY-MM-DD), not ${show(v)}`, `应为日期（YYYY-MM-DD），而不是 ${show(v)}`);
      return undefined;
    }
    case 'enum': {
      if (f.validity) {
        if (!isObject(v) || typeof v['value'] !== 'string' || !f.values.includes(v['value'])) {
          bad(f, `expected { value, validUntil } with one of ${f.values.join(', ')}, not ${show(v)}`, `应为 { value, validUntil }，取值为 ${f.values.join('、')} 之一，而不是 ${show(v)}`);
          return undefined;
        }
        const until = isBlank(v['validUntil']) ? undefined : readDay(v['validUntil']);
        if (!isBlank(v['validUntil']) && until === undefined) bad(f, `the validity end ${show(v['validUntil'])} is not a date`, `有效期 ${show(v['validUntil'])} 不是日期`);
        return { value: v['value'], validUntil: until };
      }
      if (typeof v === 'string' && f.values.includes(v)) return v;
      bad(f, `${show(v)} is not one of ${f.values.slice(0, 12).join(', ')}${f.values.length > 12 ? ', …' : ''}`, `${show(v)} 不是可选取值（${f.values.slice(0, 12).join('、')}${f.values.length > 12 ? '等' : ''}）之一`);
      return undefined;
    }
    default: return undefined;
  }
}

/** `null`, or null entries, mark the list incomplete; the rest is read. */
function entries(v: unknown, f: FieldSchema, unreadable: Unreadable): unknown[] | undefined {
  if (v === null) { unreadable(f.id); return []; }
  if (isBlank(v)) return [];
  if (!Array.isArray(v)) return undefined;
  if (v.some((x) => x === null)) unreadable(f.id);
  return v.filter((x) => x !== null);
}

function readStrings(v: unknown, f: FieldSchema, bad: Bad, unreadable: Unreadable): string[] {
  const list = entries(v, f, unreadable);
  if (list && list.every((x) => typeof x === 'string')) return (list as string[]).map((x) => x.trim()).filter(Boolean);
  bad(f, `expected a list of text, not ${show(v)}`, `应为文字列表，而不是 ${show(v)}`);
  return [];
}

function readSet(v: unknown, f: FieldSchema & { values: readonly string[] }, bad: Bad, unreadable: Unreadable): Set<string> {
  const out = new Set<string>();
  for (const s of readStrings(v, f, bad, unreadable)) {
    if (f.values.includes(s)) out.add(s);
    else bad(f, `${show(s)} is not one of ${f.values.slice(0, 12).join(', ')}${f.values.length > 12 ? ', …' : ''}`, `${show(s)} 不是可选取值（${f.values.slice(0, 12).join('、')}${f.values.length > 12 ? '等' : ''}）之一`);
  }
  return out;
}

function readEvents(v: unknown, f: FieldSchema & { values: readonly string[] }, bad: Bad, unreadable: Unreadable): EventRecord[] {
  const list = entries(v, f, unreadable);
  if (!list) { bad(f, `expected a list of { kind, date }, not ${show(v)}`, `应为 { kind, date } 列表，而不是 ${show(v)}`); return []; }
  const out: EventRecord[] = [];
  for (const e of list) {
    if (!isObject(e) || typeof e['kind'] !== 'string' || !f.values.includes(e['kind'])) {
      bad(f, `${show(e)} is not a record of one of ${f.values.slice(0, 8).join(', ')}${f.values.length > 8 ? ', …' : ''}`, `${show(e)} 不是有效记录（类别应为 ${f.values.slice(0, 8).join('、')}${f.values.length > 8 ? '等' : ''}）`);
      continue;
    }
    const day = isBlank(e['date']) ? undefined : readDay(e['date']);
    if (!isBlank(e['date']) && day === undefined) { bad(f, `the date ${show(e['date'])} of ${e['kind']} is not a date`, `${e['kind']} 的日期 ${show(e['date'])} 不是日期`); continue; }
    out.push(day === undefined ? { kind: e['kind'] } : { kind: e['kind'], day });
  }
  return out;
}

function readPublicity(v: unknown, f: FieldSchema, schema: SlateSchema, bad: Bad, unreadable: Unreadable): PublicityRecord[] {
  const list = entries(v, f, unreadable);
  if (!list) { bad(f, `expected a list of { level, start, end }, not ${show(v)}`, `应为 { level, start, end } 列表，而不是 ${show(v)}`); return []; }
  const out: PublicityRecord[] = [];
  for (const p of list) {
    const start = isObject(p) ? readDay(p['start']) : undefined;
    const end = isObject(p) ? readDay(p['end']) : undefined;
    const level = isObject(p) ? p['level'] : undefined;
    if (!isObject(p) || typeof level !== 'string' || !schema.publicityLevels.includes(level) || start === undefined || end === undefined) {
      bad(f, `${show(p)} is not a publicity record { level, start, end } with dates and a level of ${schema.publicityLevels.join(', ')}`, `${show(p)} 不是有效的公示记录（须有公示范围 ${schema.publicityLevels.join('、')} 之一及起止日期）`);
      continue;
    }
    if (end < start) { bad(f, `the publicity at ${level} ends before it starts`, `${level} 公示的结束日期早于开始日期`); continue; }
    const unit = typeof p['unit'] === 'string' && p['unit'].trim() ? p['unit'].trim() : undefined;
    out.push({ level, ...(unit ? { unit } : {}), start, end });
  }
  return out;
}

function readSubmissions(v: unknown, f: FieldSchema, schema: SlateSchema, bad: Bad, unreadable: Unreadable): Record<string, Day> {
  if (isBlank(v)) return {};
  if (!isObject(v)) { bad(f, `expected { stage: date }, not ${show(v)}`, `应为 { 环节: 日期 }，而不是 ${show(v)}`); return {}; }
  const out: Record<string, Day> = Object.create(null) as Record<string, Day>;
  for (const [stage, date] of Object.entries(v)) {
    if (!schema.stages.some((s) => s.id === stage)) { bad(f, `unknown stage ${show(stage)}`, `未知环节 ${show(stage)}`); continue; }
    if (date === null) { unreadable(`submitted:${stage}`); continue; }
    if (isBlank(date)) continue;
    const d = readDay(date);
    if (d === undefined) bad(f, `the date ${show(date)} for ${stage} is not a date`, `${stage} 的日期 ${show(date)} 不是日期`, `submitted:${stage}`);
    else out[stage] = d;
  }
  return out;
}

function readMaterials(v: unknown, f: FieldSchema, schema: SlateSchema, bad: Bad, unreadable: Unreadable): Record<string, MaterialRecord> {
  if (isBlank(v)) return {};
  if (!isObject(v)) { bad(f, `expected { material: { copies, chars, … } }, not ${show(v)}`, `应为 { 材料: { copies, chars, … } }，而不是 ${show(v)}`); return {}; }
  const out: Record<string, MaterialRecord> = Object.create(null) as Record<string, MaterialRecord>;
  for (const [id, m] of Object.entries(v)) {
    if (!schema.materials.includes(id)) { bad(f, `unknown material ${show(id)}`, `未知材料 ${show(id)}`); continue; }
    if (m === null) { unreadable(`materials:${id}`); continue; }
    if (!isObject(m)) { bad(f, `${id}: expected { copies, chars, electronic, fileName, bytes, format }`, `${id}：应为 { copies, chars, electronic, fileName, bytes, format }`, `materials:${id}`); continue; }
    const num = (k: string) => {
      const x = m[k];
      if (x === null) { unreadable(`materials:${id}`); return undefined; }
      if (isBlank(x)) return undefined;
      if (typeof x === 'number' && Number.isFinite(x) && x >= 0) return x;
      bad(f, `${id}.${k} must be a number, not ${show(x)}`, `${id}.${k} 应为数字，而不是 ${show(x)}`, `materials:${id}`);
      return undefined;
    };
    const rec: { -readonly [K in keyof MaterialRecord]: MaterialRecord[K] } = {};
    const copies = num('copies'); if (copies !== undefined) rec.copies = copies;
    const chars = num('chars'); if (chars !== undefined) rec.chars = chars;
    const bytes = num('bytes'); if (bytes !== undefined) rec.bytes = bytes;
    if (typeof m['electronic'] === 'boolean') rec.electronic = m['electronic'];
    if (typeof m['fileName'] === 'string' && m['fileName']) rec.fileName = m['fileName'];
    if (typeof m['format'] === 'string' && m['format']) rec.format = m['format'].toLowerCase().replace(/^\./, '');
    else if (rec.fileName && /\.[A-Za-z0-9]+$/.test(rec.fileName)) rec.format = rec.fileName.replace(/^.*\./, '').toLowerCase();
    out[id] = rec;
  }
  return out;
}
