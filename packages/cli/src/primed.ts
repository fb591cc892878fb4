/**
 * How a run tells the launcher (code-cache.ts, a bundle of its own) that it checked a rule file, and
 * so compiled the functions the code cache is for: a flag on `globalThis` under a registered symbol.
 */
export const PRIMED = Symbol.for('awardrules.code-cache.primed');

export function markPrimed(): void {
  (globalThis as Record<symbol, unknown>)[PRIMED] = true;
}

export function primedRun(): boolean {
  return (globalThis as Record<symbol, unknown>)[PRIMED] === true;
}
