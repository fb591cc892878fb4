/**
 * The semantic diff of two generated rule files of about 5,000 rules each (the second amends every
 * 25th award: a cap, a publicity rule, a tenure), against checking both files in the same run.
 * Aim: the diff costs less than checking them. Run: npm run bench:diff
 */
import { buildDocument } from '@awardrules/language';
import { diffDocuments } from '@awardrules/diff';
import { generateRuleFile } from './generate.js';

const RULES = Number(process.env['BENCH_RULES'] ?? 5000);

/** A rule file with at least `rules` rules (about 12 per award). */
function ruleFile(rules: number): string {
  let bytes = 200_000;
  for (;;) {
    const text = generateRuleFile(bytes);
    if ((text.match(/ #B24-/g) ?? []).length >= rules) return text;
    bytes *= 1.5;
  }
}

/** The amendment: in every 25th award a cap raised, the publicity counted in calendar days, a tenure shortened. */
function amend(text: string): string {
  let award = -1;
  return text.split('\n').map((line) => {
    if (line.startsWith('award ')) award++;
    if (award % 25 !== 0) return line;
    return line
      .replace(/cap rank = county-level <= (\d+)%/, (_m, p: string) => `cap rank = county-level <= ${Number(p) + 5}%`)
      .replace('publicity >= 5 workdays at unit', 'publicity >= 7 days at unit')
      .replace(/require work >= (\d+) years/, (_m, y: string) => `require work >= ${Math.max(1, Number(y) - 1)} years`);
  }).join('\n');
}

function median(label: string, runs: number, f: () => unknown): number {
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const m = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(34)} median ${m.toFixed(0)} ms`);
  return m;
}

const oldText = ruleFile(RULES);
const newText = amend(oldText);
const oldDoc = buildDocument('old.award', oldText);
const newDoc = buildDocument('new.award', newText);
console.log(`rules: ${oldDoc.model.rules.length} and ${newDoc.model.rules.length}; diagnostics: ${oldDoc.diagnostics.length} and ${newDoc.diagnostics.length}`);
const check = median('check both files (baseline)', 3, () => [buildDocument('old.award', oldText), buildDocument('new.award', newText)]);
let changes = 0;
const diff = median('diff of the checked files', 3, () => {
  changes = diffDocuments({ file: 'old.award', doc: oldDoc }, { file: 'new.award', doc: newDoc }).changes.length;
});
console.log(`changes found: ${changes}`);
console.log(`ratio: the diff takes ${(diff / check).toFixed(2)}× the time of checking both files${diff < check ? ' (aim met: less than checking them)' : ' (aim not met)'}`);
