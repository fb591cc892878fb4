/**
 * Classifies a pair of rules by trying them: concrete nominees (or slates) are built from every case
 * of the conditions both versions read (semantics.ts), and from the values that matter for publicity,
 * materials, deadlines and counts; each version's rule alone runs on them through the reference
 * interpreter. Where some fare worse and none better the rule tightened; the reverse, loosened; both,
 * changed in meaning. The first case of each direction is the witness, so every witness is a real
 * run of the validator, not a claim.
 */
import { and, CaseSpace, fieldsUsedBy, not, or, TRUE, type LineMap, type Model, type Point, type Pred, type RuleModel } from '@awardrules/language';
import { createReferenceValidator } from '@awardrules/interpreter';
import { chinaCalendar, formatDay, isoWeekday, windowStart, type Day, type Finding } from '@awardrules/runtime';
import type { Alignment, Translator } from './align.js';
import { fromPoint, Renderer, withValues, type Candidate, type MaterialEntry, type PublicityEntry } from './candidate.js';
import type { Verdict } from './types.js';

export interface DiffContext {
  readonly oldModel: Model;
  readonly newModel: Model;
  readonly oldLines: LineMap;
  readonly newLines: LineMap;
  readonly alignment: Alignment;
  /** The day look-back rules count to, for both versions alike. */
  readonly ref: Day;
  /** Awards (old ids) whose nominees are tried. */
  readonly awards: readonly string[];
  /** The new file's names in the old file's vocabulary. */
  readonly toOld: Translator;
}

/** One tried case whose outcome differs. */
export interface Difference {
  readonly kind: 'nominee' | 'slate';
  readonly candidates: readonly Candidate[];
  readonly before: Verdict;
  readonly after: Verdict;
  readonly noteBefore?: string;
  readonly noteAfter?: string;
  /** Rendered input for the new file. */
  readonly input: { readonly nominees: readonly Record<string, unknown>[] };
}

export interface Trial {
  /** Some case fares worse under the new version, some better. */
  readonly stricter?: Difference;
  readonly looser?: Difference;
  /** Notes (preferences) that read differently. */
  readonly renoted?: Difference;
  readonly exhaustive: boolean;
}

const RANK: Record<Verdict, number> = { passes: 0, warning: 1, fails: 2, undecided: -1 };
/** Cases tried per pair at most; past it, an even sample. */
const MAX_CASES = 4000;

// ── the condition space of a pair ─────────────────────────────────────────────────────────────

function enumValuesOf(ctx: DiffContext): (field: string) => readonly string[] {
  return (field) => {
    if (field === 'award') return ctx.awards;
    if (field === 'kind') return ['collective', 'individual'];
    const t = (ctx.oldModel.fields.get(field) ?? ctx.newModel.fields.get(field))?.type;
    if (!t || !('enum' in t)) return [];
    const olds = ctx.oldModel.enums.get(t.enum)?.values.map((v) => v.id) ?? [];
    const newEnum = [...ctx.alignment.enums].find(([, o]) => o === t.enum)?.[0] ?? t.enum;
    const map = ctx.alignment.values.get(t.enum);
    const news = (ctx.newModel.enums.get(newEnum)?.values ?? []).map((v) => map?.get(v.id) ?? v.id);
    return [...new Set([...olds, ...news])];
  };
}

const awardPred = (r: RuleModel | undefined): Pred => (r?.award ? { k: 'in', field: 'award', values: [r.award] } : TRUE);
const has = (field: string, ids: readonly string[]): Pred[] => ids.map((value) => ({ k: 'has', field, value }));

/** Everything a nominee rule reads, as conditions (attest items and consultations as `has`). */
function predsOf(r: RuleModel | undefined, ctx: DiffContext): Pred[] {
  if (!r) return [];
  const out: Pred[] = [awardPred(r), r.condition];
  switch (r.kind) {
    case 'scope': case 'prefer': case 'exempt': out.push(r.pred); break;
    case 'exclude': case 'require': out.push(r.pred, ...(r.unless ? [r.unless] : [])); break;
    case 'attest': out.push(...has('attested', attestItems(r.group))); break;
    case 'consult': out.push(...has('consulted', r.departments)); break;
    case 'route': out.push(...r.cases.map((c) => c.when), ...r.cases.map((c): Pred => ({ k: 'in', field: r.field, values: [c.target] }))); break;
    case 'cap': out.push(r.selector); break;
    case 'recommend': out.push(r.where, ...exemptions(ctx, r)); break;
    case 'quota': out.push(...exemptions(ctx, r)); break;
    default: break;
  }
  return out;
}

function attestItems(g: Extract<RuleModel, { kind: 'attest' }>['group']): string[] {
  return g.entries.flatMap((e) => (e.kind === 'item' ? [e.id] : attestItems(e)));
}

function exemptions(ctx: DiffContext, r: RuleModel): Pred[] {
  return ctx.oldModel.rules.filter((x) => x.kind === 'exempt' && (!x.award || x.award === r.award)).map((x) => (x as Extract<RuleModel, { kind: 'exempt' }>).pred);
}

/** The fields of dated records that some condition counts in a period of fixed dates. */
function periodFields(p: Pred, into: Set<string>): Set<string> {
  if (p.k === 'and' || p.k === 'or') for (const a of p.args) periodFields(a, into);
  else if (p.k === 'not') periodFields(p.arg, into);
  else if (p.k === 'event' && p.during) into.add(p.field);
  return into;
}

/**
 * A condition with look-back windows as the days they cover on the reference day the versions are run
 * with (`within 3 years` is a period from the window's first day on), where the case space must tell
 * them from periods of fixed dates: on a date field, and on records some condition counts in a period.
 * Records counted in windows alone keep them: the latest record decides them all, in fewer cases.
 */
function onReferenceDay(p: Pred, ref: Day, periods: ReadonlySet<string>): Pred {
  switch (p.k) {
    case 'and': case 'or': return { k: p.k, args: p.args.map((a) => onReferenceDay(a, ref, periods)) };
    case 'not': return { k: 'not', arg: onReferenceDay(p.arg, ref, periods) };
    case 'event': {
      if (!p.within || !periods.has(p.field)) return p;
      const { within, ...rest } = p;
      const from = windowStart(ref, within.amount, within.unit);
      return { ...rest, during: { ...p.during, from: Math.max(from, p.during?.from ?? from) } };
    }
    case 'recent': return { k: 'cmp', field: p.field, measure: 'date', op: '>=', value: windowStart(ref, p.within.amount, p.within.unit) };
    default: return p;
  }
}

/**
 * The cases of a set of conditions, at most `limit` of them (an even sample past it); `holds` tells
 * whether a condition holds in one of them.
 */
function cases(preds: readonly Pred[], ctx: DiffContext, limit: number): { space: CaseSpace; points: Point[]; exhaustive: boolean; holds: (p: Pred, at: Point) => boolean } {
  const periods = new Set<string>();
  for (const p of preds) periodFields(p, periods);
  const fixed = new Map<Pred, Pred>();
  const onRef = (p: Pred) => { let f = fixed.get(p); if (!f) fixed.set(p, (f = onReferenceDay(p, ctx.ref, periods))); return f; };
  const space = new CaseSpace(preds.map(onRef), enumValuesOf(ctx));
  const holds = (p: Pred, at: Point) => space.evaluate(onRef(p), at);
  const size = space.size(1_000_000);
  const points: Point[] = [];
  const consistent = (p: Point) => {
    const award = p.get('in:award') as string | undefined;
    const kind = p.get('in:kind') as string | undefined;
    if (!award || !kind) return true;
    return ctx.oldModel.awards.find((a) => a.id === award)?.kind === kind || ctx.newModel.awards.find((a) => ctx.alignment.awards.get(a.id) === award)?.kind === kind;
  };
  if (size === Infinity) {
    // Too many to enumerate: the first cases of the enumeration only, and say so.
    let i = 0;
    for (const p of space.points()) { if (consistent(p)) points.push(p); if (++i >= limit) break; }
    return { space, points, exhaustive: false, holds };
  }
  const step = Math.max(1, Math.ceil(size / limit));
  let i = 0;
  for (const p of space.points()) { if (i++ % step === 0 && consistent(p)) points.push(p); }
  return { space, points, exhaustive: step === 1, holds };
}

// ── running one version of a rule ─────────────────────────────────────────────────────────────

export class RuleRunner {
  private readonly renderers: Record<'old' | 'new', Renderer>;

  constructor(private readonly ctx: DiffContext) {
    this.renderers = { old: new Renderer('old', ctx.alignment, ctx.oldModel), new: new Renderer('new', ctx.alignment, ctx.oldModel) };
  }

  private readonly validators = new Map<RuleModel, ReturnType<typeof createReferenceValidator>>();

  /** The rule alone (with the file's exemptions, which shape counts), as a validator; made once per rule. */
  private validator(side: 'old' | 'new', rule: RuleModel) {
    let v = this.validators.get(rule);
    if (!v) this.validators.set(rule, (v = this.makeValidator(side, rule)));
    return v;
  }

  private makeValidator(side: 'old' | 'new', rule: RuleModel) {
    const model = side === 'old' ? this.ctx.oldModel : this.ctx.newModel;
    const lines = side === 'old' ? this.ctx.oldLines : this.ctx.newLines;
    const extra = rule.kind === 'quota' || rule.kind === 'recommend' ? model.rules.filter((r) => r.kind === 'exempt') : [];
    const rules = [rule, ...extra];
    // Only the fields these rules read: a slate of the whole file's fields would be checked for nothing.
    return createReferenceValidator({ ...model, rules, usedFields: fieldsUsedBy(model.fields, rules) }, lines);
  }

  defaultAward(rule: RuleModel | undefined): string {
    return rule?.award ?? this.ctx.awards[0] ?? this.ctx.oldModel.awards[0]?.id ?? '';
  }

  render(side: 'old' | 'new', list: readonly Candidate[], defaultAward: string): Record<string, unknown>[] {
    return list.map((c, i) => this.renderers[side].render(c, `W${i + 1}`, defaultAward));
  }

  /** Per candidate, how it fares under one version; absent rule: everyone passes. */
  nomineeVerdicts(side: 'old' | 'new', rule: RuleModel | undefined, list: readonly Candidate[], defaultAward: string): Verdict[] {
    if (!rule) return list.map(() => 'passes');
    const input = { nominees: this.render(side, list, defaultAward) };
    const result = this.validator(side, rule)(input, { referenceDate: formatDay(this.ctx.ref) });
    const byId = new Map<string, Verdict>();
    for (const f of result.findings) {
      const id = f.nominee?.id;
      if (!id) continue;
      const v = verdictOf(f);
      if (v === undefined) continue;
      const prev = byId.get(id);
      if (prev === undefined || (v === 'undecided' ? prev !== 'fails' : RANK[v] > RANK[prev])) byId.set(id, v);
    }
    return list.map((_, i) => byId.get(`W${i + 1}`) ?? 'passes');
  }

  /** How a whole slate fares under one version: its verdict and the text of any note. */
  slateVerdict(side: 'old' | 'new', rule: RuleModel | undefined, slate: readonly Candidate[], defaultAward: string): { verdict: Verdict; note?: string } {
    if (!rule) return { verdict: 'passes' };
    const input = { nominees: this.render(side, slate, defaultAward) };
    const result = this.validator(side, rule)(input, { referenceDate: formatDay(this.ctx.ref) });
    let verdict: Verdict = 'passes';
    let note: string | undefined;
    for (const f of result.findings) {
      if (f.kind === 'prefer' && f.severity === 'info') { note = f.measured?.en; continue; }
      const v = verdictOf(f);
      if (v === undefined) continue;
      if (v === 'undecided') { verdict = 'undecided'; break; }
      if (RANK[v] > RANK[verdict]) verdict = v;
    }
    return { verdict, ...(note !== undefined ? { note } : {}) };
  }
}

function verdictOf(f: Finding): Verdict | undefined {
  if (f.rule === 'data') return f.blocks?.length ? 'undecided' : undefined;
  if (f.kind === 'calendar') return 'undecided';
  if (f.severity === 'error') return 'fails';
  if (f.severity === 'warning') return 'warning';
  // Notes ("not checked: no selection") leave the outcome open.
  return f.fields.includes('selected') ? 'undecided' : undefined;
}

// ── trying a pair ─────────────────────────────────────────────────────────────────────────────

const NOMINEE_KINDS = new Set(['scope', 'exclude', 'require', 'attest', 'route', 'publicity', 'consult', 'deadline', 'material', 'prefer', 'exempt']);

/**
 * `oldRule` in the old vocabulary; `newRule` as the new file has it and `translated` in the old
 * vocabulary (cases are built in the old one and rendered for each file).
 */
export function tryPair(ctx: DiffContext, runner: RuleRunner, oldRule: RuleModel | undefined, newRule: RuleModel | undefined, translated: RuleModel | undefined): Trial {
  const kind = (oldRule ?? translated)!.kind;
  if (kind === 'prefer' || kind === 'exempt') return tryMembership(ctx, runner, oldRule, translated);
  if (NOMINEE_KINDS.has(kind)) return tryNominees(ctx, runner, oldRule, newRule, translated);
  return trySlates(ctx, runner, oldRule, newRule, translated);
}

function firstDifferences(before: readonly Verdict[], after: readonly Verdict[]): { stricter?: number; looser?: number } {
  let stricter: number | undefined;
  let looser: number | undefined;
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!; const a = after[i]!;
    if (b === 'undecided' || a === 'undecided' || b === a) continue;
    if (RANK[a] > RANK[b]) stricter ??= i; else looser ??= i;
    if (stricter !== undefined && looser !== undefined) break;
  }
  return { ...(stricter !== undefined ? { stricter } : {}), ...(looser !== undefined ? { looser } : {}) };
}

function tryNominees(ctx: DiffContext, runner: RuleRunner, oldRule: RuleModel | undefined, newRule: RuleModel | undefined, translated: RuleModel | undefined): Trial {
  const extras = procedureExtras(ctx, oldRule, translated);
  const { space, points, exhaustive } = cases([...predsOf(oldRule, ctx), ...predsOf(translated, ctx)], ctx, Math.max(1, Math.floor(MAX_CASES / extras.length)));
  const list: Candidate[] = [];
  for (const p of points) {
    const base = fromPoint(p, space, ctx, ctx.ref);
    for (const e of extras) list.push(e(base));
  }
  const award = runner.defaultAward(oldRule ?? translated);
  const before = runner.nomineeVerdicts('old', oldRule, list, award);
  const after = runner.nomineeVerdicts('new', newRule, list, award);
  const { stricter, looser } = firstDifferences(before, after);
  const diff = (i: number): Difference => ({ kind: 'nominee', candidates: [list[i]!], before: before[i]!, after: after[i]!, input: { nominees: runner.render('new', [list[i]!], award) } });
  return { ...(stricter !== undefined ? { stricter: diff(stricter) } : {}), ...(looser !== undefined ? { looser: diff(looser) } : {}), exhaustive };
}

/** Preferences and exemptions only sort nominees: compare who they take in, case by case. */
function tryMembership(ctx: DiffContext, runner: RuleRunner, oldRule: RuleModel | undefined, translated: RuleModel | undefined): Trial {
  const member = (r: RuleModel | undefined): Pred => (r && (r.kind === 'prefer' || r.kind === 'exempt') ? and(awardPred(r), r.condition, r.pred) : { k: 'const', value: false });
  const a = member(oldRule);
  const b = member(translated);
  const { space, points, exhaustive, holds } = cases([a, b], ctx, MAX_CASES);
  const award = runner.defaultAward(oldRule ?? translated);
  let gained: Point | undefined;
  let lost: Point | undefined;
  for (const p of points) {
    const x = holds(a, p); const y = holds(b, p);
    if (!x && y) gained ??= p;
    if (x && !y) lost ??= p;
    if (gained && lost) break;
  }
  const kind = (oldRule ?? translated)!.kind;
  const diff = (p: Point, inBefore: boolean): Difference => {
    const c = fromPoint(p, space, ctx, ctx.ref);
    return {
      kind: 'nominee', candidates: [c], before: 'passes', after: 'passes',
      noteBefore: inBefore ? (kind === 'exempt' ? 'exempt' : 'preferred') : (kind === 'exempt' ? 'counted' : 'not preferred'),
      noteAfter: inBefore ? (kind === 'exempt' ? 'counted' : 'not preferred') : (kind === 'exempt' ? 'exempt' : 'preferred'),
      input: { nominees: runner.render('new', [c], award) },
    };
  };
  if (kind === 'exempt') {
    // More nominees exempt from the quota is looser; fewer, stricter.
    return { ...(lost ? { stricter: diff(lost, true) } : {}), ...(gained ? { looser: diff(gained, false) } : {}), exhaustive };
  }
  const any = gained ?? lost;
  return { ...(any ? { renoted: diff(any, any === lost) } : {}), exhaustive };
}

// ── procedures: what a publicity, material or deadline rule looks at ───────────────────────────

type Extra = (c: Candidate) => Candidate;

function procedureExtras(ctx: DiffContext, a: RuleModel | undefined, b: RuleModel | undefined): Extra[] {
  const rules = [a, b].filter((r): r is RuleModel => !!r);
  const kind = rules[0]!.kind;
  if (kind === 'publicity') return publicityExtras(ctx, rules as Extract<RuleModel, { kind: 'publicity' }>[]);
  if (kind === 'deadline') return deadlineExtras(rules as Extract<RuleModel, { kind: 'deadline' }>[]);
  if (kind === 'material') return materialExtras(rules as Extract<RuleModel, { kind: 'material' }>[]);
  return [(c) => c];
}

/** The day before each public holiday (a weekday off) in the year up to `anchor`. */
function holidayStarts(anchor: Day): Day[] {
  const out: Day[] = [];
  let inHoliday = false;
  for (let d = anchor - 365; d < anchor; d++) {
    const off = chinaCalendar.isWorkday(d) === false && isoWeekday(d) <= 5;
    if (off && !inHoliday) out.push(d - 1);
    inHoliday = off;
  }
  return out;
}

function deadlineExtras(rules: readonly Extract<RuleModel, { kind: 'deadline' }>[]): Extra[] {
  // Reaching every stage either version names on the same day: a deadline that moved to another stage shows too.
  const stages = [...new Set(rules.map((r) => r.stage))];
  const days = [...new Set(rules.flatMap((r) => [r.date - 1, r.date, r.date + 1]))].sort((x, y) => x - y);
  const all = days.map((d): Extra => (c) => ({ ...c, submitted: Object.fromEntries(stages.map((s) => [s, formatDay(d)])) }));
  const each = stages.length > 1 ? stages.flatMap((s) => days.map((d): Extra => (c) => ({ ...c, submitted: { [s]: formatDay(d) } }))) : [];
  return [(c) => c, ...all, ...each];
}

function publicityExtras(ctx: DiffContext, rules: readonly Extract<RuleModel, { kind: 'publicity' }>[]): Extra[] {
  const levels = [...new Set(rules.map((r) => r.level))];
  const stages = [...new Set(rules.flatMap((r) => [r.after, r.before]).filter((s): s is string => !!s))];
  const befores = [...new Set(rules.map((r) => r.before).filter((s): s is string => !!s))];
  const afters = [...new Set(rules.map((r) => r.after).filter((s): s is string => !!s))];
  const deadline = (s: string) => ctx.oldModel.stages.find((x) => x.id === s)?.deadline;
  const anchor = befores.map(deadline).find((d) => d !== undefined) ?? ctx.ref;
  const each = rules.some((r) => r.each);
  const out: Extra[] = [(c) => c];
  const lengths = [...new Set(rules.flatMap((r) => [r.duration.amount - 1, r.duration.amount, r.duration.amount + 2]))].filter((x) => x > 0).sort((x, y) => x - y);
  // Starts on each day of a week, so that weekends fall in every position, and just before the public
  // holidays of the year before the anchor, where working days and calendar days part most.
  const starts = [...Array.from({ length: 7 }, (_, s) => anchor - 28 + s), ...holidayStarts(anchor)];
  for (const level of levels) {
    for (const [s, start] of starts.entries()) {
      for (const len of lengths) {
        const end = start + len - 1;
        const record: PublicityEntry = { level, start: formatDay(start), end: formatDay(end) };
        const submitted: Record<string, string> = {};
        for (const b of befores) submitted[b] = formatDay(end + 1);
        for (const a of afters) submitted[a] = formatDay(start - 1);
        for (const st of stages) submitted[st] ??= formatDay(end + 1);
        out.push((c) => ({ ...c, publicity: [record], submitted }));
        if (each && s === 0) {
          out.push((c) => ({ ...c, units: ['甲单位', '乙单位'], publicity: [{ ...record, unit: '甲单位' }, { ...record, unit: '乙单位' }], submitted }));
          out.push((c) => ({ ...c, units: ['甲单位', '乙单位'], publicity: [{ ...record, unit: '甲单位' }], submitted }));
        }
      }
    }
    // Ending on the day it was submitted, and starting on the day the stage before it was reached.
    const start = anchor - 14;
    const end = start + 9;
    const late: Record<string, string> = {};
    for (const b of befores) late[b] = formatDay(end);
    for (const a of afters) late[a] = formatDay(start);
    out.push((c) => ({ ...c, publicity: [{ level, start: formatDay(start), end: formatDay(end) }], submitted: late }));
  }
  return out;
}

type MaterialItem = Extract<RuleModel, { kind: 'material' }>['items'][number];

function materialExtras(rules: readonly Extract<RuleModel, { kind: 'material' }>[]): Extra[] {
  const ids = [...new Set(rules.flatMap((r) => r.items.map((m) => m.id)))];
  const specs = (id: string) => rules.map((r) => r.items.find((m) => m.id === id)).filter((m): m is MaterialItem => !!m);
  const nums = (get: (m: MaterialItem) => { op: string; value: number } | { about: number } | undefined, id: string): number[] => {
    const out = new Set<number>([0, 1]);
    for (const m of specs(id)) {
      const b = get(m);
      if (!b) continue;
      if ('about' in b) for (const x of [Math.floor(b.about * 0.8), Math.ceil(b.about * 1.2)]) { out.add(x - 1); out.add(x); out.add(x + 1); }
      else { out.add(b.value - 1); out.add(b.value); out.add(b.value + 1); }
    }
    return [...out].filter((x) => x >= 0).sort((x, y) => x - y);
  };
  const okNum = (b: { op: string; value: number } | { about: number } | undefined, x: number) => {
    if (!b) return true;
    if ('about' in b) return x >= Math.floor(b.about * 0.8) && x <= Math.ceil(b.about * 1.2);
    return b.op === '<=' ? x <= b.value : b.op === '<' ? x < b.value : b.op === '>=' ? x >= b.value : b.op === '>' ? x > b.value : x === b.value;
  };
  /** A value both versions accept, if there is one (so the other requirements can be told apart). */
  const good = (values: number[], get: (m: MaterialItem) => { op: string; value: number } | { about: number } | undefined, id: string) =>
    values.find((x) => x > 0 && specs(id).every((m) => okNum(get(m), x))) ?? values.find((x) => x > 0) ?? 1;
  const name = '候选甲';
  const birth = '1980-05-06';
  const fileName = (m: MaterialItem | undefined) => (m?.namePattern ?? []).map((p) => (p.kind === 'text' ? p.text : p.field === 'name' ? name : p.field === 'birth-date' ? (p.format ?? 'yyyyMMdd').replace('yyyy', '1980').replace('MM', '05').replace('dd', '06') : `?${p.field}`)).join('');
  const out: Extra[] = [];
  const baseline = (id: string): MaterialEntry => {
    const ss = specs(id);
    const formats = ss.map((m) => m.formats).filter((f): f is readonly string[] => !!f);
    const format = formats.length ? (formats[0]!.find((f) => formats.every((g) => g.includes(f))) ?? formats[0]![0]!) : 'pdf';
    const sizes = ss.map((m) => m.sizeBytes).filter((s): s is { min: number; max: number } => !!s);
    const bytes = sizes.length ? Math.max(...sizes.map((s) => s.min)) : 100_000;
    const pattern = ss.find((m) => m.namePattern);
    // Only what some version asks about, so that witnesses name nothing beside the point.
    return {
      copies: good(nums((m) => m.copies, id), (m) => m.copies, id),
      ...(ss.some((m) => m.chars) ? { chars: good(nums((m) => m.chars, id), (m) => m.chars, id) } : {}),
      ...(ss.some((m) => m.electronic) ? { electronic: true } : {}),
      ...(formats.length || pattern ? { format } : {}), ...(sizes.length ? { bytes } : {}),
      ...(pattern ? { fileName: `${fileName(pattern)}.${format}` } : {}),
    };
  };
  const all = () => Object.fromEntries(ids.map((id) => [id, baseline(id)]));
  const withMaterial = (id: string, m: MaterialEntry | undefined): Extra => (c) => {
    const materials: Record<string, MaterialEntry> = all();
    if (m) materials[id] = m; else delete materials[id];
    return withValues({ ...c, name, materials, focus: id }, { 'birth-date': birth });
  };
  out.push(withMaterial(ids[0]!, baseline(ids[0]!)));
  for (const id of ids) {
    const b = baseline(id);
    out.push(withMaterial(id, undefined));
    for (const x of nums((m) => m.copies, id)) out.push(withMaterial(id, { ...b, copies: x }));
    for (const x of nums((m) => m.chars, id)) out.push(withMaterial(id, { ...b, chars: x }));
    out.push(withMaterial(id, { ...b, electronic: false }));
    for (const f of [...new Set([...specs(id).flatMap((m) => m.formats ?? []), 'other'])]) out.push(withMaterial(id, { ...b, format: f, ...(b.fileName ? { fileName: b.fileName.replace(/\.[^.]*$/, `.${f}`) } : {}) }));
    for (const s of specs(id).map((m) => m.sizeBytes).filter((x): x is { min: number; max: number } => !!x)) {
      for (const bytes of [s.min - 1, s.min, s.max, s.max + 1]) out.push(withMaterial(id, { ...b, bytes }));
    }
    for (const m of specs(id)) if (m.namePattern) out.push(withMaterial(id, { ...b, fileName: `${fileName(m)}.${b.format}` }));
    out.push(withMaterial(id, { ...b, fileName: `其他名称.${b.format}` }));
  }
  return out;
}

// ── slates: caps and counts ─────────────────────────────────────────────────────────────────────

type SlateRule = Extract<RuleModel, { kind: 'cap' | 'quota' | 'recommend' }>;

function trySlates(ctx: DiffContext, runner: RuleRunner, oldRule: RuleModel | undefined, newRule: RuleModel | undefined, translated: RuleModel | undefined): Trial {
  const rules = [oldRule, translated].filter((r): r is SlateRule => !!r && (r.kind === 'cap' || r.kind === 'quota' || r.kind === 'recommend'));
  if (rules.length < 2) return { exhaustive: true };
  const award = runner.defaultAward(oldRule ?? translated);
  const slates = rules[0]!.kind === 'cap' ? capSlates(ctx, rules as Extract<SlateRule, { kind: 'cap' }>[], award) : countSlates(ctx, rules as Extract<SlateRule, { kind: 'quota' | 'recommend' }>[], award);
  let stricter: Difference | undefined;
  let looser: Difference | undefined;
  for (const slate of slates.list) {
    const b = runner.slateVerdict('old', oldRule, slate, award).verdict;
    const a = runner.slateVerdict('new', newRule, slate, award).verdict;
    if (b === 'undecided' || a === 'undecided' || a === b) continue;
    const d: Difference = { kind: 'slate', candidates: slate, before: b, after: a, input: { nominees: runner.render('new', slate, award) } };
    if (RANK[a] > RANK[b]) stricter ??= d; else looser ??= d;
    if (stricter && looser) break;
  }
  return { ...(stricter ? { stricter } : {}), ...(looser ? { looser } : {}), exhaustive: slates.exhaustive };
}

/** Representatives of each combination of membership: in the group under both versions, one, neither. */
function classes(ctx: DiffContext, preds: readonly Pred[], base: readonly Pred[]): { reps: Map<string, Candidate>; exhaustive: boolean } {
  const { space, points, exhaustive, holds } = cases([...preds, ...base], ctx, MAX_CASES);
  const reps = new Map<string, Candidate>();
  for (const p of points) {
    if (!base.every((b) => holds(b, p))) continue;
    const sig = preds.map((q) => (holds(q, p) ? '1' : '0')).join('');
    if (!reps.has(sig)) reps.set(sig, fromPoint(p, space, ctx, ctx.ref));
  }
  return { reps, exhaustive };
}

function capSlates(ctx: DiffContext, rules: readonly Extract<SlateRule, { kind: 'cap' }>[], award: string): { list: Candidate[][]; exhaustive: boolean } {
  const groups = rules.map((r) => and(awardPred(r), r.condition, r.selector));
  const { reps, exhaustive } = classes(ctx, groups, []);
  const percents = rules.flatMap((r) => (r.bound === 'controlled' ? [0, 1] : [r.bound.percent]));
  const opsDiffer = new Set(rules.map((r) => (r.bound === 'controlled' ? 'controlled' : r.bound.op))).size > 1;
  const size = slateSize(percents, opsDiffer);
  // Group sizes at each share in play and one either side of it.
  const at = (p: number) => (p * size) / 100;
  const counts = [...new Set(percents.flatMap((p) => [Math.floor(at(p)) - 1, Math.floor(at(p)), Math.floor(at(p)) + 1]).concat([0, size]))].filter((k) => k >= 0 && k <= size).sort((x, y) => x - y);
  const none = reps.get('0'.repeat(groups.length));
  const list: Candidate[][] = [];
  const selected = (c: Candidate, s = true): Candidate => ({ ...c, selected: s, award: c.award ?? award });
  const per = rules.map((r) => r.per).find((p) => p);
  for (const [sig, member] of reps) {
    if (sig === '0'.repeat(groups.length) || !none) continue;
    for (const k of counts) {
      // k of 100 in this class, everyone selected; then the same with half of the others not selected.
      list.push([...Array.from({ length: k }, () => selected(member)), ...Array.from({ length: size - k }, () => selected(none))]);
      list.push([...Array.from({ length: k }, () => selected(member)), ...Array.from({ length: size - k }, (_, i) => selected(none, i % 2 === 0))]);
      list.push([...Array.from({ length: k }, (_, i) => selected(member, i % 2 === 0)), ...Array.from({ length: size - k }, () => selected(none))]);
      list.push([...Array.from({ length: k }, () => selected(member, false)), ...Array.from({ length: size - k }, () => selected(none))]);
      if (per) {
        // Everyone of the group in one value of the split field, the rest in another.
        const values = enumValuesOf(ctx)(per);
        if (values.length >= 2) list.push([...Array.from({ length: k }, () => withValues(selected(member), { [per]: values[0] })), ...Array.from({ length: size - k }, (_, i) => withValues(selected(none), { [per]: values[i < k ? 0 : 1] }))]);
      }
    }
  }
  // Another award's nominees in the total (caps counted within one award or across all).
  const other = ctx.awards.find((a) => a !== award);
  if (other && none) for (const base of [...list]) if (base.length === size) { list.push([...base, ...Array.from({ length: size }, () => ({ ...none, selected: true, award: other }))]); break; }
  return { list, exhaustive };
}

/**
 * The smallest slate that still tells the shares in play apart: some group size falls strictly between
 * each two of them; when the bounds differ only in `<` against `<=`, each share must be a whole number.
 */
function slateSize(percents: readonly number[], exact: boolean): number {
  const ps = [...new Set(percents)].sort((a, b) => a - b);
  const fits = (n: number) => {
    if (exact && !ps.every((p) => Number.isInteger((p * n) / 100))) return false;
    for (let i = 1; i < ps.length; i++) {
      const lo = (ps[i - 1]! * n) / 100;
      const hi = (ps[i]! * n) / 100;
      if (Math.floor(lo) + 1 >= hi && !Number.isInteger(hi)) return false;
    }
    return true;
  };
  return [10, 20, 25, 40, 50, 100].find(fits) ?? 100;
}

function countSlates(ctx: DiffContext, rules: readonly Extract<SlateRule, { kind: 'quota' | 'recommend' }>[], award: string): { list: Candidate[][]; exhaustive: boolean } {
  const inCount = rules.map((r) => and(awardPred(r), r.condition, r.kind === 'recommend' ? r.where : TRUE, not(or(...exemptions(ctx, r)))));
  const { reps, exhaustive } = classes(ctx, inCount, []);
  const counted = reps.get('1'.repeat(inCount.length)) ?? [...reps.values()][0];
  if (!counted) return { list: [], exhaustive };
  const per = rules.map((r) => r.per).find((p) => p);
  const limits = (r: (typeof rules)[number], key: string | undefined): number[] => {
    const a = r.amount;
    if (a.kind === 'number') return [a.value];
    if (a.kind === 'share-of-quota') {
      const model = r === rules[0] ? ctx.oldModel : ctx.newModel;
      const q = model.rules.find((x) => x.kind === 'quota' && !x.per && x.amount.kind === 'number' && (x.award ?? '') === (r.award ?? '') );
      return q?.kind === 'quota' && q.amount.kind === 'number' ? [Math.floor((a.percent * q.amount.value) / 100), Math.ceil((a.percent * q.amount.value) / 100)] : [];
    }
    const isOld = r === rules[0];
    const table = (isOld ? ctx.oldModel : ctx.newModel).tables.find((t) => t.id === a.table);
    // The new file's table is keyed in its own vocabulary.
    const rowKey = (k: string) => (isOld || !table ? k : ctx.toOld.value(table.keyField, k));
    return (table?.rows ?? []).filter((row) => key === undefined || rowKey(row.key) === key).map((row) => row.values[a.column] ?? 0);
  };
  // An enumerated split (region) is tried key by key; a free-text one (recommender) with one value for all.
  const keyValues = per ? enumValuesOf(ctx)(per) : [];
  const keys: (string | undefined)[] = keyValues.length ? keyValues.slice(0, 60) : [undefined];
  const list: Candidate[][] = [];
  for (const key of keys) {
    const ns = [...new Set([0, ...rules.flatMap((r) => limits(r, key)).flatMap((n) => [n - 1, n, n + 1])])].filter((n) => n >= 0 && n <= 500).sort((x, y) => x - y);
    for (const n of ns) {
      let one: Candidate = { ...counted, selected: true, award: counted.award ?? award };
      if (key !== undefined && per) one = withValues(one, { [per]: key });
      if (per && !keyValues.length) one = withValues(one, { [per]: '推荐单位甲' });
      list.push(Array.from({ length: n }, () => one));
    }
  }
  // Nominees counted by one version only (a `where`, an exemption): the smallest slate that shows it.
  for (const [sig, c] of reps) {
    if (sig === '1'.repeat(inCount.length) || sig === '0'.repeat(inCount.length)) continue;
    for (const r of rules) for (const lim of limits(r, undefined)) {
      list.push(Array.from({ length: lim + 1 }, () => ({ ...c, selected: true, award: c.award ?? award })));
    }
  }
  return { list, exhaustive };
}
