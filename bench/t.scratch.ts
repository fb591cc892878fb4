import { generateRuleFile } from './generate.js';
import { buildDocument } from '../packages/language/src/index.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
for (let i = 0; i < 5; i++) buildDocument('b.award', text, { references: false });
const s: number[] = [];
for (let i = 0; i < 21; i++) { const t = performance.now(); buildDocument('b.award', text, { references: false }); s.push(performance.now() - t); }
s.sort((a, b) => a - b); console.log('median', s[10]!.toFixed(1), 'min', s[0]!.toFixed(1));
