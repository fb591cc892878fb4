/**
 * What is generated from the grammar and committed, each with a test that it is up to date:
 * the CST's TypeScript declarations and its nodes' children (cst.generated.ts), and the lookahead
 * table (lookahead.generated.ts).
 * Regenerate both with `npm run grammar-tables -w @awardrules/language`.
 */
import { generateCstDts, NonTerminal, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Terminal, type IProduction, type Rule } from 'chevrotain';
import { lookaheadTable, PrecomputedLookahead } from './lookahead.js';
import { AwardParser, MAX_LOOKAHEAD } from './parser.js';

const HEADER = '// Generated from the grammar by `npm run grammar-tables -w @awardrules/language`. Do not edit.\n// A test checks that it is up to date.\n';

/** The TypeScript declarations of the CST, and a maker of each rule's children, generated from the grammar. */
export function cstTypesSource(): string {
  const parser = new AwardParser({ validate: false });
  const rules = parser.getGAstProductions();
  const makers = Object.values(rules).map((r) => `  ${r.name}: () => ({ ${childKeys(r).map((k) => `${k}: undefined`).join(', ')} }),`);
  return HEADER + generateCstDts(rules, { includeVisitorInterface: false }).replace(/\r\n/g, '\n') + `
/**
 * The children of a new node of each rule, with every key the rule's node can have, none set yet (see
 * AwardParser.cstInvocationStateUpdate): all nodes of a rule then have one shape from the start.
 */
export const NEW_CHILDREN: { readonly [rule: string]: () => Record<string, undefined> } = {
${makers.join('\n')}
};
`;
}

/** The keys of a rule's children: its tokens and subrules, by label where they have one, in grammar order. */
function childKeys(rule: Rule): string[] {
  const keys = new Set<string>();
  const walk = (items: readonly IProduction[]) => {
    for (const p of items) {
      if (p instanceof Terminal) keys.add(p.label ?? p.terminalType.name);
      else if (p instanceof NonTerminal) keys.add(p.label ?? p.nonTerminalName);
      else {
        if (p instanceof RepetitionWithSeparator || p instanceof RepetitionMandatoryWithSeparator) keys.add(p.separator.name);
        if ('definition' in p) walk(p.definition as IProduction[]);
      }
    }
  };
  walk(rule.definition);
  return [...keys];
}

/** The lookahead table (see lookahead.ts): every decision of the grammar, worked out by Chevrotain. */
export function lookaheadSource(): string {
  const strategy = new PrecomputedLookahead({}, new Map(), MAX_LOOKAHEAD);
  const parser = new AwardParser({ validate: false, lookahead: strategy });
  const table = lookaheadTable(Object.values(parser.getGAstProductions()), strategy.decisions);
  const entries = Object.entries(table).map(([key, paths]) => `  ${JSON.stringify(key)}: ${JSON.stringify(paths)},`);
  return `${HEADER}import type { LookaheadTable } from './lookahead.js';\n\nexport const LOOKAHEAD: LookaheadTable = {\n${entries.join('\n')}\n};\n`;
}
