/**
 * The negative corpus (test/negative/): invalid rule files, each ending in `// expect: CODE line:col`
 * lines that list every diagnostic it must produce, in the order the checker reports them. Files named
 * `*.todo.award` expect the right behaviour where the checker is still wrong; they are listed, not run.
 * `NNN-x.en.out` / `NNN-x.zh.out` are the exact stdout of `awardc check` for `NNN-x.award`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '@awardrules/language';
import { awardc, ROOT } from './support.js';

const DIR = join(ROOT, 'test', 'negative');
const names = readdirSync(DIR).sort();
const awards = names.filter((n) => n.endsWith('.award'));
const active = awards.filter((n) => !n.endsWith('.todo.award'));
const todo = awards.filter((n) => n.endsWith('.todo.award'));
const outs = names.filter((n) => n.endsWith('.out'));

const EXPECT = /^\/\/ expect: (.*?)\r?$/;

/** The expectation lines, which must be the last lines of the file so they shift no position. */
function expectations(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const first = lines.findIndex((l) => EXPECT.test(l));
  if (first < 0) return [];
  const tail = lines.slice(first);
  const stray = tail.find((l) => !EXPECT.test(l));
  if (stray !== undefined) throw new Error(`a line after the first expectation is not an expectation: ${JSON.stringify(stray)}`);
  return tail.map((l) => EXPECT.exec(l)![1]!);
}

/** Tables are named relative to the rule file; the checker passes them on resolved against its path. */
function readFile(path: string): string | undefined {
  const abs = isAbsolute(path) ? path : join(ROOT, path);
  return existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
}

function actual(file: string): string[] {
  const path = join(DIR, file);
  const doc = buildDocument(path, readFileSync(path, 'utf8'), { readFile });
  return doc.diagnostics.map((d) => {
    const p = doc.lines.position(d.span.start);
    return `${d.code} ${p.line + 1}:${p.character + 1}`;
  });
}

const expected = new Map(awards.map((f) => [f, expectations(readFileSync(join(DIR, f), 'utf8'))]));

describe('negative corpus', () => {
  it('has at least 45 cases, numbered, each with well-formed expectations', () => {
    expect(active.length).toBeGreaterThanOrEqual(45);
    for (const f of awards) {
      expect(f, 'file name').toMatch(/^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*(?:\.todo)?\.award$/);
      const list = expected.get(f)!;
      expect(list.length, `${f} has no expectation`).toBeGreaterThan(0);
      for (const e of list) expect(e, f).toMatch(/^AR\d{4} \d+:\d+$/);
    }
    const numbers = awards.map((f) => f.slice(0, 3));
    expect(new Set(numbers).size, 'case numbers are unique').toBe(numbers.length);
  });

  it('has no two cases that expect exactly the same diagnostics', () => {
    const byList = new Map<string, string>();
    for (const f of awards) {
      const key = expected.get(f)!.join('\n');
      expect(byList.get(key), `${f} expects the same as ${byList.get(key)}`).toBeUndefined();
      byList.set(key, f);
    }
  });

  it('keeps the Windows line endings of the CRLF case (positions must not depend on them)', () => {
    const crlf = awards.filter((f) => f.includes('crlf'));
    expect(crlf.length).toBeGreaterThan(0);
    for (const f of crlf) expect(readFileSync(join(DIR, f), 'utf8')).toMatch(/\r\n/);
  });

  for (const f of active) {
    it(f, () => {
      expect(actual(f)).toEqual(expected.get(f));
    });
  }

  // Each of these states what the checker should report but does not yet; see the file's comments.
  for (const f of todo) it.todo(f);
});

describe('negative corpus: awardc check output', () => {
  it('has English and Chinese output for at least 5 cases, each beside its rule file', () => {
    const cases = new Set(outs.map((o) => o.replace(/\.(en|zh)\.out$/, '')));
    for (const c of cases) {
      expect(active, `${c}.award`).toContain(`${c}.award`);
      expect(outs, c).toContain(`${c}.en.out`);
      expect(outs, c).toContain(`${c}.zh.out`);
    }
    expect(cases.size).toBeGreaterThanOrEqual(5);
  });

  for (const o of outs) {
    it(o, () => {
      const m = /^(.*)\.(en|zh)\.out$/.exec(o)!;
      const r = awardc(['check', `test/negative/${m[1]}.award`, '--lang', m[2]!, '--no-color']);
      expect(r.stdout).toBe(readFileSync(join(DIR, o), 'utf8'));
      expect(r.code).toBe(1);
    });
  }
});
