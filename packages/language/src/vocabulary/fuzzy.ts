/**
 * "Did you mean": the closest candidates by edit distance, shared by the checker and completion.
 * Chinese names are short, so the allowed distance grows with the length of what was typed.
 */
import { nameKey } from './names.js';

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let curr = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[n]!;
}

function allowedDistance(typed: string): number {
  const cjk = /[\u3400-\u9fff]/.test(typed);
  if (cjk) return typed.length <= 2 ? 1 : 2;
  return typed.length <= 3 ? 1 : typed.length <= 6 ? 2 : 3;
}

export interface Candidate<T> {
  readonly spelling: string;
  readonly value: T;
}

/** Candidates within the allowed distance of `typed`, best first, at most `max`, one per value. */
export function closestMatches<T>(typed: string, candidates: Iterable<Candidate<T>>, max = 3): Candidate<T>[] {
  const key = nameKey(typed);
  const limit = allowedDistance(key);
  const scored: { c: Candidate<T>; d: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(key, nameKey(c.spelling), limit);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.spelling.length - y.c.spelling.length);
  // Only the closest: one letter off beats two letters off.
  const best = scored[0]?.d ?? 0;
  const seen = new Set<T>();
  const out: Candidate<T>[] = [];
  for (const { c, d } of scored) {
    if (d > best) break;
    if (seen.has(c.value)) continue;
    seen.add(c.value);
    out.push(c);
    if (out.length >= max) break;
  }
  return out;
}
