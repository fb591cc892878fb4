#!/usr/bin/env node
// Starts the bundled CLI built by `npm run build` (npm ci runs it) through its code cache (src/code-cache.ts).
const { join } = require('node:path');

let launcher;
try {
  launcher = require('../dist/launch.cjs');
} catch (e) {
  if (!(e && e.code === 'MODULE_NOT_FOUND')) throw e;
  console.error('awardc is not built yet: run `npm run build` (npm ci does it) in the repository root.');
  process.exitCode = 2;
}
if (launcher) {
  try {
    launcher.runCached(join(__dirname, '../dist/awardc.cjs'));
  } catch (e) {
    console.error(e && e.code === 'ENOENT'
      ? 'awardc is not built yet: run `npm run build` (npm ci does it) in the repository root.'
      : `awardc failed to start: ${e && e.message ? e.message : e}`);
    process.exitCode = 2;
  }
}
