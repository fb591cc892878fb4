// Bundles the CLI into one ES module file: one file loads several times faster than chevrotain's and
// commander's unbundled modules, which keeps `awardc check` close to bare node start-up.
import { build } from 'esbuild';

await build({
  entryPoints: ['packages/cli/src/bin.ts'],
  outfile: 'packages/cli/dist/awardc.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // commander and csv-parse are CommonJS; give the bundle a `require` for node built-ins.
  banner: { js: "import { createRequire as __awardcRequire } from 'node:module'; const require = __awardcRequire(import.meta.url);" },
});
