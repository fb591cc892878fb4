/**
 * What each kind of rule finds on a small slate, run through both implementations (the reference
 * interpreter and the compiled validator), which must agree finding for finding. Expectations are
 * written from the notices' wording and the counting rules of grammar/REFERENCE.md §15, per case.
 */
import { describe, expect, it } from 'vitest';
import type { ValidationOptions, ValidationResult } from '@awardrules/runtime';
import { brief, implementations } from './support.js';

/** A notice with one deadline (the reference date) and two awards; each case adds its rules. */
const PRELUDE = `notice { title "测试通知" issued 2024-01-01 tags T reference submission }
deadline submission "推荐材料报送" by 2024-03-15 #T-DEADLINE-1
deadline review "省级审核" by 2024-04-30 #T-DEADLINE-2
stage decision "确定表彰对象"
extend region { east "东区" west "西区" }
field work "从事相关工作" "related work": tenure
field new-contribution "新的突出贡献时间" "new contribution": date
field model-worker "劳动模范" "model worker": yes/no
`;

type Nominee = Record<string, unknown>;
const person = (id: string, more: Nominee = {}): Nominee => ({ id, name: `个人${id}`, award: 'person', ...more });
const org = (id: string, more: Nominee = {}): Nominee => ({ id, name: `集体${id}`, award: 'org', ...more });

interface Case {
  readonly name: string;
  /** Rules inside the awards (`person`: individuals, `org`: collectives) and at the top level. */
  readonly person?: string;
  readonly org?: string;
  readonly top?: string;
  readonly nominees: readonly Nominee[];
  readonly options?: ValidationOptions;
  /** `tag nominee severity`, any order. */
  readonly expect: readonly string[];
}

function ruleFile(c: Case): string {
  return `${PRELUDE}${c.top ?? ''}
award person "先进个人" "Advanced individual" for individual {
${c.person ?? ''}
}
award org "先进集体" "Advanced collective" for collective {
${c.org ?? ''}
}
`;
}

/** Runs both implementations; they must agree exactly, and the findings must be the expected ones. */
async function run(c: Case): Promise<ValidationResult> {
  const impl = await implementations(ruleFile(c));
  const input = { nominees: c.nominees };
  const interpreted = impl.interpreted(input, c.options);
  expect(impl.compiled(input, c.options)).toEqual(interpreted);
  expect(interpreted.findings.map(brief).sort()).toEqual([...c.expect].sort());
  return interpreted;
}

function cases(title: string, list: readonly Case[]): void {
  describe(title, () => {
    for (const c of list) it(c.name, async () => { await run(c); });
  });
}

cases('full years (满N年) and look-back windows (近N年), to the reference date 2024-03-15', [
  {
    name: 'five full years on the very day; a day short is an error',
    person: 'require work >= 5 years #T-REQUIRE-1',
    nominees: [person('A', { work: '2019-03-15' }), person('B', { work: '2019-03-16' })],
    expect: ['T-REQUIRE-1 B error'],
  },
  {
    name: 'a start on 29 February counts its anniversaries from 1 March in common years',
    person: 'require work >= 4 years #T-REQUIRE-1',
    nominees: [person('A', { work: '2020-02-29' })],
    options: { referenceDate: '2024-02-28' },
    expect: ['T-REQUIRE-1 A error'],
  },
  {
    name: 'a violation exactly five years before is outside the window; the day after is inside',
    top: 'require no violation within 5 years #T-REQUIRE-2',
    nominees: [person('A', { records: [{ kind: 'violation', date: '2019-03-15' }] }), person('B', { records: [{ kind: 'violation', date: '2019-03-16' }] }),
      org('C', { records: [{ kind: 'sanction', date: '2023-01-01' }] })],
    expect: ['T-REQUIRE-2 B error'],
  },
  {
    name: 'a record without a date cannot be placed in the window: a data error naming the rule',
    top: 'require no violation within 5 years #T-REQUIRE-2',
    nominees: [person('A', { records: [{ kind: 'violation' }] })],
    expect: ['data A error'],
  },
  {
    name: 'a period of years runs from 1 January of the first through 31 December of the last, both included',
    top: 'require no violation during 2018..2020 #T-REQUIRE-2',
    nominees: [person('A', { records: [{ kind: 'violation', date: '2017-12-31' }] }), person('B', { records: [{ kind: 'violation', date: '2018-01-01' }] }),
      person('C', { records: [{ kind: 'violation', date: '2020-12-31' }] }), person('D', { records: [{ kind: 'violation', date: '2021-01-01' }] })],
    expect: ['T-REQUIRE-2 B error', 'T-REQUIRE-2 C error'],
  },
  {
    name: 'since has no end; a record without a date cannot be placed in a period',
    top: 'exclude records has sanction since 2023-07-01 #T-EXCLUDE-2',
    nominees: [person('A', { records: [{ kind: 'sanction', date: '2023-06-30' }] }), person('B', { records: [{ kind: 'sanction', date: '2023-07-01' }] }),
      person('C', { records: [{ kind: 'sanction', date: '2030-01-01' }] }), person('D', { records: [{ kind: 'sanction' }] })],
    expect: ['T-EXCLUDE-2 B error', 'T-EXCLUDE-2 C error', 'data D error'],
  },
  {
    name: 'a dated record in the window or period decides, whatever the records without a date hold',
    top: 'require no violation within 5 years #T-REQUIRE-2\nexclude records has sanction during 2020..2021 #T-EXCLUDE-2',
    nominees: [person('A', { records: [{ kind: 'violation' }, { kind: 'violation', date: '2023-01-01' }] }),
      person('B', { records: [{ kind: 'sanction' }, { kind: 'sanction', date: '2021-05-01' }] }),
      person('C', { records: [{ kind: 'sanction' }, { kind: 'sanction', date: '2019-05-01' }] })],
    expect: ['T-REQUIRE-2 A error', 'T-EXCLUDE-2 B error', 'data C error'],
  },
  {
    name: 'a period on a date field is its two ends compared',
    person: 'require new-contribution during 2021-07-01..2021-12-31 #T-REQUIRE-1',
    nominees: [person('A', { newContribution: '2021-06-30' }), person('B', { newContribution: '2021-07-01' }), person('C', { newContribution: '2022-01-01' })],
    expect: ['T-REQUIRE-1 A error', 'T-REQUIRE-1 C error'],
  },
  {
    name: 'the caller may move the reference date',
    person: 'require work >= 5 years #T-REQUIRE-1',
    nominees: [person('A', { work: '2019-03-15' })],
    options: { referenceDate: '2024-03-14' },
    expect: ['T-REQUIRE-1 A error'],
  },
  {
    name: 'a reference date that is not a date is an input error, and the rule file’s date is kept',
    person: 'require work >= 5 years #T-REQUIRE-1',
    nominees: [person('A', { work: '2019-03-15' })],
    options: { referenceDate: '2024-02-30' },
    expect: ['data slate error'],
  },
]);

cases('exclude, require, scope and unless', [
  {
    name: 'exclude by rank, with an ordered comparison',
    top: 'exclude rank >= vice-bureau #T-EXCLUDE-1',
    nominees: [person('A', { rank: 'vice-bureau' }), person('B', { rank: 'county' }), person('C', { rank: 'ministerial' })],
    expect: ['T-EXCLUDE-1 A error', 'T-EXCLUDE-1 C error'],
  },
  {
    name: 'unless lifts the exclusion only inside its window',
    top: 'exclude honours has provincial-ministerial-honour unless new-contribution within 5 years #T-EXCLUDE-3',
    nominees: [
      person('A', { honours: [{ kind: 'provincial-ministerial-honour', date: '2015-01-01' }], newContribution: '2022-06-01' }),
      person('B', { honours: [{ kind: 'provincial-ministerial-honour', date: '2015-01-01' }], newContribution: '2019-03-15' }),
      person('C', { honours: [{ kind: 'provincial-ministerial-honour', date: '2015-01-01' }] }),
      person('D', { honours: [{ kind: 'city-honour', date: '2015-01-01' }] }),
    ],
    // C: an exception must be shown (如在近5年内作出新的突出贡献，可以参加评选); without the date it is not,
    // so C is excluded, and the finding says the exception is not shown.
    expect: ['T-EXCLUDE-3 B error', 'T-EXCLUDE-3 C error'],
  },
  {
    name: 'scope: a nominee outside it is an error; a missing value is a data error, not a guess',
    org: 'scope body in {social-group, foundation} #T-SCOPE-1',
    nominees: [org('A', { body: 'social-group' }), org('B', { body: 'enterprise' }), org('C')],
    expect: ['T-SCOPE-1 B error', 'data C error'],
  },
  {
    name: 'three-valued: a known true side of `or` decides, an unknown side does not matter',
    person: 'require model-worker or rank <= section #T-REQUIRE-1',
    nominees: [person('A', { modelWorker: true }), person('B', { rank: 'county' }), person('C', { rank: 'county', modelWorker: false })],
    expect: ['data B error', 'T-REQUIRE-1 C error'],
  },
  {
    name: 'three-valued: a known false side of `and` decides',
    person: 'require model-worker and rank <= section #T-REQUIRE-1',
    nominees: [person('A', { modelWorker: false }), person('B', { modelWorker: true })],
    expect: ['T-REQUIRE-1 A error', 'data B error'],
  },
  {
    name: 'a rule inside an award ignores the other award’s nominees',
    person: 'require rank <= section #T-REQUIRE-1',
    nominees: [org('A', { rank: 'bureau' }), person('B', { rank: 'section' })],
    expect: [],
  },
  {
    name: 'a `when` block applies its rules only under its condition',
    top: 'when region = east {\n  require model-worker #T-REQUIRE-1\n}',
    nominees: [person('A', { region: 'east', modelWorker: false }), person('B', { region: 'west', modelWorker: false })],
    expect: ['T-REQUIRE-1 A error'],
  },
  {
    name: '`soft` (原则上) turns an error into a warning',
    person: 'soft require rank <= section #T-REQUIRE-1',
    nominees: [person('A', { rank: 'county' })],
    expect: ['T-REQUIRE-1 A warning'],
  },
  {
    name: 'a missing value that only a soft rule needs is a warning',
    person: 'soft require rank <= section #T-REQUIRE-1',
    nominees: [person('A')],
    expect: ['data A warning'],
  },
]);

cases('attest', [
  {
    name: 'all of, with a nested any of',
    person: 'attest all of {\n  duty "履职尽责"\n  any of {\n    front "深入一线"\n    steady "坚守岗位"\n  }\n} #T-ATTEST-1',
    nominees: [person('A', { attested: ['duty', 'steady'] }), person('B', { attested: ['duty'] }), person('C', { attested: ['front', 'steady'] }), person('D', { attested: [] })],
    expect: ['T-ATTEST-1 B error', 'T-ATTEST-1 C error', 'T-ATTEST-1 D error'],
  },
  {
    name: 'any of: one is enough',
    org: 'attest any of {\n  a "甲"\n  b "乙"\n} #T-ATTEST-2',
    nominees: [org('A', { attested: ['b'] }), org('B', { attested: [] })],
    expect: ['T-ATTEST-2 B error'],
  },
]);

const SIX = (more: (i: number) => Nominee) => ['1', '2', '3', '4', '5', '6'].map((id, i) => person(`P${id}`, more(i)));

cases('caps (比例)', [
  {
    name: 'of recommended: 2 of 6 county-level is 33%, above 20%',
    person: 'cap rank = county-level <= 20% of recommended #T-CAP-1',
    nominees: SIX((i) => ({ rank: i < 2 ? 'county' : 'section' })),
    expect: ['T-CAP-1 slate error'],
  },
  {
    name: 'of recommended: exactly 20% is within the cap',
    person: 'cap rank = county-level <= 20% of recommended #T-CAP-1',
    nominees: [...SIX((i) => ({ rank: i < 1 ? 'county' : 'section' })), org('O1'), org('O2'), org('O3'), org('O4')].slice(0, 5),
    expect: [],
  },
  {
    name: 'without `in`, the total counts every award: 2 of 10 nominees',
    person: 'cap rank = county-level <= 20% of recommended #T-CAP-1',
    nominees: [...SIX((i) => ({ rank: i < 2 ? 'county' : 'section' })), org('O1'), org('O2'), org('O3'), org('O4')],
    expect: [],
  },
  {
    name: 'with `in person`, only individuals count: 2 of 6',
    person: 'cap rank = county-level <= 20% of recommended in person #T-CAP-1',
    nominees: [...SIX((i) => ({ rank: i < 2 ? 'county' : 'section' })), org('O1'), org('O2'), org('O3'), org('O4')],
    expect: ['T-CAP-1 slate error'],
  },
  {
    name: 'of selected: only the selected count',
    person: 'cap rank = county-level <= 20% of selected #T-CAP-1',
    nominees: SIX((i) => ({ rank: i < 2 ? 'county' : 'section', selected: i !== 0 })),
    // 1 county-level among 5 selected: 20%.
    expect: [],
  },
  {
    name: 'of selected, when the slate says nobody is selected or not: not checked, a note',
    person: 'cap rank = county-level <= 20% of selected #T-CAP-1',
    nominees: SIX((i) => ({ rank: i < 2 ? 'county' : 'section' })),
    expect: ['T-CAP-1 slate info'],
  },
  {
    name: 'per region: each region separately',
    person: 'cap rank = county-level <= 50% of recommended per region #T-CAP-1',
    nominees: SIX((i) => ({ rank: i === 0 || i === 1 || i === 3 ? 'county' : 'section', region: i < 3 ? 'east' : 'west' })),
    // east: 2 of 3 (67%); west: 1 of 3.
    expect: ['T-CAP-1 slate error'],
  },
  {
    name: 'a floor (不低于)',
    person: 'cap front-line >= 50% of recommended #T-CAP-1',
    nominees: SIX((i) => ({ frontLine: i < 2 })),
    expect: ['T-CAP-1 slate error'],
  },
  {
    name: 'soft cap: a warning',
    person: 'soft cap rank = county-level <= 20% of recommended #T-CAP-1',
    nominees: SIX((i) => ({ rank: i < 2 ? 'county' : 'section' })),
    expect: ['T-CAP-1 slate warning'],
  },
  {
    name: 'controlled (从严控制): a warning for review when the group is on the slate, nothing otherwise',
    org: 'cap body = enterprise controlled #T-CAP-2',
    nominees: [org('A', { body: 'enterprise' }), org('B', { body: 'institution' })],
    expect: ['T-CAP-2 slate warning'],
  },
  {
    name: 'controlled, with no enterprise on the slate',
    org: 'cap body = enterprise controlled #T-CAP-2',
    nominees: [org('B', { body: 'institution' })],
    expect: [],
  },
  {
    name: 'a nominee whose group cannot be decided is reported when it could change the outcome',
    person: 'cap rank = county-level <= 20% of recommended #T-CAP-1',
    // 1 of 5 is 20%; if P5 is county-level too, 2 of 5 is 40%.
    nominees: SIX((i) => (i === 4 ? {} : { rank: i === 0 ? 'county' : 'section' })).slice(0, 5),
    expect: ['data P5 error'],
  },
  {
    name: '… and not when it could not: at most 1 of 6 is within 20%',
    person: 'cap rank = county-level <= 20% of recommended #T-CAP-1',
    nominees: SIX((i) => (i === 5 ? {} : { rank: 'section' })),
    expect: [],
  },
  {
    name: 'a cap exceeded whatever the undecided turn out to be fails',
    person: 'cap rank = county-level <= 20% of recommended #T-CAP-1',
    // 3 of 6 county-level at the least (50%).
    nominees: SIX((i) => (i === 5 ? {} : { rank: i < 3 ? 'county' : 'section' })),
    expect: ['T-CAP-1 slate error'],
  },
  {
    name: 'a quota exceeded whatever an undecided selection turns out to be fails; a region it cannot affect is not held up',
    top: 'table allocation "名额分配表" by region (person) {\n  east 2\n  west 2\n}',
    person: 'quota per region <= allocation #T-QUOTA-2',
    nominees: [
      person('A', { region: 'east', selected: true }), person('B', { region: 'east', selected: true }), person('C', { region: 'east', selected: true }),
      person('D', { region: 'west', selected: true }), person('E', { region: 'west' }),
    ],
    // E's selection is not given (the slate marks others): west has 1 or 2 of 2, within either way.
    expect: ['T-QUOTA-2 slate error'],
  },
  {
    name: 'an exemption that cannot be decided is reported where it matters',
    person: 'quota <= 2 #T-QUOTA-1\n  exempt model-worker from quota #T-QUOTA-3',
    nominees: SIX((i) => ({ selected: i < 3, ...(i === 0 ? {} : { modelWorker: false }) })),
    // 2 counted for sure; P1 makes 3 unless it is a model worker.
    expect: ['data P1 error'],
  },
]);

cases('quota, recommend and exempt', [
  {
    name: 'quota counts the selected',
    person: 'quota <= 2 #T-QUOTA-1',
    nominees: SIX((i) => ({ selected: i < 3 })),
    expect: ['T-QUOTA-1 slate error'],
  },
  {
    name: 'quota per region from a table',
    top: 'table allocation "名额分配表" by region (person) {\n  east 2\n  west 1\n}',
    person: 'quota per region <= allocation #T-QUOTA-2',
    nominees: SIX((i) => ({ selected: true, region: i < 2 ? 'east' : i < 4 ? 'west' : undefined })).slice(0, 4),
    expect: ['T-QUOTA-2 slate error'],
  },
  {
    name: 'exempt nominees do not count against the quota',
    person: 'quota <= 2 #T-QUOTA-1\n  exempt model-worker from quota #T-QUOTA-3',
    nominees: SIX((i) => ({ selected: i < 3, modelWorker: i === 0 })),
    expect: [],
  },
  {
    name: 'recommend at least 120% of the quota (差额推荐)',
    org: 'quota <= 5 #T-QUOTA-1\n  recommend >= 120% of quota #T-QUOTA-4',
    nominees: ['1', '2', '3', '4', '5'].map((id) => org(id)),
    // The quota itself counts the selected, which this slate does not mark: a note.
    expect: ['T-QUOTA-4 slate error', 'T-QUOTA-1 slate info'],
  },
  {
    name: 'recommend per recommender, only where the condition holds',
    top: 'recommend per recommender <= 1 where region = east #T-QUOTA-5',
    nominees: [person('A', { region: 'east', recommender: '甲部' }), person('B', { region: 'east', recommender: '甲部' }),
      person('C', { region: 'west', recommender: '乙厅' }), person('D', { region: 'west', recommender: '乙厅' })],
    expect: ['T-QUOTA-5 slate error'],
  },
]);

cases('route, consult, deadline, prefer', [
  {
    name: 'route: the first matching case decides the value',
    top: `extend reviewer { prison-bureau "省监狱管理局" city-bureau "市司法局" }
enum unit-type "单位类别" { prison "监狱" city "市司法局" }
field unit-type "单位类别": unit-type
route reviewer {
  unit-type = prison -> prison-bureau
  unit-type = city -> city-bureau
} #T-ROUTE-1`,
    nominees: [person('A', { unitType: 'prison', reviewer: 'prison-bureau' }), person('B', { unitType: 'prison', reviewer: 'city-bureau' }),
      person('C', { unitType: 'city' })],
    expect: ['T-ROUTE-1 B error', 'data C error'],
  },
  {
    name: 'consult: every department must be on file',
    top: 'when body in organ-or-institution {\n  consult {organisation-personnel, discipline-inspection} #T-CONSULT-1\n}',
    nominees: [org('A', { body: 'organ', consulted: ['organisation-personnel', 'discipline-inspection'] }), org('B', { body: 'institution', consulted: ['organisation-personnel'] }),
      org('C', { body: 'enterprise', consulted: [] })],
    expect: ['T-CONSULT-1 B error'],
  },
  {
    name: 'deadline: on the day is in time; a nominee with no date has not been submitted yet',
    nominees: [person('A', { submitted: { submission: '2024-03-15' } }), person('B', { submitted: { submission: '2024-03-16' } }), person('C')],
    expect: ['T-DEADLINE-1 B error'],
  },
  {
    name: 'prefer: a note, never an error',
    top: 'prefer front-line "向一线倾斜" #T-PRIORITY-1',
    nominees: SIX((i) => ({ frontLine: i < 2 })),
    expect: ['T-PRIORITY-1 slate info'],
  },
]);

cases('publicity (公示)', [
  {
    name: 'working days across the 2024 Spring Festival count the make-up Sunday and skip the holiday',
    top: 'publicity >= 5 workdays at unit before submission #T-PUBLICITY-1',
    nominees: [
      // 02-05..02-09 (5), 02-10..02-17 holiday, 02-18 a make-up Sunday, 02-19: 7 working days.
      person('A', { publicityRecords: [{ level: 'unit', start: '2024-02-05', end: '2024-02-19' }], submitted: { submission: '2024-02-20' } }),
      // 02-07, 02-08, 02-09, 02-18: 4.
      person('B', { publicityRecords: [{ level: 'unit', start: '2024-02-07', end: '2024-02-18' }], submitted: { submission: '2024-02-19' } }),
    ],
    expect: ['T-PUBLICITY-1 B error'],
  },
  {
    name: 'calendar days count every day',
    top: 'publicity >= 5 days at unit before submission #T-PUBLICITY-1',
    nominees: [
      person('A', { publicityRecords: [{ level: 'unit', start: '2024-02-09', end: '2024-02-13' }], submitted: { submission: '2024-02-20' } }),
      person('B', { publicityRecords: [{ level: 'unit', start: '2024-02-09', end: '2024-02-12' }], submitted: { submission: '2024-02-20' } }),
    ],
    expect: ['T-PUBLICITY-1 B error'],
  },
  {
    name: 'before a stage: the publicity must end before the nominee was submitted',
    top: 'publicity >= 5 workdays at unit before submission #T-PUBLICITY-1',
    nominees: [person('A', { publicityRecords: [{ level: 'unit', start: '2024-03-04', end: '2024-03-08' }], submitted: { submission: '2024-03-08' } })],
    expect: ['T-PUBLICITY-1 A error'],
  },
  {
    name: 'no publicity at all',
    top: 'publicity >= 5 workdays at unit before submission #T-PUBLICITY-1',
    nominees: [person('A', { submitted: { submission: '2024-03-08' } })],
    expect: ['T-PUBLICITY-1 A error'],
  },
  {
    name: 'at each unit: a nominee with two units is publicised at both',
    top: 'publicity >= 5 workdays at each unit before submission #T-PUBLICITY-2',
    nominees: [
      person('A', { units: ['甲协会', '乙中心'], submitted: { submission: '2024-03-11' },
        publicityRecords: [{ level: 'unit', unit: '甲协会', start: '2024-03-04', end: '2024-03-08' }, { level: 'unit', unit: '乙中心', start: '2024-03-04', end: '2024-03-08' }] }),
      person('B', { units: ['甲协会', '乙中心'], submitted: { submission: '2024-03-11' },
        publicityRecords: [{ level: 'unit', unit: '甲协会', start: '2024-03-04', end: '2024-03-08' }] }),
    ],
    expect: ['T-PUBLICITY-2 B error'],
  },
  {
    name: 'between two stages',
    top: 'publicity >= 5 workdays at province after submission before review #T-PUBLICITY-3',
    nominees: [
      person('A', { submitted: { submission: '2024-03-01', review: '2024-04-20' }, publicityRecords: [{ level: 'province', start: '2024-03-25', end: '2024-03-29' }] }),
      // Starts before the nominee reached the province (and reached it late).
      person('B', { submitted: { submission: '2024-03-27', review: '2024-04-20' }, publicityRecords: [{ level: 'province', start: '2024-03-25', end: '2024-03-29' }] }),
    ],
    expect: ['T-PUBLICITY-3 B error', 'T-DEADLINE-1 B error'],
  },
  {
    name: 'a publicity before a stage without a deadline, not reached yet, is not due',
    top: 'publicity >= 5 workdays at province after review before decision #T-PUBLICITY-4',
    nominees: [person('A', { submitted: { submission: '2024-03-01' } })],
    expect: [],
  },
  {
    name: 'a year the calendar does not know cannot be counted: an error that says so',
    top: 'publicity >= 5 workdays at province #T-PUBLICITY-5',
    nominees: [person('A', { publicityRecords: [{ level: 'province', start: '2031-03-03', end: '2031-03-07' }] })],
    expect: ['T-PUBLICITY-5 A error'],
  },
  {
    name: 'the caller may supply the year',
    top: 'publicity >= 5 workdays at province #T-PUBLICITY-5',
    nominees: [person('A', { publicityRecords: [{ level: 'province', start: '2031-03-03', end: '2031-03-07' }] })],
    // 2031-03-05 declared a day off: 4 working days.
    options: { calendar: [{ year: 2031, off: ['2031-03-05'], on: [] }] },
    expect: ['T-PUBLICITY-5 A error'],
  },
  {
    name: 'the caller’s year, with every day of the period a working day',
    top: 'publicity >= 5 workdays at province #T-PUBLICITY-5',
    nominees: [person('A', { publicityRecords: [{ level: 'province', start: '2031-03-03', end: '2031-03-07' }] })],
    options: { calendar: [{ year: 2031, off: [], on: [] }] },
    expect: [],
  },
  {
    name: 'a supplied calendar with a day that is not of its year is reported, and that year left out',
    top: 'publicity >= 5 workdays at province #T-PUBLICITY-5',
    nominees: [person('A', { publicityRecords: [{ level: 'province', start: '2031-03-03', end: '2031-03-07' }] })],
    options: { calendar: [{ year: 2031, off: ['2030-10-01'], on: [] }] },
    expect: ['data slate error', 'T-PUBLICITY-5 A error'],
  },
]);

cases('materials (申报材料)', [
  {
    name: 'characters, copies and electronic versions',
    top: 'material deeds "事迹材料" chars <= 1500, copies >= 3, electronic #T-MATERIAL-1',
    nominees: [
      person('A', { materials: { deeds: { chars: 1500, copies: 3, electronic: true } } }),
      person('B', { materials: { deeds: { chars: 1501, copies: 3, electronic: true } } }),
      person('C', { materials: { deeds: { chars: 1200, copies: 2, electronic: true } } }),
      person('D', { materials: { deeds: { chars: 1200, copies: 3, electronic: false } } }),
    ],
    expect: ['T-MATERIAL-1 B error', 'T-MATERIAL-1 C error', 'T-MATERIAL-1 D error'],
  },
  {
    name: 'about N characters allows a fifth either way',
    top: 'material brief "简要事迹" chars about 300 #T-MATERIAL-2',
    nominees: [240, 239, 360, 361].map((chars, i) => person(`N${i}`, { materials: { brief: { chars } } })),
    expect: ['T-MATERIAL-2 N1 error', 'T-MATERIAL-2 N3 error'],
  },
  {
    name: 'a photo: format, size and file name',
    top: 'material photo "证件照" format jpg size 50..500 KB named "{name}-{birth-date:yyyyMMdd}" electronic #T-MATERIAL-3',
    nominees: [
      person('A', { birthDate: '1980-05-06', materials: { photo: { fileName: '个人A-19800506.jpg', bytes: 200_000, format: 'jpg', electronic: true } } }),
      person('B', { birthDate: '1980-05-06', materials: { photo: { fileName: '个人B-19800506.png', bytes: 200_000, format: 'png', electronic: true } } }),
      person('C', { birthDate: '1980-05-06', materials: { photo: { fileName: '个人C-19800506.jpg', bytes: 600_000, format: 'jpg', electronic: true } } }),
      person('D', { birthDate: '1980-05-06', materials: { photo: { fileName: '个人D.jpg', bytes: 200_000, format: 'jpg', electronic: true } } }),
    ],
    expect: ['T-MATERIAL-3 B error', 'T-MATERIAL-3 C error', 'T-MATERIAL-3 D error'],
  },
  {
    name: 'an optional material is checked only when there is one',
    top: 'material honours "荣誉复印件" copies >= 2 optional #T-MATERIAL-4',
    nominees: [person('A'), person('B', { materials: { honours: { copies: 1 } } })],
    expect: ['T-MATERIAL-4 B error'],
  },
]);

describe('the result', () => {
  it('counts findings by severity, and traces one nominee rule by rule in file order', async () => {
    const result = await run({
      name: 'trace',
      top: 'exclude rank >= vice-bureau #T-EXCLUDE-1\nprefer front-line #T-PRIORITY-1',
      person: 'require work >= 5 years #T-REQUIRE-1\n  soft require rank <= section #T-REQUIRE-2',
      nominees: [person('A', { rank: 'county', work: '2010-01-01', frontLine: true }), person('B', { rank: 'bureau' })],
      options: { trace: 'A' },
        // B's missing work blocks an error; its missing front-line only the preference, so that is a note
      // (and the preference gives no share until every nominee is known).
      expect: ['T-EXCLUDE-1 B error', 'T-REQUIRE-2 A warning', 'T-REQUIRE-2 B warning', 'data B error', 'data B info'],
    });
    expect(result.summary).toEqual({ nominees: 2, errors: 2, warnings: 2, infos: 1 });
    // The deadlines do not concern A, which has not been submitted; the preference waits for B's value.
    expect(result.trace?.map((e) => `${e.tags[0]} ${e.outcome}`)).toEqual([
      'T-DEADLINE-1 not-applicable', 'T-DEADLINE-2 not-applicable', 'T-EXCLUDE-1 passed', 'T-PRIORITY-1 unknown', 'T-REQUIRE-1 passed', 'T-REQUIRE-2 failed',
    ]);
  });

  it('names the nominee, its row and the rule’s place in the rule file, in both languages', async () => {
    const impl = await implementations(ruleFile({ name: '', nominees: [], expect: [], person: 'require work >= 5 years #T-REQUIRE-1 @二(一)3' }));
    const [finding] = impl.compiled({ nominees: [person('A', { work: '2022-01-01', row: 7 })] }).findings;
    expect(finding).toMatchObject({ rule: 'T-REQUIRE-1', clause: '二(一)3', nominee: { id: 'A', name: '个人A', row: 7 }, fields: ['work'] });
    expect(finding!.message.zh).toMatch(/从事相关工作/);
    expect(finding!.message.en).toMatch(/related work/);
    // The prelude's lines, the (empty) top-level rules, the award line, then the rule.
    expect(finding!.location?.line).toBe(PRELUDE.split('\n').length - 1 + 3);
  });
});
