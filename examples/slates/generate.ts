/**
 * Writes the example slates and the findings each failing slate must produce.
 * Run: scripts/run-ts.sh examples/slates/generate.ts   (from the repository root)
 * The expectations come from the mistakes planted here, not from running the validator; a test
 * compares the two.
 */
import { writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import type { Expected, SlateFile } from './lib.js';
import { jilin2023 } from './jilin-2023.js';

const DIR = 'examples/slates';

async function write(file: SlateFile): Promise<void> {
  const data = [
    file.headers.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...file.rows.map((row) => file.headers.map((h) => {
      const v = row ? row[h] : null;
      return v === undefined || v === '' ? null : v;
    })),
  ];
  if (file.name.endsWith('.csv')) {
    const quote = (v: unknown) => {
      const s = v === null || v === undefined ? '' : typeof v === 'object' && 'value' in (v as object) ? String((v as { value: unknown }).value) : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    writeFileSync(`${DIR}/${file.name}`, `\ufeff${data.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`);
    return;
  }
  await writeXlsxFile(data as never, { sheet: '推荐对象汇总表', stickyRowsCount: 1, columns: file.headers.map(() => ({ width: 16 })) }).toFile(`${DIR}/${file.name}`);
}

function writeExpected(name: string, expected: readonly Expected[]): void {
  writeFileSync(`${DIR}/${name}`, `${JSON.stringify(expected, null, 2)}\n`);
}

for (const build of [jilin2023]) {
  const { pass, fail, expected } = build();
  await write(pass);
  await write(fail);
  writeExpected(fail.name.replace(/\.(xlsx|csv)$/, '.expected.json'), expected);
  console.log(`wrote ${pass.name}, ${fail.name}`);
}
