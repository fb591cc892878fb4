/**
 * What is generated from the grammar and committed, each with a test that it is up to date:
 * the CST's TypeScript declarations (cst.generated.ts) and the lookahead table (lookahead.generated.ts).
 * Regenerate both with `npm run grammar-tables -w @awardrules/language`.
 */
import { generateCstDts } from 'chevrotain';
import { lookaheadTable, PrecomputedLookahead } from './lookahead.js';
import { AwardParser, MAX_LOOKAHEAD } from './parser.js';

const HEADER = '// Generated from the grammar by `npm run grammar-tables -w @awardrules/language`. Do not edit.\n// A test checks that it is up to date.\n';

/** The TypeScript declarations of the CST, generated from the grammar. */
export function cstTypesSource(): string {
  const parser = new AwardParser({ validate: false });
  return HEADER + generateCstDts(parser.getGAstProductions(), { includeVisitorInterface: false }).replace(/\r\n/g, '\n');
}

/** The lookahead table (see lookahead.ts): every decision of the grammar, worked out by Chevrotain. */
export function lookaheadSource(): string {
  const strategy = new PrecomputedLookahead({}, new Map(), MAX_LOOKAHEAD);
  const parser = new AwardParser({ validate: false, lookahead: strategy });
  const table = lookaheadTable(Object.values(parser.getGAstProductions()), strategy.decisions);
  const entries = Object.entries(table).map(([key, paths]) => `  ${JSON.stringify(key)}: ${JSON.stringify(paths)},`);
  return `${HEADER}import type { LookaheadTable } from './lookahead.js';\n\nexport const LOOKAHEAD: LookaheadTable = {\n${entries.join('\n')}\n};\n`;
}
