/**
 * A small notice and the slates staff would keep for it, for the reader's tests and the end-to-end
 * tests of `awardc validate` (test/validate-cli.test.ts imports this file too).
 *
 * The dates sit on boundaries, so a reader that shifts a day either way is caught: service since
 * 2019-03-15 is exactly 5 full years on the reference date 2024-03-15 (the deadline), 2019-03-16 is
 * not; a submission on 2024-03-15 is in time, on 2024-03-16 it is late.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument, severityOf, type Model } from '@awardrules/language';
import type { Finding } from '@awardrules/runtime';
import { createReferenceValidator } from '@awardrules/interpreter';
import { readRows, type Columns } from '../src/index.js';
import type { Cell } from '../src/cells.js';

export const RULES = `notice "测试〔2024〕1号" {
  title "关于评选测试工作先进个人的通知"
  issued 2024-01-02
  tags T24
  reference submission
}

field service "从事测试工作" aka "从事测试工作起始时间": tenure

deadline submission "报送省评选表彰工作领导小组办公室" by 2024-03-15 #T24-DEADLINE-1 @四(三)
stage decision "确定表彰对象"

publicity >= 5 workdays at unit before submission #T24-PUBLICITY-1 @四(一)
exclude rank >= vice-bureau #T24-EXCLUDE-1 @二(三)

award advanced-individual "测试工作先进个人" for individual {
  require service >= 5 years #T24-REQUIRE-1 @二(二)
  require no violation within 5 years #T24-REQUIRE-2 @二(二)
}
`;

/** The same notice with its deadline in 2027, a year the built-in calendar does not have. */
export const RULES_2027 = RULES.replace('by 2024-03-15', 'by 2027-03-15');

export function model(text = RULES): Model {
  const doc = buildDocument('t24.award', text);
  const errors = doc.diagnostics.filter((d) => severityOf(d.code) === 'error');
  if (errors.length) throw new Error(`the test notice has errors: ${errors.map((d) => d.code).join(', ')}`);
  return doc.model;
}

/** The header of the summary table (推荐对象汇总表) as staff head it. */
export const HEADER = ['编号', '姓名', '申报奖项', '类别', '职级', '从事测试工作起始时间', '不良记录', '本单位公示', '报送省评选表彰工作领导小组办公室', '是否拟表彰'] as const;
export type Header = (typeof HEADER)[number];

/** A nominee who meets every rule; `over` changes cells by header. */
export function nominee(id: string, name: string, over: Partial<Record<Header, Cell | object>> = {}): (Cell | object)[] {
  const base: Record<Header, Cell | object> = {
    编号: id, 姓名: name, 申报奖项: '测试工作先进个人', 类别: '个人', 职级: '正科级', 从事测试工作起始时间: '2019-03-15',
    不良记录: null, 本单位公示: '2024-03-01至2024-03-07', 报送省评选表彰工作领导小组办公室: '2024-03-15', 是否拟表彰: '是',
  };
  return HEADER.map((h) => (h in over ? over[h]! : base[h]));
}

/** A date-typed cell as Excel stores it: a serial number with a date number format. */
export function dateCell(y: number, m: number, d: number, format: string): { value: Date; type: DateConstructor; format: string } {
  return { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format };
}

const scratchDirs: string[] = [];

/** A new temporary folder; removeScratch() removes every one made so far (call it in afterAll). */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awardrules-slate-'));
  scratchDirs.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

type SheetData = unknown[][];

/** An .xlsx workbook written with write-excel-file, one entry per sheet. */
export async function xlsx(sheets: readonly { name: string; data: SheetData }[]): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return (await writeXlsxFile(sheets.map((s) => ({ data: s.data as never, sheet: s.name }))).toBuffer()) as Buffer;
}

/**
 * An .xlsx whose date cells use Excel's built-in number formats (14 = m/d/yyyy, 31 = yyyy"年"m"月"d"日",
 * 57 = yyyy"年"m"月", 58 = m"月"d"日" in a Chinese Excel), which write-excel-file cannot write: each
 * cell is written with a custom format "B<id>"yyyy-mm-dd, whose style is then pointed at the built-in id.
 */
export async function xlsxWithBuiltinFormats(data: SheetData): Promise<Buffer> {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array(await xlsx([{ name: '推荐对象汇总表', data }])));
  let styles = strFromU8(files['xl/styles.xml']!);
  for (const m of [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="&quot;B(\d+)&quot;yyyy-mm-dd"\/>/g)]) {
    styles = styles.replace(m[0], '').replaceAll(`numFmtId="${m[1]}"`, `numFmtId="${m[2]}"`);
  }
  styles = styles.replace(/<numFmts count="\d+"><\/numFmts>/, '');
  files['xl/styles.xml'] = strToU8(styles);
  return Buffer.from(zipSync(files));
}

/** UTF-8 text as GB18030 bytes, as Excel on a Chinese Windows saves "CSV". */
export function gb18030(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
}

export function csv(rows: readonly (readonly (string | null)[])[], eol = '\n'): string {
  const quote = (c: string | null) => (c === null ? '' : /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
}

/** Rows read and validated as `awardc validate` does, findings in its order. */
export function validateRows(rows: readonly (readonly Cell[])[], columns: Columns = {}, text = RULES): { findings: Finding[]; nominees: readonly Record<string, unknown>[] } {
  const m = model(text);
  const read = readRows(rows, m, columns);
  const validate = createReferenceValidator(m, buildDocument('t24.award', text).lines);
  return { findings: [...read.issues, ...validate(read.slate).findings], nominees: read.slate.nominees };
}

/** A finding in one line, for exact comparisons: `rule nominee@row [fields] severity`. */
export function brief(f: Finding): string {
  return `${f.rule} ${f.nominee ? `${f.nominee.id}@${f.nominee.row ?? '-'}` : 'slate'} [${f.fields.join(',')}] ${f.severity}`;
}

/** Cell reference (E3) → fill colour (FFC7CE), as Excel shows it, from the workbook's XML. */
export async function fills(bytes: Uint8Array, sheet = 1): Promise<Record<string, string>> {
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml']!);
  const fillColours = [...(/<fills[^>]*>(.*?)<\/fills>/s.exec(styles)?.[1] ?? '').matchAll(/<fill>(.*?)<\/fill>/gs)].map((m) => /fgColor rgb="(?:FF)?([0-9A-F]{6})"/i.exec(m[1]!)?.[1]);
  const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g)].map((m) => Number(/fillId="(\d+)"/.exec(m[1]!)?.[1] ?? 0));
  const out: Record<string, string> = {};
  for (const m of strFromU8(files[`xl/worksheets/sheet${sheet}.xml`]!).matchAll(/<c r="([A-Z]+\d+)"[^>]*?\bs="(\d+)"/g)) {
    const colour = fillColours[xfs[Number(m[2])]!];
    if (colour) out[m[1]!] = colour.toUpperCase();
  }
  return out;
}
