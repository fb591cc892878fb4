/**
 * Verdicts of the nominee rules that read no conditions of their own (publicity, materials, deadlines,
 * consultations), shared by compiled validators and the reference interpreter. A list with an
 * unreadable entry (Nominee.incomplete) never yields a failure for want of that entry: unknown instead.
 */
import type { Day } from '../civil-date.js';
import { formatDay } from '../civil-date.js';
import { checkMaterial, checkPublicity, type MaterialSpec, type PublicitySpec } from './checks.js';
import type { Context, NomineeVerdict } from './engine.js';
import { t, valueText } from './messages.js';
import type { FieldSchema, Nominee } from './schema.js';
import type { Localized } from './types.js';
import { NO_SUBMISSION, noOpinion, notDue, PASSED, SINGLE_UNIT } from './verdicts.js';

/** The field slates carry publicity records in. */
const PUBLICITY_FIELD = 'publicity-records';

export function publicityVerdict(n: Nominee, spec: PublicitySpec, x: Context): NomineeVerdict {
  const res = checkPublicity(n, spec, x.calendar, x.deadlines);
  switch (res.outcome) {
    case 'passed': return res.measured ? { outcome: 'passed', reason: res.measured } : PASSED;
    case 'not-due': return notDue(spec.beforeLabel);
    case 'single-unit': return SINGLE_UNIT;
    case 'unknown': return { outcome: 'no-calendar', year: res.missingYear! };
    default:
      if (n.incomplete.has(PUBLICITY_FIELD)) return { outcome: 'unknown', missing: [PUBLICITY_FIELD] };
      return { outcome: 'failed', fields: [PUBLICITY_FIELD], ...(res.measured ? { measured: res.measured } : {}), ...(res.required ? { required: res.required } : {}) };
  }
}

export function materialVerdict(n: Nominee, specs: readonly MaterialSpec[]): NomineeVerdict {
  const problems: Localized[] = [];
  const missing: string[] = [];
  for (const spec of specs) {
    const res = checkMaterial(n, spec);
    if (res.problems.length && n.incomplete.has(`materials:${spec.id}`)) missing.push('materials');
    else problems.push(...res.problems);
    missing.push(...res.missingFields);
  }
  if (missing.length) return { outcome: 'unknown', missing: [...new Set(missing)] };
  if (problems.length === 0) return PASSED;
  return { outcome: 'failed', fields: ['materials'], measured: t(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；')) };
}

export function deadlineVerdict(n: Nominee, stage: string, date: Day): NomineeVerdict {
  const day = n.submitted[stage];
  if (day === undefined) return n.incomplete.has(`submitted:${stage}`) ? { outcome: 'unknown', missing: ['submitted'] } : NO_SUBMISSION;
  if (day <= date) return PASSED;
  return { outcome: 'failed', fields: ['submitted'], measured: t(`submitted ${formatDay(day)}`, `报送于${formatDay(day)}`), required: t(`by ${formatDay(date)}`, `${formatDay(date)}前`) };
}

export function consultVerdict(n: Nominee, departments: readonly string[], consulted: FieldSchema): NomineeVerdict {
  const have = (n.values[consulted.id] as ReadonlySet<string> | undefined) ?? new Set<string>();
  const missing = departments.filter((d) => !have.has(d));
  if (missing.length === 0) return PASSED;
  if (n.incomplete.has(consulted.id)) return { outcome: 'unknown', missing: [consulted.id] };
  return { outcome: 'failed', fields: [consulted.id], measured: noOpinion(missing.map((d) => valueText(consulted, d))) };
}

/** An attest rule, once the implementation has matched the confirmed conditions against its groups. */
export function attestVerdict(n: Nominee, met: boolean, notMet: readonly string[]): NomineeVerdict {
  if (met) return PASSED;
  if (n.incomplete.has('attested')) return { outcome: 'unknown', missing: ['attested'] };
  return { outcome: 'failed', fields: ['attested'], measured: t(`not confirmed: ${notMet.join('; ')}`, `未确认：${notMet.join('；')}`) };
}
