import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneUnused } from './global-setup.js';

describe('pruning compiled validators', () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

  it('removes what no run has used for a week and keeps the rest', () => {
    const cache = mkdtempSync(join(tmpdir(), 'awardrules-prune-'));
    dirs.push(cache);
    const now = Date.now();
    for (const [name, daysAgo] of [['old', 8], ['recent', 6], ['new', 0]] as const) {
      mkdirSync(join(cache, name));
      const when = new Date(now - daysAgo * 24 * 60 * 60 * 1000);
      utimesSync(join(cache, name), when, when);
    }
    pruneUnused(cache, now);
    expect(['old', 'recent', 'new'].filter((n) => existsSync(join(cache, n)))).toEqual(['recent', 'new']);
  });

  it('does nothing without a cache', () => {
    expect(() => pruneUnused(join(tmpdir(), 'awardrules-no-such-cache'))).not.toThrow();
  });
});
