import { describe, expect, it } from 'vitest';
import { chinaCalendar, dayFromYmd } from '@awardrules/runtime';
import { check, parse, render } from '@awardrules/language';
import { codes, doc, HEADER } from './helpers.js';

const only = (body: string, files: Record<string, string> = {}) => codes(doc(HEADER + body, files)).map((c) => {
  const [code, pos] = c.split(' ');
  const [line, col] = pos!.split(':').map(Number);
  return `${code} ${line! - 5}:${col}`; // positions relative to the body
});

describe('checker: names', () => {
  it('accepts English and Chinese spellings of the same value, and equivalent notice spellings', () => {
    const a = doc(`${HEADER}exclude rank >= vice-bureau`).model.rules[0];
    for (const spelling of ['副厅级', '副厅局级', '"副厅(局、师)级"', '副司局级', 'deputy-bureau']) {
      const b = doc(`${HEADER}exclude rank >= ${spelling}`);
      expect(b.diagnostics, spelling).toEqual([]);
      expect(b.model.rules[0]?.kind === 'exclude' && b.model.rules[0].pred, spelling).toEqual(a?.kind === 'exclude' && a.pred);
    }
  });

  it('reports unknown names with "did you mean" and a quick fix in the same spelling system', () => {
    const d = doc(`${HEADER}exclude rank >= vice-bureu\nexclude rank >= 副厅极`);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['AR2001', 'AR2001']);
    expect(d.diagnostics[0]!.suggestions?.[0]?.replacement).toBe('vice-bureau');
    expect(d.diagnostics[1]!.suggestions?.[0]?.replacement).toBe('副厅级');
  });

  it('says when a value is written where a field belongs', () => {
    expect(only('require 副厅级')).toEqual(['AR2032 1:9']);
  });

  it('lists what is known when nothing is close', () => {
    expect(only('require zzzzzzzz')).toEqual(['AR2002 1:9']);
  });

  it('resolves names declared later in the file', () => {
    expect(only('when identity has x-role { require petition >= 3 years }\nextend identity { x-role "某身份" }\nfield petition "从事信访工作": tenure')).toEqual([]);
  });

  it('reports declarations that clash', () => {
    expect(only('extend identity { a "甲" }\nextend identity { a "乙" }')).toEqual(['AR2003 2:19']);
    expect(only('extend identity { b "干部" }')).toEqual(['AR2004 1:19']);
    expect(only('field rank "x": number')).toEqual(['AR2031 1:7']);
    expect(only('extend rank { senior "高级" }')).toEqual(['AR2030 1:15']);
    expect(only('extend rank { senior "高级职员" = county }\nexclude rank >= 高级职员')).toEqual([]);
  });
  it('reports a field that a slate would hold in the same property as another', () => {
    expect(only('field foo-bar "甲": yes/no\nfield fooBar "乙": yes/no')).toEqual(['AR2038 2:7']);
    expect(only('field birthDate "生日": date')).toEqual(['AR2038 1:7']);
    expect(only('field row "行": number')).toEqual(['AR2038 1:7']);
    expect(only('field foo-bar "甲": yes/no\nfield foobar "乙": yes/no')).toEqual([]);
    const d = doc(HEADER + 'field foo-bar "甲": yes/no\nfield fooBar "乙": yes/no');
    expect(render(d.diagnostics[0]!, 'en').message).toBe("In a slate, the field 'fooBar' would be the property 'fooBar', which already holds the field 'foo-bar'.");
    expect(render(d.diagnostics[0]!, 'zh').message).toBe('在推荐名单中，数据项“fooBar”的属性名为“fooBar”，而数据项“foo-bar”已使用该属性名。');
  });
});

describe('checker: attest conditions', () => {
  it('lets another award ask for the same condition, by its id, with the same wording or none', () => {
    const twice = (second: string) => only(`award a "甲" for individual {\n  attest all of { political "政治立场坚定" }\n}\naward b "乙" for individual {\n  attest all of { ${second} }\n}`);
    expect(twice('political "政治立场坚定"')).toEqual([]);
    expect(twice('political')).toEqual([]);
    expect(twice('political "政治坚定"')).toEqual(['AR2003 5:19']);
    const d = doc(`${HEADER}award a "甲" for individual {\n  attest all of { political "政治立场坚定" }\n}\naward b "乙" for individual {\n  attest any of { political }\n}`);
    const items = d.model.rules.map((r) => (r.kind === 'attest' ? r.group.entries : []));
    expect(items).toEqual([[expect.objectContaining({ id: 'political', text: '政治立场坚定' })], [expect.objectContaining({ id: 'political', text: '政治立场坚定' })]]);
    expect(d.model.enums.get('condition')!.values.filter((v) => v.id === 'political')).toHaveLength(1);
  });
});

describe('checker: types and units', () => {
  it('reports comparisons across types', () => {
    expect(only('exclude rank >= 5')).toEqual(['AR2005 1:17']);
    expect(only('field years-x "年限": tenure\nrequire years-x >= 20%')).toEqual(['AR2005 2:20'].map((x) => x.replace('AR2005', 'AR2007')));
    expect(only('exclude body >= enterprise')).toEqual(['AR2006 1:14']);
    expect(only('require identity = cadre')).toEqual(['AR2012 1:18']);
    expect(only('require rank has county')).toEqual(['AR2011 1:9']);
    expect(only('require publicity-records')).toEqual(['AR2009 1:9']);
  });

  it('reports wrong units and out-of-range shares', () => {
    expect(only('publicity >= 5 years at unit')).toEqual(['AR2007 1:14']);
    expect(only('require no violation within 5 workdays')).toEqual(['AR2007 1:29']);
    expect(only('cap rank = county-level <= 120% of selected')).toEqual(['AR2008 1:28']);
    expect(only('recommend >= 120% of quota')).toEqual(['AR2035 1:14']);
  });

  it('allows shares of the award quota above 100%', () => {
    expect(only('award a "甲" for collective {\n  quota <= 30\n  recommend >= 120% of quota\n}')).toEqual([]);
  });

  it('reads a band in an ordered comparison as its range', () => {
    const d = doc(`${HEADER}exclude rank > county-level\nexclude rank >= vice-bureau`);
    const [a, b] = d.model.rules;
    expect(a?.kind === 'exclude' && a.pred).toEqual(b?.kind === 'exclude' && b.pred);
  });
});

describe('checker: rule semantics', () => {
  it('finds a rule made dead by an exclusion', () => {
    expect(only('exclude rank >= vice-bureau\ncap rank = bureau-level <= 10% of selected')).toEqual(['AR3001 2:1']);
  });

  it('finds a rule made dead by the award scope, and conditions that never hold', () => {
    expect(only('award a "甲" for collective {\n  scope rank <= county\n  when rank = bureau { require no violation }\n}')).toEqual(['AR3001 3:24']);
    expect(only('award a "甲" for collective {\n  when kind = individual { require no violation }\n}')).toEqual(['AR3014 2:28']);
  });

  it('finds caps on the same group and total that disagree, however the group is written', () => {
    expect(only('cap rank in {deputy-county, county} <= 20% of selected\ncap rank = county-level <= 15% of selected')).toEqual(['AR3002 2:1']);
    expect(only('cap rank = county-level <= 20% of selected\ncap rank = county-level <= 15% of recommended')).toEqual([]);
  });

  it('finds shares no slate can meet together', () => {
    expect(only('cap rank = county-level <= 20% of selected\ncap rank = county >= 30% of selected')).toEqual(['AR3003 2:1']);
    expect(only('exclude rank >= vice-bureau\ncap rank = bureau >= 5% of selected')).toEqual(['AR3001 2:1', 'AR3003 2:1']);
  });

  it('finds an exclusion that excludes everyone', () => {
    expect(only('exclude rank >= unranked')).toEqual(['AR3015 1:1']);
  });

  it('checks stage deadlines against each other and the issue date', () => {
    expect(only('deadline a "甲" by 2024-02-01\ndeadline b "乙" by 2024-01-20')).toEqual(['AR3007 2:1']);
    expect(only('deadline a "甲" by 2023-12-01')).toEqual(['AR3008 1:1']);
  });

  it('finds publicity that cannot fit before its deadline, counting working days with the holiday schedule', () => {
    // Issued 2024-01-02; 2024-01-03..01-09 has 5 working days, so a deadline of 01-09 leaves 4.
    expect(only('deadline s "上报" by 2024-01-09\npublicity >= 5 workdays at unit before s')).toEqual(['AR3009 2:1']);
    expect(only('deadline s "上报" by 2024-01-10\npublicity >= 5 workdays at unit before s')).toEqual([]);
    const d = doc(`${HEADER}deadline s "上报" by 2024-01-09\npublicity >= 5 workdays at unit before s`, {}, { calendar: chinaCalendar });
    expect(d.diagnostics[0]?.args[3]).toEqual({ en: '4 working days', zh: '4个工作日' });
  });

  it('warns when it cannot count working days for a year the calendar does not have', () => {
    const text = 'notice { issued 2027-01-04 }\ndeadline s "上报" by 2027-03-01\npublicity >= 5 workdays at unit before s';
    expect(codes(doc(text))).toEqual(['AR4001 3:1']);
  });

  it('checks quota tables: unknown and missing rows, column counts, sums against the award quota', () => {
    const body = [
      'extend region { east "东区"  west "西区"  south "南区" }',
      'table t "名额" by region (a) {',
      '  east 20',
      '  north 5',
      '  west 6, 1',
      '}',
      'award a "甲" for collective {',
      '  quota <= 10',
      '  quota per region <= t',
      '}',
    ].join('\n');
    expect(only(body)).toEqual(['AR3011 2:7', 'AR2001 4:3', 'AR2026 5:3', 'AR3010 9:3']);
  });

  it('reads quota tables from CSV files next to the rule file, reporting bad rows with their line', () => {
    const body = 'extend region { east "东区"  west "西区" }\ntable t by region from "q.csv"\naward a "甲" for individual {\n  quota <= 10\n  quota per region <= t\n}';
    expect(only(body, { 'q.csv': '地区,甲\n东区,4\n西区,6\n' })).toEqual([]);
    const bad = doc(HEADER + body, { 'q.csv': '地区,甲\n东区,4\n南区,6\n' });
    expect(bad.diagnostics.map((d) => [d.code, d.args[1]])).toEqual([['AR3011', '西区'], ['AR2029', 3]]);
    expect(only(body, {})).toEqual(['AR2019 2:24']);
  });

  it('checks the recommendation ratio against the per-region table', () => {
    const body = 'extend region { east "东区" }\ntable t by region (a) { east 11 }\naward a "甲" for collective {\n  quota <= 10\n  recommend >= 120% of quota\n  recommend per region <= t\n}';
    expect(only(body)).toEqual(['AR3020 6:3']);
  });

  it('checks tags: form, prefix, kind, catalog and duplicates within an award', () => {
    const head = HEADER.replace('title', 'tags T24\n  title');
    const d = doc(`${head}exclude rank >= vice-bureau #T24-EXCLUDE-1\nexclude rank = bureau #T24-EXCLUDE-1\nscope kind = collective #X24-SCOPE-1\nrequire no violation #T24-FOO-1\nconsult tax #oops`, {}, { catalog: new Set(['T24-EXCLUDE-1']) });
    expect(codes(d).map((c) => c.split(' ')[0])).toEqual(['AR3004', 'AR3005', 'AR3005', 'AR3005']);
  });

  it('lets one tag mark a clause stated per award and per non-overlapping group', () => {
    const head = HEADER.replace('title', 'tags T24\n  title');
    const ok = `${head}when kind = collective { consult tax #T24-CONSULT-1 }\nwhen kind = individual { consult audit #T24-CONSULT-1 }`;
    expect(codes(doc(ok))).toEqual([]);
    const overlapping = `${head}when kind = collective { consult tax #T24-CONSULT-1 }\nwhen front-line { consult audit #T24-CONSULT-1 }`;
    expect(codes(doc(overlapping)).map((c) => c.split(' ')[0])).toEqual(['AR3004']);
  });

  it('warns about look-back rules when the notice has no reference date', () => {
    expect(codes(doc('notice { issued 2024-01-01 }\nrequire no violation within 5 years'))).toEqual(['AR3013 2:1']);
  });

  it('requires a notice header', () => {
    expect(codes(doc('require no violation'))).toEqual(['AR2016 1:1']);
  });

  it('finds routes that can never be taken', () => {
    expect(only('extend reviewer { a "甲" b "乙" }\nroute reviewer {\n  rank >= county -> a\n  rank = county -> b\n}')).toEqual(['AR3017 4:3']);
  });
});

describe('checker: periods of fixed dates', () => {
  const periodOf = (window: string) => {
    const d = doc(`${HEADER}require no violation ${window}`);
    expect(codes(d)).toEqual([]);
    const r = d.model.rules[0]!;
    return r.kind === 'require' && r.pred.k === 'not' && r.pred.arg.k === 'event' ? r.pred.arg.during : undefined;
  };

  it('reads years written as notices write them (2018—2020, 2018年) as the same period', () => {
    const years = periodOf('during 2018..2020');
    expect(years).toEqual({ from: dayFromYmd(2018, 1, 1), to: dayFromYmd(2020, 12, 31) });
    for (const w of ['during 2018—2020', 'during 2018年..2020年', 'during 2018年—2020年', 'during 2018-01-01..2020', 'during 2018..2020年12月31日']) expect(periodOf(w), w).toEqual(years);
    expect(periodOf('during 2020')).toEqual({ from: dayFromYmd(2020, 1, 1), to: dayFromYmd(2020, 12, 31) });
    expect(periodOf('since 2020年')).toEqual({ from: dayFromYmd(2020, 1, 1) });
  });

  it('offers within for a length of time written as a period (during 3 years), keeping how the length was written', () => {
    for (const [window, fixed] of [['during 3 years', 'within 3 years'], ['since 5年', 'within 5年'], ['during 6 months', 'within 6 months']]) {
      const text = `${HEADER}require no violation ${window}`;
      const d = doc(text);
      expect(d.diagnostics.map((x) => x.code), window).toEqual(['AR2039']);
      const s = d.diagnostics[0]!.suggestions?.[0];
      expect(s && text.slice(s.span.start, s.span.end), window).toBe(window);
      expect(s?.replacement, window).toBe(fixed);
      const after = text.slice(0, s!.span.start) + s!.replacement + text.slice(s!.span.end);
      expect(codes(doc(after)), window).toEqual([]);
    }
    // Years after within: the fix is during.
    for (const [window, fixed] of [['within 2018..2020', 'during 2018..2020'], ['within 2018—2020', 'during 2018—2020'], ['within 2021', 'during 2021']]) {
      const text = `${HEADER}require no violation ${window}`;
      const d = doc(text);
      expect(d.diagnostics.map((x) => x.code), window).toEqual(['AR2040']);
      const s = d.diagnostics[0]!.suggestions![0]!;
      const after = text.slice(0, s.span.start) + s.replacement + text.slice(s.span.end);
      expect(after.endsWith(fixed), window).toBe(true);
      expect(codes(doc(after)), window).toEqual([]);
    }
    expect(doc(`${HEADER}require no violation within 3`).diagnostics.map((x) => x.code)).toEqual(['AR2007']);
    // A name or a number is no length of time: no fix to offer.
    for (const window of ['during county-level', 'during 3']) expect(doc(`${HEADER}require no violation ${window}`).diagnostics[0]?.suggestions, window).toBeUndefined();
  });
});

describe('checker: other names of stages and materials (aka)', () => {
  it('keeps them in the model, finds a stage by one, and reports one that another stage or material has', () => {
    const text = `${HEADER}stage submission "报送" aka "材料报送", "报送日期"\ndeadline submission by 2024-03-15\nstage decision "决定" aka "报送"\n` +
      'material photo "照片" aka "证件照" copies >= 2\nmaterial report "事迹材料" aka "证件照", "主要事迹" chars <= 1500\n' +
      'publicity >= 5 workdays at unit before 材料报送\n';
    const d = doc(text);
    expect(d.diagnostics.map((x) => [x.code, text.slice(x.span.start, x.span.end)])).toEqual([['AR2037', '"报送"'], ['AR2037', '"证件照"']]);
    expect(d.model.stages.map((s) => [s.id, s.aliases])).toEqual([['submission', ['材料报送', '报送日期']], ['decision', undefined]]);
    const materials = d.model.rules.flatMap((r) => (r.kind === 'material' ? r.items : []));
    expect(materials.map((m) => [m.id, m.aliases])).toEqual([['photo', ['证件照']], ['report', ['主要事迹']]]);
    const publicity = d.model.rules.find((r) => r.kind === 'publicity');
    expect(publicity?.kind === 'publicity' && publicity.before).toBe('submission');
  });

  it('reads a deadline that names a stage by its name or an aka as that stage\'s deadline', () => {
    const d = doc(`${HEADER}stage submission "报送" aka "材料报送"\ndeadline 材料报送 by 2024-03-15\nstage decision "决定"\ndeadline 决定 by 2024-03-20\n`);
    expect(codes(d)).toEqual([]);
    expect(d.model.stages.map((s) => [s.id, s.deadline !== undefined])).toEqual([['submission', true], ['decision', true]]);
  });

  it('gives a stage declared by its deadline the other names a later stage line adds', () => {
    const d = doc(`${HEADER}deadline submission "报送" by 2024-03-15\nstage submission aka "材料报送"\n`);
    expect(codes(d)).toEqual([]);
    expect(d.model.stages.map((s) => [s.id, s.aliases, s.deadline !== undefined])).toEqual([['submission', ['材料报送'], true]]);
  });

  it('reports another name that a stage or material further down has as its id or name, and a rule naming that one means it', () => {
    // Before: the earlier stage took 决定 and decision, so `before decision` meant submission, silently.
    const text = `${HEADER}stage submission "报送" aka "决定", "decision"\nstage decision "决定"\n` +
      'material {\n  photo "照片" aka "事迹材料", "deeds" copies >= 2\n  deeds "事迹材料" chars <= 1500\n}\n' +
      'publicity >= 5 workdays at unit after submission before decision\n';
    const d = doc(text);
    expect(d.diagnostics.filter((x) => x.code === 'AR2037').map((x) => text.slice(x.span.start, x.span.end))).toEqual(['"决定"', '"decision"', '"事迹材料"', '"deeds"']);
    expect(d.model.stages.map((s) => [s.id, s.aliases])).toEqual([['submission', undefined], ['decision', undefined]]);
    const materials = d.model.rules.flatMap((r) => (r.kind === 'material' ? r.items : []));
    expect(materials.map((m) => [m.id, m.aliases])).toEqual([['photo', undefined], ['deeds', undefined]]);
    const publicity = d.model.rules.find((r) => r.kind === 'publicity');
    expect(publicity?.kind === 'publicity' && [publicity.after, publicity.before]).toEqual(['submission', 'decision']);
  });

  it('keeps each other name once: not one that is the id or the name, nor one a second line repeats', () => {
    const d = doc(`${HEADER}stage submission "报送" aka "submission", "报送", "材料报送"\nstage submission aka "材料报送", "报送日期"\n` +
      'material photo "照片" aka "照片", "证件照", "证件照"\n');
    expect(d.diagnostics.filter((x) => x.code.startsWith('AR2'))).toEqual([]);
    expect(d.model.stages.map((s) => [s.id, s.aliases])).toEqual([['submission', ['材料报送', '报送日期']]]);
    expect(d.model.rules.flatMap((r) => (r.kind === 'material' ? r.items : [])).map((m) => m.aliases)).toEqual([['证件照']]);
  });
});

describe('checker: the order of what it reports', () => {
  it('reports duplicate rules in the order of the groups they are in, as the rules come (check() itself, before any sorting)', () => {
    const text = `${HEADER}soft require rank <= section\nsoft require rank <= section\nrequire rank <= county\nrequire rank <= county\n`;
    const lines = (codes: readonly { code: string; span: { start: number } }[]) =>
      codes.filter((d) => d.code === 'AR3016').map((d) => text.slice(0, d.span.start).split('\n').length);
    expect(lines(check(parse(text).ast, text).diagnostics)).toEqual([7, 9]);
  });
});

describe('checker: the documentation pass', () => {
  const hint = (body: string, locale: 'en' | 'zh' = 'en') => doc(HEADER + body).diagnostics.map((d) => render(d, locale).hint);
  const message = (body: string, locale: 'en' | 'zh' = 'en') => doc(HEADER + body).diagnostics.map((d) => render(d, locale).message);

  it('reads the standard field award (申报奖项) in a condition', () => {
    const d = doc(`${HEADER}award p "甲" for individual { quota <= 3 }\nwhen award = p { require front-line }\nscope award in {p} or 申报奖项 = 甲`);
    expect(codes(d)).toEqual([]);
    expect(d.model.rules[1]?.condition).toEqual({ k: 'in', field: 'award', values: ['p'] });
  });

  it('accepts Chinese units, glued or apart, wherever the English unit is accepted', () => {
    const english = doc(`${HEADER}field x "甲": tenure\nrequire x >= 5 years\nrequire x >= 6 months\nrequire no violation within 3 days\npublicity >= 5 workdays at unit\npublicity >= 7 days at city`);
    for (const [years, months, days, workdays, calendar] of [['5 年', '6 个月', '3 日', '5 个工作日', '7 天'], ['5年', '6个月', '3天', '5工作日', '7日'], ['5年', '6月', '3日', '5个工作日', '7天']]) {
      const chinese = doc(`${HEADER}field x "甲": tenure\nrequire x >= ${years}\nrequire x >= ${months}\nrequire no violation within ${days}\npublicity >= ${workdays} at unit\npublicity >= ${calendar} at city`);
      expect(codes(chinese), years).toEqual([]);
      const strip = (m: typeof english.model) => m.rules.map(({ span: _s, ...r }) => r);
      expect(strip(chinese.model), `${years} ${workdays}`).toEqual(strip(english.model));
    }
    // A glued word that is not a unit is still reported.
    expect(only('field x "甲": tenure\nrequire x >= 5年以上')).toEqual(['AR1102 2:14']);
    expect(only('publicity >= 5 年 at unit')).toEqual(['AR2007 1:14']);
  });

  it('warns when the reference stage has no deadline', () => {
    const head = HEADER.replace('reference 2024-03-01', 'reference decision');
    expect(codes(doc(`${head}stage decision "确定表彰对象"\nrequire no violation within 5 years`))).toEqual(['AR3023 4:13']);
    expect(codes(doc(`${head}deadline decision "确定表彰对象" by 2024-03-01\nrequire no violation within 5 years`))).toEqual([]);
    const d = doc(`${head}stage decision "确定"`);
    expect(render(d.diagnostics[0]!, 'en').hint).toBe('Give the stage a deadline ( deadline decision "…" by <date> ), or write  reference <date>  in the notice.');
  });

  it('describes a list field with the right article, and hints >= on an ordered scale', () => {
    expect(message('require rating = 5')).toEqual(['Cannot compare rating (an evaluation grade) with the number 5.']);
    expect(hint('require rating = 5')).toEqual(['Compare it with an evaluation grade name, e.g.  rating >= 3A .']);
    expect(hint('require rating = 5', 'zh')).toEqual(['请与评估等级名称比较，例如  评估等级 >= 3A级。']);
    expect(hint('require party = 5')).toEqual(['Compare it with a political affiliation name, e.g.  party = non-party .']);
    expect(only('require rating >= 3A级')).toEqual([]);
  });

  it('hints how to write a yes/no or text field that was given an order', () => {
    expect(hint('field serving "在职": yes/no\nrequire serving > no')).toEqual(['A yes/no field is a condition by itself: write  serving  or  not serving .']);
    expect(hint('field serving "在职": yes/no\nrequire serving > no', 'zh')).toEqual(['是/否类数据项本身就是条件：请写 serving 或 not serving。']);
    expect(hint('field t "单位全称": text\nrequire t > "x"')).toEqual(['Use = or != with quoted text.']);
    expect(hint('exclude body >= enterprise')).toEqual(['Use =, != or in {…}.']);
  });

  it('hints how to declare a name of a list that has none yet', () => {
    expect(only('require reviewer = x')).toEqual(['AR2002 1:20']);
    expect(hint('require reviewer = x')).toEqual(['Nothing is declared yet; declare it with  extend reviewer { x "…" } .']);
    expect(hint('require reviewer = 省监狱管理局', 'zh')).toEqual(['尚未声明任何取值，请先声明：extend reviewer { 省监狱管理局 "…" }。']);
    expect(hint('extend reviewer { a "甲" }\nrequire reviewer = zzzzzz')).toEqual(['Declare it first, or pick one of: a.']);
  });

  it('suggests a tag of the rule\'s own kind, numbered after the tags used', () => {
    const head = HEADER.replace('title', 'tags X24\n  title');
    const d = doc(`${head}deadline s "上报" by 2024-02-01\nexclude rank >= vice-bureau #X24-EXCLUDE-1\nexclude rank = bureau\nprefer front-line\naward a "甲" for individual { recommend <= 3 }`);
    expect(d.diagnostics.map((x) => render(x, 'en').hint)).toEqual([
      'Add the tag of the constraint it encodes, e.g. #X24-DEADLINE-1.', 'Add the tag of the constraint it encodes, e.g. #X24-EXCLUDE-2.',
      'Add the tag of the constraint it encodes, e.g. #X24-PRIORITY-1.', 'Add the tag of the constraint it encodes, e.g. #X24-QUOTA-1.',
    ]);
  });

  it('suggests a different tag for each untagged rule of a kind', () => {
    const head = HEADER.replace('title', 'tags X24\n  title');
    const d = doc(`${head}exclude rank >= vice-bureau #X24-EXCLUDE-1\nexclude rank = bureau\nexclude rank = county`);
    expect(d.diagnostics.map((x) => render(x, 'en').hint)).toEqual([
      'Add the tag of the constraint it encodes, e.g. #X24-EXCLUDE-2.', 'Add the tag of the constraint it encodes, e.g. #X24-EXCLUDE-3.',
    ]);
  });

  it('reports a record kind that two fields have, after no, naming both', () => {
    expect(only('extend honour { violation-award "违法违纪" }\nrequire no 违法违纪 within 5 years')).toEqual(['AR2036 2:12']);
    expect(message('extend honour { violation-award "违法违纪" }\nrequire no 违法违纪')).toEqual([
      "'违法违纪' is a kind of record in more than one field: honours (所获荣誉) and records (不良记录).",
    ]);
    expect(hint('extend honour { violation-award "违法违纪" }\nrequire no 违法违纪 within 5 years')).toEqual([
      'Name the field you mean: not honours has 违法违纪 within 5 years  or  not records has 违法违纪 within 5 years.',
    ]);
    // Naming the field works, and an unambiguous kind still needs none.
    expect(only('extend honour { violation-award "违法违纪" }\nrequire not records has 违法违纪 within 5 years\nrequire no sanction')).toEqual([]);
  });

  it('warns that soft has no effect on a controlled share', () => {
    expect(only('soft cap body = enterprise controlled')).toEqual(['AR3018 1:1']);
    expect(hint('原则上 cap body = enterprise controlled', 'zh')).toEqual(['请删除：从严控制的比例始终只给出警告。']);
    expect(only('soft cap body = enterprise <= 10% of selected')).toEqual([]);
  });

  it('names the declaration a clashing field or award name belongs to', () => {
    expect(only('field serving "在职": yes/no\nfield serving2 "在职": yes/no')).toEqual(['AR2037 2:16']);
    expect(message('field serving "在职": yes/no\nfield serving2 "在职": yes/no', 'zh')).toEqual(['“在职”已是数据项“serving”的名称。']);
    expect(only('field serving "在职": yes/no\nfield 在职 "在职干部": yes/no')).toEqual(['AR2037 2:7']);
    expect(only('field serving "在职": yes/no\nfield serving "在职干部": yes/no')).toEqual(['AR2003 2:7']);
    expect(message('award a "甲" for individual { quota <= 1 }\naward b "甲" for individual { quota <= 1 }')).toEqual(["'甲' is already a name of the award 'a'."]);
  });
});
