/**
 * Reading .xlsx workbooks: date-typed cells in the number formats Chinese Excel and WPS use, text
 * dates, which sheet is read, a title above the header, and workbooks that cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createReferenceValidator } from '@awardrules/interpreter';
import { buildDocument } from '@awardrules/language';
import { readSlate, SlateReadError } from '../src/index.js';
import { brief, dateCell, HEADER, model, nominee, RULES, xlsx, xlsxWithBuiltinFormats } from './helpers.js';

async function findingsOf(bytes: Buffer, options: { sheet?: string | number } = {}) {
  const m = model();
  const read = await readSlate('slate.xlsx', bytes, m, options);
  const validate = createReferenceValidator(m, buildDocument('t24.award', RULES).lines);
  return { read, findings: [...read.issues, ...validate(read.slate).findings] };
}

async function readError(bytes: Uint8Array, path = 'slate.xlsx', options: { sheet?: string | number } = {}): Promise<SlateReadError> {
  const e = await readSlate(path, bytes, model(), options).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(SlateReadError);
  return e as SlateReadError;
}

describe('date cells', () => {
  const FORMATS = ['yyyy"年"m"月"d"日"', 'yyyy/m/d', 'm/d/yyyy', 'yyyy-mm-dd', 'yyyy"年"mm"月"dd"日";@', '[$-804]yyyy"年"m"月"d"日"'];

  it.each(FORMATS)('reads cells formatted %s as their day, not a day before or after', async (format) => {
    const data = [
      [...HEADER],
      nominee('G1', '准时', { 从事测试工作起始时间: dateCell(2019, 3, 15, format), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 15, format) }),
      nominee('L1', '迟报', { 从事测试工作起始时间: dateCell(2019, 3, 16, format), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 16, format) }),
    ];
    const { read, findings } = await findingsOf(await xlsx([{ name: '推荐对象汇总表', data }]));
    expect(read.slate.nominees.map((n) => [n['service'], n['submitted']])).toEqual([
      ['2019-03-15', { submission: '2024-03-15' }],
      ['2019-03-16', { submission: '2024-03-16' }],
    ]);
    expect(findings.map(brief)).toEqual(['T24-DEADLINE-1 L1@3 [submitted] error', 'T24-REQUIRE-1 L1@3 [service] error']);
  });

  it('reads cells in the built-in date formats 14, 31, 57 and 58', async () => {
    const data = [[...HEADER]];
    for (const id of [14, 31, 57, 58]) {
      const f = `"B${id}"yyyy-mm-dd`;
      data.push(nominee(`G${id}`, '准时', { 从事测试工作起始时间: dateCell(2019, 3, 15, f), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 15, f) }) as never);
      data.push(nominee(`L${id}`, '迟报', { 从事测试工作起始时间: dateCell(2019, 3, 16, f), 报送省评选表彰工作领导小组办公室: dateCell(2024, 3, 16, f) }) as never);
    }
    const bytes = await xlsxWithBuiltinFormats(data);
    const { unzipSync, strFromU8 } = await import('fflate');
    // The workbook really uses the built-in ids, with no custom format left.
    const styles = strFromU8(unzipSync(new Uint8Array(bytes))['xl/styles.xml']!);
    expect([...styles.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([14, 31, 57, 58]);
    expect(styles).not.toContain('<numFmt ');

    const { read, findings } = await findingsOf(bytes);
    expect(read.slate.nominees.map((n) => `${n['id']} ${n['service']} ${(n['submitted'] as { submission: string }).submission}`)).toEqual([
      'G14 2019-03-15 2024-03-15', 'L14 2019-03-16 2024-03-16', 'G31 2019-03-15 2024-03-15', 'L31 2019-03-16 2024-03-16',
      'G57 2019-03-15 2024-03-15', 'L57 2019-03-16 2024-03-16', 'G58 2019-03-15 2024-03-15', 'L58 2019-03-16 2024-03-16',
    ]);
    expect(findings.filter((f) => f.nominee?.id.startsWith('G'))).toEqual([]);
    expect(findings.map(brief)).toEqual([14, 31, 57, 58].flatMap((id, i) => [`T24-DEADLINE-1 L${id}@${i * 2 + 3} [submitted] error`, `T24-REQUIRE-1 L${id}@${i * 2 + 3} [service] error`]));
  });

  it('reads text dates in the forms staff type, and an Excel serial number in a General cell', async () => {
    const data = [
      [...HEADER],
      nominee('T1', '甲', { 从事测试工作起始时间: '2019年3月15日', 报送省评选表彰工作领导小组办公室: '2024/03/15' }),
      nominee('T2', '乙', { 从事测试工作起始时间: '2019.3.15', 报送省评选表彰工作领导小组办公室: '2024-3-15' }),
      nominee('T3', '丙', { 从事测试工作起始时间: 20190315, 报送省评选表彰工作领导小组办公室: 45366 }),
    ];
    const { read, findings } = await findingsOf(await xlsx([{ name: 'S', data }]));
    expect(read.slate.nominees.map((n) => [n['service'], n['submitted']])).toEqual(Array(3).fill(['2019-03-15', { submission: '2024-03-15' }]));
    expect(findings).toEqual([]);
  });

  it('reports a date it cannot read as a data error naming the row, the nominee and the column, with the forms it accepts', async () => {
    const data = [
      [...HEADER],
      nominee('D1', '二月', { 从事测试工作起始时间: '2019年2月30日' }),
      nominee('D2', '美式', { 从事测试工作起始时间: '3/15/2019' }),
      nominee('D3', '年份', { 从事测试工作起始时间: 2019 }),
      nominee('D4', '迟报', { 报送省评选表彰工作领导小组办公室: '下周一' }),
    ];
    const { findings } = await findingsOf(await xlsx([{ name: 'S', data }]));
    const data2 = findings.filter((f) => f.rule === 'data' && f.message.zh.includes('不是日期'));
    expect(data2.map((f) => [f.nominee, f.fields, f.severity])).toEqual([
      [{ id: 'D1', name: '二月', row: 2 }, ['service'], 'error'],
      [{ id: 'D2', name: '美式', row: 3 }, ['service'], 'error'],
      [{ id: 'D3', name: '年份', row: 4 }, ['service'], 'error'],
      [{ id: 'D4', name: '迟报', row: 5 }, ['submitted'], 'error'],
    ]);
    expect(data2[0]!.message).toEqual({
      en: "service: '2019年2月30日' is not a date (write 2024-03-15 or 2024年3月15日)",
      zh: '从事测试工作：“2019年2月30日”不是日期（请写作 2024-03-15 或 2024年3月15日）',
    });
    expect(data2[2]!.message.zh).toBe('从事测试工作：“2019”不是日期（请写作 2024-03-15 或 2024年3月15日）');
    expect(data2[3]!.message.zh).toContain('“下周一”不是日期');
  });
});

describe('sheets', () => {
  const slate = [[...HEADER], nominee('A1', '张三'), nominee('A2', '李四', { 职级: '副厅级' })];
  const workbook = () => xlsx([
    { name: '填表说明', data: [['填表说明'], ['1. 日期写作 2024-03-15'], ['2. 是否拟表彰填是或否']] },
    { name: '推荐对象汇总表', data: slate },
    { name: '空表', data: [] },
  ]);

  it('reads the sheet named with --sheet, by name or by number', async () => {
    const bytes = await workbook();
    for (const sheet of ['推荐对象汇总表', 2]) {
      const { read, findings } = await findingsOf(bytes, { sheet });
      expect(read.slate.nominees.map((n) => n['id'])).toEqual(['A1', 'A2']);
      expect(findings.map(brief)).toEqual(['T24-EXCLUDE-1 A2@3 [rank] error']);
    }
  });

  it('refuses a first sheet that is not a slate, naming the sheets there are', async () => {
    const e = await readError(await workbook());
    expect(e.reason.en).toBe("sheet 填表说明: none of its first rows is a header row naming known columns such as 编号, 序号, 名称, 姓名, 申报奖项, 奖项; the workbook's sheets are 填表说明, 推荐对象汇总表, 空表 (choose one with --sheet)");
    expect(e.reason.zh).toBe('工作表“填表说明”：前几行中没有表头行（应含 编号、序号、名称、姓名、申报奖项、奖项 等列名）；工作簿中的工作表有 填表说明、推荐对象汇总表、空表（可用 --sheet 指定）');
  });

  it('refuses a sheet that does not exist, naming those that do', async () => {
    const bytes = await workbook();
    expect((await readError(bytes, 'slate.xlsx', { sheet: '汇总表' })).reason).toEqual({
      en: 'it has no sheet 汇总表 (its sheets: 1 填表说明, 2 推荐对象汇总表, 3 空表)',
      zh: '没有工作表“汇总表”（现有：1 填表说明、2 推荐对象汇总表、3 空表）',
    });
    expect((await readError(bytes, 'slate.xlsx', { sheet: 4 })).reason.en).toBe('it has no sheet 4 (its sheets: 1 填表说明, 2 推荐对象汇总表, 3 空表)');
    expect((await readError(bytes, 'slate.xlsx', { sheet: 0 })).reason.en).toContain('it has no sheet 0');
  });

  it('refuses an empty sheet and a sheet with a header but no nominees', async () => {
    const bytes = await workbook();
    expect((await readError(bytes, 'slate.xlsx', { sheet: '空表' })).reason.zh).toBe('工作表“空表”：表格为空；工作簿中的工作表有 填表说明、推荐对象汇总表、空表（可用 --sheet 指定）');
    const headerOnly = await xlsx([{ name: 'S', data: [[...HEADER], Array(10).fill(null)] }]);
    expect((await readError(headerOnly)).reason).toEqual({
      en: 'sheet S: it has a header row (row 1) but no nominees below it',
      zh: '工作表“S”：只有表头（第 1 行），下面没有推荐对象',
    });
  });

  it('reads a slate below a title and a reporting-unit line, with the sheet\'s row numbers', async () => {
    const data = [
      ['附件3 测试工作先进个人推荐对象汇总表', ...Array(9).fill(null)],
      ['填报单位（盖章）：某市人力资源和社会保障局', null, null, null, null, null, '联系人：王', null, null, null],
      [...HEADER],
      nominee('A1', '张三'),
      nominee('A2', '李四', { 职级: '副厅极' }),
    ];
    const { read, findings } = await findingsOf(await xlsx([{ name: 'S', data }]));
    expect(read.layout?.headerRow).toBe(2);
    expect(read.slate.nominees.map((n) => `${n['id']}@${n['row']}`)).toEqual(['A1@4', 'A2@5']);
    // An unreadable rank is reported, and then by the engine with the rule it kept from being checked.
    expect(findings.map(brief)).toEqual(['data A2@5 [rank] error', 'data A2@5 [rank] error']);
    expect(findings[0]!.message.zh).toBe('职级：“副厅极”不是有效的职级（是否应为“副厅级”？）');
    expect(findings[0]!.message.en).toBe("rank: '副厅极' is not a known rank (did you mean 副厅级?)");
    expect(findings[1]!.blocks).toEqual(['T24-EXCLUDE-1']);
  });
});

describe('workbooks that cannot be read', () => {
  it('refuses a truncated workbook, a CSV named .xlsx, an empty file and a legacy .xls, in both languages', async () => {
    const good = await xlsx([{ name: 'S', data: [[...HEADER], nominee('A1', '张三')] }]);
    const cases: [Uint8Array, string, { en: string; zh: string }][] = [
      [good.subarray(0, 600), 'slate.xlsx', { en: 'the .xlsx file is damaged or incomplete (was it copied or downloaded only in part?)', zh: '.xlsx 文件已损坏或不完整（是否未完整复制或下载？）' }],
      [Buffer.from(`${HEADER.join(',')}\nA1,张三\n`), 'slate.xlsx', { en: 'it is not an .xlsx workbook (a CSV file must be named .csv)', zh: '它不是 .xlsx 工作簿（CSV 文件的扩展名应为 .csv）' }],
      [new Uint8Array(0), 'slate.xlsx', { en: 'the file is empty (0 bytes)', zh: '文件为空（0 字节）' }],
      // An OLE2 compound file: what Excel 97–2003 saves.
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]), 'slate.xlsx', { en: 'it is a legacy .xls file; open it in Excel or WPS and save it as .xlsx', zh: '这是旧版 .xls 文件，请用 Excel 或 WPS 另存为 .xlsx' }],
    ];
    for (const [bytes, path, reason] of cases) expect((await readError(bytes, path)).reason).toEqual(reason);
  });
});

describe('merged cells below the header', () => {
  it('reads a cell merged down over several nominees as their value in each row, and says so', async () => {
    const rankColumn = HEADER.indexOf('职级');
    const row = (id: string, name: string, rank: unknown) => nominee(id, name).map((c, i) => (i === rankColumn ? rank : c));
    const bytes = await xlsx([{ name: '推荐对象汇总表', data: [
      [...HEADER],
      row('A1', '张三', { value: '正科级', rowSpan: 2 }),
      row('A2', '李四', null),
      row('A3', '王五', '副科级'),
    ] as never }]);
    const m = model();
    const read = await readSlate('slate.xlsx', bytes, m);
    expect(read.slate.nominees.map((n) => [n['id'], n['rank']])).toEqual([['A1', 'section'], ['A2', 'section'], ['A3', 'deputy-section']]);
    expect(read.issues.map((f) => [f.severity, f.message.en, f.message.zh])).toEqual([['info',
      'Merged cells were read as their value in each row they cover: 职级 (rows 2–3).', '合并单元格按其内容读入所覆盖的每一行：职级（第 2–3 行）。']]);
    // The rows kept for an annotated copy are the sheet's own.
    expect(read.rows![2]![rankColumn]).toBeNull();
    const findings = createReferenceValidator(m, buildDocument('t24.award', RULES).lines)(read.slate).findings;
    expect(findings.filter((f) => f.nominee?.id === 'A2' && f.fields.includes('rank'))).toEqual([]);
  });

  it('takes the merged cells of the sheet chosen, not of another', async () => {
    const rankColumn = HEADER.indexOf('职级');
    const row = (id: string, name: string, rank: unknown) => nominee(id, name).map((c, i) => (i === rankColumn ? rank : c));
    const slate = [[...HEADER], row('A1', '张三', { value: '正科级', rowSpan: 2 }), row('A2', '李四', null)];
    const bytes = await xlsx([
      { name: '说明', data: [['填表说明'], [{ value: '职级按现任职务填写', rowSpan: 3 }], [null], [null]] as never },
      { name: '推荐对象汇总表', data: slate as never },
    ]);
    const read = await readSlate('slate.xlsx', bytes, model(), { sheet: 2 });
    expect(read.slate.nominees.map((n) => n['rank'])).toEqual(['section', 'section']);
    const first = await readSlate('slate.xlsx', await xlsx([{ name: '推荐对象汇总表', data: slate.map((r) => r.map((c) => (c && typeof c === 'object' ? (c as { value: unknown }).value : c))) as never }, { name: '说明', data: [['x'], [{ value: 'y', rowSpan: 2 }], [null]] as never }]), model());
    expect(first.slate.nominees.map((n) => n['rank'])).toEqual(['section', undefined]);
  });

  it('finds the merged cells of a workbook whose tags carry a namespace prefix (<x:sheet>, as the Open XML SDK writes them)', async () => {
    const rankColumn = HEADER.indexOf('职级');
    const row = (id: string, name: string, rank: unknown) => nominee(id, name).map((c, i) => (i === rankColumn ? rank : c));
    const files = unzipSync(new Uint8Array(await xlsx([{ name: '推荐对象汇总表', data: [[...HEADER], row('A1', '张三', { value: '正科级', rowSpan: 2 }), row('A2', '李四', null)] as never }])));
    const prefixed = (xml: string) => xml.replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, '<$1x:$2').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    for (const f of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml']) files[f] = strToU8(prefixed(strFromU8(files[f]!)));
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<x:sheet ');
    const read = await readSlate('slate.xlsx', zipSync(files), model());
    expect(read.slate.nominees.map((n) => [n['id'], n['rank']])).toEqual([['A1', 'section'], ['A2', 'section']]);
  });

  it('does not make a nominee of a row with nothing of its own, nor copy a nominee\'s id and name down', async () => {
    // 张三 written over two lines (编号, 姓名 … merged down; the second line empty): one nominee, as before
    // merged cells were read; and a merged range reaching past the last row fills nothing.
    const empty = () => HEADER.map(() => null);
    const twoLines = nominee('A1', '张三').map((c, i) => (i < 5 ? { value: c, rowSpan: 2 } : c));
    const bytes = await xlsx([{ name: '推荐对象汇总表', data: [[...HEADER], twoLines, empty(), nominee('A2', '李四')] as never }]);
    const files = unzipSync(new Uint8Array(bytes));
    files['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(files['xl/worksheets/sheet1.xml']!).replace('</mergeCells>', '<mergeCell ref="E4:E9"/></mergeCells>'));
    const read = await readSlate('slate.xlsx', zipSync(files), model());
    expect(read.slate.nominees.map((n) => [n['row'], n['id'], n['name']])).toEqual([[2, 'A1', '张三'], [4, 'A2', '李四']]);
    expect(read.issues.map((f) => f.message.en)).toEqual(['Row 3 is empty and was skipped.']);
    // A nominee's second line with something of its own: the merged id and name stay in its first line.
    const withText = await xlsx([{ name: '推荐对象汇总表', data: [[...HEADER], twoLines, HEADER.map((h) => (h === '不良记录' ? '无' : null)), nominee('A2', '李四')] as never }]);
    expect((await readSlate('slate.xlsx', withText, model())).slate.nominees.map((n) => n['id'] ?? null)).toEqual(['A1', null, 'A2']);
  });

  it('reads a note merged over several lines, under the header or under the table, as one note', async () => {
    const note = (text: string) => [{ value: text, rowSpan: 2, columnSpan: HEADER.length }, ...HEADER.slice(1).map(() => null)];
    const empty = () => HEADER.map(() => null);
    const bytes = await xlsx([{ name: '推荐对象汇总表', data: [[...HEADER], note('填表说明：职级按现任职务填写。'), empty(), nominee('A1', '张三'), nominee('A2', '李四'),
      note('注：公示情况须附公示材料。'), empty(), ['填表人：王五', ...HEADER.slice(1).map(() => null)]] as never }]);
    const read = await readSlate('slate.xlsx', bytes, model());
    expect(read.slate.nominees.map((n) => [n['row'], n['id']])).toEqual([[4, 'A1'], [5, 'A2']]);
    expect(read.issues.map((f) => [f.severity, f.message.en])).toEqual([
      ['info', 'Rows 6–8 are lines under the table (注：公示情况须附公示材料…, 填表人：王五) and were not read as nominees.'],
      ['info', 'Row 2 is a line under the header (填表说明：职级按现任职务…) and was not read as a nominee.'],
    ]);
  });
});
