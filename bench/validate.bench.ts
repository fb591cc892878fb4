/**
 * Validation throughput on a 10,000-nominee slate for examples/jilin-2023-social-orgs.award, through
 *   - the compiled validator (compiled here, written under node_modules/.cache/bench, imported),
 *   - a hand-written validator of the same rules (bench/handwritten/jilin-2023.ts): the BASELINE,
 *   - the reference interpreter,
 *   - and, for context, the engine alone (`runValidation` with no rules: input checking and findings).
 * Before timing, the script checks that all three give the same findings (and the same `--why` trace
 * for a few nominees), and stops if the compiled and hand-written ones differ.
 *
 * Each validator is bundled from source with esbuild, with its own copy of @awardrules/runtime, and
 * timed in its own Node process (so that one's JIT feedback cannot help or hurt another), in rounds
 * that alternate between them; each process warms up, then times several runs; the figure is the
 * median over all rounds. The first validation of each process (cold: what one `awardc validate`
 * pays) is reported too. With a small slate (BENCH_NOMINEES=100 or 1000) the timed runs still fall
 * in V8's warm-up. With BENCH_PROFILE=1 (or automatically when compiled is more than 1.1× the
 * hand-written one) the compiled and hand-written validators are also profiled (node --cpu-prof):
 * self time by source file (from esbuild's module comments in the bundle) and by function.
 *
 * Run: npm run bench:validate        (BENCH_NOMINEES=… to change the slate size)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { compileDocument } from '@awardrules/compiler';
import type { Finding, ValidationOptions, ValidationResult } from '@awardrules/runtime';
import { JILIN_2023, jilinDocument, jilinInput } from './slates.js';
import { machine, ms, perSecond, ratio, ROOT, scratch, summarize, table, type Timing } from './support.js';

type Validate = (input: unknown, options?: ValidationOptions) => ValidationResult;

const N = Number(process.env['BENCH_NOMINEES'] ?? 10_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const WARMUP = 2;
const RUNS = 4;
const NAME = 'jilin-2023-social-orgs';

const started = performance.now();
console.log(`validate — ${machine()}`);
const dir = scratch('validate');
const doc = jilinDocument();
const input = jilinInput(N, doc);
const slatePath = resolve(dir, 'slate.json');
writeFileSync(slatePath, JSON.stringify(input));
const rules = doc.model.rules.length;
const nomineeRules = doc.model.rules.filter((r) => ['scope', 'exclude', 'require', 'attest', 'route', 'publicity', 'consult', 'deadline', 'material'].includes(r.kind)).length;
console.log(`slate: ${input.nominees.length} nominees (${(Buffer.byteLength(JSON.stringify(input)) / 1024 / 1024).toFixed(1)} MB of JSON), ${rules} rules (${nomineeRules} per nominee, ${rules - nomineeRules} on the whole slate)`);

// ── The three validators (and the bare engine), each bundled with its own runtime ─────────────────
const compiled = compileDocument(doc, JILIN_2023, { name: NAME });
writeFileSync(resolve(dir, `${NAME}.js`), compiled.find((f) => f.path === `${NAME}.js`)!.text);

const documentSource = `
import { readFileSync } from 'node:fs';
import { buildDocument } from '@awardrules/language';
const path = ${JSON.stringify(resolve(ROOT, JILIN_2023))};
const doc = () => buildDocument(path, readFileSync(path, 'utf8'), { readFile: (p) => readFileSync(p, 'utf8') });`;
const ENTRIES: Record<string, string> = {
  engine: `${documentSource}
import { slateSchema } from '@awardrules/language';
import { runValidation } from '@awardrules/runtime';
export function make() { const schema = slateSchema(doc().model); return (input, options) => runValidation({ schema, rules: [] }, input, options); }`,
  'hand-written': `${documentSource}
import { ruleInfos, slateSchema } from '@awardrules/language';
import { createValidator } from ${JSON.stringify(resolve(ROOT, 'bench/handwritten/jilin-2023.ts'))};
export function make() { const d = doc(); return createValidator(ruleInfos(d.model, d.lines), slateSchema(d.model)); }`,
  compiled: `import { validateInput } from './${NAME}.js';
export function make() { return validateInput; }`,
  interpreter: `${documentSource}
import { createReferenceValidator } from '@awardrules/interpreter';
export function make() { const d = doc(); return createReferenceValidator(d.model, d.lines); }`,
};
const bundles: Record<string, string> = {};
for (const [variant, contents] of Object.entries(ENTRIES)) {
  const outfile = resolve(dir, `${variant}.bundle.mjs`);
  await build({
    stdin: { contents, resolveDir: dir, loader: 'ts', sourcefile: `${variant}-entry.ts` },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', conditions: ['source'], outfile, logLevel: 'warning',
    external: ['ts-morph', 'esbuild', 'read-excel-file', 'write-excel-file'],
    banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  });
  bundles[variant] = outfile;
}
const runner = resolve(dir, 'runner.mjs');
writeFileSync(runner, `import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [bundle, slate, warmup, runs] = process.argv.slice(2);
const validate = (await import(pathToFileURL(bundle).href)).make();
const input = JSON.parse(readFileSync(slate, 'utf8'));
let findings = 0;
let first = 0;
for (let i = 0; i < Number(warmup); i++) {
  const t0 = performance.now();
  findings = validate(input).findings.length;
  if (i === 0) first = performance.now() - t0;
}
const samples = [];
const cpu = [];
for (let i = 0; i < Number(runs); i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  validate(input);
  samples.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
process.stdout.write(JSON.stringify({ samples, cpu, first, findings }));
`);

// ── Same findings first ───────────────────────────────────────────────────────────────────────────
const validators: Record<string, Validate> = {};
for (const v of ['hand-written', 'compiled', 'interpreter']) validators[v] = ((await import(pathToFileURL(bundles[v]!).href)) as { make: () => Validate }).make();
const results = Object.fromEntries(Object.entries(validators).map(([v, f]) => [v, f(input)]));
const brief = (f: Finding) => `${f.rule} ${f.nominee?.id ?? 'slate'} ${f.severity}: ${f.message.en}`;
function compare(a: string, b: string, fatal: boolean): void {
  const fa = results[a]!.findings;
  const fb = results[b]!.findings;
  if (isDeepStrictEqual(fa, fb)) return;
  const i = fa.findIndex((f, k) => !isDeepStrictEqual(f, fb[k]));
  const where = i < 0 ? fa.length : i;
  const msg = `${a} and ${b} differ: ${fa.length} vs ${fb.length} findings; first difference at #${where}:\n  ${a}: ${fa[where] ? JSON.stringify(fa[where]) : '(none)'}\n  ${b}: ${fb[where] ? JSON.stringify(fb[where]) : '(none)'}`;
  if (fatal) {
    console.error(`FAILED: ${msg}`);
    process.exit(1);
  }
  console.warn(`WARNING: ${msg}`);
}
compare('compiled', 'hand-written', true);
compare('compiled', 'interpreter', false);
const traced = input.nominees.filter((_, i) => i % 3331 === 4).map((n) => String(n['id']));
for (const id of traced) {
  const a = validators['compiled']!(input, { trace: id }).trace;
  const b = validators['hand-written']!(input, { trace: id }).trace;
  if (!isDeepStrictEqual(a, b)) console.warn(`WARNING: the --why trace of ${id} differs between compiled and hand-written (findings are the same)`);
}
const findings = results['compiled']!.findings;
const bySeverity = (s: string) => findings.filter((f) => f.severity === s).length;
const ruleFindings = findings.filter((f) => f.rule !== 'data').length;
console.log(`findings: ${findings.length} (${bySeverity('error')} errors, ${bySeverity('warning')} warnings, ${bySeverity('info')} notes; ${ruleFindings} from rules, ${findings.length - ruleFindings} data), identical in compiled and hand-written`);
console.log(`e.g. ${findings.slice(0, 3).map(brief).join(' | ').slice(0, 300)}`);
for (const k of Object.keys(validators)) delete validators[k];

// ── Timing: each variant in its own process, rounds alternating ──────────────────────────────────
function child(variant: string, extra: string[] = [], runs = RUNS): { samples: number[]; cpu: number[]; first: number; findings: number } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', ...extra, runner, bundles[variant]!, slatePath, String(WARMUP), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${variant} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { samples: number[]; cpu: number[]; first: number; findings: number };
}
const order = ['engine', 'hand-written', 'compiled', 'interpreter'];
const samples: Record<string, number[]> = Object.fromEntries(order.map((v) => [v, []]));
const cpuSamples: Record<string, number[]> = Object.fromEntries(order.map((v) => [v, []]));
const firstSamples: Record<string, number[]> = Object.fromEntries(order.map((v) => [v, []]));
const timingStart = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const v of round % 2 ? [...order].reverse() : order) {
    const r = child(v);
    samples[v]!.push(...r.samples);
    cpuSamples[v]!.push(...r.cpu);
    firstSamples[v]!.push(r.first);
  }
}
const timingSeconds = (performance.now() - timingStart) / 1000;
const timing: Record<string, Timing> = Object.fromEntries(order.map((v) => [v, summarize(samples[v]!)]));
const cpuTiming: Record<string, Timing> = Object.fromEntries(order.map((v) => [v, summarize(cpuSamples[v]!)]));
const firstTiming: Record<string, Timing> = Object.fromEntries(order.map((v) => [v, summarize(firstSamples[v]!)]));

const base = timing['hand-written']!.median;
const cpuBase = cpuTiming['hand-written']!.median;
const cpuFloor = cpuTiming['engine']!.median;
const checks = input.nominees.length * rules;
const firstBase = firstTiming['hand-written']!.median;
const rows: string[][] = [['validator', 'median', 'min', '× hand-written', 'CPU median¹', '× hand-written¹', 'checks/s', 'nominees/s', 'rules only²', '× hand-written²', 'first run³', '× hand-written³']];
for (const v of order) {
  const t = timing[v]!;
  const c = cpuTiming[v]!.median;
  const engine = v === 'engine';
  rows.push([
    engine ? 'engine only (no rules)' : v, ms(t.median), ms(t.min), ratio(t.median, base), ms(c), ratio(c, cpuBase),
    engine ? '—' : perSecond(checks, t.median), perSecond(input.nominees.length, t.median),
    engine ? '—' : ms(c - cpuFloor), engine ? '—' : ratio(c - cpuFloor, cpuBase - cpuFloor),
    ms(firstTiming[v]!.median), ratio(firstTiming[v]!.median, firstBase),
  ]);
}
console.log(`\n${input.nominees.length} nominees × ${rules} rules = ${checks.toLocaleString('en')} checks per validation; ${ROUNDS} rounds × ${RUNS} runs (after ${WARMUP} warm-up runs) in separate processes`);
table(rows);
console.log(`¹ process CPU time (all threads, GC included): steadier than wall time on a busy machine (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end)`);
console.log('² CPU time minus the engine alone (input checking, findings, summary), which every validator pays the same: the rules\' own cost');
console.log(`³ the first validation in a fresh process (nothing optimised yet: what one \`awardc validate\` pays), median of ${ROUNDS}`);
const compiledRatio = timing['compiled']!.median / base;
const compiledCpuRatio = cpuTiming['compiled']!.median / cpuBase;
const verdict = (r: number) => (r <= 1.1 ? 'met' : 'MISSED');
console.log(`\ncompiled / hand-written: ${compiledRatio.toFixed(2)}× wall, ${compiledCpuRatio.toFixed(2)}× CPU (aim ≤ 1.10×: ${verdict(compiledRatio)} / ${verdict(compiledCpuRatio)}); rules only ${((cpuTiming['compiled']!.median - cpuFloor) / (cpuBase - cpuFloor)).toFixed(2)}×`);
console.log(`interpreter / hand-written: ${(timing['interpreter']!.median / base).toFixed(2)}× wall, ${(cpuTiming['interpreter']!.median / cpuBase).toFixed(2)}× CPU; the engine alone is ${((cpuFloor / cpuBase) * 100).toFixed(0)}% of the hand-written validator's CPU time`);
console.log(`first (cold) validation, compiled / hand-written: ${(firstTiming['compiled']!.median / firstBase).toFixed(2)}×`);

// ── Where the time goes ──────────────────────────────────────────────────────────────────────────
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
/** Self time by function and by source file (from the `// path` comments esbuild writes before each module). */
function profile(variant: string): { byFunction: Map<string, number>; byFile: Map<string, number>; total: number } {
  const out = resolve(dir, `profile-${variant}`);
  rmSync(out, { recursive: true, force: true });
  child(variant, ['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', out], 15);
  const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'))!;
  const prof = JSON.parse(readFileSync(resolve(out, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const markers: [number, string][] = [];
  readFileSync(bundles[variant]!, 'utf8').split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.(?:ts|js|mjs))$/.exec(line);
    if (m) markers.push([i, m[1]!.replace(/^packages\//, '').replace(/^node_modules\/\.cache\/bench\/validate\//, '(generated) ').replace('/src/', '/')]);
  });
  const fileOf = (line: number) => {
    let name = '(bundle)';
    for (const [at, f] of markers) if (at <= line) name = f; else break;
    return name;
  };
  const byNode = new Map(prof.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const f = byNode.get(id)!.callFrame;
    const dt = prof.timeDeltas[i] ?? 0;
    total += dt;
    const inBundle = f.url.endsWith(`${variant}.bundle.mjs`);
    const where = inBundle ? fileOf(f.lineNumber) : f.url ? f.url.replace(/^.*\//, '') : f.functionName.startsWith('(') ? '' : '(node)';
    const key = `${f.functionName || '(anonymous)'}${inBundle ? `:${f.lineNumber + 1}` : ''}${where ? ` — ${where}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
    const area = inBundle ? where : f.functionName === '(garbage collector)' ? '(garbage collector)' : f.url.includes('runner.mjs') ? '(runner: timing loop)' : '(node internals, idle)';
    byFile.set(area, (byFile.get(area) ?? 0) + dt);
  });
  return { byFunction, byFile, total };
}
if (process.env['BENCH_PROFILE'] === '1' || Math.min(compiledRatio, compiledCpuRatio) > 1.1) {
  console.log('\nprofile (node --cpu-prof, 15 runs after warm-up): self time, share of the whole process');
  const shares = (m: Map<string, number>, total: number, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => [k.slice(0, 90), ms(us / 1000), `${((us / total) * 100).toFixed(1)}%`]);
  for (const v of ['compiled', 'hand-written']) {
    const p = profile(v);
    console.log(`\n${v}, by source file:`);
    table([['file', 'self', 'share'], ...shares(p.byFile, p.total, 14)]);
    console.log(`\n${v}, by function (bundle line):`);
    table([['function', 'self', 'share'], ...shares(p.byFunction, p.total, 16)]);
  }
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s, of which the timed rounds ${timingSeconds.toFixed(0)} s)`);
