/**
 * Shared by the benchmark scripts: timing (warm-up, then the median of several runs), a scratch
 * directory inside the repository (so bare imports such as `@awardrules/runtime` resolve from
 * node_modules), and the line that says what machine the figures come from.
 */
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the scripts are bundled into node_modules/.cache/run-ts, so look for it by name. */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== '/' && !dir.endsWith('/node_modules/.cache/run-ts')) dir = dirname(dir);
  return dir === '/' ? process.cwd() : resolve(dir, '../../..');
})();

/** node_modules/.cache/bench/<sub>, created. */
export function scratch(sub: string): string {
  const dir = resolve(ROOT, 'node_modules/.cache/bench', sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Timing {
  /** Milliseconds. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** Runs `f` `warmup` times untimed, then `runs` times timed. */
export async function time(f: () => unknown, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/**
 * Times several functions taking turns (warm-up rounds first, then `runs` timed rounds), so that a
 * busy moment of the machine or the JIT warming up does not favour the ones measured last.
 */
export async function timeInterleaved<K extends string>(fs: Record<K, () => unknown>, runs: number, warmup = 2): Promise<Record<K, Timing>> {
  const keys = Object.keys(fs) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    for (const k of keys) {
      const t0 = performance.now();
      await fs[k]();
      if (i >= warmup) samples[k].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, summarize(samples[k])])) as Record<K, Timing>;
}

export function ms(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
}

export function ratio(x: number, base: number): string {
  return `${(x / base).toFixed(2)}×`;
}

export function perSecond(count: number, millis: number): string {
  const r = count / (millis / 1000);
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)} M/s` : r >= 1e3 ? `${(r / 1e3).toFixed(1)} k/s` : `${r.toFixed(0)}/s`;
}

/** Prints rows as an aligned table (first row is the header). */
export function table(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (s: string, w: number, right: boolean) => {
    const len = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len);
  };
  rows.forEach((r, k) => {
    console.log(r.map((c, i) => pad(c, widths[i]!, i > 0)).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

export function machine(): string {
  return `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`;
}
