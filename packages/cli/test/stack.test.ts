import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { mappedStack } from '../src/stack.js';

const LAUNCHER = new URL('../dist/launch.cjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'awardc-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash traces', () => {
  it('name the source file and line of a minified bundle run through vm.Script, through the code-cache launcher, as awardc runs it', () => {
    writeFileSync(join(dir, 'deep.ts'), 'export function deepest(): never {\n  throw new Error("boom");\n}\n');
    writeFileSync(join(dir, 'main.ts'), 'import { deepest } from "./deep.js";\nexport function run(): void {\n  deepest();\n}\n');
    const out = join(dir, 'bundle.cjs');
    buildSync({ entryPoints: [join(dir, 'main.ts')], bundle: true, minify: true, format: 'cjs', platform: 'node', sourcemap: 'linked', outfile: out, logLevel: 'silent' });
    // Run through the launcher, as bin/awardc.cjs runs the CLI's bundle.
    writeFileSync(join(dir, 'start.cjs'), `require('node:module'); const m = { run: null }; try { require(${JSON.stringify(LAUNCHER)}).runCached(${JSON.stringify(out)}); } catch (e) { process.stdout.write(String(e.stack)); }`);
    writeFileSync(out, `${readFileSync(out, 'utf8')}\nmodule.exports.run();\n`);
    const stack = spawnSync(process.execPath, [join(dir, 'start.cjs')], { encoding: 'utf8' }).stdout;
    expect(stack).toContain('bundle.cjs:1:');
    const mapped = mappedStack(stack);
    expect(mapped).toContain(`${join(dir, 'deep.ts')}:2:`);
    expect(mapped).toContain(`${join(dir, 'main.ts')}:3:`);
    expect(mapped).not.toContain('bundle.cjs');
  });

  it('leave frames without a source map as they are', () => {
    const stack = 'Error: x\n    at f (/nowhere/file.js:3:4)\n    at node:internal/main:1:2';
    expect(mappedStack(stack)).toBe(stack);
  });
});
