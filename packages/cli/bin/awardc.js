#!/usr/bin/env node
// Loads the bundled CLI built by `npm run build` (npm ci runs it).
import('../dist/awardc.mjs').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('awardc is not built yet: run `npm run build` (npm ci does it) in the repository root.');
  } else {
    console.error(`awardc failed to start: ${e && e.message ? e.message : e}`);
  }
  process.exitCode = 2;
});
