import { generateRuleFile } from './generate.js';
process.stdout.write(generateRuleFile(1.2 * 1024 * 1024));
