/**
 * Deciding questions about conditions by evaluation: is a condition ever true, does one imply
 * another, are two the same. Every field a condition reads has finitely many cases that matter
 * (the values of a scale split where some condition splits them, numbers split at the constants that
 * appear), so the answer comes from trying one representative of each case. This is slow in theory
 * and instant for real rule files; past a size limit the answer is "unknown" rather than a guess.
 *
 * The same enumeration finds witnesses: a concrete nominee on which two conditions disagree.
 */
import { inPeriod } from '@awardrules/runtime';
import type { Period, Pred, Window } from './predicate.js';

/** The values a single-valued enumeration field can take. */
export type EnumValuesOf = (field: string) => readonly string[];

/** One concrete nominee, as far as the conditions at hand can tell. */
export type Point = ReadonlyMap<string, string | number | boolean | null>;

const DAYS_PER: Record<Window['unit'], number> = { days: 1, months: 30.4375, years: 365.25 };

function windowDays(w: Window): number {
  return w.amount * DAYS_PER[w.unit];
}

type Dimension = { readonly key: string; readonly domain: readonly (string | number | boolean | null)[] };

/** Keys under which a point stores what an atom reads. */
const keys = {
  enumField: (field: string) => `in:${field}`,
  flag: (field: string) => `flag:${field}`,
  has: (field: string, value: string) => `has:${field}:${value}`,
  cmp: (field: string, measure: string) => `cmp:${field}:${measure}`,
  text: (field: string) => `text:${field}`,
  /** Days since the latest record of one class of interchangeable kinds; null when there is none. */
  eventClass: (field: string, cls: number) => `event:${field}:${cls}`,
  /**
   * Whether one class has a record in the stretch of days from `day` to the next place where a period
   * starts or ends (see `periodSegments`); read only when the class has a record at all.
   */
  eventIn: (field: string, cls: number, day: number) => `eventIn:${field}:${cls}:${day}`,
  recent: (field: string) => `recent:${field}`,
  valid: (field: string) => `valid:${field}`,
};

function atoms(p: Pred, out: Pred[] = []): Pred[] {
  switch (p.k) {
    case 'const': break;
    case 'and': case 'or': for (const a of p.args) atoms(a, out); break;
    case 'not': atoms(p.arg, out); break;
    default: out.push(p);
  }
  return out;
}

/** A partition of items by the set of groups each belongs to; returns the class index of each item. */
function classify(items: readonly string[], groups: readonly (readonly string[])[]): Map<string, number> {
  const signature = (item: string) => groups.map((g) => (g.includes(item) ? '1' : '0')).join('');
  const classes = new Map<string, number>();
  const out = new Map<string, number>();
  for (const item of items) {
    const sig = signature(item);
    if (!classes.has(sig)) classes.set(sig, classes.size);
    out.set(item, classes.get(sig)!);
  }
  return out;
}

/**
 * The stretches of days that the periods of a field's conditions cut the calendar into, each by its
 * first day, keeping only those inside some period: a record's day matters to the conditions only by
 * which of these it falls in. Records in a period are not told apart by the latest one (as look-back
 * windows are, which all end at the reference date): a nominee may have one in 2018 and none in 2019.
 */
function periodSegments(periods: readonly Period[]): number[] {
  const cuts = [...new Set(periods.flatMap((p) => (p.to === undefined ? [p.from] : [p.from, p.to + 1])))].sort((a, b) => a - b);
  const inside = (day: number) => periods.some((p) => inPeriod(day, p.from, p.to));
  return cuts.filter(inside);
}

function representatives(thresholds: readonly number[]): number[] {
  const t = [...new Set(thresholds)].sort((a, b) => a - b);
  if (t.length === 0) return [0];
  const out = [t[0]! - 1];
  t.forEach((x, i) => {
    out.push(x);
    out.push(i + 1 < t.length ? (x + t[i + 1]!) / 2 : x + 1);
  });
  return out;
}

/** The cases that matter for a set of conditions. */
export class CaseSpace {
  readonly dimensions: Dimension[] = [];
  /** For event fields: the class index of every kind. */
  private readonly eventClasses = new Map<string, Map<string, number>>();
  /** For event fields with periods: the first day of each stretch of days that matters (see `periodSegments`). */
  private readonly eventSegments = new Map<string, readonly number[]>();

  constructor(preds: readonly Pred[], enumValuesOf: EnumValuesOf) {
    const all = preds.flatMap((p) => atoms(p));
    const byField = <K extends Pred['k']>(k: K) => {
      const m = new Map<string, Extract<Pred, { k: K }>[]>();
      for (const a of all) if (a.k === k) {
        const f = (a as Extract<Pred, { k: K }> & { field: string }).field;
        // Appended in place: copying the list on every atom made long conditions quadratic.
        let list = m.get(f);
        if (!list) m.set(f, (list = []));
        list.push(a as Extract<Pred, { k: K }>);
      }
      return m;
    };
    for (const [field, ins] of byField('in')) {
      const values = enumValuesOf(field);
      const classes = classify(values, ins.map((a) => a.values));
      const reps = new Map<number, string>();
      for (const v of values) if (!reps.has(classes.get(v)!)) reps.set(classes.get(v)!, v);
      this.dimensions.push({ key: keys.enumField(field), domain: [...reps.values()] });
    }
    for (const field of byField('flag').keys()) this.dimensions.push({ key: keys.flag(field), domain: [false, true] });
    const yesNo = new Set<string>();
    for (const a of all) {
      const key = a.k === 'has' ? keys.has(a.field, a.value) : a.k === 'valid' ? keys.valid(a.field) : undefined;
      if (key === undefined || yesNo.has(key)) continue;
      yesNo.add(key);
      this.dimensions.push({ key, domain: [false, true] });
    }
    const cmpGroups = new Map<string, number[]>();
    for (const a of all) if (a.k === 'cmp') {
      const key = keys.cmp(a.field, a.measure);
      let values = cmpGroups.get(key);
      if (!values) cmpGroups.set(key, (values = []));
      values.push(a.value);
    }
    for (const [key, values] of cmpGroups) this.dimensions.push({ key, domain: representatives(values) });
    for (const [field, texts] of byField('text')) {
      this.dimensions.push({ key: keys.text(field), domain: [...new Set(texts.map((t) => t.value)), null] });
    }
    for (const [field, events] of byField('event')) {
      const kinds = [...new Set(events.flatMap((e) => e.kinds))];
      const classes = classify(kinds, events.map((e) => e.kinds));
      this.eventClasses.set(field, classes);
      const ages = representatives(events.filter((e) => e.within).map((e) => windowDays(e.within!))).filter((x) => x >= 0);
      const count = new Set(classes.values()).size;
      const segments = periodSegments(events.flatMap((e) => (e.during ? [e.during] : [])));
      this.eventSegments.set(field, segments);
      for (let c = 0; c < count; c++) {
        this.dimensions.push({ key: keys.eventClass(field, c), domain: [null, ...ages] });
        for (const day of segments) this.dimensions.push({ key: keys.eventIn(field, c, day), domain: [false, true] });
      }
    }
    for (const [field, recents] of byField('recent')) {
      this.dimensions.push({ key: keys.recent(field), domain: representatives(recents.map((r) => windowDays(r.within))).filter((x) => x >= 0) });
    }
  }

  /** Whether class `cls` of an event field has a record in `period` (given that it has one at all). */
  private recordDuring(field: string, cls: number, period: Period, at: Point): boolean {
    for (const day of this.eventSegments.get(field)!) {
      if (inPeriod(day, period.from, period.to) && at.get(keys.eventIn(field, cls, day)) === true) return true;
    }
    return false;
  }

  /** The first days of the stretches of periods in which class `cls` of an event field has a record at `at` (none when it has no record). */
  daysWithRecords(field: string, cls: number, at: Point): number[] {
    const age = at.get(keys.eventClass(field, cls));
    if (age === null || age === undefined) return [];
    return (this.eventSegments.get(field) ?? []).filter((day) => at.get(keys.eventIn(field, cls, day)) === true);
  }

  /** A day in no period of an event field's conditions (the day before the first), if they have any. */
  dayOutsidePeriods(field: string): number | undefined {
    const first = this.eventSegments.get(field)?.[0];
    return first === undefined ? undefined : first - 1;
  }

  /** The kinds of record that make up class `cls` of an event field (for building a concrete nominee). */
  eventKinds(field: string, cls: number): string[] {
    return [...(this.eventClasses.get(field) ?? [])].filter(([, c]) => c === cls).map(([k]) => k);
  }

  /** Number of cases, or Infinity when too many to try. */
  size(limit = 200_000): number {
    let n = 1;
    for (const d of this.dimensions) { n *= d.domain.length; if (n > limit) return Infinity; }
    return n;
  }

  *points(): Generator<Point> {
    const dims = this.dimensions;
    const index = new Array<number>(dims.length).fill(0);
    for (;;) {
      yield new Map(dims.map((d, i) => [d.key, d.domain[index[i]!]!]));
      let i = dims.length - 1;
      while (i >= 0 && ++index[i]! >= dims[i]!.domain.length) { index[i] = 0; i--; }
      if (i < 0) return;
    }
  }

  evaluate(p: Pred, at: Point): boolean {
    switch (p.k) {
      case 'const': return p.value;
      case 'and': return p.args.every((a) => this.evaluate(a, at));
      case 'or': return p.args.some((a) => this.evaluate(a, at));
      case 'not': return !this.evaluate(p.arg, at);
      case 'in': return p.values.includes(at.get(keys.enumField(p.field)) as string);
      case 'flag': return at.get(keys.flag(p.field)) === true;
      case 'has': return at.get(keys.has(p.field, p.value)) === true;
      case 'valid': return at.get(keys.valid(p.field)) === true;
      case 'text': return at.get(keys.text(p.field)) === p.value;
      case 'cmp': {
        const v = at.get(keys.cmp(p.field, p.measure)) as number;
        switch (p.op) {
          case '=': return v === p.value;
          case '<': return v < p.value;
          case '<=': return v <= p.value;
          case '>': return v > p.value;
          case '>=': return v >= p.value;
        }
        return false;
      }
      case 'event': {
        const classes = this.eventClasses.get(p.field)!;
        const limit = p.within ? windowDays(p.within) : Infinity;
        const seen = new Set(p.kinds.map((k) => classes.get(k)!));
        for (const c of seen) {
          const age = at.get(keys.eventClass(p.field, c));
          if (age === null || age === undefined || (age as number) > limit) continue;
          if (!p.during || this.recordDuring(p.field, c, p.during, at)) return true;
        }
        return false;
      }
      case 'recent': {
        const age = at.get(keys.recent(p.field)) as number;
        return age <= windowDays(p.within);
      }
    }
  }
}

/**
 * Cases left to try across many questions (a whole file's checks): each question is capped on its own,
 * and the budget caps their sum, so a file of many rules cannot make checking take minutes.
 */
export interface CaseBudget {
  cases: number;
}

/** A case where `p` holds, `null` if there is none, `undefined` if there are too many cases to tell. */
export function findCase(p: Pred, enumValuesOf: EnumValuesOf, also: readonly Pred[] = [], budget?: CaseBudget): Point | null | undefined {
  const space = new CaseSpace([p, ...also], enumValuesOf);
  const size = space.size(budget ? Math.min(200_000, budget.cases) : 200_000);
  if (size === Infinity) return undefined;
  let tried = 0;
  try {
    for (const point of space.points()) {
      tried++;
      if (space.evaluate(p, point)) return point;
    }
    return null;
  } finally {
    if (budget) budget.cases -= tried;
  }
}

export function satisfiable(p: Pred, enumValuesOf: EnumValuesOf, budget?: CaseBudget): boolean | undefined {
  const c = findCase(p, enumValuesOf, [], budget);
  return c === undefined ? undefined : c !== null;
}

/** Whether every nominee satisfying `a` satisfies `b`; undefined when unknown. */
export function implies(a: Pred, b: Pred, enumValuesOf: EnumValuesOf, budget?: CaseBudget): boolean | undefined {
  const s = satisfiable({ k: 'and', args: [a, { k: 'not', arg: b }] }, enumValuesOf, budget);
  return s === undefined ? undefined : !s;
}

export function equivalent(a: Pred, b: Pred, enumValuesOf: EnumValuesOf, budget?: CaseBudget): boolean | undefined {
  const ab = implies(a, b, enumValuesOf, budget);
  const ba = implies(b, a, enumValuesOf, budget);
  return ab === undefined || ba === undefined ? undefined : ab && ba;
}
