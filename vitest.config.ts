import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under the "source" condition,
// so tests run against src/ without a build.
const conditions = ['source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Removes compiled validators no run has used for a week (see test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Validators the tests compile are written under node_modules/.cache; transform them like sources,
    // so their @awardrules/runtime import resolves the same way.
    server: { deps: { inline: [/node_modules\/\.cache\/awardrules-tests\//] } },
  },
});
