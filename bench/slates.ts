/**
 * A large slate for examples/jilin-2023-social-orgs.award, made of copies of the example slates of
 * examples/slates/jilin-2023.ts (realistic values: Chinese labels, dates across the Spring Festival,
 * nominees with two units): four in five copies are the passing slate, one in five the failing slate
 * with its planted mistakes (about 25 of 98 rows), so roughly one nominee in twenty has a finding.
 * Ids get a copy suffix so that they stay unique (the planted duplicate id stays duplicated).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDocument, type AwardDocument } from '@awardrules/language';
import { readRows } from '@awardrules/slate';
import { jilin2023 } from '../examples/slates/jilin-2023.js';
import type { Row } from '../examples/slates/lib.js';
import { ROOT } from './support.js';

export const JILIN_2023 = 'examples/jilin-2023-social-orgs.award';

export function jilinDocument(): AwardDocument {
  const path = resolve(ROOT, JILIN_2023);
  return buildDocument(path, readFileSync(path, 'utf8'), { readFile: (p) => readFileSync(p, 'utf8') });
}

export interface Sheet {
  readonly headers: readonly string[];
  /** `null` is an empty row. */
  readonly rows: readonly (Row | null)[];
}

/** `count` rows (an empty row counts as one), as a spreadsheet has them. */
export function jilinSheet(count: number): Sheet {
  const { pass, fail } = jilin2023();
  const rows: (Row | null)[] = [];
  for (let copy = 1; rows.length < count; copy++) {
    const source = copy % 5 === 0 ? fail.rows : pass.rows;
    for (const r of source) {
      if (rows.length >= count) break;
      rows.push(r && { ...r, 编号: `${String(r['编号'])}-${copy}` });
    }
  }
  return { headers: pass.headers, rows };
}

/** The sheet as a grid of cells, header first (what read-excel-file returns). */
export function grid(sheet: Sheet): (string | number | null)[][] {
  return [
    [...sheet.headers],
    ...sheet.rows.map((r) => sheet.headers.map((h) => {
      const v = r?.[h];
      return v === undefined || v === null || v === '' ? null : (v as string | number);
    })),
  ];
}

/** The slate in the validator's JSON input form, as the slate reader makes it from the sheet. */
export function jilinInput(count: number, doc: AwardDocument): { nominees: readonly Record<string, unknown>[] } {
  const nominees = readRows(grid(jilinSheet(Math.ceil(count * 1.02) + 2)), doc.model, {}).slate.nominees;
  return { nominees: nominees.slice(0, count) };
}
