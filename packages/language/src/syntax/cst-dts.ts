import { generateCstDts } from 'chevrotain';
import { AwardParser } from './parser.js';

const HEADER = '// Generated from the grammar by `npm run cst-types -w @awardrules/language`. Do not edit.\n// A test checks that it is up to date.\n';

/** The TypeScript declarations of the CST, generated from the grammar. */
export function cstTypesSource(): string {
  const parser = new AwardParser({ validate: false });
  return HEADER + generateCstDts(parser.getGAstProductions(), { includeVisitorInterface: false }).replace(/\r\n/g, '\n');
}
