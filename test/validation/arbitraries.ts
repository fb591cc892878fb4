/**
 * fast-check arbitraries for slates, built from a rule file's `SlateSchema` (what a slate must carry,
 * field by field) plus `SlateHints` read from its model (the thresholds its rules compare with), so
 * that generated slates sit on the boundaries where implementations tend to disagree:
 *
 * - dates on, one day before and one day after the reference date minus N years/months/days (满N年,
 *   the "within N years" window that starts the day after R − N), on 29 February, across Chinese
 *   holidays and make-up working days, next to stage deadlines; publicity periods of 3–8 days there;
 *   dates in the other spellings the runtime accepts (`2024-3-5`, `2024年3月5日`);
 * - numbers at and next to every threshold, counts that make a share exactly N% and just above, and
 *   slates padded to exactly a quota, one below and one above;
 * - missing values (absent, null, blank text) often, empty sets and lists, values of other awards,
 *   collectives and individuals, `selected` present, absent or mixed.
 *
 * `malformedArbitrary` builds input that is wrong in every way a spreadsheet or a foreign system can
 * make it wrong, and says which data findings it must produce.
 */
import { fc } from '@fast-check/vitest';
import {
  addMonths, addYears, dayFromYmd, formatDay, parseDay, ymdFromDay,
  type Day, type FieldSchema, type SlateSchema, type ValidationOptions,
} from '@awardrules/runtime';
import type { Model, Pred } from '@awardrules/language';

// ── Hints: what the rules compare with ──────────────────────────────────────────────────────────

export interface Period {
  readonly amount: number;
  readonly unit: 'years' | 'months' | 'days';
}

export interface SlateHints {
  /** Look-back windows and tenures (满N年, 近N年). */
  readonly periods: readonly Period[];
  /** Numbers compared with in conditions (also percentages and durations). */
  readonly numbers: readonly number[];
  /** Date constants in conditions and deadlines. */
  readonly dates: readonly Day[];
  /** Texts compared with. */
  readonly texts: readonly string[];
  /** Head counts worth reaching exactly: quotas, table entries, shares of quotas. */
  readonly counts: readonly number[];
  /** Share bounds of caps, in per cent. */
  readonly percents: readonly number[];
  /** Characters, copies and byte sizes materials are measured against. */
  readonly materialNumbers: readonly number[];
  /** File formats materials ask for. */
  readonly formats: readonly string[];
  /** File-name patterns by material id. */
  readonly namePatterns: Readonly<Record<string, readonly ({ text: string } | { field: string; format?: string })[]>>;
}

function walk(p: Pred, h: { periods: Period[]; numbers: number[]; dates: Day[]; texts: string[] }): void {
  switch (p.k) {
    case 'and': case 'or': for (const a of p.args) walk(a, h); return;
    case 'not': walk(p.arg, h); return;
    case 'cmp':
      if (p.measure.startsWith('tenure-')) h.periods.push({ amount: p.value, unit: p.measure.slice(7) as Period['unit'] });
      else if (p.measure === 'date') h.dates.push(p.value);
      else h.numbers.push(p.value);
      return;
    case 'event':
      if (p.within) h.periods.push(p.within);
      // The days on either side of each end of a period.
      if (p.during) h.dates.push(p.during.from - 1, p.during.from, ...(p.during.to === undefined ? [] : [p.during.to, p.during.to + 1]));
      return;
    case 'recent': h.periods.push(p.within); return;
    case 'text': h.texts.push(p.value); return;
    default: return;
  }
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function hintsOf(model: Model): SlateHints {
  const h = { periods: [] as Period[], numbers: [] as number[], dates: [] as Day[], texts: [] as string[] };
  const counts: number[] = [];
  const percents: number[] = [];
  const materialNumbers: number[] = [];
  const formats: string[] = [];
  const namePatterns: Record<string, ({ text: string } | { field: string; format?: string })[]> = {};
  for (const r of model.rules) {
    walk(r.condition, h);
    switch (r.kind) {
      case 'scope': case 'exempt': case 'prefer': walk(r.pred, h); break;
      case 'exclude': case 'require': walk(r.pred, h); if (r.unless) walk(r.unless, h); break;
      case 'cap': walk(r.selector, h); if (r.bound !== 'controlled') percents.push(r.bound.percent); break;
      case 'route': for (const c of r.cases) walk(c.when, h); break;
      case 'deadline': h.dates.push(r.date); break;
      case 'quota': case 'recommend':
        if (r.kind === 'recommend') walk(r.where, h);
        if (r.amount.kind === 'number') counts.push(r.amount.value);
        else if (r.amount.kind === 'table') {
          const a = r.amount;
          for (const row of model.tables.find((t) => t.id === a.table)?.rows ?? []) counts.push(row.values[a.column] ?? 0);
        } else {
          const q = model.rules.find((x) => x.kind === 'quota' && x.award === r.award && x.amount.kind === 'number');
          if (q?.kind === 'quota' && q.amount.kind === 'number') counts.push(Math.ceil((r.amount.percent * q.amount.value) / 100));
        }
        break;
      case 'material':
        for (const m of r.items) {
          if (m.chars && 'about' in m.chars) materialNumbers.push(Math.floor(m.chars.about * 0.8), Math.ceil(m.chars.about * 1.2), m.chars.about);
          else if (m.chars) materialNumbers.push(m.chars.value);
          if (m.copies) materialNumbers.push(m.copies.value);
          if (m.sizeBytes) materialNumbers.push(m.sizeBytes.min, m.sizeBytes.max);
          formats.push(...(m.formats ?? []));
          if (m.namePattern) namePatterns[m.id] = m.namePattern.map((p) => (p.kind === 'text' ? { text: p.text } : { field: p.field, ...(p.format ? { format: p.format } : {}) }));
        }
        break;
      default: break;
    }
  }
  for (const s of model.stages) if (s.deadline !== undefined) h.dates.push(s.deadline);
  return {
    periods: uniq(h.periods.map((p) => JSON.stringify(p))).map((s) => JSON.parse(s) as Period),
    numbers: uniq(h.numbers), dates: uniq(h.dates), texts: uniq(h.texts), counts: uniq(counts), percents: uniq(percents),
    materialNumbers: uniq(materialNumbers), formats: uniq(formats), namePatterns,
  };
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────────

const D = (s: string): Day => parseDay(s)!;
const day = (y: number, m: number, d: number): Day => dayFromYmd(y, m, d);

/** Holiday weeks with make-up working days around them (State Council schedules). */
export const HOLIDAY_SPANS: readonly (readonly [string, string])[] = [
  ['2024-02-04', '2024-02-19'], // Spring Festival 2024; 2024-02-04 and 2024-02-18 are make-up working days
  ['2021-09-18', '2021-09-22'], // Mid-Autumn 2021; 2021-09-18 is a make-up working day
  ['2017-09-30', '2017-10-09'], // National Day and Mid-Autumn 2017
  ['2021-09-26', '2021-10-09'], // National Day 2021; 09-26 and 10-09 are make-up working days
  ['2020-01-19', '2020-02-03'], // Spring Festival 2020, extended
  ['2023-09-28', '2023-10-08'], // Mid-Autumn and National Day 2023
  ['2021-07-23', '2021-08-06'], // ordinary summer weeks (Qinghai 2021 deadlines)
  ['2020-03-14', '2020-03-26'], // ordinary weeks (Jilin 2020 deadline)
  ['2017-11-10', '2017-11-21'], // ordinary weeks (Sichuan 2017 deadline)
  ['2024-04-03', '2024-04-08'], // Qingming 2024; 04-07 is a make-up working day
  ['2016-12-25', '2017-01-03'], // the calendar's first year starts here
  ['2026-12-26', '2027-01-05'], // and ends here
];
const FEB_29 = ['2016-02-29', '2020-02-29', '2024-02-29'].map(D);
/** Day range of ordinary random dates. */
const EARLIEST = day(1955, 1, 1);
const LATEST = day(2028, 12, 31);

/**
 * Dates worth drawing for a slate checked on reference date `ref` (when there is one): `windows` are the
 * days around R − N for every look-back and tenure N of the rules (R − N completes N full years, R − N + 1
 * is the first day of the window "within N"), `boundary` the days around R, deadlines, the rules' dates
 * and 29 February, `holiday` the weeks around holidays and make-up working days.
 */
function datePool(ref: Day | undefined, hints: SlateHints, schema: SlateSchema): { windows: Day[]; boundary: Day[]; holiday: Day[] } {
  const windows: Day[] = [];
  const boundary: Day[] = [];
  const near = (into: Day[], d: Day, spread = 1) => { for (let k = -spread; k <= spread; k++) into.push(d + k); };
  if (ref !== undefined) {
    near(boundary, ref, 2);
    for (const p of hints.periods) {
      const back = p.unit === 'years' ? addYears(ref, -p.amount) : p.unit === 'months' ? addMonths(ref, -p.amount) : ref - p.amount;
      windows.push(back - 1, back, back + 1, back + 2);
    }
  }
  for (const d of hints.dates) near(boundary, d);
  for (const s of schema.stages) if (s.deadline) near(boundary, D(s.deadline), 2);
  for (const f of FEB_29) near(boundary, f);
  const holiday: Day[] = [];
  for (const [a, b] of HOLIDAY_SPANS) for (let d = D(a) - 2; d <= D(b) + 2; d++) holiday.push(d);
  return { windows: uniq(windows), boundary: uniq(boundary), holiday };
}

/** A date as text: usually ISO, sometimes in the other spellings the runtime reads. */
function dateText(d: Day, style: number): string {
  const { year, month, day: dd } = ymdFromDay(d);
  switch (style) {
    case 1: return `${year}-${month}-${dd}`;
    case 2: return `${year}年${month}月${dd}日`;
    case 3: return ` ${formatDay(d)} `;
    default: return formatDay(d);
  }
}
const dateStyle = fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) });

// ── Slates ──────────────────────────────────────────────────────────────────────────────────────

export interface Case {
  readonly input: unknown;
  readonly options: ValidationOptions;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Row = Record<string, Json>;

export interface SlateOptions {
  readonly maxNominees?: number;
}

/** Missing, in the ways a slate says "missing": absent, null, blank text. */
const MISSING = fc.constantFrom<'absent' | 'null' | 'blank'>('absent', 'absent', 'absent', 'null', 'blank');

interface World {
  readonly schema: SlateSchema;
  readonly hints: SlateHints;
  readonly dates: { windows: Day[]; boundary: Day[]; holiday: Day[] };
  readonly units: readonly string[];
  /** Probability (0–100) that a field is left out. */
  readonly missingRate: number;
}

function dateArb(w: World): fc.Arbitrary<Day> {
  return fc.oneof(
    ...(w.dates.windows.length ? [{ weight: 5, arbitrary: fc.constantFrom(...w.dates.windows) }] : []),
    { weight: 4, arbitrary: fc.constantFrom(...w.dates.boundary) },
    { weight: 2, arbitrary: fc.constantFrom(...w.dates.holiday) },
    { weight: 2, arbitrary: fc.integer({ min: EARLIEST, max: LATEST }) },
  );
}

function dateValue(w: World): fc.Arbitrary<string> {
  return fc.tuple(dateArb(w), dateStyle).map(([d, s]) => dateText(d, s));
}

function numberValue(w: World, f: FieldSchema): fc.Arbitrary<Json> {
  const near = w.hints.numbers.flatMap((n) => [n - 1, n - 0.5, n, n + 0.5, n + 1]).filter((n) => n >= 0);
  const base = fc.oneof(
    { weight: 5, arbitrary: near.length ? fc.constantFrom(...near) : fc.nat(20) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 2000 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 100, 12.5, 99.99) },
  );
  // Spreadsheets give numbers as text, percentages with a sign.
  return fc.tuple(base, fc.integer({ min: 0, max: 9 })).map(([n, k]): Json => {
    if (k === 0) return String(n);
    if (k === 1 && f.kind === 'percent') return `${n}%`;
    if (k === 2) return ` ${n} `;
    return n;
  });
}

function textValue(w: World): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 4, arbitrary: w.hints.texts.length ? fc.constantFrom(...w.hints.texts.flatMap((t) => [t, ` ${t} `, `${t}x`])) : fc.constant('某单位') },
    { weight: 2, arbitrary: fc.constantFrom('某单位', '无', 'constructor', '__proto__', '甲', '0') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }) },
  );
}

function fieldValue(w: World, f: FieldSchema): fc.Arbitrary<Json> | undefined {
  switch (f.kind) {
    case 'text': return textValue(w);
    case 'number': case 'percent': case 'duration': return numberValue(w, f);
    case 'bool': return fc.boolean();
    case 'date': case 'tenure': return dateValue(w);
    case 'enum': {
      // A list the rule file leaves empty (region, when it declares none) has no valid value.
      const v = f.values.length ? fc.constantFrom(...f.values) : fc.constant('no-such-value');
      if (!f.validity) return v;
      return fc.record({ value: v, validUntil: fc.option(dateValue(w), { nil: null, freq: 4 }) }, { requiredKeys: ['value'] }) as fc.Arbitrary<Json>;
    }
    case 'set': return fc.oneof(fc.constant<Json[]>([]), fc.subarray<Json>([...f.values], { maxLength: Math.min(4, f.values.length) }), fc.subarray<Json>([...f.values]), fc.constant<Json[]>([...f.values]));
    case 'events': {
      if (f.values.length === 0) return fc.constant<Json[]>([]);
      const event = fc.record({ kind: fc.constantFrom(...f.values), date: fc.option(dateValue(w), { nil: null, freq: 10 }) }).map(({ kind, date }): Json => (date === null ? { kind } : { kind, date }));
      // Mostly none or one record: with one, its date alone decides "within N years".
      return fc.oneof({ weight: 3, arbitrary: fc.constant<Json[]>([]) }, { weight: 4, arbitrary: fc.array(event, { minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: fc.array(event, { maxLength: 4 }) });
    }
    case 'units': return fc.oneof(fc.constant<Json[]>([]), fc.subarray<Json>([...w.units], { minLength: 1 }), fc.subarray<Json>([...w.units, ' ', ''], { minLength: 2 }));
    case 'submissions': {
      if (w.schema.stages.length === 0) return fc.constant({});
      const entry = (s: SlateSchema['stages'][number]) => {
        const anchor = s.deadline ? D(s.deadline) : undefined;
        const near = anchor !== undefined ? fc.integer({ min: -12, max: 3 }).map((k) => formatDay(anchor + k)) : dateValue(w);
        return fc.option(fc.oneof({ weight: 4, arbitrary: near }, { weight: 1, arbitrary: dateValue(w) }), { nil: undefined, freq: 3 });
      };
      return fc.tuple(...w.schema.stages.map(entry)).map((ds) => {
        const out: Row = {};
        w.schema.stages.forEach((s, i) => { if (ds[i] !== undefined) out[s.id] = ds[i]!; });
        return out;
      });
    }
    case 'publicity': return fc.array(publicityRecord(w), { maxLength: 4 });
    case 'materials': return materials(w);
  }
}

/** A publicity period of 3–8 days (sometimes longer), placed before a deadline, in a holiday week or anywhere. */
function publicityRecord(w: World): fc.Arbitrary<Json> {
  const deadlines = w.schema.stages.flatMap((s) => (s.deadline ? [D(s.deadline)] : []));
  const end = fc.oneof(
    { weight: 3, arbitrary: deadlines.length ? fc.tuple(fc.constantFrom(...deadlines), fc.integer({ min: -14, max: 1 })).map(([d, k]) => d + k) : dateArb(w) },
    { weight: 3, arbitrary: fc.constantFrom(...w.dates.holiday) },
    { weight: 1, arbitrary: dateArb(w) },
  );
  const length = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 3, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }) });
  return fc.record({
    level: fc.constantFrom(...w.schema.publicityLevels),
    unit: fc.option(fc.constantFrom(...w.units), { nil: undefined, freq: 2 }),
    end, length, style: dateStyle,
  }).map(({ level, unit, end: e, length: n, style }): Json => ({
    level, ...(unit !== undefined ? { unit } : {}), start: dateText(e - n + 1, style), end: dateText(e, style),
  }));
}

function materials(w: World): fc.Arbitrary<Json> {
  if (w.schema.materials.length === 0) return fc.constant({});
  const nums = uniq([0, 1, 2, 3, 5, ...w.hints.materialNumbers.flatMap((n) => [n - 1, n, n + 1])]).filter((n) => n >= 0);
  const num = fc.oneof(
    { weight: 20, arbitrary: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nums) }, { weight: 1, arbitrary: fc.nat(5_000_000) }), { nil: undefined, freq: 3 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const formats = uniq([...w.hints.formats, 'jpg', 'pdf', 'docx', 'JPG', '.pdf', 'png']);
  const record = fc.record({
    copies: num, chars: num, bytes: num,
    electronic: fc.option(fc.boolean(), { nil: undefined }),
    format: fc.option(fc.constantFrom(...formats), { nil: undefined, freq: 2 }),
    fileName: fc.option(fc.constantFrom('a.jpg', '事迹.pdf', 'photo', '.JPG'), { nil: undefined, freq: 2 }),
  }).map((m): Json => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Json);
  return fc.tuple(...w.schema.materials.map(() => fc.option(record, { nil: undefined, freq: 3 }))).map((ms) => {
    const out: Row = {};
    w.schema.materials.forEach((id, i) => { if (ms[i] !== undefined) out[id] = ms[i]!; });
    return out;
  });
}

/** The file name a material's pattern asks for, from the row (so that some names match exactly). */
function patternName(row: Row, pattern: SlateHints['namePatterns'][string], schema: SlateSchema): string | undefined {
  let name = '';
  for (const part of pattern) {
    if ('text' in part) { name += part.text; continue; }
    const prop = schema.fields.find((f) => f.id === part.field)?.prop ?? part.field;
    const v = row[prop];
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    const d = typeof v === 'string' ? parseDay(v) : undefined;
    if (d !== undefined && part.format) {
      const [y, m, dd] = formatDay(d).split('-');
      name += part.format.replace('yyyy', y!).replace('MM', m!).replace('dd', dd!);
    } else name += String(v).trim();
  }
  return name;
}

type AwardChoice = { readonly kind: 'award'; readonly id: string } | { readonly kind: 'blank' } | { readonly kind: 'other' };

interface Traits {
  /** How `selected` appears: on nobody, on everybody, on some. */
  readonly selection: 'absent' | 'all' | 'mixed';
  /** Share (0–100) of nominees selected, where selection is given. */
  readonly selectedRate: number;
  /** The award most nominees are for. */
  readonly dominant: number;
}

function nomineeArb(w: World, t: Traits): fc.Arbitrary<Row> {
  const { schema } = w;
  const awards = schema.awards;
  const award: fc.Arbitrary<AwardChoice> = fc.oneof(
    { weight: 12, arbitrary: fc.constant<AwardChoice>({ kind: 'award', id: awards[t.dominant % awards.length]!.id }) },
    { weight: 6, arbitrary: fc.constantFrom(...awards.map((a): AwardChoice => ({ kind: 'award', id: a.id }))) },
    { weight: 1, arbitrary: fc.constantFrom<AwardChoice>({ kind: 'blank' }, { kind: 'other' }) },
  );
  const kindMode = fc.oneof({ weight: 8, arbitrary: fc.constant('match' as const) }, { weight: 3, arbitrary: fc.constant('absent' as const) }, { weight: 1, arbitrary: fc.constant('other' as const) });
  const selected = fc.integer({ min: 0, max: 99 }).map((r) => r < t.selectedRate);
  const fields = schema.fields.filter((f) => !['id', 'name', 'kind', 'award'].includes(f.id));
  const values = fields.map((f) => fc.tuple(fc.integer({ min: 0, max: 99 }), MISSING, fieldValue(w, f) ?? fc.constant(null)));
  const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('王伟', '李芳', '某某局', '张敏', '刘洋') }, { weight: 1, arbitrary: fc.constantFrom('', ' ') });
  const unreadable = fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(1_000) });
  return fc.record({ award, kindMode, selected, selMissing: fc.integer({ min: 0, max: 3 }), name, values: fc.tuple(...values), patternRoll: fc.nat(3), unreadable })
    .map(({ award: a, kindMode: k, selected: s, selMissing, name: nm, values: vs, patternRoll, unreadable }) => {
      const row: Row = { name: nm };
      if (a.kind === 'award') row['award'] = a.id;
      else if (a.kind === 'other') row['award'] = 'no-such-award';
      const kindOf = a.kind === 'award' ? awards.find((x) => x.id === a.id)!.kind : undefined;
      if (k === 'match' && kindOf) row['kind'] = kindOf;
      else if (k === 'other') row['kind'] = kindOf === 'collective' ? 'individual' : 'collective';
      if (t.selection === 'all' || (t.selection === 'mixed' && selMissing > 0)) row['selected'] = s;
      fields.forEach((f, i) => {
        const [roll, how, v] = vs[i]!;
        if (roll < w.missingRate) {
          if (how === 'null') row[f.prop] = null;
          else if (how === 'blank') row[f.prop] = '';
          return;
        }
        row[f.prop] = v;
      });
      // A spreadsheet reader gives null for a cell it could not read: an entry of a list, a stage's date,
      // a material. The list is then incomplete, and what it lacks is unknown rather than absent.
      if (unreadable > 0 && fields.length > 0) {
        const f = fields[unreadable % fields.length]!;
        const v = row[f.prop];
        if (Array.isArray(v)) row[f.prop] = [...v, null];
        else if (v && typeof v === 'object') {
          const key = Object.keys(v)[0] ?? (f.kind === 'materials' ? w.schema.materials[0] : w.schema.stages[0]?.id);
          if (key !== undefined) row[f.prop] = { ...v, [key]: null };
        }
      }
      // Now and then, name material files exactly as their pattern asks (on copies: generated values are shared).
      const ms = row['materials'];
      if (patternRoll > 0 && ms && typeof ms === 'object' && !Array.isArray(ms)) {
        const named: Row = { ...ms };
        for (const [id, pattern] of Object.entries(w.hints.namePatterns)) {
          const m = named[id];
          if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
          const expected = patternName(row, pattern, schema);
          if (expected !== undefined) named[id] = { ...m, fileName: patternRoll === 1 ? expected : `${expected}.${patternRoll === 2 ? 'jpg' : 'PDF'}` };
        }
        row['materials'] = named;
      }
      return row;
    });
}

/** Working-day schedules a caller may supply: a year the built-in calendar lacks, one it replaces, and bad ones. */
const CALENDARS: fc.Arbitrary<NonNullable<ValidationOptions['calendar']>> = fc.constantFrom(
  [{ year: 2027, off: ['01-01', '2027-02-06', '2027-02-07'], on: ['2027-02-14'] }],
  [{ year: 2016, off: ['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'], on: ['10-08', '10-09'] }],
  [{ year: 2024, off: ['02-19'], on: [] }],
  [{ year: 2024, off: ['2024-02-30'] }, { year: 2028 }],
  [{ year: 2025, off: ['2026-01-01'], on: ['13-01'] }],
  [],
);

/** The reference date the options give: none, the file's, a deadline, a boundary day, or no date at all. */
function referenceOption(schema: SlateSchema, hints: SlateHints): fc.Arbitrary<string | undefined> {
  const specials = uniq([
    ...(schema.referenceDate ? [D(schema.referenceDate)] : []),
    ...schema.stages.flatMap((s) => (s.deadline ? [D(s.deadline)] : [])),
    ...hints.dates, ...FEB_29, D('2024-02-28'), D('2024-03-01'), D('2023-02-28'), D('2023-03-01'), D('2021-09-20'), D('2021-09-19'), D('2017-10-08'),
  ]).flatMap((d) => [d - 1, d, d + 1]);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: fc.constantFrom(...specials).map(formatDay) },
    { weight: 2, arbitrary: fc.integer({ min: day(2015, 1, 1), max: day(2027, 12, 31) }).map(formatDay) },
    { weight: 1, arbitrary: fc.constantFrom('2021-02-30', '2024-13-01', 'tomorrow', '', '2024年2月29日', '2024-2-29') },
  );
}

/**
 * A slate with its options. The slate is a random part (0–`maxNominees` nominees) and, half of the
 * time, blocks of identical nominees sized to land exactly on a quota or a share, or one past it.
 */
export function caseArbitrary(schema: SlateSchema, hints: SlateHints, opts: SlateOptions = {}): fc.Arbitrary<Case> {
  const maxNominees = opts.maxNominees ?? 40;
  return fc.record({
    reference: referenceOption(schema, hints),
    missingRate: fc.constantFrom(0, 10, 25, 40, 70),
    traits: fc.record({
      selection: fc.constantFrom<Traits['selection']>('absent', 'all', 'all', 'mixed'),
      selectedRate: fc.constantFrom(0, 20, 50, 80, 100),
      dominant: fc.nat(7),
    }),
    size: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: maxNominees }) }),
    padding: fc.nat(5),
  }).chain(({ reference, missingRate, traits, size, padding }) => {
    const ref = reference !== undefined ? parseDay(reference) : undefined;
    const effective = ref ?? (schema.referenceDate ? D(schema.referenceDate) : undefined);
    const w: World = { schema, hints, dates: datePool(effective, hints, schema), units: ['本单位', '某协会', '某学会'], missingRate };
    const nominee = nomineeArb(w, traits);
    // Blocks: n copies of one nominee and m of another, where n/(n+m) is a cap's share exactly or just over,
    // or n is a quota or table count, or one off it.
    const ratios = hints.percents.flatMap((p) => {
      for (let total = 1; total <= 40; total++) {
        const part = (p * total) / 100;
        if (Number.isInteger(part)) return [[part, total - part], [part + 1, total - part - 1], [part, total - part + 1]] as [number, number][];
      }
      return [[Math.ceil((p * 20) / 100), 20 - Math.ceil((p * 20) / 100)]] as [number, number][];
    }).filter(([a, b]) => a >= 0 && b >= 0);
    const counts = hints.counts.flatMap((c) => [c - 1, c, c + 1]).filter((c) => c > 0 && c <= 130);
    const blocks: fc.Arbitrary<[number, number]> = fc.oneof(
      ...(ratios.length ? [fc.constantFrom(...ratios)] : []),
      ...(counts.length ? [fc.constantFrom(...counts).map((c): [number, number] => [c, 0])] : []),
      fc.tuple(fc.nat(6), fc.nat(6)),
    );
    return fc.record({
      // Up to `size`, uniformly (size: 'max'); an array, not a fixed-length tuple, so that fast-check can shrink it.
      base: fc.array(nominee, { maxLength: size, size: 'max' }),
      blocks: padding >= 3 ? fc.tuple(blocks, nominee, nominee).map((b) => b) : fc.constant(undefined),
      ids: fc.nat(99),
      trace: fc.nat(99),
      wrapped: fc.nat(19),
      calendar: fc.option(CALENDARS, { nil: undefined, freq: 12 }),
    }).map(({ base, blocks: b, ids, trace, wrapped, calendar }): Case => {
      // Copies throughout: generated values are shared between runs and while shrinking.
      const rows = base.map((r) => ({ ...r }));
      if (b) {
        const [[n, m], x, y] = b;
        for (let i = 0; i < n; i++) rows.push({ ...x });
        for (let i = 0; i < m; i++) rows.push({ ...y });
      }
      // Ids: unique, now and then one missing or used twice.
      rows.forEach((r, i) => { r['id'] = `N${i + 1}`; });
      if (rows.length > 1 && ids < 4) rows[rows.length - 1]!['id'] = 'N1';
      else if (rows.length > 0 && ids < 7) delete rows[0]!['id'];
      else if (rows.length > 0 && ids < 9) rows[0]!['id'] = 1 as unknown as string;
      const options: ValidationOptions = {
        ...(reference !== undefined ? { referenceDate: reference } : {}),
        ...(calendar !== undefined ? { calendar } : {}),
        // Most of the time, trace one of the nominees (or someone who is not there).
        ...(trace < 60 && rows.length ? { trace: String(rows[trace % rows.length]!['id'] ?? '#1') } : trace < 65 ? { trace: 'nobody' } : {}),
      };
      // The engine takes { nominees } or a bare list.
      return { input: wrapped === 0 ? rows : { nominees: rows }, options };
    });
  });
}

// ── Malformed input ─────────────────────────────────────────────────────────────────────────────

/**
 * A data finding the input must produce: about the whole input (`slate`: it is not a list of nominees),
 * about an entry of the list that is not a nominee record (`entry`), or about a field of a nominee.
 */
export interface ExpectedIssue {
  readonly about: 'slate' | 'entry' | 'field';
  /** The nominee's id as findings give it (`#3`, `row 4` when it has none); absent for the slate. */
  readonly nominee?: string;
  readonly field?: string;
}

export interface MalformedCase extends Case {
  readonly expected: readonly ExpectedIssue[];
}

const LONE = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const BAD_DATES = ['2021-02-30', '2019-02-29', '2100-02-29', '2021-13-01', '2021-00-10', '2024/01/01', '20240101', '2024-01-01T00:00:00Z', '24-1-1', '二〇二四年一月一日', '\ud800', 'yesterday'];

/** An object with own properties under any key, `__proto__` included (as JSON.parse makes them). */
function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries) as Record<string, unknown>;
}

/** Any JSON-like junk: odd numbers, lone surrogates, prototype keys, nesting. */
export const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, -1, NaN, Infinity, -Infinity, 1e21, 2 ** 53 + 1, 0.1, '', ' ', '0', 'null', 'undefined', 'true', '是', ...LONE, ...PROTO_KEYS, ...BAD_DATES),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.double(),
    fc.integer(),
  ),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  object: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS, 'nominees', 'id', 'level', 'start', 'end', 'kind', 'date', 'value'), fc.string({ maxLength: 4 })), tie('node')), { maxLength: 4 }).map(ownObject),
})).node;

/** A value of the wrong type for a field, certain to be refused. */
function wrongValue(f: FieldSchema, schema: SlateSchema): fc.Arbitrary<unknown> {
  const notString = fc.constantFrom<unknown>(true, false, {}, [], [1], { a: 1 }, ownObject([['__proto__', { polluted: 1 }]]));
  const notValue = (values: readonly string[]) => fc.constantFrom('no-such-value', 'County', ...PROTO_KEYS, ...LONE, '2024-01-01').filter((v) => !values.includes(v));
  const stage = schema.stages[0]?.id;
  const material = schema.materials[0];
  const day = '2024-01-05';
  switch (f.kind) {
    case 'text': return notString;
    case 'number': case 'percent': case 'duration':
      return fc.oneof(notString, fc.constantFrom<unknown>(NaN, Infinity, -Infinity, 'abc', '12abc', '1e5', '--1', '5 %%', '１２', ...LONE));
    case 'bool': return fc.oneof(notString.filter((v) => typeof v !== 'boolean'), fc.constantFrom<unknown>(1, 0, 'yes', 'true', '是', 'no', ...LONE));
    case 'date': case 'tenure': return fc.oneof(fc.constantFrom<unknown>(...BAD_DATES, 20240101, 1.5, true, {}, []));
    case 'enum':
      if (f.validity) {
        return fc.oneof(
          notValue(f.values), fc.constantFrom<unknown>(5, true, [], {}),
          notValue(f.values).map((v) => ({ value: v, validUntil: '2025-01-01' })),
          fc.constantFrom(...BAD_DATES).map((d) => ({ value: f.values[0], validUntil: d })),
          fc.constant(ownObject([['__proto__', { value: f.values[0] }]])),
        );
      }
      return fc.oneof(notValue(f.values), fc.constantFrom<unknown>(5, true, [], {}, [f.values[0]]));
    case 'set':
      return fc.oneof(notValue(f.values), fc.constantFrom<unknown>(5, {}, [1], [f.values[0], 2], [null, 2]), notValue(f.values).map((v) => [v]));
    case 'events':
      return fc.oneof(
        fc.constantFrom<unknown>('x', 5, {}, [5], [null, 5], [{}], [{ kind: 'no-such-kind', date: day }], [{ date: day }]),
        fc.constantFrom(...BAD_DATES).map((d) => [{ kind: f.values[0], date: d }]),
        fc.constantFrom(...PROTO_KEYS).filter((k) => !f.values.includes(k)).map((k) => [{ kind: k }]),
      );
    case 'units': return fc.constantFrom<unknown>('本单位', 5, {}, [1], [null, 1], [['本单位']]);
    case 'publicity': {
      const level = schema.publicityLevels[0] ?? 'unit';
      return fc.constantFrom<unknown>(
        'x', 5, {}, [null, 5], [5], [{}],
        [{ level: 'moon', start: day, end: day }], [{ level, start: '2021-02-30', end: day }], [{ level, start: day }],
        [{ level, start: '2024-01-10', end: '2024-01-05' }], [{ level: ['unit'], start: day, end: day }], [ownObject([['__proto__', { level, start: day, end: day }]])],
      );
    }
    case 'submissions':
      return fc.constantFrom<unknown>(
        'x', 5, [], [day], ownObject([['no-such-stage', day]]), ownObject([['__proto__', day]]), ownObject([['constructor', day]]),
        ...(stage ? [ownObject([[stage, '2021-02-30']]), ownObject([[stage, 5]]), ownObject([[stage, {}]])] : []),
      );
    case 'materials':
      return fc.constantFrom<unknown>(
        'x', 5, [], [{}], ownObject([['no-such-material', {}]]), ownObject([['__proto__', {}]]), ownObject([['constructor', { copies: 1 }]]),
        ...(material ? [ownObject([[material, 5]]), ownObject([[material, { copies: -1 }]]), ownObject([[material, { chars: '1500' }]]), ownObject([[material, { bytes: NaN }]]), ownObject([[material, []]])] : []),
      );
  }
}

/** A nominee record with some fields wrong, and the findings those must produce. */
function malformedNominee(schema: SlateSchema, index: number): fc.Arbitrary<{ row: unknown; expected: ExpectedIssue[] }> {
  const fields = schema.fields.filter((f) => !['id', 'name', 'kind', 'award'].includes(f.id));
  const perField = fields.map((f) => fc.oneof(
    { weight: 2, arbitrary: fc.constant({ wrong: false as const }) },
    { weight: 3, arbitrary: wrongValue(f, schema).map((v) => ({ wrong: true as const, v })) },
    { weight: 1, arbitrary: junk.map((v) => ({ wrong: 'maybe' as const, v })) },
  ));
  const awards = schema.awards.map((a) => a.id);
  return fc.record({
    id: fc.oneof({ weight: 6, arbitrary: fc.constant('ok' as const) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, '', ' ', {}, true, ...PROTO_KEYS.slice(0, 2)) }),
    name: fc.oneof({ weight: 4, arbitrary: fc.constant<unknown>('王伟') }, { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, '', 5, {}, ['王伟'], '\ud800') }),
    award: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<unknown>(...awards) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('no-such-award', 5, {}, '__proto__', 'constructor', awards[0]?.toUpperCase()) }),
    kind: fc.constantFrom<unknown>(undefined, 'collective', 'individual', 'team', 5),
    selected: fc.constantFrom<unknown>(undefined, true, false, 'yes', 1, null, 'true'),
    row: fc.option(fc.constantFrom<unknown>(2, 3.5, '4', -1), { nil: undefined, freq: 3 }),
    values: fc.tuple(...perField),
    extra: fc.array(fc.tuple(fc.constantFrom(...PROTO_KEYS), junk), { maxLength: 2 }),
  }).map((r) => {
    const id = `M${index + 1}`;
    const entries: [string, unknown][] = [...r.extra];
    const expected: ExpectedIssue[] = [];
    const row = typeof r.row === 'number' && Number.isInteger(r.row) ? r.row : undefined;
    const who = r.id === 'ok' ? id : row !== undefined ? `#${row}` : `#${index + 1}`;
    if (r.row !== undefined) entries.push(['row', r.row]);
    if (r.id === 'ok') entries.push(['id', id]);
    else {
      if (r.id !== undefined) entries.push(['id', r.id]);
      const ok = typeof r.id === 'string' && r.id.trim() !== '';
      if (!ok) expected.push({ about: 'field', nominee: who, field: 'id' });
    }
    const nominee = r.id === 'ok' || typeof r.id !== 'string' || r.id.trim() === '' ? who : r.id.trim();
    if (r.name !== undefined) entries.push(['name', r.name]);
    if (!(typeof r.name === 'string' && r.name.trim() !== '')) expected.push({ about: 'field', nominee, field: 'name' });
    entries.push(['award', r.award]);
    const award = typeof r.award === 'string' && awards.includes(r.award) ? r.award : undefined;
    if (!award && !(awards.length === 1 && (r.award === undefined || r.award === null || (typeof r.award === 'string' && r.award.trim() === '')))) expected.push({ about: 'field', nominee, field: 'award' });
    if (r.kind !== undefined) entries.push(['kind', r.kind]);
    const kindOf = award ? schema.awards.find((a) => a.id === award)!.kind : undefined;
    if (kindOf && r.kind !== undefined && r.kind !== kindOf) expected.push({ about: 'field', nominee, field: 'kind' });
    if (r.selected !== undefined) entries.push(['selected', r.selected]);
    if (r.selected !== undefined && r.selected !== null && typeof r.selected !== 'boolean') expected.push({ about: 'field', nominee, field: 'selected' });
    fields.forEach((f, i) => {
      const v = r.values[i]!;
      if (v.wrong === false) return;
      entries.push([f.prop, v.v]);
      if (v.wrong === true) expected.push({ about: 'field', nominee, field: f.id });
    });
    // Later keys win in Object.fromEntries: put the checked fields last, after the junk.
    return { row: ownObject(entries), expected };
  });
}

/**
 * Malformed input: not a slate at all, a list of junk, or nominees whose fields are of the wrong type,
 * each with the data findings it must produce (a subset: junk may produce more).
 */
export function malformedArbitrary(schema: SlateSchema): fc.Arbitrary<MalformedCase> {
  const options = fc.record({
    referenceDate: fc.option(fc.constantFrom('2024-02-29', '2021-02-30', 'soon', '', '\ud800', '2024-1-1'), { nil: undefined, freq: 2 }),
    trace: fc.option(fc.constantFrom('M1', 'M2', '#1', '__proto__', ''), { nil: undefined, freq: 2 }),
    // The calendar option is typed, but comes from a file the user names: anything may be in it.
    calendar: fc.option(fc.oneof(CALENDARS, fc.constantFrom<unknown>('x', 5, null, [null], [5], [{ year: '2024' }], [{ year: 2024, off: '02-19' }], { years: 5 }, { years: [{ year: 2031, on: [1] }] })), { nil: undefined, freq: 4 }),
  }).map((o): ValidationOptions => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as ValidationOptions);
  const notASlate = fc.oneof(
    fc.constantFrom<unknown>(null, undefined, 0, NaN, 'nominees', '', true, {}, { nominees: null }, { nominees: {} }, { nominees: 'x' }, { nominees: 5 }, { nominee: [] }, ownObject([['__proto__', { nominees: [{ id: 'X' }] }]])),
    junk.filter((j) => !Array.isArray(j) && !(typeof j === 'object' && j !== null && Array.isArray((j as Record<string, unknown>)['nominees']))),
  ).map((input): MalformedCase => ({ input, options: {}, expected: [{ about: 'slate' }] }));
  const junkList = fc.tuple(fc.array(junk, { maxLength: 30 }), fc.boolean()).map(([list, bare]): MalformedCase => ({
    input: bare ? list : { nominees: list },
    options: {},
    expected: list.flatMap((x, i): ExpectedIssue[] => (typeof x === 'object' && x !== null && !Array.isArray(x) ? [] : [{ about: 'entry', nominee: `#${i + 1}` }])),
  }));
  // Nominee records with wrong fields, and now and then an entry that is no record at all.
  const notARecord = fc.constantFrom<unknown>(null, 0, 'x', [], true, [{ id: 'X' }], '\ud800').map((row) => ({ row, expected: [] as ExpectedIssue[] }));
  const nominees = fc.array(fc.nat(9), { minLength: 1, maxLength: 12 })
    .chain((slots) => fc.tuple(...slots.map((roll, i) => (roll === 0
      ? notARecord.map(({ row }) => ({ row, expected: [{ about: 'entry', nominee: `#${i + 1}` }] as ExpectedIssue[] }))
      : malformedNominee(schema, i)))))
    .map((rows): { input: unknown; expected: ExpectedIssue[] } => ({ input: { nominees: rows.map((r) => r.row) }, expected: rows.flatMap((r) => r.expected) }));
  return fc.oneof(
    { weight: 1, arbitrary: notASlate },
    { weight: 1, arbitrary: junkList },
    { weight: 5, arbitrary: fc.tuple(nominees, options).map(([x, o]): MalformedCase => ({ ...x, options: o })) },
  );
}
