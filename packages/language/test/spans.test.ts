/**
 * Every syntax tree node is its own span (ast.ts). What keeps a span beyond the tree (diagnostics,
 * references, the model) must keep a copy: a node kept as a span would print as the whole node in
 * `--format json`, tie the model to the tree, and move with it when a reparse moves the tree in place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildDocument } from '@awardrules/language';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const filesIn = (dir: string) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.award')).map((f) => [`${dir}${f}`, readFileSync(new URL(`${dir}${f}`, root), 'utf8')] as const);
const files = [...filesIn('examples/'), ...filesIn('test/negative/')];

/** Every object reachable from `x` (through arrays, maps, sets and own properties), with where it was found. */
function objectsIn(x: unknown, path: string, out: Map<object, string>): void {
  if (typeof x !== 'object' || x === null || out.has(x)) return;
  out.set(x, path);
  if (x instanceof Map) for (const [k, v] of x) { objectsIn(k, `${path}{key}`, out); objectsIn(v, `${path}.get(${String(k)})`, out); }
  else if (x instanceof Set) for (const v of x) objectsIn(v, `${path}{item}`, out);
  else for (const [k, v] of Object.entries(x)) objectsIn(v, `${path}.${k}`, out);
}

describe('spans beyond the syntax tree', () => {
  it('checks a fair sample: the five examples and the negative corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s: the model, the diagnostics and the references keep copies, never a node', (_name, text) => {
    const doc = buildDocument('t.award', text);
    const tree = new Map<object, string>();
    objectsIn(doc.ast, 'ast', tree);
    const kept = new Map<object, string>();
    objectsIn({ model: doc.model, diagnostics: doc.diagnostics, references: doc.model.references }, '', kept);
    let spans = 0;
    for (const [o, path] of kept) {
      expect(tree.has(o), `${path} is a node of the syntax tree`).toBe(false);
      const r = o as Record<string, unknown>;
      if (typeof r['start'] === 'number' && typeof r['end'] === 'number') {
        spans++;
        expect(Object.keys(r).sort(), `${path} is a span with more than its offsets`).toEqual(['end', 'start']);
      }
    }
    expect(spans).toBeGreaterThan(0);
  });
});
