// Regenerates src/syntax/cst.generated.ts; run from the package folder (npm run cst-types).
import { writeFileSync } from 'node:fs';
import { cstTypesSource } from '../src/syntax/cst-dts.js';

writeFileSync('src/syntax/cst.generated.ts', cstTypesSource());
