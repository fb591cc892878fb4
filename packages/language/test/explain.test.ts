import { describe, expect, it } from 'vitest';
import { explain, explainRule } from '@awardrules/language';
import { doc, HEADER } from './helpers.js';

const say = (body: string, locale: 'zh' | 'en') => {
  const d = doc(HEADER + body);
  expect(d.diagnostics).toEqual([]);
  return d.model.rules.map((r) => explainRule(d.model, r, locale));
};

describe('explain', () => {
  it('reads scales as ranges and bands by their names', () => {
    expect(say('exclude rank >= vice-bureau', 'zh')).toEqual(['职级在副厅级及以上的，不参加评选。']);
    expect(say('exclude rank >= vice-bureau', 'en')).toEqual(['Excluded: nominees where rank is vice-bureau level or above.']);
    expect(say('cap rank = county-level <= 15% of selected', 'zh')).toEqual(['职级为县处级的人数不超过评选总数的15%。']);
    expect(say('soft require rank <= section', 'zh')).toEqual(['原则上须职级在正科级及以下。']);
  });

  it("names a value by the notice's own word for it, in that word's language", () => {
    expect(say('exclude rank >= 副司局级', 'zh')).toEqual(['职级在副司局级及以上的，不参加评选。']);
    expect(say('exclude rank >= 副司局级', 'en')).toEqual(['Excluded: nominees where rank is vice-bureau level or above.']);
    expect(say('when rank = "处(团)级" {\n  require front-line\n}', 'zh')).toEqual(['职级为处(团)级的，须一线。']);
    // The same rule under two of its names is still the same rule.
    const d = doc(`${HEADER}exclude rank >= 副司局级\nexclude rank >= 副厅局级`);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['AR3016']);
  });

  it('reads look-back windows, tenure and publicity the way notices write them', () => {
    expect(say('require no violation within 5 years', 'zh')).toEqual(['须近5年内无违法违纪。']);
    expect(say('field w "从事信访工作": tenure\nrequire w >= 3 years', 'zh')).toEqual(['须从事信访工作满3年。']);
    expect(say('stage s "上报"\npublicity >= 5 workdays at unit before s', 'zh')).toEqual(['“上报”之前，在本单位公示不少于5个工作日。']);
    expect(say('stage s "上报"\npublicity >= 5 days at unit before s', 'en')).toEqual(['Publicised at the nominee\'s unit for at least 5 calendar days before “上报”.']);
  });

  it('reads periods of fixed dates as years when they are whole years, else as dates, one day as that day', () => {
    const rules = 'require no violation during 2018..2020\nrequire no violation during 2020\nrequire no violation during 2018-07-01..2020\nrequire no violation since 2020\nrequire no violation during 2021-07-01';
    expect(say(rules, 'zh')).toEqual(['须2018年至2020年期间无违法违纪。', '须2020年期间无违法违纪。', '须2018-07-01至2020-12-31期间无违法违纪。', '须2020-01-01以来无违法违纪。', '须2021-07-01当天无违法违纪。']);
    expect(say(rules, 'en').map((t) => t.replace(/^Required: no record of violation of law or discipline /, ''))).toEqual(['in 2018–2020.', 'in 2020.', 'between 2018-07-01 and 2020-12-31.', 'since 2020-01-01.', 'on 2021-07-01.']);
  });

  it('reads a period on a date field, or its two ends compared, as a period; other comparisons as they are', () => {
    const rules = 'field hired "入职时间" "hired": date\nrequire hired during 2010..2015\nrequire hired >= 2021-07-01 and hired <= 2021-12-31\nrequire hired >= 2021-07-01 and hired < 2021-12-31';
    expect(say(rules, 'zh')).toEqual(['须入职时间在2010年至2015年期间。', '须入职时间在2021-07-01至2021-12-31期间。', '须入职时间不早于2021-07-01，且入职时间早于2021-12-31。']);
    expect(say(rules, 'en')).toEqual(['Required: hired in 2010–2015.', 'Required: hired between 2021-07-01 and 2021-12-31.', 'Required: hired on or after 2021-07-01 and hired before 2021-12-31.']);
  });

  it('groups rules by award, with notice-wide rules first', () => {
    const d = doc(`${HEADER}exclude rank >= bureau\naward a "甲奖" "Award A" for individual {\n  quota <= 10\n}`);
    const e = explain(d.model, 'zh');
    expect(e.sections.map((s) => s.heading)).toEqual(['适用于全部奖项', '甲奖（个人）']);
    expect(e.sections[1]!.rules.map((r) => r.text)).toEqual(['表彰名额不超过10名。']);
    expect(explain(d.model, 'en').sections[1]!.heading).toBe('Award A (individual)');
  });

  it('brackets a condition group inside another, so that different groupings never read the same', () => {
    expect(say('require front-line and (grassroots or rank = clerk)', 'zh')).toEqual(['须一线，且（基层或职级为科员）。']);
    expect(say('require (front-line and grassroots) or rank = clerk', 'zh')).toEqual(['须（一线且基层），或职级为科员。']);
    expect(say('require front-line and grassroots or rank = clerk', 'zh')).toEqual(['须（一线且基层），或职级为科员。']);
    expect(say('require front-line and (grassroots or rank = clerk)', 'en')).toEqual(['Required: “works on the front line” and (“works at the grassroots” or rank is clerk).']);
    expect(say('require (front-line and grassroots) or rank = clerk', 'en')).toEqual(['Required: (“works on the front line” and “works at the grassroots”) or rank is clerk.']);
    // A flat condition needs no brackets, and a list of one field's values stays one phrase.
    expect(say('require front-line and grassroots', 'zh')).toEqual(['须一线，且基层。']);
    expect(say('require front-line and (identity has cadre or identity has volunteer)', 'zh')[0]).not.toContain('（');
  });

  it('says the bound of copies and characters in words, in both languages', () => {
    expect(say('material m "材料" copies <= 3', 'en')).toEqual(['材料: at most 3 copies.']);
    expect(say('material m "材料" copies <= 3', 'zh')).toEqual(['材料：一式不超过3份。']);
    expect(say('material m "材料" copies >= 3 chars < 1500', 'en')).toEqual(['材料: fewer than 1500 characters, 3 copies.']);
    expect(say('material m "材料" copies > 3', 'en')).toEqual(['材料: more than 3 copies.']);
  });
});
