import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awardc, CATALOG, EXAMPLES } from './support.js';

const examples = EXAMPLES.map((n) => `examples/${n}.award`);
const scratchDirs: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'awardc-'));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

const BAD = 'notice "x" {\n  issued 2024-01-02\n}\nexclude rank >= vice-bureu\ncap rank = county-level <= 120% of selected\n';

describe('awardc check', () => {
  it('passes the five notices against the catalog (exit 0)', () => {
    const r = awardc(['check', ...examples, '--catalog', CATALOG]);
    expect(r.stdout).toContain('No problems found in 5 file(s).');
    expect(r.code).toBe(0);
  });

  it('reports problems as file:line:col, code, message, source line, caret and hint (exit 1)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.award'), BAD);
    const r = awardc(['check', 'bad.award'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("bad.award:4:17 - error AR2001: Unknown rank 'vice-bureu'.");
    expect(r.stdout).toContain('4 exclude rank >= vice-bureu\n                  ~~~~~~~~~~');
    expect(r.stdout).toContain("hint: Did you mean 'vice-bureau' (副厅级)?");
    expect(r.stdout).toContain('bad.award:5:28 - error AR2008');
    expect(r.stdout).toContain('Found 2 error(s), 0 warning(s) and 0 note(s) in 1 file(s).');
  });

  it('speaks Chinese with --lang zh or a Chinese LANG, with carets under wide characters', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.award'), 'notice { issued 2024-01-02 }\nexclude 职级 >= 副厅极\n');
    for (const run of [awardc(['check', 'bad.award', '--lang', 'zh'], { cwd: dir }), awardc(['check', 'bad.award'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })]) {
      expect(run.stdout).toContain('bad.award:2:15 - 错误 AR2001: 未知的职级“副厅极”。');
      expect(run.stdout).toContain('提示: 您是否想写 “副厅级”（vice-bureau）？');
      // 职级 is two wide characters: the caret sits under 副厅极, which starts at display column 16.
      expect(run.stdout).toContain('2 exclude 职级 >= 副厅极\n                  ~~~~~~');
    }
  });

  it('writes JSON with 1-based ranges, codes, severities and suggestions', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.award'), BAD);
    const r = awardc(['check', 'bad.award', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ files: 1, errors: 2, warnings: 0, infos: 0, inputErrors: 0 });
    expect(out.files[0].diagnostics[0]).toMatchObject({
      code: 'AR2001', severity: 'error', range: { start: { line: 4, column: 17 }, end: { line: 4, column: 27 } },
      suggestions: [{ replacement: 'vice-bureau' }],
    });
  });

  it('treats unreadable input and bad usage as exit 2, without a stack trace', () => {
    const missing = awardc(['check', 'no-such-file.award']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('AR6001');
    const dir = scratch();
    // 副厅级 in GBK, which is not valid UTF-8.
    writeFileSync(join(dir, 'gbk.award'), Buffer.from([0xb8, 0xb1, 0xcc, 0xfc, 0xbc, 0xb6]));
    expect(awardc(['check', 'gbk.award'], { cwd: dir }).stderr).toContain('AR6002');
    for (const args of [['check'], ['chek', 'x'], ['check', '--lang', 'fr', 'x'], ['check', '--bogus', 'x'], []]) {
      const r = awardc(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout).not.toMatch(/at .*\.(m?js|ts):\d+/);
    }
  });
});

describe('awardc check and fmt on folders', () => {
  it('check and fmt the .award files in a folder and its subfolders, in order, but not in node_modules or hidden folders', () => {
    const dir = scratch();
    for (const sub of ['rules/2024', 'rules/node_modules/x', 'rules/.old']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'rules/b.award'), BAD);
    writeFileSync(join(dir, 'rules/2024/a.award'), readFileSync('examples/qinghai-2021-petition.award', 'utf8'));
    writeFileSync(join(dir, 'rules/2024/notes.txt'), 'not a rule file');
    for (const hidden of ['rules/node_modules/x/c.award', 'rules/.old/d.award']) writeFileSync(join(dir, hidden), 'not even a rule file');
    const r = awardc(['check', 'rules', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([join('rules', '2024', 'a.award'), join('rules', 'b.award')]);
    expect(out.summary).toMatchObject({ files: 2, errors: 2, inputErrors: 0 });
    const fmt = awardc(['fmt', '--check', 'rules'], { cwd: dir });
    expect(fmt.code).toBe(0);
    expect(fmt.stdout).toContain('All 2 file(s) are formatted.');
  });

  it('follows a link to a rule file but not a link to a folder, and reports each argument in its place', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'rules/sub'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'elsewhere.award'), BAD);
    symlinkSync(join(dir, 'elsewhere.award'), join(dir, 'rules/linked.award'));
    symlinkSync(join(dir, 'rules'), join(dir, 'rules/sub/loop'));
    const r = awardc(['check', 'elsewhere.award', 'empty', 'rules', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string; error?: unknown }) => `${f.file}${f.error ? ' (error)' : ''}`)).toEqual(['elsewhere.award', 'empty (error)', join('rules', 'linked.award')]);
    expect(out.summary).toMatchObject({ files: 3, errors: 4, inputErrors: 1 });
  });

  it('reports a folder with no rule files in it as an input error (exit 2), in both languages', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'empty'));
    const en = awardc(['check', 'empty'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('AR6001: Cannot read empty: it is a folder with no .award files in it.');
    const zh = awardc(['fmt', '--check', 'empty', '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('无法读取 empty：这是一个文件夹，其中没有 .award 规则文件。');
  });
});

describe('awardc fmt', () => {
  it('finds the examples formatted, and reports a file that is not (exit 1), then fixes it with --write', () => {
    expect(awardc(['fmt', '--check', ...examples]).code).toBe(0);
    const dir = scratch();
    const file = join(dir, 'messy.award');
    writeFileSync(file, 'notice "x" { issued 2024-01-02 }\nexclude rank>=vice-bureau   // why\n');
    const check = awardc(['fmt', '--check', 'messy.award'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('messy.award is not formatted.');
    expect(awardc(['fmt', '--write', 'messy.award'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('notice "x" {\n  issued 2024-01-02\n}\nexclude rank >= vice-bureau // why\n');
    expect(awardc(['fmt', '--check', 'messy.award'], { cwd: dir }).code).toBe(0);
  });

  it('refuses to format a file with syntax errors (exit 2) and leaves it alone', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'broken.award'), 'award a { quota <= }');
    const r = awardc(['fmt', '--write', 'broken.award'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('AR1003');
    expect(readFileSync(join(dir, 'broken.award'), 'utf8')).toBe('award a { quota <= }');
  });
});

describe('awardc explain', () => {
  it('explains a notice in Chinese and English, grouped by award, with tags', () => {
    const zh = awardc(['explain', 'examples/jilin-2023-social-orgs.award', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('吉林省先进社会组织（集体）');
    expect(zh.stdout).toContain('[#J23-CAP-1 条款 四(二)2] 职级为县处级的人数不超过评选总数的15%。');
    const en = awardc(['explain', 'examples/jilin-2023-social-orgs.award', '--lang', 'en']);
    expect(en.stdout).toContain('[#J23-EXCLUDE-2 clause 四(二)2] Excluded: nominees where rank is vice-bureau level or above.');
    const json = JSON.parse(awardc(['explain', 'examples/qinghai-2021-petition.award', '--format', 'json']).stdout);
    expect(json.sections.map((s: { award?: string }) => s.award ?? null)).toEqual([null, 'advanced-collective', 'advanced-individual']);
  });

  it('refuses to explain a file with errors (exit 1)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.award'), BAD);
    expect(awardc(['explain', 'bad.award'], { cwd: dir }).code).toBe(1);
  });
});
