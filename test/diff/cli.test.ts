/** `awardc diff` as a reviewer runs it: exit codes, formats, languages, errors. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awardc } from '../support.js';

const J23 = 'examples/jilin-2023-social-orgs.award';
const AMENDED = 'examples/diffs/jilin-2023-social-orgs.amended.award';

describe('awardc diff', () => {
  it('exits 0 when nothing changed in meaning', () => {
    const run = awardc(['diff', J23, J23]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/0 added, 0 removed, 0 tightened, 0 loosened, 0 changed in meaning, 0 reworded, 34 unchanged\./);
  });

  it('writes Markdown for a review memo', () => {
    const run = awardc(['diff', J23, AMENDED, '--format', 'markdown', '--lang', 'zh']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# 规则比较：/);
    expect(run.stdout).toMatch(/^## 收紧 \(1\)$/m);
    expect(run.stdout).toMatch(/^- \*\*#J23-CAP-1 @四\(二\)2\*\*  比例：.*: \*\*收紧\*\*$/m);
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes JSON with a version, the changes and their witnesses', () => {
    const run = awardc(['diff', J23, AMENDED, '--format', 'json']);
    expect(run.code).toBe(1);
    const d = JSON.parse(run.stdout) as { version: number; counts: Record<string, number>; changes: { kind: string; new?: { id: string }; witnesses: { before: string; after: string; input: { nominees: unknown[] } }[] }[] };
    expect(d.version).toBe(1);
    expect(d.counts).toMatchObject({ added: 1, tightened: 1, loosened: 1, changed: 1 });
    const cap = d.changes.find((c) => c.new?.id === 'J23-CAP-1')!;
    expect(cap.kind).toBe('tightened');
    expect(cap.witnesses[0]).toMatchObject({ before: 'passes', after: 'fails' });
    expect(cap.witnesses[0]!.input.nominees.length).toBeGreaterThan(0);
  });

  it('refuses rule files with errors, showing their diagnostics (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awardc-diff-'));
    try {
      const bad = join(dir, 'bad.award');
      writeFileSync(bad, 'notice { title "x" }\nexclude rank >= vice-bureu\n');
      const run = awardc(['diff', J23, bad, '--lang', 'en']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/bad\.award:2:17 - error AR2001/);
      expect(run.stderr).toMatch(/fix them before comparing it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains a bad --award pair and an award that does not exist (exit 2)', () => {
    const a = awardc(['diff', J23, AMENDED, '--award', 'nonsense', '--lang', 'en']);
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe('--award nonsense: write the pair as old-id=new-id, such as outstanding-individual=advanced-person.');
    const b = awardc(['diff', J23, AMENDED, '--award', 'x=advanced-person', '--lang', 'zh']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/examples\/jilin-2023-social-orgs\.award 中没有奖项“x”；其奖项为 advanced-org, advanced-person。/);
  });

  it('a missing file is an input error (exit 2), no stack trace', () => {
    const run = awardc(['diff', J23, 'nowhere.award']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nowhere\.award/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
