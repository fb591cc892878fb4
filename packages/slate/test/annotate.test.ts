/**
 * The annotated copy staff open in Excel: the original rows (a title above the header included), a
 * findings column at the end naming each failing nominee's rules, the offending cells filled red
 * (errors) or amber (warnings), and a second sheet with the findings about the whole slate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReferenceValidator } from '@awardrules/interpreter';
import { buildDocument } from '@awardrules/language';
import { readSlate, writeAnnotated } from '../src/index.js';
import { dateCell, fills, HEADER, model, nominee, removeScratch, RULES, scratch, xlsx } from './helpers.js';

afterAll(removeScratch);

describe('writeAnnotated', () => {
  it('writes the rows with a findings column, fills the offending cells, and lists the slate findings on a second sheet', async () => {
    const data = [
      ['附件3 测试工作先进个人推荐对象汇总表', ...Array(9).fill(null)],
      [...HEADER],
      nominee('A1', '张三', { 从事测试工作起始时间: dateCell(2019, 3, 15, 'yyyy"年"m"月"d"日"') }),
      nominee('A2', '李四', { 从事测试工作起始时间: dateCell(2019, 3, 16, 'yyyy/m/d'), 职级: '副厅极', 是否拟表彰: '待定' }),
      Array(10).fill(null),
      nominee('A3', '王五', { 类别: '人', 报送省评选表彰工作领导小组办公室: '2024-03-16' }),
    ];
    const m = model();
    const read = await readSlate('slate.xlsx', await xlsx([{ name: '推荐对象汇总表', data }]), m);
    const findings = [...read.issues, ...createReferenceValidator(m, buildDocument('t24.award', RULES).lines)(read.slate).findings];
    const out = join(scratch(), 'annotated.xlsx');
    await writeAnnotated(out, { rows: read.rows!, layout: read.layout!, findings, locale: 'zh' });

    const bytes = readFileSync(out);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = await readXlsxFile(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['推荐名单', '整体问题']);
    const rows = sheets[0]!.data;
    // The original cells, as they were; dates stay dates.
    expect(rows[0]![0]).toBe('附件3 测试工作先进个人推荐对象汇总表');
    expect(rows[1]).toEqual([...HEADER, '审查结果']);
    expect(rows[2]!.slice(0, 10)).toEqual(['A1', '张三', '测试工作先进个人', '个人', '正科级', new Date(Date.UTC(2019, 2, 15)), null, '2024-03-01至2024-03-07', '2024-03-15', '是']);
    expect(rows[3]![5]).toEqual(new Date(Date.UTC(2019, 2, 16)));
    expect(rows[3]![4]).toBe('副厅极');
    expect(rows).toHaveLength(6);
    // The findings column: nothing for a nominee who passes; each finding, with its rule's tag, for the others.
    expect(rows[2]![10]).toBeNull();
    expect(String(rows[3]![10]).split('\n')).toEqual([
      '[错误] “是否拟表彰”应填是或否，而不是“待定”',
      '[错误] 职级：“副厅极”不是有效的职级（是否应为“副厅级”？）',
      '[错误] #T24-REQUIRE-1 须从事测试工作满5年。实际：从事测试工作：自2019-03-16起（至2024-03-15满4年）。',
      expect.stringContaining('无法检查 T24-EXCLUDE-1'),
    ]);
    expect(String(rows[5]![10]).split('\n')).toEqual([
      '[错误] 类别：“人”不是有效的推荐对象类别（是否应为“个人”？）',
      '[错误] #T24-DEADLINE-1 报送省评选表彰工作领导小组办公室：2024-03-15前完成。实际：报送于2024-03-16；要求：2024-03-15前。',
    ]);
    // Red fills on exactly the cells the findings are about (columns: E 职级, F 从事…, D 类别, I 报送…, J 是否拟表彰).
    expect(await fills(bytes)).toEqual({ E4: 'FFC7CE', F4: 'FFC7CE', J4: 'FFC7CE', D6: 'FFC7CE', I6: 'FFC7CE' });
    // The whole slate's findings: the empty row.
    expect(sheets[1]!.data).toEqual([['级别', '规则', '说明'], ['警告', '数据', '第 5 行为空，已跳过。']]);
  });

  it("keeps a workbook's other sheets, in their places, and the slate's sheet name", async () => {
    const notes = [['填表说明', null], ['截止日期', dateCell(2024, 3, 15, 'yyyy-mm-dd')], ['名额', 10], ['已审核', true]];
    const slateRows = [[...HEADER], nominee('A1', '张三', { 职级: '副厅极' })];
    const clash = [['这一页与结果页同名']];
    const m = model();
    const bytesIn = await xlsx([{ name: '说明', data: notes }, { name: '推荐对象汇总表', data: slateRows }, { name: '整体问题', data: clash }]);
    const read = await readSlate('slate.xlsx', bytesIn, m, { sheet: '推荐对象汇总表' });
    expect(read.workbook?.slateSheet).toBe(1);
    const findings = [...read.issues, ...createReferenceValidator(m, buildDocument('t24.award', RULES).lines)(read.slate).findings];
    const out = join(scratch(), 'annotated.xlsx');
    await writeAnnotated(out, { rows: read.rows!, layout: read.layout!, findings, locale: 'zh', workbook: read.workbook! });

    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = await readXlsxFile(readFileSync(out));
    expect(sheets.map((s) => s.sheet)).toEqual(['说明', '推荐对象汇总表', '整体问题', '整体问题 (2)']);
    expect(sheets[0]!.data).toEqual([['填表说明', null], ['截止日期', new Date(Date.UTC(2024, 2, 15))], ['名额', 10], ['已审核', true]]);
    expect(sheets[1]!.data[0]![10]).toBe('审查结果');
    expect(String(sheets[1]!.data[1]![10])).toContain('副厅极');
    expect(sheets[2]!.data).toEqual(clash);
    expect(sheets[3]!.data[0]).toEqual(['级别', '规则', '说明']);
  });

  it('names the sheet of whole-slate findings so that Excel does not take it for another (names differ in more than case)', async () => {
    const m = model();
    const read = await readSlate('slate.xlsx', await xlsx([{ name: 'S', data: [[...HEADER], nominee('A1', '张三')] }, { name: 'slate FINDINGS', data: [['x']] }]), m);
    const out = join(scratch(), 'annotated.xlsx');
    await writeAnnotated(out, { rows: read.rows!, layout: read.layout!, findings: [], locale: 'en', workbook: read.workbook! });
    const { default: readXlsxFile } = await import('read-excel-file/node');
    expect((await readXlsxFile(readFileSync(out))).map((s) => s.sheet)).toEqual(['S', 'slate FINDINGS', 'Slate findings (2)']);
  });

  it('names sheets as Excel takes them, whatever names the workbook came with', async () => {
    const m = model();
    const long = '推荐对象汇总表'.repeat(6); // 42 characters
    const bytesIn = await xlsx([{ name: 'S', data: [[...HEADER], nominee('A1', '张三')] }, { name: 'other', data: [['x']] }]);
    const read = await readSlate('slate.xlsx', bytesIn, m);
    // As another program may write them: too long, with characters Excel refuses, empty, equal but for case.
    const workbook = { ...read.workbook!, sheets: [{ ...read.workbook!.sheets[0]!, name: long }, ...['a/b:c?', '', 'SHEET', 'sheet'].map((n) => ({ name: n, rows: [['x']] }))] };
    const out = join(scratch(), 'annotated.xlsx');
    await writeAnnotated(out, { rows: read.rows!, layout: read.layout!, findings: [], locale: 'zh', workbook });
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const names = (await readXlsxFile(readFileSync(out))).map((s) => s.sheet);
    expect(names).toEqual([long.slice(0, 31), 'a_b_c_', 'Sheet', 'SHEET (2)', 'sheet (3)', '整体问题']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it('fills a warning amber, and writes English when asked', async () => {
    const m = model(RULES.replace('exclude rank >= vice-bureau', 'soft exclude rank >= vice-bureau'));
    const read = await readSlate('slate.xlsx', await xlsx([{ name: 'S', data: [[...HEADER], nominee('A1', '张三', { 职级: '副厅级' })] }]), m);
    const findings = createReferenceValidator(m, buildDocument('t24.award', RULES.replace('exclude rank', 'soft exclude rank')).lines)(read.slate).findings;
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['T24-EXCLUDE-1 warning']);
    const out = join(scratch(), 'annotated.xlsx');
    await writeAnnotated(out, { rows: read.rows!, layout: read.layout!, findings, locale: 'en' });
    const bytes = readFileSync(out);
    expect(await fills(bytes)).toEqual({ E2: 'FFEB9C' });
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const [slate] = await readXlsxFile(bytes);
    expect(slate!.sheet).toBe('Slate');
    expect(slate!.data[0]![10]).toBe('Findings');
    expect(slate!.data[1]![10]).toMatch(/^\[warning\] #T24-EXCLUDE-1 /);
  });
});
