/**
 * Conditions in normal form. Names are resolved to canonical ids, comparisons on scales become sets
 * of values (`rank >= vice-bureau` and `rank > county` are the same set), and quantities are in one
 * unit per measure. Two conditions that select the same nominees are usually equal as data; the
 * `semantics` module decides the remaining cases by evaluation.
 */
import type { Day } from '@awardrules/runtime';
import type { CmpOp } from '../syntax/ast.js';

/** What a numeric comparison measures. `tenure-*` is time elapsed from a start date to the reference date. */
export type Measure = 'number' | 'percent' | 'years' | 'months' | 'days' | 'date' | 'tenure-years' | 'tenure-months' | 'tenure-days';

/** Length of a look-back window ("within the last 5 years"). */
export interface Window {
  readonly amount: number;
  readonly unit: 'years' | 'months' | 'days';
}

/** Dates fixed by the notice ("during 2018–2020", "since 2020-01-01"): both ends included; no `to`, no end. */
export interface Period {
  readonly from: Day;
  readonly to?: Day;
}

export type Pred =
  | { readonly k: 'const'; readonly value: boolean }
  | { readonly k: 'and' | 'or'; readonly args: readonly Pred[] }
  | { readonly k: 'not'; readonly arg: Pred }
  /** A single-valued enumeration field is one of `values` (canonical ids, in enumeration order). */
  | { readonly k: 'in'; readonly field: string; readonly values: readonly string[] }
  /** A multi-valued field contains `value`. */
  | { readonly k: 'has'; readonly field: string; readonly value: string }
  /** A yes/no field is yes. */
  | { readonly k: 'flag'; readonly field: string }
  | { readonly k: 'cmp'; readonly field: string; readonly measure: Measure; readonly op: Exclude<CmpOp, '!='>; readonly value: number }
  | { readonly k: 'text'; readonly field: string; readonly value: string }
  /** An occurrence of one of `kinds` is on record (within the window or the period, when one is given). */
  | { readonly k: 'event'; readonly field: string; readonly kinds: readonly string[]; readonly within?: Window; readonly during?: Period }
  /** A date field falls within the window before the reference date. */
  | { readonly k: 'recent'; readonly field: string; readonly within: Window }
  /** A field with a validity period is still valid on the reference date. */
  | { readonly k: 'valid'; readonly field: string };

export const TRUE: Pred = { k: 'const', value: true };
export const FALSE: Pred = { k: 'const', value: false };

export function and(...args: Pred[]): Pred {
  const flat: Pred[] = [];
  for (const a of args) {
    if (a.k === 'const') { if (!a.value) return FALSE; continue; }
    if (a.k === 'and') flat.push(...a.args); else flat.push(a);
  }
  if (flat.length === 0) return TRUE;
  return flat.length === 1 ? flat[0]! : { k: 'and', args: flat };
}

export function or(...args: Pred[]): Pred {
  const flat: Pred[] = [];
  for (const a of args) {
    if (a.k === 'const') { if (a.value) return TRUE; continue; }
    if (a.k === 'or') flat.push(...a.args); else flat.push(a);
  }
  if (flat.length === 0) return FALSE;
  return flat.length === 1 ? flat[0]! : { k: 'or', args: flat };
}

export function not(arg: Pred): Pred {
  if (arg.k === 'const') return { k: 'const', value: !arg.value };
  if (arg.k === 'not') return arg.arg;
  return { k: 'not', arg };
}

/** Fields a condition reads. */
export function fieldsOf(p: Pred, into = new Set<string>()): Set<string> {
  switch (p.k) {
    case 'const': break;
    case 'and': case 'or': for (const a of p.args) fieldsOf(a, into); break;
    case 'not': fieldsOf(p.arg, into); break;
    default: into.add(p.field);
  }
  return into;
}

/** Whether the condition looks back from the reference date (tenure, "within", validity). */
export function usesReferenceDate(p: Pred): boolean {
  switch (p.k) {
    case 'const': return false;
    case 'and': case 'or': return p.args.some(usesReferenceDate);
    case 'not': return usesReferenceDate(p.arg);
    case 'cmp': return p.measure.startsWith('tenure');
    case 'event': return !!p.within;
    case 'recent': case 'valid': return true;
    default: return false;
  }
}

/**
 * A stable text form, for sorting, de-duplication and debugging (not for users). Conditions with the
 * same key are the same data but for the order of the parts of `and` and `or`: an atom's key is its
 * whole data, atoms of different kinds never share a key, and a key reads back one way only (field
 * and value ids are words, which hold none of the characters that separate the parts; free text is
 * written as a JSON string, which marks its own end).
 */
export function predKey(p: Pred): string {
  return keyOf(p, undefined);
}

/**
 * `predKey` for a caller that asks about the same conditions again and again: the key of each
 * condition (and of each part of one) is worked out once, remembered by identity (conditions are
 * never changed once built).
 */
export function predKeys(): (p: Pred) => string {
  const memo = new Map<Pred, string>();
  return (p) => memoKey(p, memo);
}

function memoKey(p: Pred, memo: Map<Pred, string> | undefined): string {
  if (memo === undefined) return keyOf(p, undefined);
  let key = memo.get(p);
  if (key === undefined) memo.set(p, (key = keyOf(p, memo)));
  return key;
}

/**
 * The keys of `args`, sorted as `Array.prototype.sort` sorts strings (by UTF-16 code units), by
 * insertion: conditions have a few parts, and the built-in sort made a work array for each.
 */
function sortedKeys(args: readonly Pred[], memo: Map<Pred, string> | undefined): string[] {
  const keys = args.map((a) => memoKey(a, memo));
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  return keys;
}

function keyOf(p: Pred, memo: Map<Pred, string> | undefined): string {
  switch (p.k) {
    case 'const': return String(p.value);
    case 'and': case 'or': return `${p.k}(${sortedKeys(p.args, memo).join(',')})`;
    case 'not': return `not(${memoKey(p.arg, memo)})`;
    case 'in': return `${p.field}∈{${p.values.join(',')}}`;
    case 'has': return `${p.field}∋${p.value}`;
    case 'flag': return `flag(${p.field})`;
    case 'cmp': return `${p.field}${p.op}${p.value}:${p.measure}`;
    case 'text': return `${p.field}=${JSON.stringify(p.value)}`;
    case 'event': return `${p.field}∋{${p.kinds.join(',')}}${p.within ? `/${p.within.amount}${p.within.unit}` : ''}${p.during ? `@${p.during.from}..${p.during.to ?? ''}` : ''}`;
    case 'recent': return `${p.field}~${p.within.amount}${p.within.unit}`;
    case 'valid': return `valid(${p.field})`;
  }
}
