/**
 * Rules about the whole slate (caps, quotas, recommendation limits, preferences), shared by compiled
 * validators and the reference interpreter: they supply, per nominee, whether it belongs to the group
 * or the count; the counting is here.
 *
 * A nominee that cannot be told (a missing value, an unreadable selection) does not switch a rule off:
 * the rule fails when it fails however such nominees turn out (12 of 77 county-level cadres exceed 15%
 * whether or not the undecided are cadres too), and is otherwise undecided, naming them.
 */
import { compare, shareText, shareWithin, type Op } from './checks.js';
import type { Context, Failure, SlateVerdict } from './engine.js';
import { t, valueText } from './messages.js';
import type { FieldSchema, Nominee } from './schema.js';
import type { Localized } from './types.js';
import { NO_SELECTION, OP_WORDS, UNCLASSIFIED } from './verdicts.js';

/** Whether a nominee belongs: yes, no, or cannot be told (naming what is missing). */
export type Belongs = boolean | { readonly missing: readonly string[] };

/** Kleene conjunction: no if any is no, yes if all are yes, else unknown with everything missing. */
export function both(a: Belongs, b: () => Belongs): Belongs {
  if (a === false) return false;
  const v = b();
  if (v === false) return false;
  if (a === true) return v;
  return v === true ? a : { missing: [...new Set([...a.missing, ...v.missing])] };
}

const negate = (a: Belongs): Belongs => (typeof a === 'boolean' ? !a : a);

/** A nominee's standing in one count: definitely in, possibly in, out. */
type Standing = 'in' | 'maybe' | 'out';

function standing(b: Belongs): Standing {
  return b === true ? 'in' : b === false ? 'out' : 'maybe';
}

interface Unknown {
  readonly nominee: Nominee;
  readonly missing: readonly string[];
}

/** A value of the split field that no nominee has: nominees whose value is unknown may all have it. */
const SOME_OTHER_KEY = '\u0000';

/**
 * Groups nominees by the value of `per` (one group '' without it); nominees with no value go in every
 * group, and in a group of their own (they may share a value nobody else has).
 */
function byKey(ns: readonly Nominee[], per: FieldSchema | undefined, pending: Pending, keys: Iterable<string> = []): { groups: Map<string, Nominee[]>; everywhere: Nominee[] } {
  const groups = new Map<string, Nominee[]>();
  for (const k of keys) groups.set(k, []);
  if (!per) groups.set('', []);
  const everywhere: Nominee[] = [];
  for (const n of ns) {
    if (!per) { groups.get('')!.push(n); continue; }
    const v = n.values[per.id];
    if (v === undefined) {
      everywhere.push(n);
      note(pending, n, [per.id]);
      continue;
    }
    const key = String(v);
    const list = groups.get(key);
    if (list) list.push(n); else groups.set(key, [n]);
  }
  if (everywhere.length) groups.set(SOME_OTHER_KEY, []);
  return { groups, everywhere };
}

/** Nominees that cannot be told yet, with what they lack. */
type Pending = Map<Nominee, string[]>;

function note(pending: Pending, n: Nominee, missing: readonly string[]): void {
  pending.set(n, [...new Set([...(pending.get(n) ?? []), ...missing])]);
}

/** The undecided nominees of the counts whose outcome they could change, in slate order. */
function reported(pending: Pending, matter: ReadonlySet<Nominee>): Unknown[] {
  return [...pending].filter(([n]) => matter.has(n)).sort(([a], [b]) => a.index - b.index).map(([nominee, missing]) => ({ nominee, missing }));
}

const sortedKeys = <T>(m: Map<string, T>) => [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function keyLabel(per: FieldSchema | undefined, key: string): Localized | undefined {
  return per ? valueText(per, key) : undefined;
}

function labelled(where: Localized | undefined, text: Localized): Localized {
  return where ? t(`${where.en}: ${text.en}`, `${where.zh}：${text.zh}`) : text;
}

export interface ShareSpec {
  /** The award whose nominees form the group; absent for a rule of the whole notice. */
  readonly award?: string;
  readonly total: { readonly which: 'recommended' | 'selected'; readonly award?: string };
  readonly per?: FieldSchema;
  readonly op: Op;
  readonly percent: number;
  /** Fields the group is chosen by, for findings. */
  readonly fields: readonly string[];
}

/** Whether a nominee counts in the total of a share. */
function inTotal(n: Nominee, total: ShareSpec['total']): Belongs {
  if (!n.award || (total.award && n.award !== total.award)) return false;
  if (total.which === 'recommended') return true;
  return n.selected === undefined ? { missing: ['selected'] } : n.selected;
}

/** `cap <group> <op> N% of <total> [per field]`. */
export function checkShare(ns: readonly Nominee[], spec: ShareSpec, inGroup: (n: Nominee) => Belongs, x: Context): SlateVerdict {
  if (spec.total.which === 'selected' && !x.hasSelection) return { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };
  const pending: Pending = new Map();
  const matter = new Set<Nominee>();
  const total = new Map<Nominee, Standing>();
  const group = new Map<Nominee, Standing>();
  for (const n of ns) {
    const tb = inTotal(n, spec.total);
    if (tb === false) continue;
    const gb = spec.award && n.award !== spec.award ? false : both(tb, () => inGroup(n));
    total.set(n, standing(tb));
    group.set(n, standing(gb));
    if (typeof tb !== 'boolean') note(pending, n, tb.missing);
    if (typeof gb !== 'boolean') note(pending, n, gb.missing);
  }
  const { groups, everywhere } = byKey([...total.keys()], spec.per, pending);
  const failures: Failure[] = [];
  const required = t(`${OP_WORDS[spec.op]!.en} ${spec.percent}%`, `${OP_WORDS[spec.op]!.zh}${spec.percent}%`);
  for (const key of sortedKeys(groups)) {
    // Bounds on the share over every way the undecided could turn out. `low` never exceeds the lowest
    // share (undecided nominees counted in the total only) and `high` is never below the highest (counted
    // in the group too), so a failure at the bound that matters is a failure whatever they turn out to be.
    let definiteIn = 0; let definiteTotal = 0; let maybeGroup = 0; let maybeOutside = 0;
    const tally = (n: Nominee, anywhere: boolean) => {
      const ts = total.get(n)!; const gs = group.get(n)!;
      if (!anywhere && gs === 'in') { definiteIn++; definiteTotal++; } else if (gs === 'out') { if (!anywhere && ts === 'in') definiteTotal++; else maybeOutside++; } else maybeGroup++;
    };
    for (const n of groups.get(key)!) tally(n, false);
    for (const n of everywhere) tally(n, true);
    const low: [number, number] = [definiteIn, definiteTotal + maybeGroup + maybeOutside];
    const high: [number, number] = [definiteIn + maybeGroup, definiteTotal + maybeGroup];
    const within = ([part, whole]: [number, number], op: Op) => whole === 0 || shareWithin(part, whole, op, spec.percent);
    const ceiling = spec.op === '<' || spec.op === '<=';
    const floor = spec.op === '>' || spec.op === '>=';
    const definite = ceiling ? !within(low, spec.op) : floor ? !within(high, spec.op)
      : (low[1] > 0 && !within(low, '<=')) || (high[1] > 0 && !within(high, '>='));
    const passes = ceiling ? within(high, spec.op) : floor ? within(low, spec.op) : maybeGroup + maybeOutside === 0 && within(low, '=');
    if (!definite && !passes) for (const n of [...groups.get(key)!, ...everywhere]) if (pending.has(n)) matter.add(n);
    if (!definite) continue;
    const share = shareText(definiteIn, definiteTotal);
    const measured = maybeGroup + maybeOutside === 0 ? share : t(`${share.en}, whatever the undecided turn out to be`, `${share.zh}，无论待定者情况如何`);
    failures.push({ fields: [...spec.fields], measured: labelled(keyLabel(spec.per, key), measured), required });
  }
  let gAll = 0; let tAll = 0;
  for (const [n, s] of total) { if (s === 'in') { tAll++; if (group.get(n) === 'in') gAll++; } }
  const unknown = reported(pending, matter);
  return { failures, unknown, reason: unknown.length && !failures.length ? UNCLASSIFIED : shareText(gAll, tAll) };
}

export type CountLimit =
  | { readonly kind: 'number'; readonly value: number }
  /** One column of a quota table: a limit per key; every row is checked, also rows with nobody. */
  | { readonly kind: 'table'; readonly rows: ReadonlyMap<string, number> }
  /** A share of the award's own quota (`recommend >= 120% of quota`); the quota may be missing. */
  | { readonly kind: 'share-of-quota'; readonly percent: number; readonly quota?: number };

export interface CountSpec {
  readonly kind: 'quota' | 'recommend';
  readonly award?: string;
  readonly per?: FieldSchema;
  readonly op: Op;
  readonly limit: CountLimit;
}

/**
 * `quota` (counts the selected) and `recommend` (counts everyone recommended): nominees of the award
 * that meet the rule's conditions (`counts`) and are not exempt from quota.
 */
export function checkCount(ns: readonly Nominee[], spec: CountSpec, counts: (n: Nominee) => Belongs, exempt: (n: Nominee) => Belongs, x: Context): SlateVerdict {
  if (spec.kind === 'quota' && !x.hasSelection) return { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };
  if (spec.limit.kind === 'share-of-quota' && spec.limit.quota === undefined) return { failures: [], unknown: [], reason: t('no quota to take a share of', '没有可据以计算的表彰名额') };
  const pending: Pending = new Map();
  const matter = new Set<Nominee>();
  const standings = new Map<Nominee, Standing>();
  for (const n of ns) {
    if (!n.award || (spec.award && n.award !== spec.award)) continue;
    const selected: Belongs = spec.kind === 'recommend' ? true : n.selected === undefined ? { missing: ['selected'] } : n.selected;
    const b = both(selected, () => both(counts(n), () => negate(exempt(n))));
    if (b === false) continue;
    standings.set(n, standing(b));
    if (b !== true) note(pending, n, b.missing);
  }
  const limit = spec.limit;
  const { groups, everywhere } = byKey([...standings.keys()], spec.per, pending, limit.kind === 'table' ? limit.rows.keys() : []);
  const failures: Failure[] = [];
  /** Fails when every possible count fails; the undecided matter when some counts pass and some fail. */
  const judge = (key: string, low: number, high: number, passes: (count: number) => boolean, required: Localized) => {
    const outcomes = new Set<boolean>();
    for (let c = low; c <= high && outcomes.size < 2; c++) outcomes.add(passes(c));
    if (outcomes.size === 2) { for (const n of [...groups.get(key)!, ...everywhere]) if (pending.has(n)) matter.add(n); return; }
    if (!outcomes.has(true)) failures.push(countFailure(spec, key, low, high, required));
  };
  for (const key of sortedKeys(groups)) {
    const members = groups.get(key)!;
    const low = members.filter((n) => standings.get(n) === 'in').length;
    const high = members.length + everywhere.length;
    let bound: number;
    let required: Localized;
    if (limit.kind === 'share-of-quota') {
      // count ⋚ percent% of quota, exactly: percent has at most four decimals.
      const passes = (count: number) => compare(count * 1_000_000, spec.op, Math.round(limit.percent * 10_000) * limit.quota!);
      required = t(`${OP_WORDS[spec.op]!.en} ${limit.percent}% of the quota of ${limit.quota}`, `${OP_WORDS[spec.op]!.zh}表彰名额${limit.quota}的${limit.percent}%`);
      judge(key, low, high, passes, required);
      continue;
    }
    bound = limit.kind === 'number' ? limit.value : limit.rows.get(key) ?? 0;
    required = t(`${OP_WORDS[spec.op]!.en} ${bound}`, `${OP_WORDS[spec.op]!.zh}${bound}`);
    judge(key, low, high, (count: number) => compare(count, spec.op, bound), required);
  }
  const definite = [...standings.values()].filter((s) => s === 'in').length;
  const unknown = reported(pending, matter);
  return { failures, unknown, reason: unknown.length && !failures.length ? UNCLASSIFIED : t(`${definite} counted`, `计 ${definite} 名`) };
}

function countFailure(spec: CountSpec, key: string, low: number, high: number, required: Localized): Failure {
  const count = low === high ? t(String(low), String(low)) : t(`${low} to ${high} (some undecided)`, `${low}至${high}名（部分待定）`);
  return { fields: spec.per ? [spec.per.id] : [], measured: labelled(keyLabel(spec.per, key), count), required };
}

/**
 * `cap <group> controlled` (从严控制, no number): a warning for review naming the group's members
 * whenever there are any.
 */
export function checkControlled(ns: readonly Nominee[], award: string | undefined, inAll: (n: Nominee) => Belongs, inGroup: (n: Nominee) => Belongs, fields: readonly string[]): SlateVerdict {
  const pending: Pending = new Map();
  let all = 0;
  const members: Nominee[] = [];
  for (const n of ns) {
    if (!n.award || (award && n.award !== award)) continue;
    const a = inAll(n);
    if (a === false) continue;
    const g = both(a, () => inGroup(n));
    if (a === true) all++;
    if (g === true) members.push(n);
    else if (g !== false) note(pending, n, g.missing);
  }
  // Once one member is on the slate the warning stands, whoever else belongs.
  const unknown = members.length ? [] : reported(pending, new Set(pending.keys()));
  if (members.length === 0) return { failures: [], unknown, reason: unknown.length ? UNCLASSIFIED : t('none on the slate', '名单中没有') };
  const share = shareText(members.length, all);
  const names = members.map((n) => n.ref.name || n.ref.id);
  return { failures: [{ fields: [...fields], measured: t(`${share.en}: ${names.join(', ')}`, `${share.zh}：${names.join('、')}`) }], unknown, reason: share };
}

/** `prefer …`: a note with the share of preferred nominees, once every nominee can be told. */
export function checkPreference(ns: readonly Nominee[], award: string | undefined, inAll: (n: Nominee) => Belongs, preferred: (n: Nominee) => Belongs): SlateVerdict {
  const pending: Pending = new Map();
  let all = 0;
  let yes = 0;
  for (const n of ns) {
    if (!n.award || (award && n.award !== award)) continue;
    const a = inAll(n);
    if (a === false) continue;
    const p = both(a, () => preferred(n));
    if (typeof p !== 'boolean') { note(pending, n, p.missing); continue; }
    all++;
    if (p) yes++;
  }
  const unknown = reported(pending, new Set(pending.keys()));
  if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };
  if (all === 0) return { failures: [], unknown: [], reason: t('no nominee it concerns', '没有相关推荐对象') };
  const share = shareText(yes, all);
  return { failures: [], unknown: [], note: share, reason: share };
}
