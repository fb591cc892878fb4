// Bundles the CLI into one CommonJS file: one file loads several times faster than chevrotain's and
// commander's unbundled modules, and CommonJS can be started through a V8 code cache on Node 20
// (packages/cli/src/code-cache.ts), which keeps `awardc check` close to bare node start-up. Code that
// only some commands need (the compiler, the spreadsheet readers, the language server) is in the file
// but only run when asked for; the large libraries they use stay in node_modules.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const cli = 'packages/cli/dist';
// What earlier builds left: the ES module bundle and its chunks, and a code cache of another bundle.
for (const old of ['chunks', 'awardc.mjs', 'awardc.mjs.map', 'awardc.cjs.v8cache']) rmSync(`${cli}/${old}`, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  conditions: ['source'],
  legalComments: 'none',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['packages/cli/src/bin.ts'],
  outfile: `${cli}/awardc.cjs`,
  external: ['ts-morph', 'esbuild', 'read-excel-file', 'write-excel-file', 'pinyin-pro'],
  // Those are loaded with `require` (each has a CommonJS entry): a script run from a code cache has no `import()`.
  supported: { 'dynamic-import': false },
  sourcemap: 'linked',
  // Less text to read at each start; with AWARDC_DEBUG=1 a crash trace is mapped back to the sources (src/stack.ts).
  minify: true,
});

// The build id, a hash of the bundle, as its last line: the code cache is kept for this build only
// (code-cache.ts), even where copying keeps a different build's size and modification time.
const bundled = readFileSync(`${cli}/awardc.cjs`, 'utf8');
writeFileSync(`${cli}/awardc.cjs`, `${bundled.replace(/\n?$/, '\n')}//# awardc-build=${createHash('sha1').update(bundled).digest('hex')}\n`);

// What bin/awardc.cjs loads first: the code cache's reader, on its own so that it is not in the cache it reads.
await build({ ...common, entryPoints: ['packages/cli/src/code-cache.ts'], outfile: `${cli}/launch.cjs` });

// One check writes the code cache, with the functions a check compiles.
const primed = spawnSync(process.execPath, ['packages/cli/bin/awardc.cjs', 'check', '--lang', 'en', 'examples/jilin-2023-social-orgs.award'], { encoding: 'utf8' });
if (primed.status !== 0) {
  console.error(`bundle: the bundled CLI failed its first check (exit ${primed.status}):\n${primed.stdout}${primed.stderr}`);
  process.exit(1);
}

// The language server on its own (bin/awardrules-lsp.js): one file starts in a tenth of the time
// of the unbundled modules.
await build({
  entryPoints: { 'awardrules-lsp': 'packages/language-server/src/main.ts' },
  outdir: 'packages/language-server/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __awardcRequire } from 'node:module'; const require = __awardcRequire(import.meta.url);" },
});
