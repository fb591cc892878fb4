/**
 * Reading a 10,000-row slate for examples/jilin-2023-social-orgs.award (the rows of bench/slates.ts:
 * Chinese headers and values as staff type them) with `readSlate`, against the BASELINE of the
 * spreadsheet library alone reading the same file, measured in the same run:
 *   - .xlsx written with write-excel-file: readSlate vs read-excel-file's readSheet;
 *   - CSV in UTF-8 (with a BOM, as Excel's "CSV UTF-8" saves it) and in GB18030 (converted with
 *     iconv, as Excel on a Chinese Windows saves "CSV"): readSlate vs TextDecoder + csv-parse.
 * The ratio is our overhead on top of the library (finding the header row and the columns, reading
 * every cell: dates, yes/no, lists, periods, enum labels; for CSV also guessing the encoding).
 * `readRows` alone, on the rows the library returned, is shown too. A warm-up round, then the median
 * of five rounds in which all the readers take turns.
 *
 * Run: npm run bench:read         (BENCH_ROWS=… to change the size)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { readRows, readSlate } from '@awardrules/slate';
import { grid, jilinDocument, jilinSheet } from './slates.js';
import { machine, ms, perSecond, ratio, scratch, table, timeInterleaved, type Timing } from './support.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 10_000);
const started = performance.now();
console.log(`read — ${machine()}`);
const dir = scratch('read');
const doc = jilinDocument();
const cells = grid(jilinSheet(ROWS));

// ── The files ────────────────────────────────────────────────────────────────────────────────────
const xlsxPath = resolve(dir, 'slate.xlsx');
const data = cells.map((r, i) => r.map((v) => (i === 0 ? { value: v, fontWeight: 'bold' as const } : v)));
await writeXlsxFile(data as never, { sheet: '推荐对象汇总表', stickyRowsCount: 1, columns: cells[0]!.map(() => ({ width: 16 })) }).toFile(xlsxPath);
const xlsx = readFileSync(xlsxPath);
const quote = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvText = `${cells.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
const utf8 = Buffer.from(`\ufeff${csvText}`, 'utf8');
const gb18030 = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csvText, maxBuffer: 1 << 28 });

// ── Sanity: every format reads to the same nominees ──────────────────────────────────────────────
const reads = {
  xlsx: await readSlate('slate.xlsx', xlsx, doc.model),
  utf8: await readSlate('slate.csv', utf8, doc.model),
  gb18030: await readSlate('slate.csv', gb18030, doc.model),
};
if (reads.gb18030.encoding !== 'gb18030' || reads.utf8.encoding !== 'utf-8') throw new Error(`encodings read as ${reads.utf8.encoding} and ${reads.gb18030.encoding}`);
const nominees = reads.xlsx.slate.nominees.length;
for (const [k, r] of Object.entries(reads)) {
  if (r.slate.nominees.length !== nominees) throw new Error(`${k}: ${r.slate.nominees.length} nominees, xlsx has ${nominees}`);
}
const rows = cells.length - 1;
console.log(`slate: ${rows} rows × ${cells[0]!.length} columns → ${nominees} nominees, ${reads.xlsx.issues.length} cell problems reported (planted); `
  + `.xlsx ${(xlsx.length / 1024 / 1024).toFixed(2)} MB, CSV ${(utf8.length / 1024 / 1024).toFixed(2)} MB UTF-8 / ${(gb18030.length / 1024 / 1024).toFixed(2)} MB GB18030`);

const setupSeconds = (performance.now() - started) / 1000;
// ── Timing ───────────────────────────────────────────────────────────────────────────────────────
const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: false } as const;
const RUNS = 5;
const sheet = (await readSheet(xlsx)) as (string | number | boolean | Date | null)[][];
const utf8Records = parseCsv(new TextDecoder('utf-8').decode(utf8), CSV_OPTIONS) as string[][];
const gbRecords = parseCsv(new TextDecoder('gb18030').decode(gb18030), CSV_OPTIONS) as string[][];
const t = await timeInterleaved({
  xlsxLibrary: () => readSheet(xlsx),
  xlsxOurs: () => readSlate('slate.xlsx', xlsx, doc.model),
  xlsxRows: () => readRows(sheet, doc.model, {}),
  utf8Library: () => parseCsv(new TextDecoder('utf-8').decode(utf8), CSV_OPTIONS),
  utf8Ours: () => readSlate('slate.csv', utf8, doc.model),
  utf8Rows: () => readRows(utf8Records, doc.model, {}),
  gbLibrary: () => parseCsv(new TextDecoder('gb18030').decode(gb18030), CSV_OPTIONS),
  gbOurs: () => readSlate('slate.csv', gb18030, doc.model),
  gbRows: () => readRows(gbRecords, doc.model, {}),
}, RUNS, 1);
const results: { format: string; base: string; library: Timing; ours: Timing; rowsOnly: Timing }[] = [
  { format: '.xlsx', base: 'read-excel-file readSheet', library: t.xlsxLibrary, ours: t.xlsxOurs, rowsOnly: t.xlsxRows },
  { format: 'CSV UTF-8', base: 'TextDecoder(utf-8) + csv-parse', library: t.utf8Library, ours: t.utf8Ours, rowsOnly: t.utf8Rows },
  { format: 'CSV GB18030', base: 'TextDecoder(gb18030) + csv-parse', library: t.gbLibrary, ours: t.gbOurs, rowsOnly: t.gbRows },
];

console.log(`\n${rows} rows; medians of ${RUNS} runs after 1 warm-up, all nine taking turns; baseline = the library alone on the same bytes`);
table([
  ['format', 'baseline', 'baseline', 'readSlate', '× baseline', 'overhead', 'readRows alone', 'readSlate rows/s', 'baseline rows/s'],
  ...results.map((r) => [
    r.format, r.base, ms(r.library.median), ms(r.ours.median), ratio(r.ours.median, r.library.median), ms(r.ours.median - r.library.median),
    ms(r.rowsOnly.median), perSecond(rows, r.ours.median), perSecond(rows, r.library.median),
  ]),
]);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s, of which ${setupSeconds.toFixed(0)} s writing and checking the files)`);
