/**
 * Parse + check of the working tree against another commit, side by side: on a shared machine whose
 * speed moves by 10–20% from hour to hour, this is how a change is measured. Run:
 *   npm run bench:compare -- <commit>        (e.g. HEAD, to measure uncommitted changes)
 *
 * The other commit is checked out in a worktree under node_modules/.cache, whose workspace packages
 * are its own and whose other dependencies are this tree's. Both versions parse and check the same
 * generated file (made by this tree's generate.ts), each in its own process, in turns: every round
 * runs each version once, 4 warm-up builds and 11 timed ones, and keeps the best (the least disturbed
 * by the machine). The figures are the medians of those bests over the rounds, and how many rounds
 * each version won.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateRuleFile } from './generate.js';
import { machine } from './support.js';

// The repository this runs in (the script itself runs from a bundle under node_modules/.cache).
const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const commit = process.argv[2];
if (!commit) {
  console.error('usage: npm run bench:compare -- <commit>   (e.g. HEAD to measure uncommitted changes)');
  process.exit(2);
}
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 15);
const bytes = Number(process.env['BENCH_BYTES'] ?? 1.2 * 1024 * 1024);

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const sha = git('rev-parse', '--verify', `${commit}^{commit}`);
const work = join(root, 'node_modules/.cache/bench/compare');
const tree = join(work, `tree-${sha.slice(0, 12)}`);
mkdirSync(work, { recursive: true });

const input = join(work, 'input.award');
const text = generateRuleFile(bytes);
writeFileSync(input, text);

/** Times buildDocument on the input: best and median of 11 builds after 4 warm-up ones, as JSON. */
const RUNNER = `
import { readFileSync } from 'node:fs';
import { buildDocument } from '@awardrules/language';
const text = readFileSync(process.argv[2], 'utf8');
const run = () => buildDocument('compare.award', text, { references: false });
for (let i = 0; i < 4; i++) run();
const times = [];
for (let i = 0; i < 11; i++) { const t = performance.now(); run(); times.push(performance.now() - t); }
times.sort((a, b) => a - b);
console.log(JSON.stringify({ best: times[0], median: times[5] }));
`;

/** Bundles the runner against the language package of `dir` (a source tree with node_modules). */
async function bundle(dir: string, name: string): Promise<string> {
  const entry = join(dir, 'bench', `_compare-runner-${process.pid}.ts`);
  const out = join(work, `${name}.mjs`);
  writeFileSync(entry, RUNNER);
  try {
    await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', conditions: ['source'], logLevel: 'error' });
  } finally {
    rmSync(entry, { force: true });
  }
  return out;
}

function addWorktree(): void {
  if (existsSync(tree)) git('worktree', 'remove', '--force', tree);
  git('worktree', 'add', '--detach', '--quiet', tree, sha);
  // Its own workspace packages; every other dependency from this tree.
  mkdirSync(join(tree, 'node_modules/@awardrules'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== '@awardrules' && entry !== '.cache') symlinkSync(join(root, 'node_modules', entry), join(tree, 'node_modules', entry));
  }
  for (const pkg of readdirSync(join(tree, 'packages'))) symlinkSync(join(tree, 'packages', pkg), join(tree, 'node_modules/@awardrules', pkg));
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`parse + check, this tree against ${commit} (${sha.slice(0, 12)}) — ${machine()}`);
addWorktree();
try {
  const theirs = await bundle(tree, 'theirs');
  const ours = await bundle(root, 'ours');
  const time = (script: string) => JSON.parse(execFileSync(process.execPath, [script, input], { encoding: 'utf8' })) as { best: number; median: number };
  const results: { ours: number; theirs: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    // Which goes first alternates, so that neither always follows the other.
    if (r % 2 === 0) {
      const t = time(theirs).best;
      results.push({ theirs: t, ours: time(ours).best });
    } else {
      const o = time(ours).best;
      results.push({ ours: o, theirs: time(theirs).best });
    }
  }
  const mt = median(results.map((x) => x.theirs));
  const mo = median(results.map((x) => x.ours));
  const wins = results.filter((x) => x.ours < x.theirs).length;
  console.log(`rule file: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB; ${rounds} rounds, each version in its own process`);
  console.log(`${commit.padEnd(12)} median of bests ${mt.toFixed(1)} ms`);
  console.log(`${'this tree'.padEnd(12)} median of bests ${mo.toFixed(1)} ms`);
  console.log(`ratio: this tree takes ${(mo / mt).toFixed(3)}× the time of ${commit}; faster in ${wins} of ${rounds} rounds`);
} finally {
  git('worktree', 'remove', '--force', tree);
}
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`);
