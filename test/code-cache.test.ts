/**
 * `awardc` starts its bundle through a V8 code cache (packages/cli/src/code-cache.ts). A cache must
 * be used only for the bundle it was made from, be written anew when it is missing, stale or
 * rejected, and never stop the program from running.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awardc, ROOT } from './support.js';

const LAUNCHER = `${ROOT}packages/cli/dist/launch.cjs`;
const dir = mkdtempSync(join(tmpdir(), 'awardc-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `bundle` through the launcher in a new process: what became of the cache, and what the bundle printed. */
/** `primes`: the run says it checked a rule file, as `awardc check` does (packages/cli/src/primed.ts). */
const CHECK = { primes: true };
function launch(bundle: string, cache: string, run: { primes?: boolean } = {}): { use: string; printed: string; code: number | null } {
  const prime = run.primes ? "globalThis[Symbol.for('awardrules.code-cache.primed')] = true; " : '';
  const script = `${prime}const use = require(${JSON.stringify(LAUNCHER)}).runCached(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}); console.log('use=' + use);`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const use = /use=(\w+)/.exec(r.stdout)?.[1] ?? `none (${r.stderr})`;
  return { use, printed: r.stdout.replace(/use=\w+\n/, ''), code: r.status };
}

function bundleSaying(name: string, word: string): string {
  const file = join(dir, name);
  // `require` and `__filename` are the bundle's own, as under `require`.
  writeFileSync(file, `module.exports = 1;\nconsole.log(${JSON.stringify(word)} + ' from ' + require('node:path').basename(__filename));\n`);
  return file;
}

describe('the code cache', () => {
  it('is written by the first run and used by the next', () => {
    const bundle = bundleSaying('a.cjs', 'hello');
    const cache = join(dir, 'a.v8cache');
    expect(launch(bundle, cache, CHECK)).toEqual({ use: 'missing', printed: 'hello from a.cjs\n', code: 0 });
    expect(statSync(cache).size).toBeGreaterThan(56);
    expect(launch(bundle, cache, CHECK)).toEqual({ use: 'used', printed: 'hello from a.cjs\n', code: 0 });
  });

  it('written by a run that did not check a file is written anew by the next one that does, and then kept', () => {
    const bundle = bundleSaying('p.cjs', 'hello');
    const cache = join(dir, 'p.v8cache');
    const flag = () => readFileSync(cache)[56];
    expect(launch(bundle, cache).use).toBe('missing');
    expect(flag()).toBe(0);
    // A run that checks nothing (`awardc --version`, `check --help`, a missing file) leaves it as it is.
    const first = statSync(cache).mtimeMs;
    expect(launch(bundle, cache).use).toBe('partial');
    expect(statSync(cache).mtimeMs).toBe(first);
    expect(flag()).toBe(0);
    expect(launch(bundle, cache, CHECK)).toEqual({ use: 'partial', printed: 'hello from p.cjs\n', code: 0 });
    expect(flag()).toBe(1);
    const written = statSync(cache).mtimeMs;
    expect(launch(bundle, cache, CHECK).use).toBe('used');
    expect(launch(bundle, cache).use).toBe('used');
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('is not used for a changed bundle of the same length, which runs as changed', () => {
    const bundle = bundleSaying('b.cjs', 'hello');
    const cache = join(dir, 'b.v8cache');
    launch(bundle, cache, CHECK);
    bundleSaying('b.cjs', 'howdy');
    const later = new Date(Date.now() + 5000);
    utimesSync(bundle, later, later);
    expect(launch(bundle, cache, CHECK)).toEqual({ use: 'stale', printed: 'howdy from b.cjs\n', code: 0 });
    expect(launch(bundle, cache, CHECK).use).toBe('used');
  });

  it('is not used for another build with the same size and modification time (as copying can leave them)', () => {
    const file = join(dir, 'e.cjs');
    const cache = join(dir, 'e.v8cache');
    const build = (word: string, id: string) => writeFileSync(file, `console.log(${JSON.stringify(word)});\n//# awardc-build=${id.repeat(40)}\n`);
    build('hello', 'a');
    const then = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, then, then);
    expect(launch(file, cache, CHECK)).toEqual({ use: 'missing', printed: 'hello\n', code: 0 });
    build('howdy', 'b');
    utimesSync(file, then, then);
    expect(launch(file, cache, CHECK)).toEqual({ use: 'stale', printed: 'howdy\n', code: 0 });
    expect(launch(file, cache, CHECK).use).toBe('used');
  });

  it('is written anew when V8 rejects it', () => {
    const bundle = bundleSaying('c.cjs', 'hello');
    const cache = join(dir, 'c.v8cache');
    launch(bundle, cache, CHECK);
    const stored = readFileSync(cache);
    stored.fill(7, 57); // the stamp (and whether a priming run wrote it) stays, the compiled code is garbage
    writeFileSync(cache, stored);
    expect(launch(bundle, cache, CHECK)).toEqual({ use: 'rejected', printed: 'hello from c.cjs\n', code: 0 });
    expect(launch(bundle, cache, CHECK).use).toBe('used');
  });

  it('runs without it where it cannot be written', () => {
    const bundle = bundleSaying('d.cjs', 'hello');
    const cache = join(dir, 'no-such-folder', 'd.v8cache');
    expect(launch(bundle, cache)).toEqual({ use: 'missing', printed: 'hello from d.cjs\n', code: 0 });
    expect(launch(bundle, cache).use).toBe('missing');
  });

  it('awardc says it is not built when it is not, and shows the whole trace of a bundle that fails to load', () => {
    const install = join(dir, 'install');
    mkdirSync(join(install, 'bin'), { recursive: true });
    copyFileSync(`${ROOT}packages/cli/bin/awardc.cjs`, join(install, 'bin', 'awardc.cjs'));
    const run = () => spawnSync(process.execPath, [join(install, 'bin', 'awardc.cjs'), '--version'], { encoding: 'utf8' });
    const unbuilt = run();
    expect(unbuilt.status).toBe(2);
    expect(unbuilt.stderr).toContain('not built yet');
    mkdirSync(join(install, 'dist'));
    copyFileSync(LAUNCHER, join(install, 'dist', 'launch.cjs'));
    writeFileSync(join(install, 'dist', 'awardc.cjs'), "require('node:fs').readFileSync('/no/such/file');\n");
    const broken = run();
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('awardc failed to start: Error: ENOENT');
    expect(broken.stderr).toContain('awardc.cjs:1:');
  });

  it('made by the build is used by awardc as it is (a check does not rewrite it)', () => {
    const cache = `${ROOT}packages/cli/dist/awardc.cjs.v8cache`;
    const before = statSync(cache).mtimeMs;
    const r = awardc(['check', 'examples/jilin-2023-social-orgs.award']);
    expect(r.code).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(before);
  });
});
