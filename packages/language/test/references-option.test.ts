/**
 * `references: false` (what `awardc` and the language server's background checks use) must change
 * nothing but `model.references`: the same diagnostics and the same model, on every example and on
 * every file of the negative corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocument, type AwardDocument } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const filesIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.award')).map((f) => join(root, dir, f));
const files = [...filesIn('examples'), ...filesIn('test/negative')];

function build(file: string, references: boolean): AwardDocument {
  const readFile = (path: string) => { try { return readFileSync(join(dirname(file), path), 'utf8'); } catch { return undefined; } };
  return buildDocument(file, readFileSync(file, 'utf8'), { fileName: file, readFile, references });
}

/** The model as data, without its references. */
const modelData = (d: AwardDocument) => JSON.stringify(d.model, (k, v) => (k === 'references' ? undefined : v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));

describe('checking without references', () => {
  it('has files to compare', () => expect(files.length).toBeGreaterThan(50));

  it.each(files.map((f) => [f.slice(root.length)]))('%s: same diagnostics and model, no references', (name) => {
    const file = join(root, name);
    const full = build(file, true);
    const lean = build(file, false);
    expect(lean.model.references).toEqual([]);
    expect(lean.diagnostics).toEqual(full.diagnostics);
    expect(modelData(lean)).toBe(modelData(full));
  });

  it('records references by default', () => {
    const file = files.find((f) => f.endsWith('jilin-2023-social-orgs.award'))!;
    const refs = build(file, true).model.references;
    expect(refs.some((r) => r.declaration && r.symbol.startsWith('tag:J23-'))).toBe(true);
    expect(refs.some((r) => !r.declaration && r.symbol === 'value:rank:vice-bureau')).toBe(true);
  });

  it('records a field in a file-name pattern where its name is written, or at the whole text when it has escapes', () => {
    const header = 'notice "测〔2024〕1号" {\n  issued 2024-01-02\n}\n';
    const used = (pattern: string) => {
      const text = `${header}material photo "照片" named ${pattern}\n`;
      const d = buildDocument('t.award', text);
      expect(d.diagnostics.filter((x) => x.code.startsWith('AR2'))).toEqual([]);
      return d.model.references.filter((r) => r.symbol === 'field:birth-date').map((r) => text.slice(r.span.start, r.span.end));
    };
    expect(used('"{name}-{ birth-date :yyyyMMdd}"')).toEqual(['birth-date']);
    expect(used('“{name}-{birth-date}”')).toEqual(['birth-date']);
    expect(used('"{name}\\u002d{birth-date}"')).toEqual(['"{name}\\u002d{birth-date}"']);
  });
});
