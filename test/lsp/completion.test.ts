/**
 * Completion, in-process: what the parser expects at the cursor (`<|>`), names of the right kind in
 * both spellings, pinyin, tags, and files that are half typed or broken elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { applyEdits, cursor, inProcessServer, type TestClient } from './support.js';

const HEADER = 'notice "示例〔2024〕1号" {\n  title "示例"\n  issued 2024-01-02\n  tags X24\n  reference submission\n}\n' +
  'deadline submission "报送" by 2024-03-15 #X24-DEADLINE-1\nstage decision "确定表彰对象"\n' +
  'field service "从事示例工作": tenure\ntable allocation "推荐名额分配表" by region (advanced-person) {\n}\n' +
  'extend region {\n  east "东部市"\n  west "西部市"\n}\n';
const AWARD = 'award advanced-person "全省示例工作先进个人" for individual {\n';

let client: TestClient;
let n = 0;

beforeAll(async () => {
  client = inProcessServer();
  await client.initialize('en');
});
afterAll(() => client.shutdown());

async function complete(marked: string): Promise<CompletionItem[]> {
  const { text, position } = cursor(marked);
  const uri = `file:///tmp/completion-${++n}.award`;
  await client.open(uri, text);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
  await client.close(uri);
  return list.items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('completion from the parser state at the cursor', () => {
  it('offers rule and declaration keywords at the start of a statement', async () => {
    const top = labels(await complete(`${HEADER}<|>`));
    expect(top).toEqual(expect.arrayContaining(['exclude', 'cap', 'publicity', 'award', 'field', 'extend', 'when', 'soft', '原则上']));
    const inAward = labels(await complete(`${HEADER}${AWARD}  <|>\n}\n`));
    expect(inAward).toEqual(expect.arrayContaining(['quota', 'recommend', 'cap', 'when']));
    expect(inAward).not.toContain('award'); // no declarations inside an award
    expect(inAward).not.toContain('field');
  });

  it('offers exactly `of` after a cap amount, then the totals, then in/per and a tag', async () => {
    expect(labels(await complete(`${HEADER}${AWARD}  cap rank = county-level <= 15% <|>\n}`))).toEqual(['of']);
    expect(labels(await complete(`${HEADER}${AWARD}  cap rank = county-level <= 15% of <|>\n}`))).toEqual(['recommended', 'selected']);
    const after = labels(await complete(`${HEADER}${AWARD}  cap rank = county-level <= 15% of selected <|>\n}`));
    expect(after).toEqual(expect.arrayContaining(['in', 'per', '#X24-CAP-1']));
    expect(labels(await complete(`${HEADER}${AWARD}  cap rank = county-level <= 15% of selected in <|>\n}`))).toEqual(['advanced-person']);
  });

  it('offers years counted back from the notice after since and during, never names or yes/no', async () => {
    // The notice was issued on 2024-01-02.
    const during = await complete(`${HEADER}${AWARD}  require no violation during <|>\n}`);
    expect(labels(during)).toEqual(['2021..2023', '2019..2023', '2023']);
    expect(during[0]!.detail).toBe('the 3 years before the notice: 2021–2023');
    expect(labels(await complete(`${HEADER}${AWARD}  require no violation during 2021..<|>\n}`))).toEqual(['2023', '2024']);
    expect(labels(await complete(`${HEADER}${AWARD}  exclude violation has sanction since <|>\n}`))).toEqual(['2021', '2019', '2023']);
    // After a year in a period, only 年 (2018年): no months, days or per cent.
    expect(labels(await complete(`${HEADER}${AWARD}  require no violation during 2018 <|>\n}`))).not.toEqual(expect.arrayContaining(['months']));
    expect(labels(await complete(`${HEADER}${AWARD}  require no violation during 2018 <|>\n}`))).toContain('年');
    expect(labels(await complete(`${HEADER}${AWARD}  require no violation within 3 <|>\n}`))).toEqual(expect.arrayContaining(['years', 'months', 'days']));
    // within takes no years: `within 2018..` is only read to be reported (AR2040).
    expect(labels(await complete(`${HEADER}${AWARD}  require no violation within 2018..<|>\n}`))).toEqual([]);
  });

  it('offers units, then `at`, then publicity levels, then stages in a publicity rule', async () => {
    const units = labels(await complete(`${HEADER}publicity >= 5 <|>`));
    expect(units).toEqual(expect.arrayContaining(['workdays', 'days', '工作日', 'at']));
    expect(units).not.toContain('years');
    const levels = labels(await complete(`${HEADER}publicity >= 5 workdays at <|>`));
    expect(levels).toEqual(expect.arrayContaining(['unit', '本单位', 'province', '省级', 'each']));
    expect(labels(await complete(`${HEADER}publicity >= 5 workdays at unit before <|>`))).toEqual(['submission', 'decision']);
    // A stage's other names (aka) are offered too, so that one typed in Chinese (pinyin) is found.
    const aka = await complete(`${HEADER}stage decision aka "确定对象"\npublicity >= 5 workdays at unit before qd<|>`);
    expect(aka.map((i) => [i.label, i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : undefined])).toEqual([['确定对象', '确定对象']]);
  });

  it('offers the values of the field compared, in both spellings with the other beside', async () => {
    const items = await complete(`${HEADER}exclude rank >= <|>`);
    expect(labels(items)).toEqual(expect.arrayContaining(['vice-bureau', '副厅级', 'county-level', '县处级', 'yes', 'no']));
    expect(items.find((i) => i.label === 'vice-bureau')!.detail).toContain('副厅级');
    expect(items.find((i) => i.label === '副厅级')!.detail).toContain('vice-bureau');
    expect(labels(await complete(`${HEADER}${AWARD}  when identity has <|>`))).toEqual(expect.arrayContaining(['cadre', '干部', 'volunteer']));
    expect(labels(await complete(`${HEADER}require no <|>`))).toEqual(expect.arrayContaining(['violation', '违法违纪', 'records']));
    expect(labels(await complete(`${HEADER}consult {public-security, <|>`))).toEqual(expect.arrayContaining(['finance', '财政部门']));
    expect(labels(await complete(`${HEADER}material photo "照片" format {jpg, <|>`))).toEqual(expect.arrayContaining(['png', 'pdf']));
    expect(labels(await complete(`${HEADER}exclude rank in {section, <|>`))).toEqual(expect.arrayContaining(['county', '正处级']));
    expect(labels(await complete(`${HEADER}recommend per region <= <|>`))).toContain('allocation');
    expect(labels(await complete(`${HEADER}exclude region = <|>`))).toEqual(expect.arrayContaining(['east', '东部市', 'west']));
  });

  it('offers field names, the file\'s own first, and units that fit the field', async () => {
    const fields = labels(await complete(`${HEADER}require <|>`));
    expect(fields[0]).toBe('service');
    expect(fields).toEqual(expect.arrayContaining(['rank', '职级', 'service', '从事示例工作', 'no', 'not']));
    expect(fields).not.toContain('materials'); // a record, never tested in a condition
    const units = labels(await complete(`${HEADER}require service >= 5 <|>`));
    expect(units).toEqual(expect.arrayContaining(['years', 'months', '年']));
    expect(units).not.toContain('workdays');
  });

  it('offers route targets from the routed field and table rows from the table key', async () => {
    const text = `${HEADER}extend reviewer {\n  city-office "市办"\n  province-office "省办"\n}\nroute reviewer {\n  region = east -> <|>\n}\n`;
    expect(labels(await complete(text))).toEqual(expect.arrayContaining(['city-office', '市办', 'province-office']));
    const table = `${HEADER}table t2 "表2" by region (advanced-person) {\n  <|>\n}\n${AWARD}}\n`;
    expect(labels(await complete(table))).toEqual(expect.arrayContaining(['east', 'west', '东部市']));
  });

  it('offers the next free tag of the rule\'s kind', async () => {
    const text = `${HEADER}${AWARD}  cap rank = county-level <= 15% of selected #X24-CAP-1\n  cap rank = section-level <= 25% of selected #X24-CAP-2\n  cap kind = individual <= 90% of selected #<|>\n}`;
    const items = await complete(text);
    expect(labels(items)).toEqual(['#X24-CAP-3']);
    const { text: plain } = cursor(text);
    expect(applyEdits(plain, [items[0]!.textEdit as never])).toContain('<= 90% of selected #X24-CAP-3\n');
    expect(labels(await complete(`${HEADER}exclude rank >= vice-bureau #X<|>`))).toEqual(['#X24-EXCLUDE-1']);
  });

  it('finds Chinese names by pinyin initials or full pinyin, and says so in filterText', async () => {
    const byInitials = await complete(`${HEADER}exclude rank >= ftj<|>`);
    expect(labels(byInitials)).toContain('副厅级');
    expect(byInitials.find((i) => i.label === '副厅级')!.filterText).toBe('ftj');
    const byFull = await complete(`${HEADER}exclude rank >= futing<|>`);
    expect(byFull.find((i) => i.label === '副厅级')!.filterText).toBe('futingji');
    expect(labels(await complete(`${HEADER}exclude rank = xcj<|>`))).toContain('县处级');
    expect(labels(await complete(`${HEADER}exclude rank = tjj<|>`))).toContain('厅局级');
    // Typing the id still works, and the typed word is what gets replaced.
    const byId = await complete(`${HEADER}exclude rank >= vice-b<|>`);
    expect(labels(byId)).toEqual(['vice-bureau']);
    expect(byId[0]!.textEdit).toMatchObject({ range: { start: { character: 16 }, end: { character: 22 } }, newText: 'vice-bureau' });
  });

  it('quotes a name that needs quotes, and completes a keyword being typed', async () => {
    const items = await complete(`${HEADER}publicity >= 5 workdays at <|>`);
    expect(items.find((i) => i.label === '市(州)级')!.textEdit).toMatchObject({ newText: '"市(州)级"' });
    expect(labels(await complete(`${HEADER}exc<|>`))).toEqual(['exclude']);
  });

  it('keeps working in a file that is broken elsewhere or half typed', async () => {
    const broken = `${HEADER}exclude rank >= }}} ；\ncap rank = <= of\n${AWARD}  quota <= 5 #X24-QUOTA-1\n  publicity >= 5 workdays at <|>\n}\n`;
    expect(labels(await complete(broken))).toEqual(expect.arrayContaining(['unit', '本单位', 'each']));
    const unclosed = `${HEADER}${AWARD}  exclude rank >= vice-bureau\n  cap rank = <|>`;
    expect(labels(await complete(unclosed))).toEqual(expect.arrayContaining(['county-level', '县处级']));
    // A fresh line after a rule without a tag: the rule may go on, or a new one start.
    const fresh = labels(await complete(`${HEADER}${AWARD}  exclude rank >= vice-bureau\n  <|>\n}`));
    expect(fresh).toEqual(expect.arrayContaining(['unless', 'and', '#X24-EXCLUDE-1', 'cap', 'require']));
    // A statement that cannot parse still gets the statement keywords.
    expect(labels(await complete(`${HEADER}${AWARD}  cap 15 15 <|>\n}`))).toEqual(expect.arrayContaining(['cap', 'exclude']));
  });

  it('offers nothing inside a comment or a text being typed', async () => {
    expect(await complete(`${HEADER}// exclude rank >= <|>`)).toEqual([]);
    expect(await complete(`${HEADER}prefer front-line "exclude <|>`)).toEqual([]);
    expect(await complete(`${HEADER}/* exclude\n rank >= <|>`)).toEqual([]);
  });

  it('counts positions in UTF-16: a name with 𠀀 (two code units) before the cursor', async () => {
    const text = `${HEADER}extend region {\n  𠀀区 "𠀀区"\n}\nexclude region = 𠀀区 and rank >= vice-b<|>`;
    const items = await complete(text);
    expect(labels(items)).toEqual(['vice-bureau']);
    // `exclude region = 𠀀区 and rank >= ` is 33 UTF-16 units long (𠀀 counts 2, 区 1).
    expect(items[0]!.textEdit).toMatchObject({ range: { start: { character: 33 }, end: { character: 39 } } });
  });
});
