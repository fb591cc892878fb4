/**
 * `awardc validate` and `awardc compile` as a user runs them: the built CLI in a separate process, on
 * spreadsheets written the way Excel and WPS write them (packages/slate/test/helpers.ts has the notice
 * and its slates). Runs that do not depend on each other go in parallel batches to keep this fast.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, dateCell, fills, gb18030, HEADER, nominee, RULES, RULES_2027, scratch, xlsx } from '../packages/slate/test/helpers.js';
import { awardc, ROOT, type Run } from './support.js';

/** Like awardc() in support.ts, without blocking, so that a batch of runs overlaps. */
function run(args: string[], options: { env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`${ROOT}packages/cli/bin/awardc.cjs`, ...args], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', LANG: 'en_US.UTF-8', ...options.env },
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

/** What every run that fails on its input must look like: exit 2, one message on stderr, no stack trace. */
function expectInputError(r: Run, message: string | RegExp, label = ''): void {
  expect(r.code, `${label}\n${r.stderr}`).toBe(2);
  expect(r.stdout, label).toBe('');
  expect(r.stderr.trimEnd().split('\n'), label).toHaveLength(1);
  expect(r.stderr, label).not.toMatch(/^\s+at /m);
  expect(r.stderr, label).not.toMatch(/Internal error|内部错误/);
  if (typeof message === 'string') expect(r.stderr.trimEnd(), label).toBe(message);
  else expect(r.stderr.trimEnd(), label).toMatch(message);
}

interface JsonReport {
  version: number;
  rules: string;
  slate: { file: string; format: string; encoding?: string };
  summary: { nominees: number; errors: number; warnings: number; infos: number };
  findings: {
    rule: string; tags: string[]; clause?: string; kind: string; severity: string; location?: { line: number; column: number };
    nominee?: { id: string; name: string; row?: number }; fields: string[]; measured?: { en: string; zh: string }; required?: { en: string; zh: string };
    message: { en: string; zh: string }; blocks?: string[];
  }[];
}
const brief = (f: JsonReport['findings'][number]) => `${f.rule} ${f.nominee ? `${f.nominee.id}@${f.nominee.row ?? '-'}` : 'slate'} ${f.severity}`;
const json = (r: Run) => JSON.parse(r.stdout) as JsonReport;

let dir: string;
const TITLE = ['附件3 测试工作先进个人推荐对象汇总表', ...Array(9).fill(null)];
const EMPTY = Array(10).fill(null);

beforeAll(async () => {
  dir = scratch();
  writeFileSync(join(dir, 't24.award'), RULES);
  writeFileSync(join(dir, 't27.award'), RULES_2027);
  // What a province office sends: a title, the header, nominees (dates as date cells, some typed as text), mistakes.
  const fail = [
    TITLE,
    [...HEADER],
    nominee('A1', '张三', { 从事测试工作起始时间: dateCell(2019, 3, 15, 'yyyy"年"m"月"d"日"'), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 15, 'yyyy/m/d') }),
    nominee('A2', '李四', { 职级: '副厅极', 是否拟表彰: '待定', 从事测试工作起始时间: dateCell(2019, 3, 16, 'yyyy"年"m"月"d"日"'), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 16, 'm/d/yyyy') }),
    EMPTY,
    nominee('A1', '王五'),
    nominee('A4', '赵六', { 申报奖项: '测试先进个人', 从事测试工作起始时间: '2019年2月30日' }),
    nominee('A5', '孙七', { 不良记录: '违法违纪 2020-06-01', 本单位公示: '2024-03-01至2024-03-04' }),
    EMPTY, EMPTY,
  ];
  writeFileSync(join(dir, 'fail.xlsx'), await xlsx([{ name: '推荐对象汇总表', data: fail }]));
  const pass = [[...HEADER], nominee('A1', '张三'), nominee('A2', '李四', { 从事测试工作起始时间: dateCell(2010, 1, 4, 'yyyy-mm-dd') }), nominee('A3', '王五')];
  writeFileSync(join(dir, 'pass.xlsx'), await xlsx([{ name: 'S', data: pass }]));
  writeFileSync(join(dir, 'workbook.xlsx'), await xlsx([
    { name: '填表说明', data: [['填表说明'], ['日期写作 2024-03-15']] },
    { name: '推荐对象汇总表', data: pass },
    { name: '空表', data: [] },
  ]));
  // Dates in every format, on both sides of each boundary (see helpers.ts).
  const formats = ['yyyy"年"m"月"d"日"', 'yyyy/m/d', 'm/d/yyyy', 'yyyy-mm-dd'];
  writeFileSync(join(dir, 'dates.xlsx'), await xlsx([{ name: 'S', data: [[...HEADER], ...formats.flatMap((f, i) => [
    nominee(`G${i}`, '准时', { 从事测试工作起始时间: dateCell(2019, 3, 15, f), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 15, f) }),
    nominee(`L${i}`, '迟报', { 从事测试工作起始时间: dateCell(2019, 3, 16, f), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 16, f) }),
  ])] }]));
  const text = csv([[...HEADER], nominee('A1', '张三') as string[], nominee('A2', '吉𠮷', { 职级: '副厅级' }) as string[]], '\r\n');
  writeFileSync(join(dir, 'gb.csv'), gb18030(text));
  writeFileSync(join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  writeFileSync(join(dir, 'slate.json'), JSON.stringify({ nominees: [{ id: 'A1', name: '张三', award: 'advanced-individual', kind: 'individual', rank: 'section', service: '2019-03-15', publicityRecords: [{ level: 'unit', start: '2024-03-01', end: '2024-03-07' }], submitted: { submission: '2024-03-15' } }] }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('awardc validate: the report', () => {
  it('lists each nominee with its row, in sheet order, then the whole slate, in Chinese and English (exit 1)', async () => {
    const [zh, en] = await Promise.all([run(['validate', 't24.award', 'fail.xlsx', '--lang', 'zh']), run(['validate', 't24.award', 'fail.xlsx', '--lang', 'en'])]);
    for (const r of [zh, en]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
    }
    // Rows are the sheet's: the title is row 1, the header row 2. The date cells are read as their days.
    expect(zh.stdout.split('\n')).toEqual([
      '测试〔2024〕1号 关于评选测试工作先进个人的通知——fail.xlsx（5 名推荐对象）',
      '',
      '● A2 李四（第 4 行）',
      '  错误 “是否拟表彰”应填是或否，而不是“待定”',
      '  错误 职级：“副厅极”不是有效的职级（是否应为“副厅级”？）',
      '  错误 #T24-DEADLINE-1 [四(三)] 报送省评选表彰工作领导小组办公室：2024-03-15前完成。',
      '       实际：报送于2024-03-16；要求：2024-03-15前',
      '  错误 #T24-REQUIRE-1 [二(二)] 须从事测试工作满5年。',
      '       实际：从事测试工作：自2019-03-16起（至2024-03-15满4年）',
      // The rule the unreadable rank kept from being checked (its wording is the engine's).
      expect.stringMatching(/^ {2}错误 职级.*无法检查 T24-EXCLUDE-1。$/),
      '',
      '● A1 王五（第 6 行）',
      '  错误 编号 A1 重复（另见第 3 行）。',
      '',
      '● A4 赵六（第 7 行）',
      '  错误 从事测试工作：“2019年2月30日”不是日期（请写作 2024-03-15 或 2024年3月15日）',
      expect.stringMatching(/^ {2}错误 未知奖项 测试先进个人/),
      '',
      '● A5 孙七（第 8 行）',
      '  错误 #T24-PUBLICITY-1 [四(一)] “报送省评选表彰工作领导小组办公室”之前，在本单位公示不少于5个工作日。',
      '       实际：2个工作日（2024-03-01..2024-03-04）；要求：在本单位公示不少于5个工作日，于“报送省评选表彰工作领导小组办公室”之前结束',
      '  错误 #T24-REQUIRE-2 [二(二)] 须近5年内无违法违纪。',
      '       实际：不良记录：违法违纪（2020-06-01）',
      '',
      '● 整份名单',
      '  警告 第 5 行为空，已跳过。',
      '',
      '共 5 名推荐对象：10 个错误、1 个警告、0 个提示；4 名推荐对象有错误。',
      '',
    ]);
    expect(en.stdout).toContain('● A2 李四 (row 4)\n  error   \'selected\' must be yes or no, not 待定\n  error   rank: \'副厅极\' is not a known rank (did you mean 副厅级?)\n');
    expect(en.stdout).toContain('● A1 王五 (row 6)\n  error   The id A1 is used twice (also row 3).\n');
    expect(en.stdout).toContain("  error   service: '2019年2月30日' is not a date (write 2024-03-15 or 2024年3月15日)\n");
    expect(en.stdout).toContain('● The whole slate\n  warning Row 5 is empty and was skipped.\n');
    expect(en.stdout).toContain('5 nominee(s): 10 error(s), 1 warning(s), 0 note(s); 4 nominee(s) with errors.');
  });

  it('gives the same findings as JSON, in a documented shape (exit 1)', async () => {
    const r = await run(['validate', 't24.award', 'fail.xlsx', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = json(r);
    // The contract: version, rule file, slate (file, format; encoding for CSV), summary counts, findings.
    expect(Object.keys(report)).toEqual(['version', 'rules', 'slate', 'summary', 'findings']);
    expect(report).toMatchObject({ version: 1, rules: 't24.award', slate: { file: 'fail.xlsx', format: 'xlsx' }, summary: { nominees: 5, errors: 10, warnings: 1, infos: 0 } });
    // First what could not be read, in row order; then each nominee's findings; a value that kept rules from being checked last.
    expect(report.findings.map((f) => `${brief(f)} ${f.fields.join(',')}`)).toEqual([
      'data A2@4 error selected', 'data A2@4 error rank', 'data slate warning ', 'data A4@7 error service',
      'T24-DEADLINE-1 A2@4 error submitted', 'T24-REQUIRE-1 A2@4 error service', 'data A1@6 error id', 'data A4@7 error award',
      'T24-PUBLICITY-1 A5@8 error publicity-records', 'T24-REQUIRE-2 A5@8 error records', 'data A2@4 error rank',
    ]);
    // A rule's finding: rule, tags, clause, kind, severity, where the rule is, the nominee, fields, what was found and required, both languages.
    expect(report.findings.find((f) => f.rule === 'T24-DEADLINE-1')).toEqual({
      rule: 'T24-DEADLINE-1', tags: ['T24-DEADLINE-1'], clause: '四(三)', kind: 'deadline', severity: 'error', location: { line: 10, column: 1 },
      nominee: { id: 'A2', name: '李四', row: 4 }, fields: ['submitted'],
      measured: { en: 'submitted 2024-03-16', zh: '报送于2024-03-16' }, required: { en: 'by 2024-03-15', zh: '2024-03-15前' },
      message: {
        en: '报送省评选表彰工作领导小组办公室: by 2024-03-15. Found: submitted 2024-03-16; required: by 2024-03-15.',
        zh: '报送省评选表彰工作领导小组办公室：2024-03-15前完成。实际：报送于2024-03-16；要求：2024-03-15前。',
      },
    });
    // A finding about the data: rule and kind 'data', no tags, the nominee and the field.
    expect(report.findings[1]).toEqual({
      rule: 'data', tags: [], kind: 'data', severity: 'error', nominee: { id: 'A2', name: '李四', row: 4 }, fields: ['rank'],
      message: { en: "rank: '副厅极' is not a known rank (did you mean 副厅级?)", zh: '职级：“副厅极”不是有效的职级（是否应为“副厅级”？）' },
    });
    // A value that kept rules from being checked says which.
    expect(report.findings[10]).toMatchObject({ rule: 'data', nominee: { id: 'A2', row: 4 }, fields: ['rank'], blocks: ['T24-EXCLUDE-1'] });
  });

  it('exits 0 on a slate without errors, also as JSON, and reads a JSON slate', async () => {
    const [text, asJson, fromJson] = await Promise.all([
      run(['validate', 't24.award', 'pass.xlsx', '--lang', 'zh']),
      run(['validate', 't24.award', 'pass.xlsx', '--format', 'json']),
      run(['validate', 't24.award', 'slate.json', '--format', 'json']),
    ]);
    expect([text.code, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toBe('测试〔2024〕1号 关于评选测试工作先进个人的通知——pass.xlsx（3 名推荐对象）\n\n共 3 名推荐对象：0 个错误、0 个警告、0 个提示；0 名推荐对象有错误。\n');
    expect(asJson.code).toBe(0);
    expect(json(asJson)).toEqual({ version: 1, rules: 't24.award', slate: { file: 'pass.xlsx', format: 'xlsx' }, summary: { nominees: 3, errors: 0, warnings: 0, infos: 0 }, findings: [] });
    expect(fromJson.code).toBe(0);
    expect(json(fromJson)).toMatchObject({ slate: { file: 'slate.json', format: 'json' }, summary: { nominees: 1, errors: 0 }, findings: [] });
  });

  it('exits 0 when there are only warnings', async () => {
    writeFileSync(join(dir, 'soft.award'), RULES.replace('exclude rank >= vice-bureau', 'soft exclude rank >= vice-bureau'));
    const r = await run(['validate', 'soft.award', 'gb.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r).findings.map(brief)).toEqual(['T24-EXCLUDE-1 A2@3 warning']);
  });

  it('shows every rule for one nominee with --why, and refuses an id the slate does not have', async () => {
    const [why, none] = await Promise.all([run(['validate', 't24.award', 'fail.xlsx', '--why', 'A2', '--lang', 'zh']), run(['validate', 't24.award', 'fail.xlsx', '--why', 'A9', '--lang', 'zh'])]);
    expect(why.code).toBe(1);
    expect(why.stdout).toContain('A2 的逐条检查结果：\n  不符合  #T24-DEADLINE-1 [四(三)]: 报送于2024-03-16\n');
    expect(why.stdout).toContain('  错误 职级：“副厅极”不是有效的职级（是否应为“副厅级”？）');
    expectInputError(none, '名单中没有编号为 A9 的推荐对象。');
  });
});

describe('awardc validate: dates', () => {
  it('reads date cells as the same days in any time zone', async () => {
    const runs = await Promise.all(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'].map((TZ) => run(['validate', 't24.award', 'dates.xlsx', '--format', 'json'], { env: { TZ } })));
    for (const r of runs) {
      expect(r.code).toBe(1);
      const findings = json(r).findings;
      // Each format: the nominee on the boundary passes, the one a day later fails both rules, by exactly one day.
      expect(findings.map(brief)).toEqual([3, 5, 7, 9].flatMap((row, i) => [`T24-DEADLINE-1 L${i}@${row} error`, `T24-REQUIRE-1 L${i}@${row} error`]));
      expect(new Set(findings.map((f) => f.measured!.zh))).toEqual(new Set(['报送于2024-03-16', '从事测试工作：自2019-03-16起（至2024-03-15满4年）']));
    }
  });

  it('counts from --reference-date, and refuses one that is not a date', async () => {
    const [later, chinese, bad, slashes] = await Promise.all([
      run(['validate', 't24.award', 'fail.xlsx', '--format', 'json', '--reference-date', '2026-01-01']),
      run(['validate', 't24.award', 'fail.xlsx', '--format', 'json', '--reference-date', '2026年1月1日']),
      run(['validate', 't24.award', 'fail.xlsx', '--reference-date', '2024-13-01', '--lang', 'en']),
      run(['validate', 't24.award', 'fail.xlsx', '--reference-date', '2024/3/15', '--lang', 'zh']),
    ]);
    // On 2026-01-01 the record of 2020-06-01 is more than 5 years old, and 2019-03-16 is 6 full years ago.
    const briefs = json(later).findings.map(brief);
    expect(briefs).not.toContain('T24-REQUIRE-2 A5@8 error');
    expect(briefs).not.toContain('T24-REQUIRE-1 A2@4 error');
    expect(briefs).toContain('T24-DEADLINE-1 A2@4 error');
    expect(json(chinese).findings).toEqual(json(later).findings);
    expectInputError(bad, '--reference-date 2024-13-01 is not a date; write it as YYYY-MM-DD, such as 2024-03-15.');
    expectInputError(slashes, '--reference-date 2024/3/15 不是日期，请写作 YYYY-MM-DD，如 2024-03-15。');
  });

  it('needs --calendar for a year the built-in calendar does not have, and uses it', async () => {
    writeFileSync(join(dir, 's27.csv'), csv([[...HEADER], nominee('A1', '张三', { 本单位公示: '2027-03-01至2027-03-05', 报送省评选表彰工作领导小组办公室: '2027-03-10' }) as string[]]));
    // A made-up 2027 schedule with 3 March a holiday: 2027-03-01..05 has 4 working days, not 5.
    writeFileSync(join(dir, 'cal27.json'), JSON.stringify([{ year: 2027, off: ['01-01', '03-03'], on: [] }]));
    writeFileSync(join(dir, 'cal27-bad.json'), JSON.stringify([{ year: 2027, off: ['13-01'] }]));
    writeFileSync(join(dir, 'cal27-broken.json'), '[{"year": 2027,');
    const [without, withCalendar, bad, broken, missing] = await Promise.all([
      run(['validate', 't27.award', 's27.csv', '--lang', 'zh']),
      run(['validate', 't27.award', 's27.csv', '--calendar', 'cal27.json', '--format', 'json']),
      run(['validate', 't27.award', 's27.csv', '--calendar', 'cal27-bad.json', '--lang', 'zh']),
      run(['validate', 't27.award', 's27.csv', '--calendar', 'cal27-broken.json', '--lang', 'en']),
      run(['validate', 't27.award', 's27.csv', '--calendar', 'no-such.json', '--lang', 'zh']),
    ]);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('● A1 张三（第 2 行）\n  错误 #T24-PUBLICITY-1 [四(一)] 工作日历中没有 2027 年的安排，无法检查 T24-PUBLICITY-1；请用 --calendar 提供。\n');
    expect(withCalendar.code).toBe(1);
    expect(json(withCalendar).findings.map((f) => [brief(f), f.measured?.zh])).toEqual([['T24-PUBLICITY-1 A1@2 error', '4个工作日（2027-03-01..2027-03-05）']]);
    expectInputError(bad, '错误 AR6001: 无法读取 cal27-bad.json：2027 年："off" 中的 "13-01" 不是 2027 年的日期（MM-DD 或 YYYY-MM-DD）。');
    expectInputError(broken, /^error AR6001: Cannot read cal27-broken\.json: not valid JSON \(.*\)\.$/);
    expectInputError(missing, '错误 AR6001: 无法读取 no-such.json：文件不存在。');
  });
});

describe('awardc validate: CSV and headers', () => {
  it('reads UTF-8 with a BOM and GB18030, and reports the encoding it found in the JSON report', async () => {
    const [gb, bom, text] = await Promise.all([
      run(['validate', 't24.award', 'gb.csv', '--format', 'json']),
      run(['validate', 't24.award', 'bom.csv', '--format', 'json']),
      run(['validate', 't24.award', 'gb.csv', '--lang', 'zh']),
    ]);
    for (const [r, encoding] of [[gb, 'gb18030'], [bom, 'utf-8']] as const) {
      expect(r.code).toBe(1);
      const report = json(r);
      expect(report.slate).toEqual({ file: r === gb ? 'gb.csv' : 'bom.csv', format: 'csv', encoding });
      expect(report.findings.map((f) => `${brief(f)} ${f.nominee?.name}`)).toEqual(['T24-EXCLUDE-1 A2@3 error 吉𠮷']);
    }
    expect(text.stdout).toContain('● A2 吉𠮷（第 3 行）\n  错误 #T24-EXCLUDE-1 [二(三)] 职级在副厅级及以上的，不参加评选。\n');
  });

  it('reports a missing column once, for the slate, naming the field and the rules it kept from being checked', async () => {
    writeFileSync(join(dir, 'norank.csv'), csv([HEADER.filter((h) => h !== '职级'), ...['A1', 'A2', 'A3'].map((id) => nominee(id, '某').filter((_, i) => HEADER[i] !== '职级') as string[])]));
    const [zh, asJson] = await Promise.all([run(['validate', 't24.award', 'norank.csv', '--lang', 'zh']), run(['validate', 't24.award', 'norank.csv', '--format', 'json'])]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe([
      '测试〔2024〕1号 关于评选测试工作先进个人的通知——norank.csv（3 名推荐对象）',
      '',
      '● 整份名单',
      '  错误 表格中没有“职级”一列（表头可写作 职级、rank）。3 名推荐对象无法按 T24-EXCLUDE-1 检查。',
      '',
      '共 3 名推荐对象：1 个错误、0 个警告、0 个提示；0 名推荐对象有错误。',
      '',
    ].join('\n'));
    expect(json(asJson).findings).toEqual([{
      rule: 'data', tags: [], kind: 'data', severity: 'error', fields: ['rank'], blocks: ['T24-EXCLUDE-1'],
      message: {
        en: 'The sheet has no column for rank (a header such as 职级, rank). 3 nominee(s) could not be checked against T24-EXCLUDE-1.',
        zh: '表格中没有“职级”一列（表头可写作 职级、rank）。3 名推荐对象无法按 T24-EXCLUDE-1 检查。',
      },
    }]);
  });

  it('reads headers of its own through --columns, and refuses a mapping file that is not one', async () => {
    const own = ['人员编号', '姓名', '申报奖项', '类别', '现任职级', '从事测试工作起始时间', '不良记录', '本单位公示', '报送日期（省）', '是否拟表彰'];
    writeFileSync(join(dir, 'own.csv'), csv([own, nominee('A1', '张三', { 职级: '副厅级' }) as string[]]));
    writeFileSync(join(dir, 'columns.json'), JSON.stringify({ id: '人员编号', 职级: '现任职级', 'stage:submission': '报送日期（省）' }));
    writeFileSync(join(dir, 'columns-bad.json'), JSON.stringify(['职级']));
    const [mapped, unmapped, bad] = await Promise.all([
      run(['validate', 't24.award', 'own.csv', '--columns', 'columns.json', '--format', 'json']),
      run(['validate', 't24.award', 'own.csv', '--format', 'json']),
      run(['validate', 't24.award', 'own.csv', '--columns', 'columns-bad.json', '--lang', 'zh']),
    ]);
    expect(json(mapped).findings.map(brief)).toEqual(['T24-EXCLUDE-1 A1@2 error']);
    // Without the mapping: no id or rank column (the nominee has no id, so it is named by its row). The
    // stage column is not found either, and nothing says so: the deadline is silently not applicable.
    expect(json(unmapped).findings.map((f) => `${brief(f)} ${f.fields.join(',')}`)).toEqual(['data slate error id', 'data slate error rank', 'data #2@2 error id']);
    expectInputError(bad, '错误 AR6001: 无法读取 columns-bad.json：应为“数据项 → 表头”的 JSON 对象。');
  });
});

describe('awardc validate: sheets', () => {
  it('reads the sheet named by --sheet, by name or number; refuses a first sheet that is not a slate and a sheet that does not exist', async () => {
    const [byName, byNumber, first, missingZh, missingEn, empty] = await Promise.all([
      run(['validate', 't24.award', 'workbook.xlsx', '--sheet', '推荐对象汇总表', '--format', 'json']),
      run(['validate', 't24.award', 'workbook.xlsx', '--sheet', '2', '--format', 'json']),
      run(['validate', 't24.award', 'workbook.xlsx', '--lang', 'zh']),
      run(['validate', 't24.award', 'workbook.xlsx', '--sheet', '汇总表', '--lang', 'zh']),
      run(['validate', 't24.award', 'workbook.xlsx', '--sheet', '7', '--lang', 'en']),
      run(['validate', 't24.award', 'workbook.xlsx', '--sheet', '空表', '--lang', 'en']),
    ]);
    for (const r of [byName, byNumber]) {
      expect(r.code).toBe(0);
      expect(json(r).summary).toEqual({ nominees: 3, errors: 0, warnings: 0, infos: 0 });
    }
    expectInputError(first, '无法读取名单 workbook.xlsx：工作表“填表说明”：前几行中没有表头行（应含 编号、序号、名称、姓名、申报奖项、奖项 等列名）；工作簿中的工作表有 填表说明、推荐对象汇总表、空表（可用 --sheet 指定）。');
    expectInputError(missingZh, '无法读取名单 workbook.xlsx：没有工作表“汇总表”（现有：1 填表说明、2 推荐对象汇总表、3 空表）。');
    expectInputError(missingEn, 'Cannot read the slate workbook.xlsx: it has no sheet 7 (its sheets: 1 填表说明, 2 推荐对象汇总表, 3 空表).');
    expectInputError(empty, "Cannot read the slate workbook.xlsx: sheet 空表: it is empty; the workbook's sheets are 填表说明, 推荐对象汇总表, 空表 (choose one with --sheet).");
  });
});

describe('awardc validate: inputs it cannot read', () => {
  it('exits 2 with one message in the chosen language, never a stack trace', async () => {
    const good = readFileSync(join(dir, 'pass.xlsx'));
    writeFileSync(join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(dir, 'really-csv.xlsx'), readFileSync(join(dir, 'bom.csv')));
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'header-only.xlsx'), await xlsx([{ name: 'S', data: [[...HEADER]] }]));
    writeFileSync(join(dir, 'binary.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]));
    writeFileSync(join(dir, 'not-object.json'), '"推荐名单"');
    writeFileSync(join(dir, 'bad-entry.json'), '{"nominees": [{"id": "A1"}, 42]}');
    mkdirSync(join(dir, 'folder.xlsx'), { recursive: true });
    const cases: [string, string, string][] = [
      ['truncated.xlsx', '无法读取名单 truncated.xlsx：.xlsx 文件已损坏或不完整（是否未完整复制或下载？）。', 'Cannot read the slate truncated.xlsx: the .xlsx file is damaged or incomplete (was it copied or downloaded only in part?).'],
      ['really-csv.xlsx', '无法读取名单 really-csv.xlsx：它不是 .xlsx 工作簿（CSV 文件的扩展名应为 .csv）。', 'Cannot read the slate really-csv.xlsx: it is not an .xlsx workbook (a CSV file must be named .csv).'],
      ['empty.csv', '无法读取名单 empty.csv：文件为空（0 字节）。', 'Cannot read the slate empty.csv: the file is empty (0 bytes).'],
      ['header-only.xlsx', '无法读取名单 header-only.xlsx：工作表“S”：只有表头（第 1 行），下面没有推荐对象。', 'Cannot read the slate header-only.xlsx: sheet S: it has a header row (row 1) but no nominees below it.'],
      ['binary.csv', '无法读取名单 binary.csv：它不是 UTF-8 或 GB18030 编码的文本文件（是否为改了扩展名的二进制文件？）；请将名单另存为 .xlsx 或“CSV UTF-8”。',
        'Cannot read the slate binary.csv: it is not a text file in UTF-8 or GB18030 (is it a binary file with the wrong name?); save the slate as .xlsx or as "CSV UTF-8".'],
      ['not-object.json', '无法读取名单 not-object.json：JSON 中没有推荐对象列表（应为 { "nominees": [ … ] }）。', 'Cannot read the slate not-object.json: the JSON has no list of nominees (expected { "nominees": [ … ] }).'],
      ['bad-entry.json', '无法读取名单 bad-entry.json：列表中第 2 项不是推荐对象记录（应为 { "id": …, "name": …, … }）。', 'Cannot read the slate bad-entry.json: nominee 2 of the list is not an object ({ "id": …, "name": …, … }).'],
      ['no-such.xlsx', '错误 AR6001: 无法读取 no-such.xlsx：文件不存在。', 'error AR6001: Cannot read no-such.xlsx: no such file.'],
      ['folder.xlsx', '错误 AR6001: 无法读取 folder.xlsx：这是一个文件夹。', 'error AR6001: Cannot read folder.xlsx: it is a folder.'],
    ];
    const runs = await Promise.all(cases.flatMap(([file]) => ['zh', 'en'].map((lang) => run(['validate', 't24.award', file, '--lang', lang]))));
    cases.forEach(([file, zh, en], i) => {
      expectInputError(runs[2 * i]!, zh, `${file} zh`);
      expectInputError(runs[2 * i + 1]!, en, `${file} en`);
    });
  });

  it('refuses a rule file with errors before reading the slate (exit 2)', () => {
    writeFileSync(join(dir, 'bad.award'), RULES.replace('vice-bureau', 'vice-bureu'));
    const r = awardc(['validate', 'bad.award', 'pass.xlsx', '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.award:14:17 - 错误 AR2001: 未知的职级“vice-bureu”。');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('规则文件 bad.award 有错误，请先修正再检查名单。');
  });
});

describe('awardc validate --annotate', () => {
  it('writes a marked-up copy and leaves the slate untouched', async () => {
    const before = readFileSync(join(dir, 'fail.xlsx'));
    const r = await run(['validate', 't24.award', 'fail.xlsx', '--annotate', 'marked.xlsx', '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('已将标注后的名单写入 marked.xlsx。\n');
    expect(readFileSync(join(dir, 'fail.xlsx')).equals(before)).toBe(true);

    const bytes = readFileSync(join(dir, 'marked.xlsx'));
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const [slate, whole] = await readXlsxFile(bytes);
    const rows = slate!.data;
    expect(rows.map((row) => row[0])).toEqual(['附件3 测试工作先进个人推荐对象汇总表', '编号', 'A1', 'A2', null, 'A1', 'A4', 'A5']);
    expect(rows[1]![10]).toBe('审查结果');
    expect(rows[2]![10]).toBeNull();
    expect(String(rows[3]![10])).toContain('[错误] #T24-DEADLINE-1 报送省评选表彰工作领导小组办公室：2024-03-15前完成。实际：报送于2024-03-16');
    expect(String(rows[5]![10])).toBe('[错误] 编号 A1 重复（另见第 3 行）。');
    expect(String(rows[7]![10]).split('\n').map((l) => l.replace(/^(\[错误\] #\S+) .*$/, '$1'))).toEqual(['[错误] #T24-PUBLICITY-1', '[错误] #T24-REQUIRE-2']);
    expect(whole!.data).toEqual([['级别', '规则', '说明'], ['警告', '数据', '第 5 行为空，已跳过。']]);
    // Offending cells are filled red: A2's selection, rank, service and submission; the duplicate id; A4's service and award; A5's publicity and record.
    expect(Object.keys(await fills(bytes)).sort()).toEqual(['A6', 'C7', 'E4', 'F4', 'F7', 'G8', 'H8', 'I4', 'J4']);
  });

  it("keeps the workbook's other sheets, an empty one included, and the slate sheet's name", async () => {
    const r = await run(['validate', 't24.award', 'workbook.xlsx', '--sheet', '推荐对象汇总表', '--annotate', 'wb-marked.xlsx', '--lang', 'en']);
    expect(r.code).toBe(0);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = await readXlsxFile(readFileSync(join(dir, 'wb-marked.xlsx')));
    expect(sheets.map((s) => s.sheet)).toEqual(['填表说明', '推荐对象汇总表', '空表', 'Slate findings']);
    expect(sheets[0]!.data).toEqual([['填表说明'], ['日期写作 2024-03-15']]);
    expect(sheets[1]!.data[0]![10]).toBe('Findings');
  });

  it('refuses to overwrite the slate, to write anything but .xlsx, and to annotate JSON; says when it cannot write', async () => {
    writeFileSync(join(dir, 'copy.csv'), readFileSync(join(dir, 'gb.csv')));
    symlinkSync(join(dir, 'copy.csv'), join(dir, 'link.xlsx'));
    const csvBefore = readFileSync(join(dir, 'copy.csv'));
    const xlsxBefore = readFileSync(join(dir, 'fail.xlsx'));
    writeFileSync(join(dir, 'a-file'), '');
    const [self, selfAbsolute, viaLink, notXlsx, fromJson, unwritable, unwritableZh] = await Promise.all([
      run(['validate', 't24.award', 'fail.xlsx', '--annotate', 'fail.xlsx', '--lang', 'zh']),
      run(['validate', 't24.award', 'fail.xlsx', '--annotate', join(dir, 'fail.xlsx'), '--lang', 'en']),
      run(['validate', 't24.award', 'copy.csv', '--annotate', 'link.xlsx', '--lang', 'en']),
      run(['validate', 't24.award', 'copy.csv', '--annotate', 'copy-marked.csv', '--lang', 'zh']),
      run(['validate', 't24.award', 'slate.json', '--annotate', 'json-marked.xlsx', '--lang', 'en']),
      run(['validate', 't24.award', 'fail.xlsx', '--annotate', 'a-file/marked.xlsx', '--lang', 'en']),
      run(['validate', 't24.award', 'fail.xlsx', '--annotate', 'no-folder/marked.xlsx', '--lang', 'zh']),
    ]);
    expectInputError(self, '--annotate fail.xlsx 会覆盖名单原文件，请为标注副本另取文件名。');
    expectInputError(selfAbsolute, `--annotate ${join(dir, 'fail.xlsx')} would overwrite the slate itself; give the annotated copy another name.`);
    expectInputError(viaLink, '--annotate link.xlsx would overwrite the slate itself; give the annotated copy another name.');
    expectInputError(notXlsx, '--annotate 生成 Excel 工作簿，文件名须以 .xlsx 结尾，而不是 copy-marked.csv。');
    expectInputError(fromJson, '--annotate marks cells of a spreadsheet; slate.json is JSON, which has none.');
    expect(readFileSync(join(dir, 'copy.csv')).equals(csvBefore)).toBe(true);
    expect(readFileSync(join(dir, 'fail.xlsx')).equals(xlsxBefore)).toBe(true);
    expect(existsSync(join(dir, 'copy-marked.csv')) || existsSync(join(dir, 'json-marked.xlsx'))).toBe(false);
    // The findings are printed; the copy cannot be written: exit 2, with why, not an internal error.
    for (const [r, message] of [[unwritable, 'Cannot write a-file/marked.xlsx: part of the path is a file, not a folder.'], [unwritableZh, '无法写入 no-folder/marked.xlsx：所在文件夹不存在。']] as const) {
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('A2');
      expect(r.stderr.trimEnd()).toBe(message);
    }
  });
});

describe('awardc compile', () => {
  it('writes the validator package, and nothing for a rule file with errors (exit 1) or a folder it cannot write (exit 2)', async () => {
    writeFileSync(join(dir, 'bad-compile.award'), RULES.replace('vice-bureau', 'vice-bureu'));
    writeFileSync(join(dir, 'blocker'), '');
    const [ok, bad, blocked] = await Promise.all([
      run(['compile', 't24.award', '-o', 'pkg', '--lang', 'en']),
      run(['compile', 'bad-compile.award', '-o', 'pkg-bad', '--lang', 'zh']),
      run(['compile', 't24.award', '-o', 'blocker/pkg', '--lang', 'zh']),
    ]);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toBe(['pkg/t24.ts', 'pkg/t24.js', 'pkg/t24.d.ts', 'pkg/package.json'].map((f) => `Wrote ${f}\n`).join(''));
    expect(readdirSync(join(dir, 'pkg')).sort()).toEqual(['package.json', 't24.d.ts', 't24.js', 't24.ts']);
    for (const f of readdirSync(join(dir, 'pkg'))) expect(statSync(join(dir, 'pkg', f)).size, f).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'pkg', 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });

    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad-compile.award:14:17 - 错误 AR2001: 未知的职级“vice-bureu”。');
    expect(bad.stderr).toContain('bad-compile.award 有错误，请先修正再编译。');
    expect(existsSync(join(dir, 'pkg-bad'))).toBe(false);

    expectInputError(blocked, '无法写入 blocker/pkg：路径中有一部分是文件而不是文件夹。');
  });

  // As root every folder is writable (the blocked path above still covers a folder it cannot write).
  it.skipIf(process.getuid?.() === 0)('refuses an output folder without write permission', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    expectInputError(awardc(['compile', 't24.award', '-o', 'locked/pkg', '--lang', 'en'], { cwd: dir }), 'Cannot write locked/pkg: permission denied.');
  });
});

describe('awardc template', () => {
  it('writes the summary table a rule file asks for, which awardc validate then reads column for column', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const dir = mkdtempSync(join(tmpdir(), 'awardc-template-'));
    try {
      const out = join(dir, '汇总表.xlsx');
      const run = awardc(['template', 'examples/jilin-2023-social-orgs.award', '-o', out, '--lang', 'zh']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^已生成 .*汇总表\.xlsx（\d+ 列）。/);
      // read-excel-file 9 returns every sheet: { sheet, data }.
      const sheets = await readXlsxFile(out) as unknown as { sheet: string; data: string[][] }[];
      expect(sheets.map((s) => s.sheet)).toEqual(['推荐对象汇总表', '填写说明']);
      const headers = sheets[0]!.data[0];
      expect(headers).toContain('职级');
      expect(headers).toContain('本单位公示');
      // One nominee typed into the template: every column is read (no "no column for …" finding).
      const filled = join(dir, 'filled.xlsx');
      await writeXlsxFile([headers!.map((value) => ({ value })), headers!.map((h) => (h === '编号' ? 'P1' : h === '名称' ? '张三' : null))] as never).toFile(filled);
      const check = awardc(['validate', 'examples/jilin-2023-social-orgs.award', filled, '--format', 'json']);
      const report = JSON.parse(check.stdout) as { findings: { message: { en: string } }[] };
      expect(report.findings.filter((f) => /no column/i.test(f.message.en))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the columns with what to write, and refuses other formats', () => {
    const list = awardc(['template', 'examples/qinghai-2021-petition.award', '--lang', 'en']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^从事信访工作\s+start date/m);
    const bad = awardc(['template', 'examples/qinghai-2021-petition.award', '-o', 'x.txt', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('The template is written as .xlsx or .csv, not x.txt.');
  });
});
