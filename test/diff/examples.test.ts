/**
 * examples/diffs/README.md shows real output: every `awardc …` command on the page is run, and its
 * output must be the text block that follows it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awardc, ROOT } from '../support.js';

const page = readFileSync(`${ROOT}examples/diffs/README.md`, 'utf8');
const shown = [...page.matchAll(/```sh\n(awardc [^\n]+)\n```\n\n```text\n([\s\S]*?)\n```/g)].map((m) => ({ command: m[1]!, output: m[2]! }));

describe('examples/diffs/README.md', () => {
  it('shows commands with their output', () => {
    expect(shown.length).toBeGreaterThanOrEqual(3);
  });
  for (const { command, output } of shown) {
    it(command, () => {
      const run = awardc(command.split(' ').slice(1), { env: { NO_COLOR: '1' } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect(run.stdout.trimEnd()).toBe(output);
    });
  }
});
