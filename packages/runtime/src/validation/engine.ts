/**
 * Runs a rule set over a slate: checks the input, asks each rule for its verdict on each nominee (or on
 * the whole slate), and turns verdicts into findings, missing-data reports and the `--why` trace.
 * Compiled validators and the reference interpreter supply the verdicts; this loop is the same for both.
 */
import { chinaCalendar, type WorkdayCalendar } from '../calendar/calendar.js';
import { readYearSchedules } from '../calendar/schedule.js';
import { parseDay, type Day } from '../civil-date.js';
import { message, t } from './messages.js';
import { normalizeSlate, type Nominee, type SlateSchema } from './schema.js';
import { notForAward } from './verdicts.js';
import type { Finding, Localized, RuleInfo, Severity, TraceEntry, ValidationOptions, ValidationResult } from './types.js';

/** What a rule's check sees besides the nominee. */
export interface Context {
  /** The reference date, if the rule file or the caller gives one. */
  readonly ref: Day | undefined;
  readonly calendar: WorkdayCalendar;
  /** Stage deadlines by stage id. */
  readonly deadlines: Readonly<Record<string, Day>>;
  /** Whether any nominee says whether it is selected. */
  readonly hasSelection: boolean;
}

export interface Failure {
  readonly fields: readonly string[];
  readonly measured?: Localized;
  readonly required?: Localized;
}

export type NomineeVerdict =
  | { readonly outcome: 'passed'; readonly reason?: Localized }
  | ({ readonly outcome: 'failed' } & Failure)
  | { readonly outcome: 'not-applicable'; readonly reason: Localized }
  /** Values the nominee lacks (`@reference` for the reference date). */
  | { readonly outcome: 'unknown'; readonly missing: readonly string[] }
  | { readonly outcome: 'no-calendar'; readonly year: number };

export interface SlateVerdict {
  readonly failures: readonly Failure[];
  /** Nominees that could not be counted, with what they lack. */
  readonly unknown: readonly { readonly nominee: Nominee; readonly missing: readonly string[] }[];
  /** Counts of `selected` nominees when the slate marks no selection: the rule is not checked. */
  readonly needsSelection?: boolean;
  /** A note for the whole slate (preferences), reported as info. */
  readonly note?: Localized;
  readonly reason: Localized;
}

export type RuleCheck =
  | { readonly scope: 'nominee'; readonly info: RuleInfo; readonly check: (n: Nominee, x: Context) => NomineeVerdict }
  | { readonly scope: 'slate'; readonly info: RuleInfo; readonly check: (nominees: readonly Nominee[], x: Context) => SlateVerdict }
  /** Rules that only shape other rules (exemptions from quotas). */
  | { readonly scope: 'none'; readonly info: RuleInfo };

export interface RuleSet {
  readonly schema: SlateSchema;
  readonly rules: readonly RuleCheck[];
}

function base(info: RuleInfo): Pick<Finding, 'rule' | 'tags' | 'clause' | 'kind' | 'severity' | 'location'> {
  return { rule: info.id, tags: info.tags, ...(info.clause ? { clause: info.clause } : {}), kind: info.kind, severity: info.severity, location: info.location };
}

function failureFinding(info: RuleInfo, n: Nominee | undefined, f: Failure): Finding {
  return {
    ...base(info), ...(n ? { nominee: n.ref } : {}), fields: f.fields,
    ...(f.measured ? { measured: f.measured } : {}), ...(f.required ? { required: f.required } : {}),
    message: message(info.text, f),
  };
}

function dataFinding(nominee: Nominee['ref'] | undefined, fields: string[], msg: Localized): Finding {
  return { rule: 'data', tags: [], kind: 'data', severity: 'error', ...(nominee ? { nominee } : {}), fields, message: msg };
}

const MET = t('met', '符合');

export function runValidation(set: RuleSet, raw: unknown, options: ValidationOptions = {}): ValidationResult {
  const findings: Finding[] = [];
  let calendar = chinaCalendar;
  if (options.calendar !== undefined) {
    const supplied = readYearSchedules(options.calendar);
    for (const p of supplied.problems) findings.push(dataFinding(undefined, [], t(`The supplied calendar: ${p.en}.`, `所提供的工作日历：${p.zh}。`)));
    if (supplied.schedules.length) calendar = chinaCalendar.extendedWith(supplied.schedules);
  }
  let ref = set.schema.referenceDate !== undefined ? parseDay(set.schema.referenceDate) : undefined;
  if (options.referenceDate !== undefined) {
    const d = parseDay(options.referenceDate);
    if (d === undefined) findings.push(dataFinding(undefined, [], t(`The reference date ${options.referenceDate} is not a date (YYYY-MM-DD).`, `基准日 ${options.referenceDate} 不是日期（YYYY-MM-DD）。`)));
    else ref = d;
  }
  const norm = normalizeSlate(raw, set.schema);
  const deadlines: Record<string, Day> = Object.create(null) as Record<string, Day>;
  for (const s of set.schema.stages) if (s.deadline) deadlines[s.id] = parseDay(s.deadline)!;
  const x: Context = { ref, calendar, deadlines, hasSelection: norm.hasSelection };
  const labels = new Map(set.schema.fields.map((f) => [f.id, f.label]));
  // Issues about the slate, and about entries that are no nominee record at all (so no nominee below).
  const refs = new Set(norm.nominees.map((n) => n.ref));
  findings.push(...norm.issues.filter((f) => !f.nominee || !refs.has(f.nominee)));

  const traced = options.trace !== undefined ? norm.nominees.find((n) => n.ref.id === options.trace) : undefined;
  const trace = new Map<number, TraceEntry>();
  const traceAt = (i: number, info: RuleInfo, outcome: TraceEntry['outcome'], reason: Localized) =>
    trace.set(i, { rule: info.id, tags: info.tags, ...(info.clause ? { clause: info.clause } : {}), kind: info.kind, outcome, reason });
  /** Nominee index → missing field → rules it kept from being checked. */
  const unknown = new Map<number, Map<string, string[]>>();
  const lacks = (n: Nominee, missing: readonly string[], info: RuleInfo) => {
    let m = unknown.get(n.index);
    if (!m) unknown.set(n.index, (m = new Map()));
    for (const f of new Set(missing)) {
      const rules = m.get(f) ?? [];
      if (!rules.includes(info.id)) rules.push(info.id);
      m.set(f, rules);
    }
  };

  for (const n of norm.nominees) {
    findings.push(...norm.issues.filter((f) => f.nominee === n.ref));
    set.rules.forEach((rule, i) => {
      if (rule.scope !== 'nominee') return;
      const v = rule.check(n, x);
      switch (v.outcome) {
        case 'failed':
          findings.push(failureFinding(rule.info, n, v));
          if (n === traced) traceAt(i, rule.info, 'failed', v.measured ?? rule.info.text);
          break;
        case 'unknown':
          lacks(n, v.missing, rule.info);
          if (n === traced) {
            const names = v.missing.map((m) => (m === '@reference' ? t('the reference date', '基准日') : labels.get(m) ?? t(m, m)));
            traceAt(i, rule.info, 'unknown', t(`missing: ${names.map((x) => x.en).join(', ')}`, `缺少：${names.map((x) => x.zh).join('、')}`));
          }
          break;
        case 'no-calendar':
          findings.push({
            ...base(rule.info), kind: 'calendar', severity: 'error', nominee: n.ref, fields: ['publicity-records'],
            message: t(`The working-day calendar has no schedule for ${v.year}, so ${rule.info.tags[0] ?? rule.info.id} could not be checked; supply one with --calendar.`,
              `工作日历中没有 ${v.year} 年的安排，无法检查 ${rule.info.tags[0] ?? rule.info.id}；请用 --calendar 提供。`),
          });
          if (n === traced) traceAt(i, rule.info, 'unknown', t(`no calendar for ${v.year}`, `缺少 ${v.year} 年日历`));
          break;
        default:
          if (n === traced) traceAt(i, rule.info, v.outcome, v.reason ?? MET);
      }
    });
  }

  set.rules.forEach((rule, i) => {
    if (rule.scope !== 'slate') return;
    const v = rule.check(norm.nominees, x);
    for (const u of v.unknown) lacks(u.nominee, u.missing, rule.info);
    if (v.needsSelection) {
      findings.push({
        ...base(rule.info), severity: 'info', fields: ['selected'],
        message: t(`Not checked: ${rule.info.tags[0] ?? rule.info.id} counts selected nominees, and the slate does not say who is selected.`, `未检查：${rule.info.tags[0] ?? rule.info.id} 按拟表彰对象计算，但名单未注明拟表彰对象。`),
      });
    }
    for (const f of v.failures) findings.push(failureFinding(rule.info, undefined, f));
    if (v.note) findings.push({ ...base(rule.info), severity: 'info', fields: [], measured: v.note, message: message(rule.info.text, { measured: v.note }) });
    if (traced) {
      // A slate rule's outcome is the slate's; for a nominee of another award it is beside the point.
      const award = set.schema.awards.find((a) => a.id === rule.info.award);
      const other = award && traced.award !== award.id ? notForAward(award) : undefined;
      if (other?.outcome === 'not-applicable') traceAt(i, rule.info, 'not-applicable', other.reason);
      else {
        const outcome = v.needsSelection ? 'unknown' : v.failures.length ? 'failed' : v.unknown.length ? 'unknown' : 'passed';
        traceAt(i, rule.info, outcome, t(`whole slate: ${v.reason.en}`, `整份名单：${v.reason.zh}`));
      }
    }
  });
  // One finding per missing value of a nominee, naming every rule (nominee or slate) it kept from being
  // checked, as grave as the gravest of those rules: a missing value that only blocks a preference is a note.
  const severityOf = new Map(set.rules.map((r) => [r.info.id, r.info.severity]));
  const gravest = (rules: readonly string[]): Severity =>
    rules.some((r) => severityOf.get(r) === 'error') ? 'error' : rules.some((r) => severityOf.get(r) === 'warning') ? 'warning' : 'info';
  // Messages name rules by their catalog tag, as the rule file does (ids such as `X-1/all` are for machines).
  const tagOf = new Map(set.rules.map((r) => [r.info.id, r.info.tags[0] ?? r.info.id]));
  const named = (rules: readonly string[]) => [...new Set(rules.map((r) => tagOf.get(r) ?? r))];
  for (const n of norm.nominees) {
    for (const [field, rules] of unknown.get(n.index) ?? []) {
      if (field === '@reference') continue;
      const label = labels.get(field) ?? t(field, field);
      const shown = named(rules);
      findings.push({ ...dataFinding(n.ref, [field], t(`${label.en} is empty or could not be read, so ${shown.join(', ')} could not be checked.`, `${label.zh}为空或无法识别，无法检查 ${shown.join('、')}。`)), severity: gravest(rules), blocks: rules });
    }
  }
  const needsReference = [...new Set([...unknown.values()].flatMap((m) => m.get('@reference') ?? []))];
  if (needsReference.length) {
    findings.push(dataFinding(undefined, [], t(
      `No reference date: the rule file names none and none was given, so ${named(needsReference).join(', ')} could not be checked.`,
      `没有基准日：规则文件未声明，也未另行提供，因此无法检查 ${named(needsReference).join('、')}。`,
    )));
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    findings,
    ...(options.trace !== undefined ? { trace: [...trace.keys()].sort((a, b) => a - b).map((k) => trace.get(k)!) } : {}),
    summary: { nominees: norm.nominees.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}
