// Dev helper: check a rule file and print rendered diagnostics (before the CLI exists).
import { readFileSync } from 'node:fs';
import { buildDocument, render, type Locale } from '../packages/language/src/index.ts';
const file = process.argv[2]!;
const locale = (process.argv[3] ?? 'en') as Locale;
const doc = buildDocument(file, readFileSync(file, 'utf8'), { readFile: (p) => { try { return readFileSync(p, 'utf8'); } catch { return undefined; } } });
for (const d of doc.diagnostics) {
  const p = doc.lines.position(d.span.start);
  const r = render(d, locale);
  console.log(`${file}:${p.line + 1}:${p.character + 1} - ${r.severity} ${d.code}: ${r.message}${r.hint ? `  [hint: ${r.hint}]` : ''}`);
}
console.log(`${doc.model.rules.length} rules, ${doc.diagnostics.length} diagnostics`);
if (process.argv[4] === 'model') console.log(JSON.stringify(doc.model.rules, (k, v) => (k === 'span' ? undefined : v instanceof Map ? undefined : v), 1));
