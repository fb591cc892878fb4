/**
 * The semantic diff of two generated rule files of about 5,000 rules each (the second amends every
 * 25th award: a cap, a publicity rule, a tenure), against checking both files in the same run.
 * Aim: the diff costs less than checking them. Run: npm run bench:diff
 */
import { cpus, loadavg } from 'node:os';
import { buildDocument } from '@awardrules/language';
import { diffDocuments } from '@awardrules/diff';
import { generateRuleFile } from './generate.js';
import { machine } from './support.js';

console.log(`semantic diff — ${machine()}`);

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

/**
 * Medians of `runs` timings of each job, taken in turns (check, diff, check, diff, …) after one
 * warm-up each, so that a busy spell of the machine falls on both alike.
 */
function medians(runs: number, jobs: Record<string, () => unknown>): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const [name, f] of Object.entries(jobs)) { f(); samples[name] = []; }
  for (let i = 0; i < runs; i++) {
    for (const [name, f] of Object.entries(jobs)) {
      const t0 = performance.now();
      f();
      samples[name]!.push(performance.now() - t0);
    }
  }
  const out: Record<string, number> = {};
  for (const [name, list] of Object.entries(samples)) {
    list.sort((a, b) => a - b);
    out[name] = list[Math.floor(list.length / 2)]!;
    console.log(`${name.padEnd(34)} median ${out[name]!.toFixed(0)} ms (${runs} runs)`);
  }
  return out;
}

const oldText = ruleFile(RULES);
const newText = amend(oldText);
const oldDoc = buildDocument('old.award', oldText);
const newDoc = buildDocument('new.award', newText);
console.log(`rules: ${oldDoc.model.rules.length} and ${newDoc.model.rules.length}; diagnostics: ${oldDoc.diagnostics.length} and ${newDoc.diagnostics.length}`);
let changes = 0;
const CHECK = 'check both files (baseline)';
const DIFF = 'diff of the checked files';
const times = medians(Number(process.env['BENCH_RUNS'] ?? 9), {
  [CHECK]: () => [buildDocument('old.award', oldText), buildDocument('new.award', newText)],
  [DIFF]: () => { changes = diffDocuments({ file: 'old.award', doc: oldDoc }, { file: 'new.award', doc: newDoc }).changes.length; },
});
const check = times[CHECK]!;
const diff = times[DIFF]!;
console.log(`changes found: ${changes}`);
console.log(`ratio: the diff takes ${(diff / check).toFixed(2)}× the time of checking both files${diff < check ? ' (aim met: less than checking them)' : ' (aim not met)'}`);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`);
