/**
 * Type-checks conditions and turns them into normal form (model/predicate.ts). Every problem in a
 * condition is reported; a condition with any problem resolves to `undefined`, and the rule that
 * holds it stays out of the model.
 */
import { dayFromYmd, parseDay, type Day } from '@awardrules/runtime';
import type * as A from '../syntax/ast.js';
import { spanOf } from '../syntax/ast.js';
import { englishLabel } from '../vocabulary/names.js';
import { diag } from '../diagnostics/diagnostic.js';
import { hintText } from '../diagnostics/messages.js';
import { and, not, or, type Measure, type Period, type Pred, type Window } from '../model/predicate.js';
import type { FieldModel, Reference } from '../model/types.js';
import { spell, type CheckContext, type MutableEnum } from './context.js';
import { resolveSet, valueName } from './declarations.js';
import { typeHint, typeLabel, unitWord, valueLabel } from './types.js';

/**
 * A condition resolved before, kept to be used again where the same text is written (see `resolvePred`).
 */
export interface RememberedCondition {
  readonly pred: Pred;
  /** The value lists resolving it read, each with its size then: a list that grew since means resolving again. */
  readonly lists: readonly (readonly [MutableEnum, number])[];
  /** The other names of values it used (RuleModel.wording). */
  readonly wording: ReadonlyMap<string, string>;
  /** The uses of names in it (for the language server), their offsets counted from its start. */
  readonly references: readonly Reference[];
}

/**
 * Resolves a condition, and remembers it by its text: a condition written the same way twice in a
 * file means the same (every declaration is read before any rule), and a large file repeats its
 * conditions award after award. What resolving did besides is done again for each copy: the uses of
 * names are recorded at the copy, the other names of values it used are noted. A condition that
 * reported a problem is not remembered (the problem is reported where each copy is written), nor is
 * anything in a file with syntax errors, where recovery may have read the same text differently. A
 * remembered condition is resolved again if a value list it read has grown since: attest items add
 * `condition` values as rules are read, and `no …` looks a kind up in the lists of every field of
 * dated records.
 */
export function resolvePred(ctx: CheckContext, p: A.Pred | undefined): Pred | undefined {
  if (!p) return undefined;
  const remembered = ctx.conditions;
  if (!remembered) return resolveCondition(ctx, p);
  const text = ctx.text.slice(p.start, p.end);
  const known = remembered.get(text);
  if (known && known.lists.every(([list, size]) => list.size === size)) {
    for (const r of known.references) ctx.references.push({ ...r, span: { start: r.span.start + p.start, end: r.span.end + p.start } });
    if (known.wording.size > 0) ctx.noteWordingOf(known.wording);
    ctx.noteListsRead(known.lists);
    return known.pred;
  }
  const diagnostics = ctx.diagnostics.length;
  const references = ctx.references.length;
  const { result: { result, wording }, lists } = ctx.readingLists(() => ctx.collectWording(() => resolveCondition(ctx, p)));
  if (result && ctx.diagnostics.length === diagnostics) {
    const moved = ctx.references.slice(references).map((r) => ({ ...r, span: { start: r.span.start - p.start, end: r.span.end - p.start } }));
    remembered.set(text, { pred: result, lists: [...lists].map((list) => [list, list.size] as const), wording, references: moved });
  }
  return result;
}

function resolveCondition(ctx: CheckContext, p: A.Pred): Pred | undefined {
  switch (p.kind) {
    case 'or': case 'and': {
      const args = p.args.map((a) => resolvePred(ctx, a));
      if (args.some((a) => !a)) return undefined;
      return p.kind === 'or' ? or(...(args as Pred[])) : and(...(args as Pred[]));
    }
    case 'not': {
      const arg = resolvePred(ctx, p.arg);
      return arg && not(arg);
    }
    case 'group': return resolvePred(ctx, p.inner);
    case 'none': return resolveNone(ctx, p);
    case 'flag': return resolveFlag(ctx, p.field);
    case 'compare': return resolveCompare(ctx, p);
    case 'in': return resolveIn(ctx, p);
    case 'has': return resolveHas(ctx, p);
    case 'window': return resolveWindowTest(ctx, p.field, p.window);
    case 'valid': {
      const f = ctx.findField(p.field);
      if (!f) return undefined;
      if (f.type.kind !== 'enum' || !f.type.validity) { ctx.report('AR2010', p.field, p.field.text); return undefined; }
      return { k: 'valid', field: f.id };
    }
  }
}

/** A resolved `within …` (counted back from the reference date), or a period of fixed dates. */
type ResolvedWindow = { readonly within: Window } | { readonly during: Period };

function resolveWindow(ctx: CheckContext, w: A.WindowSyntax): ResolvedWindow | undefined {
  if (w.kind === 'period') {
    const during = resolvePeriod(ctx, w);
    return during && { during };
  }
  const q = w.quantity;
  if (q && (w.to || (q.badUnit === undefined && isYearQuantity(q)))) {
    // `within 2018..2020`, `within 2018`: years, which a period (`during`) is written with.
    const years = ctx.text.slice(q.start, (w.to ?? q).end);
    ctx.reportWith({ ...diag('AR2040', { start: q.start, end: (w.to ?? q).end }, years), suggestions: [{ span: { start: w.start, end: q.start }, replacement: 'during ' }] });
    return undefined;
  }
  const within = resolveLookBack(ctx, q);
  return within && { within };
}

/** A look-back window: years, months or days (not working days). */
function resolveLookBack(ctx: CheckContext, q: A.Quantity | undefined): Window | undefined {
  if (!q || q.badUnit !== undefined) return undefined;
  if (q.unit === 'years' || q.unit === 'months' || q.unit === 'days') {
    if (!Number.isInteger(q.amount.value)) { ctx.report('AR2023', q.amount, q.amount.text); return undefined; }
    if (q.amount.value <= 0) { ctx.report('AR2034', q.amount); return undefined; }
    return { amount: q.amount.value, unit: q.unit };
  }
  ctx.report('AR2007', q, { en: 'years, months or days', zh: '年、月或日' }, q.unit ? unitWord(q.unit) : { en: 'a plain number', zh: '不带单位的数字' });
  return undefined;
}

/**
 * `since d`, `during a..b`, `during a`: each end a date or a year (a year starts on 1 January and ends
 * on 31 December), both ends included.
 */
function resolvePeriod(ctx: CheckContext, w: Extract<A.WindowSyntax, { kind: 'period' }>): Period | undefined {
  if (!w.from) return undefined;
  const v = w.from;
  if (!w.to && v.kind === 'quantity' && (v.quantity.unit === 'years' || v.quantity.unit === 'months' || v.quantity.unit === 'days') && !isYearQuantity(v.quantity)) {
    // `during 3 years`: a length of time counted back, which is `within 3 years`; the fix says so.
    const replacement = `within ${ctx.text.slice(v.start, v.end)}`;
    ctx.reportWith({ ...diag('AR2039', v, valueLabel(v)), suggestions: [{ span: spanOf(w), replacement }] });
    return undefined;
  }
  const first = periodDays(ctx, w.from);
  if (w.since) return first && { from: first.from };
  const last = w.to ? periodDays(ctx, w.to) : first;
  if (!first || !last) return undefined;
  if (last.to < first.from) {
    ctx.report('AR2024', { start: w.from.start, end: w.to!.end }, valueText(w.from), valueText(w.to!));
    return undefined;
  }
  return { from: first.from, to: last.to };
}

/** A year, written `2018` or `2018年`. */
function isYearQuantity(q: A.Quantity): boolean {
  return (q.unit === undefined || q.unit === 'years') && /^\d{4}$/.test(q.amount.text);
}

/** The days a period's end stands for: a date, that day; a year, 1 January to 31 December. Reported when neither. */
function periodDays(ctx: CheckContext, v: A.Value): { from: Day; to: Day } | undefined {
  if (v.kind === 'date') {
    const day = parseDay(v.date.text); // an impossible date was reported with the syntax
    return day === undefined ? undefined : { from: day, to: day };
  }
  if (v.kind === 'quantity' && isYearQuantity(v.quantity)) {
    const year = v.quantity.amount.value;
    return { from: dayFromYmd(year, 1, 1), to: dayFromYmd(year, 12, 31) };
  }
  ctx.report('AR2039', v, valueLabel(v));
  return undefined;
}

function quantityText(q: A.Quantity): string {
  return `${q.amount.text}${q.unit ? ` ${q.unit}` : ''}`;
}

function valueText(v: A.Value): string {
  switch (v.kind) {
    case 'date': return v.date.text;
    case 'quantity': return quantityText(v.quantity);
    case 'name': return v.name.text;
    case 'bool': return v.value ? 'yes' : 'no';
  }
}

function resolveFlag(ctx: CheckContext, name: A.Name): Pred | undefined {
  const f = ctx.findField(name);
  if (!f) return undefined;
  if (f.type.kind === 'bool') return { k: 'flag', field: f.id };
  if (f.type.kind === 'record') return recordsUnusable(ctx, name, f);
  ctx.report('AR2014', name, name.text, { en: 'a yes/no field, so it needs a comparison', zh: '是/否类数据项，需要写出比较' });
  return undefined;
}

function recordsUnusable(ctx: CheckContext, name: A.Name, f: FieldModel): undefined {
  const which = f.type.kind === 'record' ? f.type.record : '';
  const rule = which === 'publicity' ? 'publicity' : which === 'materials' ? 'material' : which === 'submissions' ? 'deadline' : 'publicity … at each unit';
  ctx.report('AR2009', name, name.text, typeLabel(ctx, f.type), rule);
  return undefined;
}

function enumSet(ctx: CheckContext, f: FieldModel & { type: { kind: 'enum' } }, members: readonly string[], op: A.CmpOp, span: A.Span): string[] | undefined {
  if (op === '=') return [...members]; // before the lists below, which `=` (the usual case) does not need
  const e = ctx.enums.get(f.type.enum)!;
  const all = e.values.map((v) => v.id);
  if (op === '!=') return all.filter((id) => !members.includes(id));
  if (!e.def.ordered) { ctx.report('AR2006', span, { en: englishLabel(e.def), zh: e.def.zh }, op, hintText('unordered-list')); return undefined; }
  const positions = members.map((m) => e.position(m));
  // A band compares as an interval: "county-level and above" starts at its lowest member.
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  const keep = (i: number) => (op === '>=' ? i >= lo : op === '>' ? i > hi : op === '<=' ? i <= hi : i < lo);
  return all.filter((_, i) => keep(i));
}

function resolveCompare(ctx: CheckContext, t: Extract<A.FieldTest, { kind: 'compare' }>): Pred | undefined {
  const f = ctx.findField(t.field);
  if (!f || !t.op || !t.value) return undefined;
  const op = t.op;
  const v = t.value;
  const mismatch = (): undefined => {
    // `3yeras`, `5年以上`: a number with a misspelt unit, not a name.
    const quantityField = ['number', 'percent', 'duration', 'tenure'].includes(f.type.kind);
    if (quantityField && v.kind === 'name' && !v.name.quoted && /^\d+\D/.test(v.name.text)) ctx.report('AR1102', v, v.name.text);
    else ctx.report('AR2005', v, t.field.text, typeLabel(ctx, f.type), valueLabel(v), typeHint(ctx, f));
    return undefined;
  };
  if (t.valid && !(f.type.kind === 'enum' && f.type.validity)) { ctx.report('AR2010', t.field, t.field.text); return undefined; }
  const numeric = (measure: Measure, value: number): Pred =>
    op === '!=' ? not({ k: 'cmp', field: f.id, measure, op: '=', value }) : { k: 'cmp', field: f.id, measure, op, value };

  switch (f.type.kind) {
    case 'enum': {
      if (v.kind !== 'name') return mismatch();
      const ref = ctx.resolveValue(f.type.enum, v.name);
      if (!ref) return undefined;
      const values = enumSet(ctx, f as FieldModel & { type: { kind: 'enum' } }, ref.members, op, t.opSpan ?? t);
      if (!values) return undefined;
      const base: Pred = { k: 'in', field: f.id, values };
      return t.valid ? and(base, { k: 'valid', field: f.id }) : base;
    }
    case 'set': case 'events':
      ctx.report('AR2012', t.opSpan ?? t, t.field.text, op);
      return undefined;
    case 'record': return recordsUnusable(ctx, t.field, f);
    case 'bool': {
      const b = v.kind === 'bool' ? v.value : undefined;
      if (b === undefined) return mismatch();
      if (op !== '=' && op !== '!=') { ctx.report('AR2006', t.opSpan ?? t, { en: t.field.text, zh: f.zh }, op, hintText('unordered-yes-no', t.field.text)); return undefined; }
      const flag: Pred = { k: 'flag', field: f.id };
      return (b === (op === '=')) ? flag : not(flag);
    }
    case 'number': case 'percent': {
      if (v.kind !== 'quantity') return mismatch();
      const wantUnit = f.type.kind === 'percent' ? '%' : undefined;
      if (v.quantity.unit !== wantUnit) {
        ctx.report('AR2007', v, wantUnit ? { en: '%', zh: '%' } : { en: 'a plain number', zh: '不带单位的数字' }, v.quantity.unit ? unitWord(v.quantity.unit) : { en: 'a plain number', zh: '不带单位的数字' });
        return undefined;
      }
      return numeric(f.type.kind, v.quantity.amount.value);
    }
    case 'duration': case 'tenure': {
      if (v.kind !== 'quantity') return mismatch();
      const u = v.quantity.unit;
      if (u !== 'years' && u !== 'months' && u !== 'days') {
        ctx.report('AR2007', v, { en: 'years, months or days', zh: '年、月或日' }, u ? unitWord(u) : { en: 'a plain number', zh: '不带单位的数字' });
        return undefined;
      }
      const amount = v.quantity.amount.value;
      if (f.type.kind === 'tenure') return numeric(`tenure-${u}`, amount);
      const fu = f.type.unit;
      if (fu === u) return numeric(fu, amount);
      if (fu === 'years' && u === 'months') return numeric('months', amount);
      if (fu === 'months' && u === 'years') return numeric('months', amount * 12);
      ctx.report('AR2007', v, unitWord(fu), unitWord(u));
      return undefined;
    }
    case 'date': {
      if (v.kind !== 'date') return mismatch();
      const day = parseDay(v.date.text);
      return day === undefined ? undefined : numeric('date', day);
    }
    case 'text': {
      if (v.kind !== 'name' || !v.name.quoted) return mismatch();
      if (op !== '=' && op !== '!=') { ctx.report('AR2006', t.opSpan ?? t, { en: t.field.text, zh: f.zh }, op, hintText('unordered-text')); return undefined; }
      const eq: Pred = { k: 'text', field: f.id, value: v.name.text };
      return op === '=' ? eq : not(eq);
    }
  }
}

function resolveIn(ctx: CheckContext, t: Extract<A.FieldTest, { kind: 'in' }>): Pred | undefined {
  const f = ctx.findField(t.field);
  if (!f || !t.set) return undefined;
  if (f.type.kind === 'set' || f.type.kind === 'events') { ctx.report('AR2012', t, t.field.text, 'in'); return undefined; }
  if (f.type.kind === 'record') return recordsUnusable(ctx, t.field, f);
  if (f.type.kind !== 'enum') {
    ctx.report('AR2014', t.field, t.field.text, { en: 'a field with a list of values', zh: '有取值表的数据项' });
    return undefined;
  }
  const r = resolveSet(ctx, f.type.enum, t.set);
  if (!r) return undefined;
  const all = ctx.enums.get(f.type.enum)!.values.map((v) => v.id);
  const values = t.negated ? all.filter((id) => !r.members.includes(id)) : r.members;
  return { k: 'in', field: f.id, values };
}

function resolveHas(ctx: CheckContext, t: Extract<A.FieldTest, { kind: 'has' }>): Pred | undefined {
  const f = ctx.findField(t.field);
  if (!f || !t.set) return undefined;
  if (f.type.kind === 'record') return recordsUnusable(ctx, t.field, f);
  if (f.type.kind !== 'set' && f.type.kind !== 'events') { ctx.report('AR2011', t.field, t.field.text); return undefined; }
  const r = resolveSet(ctx, f.type.enum, t.set);
  const window = t.window ? resolveWindow(ctx, t.window) : undefined;
  if (!r || (t.window && !window)) return undefined;
  if (f.type.kind === 'events') {
    if (t.mode === 'all') return and(...r.members.map((m): Pred => ({ k: 'event', field: f.id, kinds: [m], ...window })));
    return { k: 'event', field: f.id, kinds: r.members, ...window };
  }
  if (window) { ctx.report('AR2013', t.window!, t.field.text, typeLabel(ctx, f.type), windowWord(t.window!)); return undefined; }
  const atoms = r.members.map((m): Pred => ({ k: 'has', field: f.id, value: m }));
  return t.mode === 'all' ? and(...atoms) : or(...atoms);
}

/** `field within 5 years`, `field since d`, `field during a..b`: on a date field, or on any record of an events field. */
function resolveWindowTest(ctx: CheckContext, name: A.Name, w: A.WindowSyntax | undefined): Pred | undefined {
  const f = ctx.findField(name);
  if (!f || !w) return undefined;
  const window = resolveWindow(ctx, w);
  if (f.type.kind === 'date') {
    if (!window) return undefined;
    if ('within' in window) return { k: 'recent', field: f.id, within: window.within };
    // A period on one date is two comparisons.
    const onOrAfter: Pred = { k: 'cmp', field: f.id, measure: 'date', op: '>=', value: window.during.from };
    return window.during.to === undefined ? onOrAfter : and(onOrAfter, { k: 'cmp', field: f.id, measure: 'date', op: '<=', value: window.during.to });
  }
  if (f.type.kind === 'events') {
    const all = ctx.enums.get(f.type.enum)!.values.map((v) => v.id);
    return window && { k: 'event', field: f.id, kinds: all, ...window };
  }
  ctx.report('AR2013', w, name.text, typeLabel(ctx, f.type), windowWord(w));
  return undefined;
}

/** A window as written, for the forms a message suggests. */
function windowText(w: A.WindowSyntax): string {
  if (w.kind === 'within') return w.quantity ? `within ${quantityText(w.quantity)}` : 'within';
  const ends = w.from ? `${valueText(w.from)}${w.to ? `..${valueText(w.to)}` : ''}` : '';
  return `${windowWord(w)} ${ends}`;
}

/** The keyword a window is written with, for messages. */
function windowWord(w: A.WindowSyntax): string {
  return w.kind === 'within' ? 'within' : w.since ? 'since' : 'during';
}

/** `no violation within 5 years`: the kinds are looked up among all dated-record fields. */
function resolveNone(ctx: CheckContext, p: Extract<A.Pred, { kind: 'none' }>): Pred | undefined {
  if (!p.what) return undefined;
  const window = p.window ? resolveWindow(ctx, p.window) : undefined;
  if (p.window && !window) return undefined;
  const eventFields = ctx.eventFields();
  const byField = new Map<string, string[]>();
  let ok = true;
  for (const item of p.what.items) {
    const name = valueName(ctx, item.from);
    if (!name) { ok = false; continue; }
    // `no records` means no entry of any kind in that field.
    const asField = ctx.findField(name, false);
    if (asField?.type.kind === 'events') {
      const all = ctx.enums.get(asField.type.enum)!.values.map((v) => v.id);
      const l = byField.get(asField.id);
      if (l) for (const v of all) l.push(v); else byField.set(asField.id, [...all]);
      continue;
    }
    const owners = eventFields.filter((f) => f.type.kind === 'events' && ctx.enums.get(f.type.enum)!.lookup(name.text));
    const owner = owners[0];
    if (owners.length > 1) {
      // `no 违法违纪` after a notice calls an honour 违法违纪 too: which records are meant?
      const window = p.window ? ` ${windowText(p.window)}` : '';
      const fields = owners.map((f) => ({ en: `${f.id} (${f.zh})`, zh: `“${f.zh}”（${f.id}）` }));
      const forms = owners.map((f) => `not ${f.id} has ${spell(name.text)}${window}`);
      ctx.report('AR2036', name, name.text,
        { en: fields.map((f) => f.en).join(' and '), zh: fields.map((f) => f.zh).join('和') },
        { en: forms.join('  or  '), zh: forms.join('  或  ') });
      ok = false;
      continue;
    }
    if (!owner || owner.type.kind !== 'events') {
      const candidates = eventFields.flatMap((f) => (f.type.kind === 'events' ? ctx.enums.get(f.type.enum)!.candidates() : []));
      ctx.unknown({ en: 'record kind', zh: '记录类别' }, name, candidates, (id) => {
        for (const f of eventFields) if (f.type.kind === 'events' && ctx.enums.get(f.type.enum)!.term(id)) return ctx.describeValue(f.type.enum, id);
        return { en: id, zh: id };
      }, `extend misconduct { ${spell(name.text)} "…" }`);
      ok = false;
      continue;
    }
    const ref = ctx.resolveValue(owner.type.enum, name)!;
    const l = byField.get(owner.id);
    if (l) for (const v of ref.members) l.push(v); else byField.set(owner.id, [...ref.members]);
  }
  if (!ok) return undefined;
  const events = [...byField].map(([field, kinds]): Pred => {
    const f = ctx.fields.get(field)!;
    const order = f.type.kind === 'events' ? ctx.enums.get(f.type.enum)!.values.map((v) => v.id) : [];
    return { k: 'event', field, kinds: order.filter((id) => kinds.includes(id)), ...window };
  });
  return not(or(...events));
}
