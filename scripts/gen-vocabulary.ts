// Regenerates grammar/VOCABULARY.md from the standard vocabulary; run from the repository root
// (npm run vocabulary). A test checks that the committed file equals what this writes.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vocabularyMarkdown } from '../packages/language/src/index.ts';

const target = resolve(process.cwd(), 'grammar/VOCABULARY.md');
writeFileSync(target, vocabularyMarkdown());
console.log(`wrote ${target}`);
