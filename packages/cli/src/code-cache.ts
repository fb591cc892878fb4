/**
 * Starts the bundled CLI through a V8 code cache kept beside it: what Node 22's
 * `module.enableCompileCache()` does for every module, which Node 20 lacks. `awardc check` on one
 * notice spends more time compiling the bundle's functions than checking; with the cache, V8 reads
 * them compiled. The cache is written after a run (at exit), so that it holds the functions the run
 * compiled, not only the top level, as a cache made when the script is first compiled would.
 *
 * The build runs one check to write it (scripts/bundle.mjs). A run that finds it missing, stale or
 * rejected by V8 (another Node version) writes it anew; a run that cannot write it (a read-only
 * installation) only goes without it.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** What became of the cache: used, or written anew at exit because it was missing, stale or rejected. */
export type CacheUse = 'used' | 'missing' | 'stale' | 'rejected';

/**
 * The cache starts with the bundle's size and modification time, as a build tool tells a changed
 * file. V8 checks its own version and flags, but of the source only the length, so a rebuilt bundle
 * of the same length would otherwise run the old code. (A hash of the text would need node:crypto,
 * whose loading alone costs more than a tenth of the time the cache saves.)
 */
const STAMP_BYTES = 16;

/** Runs the CommonJS file `bundle` as `require` would, through the code cache `cache`. */
export function runCached(bundle: string, cache = `${bundle}.v8cache`): CacheUse {
  const source = readFileSync(bundle, 'utf8');
  const stamp = stampOf(bundle);
  const stored = readIfThere(cache);
  const fresh = stored !== undefined && stored.length > STAMP_BYTES && stamp.equals(stored.subarray(0, STAMP_BYTES));
  const script = new Script(Module.wrap(source), { filename: bundle, ...(fresh ? { cachedData: stored.subarray(STAMP_BYTES) } : {}) });
  const use: CacheUse = stored === undefined ? 'missing' : !fresh ? 'stale' : script.cachedDataRejected ? 'rejected' : 'used';
  // Worker threads (the language server's background checker) run the same file: only the main thread writes.
  if (use !== 'used' && isMainThread) process.once('exit', () => save(cache, stamp, script));
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return use;
}

function stampOf(file: string): Buffer {
  const { size, mtimeMs } = statSync(file);
  const stamp = Buffer.alloc(STAMP_BYTES);
  stamp.writeDoubleLE(size, 0);
  stamp.writeDoubleLE(mtimeMs, 8);
  return stamp;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function save(cache: string, stamp: Buffer, script: Script): void {
  // Written whole under another name, then renamed: a run starting meanwhile reads the old file or the new one, never half of one.
  const temp = `${cache}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([stamp, script.createCachedData()]));
    renameSync(temp, cache);
  } catch {
    try { unlinkSync(temp); } catch { /* never written */ }
  }
}
