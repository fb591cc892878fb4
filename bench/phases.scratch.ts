import { generateRuleFile } from './generate.js';
import { lex } from '../packages/language/src/syntax/scanner.js';
import { parseWithoutCst, parse } from '../packages/language/src/syntax/parse.js';
import { parseTokens } from '../packages/language/src/syntax/parser.js';
import { fromCst } from '../packages/language/src/syntax/from-cst.js';
import { check } from '../packages/language/src/check/index.js';
import { LineMap } from '../packages/language/src/syntax/positions.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
function time(label: string, f: () => unknown) {
  for (let i = 0; i < 3; i++) f();
  const s: number[] = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); f(); s.push(performance.now() - t); }
  s.sort((a, b) => a - b);
  console.log(label.padEnd(20), s[7]!.toFixed(1), 'ms  min', s[0]!.toFixed(1));
}
const lexed = lex(text);
console.log('tokens', lexed.tokens.length);
time('lex', () => lex(text));
time('parse cst only', () => parseTokens(lexed.tokens));
const cst = parse(text).cst;
time('fromCst', () => fromCst(cst as any));
time('parse+ast', () => parseWithoutCst(text));
const p = parseWithoutCst(text);
time('check', () => check(p.ast, text, { fileName: 'x', references: false }, false, new LineMap(text)));
