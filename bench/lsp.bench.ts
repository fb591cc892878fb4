/**
 * The language server on a generated 10,000-line rule file, over real stdio (the built
 * bin/awardrules-lsp.js, as an editor runs it): completion and hover latency (median, p95), the time
 * from an edit to the fresh diagnostics, and completion while typing, all against the BASELINE of a
 * trivial request round trip (`awardrules/ping`) measured in the same run, reported as ratios.
 *
 * Aims: completion p95 < 20 ms; diagnostics < 100 ms after an edit. A worker thread checks every
 * edited text as soon as it is free and publishes its diagnostics; the server's own thread checks (for
 * hover, rename, …) the first edit after a pause at once if the document's checks are quick (≤ 30 ms,
 * as a real notice's are), else 150 ms after the last edit, or twice as long as its last check took if
 * that is longer (so a large file is not checked between keystrokes). For comparison the same is
 * measured on a real notice (examples/jilin-2023-social-orgs.award).
 * Run: npm run bench:lsp   (run `npm run build` first; BENCH_LINES=… for another size)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { generateRuleFile } from './generate.js';

/** The repository root: this script is bundled into node_modules/.cache/run-ts. */
const ROOT = (() => {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (dir !== '/' && !/node_modules\/\.cache\/run-ts\/?$/.test(dir)) dir = resolve(dir, '..');
  return dir === '/' ? process.cwd() : resolve(dir, '../../..');
})();
const BIN = resolve(ROOT, 'packages/language-server/bin/awardrules-lsp.js');
if (!existsSync(resolve(ROOT, 'packages/language-server/dist/main.js'))) {
  console.error('The language server is not built: run `npm run build` first.');
  process.exit(2);
}

const LINES = Number(process.env['BENCH_LINES'] ?? 10_000);
const RUNS = 100;
const DEBOUNCE_MS = 150;

// ── the rule file ─────────────────────────────────────────────────────────────────────────────
let bytes = LINES * 50;
let text = generateRuleFile(bytes);
while (text.split('\n').length < LINES) { bytes = Math.ceil(bytes * 1.05); text = generateRuleFile(bytes); }
const lines = text.split('\n');
const uri = 'file:///tmp/awardrules-bench/bench.award';

// ── statistics ────────────────────────────────────────────────────────────────────────────────
interface Stats { median: number; p95: number; max: number; n: number }
function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, n: s.length };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

// ── the server ────────────────────────────────────────────────────────────────────────────────
const proc = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
const waiting = new Map<number, (at: number) => void>();
conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
  const at = performance.now();
  if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.(at);
});
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
conn.listen();
const diagnosticsOf = (version: number) => new Promise<number>((res) => waiting.set(version, res));

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

const spawnAt = performance.now();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'zh-cn' });
const initMs = performance.now() - spawnAt;
await conn.sendNotification('initialized', {});
let version = 1;
const opened = diagnosticsOf(1);
const openAt = performance.now();
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'award', version, text } });
const openMs = (await opened) - openAt;

// Positions across the file: after `at ` in a publicity rule, after `>= ` in a condition, at the start of a rule.
const spots: { line: number; character: number; kind: string }[] = [];
for (let i = 0; i < lines.length && spots.length < 3 * RUNS; i += Math.max(1, Math.floor(lines.length / RUNS))) {
  const l = lines[i]!;
  const at = l.indexOf(' at ');
  if (at >= 0) spots.push({ line: i, character: at + 4, kind: 'level after `at`' });
  const ge = l.indexOf('>= ');
  if (ge >= 0) spots.push({ line: i, character: ge + 3, kind: 'value after `>=`' });
  if (/^\s+\w/.test(l)) spots.push({ line: i, character: l.search(/\S/), kind: 'rule keyword' });
}
const hoverSpots = spots.map((s) => ({ line: s.line, character: lines[s.line]!.search(/\S/) + 1 }));

const ping = () => conn.sendRequest('awardrules/ping');
const completion = (p: { line: number; character: number }) => conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: p });
const hover = (p: { line: number; character: number }) => conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: p });

// ── steady state: interleaved, so a busy moment hurts all alike ───────────────────────────────
for (let i = 0; i < 20; i++) { await ping(); await completion(spots[i % spots.length]!); await hover(hoverSpots[i % hoverSpots.length]!); }
const samples = { ping: [] as number[], completion: [] as number[], hover: [] as number[] };
let items = 0;
for (let i = 0; i < RUNS * 2; i++) {
  samples.ping.push(await timed(ping));
  const spot = spots[i % spots.length]!;
  samples.completion.push(await timed(async () => { items += ((await completion(spot)) as { items: unknown[] }).items.length; }));
  samples.hover.push(await timed(() => hover(hoverSpots[i % hoverSpots.length]!)));
}

// ── an edit, then the fresh diagnostics (from the background checker, or the server's thread) ─
const quotaLines = lines.flatMap((l, i) => (/^\s+quota <= \d+/.test(l) ? [i] : []));
const editToDiagnostics: number[] = [];
const hoverForcingCheck: number[] = [];
const completionAfterEdit: number[] = [];
for (let i = 0; i < 20; i++) {
  const line = quotaLines[(i * 37) % quotaLines.length]!;
  const col = lines[line]!.indexOf('<= ') + 3;
  // Alternately a mistake (a letter in the number) and its repair: the diagnostics change every time.
  const edit = i % 2 === 0 ? { range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' } : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
  version++;
  const fresh = diagnosticsOf(version);
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
  // Completion right after the edit answers from the last checked model, without waiting for the check.
  completionAfterEdit.push(await timed(() => completion(spots[i % spots.length]!)));
  editToDiagnostics.push((await fresh) - t0);
  await new Promise((r) => setTimeout(r, 50));
}
for (let i = 0; i < 10; i++) {
  // Hover right after an edit needs the current text checked: it runs the check at once.
  version++;
  const fresh = diagnosticsOf(version);
  const line = quotaLines[(i * 53) % quotaLines.length]!;
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: i % 2 ? '' : ' ' }] });
  hoverForcingCheck.push(await timed(() => hover({ line, character: 4 })));
  await fresh;
}

// ── the same on a real notice, for comparison ───────────────────────────────────────────────
const small = readFileSync(resolve(ROOT, 'examples/jilin-2023-social-orgs.award'), 'utf8');
const smallUri = 'file:///tmp/awardrules-bench/small.award';
const smallLine = small.split('\n').findIndex((l) => /^\s+quota <= \d+/.test(l));
let smallVersion = 1;
const smallWaiting = new Map<number, (at: number) => void>();
conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
  const at = performance.now();
  if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.(at);
  if (p.uri === smallUri && p.version !== undefined) smallWaiting.get(p.version)?.(at);
});
const smallOpened = new Promise<number>((res) => smallWaiting.set(1, res));
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'award', version: 1, text: small } });
await smallOpened;
const smallEditToDiagnostics: number[] = [];
for (let i = 0; i < 20; i++) {
  const col = small.split('\n')[smallLine]!.indexOf('<= ') + 3;
  const edit = i % 2 === 0 ? { range: { start: { line: smallLine, character: col }, end: { line: smallLine, character: col } }, text: 'x' } : { range: { start: { line: smallLine, character: col }, end: { line: smallLine, character: col + 1 } }, text: '' };
  // An edit after a pause in typing (the server checks it at once: this notice checks in a few ms).
  await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 20));
  smallVersion++;
  const fresh = new Promise<number>((res) => smallWaiting.set(smallVersion, res));
  const t0 = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri: smallUri, version: smallVersion }, contentChanges: [edit] });
  smallEditToDiagnostics.push((await fresh) - t0);
}

// ── typing: a word a character at a time, completion after each, at two speeds ───────────────
async function typing(intervalMs: number, words: number): Promise<number[]> {
  const out: number[] = [];
  for (let w = 0; w < words; w++) {
    const line = quotaLines[(w * 71 + 13) % quotaLines.length]! + 1; // the line after a quota rule
    const lineText = () => lines[line]!;
    const indent = lineText().search(/\S/);
    const word = 'exclude rank >= 副厅';
    for (let k = 0; k < word.length; k++) {
      version++;
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: indent + k }, end: { line, character: indent + k } }, text: word[k]! }] });
      out.push(await timed(() => completion({ line, character: indent + k + 1 })));
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    // Take the word out again.
    version++;
    const fresh = diagnosticsOf(version);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: indent }, end: { line, character: indent + word.length } }, text: '' }] });
    await fresh;
  }
  return out;
}
const fastTyping = await typing(60, 4);
const slowTyping = await typing(DEBOUNCE_MS + 50, 2);

await conn.sendRequest('shutdown');
await conn.sendNotification('exit');

// ── report ────────────────────────────────────────────────────────────────────────────────────
const base = stats(samples.ping);
const row = (label: string, s: Stats, aim?: string) =>
  console.log(`${label.padEnd(44)} median ${ms(s.median).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  max ${ms(s.max).padStart(9)}  ×${(s.median / base.median).toFixed(1).padStart(6)} ping${aim ? `  ${aim}` : ''}`);
console.log(`language server over stdio — node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}`);
console.log(`rule file: ${lines.length} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB; server start to initialize: ${ms(initMs)}; open to first diagnostics: ${ms(openMs)}`);
console.log('');
row('ping (baseline round trip)', base);
const c = stats(samples.completion);
row(`completion (${(items / samples.completion.length).toFixed(0)} items on average)`, c, `aim p95 < 20 ms: ${c.p95 < 20 ? 'met' : 'NOT met'}`);
row('hover', stats(samples.hover));
row('completion right after an edit elsewhere', stats(completionAfterEdit));
row('completion while typing, 60 ms a key', stats(fastTyping));
row(`completion while typing, ${DEBOUNCE_MS + 50} ms a key`, stats(slowTyping));
const d = stats(editToDiagnostics);
row('edit → fresh diagnostics', d, `aim < 100 ms: ${d.median < 100 ? 'met' : 'NOT met'}`);
row('hover right after an edit (checks at once)', stats(hoverForcingCheck));
const sd = stats(smallEditToDiagnostics);
row(`edit → fresh diagnostics, ${small.split('\n').length}-line notice`, sd, `aim < 100 ms: ${sd.median < 100 ? 'met' : 'NOT met'}`);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end`);
