import { generateRuleFile } from './generate.js';
import { lex } from '../packages/language/src/syntax/scanner.js';
import { parseTokens } from '../packages/language/src/syntax/parser.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
const t = lex(text).tokens;
for (let i = 0; i < 60; i++) parseTokens(t, () => {});
