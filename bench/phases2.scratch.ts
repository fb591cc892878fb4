import { generateRuleFile } from './generate.js';
import { parseWithoutCst } from '../packages/language/src/syntax/parse.js';
import { CheckContext } from '../packages/language/src/check/context.js';
import { declareAll } from '../packages/language/src/check/declarations.js';
import { resolveRules } from '../packages/language/src/check/rules.js';
import { check } from '../packages/language/src/check/index.js';
import { checkSemantics } from '../packages/language/src/check/semantics.js';
import { LineMap } from '../packages/language/src/syntax/positions.js';
import { chinaCalendar } from '@awardrules/runtime';
const text = generateRuleFile(1.2 * 1024 * 1024);
function time(label: string, f: () => unknown) {
  for (let i = 0; i < 3; i++) f();
  const s: number[] = [];
  for (let i = 0; i < 15; i++) { const t = performance.now(); f(); s.push(performance.now() - t); }
  s.sort((a, b) => a - b);
  console.log(label.padEnd(20), s[7]!.toFixed(1), 'ms  min', s[0]!.toFixed(1));
}
const p = parseWithoutCst(text);
const lm = new LineMap(text);
time('declare', () => { const ctx = new CheckContext({ references: false }); declareAll(ctx, p.ast); });
time('declare+rules', () => { const ctx = new CheckContext({ references: false }); declareAll(ctx, p.ast); resolveRules(ctx, p.ast); });
const model = check(p.ast, text, { references: false }, false, lm).model;
time('semantics', () => checkSemantics({ model, lines: lm, calendar: chinaCalendar, syntaxErrors: false, referenceWritten: true }));
time('check', () => check(p.ast, text, { references: false }, false, lm));
