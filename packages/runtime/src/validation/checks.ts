/**
 * The checks behind publicity, materials and shares, shared by compiled validators and the reference
 * interpreter: each is a pure function of a nominee (or counts) and the rule's parameters.
 */
import type { Day } from '../civil-date.js';
import type { WorkdayCalendar } from '../calendar/calendar.js';
import { periodLength } from '../counting.js';
import { amountText, boundText, dateText, t, UNIT_WORDS } from './messages.js';
import type { MaterialRecord, Nominee, PublicityRecord } from './schema.js';
import type { Localized } from './types.js';

export type Op = '<' | '<=' | '>' | '>=' | '=';

export function compare(a: number, op: Op, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '=': return a === b;
  }
}

/**
 * Whether `part` of `whole` is within `op percent%`, computed exactly: percentages are decimals with
 * at most four places, so 20% of 35 nominees is 7 exactly, with no floating-point rounding at the boundary.
 */
export function shareWithin(part: number, whole: number, op: Op, percent: number): boolean {
  const scaled = Math.round(percent * 10_000);
  return compare(part * 1_000_000, op, scaled * whole);
}

export function shareText(part: number, whole: number): Localized {
  const pct = whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
  return t(`${part} of ${whole} (${pct}%)`, `${whole} 名中 ${part} 名（${pct}%）`);
}

/** `about N` allows 20% either way. */
export const ABOUT_TOLERANCE = 0.2;

export interface PublicitySpec {
  readonly op: '>=' | '>' | '=';
  readonly amount: number;
  readonly unit: 'days' | 'workdays';
  readonly level: string;
  readonly levelLabel: Localized;
  readonly each: boolean;
  readonly after?: string;
  readonly before?: string;
  /** How the stage it precedes is called in messages. */
  readonly beforeLabel?: Localized;
}

export interface CheckResult {
  /**
   * `not-due`: the stage it must precede has no deadline and the nominee has not reached it yet.
   * `single-unit`: an `each unit` rule for a nominee with one unit, whom the plain rule covers.
   */
  readonly outcome: 'passed' | 'failed' | 'unknown' | 'not-due' | 'single-unit';
  readonly measured?: Localized;
  readonly required?: Localized;
  /** A year the working-day calendar does not have. */
  readonly missingYear?: number;
}

/**
 * A publicity rule for one nominee: a record at the rule's level, long enough, after the stage it
 * follows and ending before the nominee's submission for the stage it precedes (or that stage's
 * deadline when the submission date is not known). `each unit` is about nominees with several units
 * (双重以上身份, 同时公示): each unit needs such a record, all running at the same time; a nominee with one
 * unit is left to the plain rule.
 */
export function checkPublicity(n: Nominee, spec: PublicitySpec, calendar: WorkdayCalendar, deadlines: Readonly<Record<string, Day>>): CheckResult {
  const stage = spec.beforeLabel ?? (spec.before ? t(spec.before, spec.before) : undefined);
  const required = t(
    `${boundText(spec.op, amountText(spec.amount, spec.unit)).en} at ${spec.levelLabel.en}${stage ? `, ending before '${stage.en}'` : ''}`,
    `在${spec.levelLabel.zh}公示${boundText(spec.op, amountText(spec.amount, spec.unit)).zh}${stage ? `，于“${stage.zh}”之前结束` : ''}`,
  );
  if (spec.before && n.submitted[spec.before] === undefined && deadlines[spec.before] === undefined) return { outcome: 'not-due', required };
  if (spec.each && n.units.length < 2) return { outcome: 'single-unit', required };
  const records = n.publicity.filter((p) => p.level === spec.level);
  if (records.length === 0) return { outcome: 'failed', measured: t(`no publicity at ${spec.levelLabel.en} on record`, `无${spec.levelLabel.zh}公示记录`), required };
  const before = spec.before ? (n.submitted[spec.before] ?? deadlines[spec.before]) : undefined;
  const after = spec.after ? n.submitted[spec.after] : undefined;

  const judge = (p: PublicityRecord): CheckResult & { length?: number } => {
    const len = periodLength(p.start, p.end, spec.unit, calendar);
    if (!len.ok) return { outcome: 'unknown', missingYear: len.missingYear };
    const span = `${dateText(p.start)}..${dateText(p.end)}`;
    const measured = t(`${amountText(len.value, spec.unit).en}, ${span}${p.unit ? ` at ${p.unit}` : ''}`, `${amountText(len.value, spec.unit).zh}（${span}${p.unit ? `，${p.unit}` : ''}）`);
    if (!compare(len.value, spec.op, spec.amount)) return { outcome: 'failed', measured, required, length: len.value };
    if (before !== undefined && p.end >= before) {
      return { outcome: 'failed', measured: t(`${measured.en}, not ended before ${dateText(before)}`, `${measured.zh}，未在${dateText(before)}之前结束`), required, length: len.value };
    }
    if (after !== undefined && p.start <= after) {
      return { outcome: 'failed', measured: t(`${measured.en}, started on or before ${dateText(after)}`, `${measured.zh}，开始于${dateText(after)}或之前`), required, length: len.value };
    }
    return { outcome: 'passed', measured, required, length: len.value };
  };

  const units = spec.each ? n.units : undefined;
  if (!units) return bestOf(records.map(judge));
  const chosen: PublicityRecord[] = [];
  for (const u of units) {
    const mine = records.filter((p) => p.unit === u);
    if (mine.length === 0) return { outcome: 'failed', measured: t(`no publicity at ${u}`, `“${u}”无公示记录`), required };
    const results = mine.map((p) => ({ p, r: judge(p) }));
    const ok = results.find((x) => x.r.outcome === 'passed');
    if (!ok) return bestOf(results.map((x) => x.r));
    chosen.push(ok.p);
  }
  const latestStart = Math.max(...chosen.map((p) => p.start));
  const earliestEnd = Math.min(...chosen.map((p) => p.end));
  if (latestStart > earliestEnd) {
    return { outcome: 'failed', measured: t(`the publicity at ${units.join(', ')} did not run at the same time`, `在${units.join('、')}的公示未同时进行`), required };
  }
  return { outcome: 'passed', measured: t(`${units.length} units, all publicised together`, `${units.length} 个单位同时公示`), required };
}

/** The passing result if any; else an unknown one (calendar gap); else the longest failing period. */
function bestOf(results: readonly (CheckResult & { length?: number })[]): CheckResult {
  return results.find((r) => r.outcome === 'passed')
    ?? results.find((r) => r.outcome === 'unknown')
    ?? [...results].sort((a, b) => (b.length ?? 0) - (a.length ?? 0))[0]!;
}

export interface MaterialSpec {
  readonly id: string;
  readonly label: Localized;
  readonly required: boolean;
  readonly chars?: { readonly op: Op; readonly value: number } | { readonly about: number };
  readonly copies?: { readonly op: Op; readonly value: number };
  readonly formats?: readonly string[];
  readonly sizeBytes?: { readonly min: number; readonly max: number };
  readonly namePattern?: readonly ({ readonly text: string } | { readonly field: string; readonly format?: string })[];
  readonly electronic: boolean;
}

export interface MaterialResult {
  readonly problems: readonly Localized[];
  /** Fields the file-name pattern needs that the nominee does not have. */
  readonly missingFields: readonly string[];
}

function fmtDatePattern(day: Day, format: string): string {
  const [y, m, d] = dateText(day).split('-');
  return format.replace('yyyy', y!).replace('MM', m!).replace('dd', d!);
}

/** The file name a pattern asks for, or the fields it needs that are missing. */
export function expectedFileName(n: Nominee, pattern: NonNullable<MaterialSpec['namePattern']>): { name?: string; missing: string[] } {
  const missing: string[] = [];
  let name = '';
  for (const part of pattern) {
    if ('text' in part) { name += part.text; continue; }
    const v = part.field === 'name' ? n.ref.name || undefined : part.field === 'id' ? n.ref.id : n.values[part.field];
    if (v === undefined || v === '') { missing.push(part.field); continue; }
    name += typeof v === 'number' && part.format ? fmtDatePattern(v, part.format) : String(v);
  }
  return missing.length ? { missing } : { name, missing };
}

export function checkMaterial(n: Nominee, spec: MaterialSpec): MaterialResult {
  const m: MaterialRecord | undefined = n.materials[spec.id];
  const label = spec.label;
  // Zero copies is no copy at all: an optional material with 0 copies is simply not there.
  if (!m || m.copies === 0) return { problems: spec.required ? [t(`${label.en}: missing`, `${label.zh}：缺少`)] : [], missingFields: [] };
  const problems: Localized[] = [];
  const missingFields: string[] = [];
  if (spec.chars) {
    if (m.chars === undefined) problems.push(t(`${label.en}: number of characters not given`, `${label.zh}：未注明字数`));
    else if ('about' in spec.chars) {
      const lo = Math.floor(spec.chars.about * (1 - ABOUT_TOLERANCE));
      const hi = Math.ceil(spec.chars.about * (1 + ABOUT_TOLERANCE));
      if (m.chars < lo || m.chars > hi) problems.push(t(`${label.en}: ${m.chars} characters, not about ${spec.chars.about} (${lo}–${hi})`, `${label.zh}：${m.chars}字，不在${spec.chars.about}字左右（${lo}–${hi}字）`));
    } else if (!compare(m.chars, spec.chars.op, spec.chars.value)) {
      problems.push(t(`${label.en}: ${m.chars} characters, required ${boundText(spec.chars.op, t(String(spec.chars.value), String(spec.chars.value))).en}`, `${label.zh}：${m.chars}字，要求${boundText(spec.chars.op, t(`${spec.chars.value}字`, `${spec.chars.value}字`)).zh}`));
    }
  }
  if (spec.copies) {
    const c = m.copies ?? 0;
    if (!compare(c, spec.copies.op, spec.copies.value)) problems.push(t(`${label.en}: ${c} copies, required ${boundText(spec.copies.op, t(String(spec.copies.value), String(spec.copies.value))).en}`, `${label.zh}：${c}份，要求${boundText(spec.copies.op, t(`${spec.copies.value}份`, `${spec.copies.value}份`)).zh}`));
  }
  if (spec.formats && !(m.format && spec.formats.includes(m.format))) {
    problems.push(t(`${label.en}: format ${m.format ?? 'unknown'}, required ${spec.formats.join(' or ')}`, `${label.zh}：格式为${m.format ?? '未知'}，要求${spec.formats.join('或')}`));
  }
  if (spec.sizeBytes) {
    const kb = (b: number) => `${Math.round(b / 102.4) / 10} KB`;
    if (m.bytes === undefined) problems.push(t(`${label.en}: file size not given`, `${label.zh}：未注明文件大小`));
    else if (m.bytes < spec.sizeBytes.min || m.bytes > spec.sizeBytes.max) {
      problems.push(t(`${label.en}: ${kb(m.bytes)}, required ${kb(spec.sizeBytes.min)}–${kb(spec.sizeBytes.max)}`, `${label.zh}：${kb(m.bytes)}，要求${kb(spec.sizeBytes.min)}至${kb(spec.sizeBytes.max)}`));
    }
  }
  if (spec.namePattern) {
    const expected = expectedFileName(n, spec.namePattern);
    if (expected.name === undefined) missingFields.push(...expected.missing);
    else {
      const base = (m.fileName ?? '').replace(/\.[A-Za-z0-9]+$/, '');
      if (base !== expected.name) problems.push(t(`${label.en}: file named ${m.fileName ?? '(none)'}, expected ${expected.name}`, `${label.zh}：文件名为${m.fileName ?? '（无）'}，应为${expected.name}`));
    }
  }
  if (spec.electronic && m.electronic !== true) problems.push(t(`${label.en}: no electronic copy`, `${label.zh}：缺少电子版`));
  return { problems, missingFields };
}

export { UNIT_WORDS };
