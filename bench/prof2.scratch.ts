import { generateRuleFile } from './generate.js';
import { parseWithoutCst } from '../packages/language/src/syntax/parse.js';
import { check } from '../packages/language/src/check/index.js';
import { LineMap } from '../packages/language/src/syntax/positions.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
const p = parseWithoutCst(text);
const lm = new LineMap(text);
const mode = process.argv[2];
for (let i = 0; i < 40; i++) { if (mode === 'parse') parseWithoutCst(text); else check(p.ast, text, { fileName: 'x', references: false }, false, lm); }
