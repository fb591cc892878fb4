/**
 * The rules of examples/jilin-2023-social-orgs.award (吉人社联〔2023〕165号), written by hand against
 * @awardrules/runtime, as a developer who knows the runtime would write them without the compiler:
 * the same engine (`runValidation`: input checking, findings, missing-data reports, `--why` traces)
 * and the same helpers for publicity, materials and messages, with each rule's test written out
 * directly. It is the yardstick for the compiled validator in bench/validate.bench.ts, which checks
 * that both give the same findings before timing them.
 *
 * The rule catalogue (ids, tags, texts, locations) and the slate schema (fields and labels) are data,
 * not logic: they are passed in (from `ruleInfos` / `slateSchema`) rather than copied here by hand.
 */
import {
  checkMaterial, checkPublicity, fieldsText, formatDay, fullYearsBetween, noOpinion, notConfirmed, notDue, notForAward, notUnderCondition,
  NO_SELECTION, NO_SUBMISSION, OP_WORDS, PASSED, runValidation, shareText, shareWithin, SINGLE_UNIT, t, UNCLASSIFIED, valueText, windowStart,
  type Context, type EventRecord, type Failure, type FieldSchema, type Localized, type MaterialSpec, type Nominee, type NomineeVerdict,
  type PublicitySpec, type RuleCheck, type RuleInfo, type SlateSchema, type SlateVerdict, type ValidationOptions, type ValidationResult,
} from '@awardrules/runtime';

export type Validate = (input: unknown, options?: ValidationOptions) => ValidationResult;

const ORG = 'advanced-org';
const PERSON = 'advanced-person';
const EMPTY: ReadonlySet<string> = new Set();
const NO_EVENTS: readonly EventRecord[] = [];

const VICE_BUREAU_OR_ABOVE = new Set(['vice-bureau', 'bureau', 'vice-ministerial', 'ministerial']);
const COUNTY_LEVEL = new Set(['deputy-county', 'county']);
const SECTION_LEVEL = new Set(['deputy-section', 'section']);
const SOCIAL_ORGANISATION = new Set(['social-group', 'social-service-agency', 'foundation']);
const NON_CPC = new Set(['democratic-party', 'non-party']);
const GOOD_RATING = new Set(['4A', '5A']);
const MISCONDUCT = new Set(['violation', 'sanction', 'organisational-handling', 'accountability', 'admonishment', 'summons', 'dishonesty-list', 'blacklist']);
const PRACTITIONER = ['org-leader', 'org-staff'];
const ADMINISTRATOR = ['registration-staff', 'supervisory-staff'];

const NINE_DEPARTMENTS = ['organisation-personnel', 'discipline-inspection', 'united-front', 'public-security', 'finance', 'human-resources', 'market-regulation', 'tax', 'federation-of-industry-and-commerce'];
const THREE_DEPARTMENTS = ['organisation-personnel', 'discipline-inspection', 'public-security'];

/** 四(三)2: materials reach the province by 2024-03-15 (day 19797). */
const PROVINCE_DEADLINE = 19797;

const STAGE_SUBMISSION: Localized = { zh: '推荐对象上报', en: '推荐对象上报' };
const STAGE_PROVINCE: Localized = { zh: '报送省评选表彰工作领导小组办公室', en: '报送省评选表彰工作领导小组办公室' };
const STAGE_DECISION: Localized = { zh: '确定表彰对象', en: '确定表彰对象' };
const UNIT: Localized = { zh: '本单位', en: "the nominee's unit" };

const PUBLICITY_UNIT: PublicitySpec = { op: '>=', amount: 5, unit: 'workdays', level: 'unit', levelLabel: UNIT, each: false, before: 'submission', beforeLabel: STAGE_SUBMISSION };
const PUBLICITY_EACH_UNIT: PublicitySpec = { ...PUBLICITY_UNIT, each: true };
const PUBLICITY_CITY: PublicitySpec = {
  op: '>=', amount: 5, unit: 'workdays', level: 'city', levelLabel: { zh: '市(州)级', en: 'city/prefecture' }, each: false,
  after: 'submission', before: 'province-submission', beforeLabel: STAGE_PROVINCE,
};
const PUBLICITY_PROVINCE: PublicitySpec = {
  op: '>=', amount: 5, unit: 'workdays', level: 'province', levelLabel: { zh: '省级', en: 'provincial' }, each: false,
  after: 'province-submission', before: 'decision', beforeLabel: STAGE_DECISION,
};

const label = (zh: string): Localized => ({ zh, en: zh });
const DEEDS: readonly MaterialSpec[] = [
  { id: 'main-deeds', label: label('主要事迹材料'), required: true, electronic: true, chars: { op: '<=', value: 1500 } },
  { id: 'brief-deeds', label: label('简要事迹'), required: true, electronic: true, chars: { about: 300 } },
];
const copies = (id: string, zh: string, value: number): MaterialSpec => ({ id, label: label(zh), required: true, electronic: false, copies: { op: '>=', value } });
const PAPERS: readonly MaterialSpec[] = [
  copies('approval-form', '推荐审批表', 3), copies('consultation-form', '征求意见表', 2), copies('no-criminal-record', '无犯罪记录证明', 2),
  copies('credit-report', '个人征信报告', 2), copies('debtor-check', '被执行人信息查询结果报告', 2), copies('publicity-original', '加盖单位公章的公示材料原样', 2),
  { id: 'honour-copies', label: label('市（州）级以上荣誉复印件'), required: false, electronic: false },
];

const NEEDS_SELECTION: SlateVerdict = { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };

function unknown(...missing: string[]): NomineeVerdict {
  return { outcome: 'unknown', missing };
}

function failed(fields: readonly string[], measured: Localized): NomineeVerdict {
  return { outcome: 'failed', fields, measured };
}

const identities = (n: Nominee) => (n.values['identity'] as ReadonlySet<string> | undefined) ?? EMPTY;
const hasAny = (set: ReadonlySet<string>, items: readonly string[]) => items.some((i) => set.has(i));

export function createValidator(rules: readonly RuleInfo[], schema: SlateSchema): Validate {
  const fields = new Map(schema.fields.map((f) => [f.id, f]));
  const field = (id: string): FieldSchema => fields.get(id)!;
  const info = (id: string): RuleInfo => rules.find((r) => r.id === id)!;
  const onlyFor = new Map(schema.awards.map((a) => [a.id, notForAward(a)]));
  const NOT_ORG = onlyFor.get(ORG)!;
  const NOT_PERSON = onlyFor.get(PERSON)!;
  const attestedLabels = (field('attested') as FieldSchema & { labels: Record<string, Localized> }).labels;
  const shown = (...ids: string[]) => ids.map(field);

  const RANK = shown('rank');
  const SCOPE_ORG = shown('body', 'registered-in-jilin');
  const HONOURS = shown('honours');
  const RECORDS = shown('records');
  const INSPECTIONS = shown('inspections-passed');
  const RATING = shown('rating');
  const IDENTITY = shown('identity');
  const SOCIAL_ORG_WORK = shown('social-org-work');
  const GOOD_CREDIT = shown('good-credit');

  function publicity(spec: PublicitySpec, notYet: NomineeVerdict) {
    return (n: Nominee, x: Context): NomineeVerdict => {
      const res = checkPublicity(n, spec, x.calendar, x.deadlines);
      switch (res.outcome) {
        case 'passed': return res.measured ? { outcome: 'passed', reason: res.measured } : PASSED;
        case 'not-due': return notYet;
        case 'single-unit': return SINGLE_UNIT;
        case 'unknown': return { outcome: 'no-calendar', year: res.missingYear! };
        default: return { outcome: 'failed', fields: ['publicity-records'], ...(res.measured ? { measured: res.measured } : {}), ...(res.required ? { required: res.required } : {}) };
      }
    };
  }

  function consult(n: Nominee, departments: readonly string[]): NomineeVerdict {
    const have = (n.values['consulted'] as ReadonlySet<string> | undefined) ?? EMPTY;
    let missing: string[] | undefined;
    for (const d of departments) if (!have.has(d)) (missing ??= []).push(d);
    if (!missing) return PASSED;
    const consulted = field('consulted');
    return failed(['consulted'], noOpinion(missing.map((d) => valueText(consulted, d))));
  }

  function attest(n: Nominee, items: readonly string[]): NomineeVerdict {
    const have = (n.values['attested'] as ReadonlySet<string> | undefined) ?? EMPTY;
    let missing: string[] | undefined;
    for (const i of items) if (!have.has(i)) (missing ??= []).push(attestedLabels[i]!.zh);
    return missing ? failed(['attested'], notConfirmed(missing)) : PASSED;
  }

  function materials(n: Nominee, specs: readonly MaterialSpec[]): NomineeVerdict {
    let problems: Localized[] | undefined;
    for (const spec of specs) {
      const res = checkMaterial(n, spec);
      if (res.problems.length) (problems ??= []).push(...res.problems);
    }
    if (!problems) return PASSED;
    return failed(['materials'], t(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；')));
  }

  // ── Counting rules ──────────────────────────────────────────────────────────────────────────

  function awardQuota(award: string, limit: number) {
    const required = t(`${OP_WORDS['<=']!.en} ${limit}`, `${OP_WORDS['<=']!.zh}${limit}`);
    return (ns: readonly Nominee[], x: Context): SlateVerdict => {
      if (!x.hasSelection) return NEEDS_SELECTION;
      let count = 0;
      for (const n of ns) if (n.award === award && n.selected === true) count++;
      const failures: Failure[] = count > limit ? [{ fields: [], measured: t(String(count), String(count)), required }] : [];
      return { failures, unknown: [], reason: t(`${count} counted`, `计 ${count} 名`) };
    };
  }

  /** 推荐人数不少于表彰名额的120%: at least 6/5 of the quota. */
  function recommendAtLeast(award: string, quota: number) {
    const required = t(`${OP_WORDS['>=']!.en} 120% of the quota of ${quota}`, `${OP_WORDS['>=']!.zh}表彰名额${quota}的120%`);
    return (ns: readonly Nominee[]): SlateVerdict => {
      let count = 0;
      for (const n of ns) if (n.award === award) count++;
      const failures: Failure[] = count * 5 >= quota * 6 ? [] : [{ fields: [], measured: t(String(count), String(count)), required }];
      return { failures, unknown: [], reason: t(`${count} counted`, `计 ${count} 名`) };
    };
  }

  /** 附件2: recommendations per region. */
  function perRegion(award: string, allocation: Readonly<Record<string, number>>) {
    const region = field('region');
    return (ns: readonly Nominee[]): SlateVerdict => {
      const counts = new Map<string, number>(Object.keys(allocation).map((r) => [r, 0]));
      const unclassified: { nominee: Nominee; missing: readonly string[] }[] = [];
      let total = 0;
      for (const n of ns) {
        if (n.award !== award) continue;
        total++;
        const r = n.values['region'] as string | undefined;
        if (r === undefined) unclassified.push({ nominee: n, missing: ['region'] });
        else counts.set(r, (counts.get(r) ?? 0) + 1);
      }
      if (unclassified.length) return { failures: [], unknown: unclassified, reason: UNCLASSIFIED };
      const failures: Failure[] = [];
      for (const key of [...counts.keys()].sort()) {
        const count = counts.get(key)!;
        const limit = allocation[key] ?? 0;
        if (count <= limit) continue;
        const name = valueText(region, key);
        failures.push({ fields: ['region'], measured: t(`${name.en}: ${count}`, `${name.zh}：${count}`), required: t(`${OP_WORDS['<=']!.en} ${limit}`, `${OP_WORDS['<=']!.zh}${limit}`) });
      }
      return { failures, unknown: [], reason: t(`${total} counted`, `计 ${total} 名`) };
    };
  }

  /**
   * 县处级干部…控制在评选总数的N%以内: the share of selected nominees (of every award) who are selected
   * individuals in the group. `inGroup` is true, false, or the fields it lacks.
   */
  function cap(percent: number, read: string[], inGroup: (n: Nominee) => boolean | string[]) {
    const required = t(`${OP_WORDS['<=']!.en} ${percent}%`, `${OP_WORDS['<=']!.zh}${percent}%`);
    return (ns: readonly Nominee[], x: Context): SlateVerdict => {
      if (!x.hasSelection) return NEEDS_SELECTION;
      let population = 0;
      let count = 0;
      const unclassified: { nominee: Nominee; missing: readonly string[] }[] = [];
      for (const n of ns) {
        if (!n.award || n.selected !== true) continue;
        population++;
        if (n.award !== PERSON) continue;
        const v = inGroup(n);
        if (v === true) count++;
        else if (v !== false) unclassified.push({ nominee: n, missing: v });
      }
      if (unclassified.length) return { failures: [], unknown: unclassified, reason: UNCLASSIFIED };
      const share = shareText(count, population);
      const failures: Failure[] = shareWithin(count, population, '<=', percent) ? [] : [{ fields: read, measured: share, required }];
      return { failures, unknown: [], reason: share };
    };
  }

  const ALLOCATION_ORG = { changchun: 6, 'jilin-city': 4, siping: 2, liaoyuan: 2, tonghua: 2, baishan: 2, songyuan: 2, baicheng: 2, yanbian: 3, changbaishan: 1, meihekou: 1, provincial: 9 };
  const ALLOCATION_PERSON = { changchun: 10, 'jilin-city': 7, siping: 4, liaoyuan: 3, tonghua: 4, baishan: 3, songyuan: 4, baicheng: 3, yanbian: 5, changbaishan: 1, meihekou: 2, provincial: 14 };

  type Check = ((n: Nominee, x: Context) => NomineeVerdict) | { slate: (ns: readonly Nominee[], x: Context) => SlateVerdict };
  const checks: Record<string, Check> = {
    // ── Procedure 四(一), 四(三)2 ────────────────────────────────────────────────────────────────
    'J23-DEADLINE-1': (n) => {
      const day = n.submitted['province-submission'];
      if (day === undefined) return NO_SUBMISSION;
      if (day <= PROVINCE_DEADLINE) return PASSED;
      return { outcome: 'failed', fields: ['submitted'], measured: t(`submitted ${formatDay(day)}`, `报送于${formatDay(day)}`), required: t('by 2024-03-15', '2024-03-15前') };
    },
    'J23-PUBLICITY-1': publicity(PUBLICITY_UNIT, notDue(STAGE_SUBMISSION)),
    'J23-PUBLICITY-2': (() => {
      const check = publicity(PUBLICITY_EACH_UNIT, notDue(STAGE_SUBMISSION));
      const other = notUnderCondition(info('J23-PUBLICITY-2'));
      return (n: Nominee, x: Context) => (n.kind === undefined ? unknown('kind') : n.kind !== 'individual' ? other : check(n, x));
    })(),
    'J23-PUBLICITY-3': (() => {
      const check = publicity(PUBLICITY_CITY, notDue(STAGE_PROVINCE));
      const other = notUnderCondition(info('J23-PUBLICITY-3'));
      return (n: Nominee, x: Context) => {
        const type = n.values['recommender-type'];
        return type === undefined ? unknown('recommender-type') : type !== 'region' ? other : check(n, x);
      };
    })(),
    'J23-PUBLICITY-4': publicity(PUBLICITY_PROVINCE, notDue(STAGE_DECISION)),

    // ── 四(二)2: preference, excluded ranks ─────────────────────────────────────────────────────
    'J23-PRIORITY-1': {
      slate: (ns) => {
        let all = 0;
        let preferred = 0;
        const unclassified: { nominee: Nominee; missing: readonly string[] }[] = [];
        for (const n of ns) {
          if (!n.award) continue;
          all++;
          const grassroots = n.values['grassroots'];
          const frontLine = n.values['front-line'];
          if (grassroots === true || frontLine === true) preferred++;
          else if (grassroots === undefined || frontLine === undefined) {
            unclassified.push({ nominee: n, missing: [...(grassroots === undefined ? ['grassroots'] : []), ...(frontLine === undefined ? ['front-line'] : [])] });
          }
        }
        if (unclassified.length) return { failures: [], unknown: unclassified, reason: UNCLASSIFIED };
        if (all === 0) return { failures: [], unknown: [], reason: t('no nominee it concerns', '没有相关推荐对象') };
        const share = shareText(preferred, all);
        return { failures: [], unknown: [], note: share, reason: share };
      },
    },
    'J23-EXCLUDE-2': (n, x) => {
      const rank = n.values['rank'] as string | undefined;
      if (rank === undefined) return unknown('rank');
      return VICE_BUREAU_OR_ABOVE.has(rank) ? failed(['rank'], fieldsText(RANK, n.values, x.ref)) : PASSED;
    },

    // ── Opinions 四(一)1, 四(二)3 ───────────────────────────────────────────────────────────────
    'J23-CONSULT-1': (n) => consult(n, ['public-security']),
    'J23-CONSULT-2': (() => {
      const other = notUnderCondition(info('J23-CONSULT-2'));
      return (n: Nominee) => {
        if (n.kind === 'collective' || hasAny(identities(n), PRACTITIONER)) return consult(n, NINE_DEPARTMENTS);
        return n.kind === undefined ? unknown('kind') : other;
      };
    })(),
    'J23-CONSULT-3': (() => {
      const other = notUnderCondition(info('J23-CONSULT-3'));
      return (n: Nominee) => (hasAny(identities(n), ADMINISTRATOR) ? consult(n, THREE_DEPARTMENTS) : other);
    })(),
    'J23-CONSULT-4': (() => {
      const other = notUnderCondition(info('J23-CONSULT-4'));
      return (n: Nominee) => {
        const individual = n.kind === undefined ? undefined : n.kind === 'individual';
        const party = n.values['party'] as string | undefined;
        const nonCpc = party === undefined ? undefined : NON_CPC.has(party);
        if (individual === false || nonCpc === false) return other;
        if (individual === undefined || nonCpc === undefined) return unknown(...(individual === undefined ? ['kind'] : []), ...(nonCpc === undefined ? ['party'] : []));
        return consult(n, ['united-front']);
      };
    })(),

    // ── Materials 四(三)1 ───────────────────────────────────────────────────────────────────────
    'J23-MATERIAL-1': (n) => materials(n, DEEDS),
    'J23-MATERIAL-2': (n) => materials(n, PAPERS),

    // ── 吉林省先进社会组织 ────────────────────────────────────────────────────────────────────────
    'J23-QUOTA-1': { slate: awardQuota(ORG, 30) },
    'J23-QUOTA-3/advanced-org': { slate: recommendAtLeast(ORG, 30) },
    'J23-QUOTA-4/advanced-org': { slate: perRegion(ORG, ALLOCATION_ORG) },
    'J23-SCOPE-1': (n, x) => {
      if (n.award !== ORG) return NOT_ORG;
      const body = n.values['body'] as string | undefined;
      const registered = n.values['registered-in-jilin'] as boolean | undefined;
      const social = body === undefined ? undefined : SOCIAL_ORGANISATION.has(body);
      if (social === false || registered === false) return failed(['body', 'registered-in-jilin'], fieldsText(SCOPE_ORG, n.values, x.ref));
      if (social === undefined || registered === undefined) return unknown(...(social === undefined ? ['body'] : []), ...(registered === undefined ? ['registered-in-jilin'] : []));
      return PASSED;
    },
    'J23-EXCLUDE-1': (n, x) => {
      if (n.award !== ORG) return NOT_ORG;
      const honours = (n.values['honours'] as readonly EventRecord[] | undefined) ?? NO_EVENTS;
      return honours.some((e) => e.kind === 'national-advanced-social-org') ? failed(['honours'], fieldsText(HONOURS, n.values, x.ref)) : PASSED;
    },
    'J23-REQUIRE-1': (n, x) => {
      if (n.award !== ORG) return NOT_ORG;
      const records = (n.values['records'] as readonly EventRecord[] | undefined) ?? NO_EVENTS;
      const undated = records.some((e) => e.day === undefined && MISCONDUCT.has(e.kind));
      if (x.ref === undefined || undated) return unknown(...(x.ref === undefined ? ['@reference'] : []), ...(undated ? ['records'] : []));
      if (records.length === 0) return PASSED;
      const since = windowStart(x.ref, 5, 'years');
      return records.some((e) => e.day! >= since && MISCONDUCT.has(e.kind)) ? failed(['records'], fieldsText(RECORDS, n.values, x.ref)) : PASSED;
    },
    'J23-ATTEST-1': (n) => (n.award !== ORG ? NOT_ORG : attest(n, ['party-building', 'internal-governance', 'operating-mechanism', 'function-role', 'social-influence'])),
    'J23-REQUIRE-2': (n, x) => {
      if (n.award !== ORG) return NOT_ORG;
      const passed = n.values['inspections-passed'];
      if (passed === undefined) return unknown('inspections-passed');
      return passed === true ? PASSED : failed(['inspections-passed'], fieldsText(INSPECTIONS, n.values, x.ref));
    },
    'J23-REQUIRE-3': (n, x) => {
      if (n.award !== ORG) return NOT_ORG;
      const rating = n.values['rating'] as { value: string; validUntil?: number } | undefined;
      if (rating !== undefined && !GOOD_RATING.has(rating.value)) return failed(['rating'], fieldsText(RATING, n.values, x.ref));
      if (rating !== undefined && rating.validUntil !== undefined && x.ref !== undefined) {
        return rating.validUntil >= x.ref ? PASSED : failed(['rating'], fieldsText(RATING, n.values, x.ref));
      }
      // Not decided: the grade or its validity is missing, or there is no reference date.
      return unknown(...(rating === undefined ? ['rating'] : []), ...(x.ref === undefined ? ['@reference'] : []), ...(rating?.validUntil === undefined && rating !== undefined ? ['rating'] : []));
    },

    // ── 吉林省社会组织工作先进个人 ────────────────────────────────────────────────────────────────
    'J23-QUOTA-2': { slate: awardQuota(PERSON, 50) },
    'J23-QUOTA-3/advanced-person': { slate: recommendAtLeast(PERSON, 50) },
    'J23-QUOTA-4/advanced-person': { slate: perRegion(PERSON, ALLOCATION_PERSON) },
    'J23-SCOPE-2': (n, x) => {
      if (n.award !== PERSON) return NOT_PERSON;
      const ids = identities(n);
      return hasAny(ids, PRACTITIONER) || hasAny(ids, ADMINISTRATOR) ? PASSED : failed(['identity'], fieldsText(IDENTITY, n.values, x.ref));
    },
    'J23-REQUIRE-4': (n, x) => {
      if (n.award !== PERSON) return NOT_PERSON;
      const records = (n.values['records'] as readonly EventRecord[] | undefined) ?? NO_EVENTS;
      return records.some((e) => MISCONDUCT.has(e.kind)) ? failed(['records'], fieldsText(RECORDS, n.values, x.ref)) : PASSED;
    },
    'J23-ATTEST-2': (n) => (n.award !== PERSON ? NOT_PERSON : attest(n, ['political-stance', 'law-abiding'])),
    'J23-CAP-1': {
      slate: cap(15, ['rank'], (n) => {
        const rank = n.values['rank'] as string | undefined;
        return rank === undefined ? ['rank'] : COUNTY_LEVEL.has(rank);
      }),
    },
    'J23-CAP-2': {
      slate: cap(25, ['rank', 'managed-by'], (n) => {
        const rank = n.values['rank'] as string | undefined;
        const managedBy = n.values['managed-by'];
        const section = rank === undefined ? undefined : SECTION_LEVEL.has(rank);
        const county = managedBy === undefined ? undefined : managedBy === 'county';
        if (section === false || county === false) return false;
        if (section === undefined || county === undefined) return [...(section === undefined ? ['rank'] : []), ...(county === undefined ? ['managed-by'] : [])];
        return true;
      }),
    },
    'J23-ATTEST-3': (() => {
      const other = notUnderCondition(info('J23-ATTEST-3'));
      return (n: Nominee) => {
        if (n.award !== PERSON) return NOT_PERSON;
        if (!hasAny(identities(n), PRACTITIONER)) return other;
        return attest(n, ['dedication', 'competence', 'social-responsibility']);
      };
    })(),
    'J23-REQUIRE-5': (() => {
      const other = notUnderCondition(info('J23-REQUIRE-5'));
      return (n: Nominee, x: Context) => {
        if (n.award !== PERSON) return NOT_PERSON;
        if (!hasAny(identities(n), PRACTITIONER)) return other;
        const since = n.values['social-org-work'] as number | undefined;
        if (x.ref === undefined || since === undefined) return unknown(...(x.ref === undefined ? ['@reference'] : []), ...(since === undefined ? ['social-org-work'] : []));
        return fullYearsBetween(since, x.ref) >= 5 ? PASSED : failed(['social-org-work'], fieldsText(SOCIAL_ORG_WORK, n.values, x.ref));
      };
    })(),
    'J23-REQUIRE-6': (() => {
      const other = notUnderCondition(info('J23-REQUIRE-6'));
      return (n: Nominee, x: Context) => {
        if (n.award !== PERSON) return NOT_PERSON;
        if (!hasAny(identities(n), ADMINISTRATOR)) return other;
        const good = n.values['good-credit'];
        if (good === undefined) return unknown('good-credit');
        return good === true ? PASSED : failed(['good-credit'], fieldsText(GOOD_CREDIT, n.values, x.ref));
      };
    })(),
    'J23-ATTEST-4': (() => {
      const other = notUnderCondition(info('J23-ATTEST-4'));
      return (n: Nominee) => {
        if (n.award !== PERSON) return NOT_PERSON;
        if (!hasAny(identities(n), ADMINISTRATOR)) return other;
        return attest(n, ['lawful-duty', 'policy-mastery', 'innovation']);
      };
    })(),
  };

  const missing = rules.filter((r) => !(r.id in checks)).map((r) => r.id);
  const extra = Object.keys(checks).filter((id) => !rules.some((r) => r.id === id));
  if (missing.length || extra.length) throw new Error(`hand-written rules out of step with the rule file: missing ${missing.join(', ') || '—'}; extra ${extra.join(', ') || '—'}`);
  const set = {
    schema,
    rules: rules.map((r): RuleCheck => {
      const c = checks[r.id]!;
      return typeof c === 'function' ? { scope: 'nominee', info: r, check: c } : { scope: 'slate', info: r, check: c.slate };
    }),
  };
  return (input, options) => runValidation(set, input, options);
}
