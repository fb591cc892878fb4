/**
 * Writes the example slates and the findings each failing slate must produce.
 * Run: scripts/run-ts.sh examples/slates/generate.ts [notice-prefix …]   (from the repository root)
 * With prefixes (e.g. `jilin-2023`), only those notices' files are rewritten: an .xlsx file
 * changes on every write (its zip stores the time), so untouched slates should stay as they are.
 * The expectations come from the mistakes planted here, not from running the validator; a test
 * compares the two.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import type { Expected, SlateFile, SlatePair } from './lib.js';
import { jilin2020 } from './jilin-2020.js';
import { jilin2023 } from './jilin-2023.js';
import { national2021 } from './national-2021.js';
import { qinghai2021 } from './qinghai-2021.js';
import { sichuan2017 } from './sichuan-2017.js';

const DIR = 'examples/slates';
const NOTICES: Record<string, () => SlatePair> = {
  'jilin-2020': jilin2020, 'jilin-2023': jilin2023, 'national-2021': national2021, 'qinghai-2021': qinghai2021, 'sichuan-2017': sichuan2017,
};

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

async function write(file: SlateFile): Promise<void> {
  const grid = [file.headers, ...file.rows.map((row) => file.headers.map((h) => (row ? row[h] : null)))];
  if (file.name.endsWith('.csv')) {
    const quote = (v: unknown) => {
      const s = cellText(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const text = `${grid.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
    // Excel on a Chinese Windows saves "CSV" in GB18030 (no BOM); "CSV UTF-8" starts with a BOM.
    const bytes = file.encoding === 'gb18030'
      ? execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text })
      : Buffer.from(`\ufeff${text}`, 'utf8');
    writeFileSync(`${DIR}/${file.name}`, bytes);
    return;
  }
  const data = grid.map((r, i) => r.map((v) => (i === 0 ? { value: v, fontWeight: 'bold' as const } : v === undefined || v === '' ? null : v)));
  await writeXlsxFile(data as never, { sheet: '推荐对象汇总表', stickyRowsCount: 1, columns: file.headers.map(() => ({ width: 16 })) }).toFile(`${DIR}/${file.name}`);
}

function writeExpected(name: string, expected: readonly Expected[]): void {
  writeFileSync(`${DIR}/${name}`, `${JSON.stringify(expected, null, 2)}\n`);
}

const wanted = process.argv.slice(2);
for (const [prefix, build] of Object.entries(NOTICES)) {
  if (wanted.length > 0 && !wanted.includes(prefix)) continue;
  const { pass, fail, expected } = build();
  await write(pass);
  await write(fail);
  writeExpected(fail.name.replace(/\.(xlsx|csv)$/, '.expected.json'), expected);
  console.log(`wrote ${pass.name}, ${fail.name}`);
}
