/**
 * Starts the bundled CLI through a V8 code cache kept beside it: what Node 22's
 * `module.enableCompileCache()` does for every module, which Node 20 lacks. `awardc check` on one
 * notice spends more time compiling the bundle's functions than checking; with the cache, V8 reads
 * them compiled. The cache is written after a run (at exit), so that it holds the functions the run
 * compiled, not only the top level, as a cache made when the script is first compiled would.
 *
 * The build runs one check to write it (scripts/bundle.mjs). A run that finds it missing, stale or
 * rejected by V8 (another Node version, other V8 flags) writes it anew; a run that cannot write it (a
 * read-only installation) only goes without it. The cache holds the functions of the run that wrote
 * it: one written by `awardc --version` or `fmt` lacks the checker's, so a run that primes (one that
 * checked a rule file, whose start-up matters most) writes anew a cache that a run that did not wrote.
 */
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { primedRun } from './primed.js';

/**
 * What became of the cache: used, or written anew at exit because it was missing, stale or rejected;
 * `partial`: used, but written by a run that checked no rule file, and so written anew at exit if this
 * run checks one.
 */
export type CacheUse = 'used' | 'missing' | 'stale' | 'rejected' | 'partial';

/**
 * The cache starts with a stamp of the bundle it was made from: its size, its modification time and
 * the build id the build writes at its end (a hash of the rest, see scripts/bundle.mjs). V8 checks
 * its own version and flags, but of the source only the length, so another build of the same length
 * would otherwise run the old code; the build id tells builds apart even when copying kept the size
 * and the time. (Hashing the text here would need node:crypto, whose loading alone costs more than a
 * tenth of the time the cache saves.)
 */
const STAMP_BYTES = 16 + 40;
/** After the stamp, one byte: 1 if the run that wrote the cache checked a rule file (primed.ts), else 0. */
const HEADER_BYTES = STAMP_BYTES + 1;
/** The last line of a bundle built by scripts/bundle.mjs. */
const BUILD_ID = /\/\/# awardc-build=([0-9a-f]{40})\s*$/;

const [WRAPPER_START, WRAPPER_END] = Module.wrap('\0').split('\0') as [string, string];

/** Runs the CommonJS file `bundle` as `require` would, through the code cache `cache`. */
export function runCached(bundle: string, cache = `${bundle}.v8cache`): CacheUse {
  // The stamp is taken from the file that is read, even if the bundle is replaced meanwhile.
  const fd = openSync(bundle, 'r');
  let source: string;
  let stamp: Buffer;
  try {
    source = readFileSync(fd, 'utf8');
    stamp = stampOf(fstatSync(fd), BUILD_ID.exec(source.slice(-100))?.[1]);
  } finally {
    closeSync(fd);
  }
  const stored = readIfThere(cache);
  const fresh = stored !== undefined && stored.length > HEADER_BYTES && stamp.equals(stored.subarray(0, STAMP_BYTES));
  const primed = fresh && stored[STAMP_BYTES] === 1;
  // Wrapped as `require` wraps a module, but on lines of its own, so that positions in stack traces are
  // the bundle's own (which its source map maps back to the sources: stack.ts).
  const wrapped = `${WRAPPER_START}\n${source}\n${WRAPPER_END}`;
  const script = new Script(wrapped, { filename: bundle, lineOffset: -1, ...(fresh ? { cachedData: stored.subarray(HEADER_BYTES) } : {}) });
  const use: CacheUse = stored === undefined ? 'missing' : !fresh ? 'stale' : script.cachedDataRejected ? 'rejected' : primed ? 'used' : 'partial';
  // Worker threads (the language server's background checker) run the same file: only the main thread writes.
  if (use !== 'used' && isMainThread) {
    process.once('exit', () => {
      // A cache that works but lacks the checker's functions is replaced only by a run that has them.
      if (use === 'partial' && !primedRun()) return;
      save(cache, stamp, primedRun(), script);
    });
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return use;
}

function stampOf(stat: Stats, buildId = '0'.repeat(40)): Buffer {
  const stamp = Buffer.alloc(STAMP_BYTES);
  stamp.writeDoubleLE(stat.size, 0);
  stamp.writeDoubleLE(stat.mtimeMs, 8);
  stamp.write(buildId, 16, 'latin1');
  return stamp;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function save(cache: string, stamp: Buffer, primes: boolean, script: Script): void {
  // Written whole under another name, then renamed: a run starting meanwhile reads the old file or the
  // new one, never half of one. The name is this run's own ('wx': never another run's file, even one
  // with the same pid in another container), and the data reaches the disk before the rename: V8 does
  // not check what it reads, and a cache cut short by a power cut would crash every later run.
  const temp = `${cache}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch {
    return; // a read-only installation: without the cache, and without making one (that takes tens of ms)
  }
  try {
    writeFileSync(fd, Buffer.concat([stamp, Buffer.of(primes ? 1 : 0), script.createCachedData()]));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, cache);
  } catch {
    try { closeSync(fd); } catch { /* closed */ }
    try { unlinkSync(temp); } catch { /* never written */ }
  }
}
