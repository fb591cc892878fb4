/**
 * Which column holds which field (Chinese, English, ids, aliases, full-width and spaced variants,
 * --columns), and how rows are read: empty rows, template numbering, duplicates, values that are not
 * in the notice's lists. Rows are passed to readRows as a sheet reader returns them.
 */
import { describe, expect, it } from 'vitest';
import { readRows, SlateReadError } from '../src/index.js';
import type { Cell } from '../src/cells.js';
import { brief, HEADER, model, nominee, RULES, validateRows } from './helpers.js';

type Row = Cell[];
const n = (id: string, name: string, over: Parameters<typeof nominee>[2] = {}) => nominee(id, name, over) as Row;
const EMPTY: Row = Array(HEADER.length).fill(null);

/** Where each field was found, by header. */
function columnsOf(header: readonly string[], columns = {}) {
  const read = readRows([header as Row, n('A1', '张三')], model(), columns);
  const l = read.layout!;
  return {
    fields: Object.fromEntries([...l.fields].map(([f, c]) => [f, header[c]])),
    kind: l.kind === undefined ? undefined : header[l.kind],
    selected: l.selected === undefined ? undefined : header[l.selected],
    publicity: Object.fromEntries([...l.publicity].map(([level, c]) => [level, header[c.period ?? c.start!]])),
    publicityRecords: l.publicityRecords === undefined ? undefined : header[l.publicityRecords],
    stages: Object.fromEntries([...l.stages].map(([s, c]) => [s, header[c]])),
    missing: l.missing,
    issues: read.issues.map((f) => f.message.en),
  };
}

describe('headers', () => {
  it('finds every field under the Chinese headers staff use', () => {
    expect(columnsOf(HEADER)).toEqual({
      fields: { id: '编号', name: '姓名', kind: '类别', award: '申报奖项', rank: '职级', records: '不良记录', service: '从事测试工作起始时间' },
      kind: '类别', selected: '是否拟表彰', publicity: { unit: '本单位公示' }, publicityRecords: undefined,
      stages: { submission: '报送省评选表彰工作领导小组办公室' }, missing: [], issues: [],
    });
  });

  it('finds them under English names, and under field ids', () => {
    const english = ['nominee id', 'Name', 'Award', 'nominee kind', 'Rank', 'Service', 'Record', 'publicity at unit', 'submission date', 'selected'];
    const ids = ['id', 'name', 'award', 'kind', 'rank', 'service', 'records', "publicity at the nominee's unit", 'submission', 'selected'];
    for (const header of [english, ids]) {
      const found = columnsOf(header);
      expect(found.missing, header.join(',')).toEqual([]);
      expect(Object.keys(found.fields).sort()).toEqual(['award', 'id', 'kind', 'name', 'rank', 'records', 'service']);
      expect([found.kind, found.selected, Object.keys(found.publicity), Object.keys(found.stages)]).toEqual([header[3], 'selected', ['unit'], ['submission']]);
    }
  });

  it('finds them under their other names (aka), and a free-form publicity column', () => {
    const header = ['序号', '名称', '奖项', '推荐对象类别', '级别', '从事测试工作', '违纪违法记录', '公示记录', '报送省评选表彰工作领导小组办公室日期', '拟表彰'];
    expect(columnsOf(header)).toMatchObject({
      fields: { id: '序号', name: '名称', award: '奖项', kind: '推荐对象类别', rank: '级别', service: '从事测试工作', records: '违纪违法记录' },
      selected: '拟表彰', publicity: {}, publicityRecords: '公示记录', stages: { submission: '报送省评选表彰工作领导小组办公室日期' }, missing: [],
    });
  });

  it('matches headers typed with spaces, full-width letters or a line break (Alt+Enter) in the cell', () => {
    const header = ['编 号', '姓\u3000名', ' 申报奖项 ', '类别', 'ＲＡＮＫ', '从事测试工作\n起始时间', '不良\n记录', '本单位公示', '报送省评选表彰工作领导小组办公室', '是否拟表彰'];
    const found = columnsOf(header);
    expect(found.missing).toEqual([]);
    expect(found.fields).toEqual({ id: '编 号', name: '姓\u3000名', kind: '类别', award: ' 申报奖项 ', rank: 'ＲＡＮＫ', records: '不良\n记录', service: '从事测试工作\n起始时间' });
  });

  it('does not fold traditional characters: 職級 is reported as a missing 职级 column', () => {
    const header = HEADER.map((h) => (h === '职级' ? '職級' : h));
    const found = columnsOf(header);
    expect(found.missing).toEqual(['rank']);
    expect(found.issues).toEqual(['The sheet has no column for rank (a header such as 职级, rank).']);
  });

  it('reports a publicity level that a rule due from the start asks for and no column holds, beside columns for other levels', () => {
    const twoLevels = model(RULES.replace('stage decision "确定表彰对象"', 'stage decision "确定表彰对象"\npublicity >= 5 workdays at province before submission #T24-PUBLICITY-2 @四(二)'));
    const read = readRows([HEADER as Row, n('A1', '张三')], twoLevels, {});
    expect(read.layout!.missingPublicityLevels).toEqual(['province']);
    expect(read.issues.map((f) => [f.fields, f.severity, f.message.zh])).toEqual([[['publicity-records'], 'error',
      '表格中没有“省级公示”一列，而公示规则要读取这一项（表头可写作 省级公示，或 省级公示开始、省级公示结束）；缺少这一列，每名推荐对象都会被视为没有该范围的公示。']]);
    // With the column, nothing to report; nor for a publicity after a later stage, which may not have happened yet.
    const withColumn = readRows([[...HEADER, '省级公示'] as Row, [...n('A1', '张三'), null]], twoLevels, {});
    expect(withColumn.issues).toEqual([]);
    const later = model(RULES.replace('stage decision "确定表彰对象"', 'stage decision "确定表彰对象"\npublicity >= 5 workdays at province after submission before decision #T24-PUBLICITY-2 @四(二)'));
    expect(readRows([HEADER as Row, n('A1', '张三')], later, {}).issues).toEqual([]);
  });

  it('uses a --columns mapping for headers of its own, by field id or Chinese name, and for stages, kind and selection', () => {
    const header = ['人员编号', '人员姓名', '申报奖项', '集体或个人', '现任职级', '从事测试工作起始时间', '不良记录', '本单位公示', '报送日期（省）', '是否推荐'];
    const columns = { id: '人员编号', 名称: '人员姓名', kind: '集体或个人', 职级: '现任职级', 'stage:submission': '报送日期（省）', selected: '是否推荐' };
    expect(columnsOf(header, columns)).toMatchObject({
      fields: { id: '人员编号', name: '人员姓名', kind: '集体或个人', rank: '现任职级' },
      kind: '集体或个人', selected: '是否推荐', stages: { submission: '报送日期（省）' }, missing: [], issues: [],
    });
    // The mapped columns are read, not just found.
    const { findings, nominees } = validateRows([header as Row, n('A1', '张三', { 职级: '副厅级', 是否拟表彰: '否', 报送省评选表彰工作领导小组办公室: '2024-03-16' })], columns);
    expect(nominees[0]).toMatchObject({ id: 'A1', name: '张三', kind: 'individual', rank: 'vice-bureau', selected: false, submitted: { submission: '2024-03-16' } });
    expect(findings.map(brief)).toEqual(['T24-DEADLINE-1 A1@2 [submitted] error', 'T24-EXCLUDE-1 A1@2 [rank] error']);
  });

  it('says when a --columns entry names no field, or a header the sheet does not have', () => {
    const header = HEADER.map((h) => (h === '职级' ? '现职级' : h));
    const read = readRows([header, n('A1', '张三')], model(), { rnak: '职级', rank: '现任职级', 姓名: '姓名' });
    expect(read.issues.map((f) => [f.severity, f.fields, f.message.zh])).toEqual([
      ['warning', [], '--columns 中的“rnak”不是这些规则要读取的数据项（请写数据项标识如 rank，或中文名称如 职级）。'],
      ['error', ['rank'], '--columns 把“职级”对应到表头“现任职级”，但表格中没有这一表头（现有表头：编号、姓名、申报奖项、类别、现职级、从事测试工作起始时间、不良记录、本单位公示、报送省评选表彰工作领导小组办公室、是否拟表彰）。'],
      // 姓名 is an alias, not the field's name (名称): the mapping is not used, but 姓名 is found anyway.
      ['warning', [], '--columns 中的“姓名”不是这些规则要读取的数据项（请写数据项标识如 rank，或中文名称如 职级）。'],
    ]);
  });

  it('reports a column the rules need once, for the slate, and ignores columns they do not read', () => {
    const header = [...HEADER.filter((h) => h !== '职级'), '备注', '联系电话'];
    const { findings, nominees } = validateRows([header as Row, [...n('A1', '张三').filter((_, i) => HEADER[i] !== '职级'), '无', '13800000000'], [...n('A2', '李四').filter((_, i) => HEADER[i] !== '职级'), null, null]]);
    expect(findings.filter((f) => !f.nominee).map((f) => [f.fields, f.message.en])).toEqual([[['rank'], 'The sheet has no column for rank (a header such as 职级, rank).']]);
    // Each nominee's "rank is empty" is folded into that one finding by awardc validate (see test/validate-cli.test.ts).
    expect(findings.filter((f) => f.nominee).map(brief)).toEqual(['data A1@2 [rank] error', 'data A2@3 [rank] error']);
    expect(Object.keys(nominees[0]!)).not.toContain('备注');
  });
});

describe('other names (aka) of stages and materials', () => {
  it('finds a stage\'s date and a material\'s columns under a header that uses another name', () => {
    const rules = `${RULES}stage submission aka "材料报送"\nmaterial deeds "主要事迹材料" aka "事迹材料" chars <= 1500\n`;
    const header = [...HEADER.filter((h) => h !== '报送省评选表彰工作领导小组办公室'), '材料报送日期', '事迹材料字数'];
    const read = readRows([header as Row, [...n('A1', '张三').filter((_, i) => HEADER[i] !== '报送省评选表彰工作领导小组办公室'), '2024-03-10', 1200]], model(rules), {});
    const l = read.layout!;
    expect(header[l.stages.get('submission')!]).toBe('材料报送日期');
    expect(header[l.materials.get('deeds')!.chars!]).toBe('事迹材料字数');
  });
});

describe('rows', () => {
  it('warns about an empty row between nominees, naming it; later rows keep their numbers', () => {
    const { findings, nominees } = validateRows([[...HEADER], n('A1', '张三'), EMPTY, n('A2', '李四'), ['', ' ', null, ...EMPTY.slice(3)], n('A3', '王五')]);
    expect(nominees.map((x) => `${x['id']}@${x['row']}`)).toEqual(['A1@2', 'A2@4', 'A3@6']);
    expect(findings.map((f) => [f.severity, f.message.en, f.message.zh])).toEqual([
      ['warning', 'Row 3 is empty and was skipped.', '第 3 行为空，已跳过。'],
      ['warning', 'Row 5 is empty and was skipped.', '第 5 行为空，已跳过。'],
    ]);
  });

  it('says nothing about empty rows after the last nominee (Excel keeps formatted rows at the end)', () => {
    const { findings, nominees } = validateRows([[...HEADER], n('A1', '张三'), n('A2', '李四'), EMPTY, EMPTY, [null, '', ' '], []]);
    expect(nominees).toHaveLength(2);
    expect(findings).toEqual([]);
  });

  it('does not read rows at the end that hold only a template\'s numbering as nominees, and says so once', () => {
    const header = ['序号', ...HEADER];
    const numbered = (i: number, r: Row) => [i, ...r];
    const rows = [header, numbered(1, n('A1', '张三')), numbered(2, n('A2', '李四')), ...[3, 4, 5].map((i) => numbered(i, EMPTY)), EMPTY];
    const { findings, nominees } = validateRows(rows);
    expect(nominees.map((x) => x['id'])).toEqual(['A1', 'A2']);
    expect(findings.map((f) => [f.severity, f.message.en, f.message.zh])).toEqual([['info', 'Rows 4–6 hold nothing but a number and were not read as nominees.', '第 4–6 行只有序号，未作为推荐对象读取。']]);
    // A numbered row between nominees is a nominee with nothing filled in: reported, not skipped.
    const middle = validateRows([header, numbered(1, n('A1', '张三')), numbered(2, EMPTY), numbered(3, n('A3', '王五'))]);
    expect(middle.nominees).toHaveLength(3);
    expect(middle.findings.filter((f) => f.nominee?.row === 3).map((f) => f.message.en)).toContain('This nominee has no name.');
  });

  it('does not read the notes and signatures under a form\'s table as nominees, and says so once', () => {
    const note = (s: string): Row => [s, ...EMPTY.slice(1)];
    const rows = [[...HEADER], n('A1', '张三'), n('A2', '李四'), EMPTY, note('注：1. 编号按推荐单位填写；2. 公示情况须附公示材料。'), EMPTY,
      ['填表人：王五', null, '联系电话：0431-88888888', ...EMPTY.slice(3)], note('（填报日期：2024年3月1日）'), note('填表说明'), EMPTY];
    const { findings, nominees } = validateRows(rows);
    expect(nominees.map((x) => x['id'])).toEqual(['A1', 'A2']);
    expect(findings.map((f) => [f.severity, f.message.en, f.message.zh])).toEqual([['info',
      'Rows 5–9 are lines under the table (注：1. 编号按推荐单位…, 填表人：王五, （填报日期：2024年3…, 填表说明) and were not read as nominees.',
      '第 5–9 行是表格下方的说明（注：1. 编号按推荐单位…、填表人：王五、（填报日期：2024年3…、填表说明），未作为推荐对象读取。']]);
  });

  it('does not read a note just under the header as a nominee', () => {
    const note = (s: string): Row => [s, ...EMPTY.slice(1)];
    const { findings, nominees } = validateRows([[...HEADER], note('填表说明：职级按现任职务填写。'), n('A1', '张三'), n('A2', '李四')]);
    expect(nominees.map((x) => `${x['id']}@${x['row']}`)).toEqual(['A1@3', 'A2@4']);
    expect(findings.map((f) => [f.severity, f.message.en, f.message.zh])).toEqual([['info',
      'Row 2 is a line under the header (填表说明：职级按现任职务…) and was not read as a nominee.',
      '第 2 行是表头下方的说明（填表说明：职级按现任职务…），未作为推荐对象读取。']]);
  });

  it('refuses a form with a note under the header and no nominees, as one without the note', () => {
    // An empty template: its rows numbered in advance, a note in the second column. It read as no nominees at all.
    const rows: Row[] = [[...HEADER], [null, '填表说明：职级按现任职务填写。', ...EMPTY.slice(2)], ...[1, 2, 3].map((k): Row => [k, ...EMPTY.slice(1)])];
    expect(() => readRows(rows, model(), {})).toThrow(SlateReadError);
    expect(() => readRows(rows, model(), {})).toThrow(/no nominees below it/);
  });

  it('does not read rows of totals (合计, 小计) as nominees, after a group or at the end', () => {
    const total = (s: string): Row => [s, null, null, 5, ...EMPTY.slice(4)];
    const { findings, nominees } = validateRows([[...HEADER], n('A1', '张三'), total('小计'), n('A2', '李四'), total('合计：2人')]);
    expect(nominees.map((x) => `${x['id']}@${x['row']}`)).toEqual(['A1@2', 'A2@4']);
    expect(findings.map((f) => [f.severity, f.message.en, f.message.zh])).toEqual([['info',
      'Rows 3, 5 are rows of totals (合计, 小计) and were not read as nominees.', '第 3、5 行是合计行（合计、小计），未作为推荐对象读取。']]);
    // A name that only starts with the characters of one is a nominee, even with no id before it.
    expect(validateRows([[...HEADER], n('A1', '张三'), [null, ...n('A2', '合计算法研究会').slice(1)]]).nominees).toHaveLength(2);
  });

  it('reads a row as a nominee unless it is at the end and starts with such a label', () => {
    const note = (s: string): Row => [s, ...EMPTY.slice(1)];
    // A note between nominees, and names that only contain a label's characters, stay nominees.
    const { nominees } = validateRows([[...HEADER], n('A1', '注册会计师协会'), note('注：以下为补报'), n('A2', '说明书编写组'), n('A3', '联系人之家')]);
    expect(nominees).toHaveLength(4);
  });

  it('names both rows of a duplicate id', () => {
    const { findings } = validateRows([[...HEADER], n('A1', '张三'), n('A2', '李四'), n('A1', '王五')]);
    expect(findings.map((f) => [brief(f), f.nominee?.name, f.message.en, f.message.zh])).toEqual([
      ['data A1@4 [id] error', '王五', 'The id A1 is used twice (also row 2).', '编号 A1 重复（另见第 2 行）。'],
    ]);
  });

  it('suggests the rank meant when a rank is misspelt, and the kind meant when a kind is', () => {
    const { findings } = validateRows([[...HEADER], n('A1', '张三', { 职级: '副厅极' }), n('A2', '李四', { 类别: '人' }), n('A3', '王五', { 职级: '正科' })]);
    expect(findings.map(brief)).toEqual(['data A1@2 [rank] error', 'data A2@3 [kind] error', 'data A1@2 [rank] error']);
    expect(findings[0]!.message.zh).toBe('职级：“副厅极”不是有效的职级（是否应为“副厅级”？）');
    expect(findings[1]!.message.zh).toBe('类别：“人”不是有效的推荐对象类别（是否应为“个人”？）');
    // The engine then names the rule the unreadable rank kept from being checked.
    expect(findings[2]!.blocks).toEqual(['T24-EXCLUDE-1']);
    expect(findings[2]!.message.zh).toContain('无法检查 T24-EXCLUDE-1');
    expect(findings[1]!.message.en).toBe("nominee kind: '人' is not a known nominee kind (did you mean 个人?)");
  });

  it('reports an award the notice does not have, naming it', () => {
    const { findings } = validateRows([[...HEADER], n('A1', '张三', { 申报奖项: '测试先进个人' }), n('A2', '李四', { 申报奖项: '测试工作先进个人' }), n('A3', '王五', { 申报奖项: 'advanced-individual' })]);
    expect(findings.map(brief)).toEqual(['data A1@2 [award] error']);
    expect(findings[0]!.message.zh).toContain('未知奖项 测试先进个人');
  });

  it("reports 待定 in 是否拟表彰: it must be yes or no", () => {
    const { findings, nominees } = validateRows([[...HEADER], n('A1', '张三', { 是否拟表彰: '待定' }), n('A2', '李四', { 是否拟表彰: '否' }), n('A3', '王五', { 是否拟表彰: '√' })]);
    expect(nominees.map((x) => x['selected'])).toEqual([undefined, false, true]);
    expect(findings.map((f) => [brief(f), f.message.zh])).toEqual([['data A1@2 [selected] error', '“是否拟表彰”应填是或否，而不是“待定”']]);
  });

  it('reads publicity periods and dated records, and reports those it cannot read', () => {
    const { findings } = validateRows([
      [...HEADER],
      n('A1', '张三', { 本单位公示: '2024-03-01至2024-03-04' }),
      n('A2', '李四', { 本单位公示: '2024年3月1日' }),
      n('A3', '王五', { 不良记录: '违法违纪 2020-06-01' }),
    ]);
    expect(findings.map((f) => [brief(f), f.measured?.zh ?? f.message.zh])).toEqual([
      ['data A2@3 [publicity-records] error', '公示情况：“2024年3月1日”不是起止日期（请写作 2024-01-02至2024-01-08）'],
      ['T24-PUBLICITY-1 A1@2 [publicity-records] error', '2个工作日（2024-03-01..2024-03-04）'],
      ['T24-REQUIRE-2 A3@4 [records] error', '不良记录：违法违纪（2020-06-01）'],
      // The unreadable period is not taken for no publicity: the rule is not checked, and says so.
      ['data A2@3 [publicity-records] error', expect.stringMatching(/^公示情况.*无法检查 T24-PUBLICITY-1。$/)],
    ]);
  });
});
