/**
 * Compile time per notice, for each of examples/*.award: `compileDocument` (a checked document → .ts,
 * .js, .d.ts, package.json), against the BASELINE of `buildDocument` (parse + check) of the same file,
 * measured in the same run.
 *   - cold: the first compile in a fresh Node process (modules loaded, nothing else warmed up), one
 *     process per notice; the load time of ts-morph and esbuild themselves is reported beside it;
 *   - warm: the median of 15 compiles after 3 warm-up ones, in this process.
 * The warm compile is broken into phases by timing the compiler's own functions (RuleCompiler,
 * inputTypes and the language package's ruleInfos/slateSchema), ts-morph's createSourceFile +
 * getFullText (printing the module and the .d.ts from structures; wrapped for the measurement), and
 * esbuild's transformSync of the printed module (run separately with the options emit.ts uses).
 *
 * Run: npm run bench:compile
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { Project, SourceFile, ts as typescript } from 'ts-morph';
import { buildDocument, ruleInfos, slateSchema, type AwardDocument } from '@awardrules/language';
import { compileDocument } from '@awardrules/compiler';
import { RuleCompiler } from '../packages/compiler/src/rules.js';
import { inputTypes } from '../packages/compiler/src/types.js';
import { machine, ms, ratio, ROOT, summarize, table, time } from './support.js';

const WARMUP = 3;
const RUNS = 15;
const AIM_MS = 50;

const files = readdirSync(resolve(ROOT, 'examples')).filter((f) => f.endsWith('.award')).sort().map((f) => resolve(ROOT, 'examples', f));
const load = (path: string): AwardDocument => buildDocument(path, readFileSync(path, 'utf8'), { readFile: (p) => readFileSync(p, 'utf8') });
const short = (path: string) => path.replace(/^.*\//, '').replace(/\.award$/, '');

// ── Child mode: the first compile in a fresh process ─────────────────────────────────────────────
if (process.argv[2] === '--cold') {
  const path = process.argv[3]!;
  const t0 = performance.now();
  const doc = load(path);
  const t1 = performance.now();
  compileDocument(doc, path);
  const t2 = performance.now();
  compileDocument(doc, path);
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ check: t1 - t0, compile: t2 - t1, second: t3 - t2 }));
  process.exit(0);
}

const started = performance.now();
console.log(`compile — ${machine()}`);

// ── Phase accounting: wrap ts-morph's printing entry points (module vs declaration file) ─────────
const phases = { ts: 0, dts: 0 };
const isDts = (name: string) => name.endsWith('.d.ts');
const create = Project.prototype.createSourceFile;
Project.prototype.createSourceFile = function (this: Project, ...args: Parameters<Project['createSourceFile']>) {
  const t0 = performance.now();
  try {
    return create.apply(this, args);
  } finally {
    phases[isDts(String(args[0])) ? 'dts' : 'ts'] += performance.now() - t0;
  }
} as Project['createSourceFile'];
const fullText = SourceFile.prototype.getFullText;
SourceFile.prototype.getFullText = function (this: SourceFile) {
  const t0 = performance.now();
  try {
    return fullText.call(this);
  } finally {
    phases[isDts(this.getFilePath()) ? 'dts' : 'ts'] += performance.now() - t0;
  }
};

// ── Module load times, and cold compiles (one fresh process per notice) ──────────────────────────
function loadTime(spec: string): number {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import('${spec}'); process.stdout.write(String(performance.now() - t));`], { cwd: ROOT, encoding: 'utf8' });
    samples.push(Number(r.stdout));
  }
  return summarize(samples).median;
}
const loadTsMorph = loadTime('ts-morph');
const loadEsbuild = loadTime('esbuild');
const cold = new Map<string, { check: number; compile: number; second: number }>();
for (const path of files) {
  const r = spawnSync(process.execPath, [process.argv[1]!, '--cold', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold compile of ${path} failed: ${r.stderr}`);
  cold.set(path, JSON.parse(r.stdout));
}

// ── Warm: this process ───────────────────────────────────────────────────────────────────────────
interface Row { name: string; rules: number; kb: number; check: number; compile: number; min: number; model: number; ts: number; reparse: number; esbuild: number; dts: number; rest: number }
const results: Row[] = [];
for (const path of files) {
  const doc = load(path);
  const check = (await time(() => load(path), RUNS, WARMUP)).median;
  for (let i = 0; i < WARMUP; i++) compileDocument(doc, path);
  const samples: number[] = [];
  const ts: number[] = [];
  const dts: number[] = [];
  const rest: number[] = [];
  let out: ReturnType<typeof compileDocument> = [];
  for (let i = 0; i < RUNS; i++) {
    phases.ts = phases.dts = 0;
    const t0 = performance.now();
    out = compileDocument(doc, path);
    samples.push(performance.now() - t0);
    ts.push(phases.ts);
    dts.push(phases.dts);
    rest.push(samples[i]! - phases.ts - phases.dts);
  }
  const compile = summarize(samples);
  const model = (await time(() => {
    ruleInfos(doc.model, doc.lines);
    slateSchema(doc.model);
    inputTypes(doc.model);
    new RuleCompiler(doc.model).compileAll();
  }, RUNS, WARMUP)).median;
  const tsText = out.find((f) => f.path.endsWith('.ts') && !f.path.endsWith('.d.ts'))!.text;
  const esbuild = (await time(() => transformSync(tsText, { loader: 'ts', format: 'esm', target: 'es2022', legalComments: 'inline' }), RUNS, WARMUP)).median;
  // ts-morph's createSourceFile prints the structures to text and then parses that text with TypeScript
  // (setting parent nodes): the parse alone, on the same text, estimates the second part.
  const reparse = (await time(() => typescript.createSourceFile('validator.ts', tsText, typescript.ScriptTarget.ES2022, true), RUNS, WARMUP)).median;
  results.push({
    name: short(path), rules: doc.model.rules.length, kb: Buffer.byteLength(tsText) / 1024, check, compile: compile.median, min: compile.min,
    model, ts: summarize(ts).median, reparse, esbuild, dts: summarize(dts).median, rest: summarize(rest).median,
  });
}

console.log(`\nmodule load (fresh process, median of 3): ts-morph (with TypeScript) ${ms(loadTsMorph)}, esbuild ${ms(loadEsbuild)}`);
console.log(`\nper notice: cold = first compile in a fresh process; warm = median of ${RUNS} after ${WARMUP} warm-up compiles; baseline = parse + check (buildDocument) of the same file, warm`);
table([
  ['notice', 'rules', '.ts out', 'parse+check', 'cold compile', '× check', '2nd compile', 'warm median', 'warm min', '× check', `≤ ${AIM_MS} ms`],
  ...results.map((r) => {
    const c = cold.get(resolve(ROOT, 'examples', `${r.name}.award`))!;
    return [r.name, String(r.rules), `${r.kb.toFixed(0)} KB`, ms(r.check), ms(c.compile), ratio(c.compile, r.check), ms(c.second), ms(r.compile), ms(r.min), ratio(r.compile, r.check), r.compile <= AIM_MS ? 'met' : 'MISSED'];
  }),
]);

console.log('\nwarm compile by phase (medians, ms): rules→code = ruleInfos + slateSchema + inputTypes + RuleCompiler; ts-morph = createSourceFile + getFullText');
console.log('(TS re-parse: TypeScript parsing the printed module, timed alone on the same text); esbuild: transformSync of the module, timed alone; rest: the remainder');
table([
  ['notice', 'rules→code', 'ts-morph module', '(TS re-parse)', 'ts-morph .d.ts', 'esbuild strip', 'rest', 'total', 'ts-morph share'],
  ...results.map((r) => [
    r.name, ms(r.model), ms(r.ts), `(${ms(r.reparse)})`, ms(r.dts), ms(r.esbuild), ms(Math.max(0, r.rest - r.model - r.esbuild)), ms(r.compile),
    `${(((r.ts + r.dts) / r.compile) * 100).toFixed(0)}%`,
  ]),
]);
const worst = Math.max(...results.map((r) => r.compile));
const mean = results.reduce((a, r) => a + r.compile, 0) / results.length;
const meanCold = [...cold.values()].reduce((a, c) => a + c.compile, 0) / cold.size;
console.log(`\nwarm compile: mean ${ms(mean)}, worst ${ms(worst)} per notice (aim ≤ ${AIM_MS} ms: ${worst <= AIM_MS ? 'met' : 'MISSED'}); cold: mean ${ms(meanCold)}`);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end: on a busy machine the minimum is the steadier figure`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
