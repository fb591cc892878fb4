// Regenerates what is generated from the grammar (see src/syntax/grammar-tables.ts); run from the
// package folder: npm run grammar-tables.
import { writeFileSync } from 'node:fs';
import { cstTypesSource, lookaheadSource } from '../src/syntax/grammar-tables.js';

writeFileSync('src/syntax/cst.generated.ts', cstTypesSource());
writeFileSync('src/syntax/lookahead.generated.ts', lookaheadSource());
