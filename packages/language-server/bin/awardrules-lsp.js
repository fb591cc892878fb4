#!/usr/bin/env node
// Runs the AwardRules language server bundled by `npm run build`: awardrules-lsp --stdio.
import('../dist/awardrules-lsp.mjs').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('awardrules-lsp is not built yet: run `npm run build` (npm ci does it) in the repository root.');
  } else {
    console.error(`awardrules-lsp failed to start: ${e && e.message ? e.message : e}`);
  }
  process.exitCode = 2;
});
