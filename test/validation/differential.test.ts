/**
 * Differential test: the reference interpreter and the validator the compiler emits must give exactly
 * the same result (findings in order, summary, trace) on every slate, for the five example rule files
 * and for small rule files written here that exercise every rule kind and every form of condition.
 *
 * 1. Agreement on generated slates that sit on the boundaries (arbitraries.ts): dates on and next to
 *    R − N years and around holidays, counts exactly at a quota or share and one past it, missing values.
 * 2. Robustness: malformed input never makes either validator throw; it gives data findings that name
 *    the nominee and the field, and both still agree.
 *
 * Seeds are fixed (FC_SEED=<n> replays another, FC_SEED=random explores; FC_RUNS=<factor> scales the
 * runs). A counterexample fast-check finds is shrunk and saved to regressions/, and the `regressions`
 * test replays every saved case.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { slateSchema } from '@awardrules/language';
import type { ValidationOptions, ValidationResult } from '@awardrules/runtime';
import { ROOT } from '../support.js';
import { caseArbitrary, hintsOf, malformedArbitrary, type Case, type ExpectedIssue, type MalformedCase } from './arbitraries.js';
import { implementations, type Implementations, type Validate } from './support.js';

// ── Seed policy (as in test/properties/support.ts) ─────────────────────────────────────────────
const DEFAULT_SEED = 20_231_225;
const SEED = (() => {
  const raw = process.env['FC_SEED'];
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer or "random", not ${raw}`);
  return n;
})();
const RUN_FACTOR = Number(process.env['FC_RUNS'] ?? 1) || 1;
const runs = (n: number): number => Math.max(1, Math.round(n * RUN_FACTOR));
if (SEED !== DEFAULT_SEED) console.log(`fast-check seed: ${SEED}`);
fc.configureGlobal({ seed: SEED, numRuns: runs(100), endOnFailure: false });

// ── Rule files ─────────────────────────────────────────────────────────────────────────────────
/** Small rule files for the forms the examples do not use. Tables are inline. */
const INLINE: Readonly<Record<string, string>> = {
  // Every form of condition, with a reference date on 29 February.
  conditions: `notice "差分〔2024〕1号" {
  title "条件测试"
  issued 2024-01-02
  reference 2024-02-29
}
extend sector { petition "信访" }
enum assessment "考核等次" ordered { basic "基本称职", competent "称职", excellent "优秀" }
enum certificate "资格证书" { lawyer "律师资格", notary "公证员资格", auditor "审计师资格" }
enum reward "奖励" { merit "记功", commendation "嘉奖" }
field serving "在职": yes/no
field staff-count "职工人数": number
field pass-rate "年度检查合格率": percent
field unit-name "单位全称": text
field founded "成立日期": date
field petition-work "从事信访工作": tenure
field years-in-post "任现职年限": years
field months-in-post "任现职月数": months
field volunteer-days "志愿服务天数": days
field last-assessment "上一年度考核": assessment
field licence "执业资格": certificate valid
field certificates "所持证书": set of certificate
field rewards "奖励记录": events of reward
field new-contribution "近年作出新的突出贡献的时间": date

exclude rank >= vice-bureau
exclude honours has provincial-ministerial-honour unless new-contribution within 5 years
require no {violation, sanction} within 5 years unless serving and not front-line
soft require no records within 3 years
exclude honours has national-honour within 3 years
require not (body = enterprise and identity has enterprise-head)
exclude records has sanction since 2023-03-01 unless records has violation during 2020..2022-06-30

award team "先进集体" for collective {
  scope kind = collective and body in organ-or-institution or body = social-group
  require staff-count >= 10 or pass-rate >= 90%
  require pass-rate > 50% and staff-count < 500
  require founded <= 2019-01-01 or founded within 2 years
  require founded during 2010..2019-12-31 or founded since 2023-06-01
  require unit-name != "无" unless unit-name = "某某\\"示范\\"单位"
  require level in {county..province} or sector = petition
  soft require rating >= 4A valid
  require rating valid or rating in {3A, 5A}
}

award person "先进个人" for individual {
  scope rank <= county-level
  require petition-work >= 3 years or age >= 50 years
  require petition-work >= 18 months and age < 60 years unless grassroots
  require petition-work >= 400 days or years-in-post >= 2 years
  require months-in-post >= 18 months or volunteer-days >= 100 days
  require last-assessment >= competent
  require licence = lawyer valid or certificates has all {lawyer, notary}
  require certificates has any {lawyer, auditor} or not certificates has notary
  require rewards has merit within 3 years or rewards within 6 months or rewards has commendation
  require rewards has all {merit, commendation} during 2020..2023 or rewards since 2024-02-29 or not rewards has merit within 2 years
  require birth-date <= 1999-02-28 and birth-date > 1959-03-01
  require gender = female or party not in {masses} or managed-by = county
  exclude party = cpc and identity has all {cadre, volunteer} and not serving
  when front-line or grassroots {
    require serving
    when rank in {deputy-section..county} {
      require rewards within 3 years
    }
  }
}
`,
  // Shares, quotas, recommendations, exemptions and preferences; the reference date is a stage's deadline.
  counts: `notice "差分〔2024〕2号" {
  title "名额测试"
  issued 2024-01-02
  reference submission
}
extend region { east "东区", west "西区", north "北区", south "南区" }
field serving "在职": yes/no
field model-worker "劳模人选": yes/no
deadline submission "报送" by 2024-03-15

table allocation "名额分配表" by region (team, person) {
  east 3, 4
  west 2, 3
  north 1, 0
  south 1, 2
}
table per-region "推荐上限" by region (count) {
  east 5
  west 4
  north 2
  south 0
}

cap rank = county-level <= 20% of selected
cap gender = female >= 30% of recommended per region
soft cap rank = section-level and managed-by = county < 25% of selected in person per region
cap body = enterprise or identity has enterprise-head controlled
recommend per recommender <= 1 where region = north
recommend per region <= per-region
prefer grassroots or front-line "重点向基层和工作一线倾斜"
prefer serving

award team "先进集体" for collective {
  quota <= 5
  recommend >= 120% of quota
  recommend per region <= allocation
  cap level >= city <= 12.5% of recommended in team
  cap level = township > 40% of selected
}

award person "先进个人" for individual {
  quota = 6
  quota per region <= 2
  recommend > 150% of quota
  recommend <= 10
  recommend per region >= allocation
  exempt serving and model-worker from quota
  exempt rank = unranked from quota
  cap rank = county-level <= 15% of selected in person
  cap rank = county-level = 50% of recommended in team
  when gender = female {
    cap party = cpc <= 60% of recommended in person
    quota < 4
  }
}
`,
  // Publicity, deadlines, routes, consultations, materials and attestations.
  procedure: `notice "差分〔2024〕3号" {
  title "程序测试"
  issued 2024-01-02
  reference 2024-03-01
}
enum unit-type "单位类别" {
  prison "监狱系统"
  city-judicial "市（州）司法行政机关"
  city-rehab "市（州）戒毒所"
  other-unit "其他"
}
field unit-type "单位类别": unit-type
field founded "成立日期": date
extend reviewer {
  prison-bureau "省监狱管理局"
  city-bureau "市（州）司法局"
  general "综合处"
}
extend condition {
  building "党建工作好"
  governance "内部治理好"
}

stage nomination "基层推荐"
deadline submission "报送" by 2024-02-19
deadline province-review "省级审核" by 2024-03-08
stage decision "确定表彰对象"
deadline final "最终报送" by 2024-10-09

publicity >= 5 days at unit before submission
publicity >= 5 workdays at province after submission before province-review
publicity = 7 days at national after province-review before decision
publicity > 3 workdays at city
publicity >= 5 workdays at county after nomination before submission
when kind = individual {
  publicity >= 5 workdays at each unit before submission
}
soft publicity >= 6 workdays at unit before final

route reviewer {
  unit-type = prison -> prison-bureau
  unit-type in {city-judicial, city-rehab} -> city-bureau
  kind = collective -> general
}
consult public-security
when body in organ-or-institution {
  consult {organisation-personnel, discipline-inspection}
}
material main-deeds "主要事迹材料" chars <= 1500, electronic
material brief-deeds "简要事迹" chars about 300
material {
  approval-form "推荐审批表" copies >= 3
  honour-copies "荣誉复印件" optional copies >= 1
  summary "工作总结" chars > 2000 copies = 2 format {pdf, docx}
}
attest any of {
  building
  governance "内部治理好"
}

award team "先进集体" for collective {
  attest all of {
    party-building "党建工作好"
    any of {
      internal-governance "内部治理好"
      operating-mechanism "运作机制好"
      all of { function-role "功能作用好", social-influence "社会影响好" }
    }
  }
  material deeds-file "集体事迹电子版" format pdf size 1..2 MB named "{name}-事迹" electronic
}
award person "先进个人" for individual {
  attest all of {
    political-stance "政治立场坚定"
    law-abiding "遵纪守法"
  }
  material photo "证件照" copies >= 5 format jpg size 50..500 KB named "{name}-{birth-date:yyyyMMdd}" electronic
  material form "登记表" optional named "{id}_{region}_{founded:yyyy.MM.dd}"
}
`,
  // No reference date (look-backs are unknown unless the caller gives one), one award (the award may be
  // left blank), and legal names that are also JavaScript's: constructor, __proto__, toString, valueOf.
  odd: `notice {
  title "无基准日"
}
extend region { east "东区", constructor "构造区", __proto__ "原型区", to-string "串区", value-of "值区" }
extend reviewer { has-own-property "审核甲", 审核乙 }
field constructor "构造": yes/no
field model-worker "劳模": yes/no
field joined "参加工作": tenure
field note "备注": text
stage value-of "阶段"
deadline to-string "报送" by 2024-02-19
table allocation "名额分配表" by region (count) {
  east 2
  value-of 1
}
award person "先进个人" for individual {
  quota <= 3
  quota per region <= allocation
  recommend per region >= allocation
  recommend per reviewer <= 1
  exempt constructor from quota
  require joined >= 5 years or constructor
  require no violation within 1 years
  exclude honours within 10 days
  require note = "constructor" or note != "__proto__" unless model-worker
  require rating valid
  route reviewer {
    region = constructor -> has-own-property
    region in {__proto__, to-string} -> 审核乙
  }
  publicity >= 3 workdays at unit after value-of before to-string
  cap region = constructor <= 50% of recommended per region
  prefer constructor
}
`,
};

interface RuleFile {
  /** `examples/<name>.award` or `inline/<name>.award`: what regression cases name. */
  readonly file: string;
  readonly text: string;
}

const EXAMPLE_FILES: readonly RuleFile[] = readdirSync(`${ROOT}examples`).filter((f) => f.endsWith('.award')).sort()
  .map((f) => ({ file: `examples/${f}`, text: readFileSync(`${ROOT}examples/${f}`, 'utf8') }));
const INLINE_FILES: readonly RuleFile[] = Object.entries(INLINE).map(([name, text]) => ({ file: `inline/${name}.award`, text }));
const RULE_FILES = [...EXAMPLE_FILES, ...INLINE_FILES];

const loaded = new Map<string, Promise<Implementations>>();
function load(file: string): Promise<Implementations> {
  const rf = RULE_FILES.find((r) => r.file === file);
  if (!rf) throw new Error(`unknown rule file ${file}`);
  let p = loaded.get(file);
  if (!p) loaded.set(file, (p = implementations(rf.text, rf.file)));
  return p;
}

// ── Comparing the two ──────────────────────────────────────────────────────────────────────────
type Outcome = { readonly result: ValidationResult } | { readonly threw: string };

function run(v: Validate, input: unknown, options: ValidationOptions): Outcome {
  try {
    return { result: v(input, options) };
  } catch (e) {
    return { threw: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) };
  }
}

/** Where two results first differ, in a line or two. */
function firstDifference(a: ValidationResult, b: ValidationResult): string {
  const n = Math.max(a.findings.length, b.findings.length);
  for (let i = 0; i < n; i++) {
    if (!isDeepStrictEqual(a.findings[i], b.findings[i])) return `finding ${i}: interpreted ${JSON.stringify(a.findings[i])}\n  compiled ${JSON.stringify(b.findings[i])}`;
  }
  if (!isDeepStrictEqual(a.summary, b.summary)) return `summary: interpreted ${JSON.stringify(a.summary)}, compiled ${JSON.stringify(b.summary)}`;
  return `trace: interpreted ${JSON.stringify(a.trace)}\n  compiled ${JSON.stringify(b.trace)}`;
}

/** Both run without throwing and give the same result; returns it. */
function assertAgree(impl: Implementations, input: unknown, options: ValidationOptions): ValidationResult {
  const i = run(impl.interpreted, input, options);
  const c = run(impl.compiled, input, options);
  if ('threw' in i) throw new Error(`the interpreter threw: ${i.threw}`);
  if ('threw' in c) throw new Error(`the compiled validator threw: ${c.threw}`);
  if (!isDeepStrictEqual(i.result, c.result)) throw new Error(`the implementations disagree: ${firstDifference(i.result, c.result)}`);
  return i.result;
}

// ── Regression cases ───────────────────────────────────────────────────────────────────────────
const REGRESSIONS = `${ROOT}test/validation/regressions`;
const SPECIAL = '$awardrules-special';

/** JSON with the values JSON cannot hold (undefined, NaN, ±Infinity, -0) tagged. */
function encode(v: unknown): unknown {
  if (v === undefined) return { [SPECIAL]: 'undefined' };
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { [SPECIAL]: 'NaN' };
    if (v === Infinity) return { [SPECIAL]: 'Infinity' };
    if (v === -Infinity) return { [SPECIAL]: '-Infinity' };
    if (Object.is(v, -0)) return { [SPECIAL]: '-0' };
    return v;
  }
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === SPECIAL) {
      const s = (v as Record<string, string>)[SPECIAL];
      return s === 'undefined' ? undefined : s === 'NaN' ? NaN : s === 'Infinity' ? Infinity : s === '-Infinity' ? -Infinity : -0;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

interface Regression {
  readonly rules: string;
  readonly property: 'agreement' | 'malformed' | 'entries';
  readonly input: unknown;
  readonly options: ValidationOptions;
  /** Data findings the input must produce (malformed input), of the kinds `property` checks. */
  readonly expected?: readonly ExpectedIssue[];
  readonly error?: string;
  readonly seed?: number;
}

function saveRegression(r: Regression): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const text = `${JSON.stringify({ ...r, input: encode(r.input), options: encode(r.options) }, null, 2)}\n`;
  const name = `${r.rules.replace(/^.*\//, '').replace(/\.award$/, '')}-${r.property}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.json`;
  writeFileSync(`${REGRESSIONS}/${name}`, text);
  return `test/validation/regressions/${name}`;
}

function readRegressions(): { name: string; r: Regression }[] {
  let files: string[];
  try { files = readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json')).sort(); } catch { return []; }
  return files.map((f) => {
    const raw = JSON.parse(readFileSync(`${REGRESSIONS}/${f}`, 'utf8')) as Regression;
    return { name: f, r: { ...raw, input: decode(raw.input), options: decode(raw.options) as ValidationOptions } };
  });
}

/** Runs a property; a counterexample is saved (shrunk) as a regression case before the test fails. */
function checkProperty<T extends Case & { readonly rules?: string; readonly expected?: readonly ExpectedIssue[] }>(
  rules: string, property: Regression['property'], arb: fc.Arbitrary<T>, numRuns: number, predicate: (c: T) => void,
): void {
  const details = fc.check(fc.property(arb, (c) => { predicate(c); }), { seed: SEED, numRuns: runs(numRuns), endOnFailure: false });
  if (!details.failed) return;
  const c = details.counterexample?.[0];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const saved = c
    ? saveRegression({ rules: c.rules ?? rules, property, input: c.input, options: c.options, ...(c.expected ? { expected: c.expected } : {}), error: error.slice(0, 2000), seed: details.seed })
    : '(no counterexample)';
  throw new Error(`${rules}: ${property} failed after ${details.numRuns} runs (seed ${details.seed}, path ${details.counterexamplePath}); saved to ${saved}\n${error}`);
}

// ── Properties ─────────────────────────────────────────────────────────────────────────────────
const AGREEMENT_RUNS = 250;
const MALFORMED_RUNS = 50;

describe('compiled and interpreted validators agree', () => {
  for (const rf of RULE_FILES) {
    it(`on generated slates: ${rf.file}`, async () => {
      const impl = await load(rf.file);
      const schema = slateSchema(impl.doc.model);
      checkProperty(rf.file, 'agreement', caseArbitrary(schema, hintsOf(impl.doc.model)), AGREEMENT_RUNS, (c) => {
        const result = assertAgree(impl, c.input, c.options);
        if (c.options.trace !== undefined && !('trace' in result)) throw new Error('a trace was asked for and none came back');
      });
    });
  }
});

/** Throws unless every expected data finding of the given kinds is there. */
function assertExpected(result: ValidationResult, expected: readonly ExpectedIssue[], about: readonly ExpectedIssue['about'][]): void {
  const data = result.findings.filter((f) => f.kind === 'data');
  for (const e of expected) {
    if (!about.includes(e.about)) continue;
    const found = data.some((f) => f.nominee?.id === e.nominee && (e.field === undefined || f.fields.includes(e.field)));
    if (!found) {
      throw new Error(`no data finding about ${e.about === 'slate' ? 'the input' : `${e.about} ${e.nominee}`}${e.field ? `, field ${e.field}` : ''}; data findings: ${JSON.stringify(data.map((f) => [f.nominee?.id, f.fields]))}`);
    }
  }
  if ((Object.prototype as Record<string, unknown>)['polluted'] !== undefined) throw new Error('Object.prototype was polluted');
}

const CHECKS: Readonly<Record<'malformed' | 'entries', readonly ExpectedIssue['about'][]>> = { malformed: ['slate', 'field'], entries: ['entry'] };

describe('malformed input', () => {
  for (const rf of RULE_FILES) {
    it(`never throws, names nominee and field, and both agree: ${rf.file}`, async () => {
      const impl = await load(rf.file);
      checkProperty(rf.file, 'malformed', malformedArbitrary(slateSchema(impl.doc.model)), MALFORMED_RUNS, (c: MalformedCase) => {
        assertExpected(assertAgree(impl, c.input, c.options), c.expected, CHECKS.malformed);
      });
    });
  }

  // The entries of the list that are no nominee record at all (null, 0, 'x', [] …): each gets a data finding.
  it('reports every entry of the list that is not a nominee record', async () => {
    const impls = await Promise.all(RULE_FILES.map((rf) => load(rf.file)));
    const arb = fc.nat(RULE_FILES.length - 1).chain((k) => malformedArbitrary(slateSchema(impls[k]!.doc.model))
      .filter((c) => c.expected.some((e) => e.about === 'entry'))
      .map((c) => ({ ...c, rules: RULE_FILES[k]!.file, k })));
    checkProperty('(any)', 'entries', arb, MALFORMED_RUNS, (c) => {
      assertExpected(assertAgree(impls[c.k]!, c.input, c.options), c.expected, CHECKS.entries);
    });
  });

  it('reports input that throws when read (a getter, a Proxy) as a finding, and checks the rest', async () => {
    const impl = await load('examples/jilin-2023-social-orgs.award');
    const throwing = { id: 'T1', name: '甲', award: 'advanced-person', get rank(): string { throw new Error('boom'); } };
    const fine = { id: 'T2', name: '乙', award: 'advanced-person' };
    for (const validate of [impl.interpreted, impl.compiled]) {
      const r = validate({ nominees: [throwing, fine] }, {});
      expect(r.findings.filter((f) => f.nominee?.id === '#1').map((f) => f.message.en)).toEqual(['Entry 1 of the slate could not be read: boom.']);
      expect(r.summary.nominees).toBe(1);
      expect(r.findings.some((f) => f.nominee?.id === 'T2')).toBe(true);
      const proxy = new Proxy({}, { get() { throw new Error('trap'); } });
      expect(validate(proxy, {}).findings.filter((f) => f.kind === 'data').map((f) => f.message.zh)).toEqual(['无法读取名单：trap。']);
      const badLength = { nominees: new Proxy([], { get(t, k) { if (k === 'length') throw new Error('no length'); return Reflect.get(t, k) as unknown; } }) };
      expect(validate(badLength, {}).findings.filter((f) => f.kind === 'data').map((f) => f.message.en)).toEqual(['The slate could not be read: no length.']);
    }
  });

  it('handles huge lists of junk and of broken nominees', async () => {
    const impl = await load('examples/jilin-2023-social-orgs.award');
    const junkList = Array.from({ length: 20_000 }, (_, i) => [null, 0, 'x', [], true, -1, '\ud800'][i % 7]);
    const r1 = assertAgree(impl, { nominees: junkList }, {});
    expect(r1.summary.nominees).toBe(0);
    expect(r1.findings.filter((f) => f.kind === 'data' && f.nominee !== undefined)).toHaveLength(20_000);
    const broken = Array.from({ length: 1_500 }, (_, i) => ({ id: `B${i % 1_000}`, award: i % 3 ? 'advanced-person' : 'nope', rank: i, socialOrgWork: '2021-02-30', selected: 'yes', __proto__: { x: 1 } }));
    const r2 = assertAgree(impl, { nominees: broken }, { referenceDate: '2024-02-29', trace: 'B7' });
    expect(r2.summary.nominees).toBe(1_500);
    // Every nominee's impossible date is reported, under its (sometimes repeated) id.
    expect(new Set(r2.findings.filter((f) => f.kind === 'data' && f.fields.includes('social-org-work')).map((f) => f.nominee?.id)).size).toBe(1_000);
  });
});

describe('regressions', () => {
  const cases: { name: string; r: Regression | undefined }[] = readRegressions();
  it.each(cases.length ? cases : [{ name: '(none saved)', r: undefined }])('$name', async ({ r }) => {
    if (!r) return;
    const impl = await load(r.rules);
    const result = assertAgree(impl, r.input, r.options);
    if (r.expected && r.property !== 'agreement') assertExpected(result, r.expected, CHECKS[r.property]);
  });
});
