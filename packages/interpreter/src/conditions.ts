/**
 * Conditions evaluated on one nominee, directly from the checked model. A condition that needs a
 * value the nominee lacks is "unknown" and names the missing fields; it is never guessed.
 */
import { elapsed, inPeriod, withinWindow, type Day, type EventRecord, type Nominee } from '@awardrules/runtime';
import type { Model, Pred } from '@awardrules/language';

export type Truth = boolean | { readonly missing: readonly string[] };

export interface EvalContext {
  readonly model: Model;
  /** The reference date, if there is one. */
  readonly ref: Day | undefined;
}

/** A tenure computed from another field (age from date of birth) reads that field. */
export function tenureSource(ctx: EvalContext, field: string): string {
  const t = ctx.model.fields.get(field)?.type;
  return t?.kind === 'tenure' && t.since ? t.since : field;
}

/**
 * Three-valued evaluation (Kleene): `false and unknown` is false, `true or unknown` is true, and an
 * unknown result names every missing value that could have decided it.
 */
export function evaluate(p: Pred, n: Nominee, ctx: EvalContext): Truth {
  switch (p.k) {
    case 'const': return p.value;
    case 'and': case 'or': {
      const decisive = p.k === 'or';
      const missing = new Set<string>();
      for (const a of p.args) {
        const v = evaluate(a, n, ctx);
        if (v === decisive) return decisive;
        if (typeof v !== 'boolean') for (const m of v.missing) missing.add(m);
      }
      return missing.size ? { missing: [...missing] } : !decisive;
    }
    case 'not': {
      const v = evaluate(p.arg, n, ctx);
      return typeof v === 'boolean' ? !v : v;
    }
    default: {
      const missing = atomMissing(p, n, ctx);
      if (missing.length) return { missing };
      const v = atom(p, n, ctx);
      // A list with an unreadable entry may hold what the known entries lack.
      if (!v && (p.k === 'has' || p.k === 'event') && n.incomplete.has(p.field)) return { missing: [p.field] };
      return v;
    }
  }
}

/** What an atom needs that the nominee lacks; `@reference` stands for the reference date. */
function atomMissing(p: Exclude<Pred, { k: 'const' | 'and' | 'or' | 'not' }>, n: Nominee, ctx: EvalContext): string[] {
  const out: string[] = [];
  switch (p.k) {
    case 'has': break; // a multi-valued field is never missing: empty means none
    case 'event':
      if (p.within || p.during) {
        if (p.within && ctx.ref === undefined) out.push('@reference');
        // A dated record in the window decides, whatever the records without a date hold.
        else if (atom(p, n, ctx)) break;
        const events = (n.values[p.field] ?? []) as EventRecord[];
        if (events.some((e) => p.kinds.includes(e.kind) && e.day === undefined)) out.push(p.field);
      }
      break;
    case 'recent':
      if (ctx.ref === undefined) out.push('@reference');
      if (n.values[p.field] === undefined) out.push(p.field);
      break;
    case 'valid': {
      if (ctx.ref === undefined) out.push('@reference');
      const v = n.values[p.field] as { validUntil?: Day } | undefined;
      if (v === undefined || v.validUntil === undefined) out.push(p.field);
      break;
    }
    case 'cmp': {
      if (p.measure.startsWith('tenure-') && ctx.ref === undefined) out.push('@reference');
      const source = tenureSource(ctx, p.field);
      if (n.values[source] === undefined) out.push(source);
      break;
    }
    default:
      if (n.values[p.field] === undefined) out.push(p.field);
  }
  return out;
}

/** An atom whose values are all present. */
function atom(p: Exclude<Pred, { k: 'const' | 'and' | 'or' | 'not' }>, n: Nominee, ctx: EvalContext): boolean {
  switch (p.k) {
    case 'in': {
      const v = n.values[p.field];
      const value = typeof v === 'object' && v !== null ? (v as { value: string }).value : v;
      return p.values.includes(value as string);
    }
    case 'has': return ((n.values[p.field] as Set<string> | undefined) ?? new Set()).has(p.value);
    case 'flag': return n.values[p.field] === true;
    case 'text': return n.values[p.field] === p.value;
    case 'cmp': {
      const x = p.measure.startsWith('tenure-')
        ? elapsed(n.values[tenureSource(ctx, p.field)] as Day, ctx.ref!, p.measure.slice(7) as 'years' | 'months' | 'days')
        : (n.values[p.field] as number);
      switch (p.op) {
        case '<': return x < p.value;
        case '<=': return x <= p.value;
        case '>': return x > p.value;
        case '>=': return x >= p.value;
        case '=': return x === p.value;
      }
      return false;
    }
    case 'event': {
      const events = (n.values[p.field] ?? []) as EventRecord[];
      return events.some((e) => p.kinds.includes(e.kind) && (!p.within || withinWindow(e.day!, ctx.ref!, p.within.amount, p.within.unit))
        && (!p.during || inPeriod(e.day!, p.during.from, p.during.to)));
    }
    case 'recent': return withinWindow(n.values[p.field] as Day, ctx.ref!, p.within.amount, p.within.unit);
    case 'valid': return (n.values[p.field] as { validUntil: Day }).validUntil >= ctx.ref!;
  }
}
