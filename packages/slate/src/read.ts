/**
 * Reads a slate from the file staff keep (an .xlsx summary table, a CSV saved by Excel in UTF-8 or
 * GB18030, or JSON from another system) into the validator's input: one object per nominee, with
 * values in canonical form. Every cell that cannot be read is a finding naming the row, the nominee
 * and the field; no row is dropped without saying so.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { closestMatches, englishLabel, nameKey, propName, slateSchema, type Model } from '@awardrules/language';
import { formatDay, type FieldSchema, type Finding, type Localized, type NomineeRef, type SlateSchema } from '@awardrules/runtime';
import { bool, bytes, date, dated, dateString, isEmpty, list, namesWithSeparators, number, period, text, type Cell } from './cells.js';
import { expectedHeaders, findLayout, findTwoRowLayout, usedColumns, type Columns, type Layout } from './layout.js';
import { mergedRanges, type MergedRange } from './merges.js';

export type SlateFormat = 'xlsx' | 'csv' | 'json';

export interface ReadOptions {
  readonly columns?: Columns;
  /** Sheet name or number (1-based) for .xlsx files. */
  readonly sheet?: string | number;
}

export interface SlateRead {
  readonly format: SlateFormat;
  /** The slate in the validator's input form. */
  readonly slate: { readonly nominees: readonly Record<string, unknown>[] };
  readonly issues: readonly Finding[];
  /** For spreadsheets: the rows as read (header first) and where each field is, for annotated copies. */
  readonly rows?: readonly (readonly Cell[])[];
  readonly layout?: Layout;
  /** For .xlsx: every sheet of the workbook, and which one is the slate, so that an annotated copy keeps them all. */
  readonly workbook?: Workbook;
  readonly encoding?: 'utf-8' | 'gb18030';
}

export interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly Cell[])[] }[];
  /** The place of the slate's sheet in `sheets`. */
  readonly slateSheet: number;
}

export class SlateReadError extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
  }
}

const t = (en: string, zh: string): Localized => ({ en, zh });

/** Format from the file name, else from the first bytes (a ZIP archive is a spreadsheet). */
export function detectFormat(path: string, bytesIn: Uint8Array): SlateFormat {
  const ext = path.toLowerCase().replace(/^.*\./, '');
  if (ext === 'xlsx' || ext === 'csv' || ext === 'json') return ext;
  if (bytesIn[0] === 0x50 && bytesIn[1] === 0x4b) return 'xlsx';
  const head = new TextDecoder().decode(bytesIn.slice(0, 64)).trimStart();
  return head.startsWith('{') || head.startsWith('[') ? 'json' : 'csv';
}

export async function readSlate(path: string, data: Uint8Array, model: Model, options: ReadOptions = {}): Promise<SlateRead> {
  if (data.length === 0) throw new SlateReadError(t('the file is empty (0 bytes)', '文件为空（0 字节）'));
  const format = detectFormat(path, data);
  if (format === 'json') return readJson(data);
  if (format === 'csv') {
    const { text: decoded, encoding } = decode(data);
    let records: string[][];
    try {
      records = parseCsv(decoded, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (e) {
      const err = e as { message?: string; lines?: number };
      throw new SlateReadError(t(`it is not valid CSV (line ${err.lines ?? '?'}: ${err.message ?? e})`, `不是有效的 CSV 文件（第 ${err.lines ?? '?'} 行：${err.message ?? e}）`));
    }
    return { ...readRows(records, model, options.columns ?? {}), format, encoding };
  }
  const workbook = await readXlsx(data, options.sheet);
  const { name: sheet, rows } = workbook.sheets[workbook.slateSheet]!;
  const merged = mergedRanges(data, workbook.slateSheet);
  const sheets = workbook.sheets.map((s) => s.name);
  try {
    return { ...readRows(rows, model, options.columns ?? {}, merged), format, workbook };
  } catch (e) {
    if (!(e instanceof SlateReadError)) throw e;
    // Say which sheet was read, and which others there are, for --sheet.
    const others = sheets.length > 1 ? t(`; the workbook's sheets are ${sheets.join(', ')} (choose one with --sheet)`, `；工作簿中的工作表有 ${sheets.join('、')}（可用 --sheet 指定）`) : t('', '');
    throw new SlateReadError(t(`sheet ${sheet}: ${e.reason.en}${others.en}`, `工作表“${sheet}”：${e.reason.zh}${others.zh}`));
  }
}

/**
 * UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK, as Excel saves CSV on Chinese
 * systems); anything else is not a text file this reader can trust.
 */
function decode(bytesIn: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if ((bytesIn[0] === 0xff && bytesIn[1] === 0xfe) || (bytesIn[0] === 0xfe && bytesIn[1] === 0xff)) {
    throw new SlateReadError(t('it is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8" or as .xlsx', '这是 UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或 .xlsx'));
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytesIn), encoding: 'utf-8' };
  } catch { /* not UTF-8 */ }
  let text: string | undefined;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytesIn);
  } catch { /* not GB18030 either */ }
  // Text files hold no NUL characters; a binary file can still pass as GB18030.
  if (text === undefined || text.includes('\u0000')) {
    throw new SlateReadError(t('it is not a text file in UTF-8 or GB18030 (is it a binary file with the wrong name?); save the slate as .xlsx or as "CSV UTF-8"',
      '它不是 UTF-8 或 GB18030 编码的文本文件（是否为改了扩展名的二进制文件？）；请将名单另存为 .xlsx 或“CSV UTF-8”'));
  }
  return { text, encoding: 'gb18030' };
}

function readJson(data: Uint8Array): SlateRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decode(data).text);
  } catch (e) {
    throw new SlateReadError(t(`it is not valid JSON (${(e as Error).message})`, `不是有效的 JSON（${(e as Error).message}）`));
  }
  const nominees = Array.isArray(parsed) ? parsed : parsed !== null && typeof parsed === 'object' ? (parsed as { nominees?: unknown }).nominees : undefined;
  if (!Array.isArray(nominees)) throw new SlateReadError(t('the JSON has no list of nominees (expected { "nominees": [ … ] })', 'JSON 中没有推荐对象列表（应为 { "nominees": [ … ] }）'));
  if (nominees.length === 0) throw new SlateReadError(t('the list of nominees is empty', '推荐对象列表为空'));
  const bad = nominees.findIndex((n) => n === null || typeof n !== 'object' || Array.isArray(n));
  if (bad >= 0) throw new SlateReadError(t(`nominee ${bad + 1} of the list is not an object ({ "id": …, "name": …, … })`, `列表中第 ${bad + 1} 项不是推荐对象记录（应为 { "id": …, "name": …, … }）`));
  return { format: 'json', slate: { nominees: nominees as Record<string, unknown>[] }, issues: [] };
}

/** Every sheet of the workbook, and which is the slate: the first unless `sheet` names one by name or 1-based number. */
async function readXlsx(data: Uint8Array, sheet: string | number | undefined): Promise<Workbook> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let all: { sheet: string; data: unknown[][] }[];
  try {
    all = await readXlsxFile(Buffer.from(data));
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'XLS_FILE_NOT_SUPPORTED') throw new SlateReadError(t('it is a legacy .xls file; open it in Excel or WPS and save it as .xlsx', '这是旧版 .xls 文件，请用 Excel 或 WPS 另存为 .xlsx'));
    if (err.code === 'FILE_NOT_SUPPORTED' || err.code === 'NO_DATA') throw new SlateReadError(t('it is not an .xlsx workbook (a CSV file must be named .csv)', '它不是 .xlsx 工作簿（CSV 文件的扩展名应为 .csv）'));
    if (err.code === 'INVALID_ZIP') throw new SlateReadError(t('the .xlsx file is damaged or incomplete (was it copied or downloaded only in part?)', '.xlsx 文件已损坏或不完整（是否未完整复制或下载？）'));
    throw new SlateReadError(t(`the .xlsx file is damaged (${err.message ?? e})`, `.xlsx 文件已损坏（${err.message ?? e}）`));
  }
  const names = all.map((s) => s.sheet);
  const chosen = sheet === undefined ? all[0] : typeof sheet === 'number' ? all[sheet - 1] : all.find((s) => s.sheet === sheet) ?? all.find((s) => nameKey(s.sheet) === nameKey(sheet));
  if (!chosen) {
    throw new SlateReadError(sheet === undefined
      ? t('the workbook has no sheets', '工作簿中没有工作表')
      : t(`it has no sheet ${sheet} (its sheets: ${names.map((n, i) => `${i + 1} ${n}`).join(', ')})`, `没有工作表“${sheet}”（现有：${names.map((n, i) => `${i + 1} ${n}`).join('、')}）`));
  }
  return { sheets: all.map((s) => ({ name: s.sheet, rows: s.data as Cell[][] })), slateSheet: all.indexOf(chosen) };
}

/** How many of a row's cells are headers of known columns. */
function recognised(layout: Layout): number {
  let n = layout.fields.size + layout.validUntil.size + layout.publicity.size + layout.stages.size + layout.materials.size;
  for (const m of layout.flags.values()) n += m.size;
  return n + (layout.publicityRecords !== undefined ? 1 : 0) + (layout.kind !== undefined ? 1 : 0) + (layout.selected !== undefined ? 1 : 0);
}

/** Rows that may be above the header: a title (附件3 …汇总表) and a line such as 填报单位（盖章）：… */
const HEADER_SEARCH = 10;

/**
 * What the lines under a form's table start with: notes (注：, 填表说明：) and who filled it in (填表人：…
 * 联系电话：…). A row at the end whose first cell starts so, with a colon (or is the label alone), is
 * not a nominee.
 */
const FOOTER_LABELS = ['注', '附注', '备注', '说明', '填表说明', '填报说明', '填表人', '填报人', '制表人', '联系人', '联系电话', '电话',
  '审核人', '负责人', '单位负责人', '主要负责人', '填表日期', '填报日期', '填表单位', '填报单位'];
const FOOTER = new RegExp(`^(?:${FOOTER_LABELS.join('|')})\\s*(?:[:：]|$)`);

/** What a row of totals starts with (合计：15人, 小计), at the end of a table or after a group of nominees. */
const TOTAL = /^(?:合计|总计|小计|共计)\s*(?:[:：\d]|人|$)/;

function isBlank(row: readonly Cell[]): boolean {
  return row.every((c) => isEmpty(c));
}

/** The text of a row's first filled cell, trimmed ('' if it has none). */
function firstText(row: readonly Cell[]): string {
  const first = row.find((c) => !isEmpty(c));
  return first === undefined ? '' : text(first).trim();
}

/** The first filled cell of a row, if the row is one of totals (see TOTAL). */
function totalText(row: readonly Cell[]): string | undefined {
  const s = firstText(row);
  return TOTAL.test(s.normalize('NFKC')) ? s : undefined;
}

/** The first filled cell of a row, if it is the start of a note under the table (see FOOTER_LABELS). */
function footerText(row: readonly Cell[]): string | undefined {
  const s = firstText(row);
  return FOOTER.test(s.normalize('NFKC').replace(/^[(（]?\s*|\s*[)）]$/g, '')) ? s : undefined;
}

/**
 * Rows of cells → nominee objects, with a finding for each unreadable cell. The header is the row, among
 * the first few that are not empty, that names the most known columns, or two rows read together
 * (findTwoRowLayout) when they name more known columns than any one row; rows above it (a title, the
 * reporting unit) are not read. Row numbers are the sheet's, 1-based.
 */
export function readRows(sheetRows: readonly (readonly Cell[])[], model: Model, columns: Columns, merged: readonly MergedRange[] = []): Omit<SlateRead, 'format'> {
  let rows = sheetRows;
  const schema = slateSchema(model);
  const filled = rows.map((r, i) => (isBlank(r) ? -1 : i)).filter((i) => i >= 0);
  const issues: Finding[] = [];
  if (filled.length === 0) throw new SlateReadError(t('it is empty', '表格为空'));
  const texts = (i: number) => rows[i]!.map((c) => text(c));
  let headerIndex = filled[0]!;
  let layout = findLayout(texts(headerIndex), model, schema, columns);
  let best = recognised(layout);
  for (const i of filled.slice(1, HEADER_SEARCH)) {
    const candidate = findLayout(texts(i), model, schema, columns);
    const score = recognised(candidate);
    if (score > best) [headerIndex, layout, best] = [i, candidate, score];
  }
  if (best === 0) {
    const expected = ['id', 'name', 'award'].map((id) => schema.fields.find((f) => f.id === id)).filter((f): f is FieldSchema => !!f).flatMap((f) => expectedHeaders(f).slice(0, 2));
    throw new SlateReadError(t(`none of its first rows is a header row naming known columns such as ${expected.join(', ')}`, `前几行中没有表头行（应含 ${expected.join('、')} 等列名）`));
  }
  // A header over two adjacent rows, only when it names more known columns than the best one row:
  // a one-row header is read exactly as it would be alone.
  let firstHeaderIndex = headerIndex;
  let known = usedColumns(layout).size;
  for (const i of filled.slice(0, HEADER_SEARCH)) {
    if (!rows[i + 1] || isBlank(rows[i + 1]!)) continue;
    const candidate = findTwoRowLayout(texts(i), texts(i + 1), model, schema, columns);
    const score = usedColumns(candidate).size;
    if (score > known) [firstHeaderIndex, headerIndex, layout, known] = [i, i + 1, candidate, score];
  }
  layout = { ...layout, headerRow: headerIndex, ...(firstHeaderIndex < headerIndex ? { firstHeaderRow: firstHeaderIndex } : {}) };
  const mergedDown = fillMergedDown(rows, merged, headerIndex, layout);
  if (mergedDown) {
    rows = mergedDown.rows;
    issues.push(mergedDown.note);
  }
  for (const p of layout.columnProblems) {
    if (p.field === undefined) {
      issues.push({ ...slateIssue([], t(`--columns names '${p.key}', which is not a column these rules read (use a field id such as rank, or its Chinese name such as 职级).`,
        `--columns 中的“${p.key}”不是这些规则要读取的数据项（请写数据项标识如 rank，或中文名称如 职级）。`)), severity: 'warning' });
    } else {
      const label = p.field === 'selected' ? t('selected', '是否拟表彰') : schema.fields.find((x) => x.id === p.field)?.label ?? t(p.field, p.field);
      issues.push({ ...slateIssue([p.field], t(`--columns maps ${label.en} to the header '${p.header}', but the sheet has no such header (its headers: ${layout.headers.filter(Boolean).join(', ')}).`,
        `--columns 把“${label.zh}”对应到表头“${p.header}”，但表格中没有这一表头（现有表头：${layout.headers.filter(Boolean).join('、')}）。`)),
      // Only a warning when the field was found under another header all the same.
      severity: layout.missing.includes(p.field) ? 'error' : 'warning' });
    }
  }
  for (const id of layout.missing) {
    const f = schema.fields.find((x) => x.id === id);
    if (!f || layout.columnProblems.some((p) => p.field === id)) continue;
    const expected = expectedHeaders(f);
    issues.push(slateIssue([id], t(`The sheet has no column for ${f.label.en} (a header such as ${expected.join(', ')}).`, `表格中没有“${f.label.zh}”一列（表头可写作 ${expected.join('、')}）。`)));
  }
  for (const level of layout.missingPublicityLevels) {
    const v = model.enums.get('publicity-level')?.values.find((x) => x.id === level);
    const zh = v?.zh ?? level;
    const en = v ? englishLabel(v) : level;
    issues.push(slateIssue(['publicity-records'], t(`The sheet has no column for the publicity at ${en}, which a publicity rule reads (a header such as ${zh}公示, or ${zh}公示开始 and ${zh}公示结束); without it every nominee lacks that publicity.`,
      `表格中没有“${zh}公示”一列，而公示规则要读取这一项（表头可写作 ${zh}公示，或 ${zh}公示开始、${zh}公示结束）；缺少这一列，每名推荐对象都会被视为没有该范围的公示。`)));
  }
  const reader = new RowReader(model, schema, layout, issues);
  const nominees: Record<string, unknown>[] = [];
  // Templates number their rows in advance (序号 1…50): rows at the end that hold nothing but that
  // number are not nominees. One note says so.
  const numbering = new Set([layout.fields.get('id'), ...layout.headers.map((h, c) => (nameKey(h) === '序号' ? c : undefined))].filter((c): c is number => c !== undefined));
  const numberOnly = (r: readonly Cell[]) => r.every((c, col) => isEmpty(c) || numbering.has(col));
  let lastFilled = rows.reduce((last, r, i) => (isBlank(r) ? last : i), -1);
  // Notes and signatures under the table: the rows at the end that are such lines (or empty).
  let notesFrom = lastFilled + 1;
  while (notesFrom - 1 > headerIndex && (isBlank(rows[notesFrom - 1]!) || footerText(rows[notesFrom - 1]!) !== undefined)) notesFrom--;
  if (notesFrom <= lastFilled) {
    const first = rows.findIndex((r, i) => i >= notesFrom && footerText(r) !== undefined);
    issues.push(notesNotRead(rows, first, lastFilled, 'table'));
    lastFilled = notesFrom - 1;
    while (lastFilled > headerIndex && isBlank(rows[lastFilled]!)) lastFilled--;
  }
  // And notes just under the header (填表说明：…, 注：金额单位为万元).
  // Empty rows among and just after them are the rest of a note merged over several lines.
  let firstRow = headerIndex + 1;
  let notesTo = headerIndex;
  for (let i = headerIndex + 1; i <= lastFilled; i++) {
    if (footerText(rows[i]!) !== undefined) notesTo = i;
    else if (!isBlank(rows[i]!)) break;
  }
  if (notesTo > headerIndex) {
    issues.push(notesNotRead(rows, headerIndex + 1, notesTo, 'header'));
    firstRow = notesTo + 1;
    while (firstRow < lastFilled && isBlank(rows[firstRow]!)) firstRow++;
  }
  // Nominees are read from firstRow on: rows above it are the header or notes under it.
  let lastNominee = lastFilled;
  while (lastNominee >= firstRow && numberOnly(rows[lastNominee]!)) lastNominee--;
  if (lastNominee < firstRow) {
    const header = firstHeaderIndex < headerIndex
      ? t(`header rows (rows ${firstHeaderIndex + 1}–${headerIndex + 1})`, `第 ${firstHeaderIndex + 1}–${headerIndex + 1} 行`)
      : t(`a header row (row ${headerIndex + 1})`, `第 ${headerIndex + 1} 行`);
    throw new SlateReadError(t(`it has ${header.en} but no nominees below it`, `只有表头（${header.zh}），下面没有推荐对象`));
  }
  if (lastNominee < lastFilled) {
    const [from, to] = [lastNominee + 2, lastFilled + 1];
    const which = from === to ? t(`Row ${from} holds`, `第 ${from} 行`) : t(`Rows ${from}–${to} hold`, `第 ${from}–${to} 行`);
    issues.push({ rule: 'data', tags: [], kind: 'data', severity: 'info', fields: [],
      message: t(`${which.en} nothing but a number and ${from === to ? 'was' : 'were'} not read as nominees.`, `${which.zh}只有序号，未作为推荐对象读取。`) });
    lastFilled = lastNominee;
  }
  const totals: number[] = [];
  for (let i = firstRow; i <= lastFilled; i++) {
    const row = rows[i]!;
    const rowNumber = i + 1;
    if (isBlank(row)) {
      issues.push({ rule: 'data', tags: [], kind: 'data', severity: 'warning', fields: [], message: t(`Row ${rowNumber} is empty and was skipped.`, `第 ${rowNumber} 行为空，已跳过。`) });
      continue;
    }
    if (totalText(row) !== undefined) { totals.push(rowNumber); continue; }
    nominees.push(reader.read(row, rowNumber));
  }
  if (totals.length > 0) {
    const which = totals.length === 1 ? t(`Row ${totals[0]} is a row of totals`, `第 ${totals[0]} 行是合计行`) : t(`Rows ${totals.join(', ')} are rows of totals`, `第 ${totals.join('、')} 行是合计行`);
    issues.push({ rule: 'data', tags: [], kind: 'data', severity: 'info', fields: [],
      message: t(`${which.en} (合计, 小计) and ${totals.length === 1 ? 'was not read as a nominee' : 'were not read as nominees'}.`, `${which.zh}（合计、小计），未作为推荐对象读取。`) });
  }
  return { slate: { nominees }, issues, rows: sheetRows, layout };
}

/** The note that rows `from`..`to` (0-based) are lines under the table or the header, quoting them, and were not read. */
function notesNotRead(rows: readonly (readonly Cell[])[], from: number, to: number, under: 'table' | 'header'): Finding {
  const quoted = rows.slice(from, to + 1).map(footerText).filter((x): x is string => x !== undefined).map((x) => (x.length > 12 ? `${x.slice(0, 12)}…` : x));
  const [first, last] = [from + 1, to + 1];
  const place = under === 'table' ? t('under the table', '表格下方') : t('under the header', '表头下方');
  const which = first === last ? t(`Row ${first} is a line`, `第 ${first} 行是${place.zh}的说明`) : t(`Rows ${first}–${last} are lines`, `第 ${first}–${last} 行是${place.zh}的说明`);
  return { rule: 'data', tags: [], kind: 'data', severity: 'info', fields: [],
    message: t(`${which.en} ${place.en} (${quoted.join(', ')}) and ${first === last ? 'was not read as a nominee' : 'were not read as nominees'}.`, `${which.zh}（${quoted.join('、')}），未作为推荐对象读取。`) };
}

/**
 * The rows with each cell merged over several nominees' rows (a unit or region written once for its
 * nominees) read as its value in each of them, with a note that says where; undefined when there is
 * none. Only below the header, and only down the range's first column. A row with nothing of its own
 * (a nominee's second line, the rest of a note merged over several lines) is not filled, nor is the
 * column of the id or the name: rows that share those are one nominee, not several.
 */
function fillMergedDown(rows: readonly (readonly Cell[])[], merged: readonly MergedRange[], headerIndex: number, layout: Layout):
  { rows: (readonly Cell[])[]; note: Finding } | undefined {
  const identity = new Set([layout.fields.get('id'), layout.fields.get('name')]);
  const out = rows.slice() as (readonly Cell[])[];
  const where: { header: string; from: number; to: number }[] = [];
  for (const m of merged) {
    if (m.top <= headerIndex || m.bottom <= m.top || m.top >= rows.length || identity.has(m.left) || isEmpty(rows[m.top]![m.left] ?? null)) continue;
    const value = rows[m.top]![m.left]!;
    let last = m.top;
    for (let r = m.top + 1; r <= Math.min(m.bottom, rows.length - 1); r++) {
      if (isBlank(rows[r]!)) continue;
      const row = out[r]!.slice();
      while (row.length <= m.left) row.push(null);
      row[m.left] = value;
      out[r] = row;
      last = r;
    }
    if (last > m.top) where.push({ header: layout.headers[m.left] || columnLetter(m.left), from: m.top + 1, to: last + 1 });
  }
  if (where.length === 0) return undefined;
  const more = where.length > 5 ? t(', …', '等') : t('', '');
  const shown = where.slice(0, 5);
  return { rows: out, note: { rule: 'data', tags: [], kind: 'data', severity: 'info', fields: [], message: t(
    `Merged cells were read as their value in each row they cover: ${shown.map((w) => `${w.header} (rows ${w.from}–${w.to})`).join(', ')}${more.en}.`,
    `合并单元格按其内容读入所覆盖的每一行：${shown.map((w) => `${w.header}（第 ${w.from}–${w.to} 行）`).join('、')}${more.zh}。`) } };
}

function columnLetter(c: number): string {
  return c < 26 ? String.fromCharCode(65 + c) : columnLetter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
}

function slateIssue(fields: string[], message: Localized): Finding {
  return { rule: 'data', tags: [], kind: 'data', severity: 'error', fields, message };
}

class RowReader {
  private readonly awardsByName = new Map<string, string>();

  constructor(private readonly model: Model, private readonly schema: SlateSchema, private readonly layout: Layout, private readonly issues: Finding[]) {
    for (const a of model.awards) for (const s of [a.id, a.zh, a.en]) if (s) this.awardsByName.set(nameKey(s), a.id);
  }

  read(row: readonly Cell[], rowNumber: number): Record<string, unknown> {
    const cell = (col: number | undefined): Cell => (col === undefined ? undefined : row[col]);
    const out: Record<string, unknown> = { row: rowNumber };
    const id = text(cell(this.layout.fields.get('id')));
    const name = text(cell(this.layout.fields.get('name')));
    const ref: NomineeRef = { id: id || `row ${rowNumber}`, name, row: rowNumber };
    const problem = (field: string, en: string, zh: string) =>
      this.issues.push({ rule: 'data', tags: [], kind: 'data', severity: 'error', nominee: ref, fields: [field], message: t(en, zh) });
    if (id) out['id'] = id;
    if (name) out['name'] = name;

    const awardCell = text(cell(this.layout.fields.get('award')));
    if (awardCell) out['award'] = this.awardsByName.get(nameKey(awardCell)) ?? awardCell;
    const kindCell = text(cell(this.layout.kind));
    if (kindCell) {
      const k = this.resolve('nominee-kind', kindCell);
      if (k) out['kind'] = k;
      else {
        const what = this.unknownValue('nominee-kind', kindCell);
        problem('kind', `nominee kind: ${what.en}`, `类别：${what.zh}`);
      }
    }
    const selectedCell = cell(this.layout.selected);
    if (!isEmpty(selectedCell)) {
      const b = bool(selectedCell);
      if (b === undefined) problem('selected', `'selected' must be yes or no, not ${text(selectedCell)}`, `“是否拟表彰”应填是或否，而不是“${text(selectedCell)}”`);
      else out['selected'] = b;
    }

    for (const f of this.schema.fields) {
      if (['id', 'name', 'award', 'kind'].includes(f.id)) continue;
      const col = this.layout.fields.get(f.id);
      const c = cell(col);
      const label = f.label;
      const bad = (what: Localized) => problem(f.id, `${label.en}: ${what.en}`, `${label.zh}：${what.zh}`);
      switch (f.kind) {
        case 'publicity': {
          const records = this.publicity(row, bad);
          if (records.length) out[f.prop] = records;
          continue;
        }
        case 'submissions': {
          // An unreadable entry is null, so that the rules it concerns are not checked as if it were absent.
          const dates: Record<string, string | null> = {};
          for (const [stage, scol] of this.layout.stages) {
            const v = cell(scol);
            if (isEmpty(v)) continue;
            const d = dateString(v);
            if (d) dates[stage] = d;
            else { dates[stage] = null; bad(t(`the ${stage} date '${text(v)}' is not a date`, `“${stage}”日期“${text(v)}”不是日期`)); }
          }
          if (Object.keys(dates).length) out[f.prop] = dates;
          continue;
        }
        case 'materials': {
          const materials: Record<string, Record<string, unknown>> = {};
          for (const [id, cols] of this.layout.materials) {
            const m: Record<string, unknown> = {};
            const num = (k: 'copies' | 'chars', col2: number | undefined) => {
              const v = cell(col2);
              if (isEmpty(v)) return;
              const n = number(v);
              if (n === undefined) { m[k] = null; bad(t(`${id} ${k}: '${text(v)}' is not a number`, `${id} 的${k === 'copies' ? '份数' : '字数'}“${text(v)}”不是数字`)); }
              else m[k] = n;
            };
            num('copies', cols.copies);
            num('chars', cols.chars);
            if (!isEmpty(cell(cols.electronic))) {
              const b = bool(cell(cols.electronic));
              if (b === undefined) { m['electronic'] = null; bad(t(`${id} electronic copy: '${text(cell(cols.electronic))}' is not yes or no`, `${id} 电子版“${text(cell(cols.electronic))}”应为是或否`)); }
              else m['electronic'] = b;
            }
            if (!isEmpty(cell(cols.fileName))) m['fileName'] = text(cell(cols.fileName));
            if (!isEmpty(cell(cols.bytes))) {
              const b = bytes(cell(cols.bytes));
              if (b === undefined) { m['bytes'] = null; bad(t(`${id} size: '${text(cell(cols.bytes))}' is not a size such as 320KB`, `${id} 文件大小“${text(cell(cols.bytes))}”应写作 320KB 之类`)); }
              else m['bytes'] = b;
            }
            if (!isEmpty(cell(cols.format))) m['format'] = text(cell(cols.format)).toLowerCase();
            if (Object.keys(m).length) materials[id] = m;
          }
          if (Object.keys(materials).length) out[f.prop] = materials;
          continue;
        }
        case 'units': {
          if (!isEmpty(c)) out[f.prop] = list(c);
          continue;
        }
        case 'set': {
          const values = new Set<string | null>();
          if (!isEmpty(c)) for (const item of list(c, this.wholeNames(f.id))) {
            const v = this.resolve(f.id, item);
            if (v) values.add(v); else { values.add(null); bad(this.unknownValue(f.id, item)); }
          }
          for (const [value, fcol] of this.layout.flags.get(f.id) ?? []) {
            const v = cell(fcol);
            if (isEmpty(v)) continue;
            const b = bool(v);
            if (b === undefined) { values.add(null); bad(t(`'${text(v)}' under ${this.layout.headers[fcol]} is not yes or no`, `“${this.layout.headers[fcol]}”下的“${text(v)}”应为是或否`)); }
            else if (b) values.add(value);
          }
          if (values.size) out[f.prop] = [...values];
          continue;
        }
        case 'events': {
          if (isEmpty(c)) continue;
          const events: ({ kind: string; date?: string } | null)[] = [];
          for (const item of list(c, this.wholeNames(f.id))) {
            const { name: n, date: d } = dated(item);
            const v = this.resolve(f.id, n);
            if (v) events.push(d ? { kind: v, date: d } : { kind: v }); else { events.push(null); bad(this.unknownValue(f.id, n)); }
          }
          if (events.length) out[f.prop] = events;
          continue;
        }
      }
      if (col === undefined || isEmpty(c)) continue;
      switch (f.kind) {
        case 'text': out[f.prop] = text(c); break;
        case 'number': case 'percent': case 'duration': {
          const n = number(c);
          if (n === undefined) bad(t(`'${text(c)}' is not a number`, `“${text(c)}”不是数字`)); else out[f.prop] = n;
          break;
        }
        case 'bool': {
          const b = bool(c);
          if (b === undefined) bad(t(`'${text(c)}' is not yes or no`, `“${text(c)}”应为是或否`)); else out[f.prop] = b;
          break;
        }
        case 'date': case 'tenure': {
          const d = date(c);
          if (d === undefined) bad(t(`'${text(c)}' is not a date (write 2024-03-15 or 2024年3月15日)`, `“${text(c)}”不是日期（请写作 2024-03-15 或 2024年3月15日）`));
          else out[f.prop] = formatDay(d);
          break;
        }
        case 'enum': {
          const v = this.resolve(f.id, text(c));
          if (!v) { bad(this.unknownValue(f.id, text(c))); break; }
          if (f.validity) {
            const until = cell(this.layout.validUntil.get(f.id));
            const d = isEmpty(until) ? undefined : dateString(until);
            if (!isEmpty(until) && !d) bad(t(`the validity end '${text(until)}' is not a date`, `有效期“${text(until)}”不是日期`));
            out[f.prop] = d ? { value: v, validUntil: d } : { value: v };
          } else out[f.prop] = v;
          break;
        }
      }
    }
    return out;
  }

  private enumOf(fieldId: string): string | undefined {
    if (fieldId === 'nominee-kind') return 'nominee-kind';
    const t2 = this.model.fields.get(fieldId)?.type;
    return t2 && (t2.kind === 'enum' || t2.kind === 'set' || t2.kind === 'events') ? t2.enum : undefined;
  }

  /** A cell's text as a value id of the field's list, in any of its spellings. */
  private readonly whole = new Map<string, string[]>();

  /** Names of a field's values that contain a list separator, to be read whole. */
  private wholeNames(fieldId: string): string[] {
    let names = this.whole.get(fieldId);
    if (!names) {
      const e = this.model.enums.get(this.enumOf(fieldId) ?? '');
      names = namesWithSeparators((e?.values ?? []).flatMap((v) => [v.zh, ...(v.aliases ?? [])]));
      this.whole.set(fieldId, names);
    }
    return names;
  }

  private resolve(fieldId: string, value: string): string | undefined {
    const e = this.model.enums.get(this.enumOf(fieldId) ?? '');
    if (!e) return undefined;
    const direct = e.spellings.get(nameKey(value));
    if (direct) return direct;
    // Attested conditions may be written as their full text.
    const byText = e.values.find((v) => nameKey(v.zh) === nameKey(value));
    return byText?.id;
  }

  private unknownValue(fieldId: string, value: string): Localized {
    const e = this.model.enums.get(this.enumOf(fieldId) ?? '');
    const candidates = e ? [...e.values].flatMap((v) => [v.id, v.zh].map((spelling) => ({ spelling, value: v.zh }))) : [];
    const best = closestMatches(value, candidates, 2).map((c) => c.value);
    const hint = best.length ? t(` (did you mean ${best.join(' or ')}?)`, `（是否应为“${best.join('”或“')}”？）`) : t('', '');
    return t(`'${value}' is not a known ${e?.en ?? 'value'}${hint.en}`, `“${value}”不是有效的${e?.zh ?? '取值'}${hint.zh}`);
  }

  private publicity(row: readonly Cell[], bad: (what: Localized) => void): ({ level: string; unit?: string; start: string; end: string } | null)[] {
    const records: ({ level: string; unit?: string; start: string; end: string } | null)[] = [];
    for (const [level, cols] of this.layout.publicity) {
      const p = cols.period !== undefined ? row[cols.period] : undefined;
      if (!isEmpty(p)) {
        const r = period(p);
        if (r) records.push({ level, ...r }); else { records.push(null); bad(t(`'${text(p)}' is not a period such as 2024-01-02至2024-01-08`, `“${text(p)}”不是起止日期（请写作 2024-01-02至2024-01-08）`)); }
        continue;
      }
      const s = cols.start !== undefined ? row[cols.start] : undefined;
      const e = cols.end !== undefined ? row[cols.end] : undefined;
      if (isEmpty(s) && isEmpty(e)) continue;
      const start = dateString(s);
      const end = dateString(e);
      if (start && end) records.push({ level, start, end });
      else { records.push(null); bad(t(`the publicity at ${level} needs both a start and an end date`, `${level} 公示须同时填写开始和结束日期`)); }
    }
    // Free-form records: `本单位:某协会 2024-01-02~2024-01-08；…`.
    const free = this.layout.publicityRecords !== undefined ? row[this.layout.publicityRecords] : undefined;
    if (!isEmpty(free)) {
      for (const item of text(free).split(/[；;\n]+/).map((s) => s.trim()).filter(Boolean)) {
        const m = /^(\S+?)(?:[:：](\S+))?\s+(.+)$/.exec(item);
        const level = m ? this.model.enums.get('publicity-level')?.spellings.get(nameKey(m[1]!)) : undefined;
        const r = m ? period(m[3]!) : undefined;
        if (!m || !level || !r) { records.push(null); bad(t(`'${item}' is not a publicity record such as 本单位:某协会 2024-01-02~2024-01-08`, `“${item}”不是公示记录（请写作 本单位:某协会 2024-01-02~2024-01-08）`)); continue; }
        records.push({ level, ...(m[2] ? { unit: m[2] } : {}), ...r });
      }
    }
    return records;
  }
}

export { propName };
