import { generateRuleFile } from './generate.js';
import { parse } from '../packages/language/src/syntax/parse.js';
import { fromCst } from '../packages/language/src/syntax/from-cst.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
const cst = parse(text).cst;
for (let i = 0; i < 60; i++) fromCst(cst as any);
