import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, explain, formatText } from '@awardrules/language';
import { catalogIds, EXAMPLES, ROOT } from './support.js';

const load = (name: string) => {
  const file = `${ROOT}examples/${name}.award`;
  return { file, text: readFileSync(file, 'utf8') };
};

describe('the five notices as rule files', () => {
  it('cover every constraint of the catalog', () => {
    const all = EXAMPLES.map((n) => load(n).text).join('\n');
    const tagged = new Set([...all.matchAll(/#([A-Z]\d{2}-[A-Z]+-\d+)/g)].map((m) => m[1]));
    const missing = catalogIds().filter((id) => !tagged.has(id));
    expect(missing).toEqual([]);
  });

  for (const name of EXAMPLES) {
    describe(name, () => {
      const { file, text } = load(name);
      const doc = buildDocument(file, text, {
        readFile: (p) => readFileSync(p, 'utf8'),
        catalog: new Set(catalogIds()),
      });

      it('checks without a single diagnostic, against the catalog', () => {
        expect(doc.diagnostics).toEqual([]);
      });

      it('tags every rule with a catalog ID of its notice', () => {
        const prefix = doc.model.notice.tagPrefix!;
        for (const r of doc.model.rules) {
          expect(r.tags.length, `rule at ${r.span.start}`).toBeGreaterThan(0);
          for (const t of r.tags) expect(t.startsWith(`${prefix}-`)).toBe(true);
        }
      });

      it('is in canonical layout', () => {
        const r = formatText(text);
        expect(r.ok && r.text).toBe(text);
      });

      it('explains every rule in both languages', () => {
        for (const locale of ['zh', 'en'] as const) {
          const e = explain(doc.model, locale);
          const texts = e.sections.flatMap((s) => s.rules.map((r) => r.text));
          expect(texts.length).toBe(doc.model.rules.length);
          for (const t of texts) expect(t).not.toMatch(/undefined|\[object|NaN/);
        }
      });
    });
  }
});
