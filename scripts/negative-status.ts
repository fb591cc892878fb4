// Dev helper: for each negative case (including .todo), print expected vs actual diagnostics.
import { readFileSync, readdirSync } from 'node:fs';
import { buildDocument } from '../packages/language/src/index.ts';
const dir = 'test/negative';
for (const f of readdirSync(dir).filter((x) => x.endsWith('.award')).sort()) {
  const path = `${dir}/${f}`;
  const text = readFileSync(path, 'utf8');
  const expected = [...text.matchAll(/^\/\/ expect: (.*)$/gm)].map((m) => m[1]!.trim());
  const doc = buildDocument(path, text, { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
  const actual = doc.diagnostics.map((d) => { const p = doc.lines.position(d.span.start); return `${d.code} ${p.line + 1}:${p.character + 1}`; });
  const ok = JSON.stringify(expected) === JSON.stringify(actual);
  if (!ok || f.includes('.todo')) console.log(`${ok ? 'OK  ' : 'DIFF'} ${f}\n     expected ${expected.join(', ')}\n     actual   ${actual.join(', ')}`);
}
