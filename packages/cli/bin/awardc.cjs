#!/usr/bin/env node
// Starts the bundled CLI built by `npm run build` (npm ci runs it) through its code cache (src/code-cache.ts).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const launcher = join(__dirname, '../dist/launch.cjs');
const bundle = join(__dirname, '../dist/awardc.cjs');
if (!existsSync(launcher) || !existsSync(bundle)) {
  console.error('awardc is not built yet: run `npm run build` (npm ci does it) in the repository root.');
  process.exitCode = 2;
} else {
  try {
    require(launcher).runCached(bundle);
  } catch (e) {
    // Only what fails before the CLI's own error handling runs: the whole trace, for a bug report.
    console.error(`awardc failed to start: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 2;
  }
}
