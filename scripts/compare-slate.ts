// Dev helper: validate a failing example slate and compare with its planted expectations.
import { readFileSync } from 'node:fs';
import { buildDocument } from '../packages/language/src/index.ts';
import { createReferenceValidator } from '../packages/interpreter/src/index.ts';
import { readSlate } from '../packages/slate/src/index.ts';
const [rules, slate] = process.argv.slice(2) as [string, string];
const doc = buildDocument(rules, readFileSync(rules, 'utf8'), { readFile: (p) => readFileSync(p, 'utf8') });
const read = await readSlate(slate, readFileSync(slate), doc.model);
const res = createReferenceValidator(doc.model, doc.lines)(read.slate);
const actual = [...read.issues, ...res.findings].map((f) => `${f.tags[0] ?? f.rule} ${f.nominee?.id ?? 'slate'} ${f.severity}`).sort();
const expectedPath = slate.replace(/\.(xlsx|csv)$/, '.expected.json');
const expected = (JSON.parse(readFileSync(expectedPath, 'utf8')) as { rule: string; nominee: string; severity: string }[]).map((e) => `${e.rule} ${e.nominee} ${e.severity}`).sort();
const missing = expected.filter((e) => { const i = actual.indexOf(e); if (i >= 0) { actual.splice(i, 1); return false; } return true; });
console.log('missing (expected, not found):', missing);
console.log('unexpected (found, not planted):', actual);
for (const f of [...read.issues, ...res.findings]) if (process.argv[4]) console.log(`${f.nominee?.id ?? 'slate'} ${f.rule} ${f.severity}: ${f.message.en.slice(0, 160)}`);
