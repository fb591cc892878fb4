/**
 * Before the tests run: the validators earlier runs compiled (test/validation/support.ts) and no run
 * has used for a week are removed. Each is kept under a hash of the compiler's output, which changes
 * with the compiler, so without this they pile up (hundreds after a few weeks of work).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMPILED_VALIDATORS = resolve(fileURLToPath(new URL('..', import.meta.url)), 'node_modules/.cache/awardrules-tests');
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Removes the folders in `dir` last used (modified) more than a week before `now`; none if `dir` does not exist. */
export function pruneUnused(dir: string, now = Date.now()): void {
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return; }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).mtimeMs < now - WEEK_MS) rmSync(path, { recursive: true, force: true });
  }
}

export default function setup(): void {
  pruneUnused(COMPILED_VALIDATORS);
}
