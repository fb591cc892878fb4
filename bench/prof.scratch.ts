import { generateRuleFile } from './generate.js';
import { buildDocument } from '../packages/language/src/index.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
for (let i = 0; i < 40; i++) buildDocument('b.award', text, { references: false });
