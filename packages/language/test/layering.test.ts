import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** Which workspace packages each package may import: dependencies flow one way. */
const ALLOWED: Record<string, string[]> = {
  runtime: [],
  language: ['runtime'],
  interpreter: ['language', 'runtime'],
  compiler: ['language', 'runtime'],
  slate: ['language', 'runtime'],
  diff: ['language', 'runtime', 'interpreter'],
  'language-server': ['language', 'runtime'],
  cli: ['language', 'runtime', 'interpreter', 'compiler', 'slate', 'diff', 'language-server'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('package layering', () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    it(`${pkg} imports only ${allowed.join(', ') || 'no other package'}`, () => {
      for (const file of sources(join(root, pkg, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/from '@awardrules\/([a-z-]+)/g)) expect(allowed, `${file} imports ${m[1]}`).toContain(m[1]);
      }
    });
  }
});
