/**
 * Wall time of whole `awardc` runs, as a user sees them, against the BASELINE of a bare Node start
 * (`node -e 0`) measured in the same run: `awardc --version` (start-up alone) and `awardc check` of
 * an example notice; `awardc validate` and `awardc compile` (which load the spreadsheet reader and
 * ts-morph on demand) are shown for context with fewer runs. Each command runs with spawnSync, two
 * warm-up runs, then the median; the commands take turns so that a busy moment hurts them alike.
 * It runs the built CLI (packages/cli/bin/awardc.cjs → dist/awardc.cjs): run `npm run build` first.
 *
 * Run: npm run bench:startup
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { machine, ms, ratio, ROOT, scratch, summarize, table, type Timing } from './support.js';

const RUNS = 15;
const CONTEXT_RUNS = 5;
const started = performance.now();
console.log(`startup — ${machine()}`);
const bin = resolve(ROOT, 'packages/cli/bin/awardc.cjs');
if (!existsSync(resolve(ROOT, 'packages/cli/dist/awardc.cjs'))) {
  console.error('The CLI is not built: run `npm run build` first.');
  process.exit(2);
}
const out = scratch('startup');
const award = 'examples/jilin-2023-social-orgs.award';

interface Command { label: string; args: string[]; runs: number; expect: number[] }
const commands: Command[] = [
  { label: 'node -e 0 (baseline)', args: ['-e', '0'], runs: RUNS, expect: [0] },
  { label: 'awardc --version', args: [bin, '--version'], runs: RUNS, expect: [0] },
  { label: `awardc check ${award.replace(/^.*\//, '')}`, args: [bin, 'check', award], runs: RUNS, expect: [0] },
  { label: 'awardc validate … pass.xlsx (context)', args: [bin, 'validate', award, 'examples/slates/jilin-2023-social-orgs.pass.xlsx'], runs: CONTEXT_RUNS, expect: [0, 1] },
  { label: 'awardc compile … (context)', args: [bin, 'compile', award, '-o', out], runs: CONTEXT_RUNS, expect: [0] },
];

function once(c: Command): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const t = performance.now() - t0;
  if (!c.expect.includes(r.status ?? -1)) throw new Error(`${c.label} exited with ${r.status}: ${r.stderr || r.stdout}`);
  return t;
}

const samples = new Map<Command, number[]>(commands.map((c) => [c, []]));
for (const c of commands) for (let i = 0; i < 2; i++) once(c); // warm-up: file cache, esbuild/ts-morph files read once
for (let round = 0; round < RUNS; round++) {
  for (const c of commands) if (round < c.runs) samples.get(c)!.push(once(c));
}
const timing = new Map<Command, Timing>(commands.map((c) => [c, summarize(samples.get(c)!)]));
const base = timing.get(commands[0]!)!;

console.log(`\nwall time per run (spawnSync), medians of ${RUNS} runs (context rows: ${CONTEXT_RUNS}) after 2 warm-up runs; baseline = bare node start-up`);
table([
  ['command', 'median', 'min', '× node -e 0', 'minus node start', 'min × node'],
  ...commands.map((c) => {
    const t = timing.get(c)!;
    return [c.label, ms(t.median), ms(t.min), ratio(t.median, base.median), ms(t.median - base.median), ratio(t.min, base.min)];
  }),
]);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
