import { readFileSync } from 'node:fs';
import { buildDocument, slateSchema } from '../packages/language/src/index.ts';
for (const f of process.argv.slice(2)) {
  const doc = buildDocument(f, readFileSync(f, 'utf8'), { readFile: (p) => readFileSync(p, 'utf8') });
  const s = slateSchema(doc.model);
  console.log(`== ${f}\n fields: ${s.fields.map((x) => `${x.prop}:${x.kind}`).join(' ')}\n stages: ${s.stages.map((x) => `${x.id}${x.deadline ? '@' + x.deadline : ''}`).join(' ')}\n materials: ${s.materials.join(' ')}\n ref: ${s.referenceDate}`);
}
