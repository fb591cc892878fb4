/** What findings say, in both languages: verdicts, and how values and periods are shown. */
import { formatDay, fullYearsBetween, type Day } from '../civil-date.js';
import type { FieldSchema } from './schema.js';
import type { Localized, Severity } from './types.js';

export const t = (en: string, zh: string): Localized => ({ en, zh });

/** The opening of a finding's message, by rule kind and severity. */
export function verdict(kind: string, severity: Severity): Localized {
  if (kind === 'prefer') return t('Preference', '优先考虑');
  if (kind === 'cap' && severity === 'warning') return t('For review', '提请审核');
  if (severity === 'warning') return t('Should be met (in principle)', '原则上应符合');
  switch (kind) {
    case 'scope': return t('Outside the scope', '不在评选范围内');
    case 'exclude': return t('Excluded', '不得参加评选');
    case 'cap': return t('Share out of bounds', '比例不符合要求');
    case 'quota': case 'recommend': return t('Count out of bounds', '名额不符合要求');
    case 'deadline': return t('Late', '逾期');
    default: return t('Not met', '不符合');
  }
}

/** A finding's message: the rule as a sentence, then what was found and what is required. */
export function message(ruleText: Localized, detail?: { measured?: Localized; required?: Localized }): Localized {
  const m = detail?.measured;
  const r = detail?.required;
  return {
    en: `${ruleText.en}${m ? ` Found: ${m.en}${r ? `; required: ${r.en}` : ''}.` : ''}`,
    zh: `${ruleText.zh}${m ? `实际：${m.zh}${r ? `；要求：${r.zh}` : ''}。` : ''}`,
  };
}

export function dateText(d: Day): string {
  return formatDay(d);
}

/** A field's value as people read it: enum values by their labels. */
export function valueText(f: FieldSchema, v: unknown): Localized {
  if (v === undefined) return t('(empty)', '（空）');
  if ((f.kind === 'enum' || f.kind === 'set' || f.kind === 'events') && typeof v === 'string') return f.labels[v] ?? t(v, v);
  if (f.kind === 'enum' && typeof v === 'object' && v !== null && 'value' in v) {
    const x = v as { value: string; validUntil?: Day };
    const label = f.labels[x.value] ?? t(x.value, x.value);
    return x.validUntil === undefined ? label : t(`${label.en} (valid until ${dateText(x.validUntil)})`, `${label.zh}（有效期至${dateText(x.validUntil)}）`);
  }
  if (Array.isArray(v)) {
    const items = (v as { kind: string; day?: Day }[]).map((e) => {
      const label = f.kind === 'events' ? f.labels[e.kind] ?? t(e.kind, e.kind) : t(e.kind, e.kind);
      return e.day === undefined ? label : t(`${label.en} (${dateText(e.day)})`, `${label.zh}（${dateText(e.day)}）`);
    });
    return items.length ? t(items.map((i) => i.en).join(', '), items.map((i) => i.zh).join('、')) : t('none', '无');
  }
  if (v instanceof Set) {
    const items = [...v].map((x) => (f.kind === 'set' ? f.labels[x as string] ?? t(String(x), String(x)) : t(String(x), String(x))));
    return items.length ? t(items.map((i) => i.en).join(', '), items.map((i) => i.zh).join('、')) : t('none', '无');
  }
  if (typeof v === 'boolean') return v ? t('yes', '是') : t('no', '否');
  if ((f.kind === 'date' || f.kind === 'tenure') && typeof v === 'number') return t(dateText(v), dateText(v));
  return t(String(v), String(v));
}

/**
 * "rank: vice-bureau level; body type: enterprise" for the fields a rule read; a tenure also shows the
 * full years it makes on the reference date.
 */
export function fieldsText(fields: readonly FieldSchema[], values: Readonly<Record<string, unknown>>, ref?: Day): Localized {
  const parts = fields.map((f) => {
    const raw = f.kind === 'tenure' && f.since ? values[f.since] : values[f.id];
    const v = valueText(f, raw);
    if (f.kind === 'tenure' && typeof raw === 'number' && ref !== undefined) {
      const years = fullYearsBetween(raw, ref);
      return t(`${f.label.en}: since ${v.en} (${years} full years on ${dateText(ref)})`, `${f.label.zh}：自${v.zh}起（至${dateText(ref)}满${years}年）`);
    }
    return t(`${f.label.en}: ${v.en}`, `${f.label.zh}：${v.zh}`);
  });
  return t(parts.map((p) => p.en).join('; '), parts.map((p) => p.zh).join('；'));
}

export const UNIT_WORDS: Record<string, Localized> = {
  years: t('years', '年'), months: t('months', '个月'), days: t('days', '天'), workdays: t('working days', '个工作日'),
};

export function amountText(n: number, unit: string): Localized {
  const u = UNIT_WORDS[unit] ?? t(unit, unit);
  return t(`${n} ${u.en}`, `${n}${u.zh}`);
}

const OP_WORDS: Record<string, Localized> = {
  '>=': t('at least', '不少于'), '>': t('more than', '多于'), '<=': t('at most', '不超过'), '<': t('less than', '少于'), '=': t('exactly', '等于'),
};

export function boundText(op: string, amount: Localized): Localized {
  const w = OP_WORDS[op] ?? t(op, op);
  return t(`${w.en} ${amount.en}`, `${w.zh}${amount.zh}`);
}
