/**
 * An annotated copy of a slate for staff who work in Excel: the original rows, each nominee's
 * findings in a column added at the end, the offending cells coloured (red for errors, amber for
 * warnings), and a sheet with the findings about the whole slate. A copy of a workbook keeps its
 * other sheets, in their places, with their values (not their formatting, which the reader does not
 * see), and the slate's sheet keeps its name.
 */
import type { Finding, Localized } from '@awardrules/runtime';
import type { Cell } from './cells.js';
import type { Layout } from './layout.js';
import type { Workbook } from './read.js';

const ERROR_FILL = '#FFC7CE';
const WARNING_FILL = '#FFEB9C';

export interface AnnotateInput {
  readonly rows: readonly (readonly Cell[])[];
  readonly layout: Layout;
  readonly findings: readonly Finding[];
  readonly locale: 'zh' | 'en';
  /** The workbook the slate was read from (SlateRead.workbook), if it was one. */
  readonly workbook?: Workbook;
}

function say(l: Localized, locale: 'zh' | 'en'): string {
  return l[locale];
}

const SEVERITY: Record<Finding['severity'], Localized> = { error: { en: 'error', zh: '错误' }, warning: { en: 'warning', zh: '警告' }, info: { en: 'note', zh: '提示' } };
const KIND: Record<string, Localized> = { data: { en: 'data', zh: '数据' }, calendar: { en: 'calendar', zh: '日历' } };

/** A finding's rule as staff refer to it: its tags, else what kind of problem it is. */
function ruleLabel(f: Finding, locale: 'zh' | 'en'): string {
  return f.tags.map((t2) => `#${t2}`).join(' ') || (KIND[f.rule] ? say(KIND[f.rule]!, locale) : f.rule);
}

/** Columns that hold a field, including its material, stage and publicity columns. */
function columnsOf(layout: Layout, field: string): number[] {
  const direct = field === 'selected' ? layout.selected : field === 'kind' ? layout.kind : layout.fields.get(field);
  const cols = direct !== undefined ? [direct] : [];
  if (field === 'publicity-records') {
    for (const c of layout.publicity.values()) cols.push(...[c.period, c.start, c.end].filter((x): x is number => x !== undefined));
    if (layout.publicityRecords !== undefined) cols.push(layout.publicityRecords);
  }
  if (field === 'submitted') cols.push(...layout.stages.values());
  if (field === 'materials') for (const m of layout.materials.values()) cols.push(...Object.values(m).filter((x): x is number => x !== undefined));
  for (const c of layout.flags.get(field)?.values() ?? []) cols.push(c);
  const v = layout.validUntil.get(field);
  if (v !== undefined) cols.push(v);
  return cols;
}

export async function writeAnnotated(path: string, input: AnnotateInput): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const { rows, layout, findings, locale } = input;
  const width = Math.max(...rows.map((r) => r.length), layout.headers.length);
  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    const row = f.nominee?.row;
    if (row !== undefined) byRow.set(row, [...(byRow.get(row) ?? []), f]);
  }
  const headerRow = layout.headerRow ?? rows.findIndex((r) => r.some((c) => c !== null && c !== undefined && c !== ''));
  // The findings column's title spans the header's rows (two in a form with group titles).
  const firstHeaderRow = layout.firstHeaderRow ?? headerRow;
  const sheet = rows.map((row, i) => {
    const rowNumber = i + 1;
    const own = byRow.get(rowNumber) ?? [];
    const fill = new Map<number, string>();
    for (const f of own) {
      const color = f.severity === 'error' ? ERROR_FILL : f.severity === 'warning' ? WARNING_FILL : undefined;
      if (!color) continue;
      for (const field of f.fields) for (const c of columnsOf(layout, field)) if (fill.get(c) !== ERROR_FILL) fill.set(c, color);
    }
    const cells = Array.from({ length: width }, (_, c) => {
      const value = row[c] ?? null;
      const color = fill.get(c);
      if (value instanceof Date) return { ...dateCell(value), ...(color ? { backgroundColor: color } : {}) };
      return color ? { value, backgroundColor: color } : value;
    });
    const note = i === firstHeaderRow
      ? { value: locale === 'zh' ? '审查结果' : 'Findings', fontWeight: 'bold' as const, ...(headerRow > i ? { rowSpan: headerRow - i + 1 } : {}) }
      : own.length ? { value: own.map((f) => `[${say(SEVERITY[f.severity], locale)}] ${f.tags[0] ? `#${f.tags[0]} ` : ''}${say(f.message, locale)}`).join('\n'), wrap: true } : null;
    return [...cells, note];
  });
  const slateFindings = findings.filter((f) => !f.nominee);
  const summary = [
    [locale === 'zh' ? '级别' : 'Severity', locale === 'zh' ? '规则' : 'Rule', locale === 'zh' ? '说明' : 'Finding'].map((value) => ({ value, fontWeight: 'bold' as const })),
    ...slateFindings.map((f) => [say(SEVERITY[f.severity], locale), ruleLabel(f, locale), say(f.message, locale)]),
  ];
  const slate = {
    data: sheet as never, sheet: locale === 'zh' ? '推荐名单' : 'Slate', stickyRowsCount: headerRow + 1,
    columns: [...Array.from({ length: width }, () => ({ width: 14 })), { width: 80 }],
  };
  const { workbook } = input;
  // Sheet names as Excel takes them: at most 31 characters, none of []:*?/\, and no two the same
  // but for case. A workbook written by another program can have others; the copy must still be written.
  const taken = new Set<string>();
  const name = (wanted: string) => {
    const n = unusedName(sheetName(wanted), taken);
    taken.add(n.toLowerCase());
    return n;
  };
  const sheets = workbook
    ? workbook.sheets.map((s, i) => (i === workbook.slateSheet ? { ...slate, sheet: name(s.name) } : { data: s.rows.map((row) => row.map(copiedCell)) as never, sheet: name(s.name) }))
    : [{ ...slate, sheet: name(slate.sheet) }];
  await writeXlsxFile([
    ...sheets,
    { data: summary as never, sheet: name(locale === 'zh' ? '整体问题' : 'Slate findings'), columns: [{ width: 10 }, { width: 22 }, { width: 100 }] },
  ]).toFile(path);
}

/** A sheet name Excel accepts: the characters it refuses made `_`, at most 31 characters, never empty. */
function sheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').trim();
  return within(cleaned || 'Sheet', 31);
}

/** The longest start of `text` of at most `max` UTF-16 units that does not split a character. */
function within(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function dateCell(value: Date) {
  return { value, type: Date, format: 'yyyy-mm-dd' };
}

/** A cell of another sheet, as it was read: dates stay dates. */
function copiedCell(value: Cell | undefined) {
  return value instanceof Date ? dateCell(value) : (value ?? null);
}

/**
 * `name`, or `name (2)`, `name (3)`, … (shortened to stay within 31 characters) if the workbook has a
 * sheet of that name already (`taken`, in lower case: Excel takes `Slate findings` and `slate findings`
 * for the same name).
 */
function unusedName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2, base = name; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = within(base, 31 - suffix.length) + suffix;
  }
  return name;
}
