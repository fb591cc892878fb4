/**
 * Headers over two rows, as government forms (附件 汇总表, 推荐表) head their tables: headers merged
 * down over both rows (empty in the lower row), group titles merged across sub-headers, and
 * sub-headers that name a column only after their group title (本单位公示 over 开始 | 结束).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createReferenceValidator } from '@awardrules/interpreter';
import { buildDocument } from '@awardrules/language';
import { readRows, readSlate, SlateReadError, writeAnnotated } from '../src/index.js';
import type { Cell } from '../src/cells.js';
import { brief, fills, model, RULES, scratch, validateRows, xlsx } from './helpers.js';

type Row = Cell[];
const TITLE: Row = ['附件3 测试工作先进个人推荐对象汇总表', ...Array(10).fill(null)];
/** 序号 … 类别 and the last two are merged down over both rows; 基本情况 and 公示情况 across their sub-headers. */
const UPPER: Row = ['序号', '姓名', '申报奖项', '类别', '基本情况', null, null, '公示情况', null, '报送省评选表彰工作领导小组办公室', '是否拟表彰'];
const LOWER: Row = [null, null, null, null, '职级', '从事测试工作起始时间', '不良记录', '本单位公示开始', '本单位公示结束', null, null];
/** Each column's header as read from both rows. */
const READ = ['序号', '姓名', '申报奖项', '类别', '职级', '从事测试工作起始时间', '不良记录', '本单位公示开始', '本单位公示结束', '报送省评选表彰工作领导小组办公室', '是否拟表彰'];

/** A nominee of the form who meets every rule; `over` changes cells by the header read. */
function row(id: string, name: string, over: Record<string, Cell> = {}): Row {
  const base: Record<string, Cell> = {
    序号: id, 姓名: name, 申报奖项: '测试工作先进个人', 类别: '个人', 职级: '正科级', 从事测试工作起始时间: '2019-03-15', 不良记录: null,
    本单位公示开始: '2024-03-01', 本单位公示结束: '2024-03-07', 报送省评选表彰工作领导小组办公室: '2024-03-15', 是否拟表彰: '是',
  };
  return READ.map((h) => (h in over ? over[h]! : base[h]!));
}

const SLATE: Row[] = [TITLE, UPPER, LOWER, row('A1', '张三'), row('A2', '李四', { 职级: '副厅级' }), row('A3', '王五', { 本单位公示结束: '2024-03-04' })];
const FINDINGS = ['T24-EXCLUDE-1 A2@5 [rank] error', 'T24-PUBLICITY-1 A3@6 [publicity-records] error'];

describe('two-row headers', () => {
  it('reads each column from the lower row, else from the upper (merged down), so that group titles hide no sub-header', () => {
    const { layout } = readRows(SLATE, model(), {});
    expect(layout!.headers).toEqual(READ);
    expect([layout!.firstHeaderRow, layout!.headerRow]).toEqual([1, 2]);
    expect(Object.fromEntries(layout!.fields)).toEqual({ id: 0, name: 1, award: 2, kind: 3, rank: 4, service: 5, records: 6 });
    expect([layout!.kind, layout!.selected, layout!.publicityRecords, Object.fromEntries(layout!.publicity), Object.fromEntries(layout!.stages)])
      .toEqual([3, 10, undefined, { unit: { start: 7, end: 8 } }, { submission: 9 }]);
    expect(layout!.missing).toEqual([]);
  });

  it('reads nominees from below the second header row, with the sheet\'s row numbers', () => {
    const { findings, nominees } = validateRows(SLATE);
    expect(nominees.map((n) => `${n['id']}@${n['row']}`)).toEqual(['A1@4', 'A2@5', 'A3@6']);
    expect(nominees[0]).toMatchObject({ rank: 'section', publicityRecords: [{ level: 'unit', start: '2024-03-01', end: '2024-03-07' }] });
    expect(findings.map(brief)).toEqual(FINDINGS);
  });

  it('reads a sub-header after its group title when only that names a column (本单位公示 over 开始 | 结束)', () => {
    const upper: Row = ['编号', '姓名', '申报奖项', '类别', '职级', '从事测试工作起始时间', '不良记录', '本单位公示', null, '报送省评选表彰工作领导小组办公室', '是否拟表彰', '联系方式', null];
    const lower: Row = [null, null, null, null, null, null, null, '开始', '结束', null, null, '电话', '邮箱'];
    const nominee = (id: string, end: string): Row => [...row(id, '张三', { 本单位公示结束: end }), '13800000000', null];
    const read = readRows([upper, lower, nominee('A1', '2024-03-07'), nominee('A2', '2024-03-04')], model(), {});
    // 电话 and 邮箱 name nothing, alone or after 联系方式: they keep their own text.
    expect(read.layout!.headers.slice(7)).toEqual(['本单位公示开始', '本单位公示结束', '报送省评选表彰工作领导小组办公室', '是否拟表彰', '电话', '邮箱']);
    expect(read.layout!.publicity.get('unit')).toEqual({ start: 7, end: 8 });
    expect(read.issues).toEqual([]);
    const { findings } = validateRows([upper, lower, nominee('A1', '2024-03-07'), nominee('A2', '2024-03-04')]);
    expect(findings.map(brief)).toEqual(['T24-PUBLICITY-1 A2@4 [publicity-records] error']);
    // English titles keep a space between the words.
    const english = readRows([['id', 'name', 'unit publicity', null], [null, null, 'start', 'end'], ['A1', '张三', '2024-03-01', '2024-03-07']], model(), {});
    expect(english.layout!.headers).toEqual(['id', 'name', 'unit publicity start', 'unit publicity end']);
  });

  it('reads a one-row header as one row, a title above it included', () => {
    const header: Row = READ.map((h) => (h === '本单位公示开始' ? '本单位公示' : h));
    // The first nominee's empty cells are not taken for a header merged down.
    const first = row('A1', '张三', { 不良记录: null, 本单位公示结束: null });
    const { layout } = readRows([TITLE, header, first, row('A2', '李四')], model(), {});
    expect([layout!.firstHeaderRow, layout!.headerRow]).toEqual([undefined, 1]);
    expect(layout!.headers).toEqual(header.map((h) => h ?? ''));
  });

  it('says which rows the header is on when no nominees are below it', () => {
    const e = (() => { try { readRows([TITLE, UPPER, LOWER], model(), {}); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(SlateReadError);
    expect((e as SlateReadError).reason).toEqual({ en: 'it has header rows (rows 2–3) but no nominees below it', zh: '只有表头（第 2–3 行），下面没有推荐对象' });
  });
});

describe('two-row headers in an .xlsx workbook', () => {
  /** The form as Excel saves it, with real merged cells. */
  const merged = (cell: Cell, span: { rowSpan?: number; columnSpan?: number }) => ({ value: cell, ...span });
  const workbook = () => xlsx([{
    name: '推荐对象汇总表',
    data: [
      [merged(TITLE[0]!, { columnSpan: 11 }), ...Array(10).fill(null)],
      UPPER.map((h, c) => (c === 4 ? merged(h, { columnSpan: 3 }) : c === 7 ? merged(h, { columnSpan: 2 }) : h !== null ? merged(h, { rowSpan: 2 }) : null)),
      LOWER,
      ...SLATE.slice(3),
    ],
  }]);

  it('reads the merged header and the nominees below it, with the sheet\'s row numbers', async () => {
    const bytes = await workbook();
    const { strFromU8, unzipSync } = await import('fflate');
    // The cells really are merged; the reader sees their text in the first cell only.
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)).toContain('<mergeCell ref="A2:A3"/>');
    const m = model();
    const read = await readSlate('slate.xlsx', bytes, m);
    expect(read.rows!.slice(1, 3)).toEqual([UPPER, LOWER]);
    expect(read.layout!.headers).toEqual(READ);
    const findings = [...read.issues, ...createReferenceValidator(m, buildDocument('t24.award', RULES).lines)(read.slate).findings];
    expect(read.slate.nominees.map((n) => `${n['id']}@${n['row']}`)).toEqual(['A1@4', 'A2@5', 'A3@6']);
    expect(findings.map(brief)).toEqual(FINDINGS);
  });

  it('writes an annotated copy whose findings column and frozen rows cover both header rows', async () => {
    const m = model();
    const read = await readSlate('slate.xlsx', await workbook(), m);
    const findings = [...read.issues, ...createReferenceValidator(m, buildDocument('t24.award', RULES).lines)(read.slate).findings];
    const dir = scratch();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'annotated.xlsx');
    await writeAnnotated(out, { rows: read.rows!, layout: read.layout!, findings, locale: 'zh', workbook: read.workbook! });

    const bytes = readFileSync(out);
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const rows = (await readXlsxFile(bytes))[0]!.data;
    expect(rows.slice(1, 3)).toEqual([[...UPPER, '审查结果'], [...LOWER, null]]);
    expect(rows[3]![11]).toBeNull();
    expect(String(rows[4]![11])).toMatch(/^\[错误\] #T24-EXCLUDE-1 /);
    expect(String(rows[5]![11])).toMatch(/^\[错误\] #T24-PUBLICITY-1 /);
    // 职级 of row 5; 本单位公示开始 and 结束 of row 6.
    expect(await fills(bytes)).toEqual({ E5: 'FFC7CE', H6: 'FFC7CE', I6: 'FFC7CE' });
    const { strFromU8, unzipSync } = await import('fflate');
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<mergeCell ref="L2:L3"/>');
    expect(sheet).toMatch(/<pane [^>]*ySplit="3"/);
  });
});
