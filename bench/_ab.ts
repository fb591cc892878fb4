import { generateRuleFile } from './generate.js';
import { buildDocument } from '@awardrules/language';
const text = generateRuleFile(1.2 * 1024 * 1024);
const med = (f: () => unknown) => { const s: number[] = []; for (let i = 0; i < 15; i++) { const t = performance.now(); f(); s.push(performance.now() - t); } s.sort((a, b) => a - b); return s[7]!; };
for (let r = 0; r < 3; r++) for (const references of [true, false]) { console.log(references ? 'ref  ' : 'noref', med(() => buildDocument('b.award', text, { references })).toFixed(1)); }
