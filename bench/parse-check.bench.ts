/**
 * Parse + check throughput on a large generated rule file, against JSON.parse of a JSON document of
 * the same size measured in the same run. Run: npm run bench:language
 *
 * Two ways: as `awardc check` (and the language server's background checks) do it, without recording
 * references for navigation, and as the language server builds the document it navigates, with them.
 */
import { cpus, loadavg } from 'node:os';
import { buildDocument } from '@awardrules/language';
import { generateRuleFile } from './generate.js';
import { machine } from './support.js';

console.log(`parse + check — ${machine()}`);

const MB = 1024 * 1024;
const text = generateRuleFile(Number(process.env['BENCH_BYTES'] ?? 1.2 * MB));
const json = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ id: i, name: `第${i}号推荐对象`, rank: 'county', region: `r${i % 40}`, tags: ['a', 'b'] })))
  .slice(0, text.length);
const jsonText = json.slice(0, json.lastIndexOf('},{') + 1) + ']';

function time(label: string, f: () => unknown, runs: number): number {
  f(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(28)} median ${median.toFixed(1)} ms`);
  return median;
}

const bytes = Buffer.byteLength(text);
console.log(`rule file: ${(bytes / MB).toFixed(2)} MB, ${text.split('\n').length} lines`);
const doc = buildDocument('bench.award', text);
console.log(`rules: ${doc.model.rules.length}, diagnostics: ${doc.diagnostics.length}`);
const tJson = time('JSON.parse (same size)', () => JSON.parse(jsonText), 10);
// In turns, so that both see the same machine.
const checks: number[] = [];
const navigables: number[] = [];
for (let round = 0; round < 3; round++) {
  checks.push(time('parse + check (awardc check)', () => buildDocument('bench.award', text, { references: false }), 7));
  navigables.push(time('  with references (server)', () => buildDocument('bench.award', text), 7));
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tCheck = median(checks);
const tNav = median(navigables);
const mbps = (ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
console.log(`throughput: ${mbps(tCheck)} MB/s parse + check (${mbps(tNav)} MB/s with references); JSON.parse ${(Buffer.byteLength(jsonText) / MB / (tJson / 1000)).toFixed(1)} MB/s`);
console.log(`ratio: parse + check takes ${(tCheck / tJson).toFixed(1)}× as long as JSON.parse of the same size (${(tNav / tJson).toFixed(1)}× with references)`);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`);
