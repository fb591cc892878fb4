/**
 * The template a rule file asks for is read back column for column: every column it proposes is one
 * the reader recognises, and no field the rules read is left without a column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, slateSchema } from '@awardrules/language';
import { findLayout, templateColumns } from '../src/index.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const EXAMPLES = ['jilin-2020-judicial-covid', 'jilin-2023-social-orgs', 'qinghai-2021-petition', 'sichuan-2017-public-security', 'national-2021-government-affairs'];

describe.each(EXAMPLES)('the template of %s', (name) => {
  const file = `${ROOT}examples/${name}.award`;
  const doc = buildDocument(file, readFileSync(file, 'utf8'), { readFile: (p) => readFileSync(p, 'utf8') });
  const columns = templateColumns(doc.model);
  const headers = columns.map((c) => c.header);
  const layout = findLayout(headers, doc.model, slateSchema(doc.model));

  it('has a column for every field the rules read, and each header once', () => {
    expect(layout.missing).toEqual([]);
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('proposes no column the reader would not use', () => {
    const used = new Set<number>([
      ...layout.fields.values(), ...layout.validUntil.values(), ...layout.stages.values(),
      ...[...layout.publicity.values()].flatMap((p) => [p.period, p.start, p.end]),
      ...[...layout.materials.values()].flatMap((m) => Object.values(m)),
      ...[...layout.flags.values()].flatMap((m) => [...m.values()]),
      ...(layout.kind !== undefined ? [layout.kind] : []), ...(layout.selected !== undefined ? [layout.selected] : []),
    ].filter((x): x is number => x !== undefined));
    expect(headers.filter((_, i) => !used.has(i))).toEqual([]);
  });

  it('says what to write in every column, in both languages', () => {
    for (const c of columns) {
      expect(c.note.zh.length, c.header).toBeGreaterThan(0);
      expect(c.note.en.length, c.header).toBeGreaterThan(0);
    }
  });
});
