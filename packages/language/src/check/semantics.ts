/**
 * Checks on the meaning of the rules together: rules made dead by exclusions, caps that disagree or
 * cannot be met, tags, the order of deadlines, publicity that cannot fit before its deadline, quota
 * tables that do not add up. Each check reads the model only.
 */
import type { Day, WorkdayCalendar } from '@awardrules/runtime';
import { formatDay } from '@awardrules/runtime';
import type { Diagnostic, MessageArg } from '../diagnostics/diagnostic.js';
import { and, fieldsOf, not, or, predKeys, TRUE, usesReferenceDate, type Pred } from '../model/predicate.js';
import { CaseSpace, type CaseBudget, type EnumValuesOf } from '../model/semantics.js';
import type { AwardModel, Model, RuleModel, StageModel } from '../model/types.js';
import type { LineMap } from '../syntax/positions.js';
import { TAG_KIND_OF_RULE, tagParts } from './rules.js';

export interface SemanticInput {
  readonly model: Model;
  readonly lines: LineMap;
  readonly calendar?: WorkdayCalendar;
  /** The header has a `reference` line, even if it could not be resolved (that was reported already). */
  readonly referenceWritten: boolean;
  /** The file has syntax errors: tags may have been lost with them, so untagged rules are not reported. */
  readonly syntaxErrors: boolean;
}

export function checkSemantics(input: SemanticInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { model } = input;
  const line = (offset: number) => input.lines.position(offset).line + 1;
  // The values of each field, listed once: every case space over the field asks for them.
  const valuesOf = new Map<string, readonly string[]>();
  const enumValuesOf: EnumValuesOf = (field) => {
    let values = valuesOf.get(field);
    if (values === undefined) {
      const f = model.fields.get(field);
      const e = f && (f.type.kind === 'enum' || f.type.kind === 'set' || f.type.kind === 'events') ? model.enums.get(f.type.enum) : undefined;
      valuesOf.set(field, (values = e ? e.values.map((v) => v.id) : []));
    }
    return values;
  };
  const awards = new Map(model.awards.map((a) => [a.id, a]));
  const awardOf = (r: RuleModel) => (r.award ? awards.get(r.award) : undefined);
  const push = (code: Diagnostic['code'], span: Diagnostic['span'], ...args: MessageArg[]) => out.push({ code, args, span });

  // One budget of cases for all the questions about this file (see CaseBudget).
  const budget: CaseBudget = { cases: 500_000 };
  const cases = new Questions(enumValuesOf, budget);
  checkExclusionsAndDeadRules(model.rules, awardOf, cases, line, push);
  checkCaps(model.rules, cases, line, push);
  checkTags(input, cases, line, push);
  checkStages(model, push);
  checkPublicityFits(model, input.calendar, push);
  checkTables(model, push);
  checkDuplicates(model.rules, cases.key, line, push);
  checkRoutes(model.rules, enumValuesOf, cases, push);
  if (!model.notice.reference && !input.referenceWritten) {
    const first = model.rules.find((r) => ruleUsesReference(r));
    if (first) push('AR3013', first.span);
  }
  return out;
}

type Push = (code: Diagnostic['code'], span: Diagnostic['span'], ...args: MessageArg[]) => void;

/**
 * The questions the checks ask about conditions (is one ever true, does one imply another), each
 * worked out once per file: a large file asks the same question for award after award. The answers
 * and the budget are exactly those of `satisfiable` and `implies` from model/semantics.ts asked
 * afresh each time: a question is recognised by the whole condition as written (order included, so
 * it has the same cases, tried in the same order), each asking is charged the cases that working it
 * out tried, and one the budget can no longer afford is still unknown.
 */
class Questions {
  /** Questions by the shape of their condition, and implications by the shapes of their two sides. */
  private readonly answers = new Map<Shape, Question>();
  private readonly implications = new Map<Shape, Map<Shape, Question>>();
  private readonly shapes = new Map<Pred, Shape>();
  /** Each shape written out (with its parts as their numbers), numbered in the order first seen. */
  private readonly shapeNumbers = new Map<string, Shape>();
  /** `predKey`, remembered for the conditions the checks come back to. */
  readonly key = predKeys();

  constructor(private readonly enumValuesOf: EnumValuesOf, private readonly budget: CaseBudget) {}

  /** As `satisfiable(p, enumValuesOf, budget)`. */
  satisfiable(p: Pred): boolean | undefined {
    return this.ask(this.question(p, this.shape(p)));
  }

  /** As `implies(a, b, enumValuesOf, budget)`. */
  implies(a: Pred, b: Pred): boolean | undefined {
    const s = this.ask(this.whetherImplies(a, b));
    return s === undefined ? undefined : !s;
  }

  /** The question behind `implies(a, b)`, to `ask` as often as it is asked: `a` and not `b`. */
  whetherImplies(a: Pred, b: Pred): Question {
    // By the shapes of `a` and `b`, each remembered, rather than by the (long) shape of the question.
    const sa = this.shape(a);
    const sb = this.shape(b);
    let byB = this.implications.get(sa);
    if (!byB) this.implications.set(sa, (byB = new Map()));
    let q = byB.get(sb);
    if (!q) byB.set(sb, (q = this.newQuestion({ k: 'and', args: [a, { k: 'not', arg: b }] })));
    return q;
  }

  /**
   * Whether the question's condition can be true: `satisfiable` of model/semantics.ts, with its
   * budget: unknown when the cases left cannot pay for it, else charged the cases it tries.
   */
  ask(q: Question): boolean | undefined {
    if (q.space.size(Math.min(200_000, this.budget.cases)) === Infinity) return undefined;
    if (q.tried < 0) {
      let tried = 0;
      let found = false;
      for (const point of q.space.points()) {
        tried++;
        if (q.space.evaluate(q.p, point)) { found = true; break; }
      }
      q.tried = tried;
      q.found = found;
    }
    this.budget.cases -= q.tried;
    return q.found;
  }

  private question(p: Pred, shape: Shape): Question {
    let q = this.answers.get(shape);
    if (!q) this.answers.set(shape, (q = this.newQuestion(p)));
    return q;
  }

  private newQuestion(p: Pred): Question {
    return { p, space: new CaseSpace([p], this.enumValuesOf), tried: -1, found: false };
  }

  /**
   * The condition exactly as written, parts in order: `and(…)`, `or(…)`, `not(…)` around the predKey
   * of each atom (its whole data: see predKey), which the checks ask for anyway. Two conditions with
   * the same shape are the same data. A shape is numbered, and written with the numbers of its parts:
   * as map keys, the written-out shapes of large conditions (hundreds of characters, rebuilt for every
   * new condition) took much of the time to copy and hash.
   */
  shape(p: Pred): Shape {
    let shape = this.shapes.get(p);
    if (shape === undefined) {
      const text = p.k === 'and' || p.k === 'or' ? `${p.k}(${p.args.map((a) => this.shape(a)).join(',')})`
        : p.k === 'not' ? `not(${this.shape(p.arg)})`
        : this.key(p);
      shape = this.shapeNumbers.get(text);
      if (shape === undefined) this.shapeNumbers.set(text, (shape = this.shapeNumbers.size));
      this.shapes.set(p, shape);
    }
    return shape;
  }
}

/** A condition's shape (see `Questions.shape`), as a number. */
type Shape = number;

/** A question about a condition: its cases, and once worked out, how many were tried and whether one satisfied it. */
interface Question {
  readonly p: Pred;
  readonly space: CaseSpace;
  tried: number;
  found: boolean;
}

function ruleUsesReference(r: RuleModel): boolean {
  const preds: Pred[] = [r.condition];
  if (r.kind === 'exclude' || r.kind === 'require') preds.push(r.pred, ...(r.unless ? [r.unless] : []));
  if (r.kind === 'scope' || r.kind === 'exempt' || r.kind === 'prefer') preds.push(r.pred);
  if (r.kind === 'cap') preds.push(r.selector);
  return preds.some(usesReferenceDate);
}

/** Nominees a rule applies to: its `when` conditions, its award's kind, and its selector. */
function applicability(r: RuleModel, award: AwardModel | undefined, kindOf: (award: AwardModel | undefined) => Pred): Pred {
  return and(kindOf(award), r.condition, ownSelection(r));
}

/** The nominees a rule picks out itself: a cap's group, whom a preference favours or an exemption exempts. */
function ownSelection(r: RuleModel): Pred {
  return r.kind === 'cap' ? r.selector : r.kind === 'prefer' || r.kind === 'exempt' ? r.pred : TRUE;
}

/** Nominees a rule removes from the slate: excluded, or outside the scope. */
function removal(r: RuleModel): Pred | undefined {
  if (r.kind === 'exclude') return and(r.condition, r.pred, r.unless ? not(r.unless) : TRUE);
  if (r.kind === 'scope') return and(r.condition, not(r.pred));
  return undefined;
}

function checkExclusionsAndDeadRules(
  rules: readonly RuleModel[], awardOf: (r: RuleModel) => AwardModel | undefined, cases: Questions, line: (o: number) => number, push: Push,
): void {
  interface Remover { readonly rule: RuleModel; readonly removes: Pred; readonly fields: Set<string> }
  const removers: Remover[] = [];
  for (const rule of rules) {
    const removes = removal(rule);
    if (removes) removers.push({ rule, removes, fields: fieldsOf(removes) });
  }
  // The nominees of an award's kind, one condition per kind (the questions about them come back).
  const kinds = new Map<string, Pred>();
  const kindOf = (award: AwardModel | undefined): Pred => {
    if (!award) return TRUE;
    let kind = kinds.get(award.kind);
    if (!kind) kinds.set(award.kind, (kind = { k: 'in', field: 'kind', values: [award.kind] }));
    return kind;
  };
  for (const { rule, removes } of removers) {
    const award = awardOf(rule);
    const kind = kindOf(award);
    // An exclusion that removes everyone, or a scope nobody is in.
    if (cases.implies(kind, and(kind, removes)) === true) {
      if (rule.kind === 'exclude') push('AR3015', rule.span, { en: 'excludes every nominee', zh: '排除了全部推荐对象' });
      else push('AR3021', rule.span, award ? { en: award.zh ?? award.id, zh: award.zh ?? award.id } : { en: 'this notice', zh: '本通知' });
    }
  }
  // Removers that apply to an award's nominees: the notice-wide ones and the award's own.
  const global = removers.filter((x) => !x.rule.award);
  const own = new Map<string, Remover[]>();
  for (const x of removers) if (x.rule.award) { const l = own.get(x.rule.award); if (l) l.push(x); else own.set(x.rule.award, [x]); }
  const forAwards = new Map<string, Remover[]>();
  const forAward = (award: string | undefined) => {
    if (!award) return global;
    let list = forAwards.get(award);
    if (!list) forAwards.set(award, (list = [...global, ...(own.get(award) ?? [])]));
    return list;
  };
  const satisfiableCache = new Map<string, boolean | undefined>();
  const satisfiableByShape = new Map<Shape, boolean | undefined>();
  // What a rule's checks depend on: its award, its condition (shared by a `when` block's rules) and
  // its own selection (TRUE but for caps, preferences and exemptions). Rules that share these ask
  // the same questions, so what is worked out for the first is kept for the others, and each asks
  // (and pays for) them as before. A rule is never one of the removers, so none is left out of them.
  interface Applicability {
    readonly applies: Pred;
    readonly sat: boolean | undefined;
    /** The removers that can bear on it, and the question whether together they remove everyone it applies to. */
    relevant?: readonly Remover[];
    removed?: Question;
  }
  const seen = new Map<string | undefined, Map<Pred, Map<Pred, Applicability>>>();
  const NOT_OWN: Pred = { k: 'const', value: true };
  for (const r of rules) {
    if (r.kind === 'scope' || r.kind === 'exclude' || r.kind === 'deadline' || r.kind === 'quota' || r.kind === 'recommend') continue;
    const selects = r.kind === 'cap' || r.kind === 'prefer' || r.kind === 'exempt';
    let byCondition = seen.get(r.award);
    if (!byCondition) seen.set(r.award, (byCondition = new Map()));
    let byOwn = byCondition.get(r.condition);
    if (!byOwn) byCondition.set(r.condition, (byOwn = new Map()));
    const ownKey = selects ? ownSelection(r) : NOT_OWN;
    let a = byOwn.get(ownKey);
    if (!a) {
      const applies = applicability(r, awardOf(r), kindOf);
      // Whether it applies to anyone, asked once per condition (by its predKey). A condition with
      // the shape of one seen before has its predKey too, without working it out again.
      const shape = cases.shape(applies);
      let sat = satisfiableByShape.get(shape);
      if (!satisfiableByShape.has(shape)) {
        const key = cases.key(applies);
        sat = satisfiableCache.get(key);
        if (!satisfiableCache.has(key)) satisfiableCache.set(key, (sat = cases.satisfiable(applies)));
        satisfiableByShape.set(shape, sat);
      }
      byOwn.set(ownKey, (a = { applies, sat }));
    }
    if (a.sat === false) {
      push('AR3014', r.span, { en: 'never applies', zh: '永远不会适用' });
      continue;
    }
    if (r.condition.k === 'const' && !selects) continue;
    if (!a.relevant) {
      const reads = fieldsOf(a.applies);
      a.relevant = forAward(r.award).filter((x) => readsAll(reads, x.fields));
      if (a.relevant.length > 0) a.removed = cases.whetherImplies(a.applies, or(...a.relevant.map((x) => x.removes)));
    }
    if (!a.removed || cases.ask(a.removed) !== false) continue;
    const applies = a.applies;
    const single = a.relevant.find((x) => cases.implies(applies, x.removes) === true);
    const who: MessageArg = single
      ? single.rule.kind === 'exclude'
        ? { en: `the exclusion on line ${line(single.rule.span.start)}`, zh: `第 ${line(single.rule.span.start)} 行的排除规则` }
        : { en: `the scope on line ${line(single.rule.span.start)}`, zh: `第 ${line(single.rule.span.start)} 行的评选范围` }
      : { en: 'the scope and exclusions together', zh: '评选范围和排除规则合起来' };
    push('AR3001', r.span, who);
  }
}

/** Whether a condition reading `reads` can tell everything `fields` needs (`kind` always can). */
function readsAll(reads: ReadonlySet<string>, fields: ReadonlySet<string>): boolean {
  for (const f of fields) if (!reads.has(f) && f !== 'kind') return false;
  return true;
}

function describeBound(b: { op: string; percent: number }): MessageArg {
  const zhOp: Record<string, string> = { '<=': '不超过', '<': '低于', '>=': '不低于', '>': '高于', '=': '等于' };
  return { en: `${b.op} ${b.percent}%`, zh: `${zhOp[b.op] ?? b.op}${b.percent}%` };
}

function checkCaps(rules: readonly RuleModel[], cases: Questions, line: (o: number) => number, push: Push): void {
  type Cap = Extract<RuleModel, { kind: 'cap' }> & { bound: { op: '<=' | '<' | '>=' | '>' | '='; percent: number } };
  const caps = rules.filter((r): r is Cap => r.kind === 'cap' && r.bound !== 'controlled');
  const buckets = new Map<string, Cap[]>();
  for (const c of caps) {
    const key = `${c.award ?? ''}|${c.total.which}|${c.total.award ?? ''}|${c.per ?? ''}`;
    const l = buckets.get(key);
    if (l) l.push(c); else buckets.set(key, [c]);
  }
  const isUpper = (op: string) => op === '<=' || op === '<' || op === '=';
  const isLower = (op: string) => op === '>=' || op === '>' || op === '=';
  const disagree = (a: Cap, b: Cap) => isUpper(a.bound.op) === isUpper(b.bound.op) && (a.bound.percent !== b.bound.percent || a.bound.op !== b.bound.op);
  // Pairwise reasoning is quadratic; past this many caps in one bucket only identical groups are compared.
  const PAIRWISE_LIMIT = 64;
  for (const group of buckets.values()) {
    if (group.length === 1) continue; // a cap alone has nothing to disagree with
    const groupOf = group.map((c) => and(c.condition, c.selector));
    const keyOf = groupOf.map(cases.key);
    const firstByKey = new Map<string, number>();
    groupOf.forEach((_, j) => {
      const key = keyOf[j]!;
      const i = firstByKey.get(key);
      if (i === undefined) firstByKey.set(key, j);
      else if (disagree(group[i]!, group[j]!)) push('AR3002', group[j]!.span, describeBound(group[j]!.bound), describeBound(group[i]!.bound), line(group[i]!.span.start));
    });
    if (group.length > PAIRWISE_LIMIT) continue;
    for (let j = 1; j < group.length; j++) {
      const b = group[j]!;
      const gb = groupOf[j]!;
      for (let i = 0; i < j; i++) {
        const a = group[i]!;
        const ga = groupOf[i]!;
        if (keyOf[i] === keyOf[j]) continue; // reported above
        const same = cases.implies(ga, gb) === true && cases.implies(gb, ga) === true;
        if (same && disagree(a, b)) {
          push('AR3002', b.span, describeBound(b.bound), describeBound(a.bound), line(a.span.start));
          continue;
        }
        // A floor on a group above a ceiling on a group that contains it.
        for (const [lo, hi, gLo, gHi] of [[a, b, ga, gb], [b, a, gb, ga]] as const) {
          if (!isLower(lo.bound.op) || !isUpper(hi.bound.op)) continue;
          const tooHigh = lo.bound.percent > hi.bound.percent ||
            (lo.bound.percent === hi.bound.percent && (lo.bound.op === '>' || hi.bound.op === '<'));
          if (tooHigh && cases.implies(gLo, gHi) === true) {
            push('AR3003', b.span, {
              en: `the rule on line ${line(lo.span.start)} asks for ${lo.bound.op} ${lo.bound.percent}% of a group that the rule on line ${line(hi.span.start)} limits to ${hi.bound.op} ${hi.bound.percent}%.`,
              zh: `第 ${line(lo.span.start)} 行要求某类对象${(describeBound(lo.bound) as { zh: string }).zh}，而第 ${line(hi.span.start)} 行将包含它的一类对象限制为${(describeBound(hi.bound) as { zh: string }).zh}。`,
            });
          }
        }
      }
    }
  }
  // A floor on a group nobody may be in.
  const exclusionsFor = new Map<string, Pred[]>();
  for (const c of caps) {
    if (!isLower(c.bound.op) || c.bound.percent <= 0) continue;
    const key = c.award ?? '';
    if (!exclusionsFor.has(key)) exclusionsFor.set(key, rules.filter((r) => r.kind === 'exclude' && (!r.award || r.award === c.award)).map((r) => removal(r)!));
    const exclusions = exclusionsFor.get(key)!;
    if (exclusions.length && cases.implies(and(c.condition, c.selector), or(...exclusions)) === true) {
      push('AR3003', c.span, { en: 'it asks for a share of nominees who are all excluded.', zh: '它要求的是一类已被全部排除的对象所占的比例。' });
    }
  }
}

/**
 * A tag marks one rule, except that a clause may be stated once per award and once per group of
 * nominees that do not overlap (`when kind = collective` / `when kind = individual`). Untagged rules
 * are flagged.
 */
function checkTags(input: SemanticInput, cases: Questions, line: (o: number) => number, push: Push): void {
  const { model } = input;
  const prefix = model.notice.tagPrefix;
  // The next free number of each kind, for the tag AR3012 suggests (#J23-DEADLINE-3 after -1 and -2);
  // worked out when first needed.
  let next: Map<string, number> | undefined;
  const nextNumbers = () => {
    const n = new Map<string, number>();
    for (const r of model.rules) {
      for (const tag of r.tags) {
        const m = tagParts(tag);
        if (m && m[0] === prefix) n.set(m[1], Math.max(n.get(m[1]) ?? 1, Number(m[2]) + 1));
      }
    }
    return n;
  };
  // The rules that carry each tag: the one rule, or, once there are several, the rules per award
  // ('' for notice-wide rules), in order.
  const seen = new Map<string, RuleModel | Map<string, RuleModel[]>>();
  for (const r of model.rules) {
    for (const tag of r.tags) {
      const carriers = seen.get(tag);
      if (!carriers) { seen.set(tag, r); continue; }
      let byAward: Map<string, RuleModel[]>;
      if (carriers instanceof Map) byAward = carriers;
      else seen.set(tag, (byAward = new Map([[carriers.award ?? '', [carriers]]])));
      const earlier = byAward.get(r.award ?? '');
      if (!earlier) { byAward.set(r.award ?? '', [r]); continue; }
      const clash = earlier.find((e) => cases.satisfiable(and(e.condition, r.condition)) !== false);
      if (clash) push('AR3004', r.span, `#${tag}`, line(clash.span.start));
      earlier.push(r);
    }
    if (prefix && r.tags.length === 0 && !input.syntaxErrors) {
      const kind = TAG_KIND_OF_RULE[r.kind];
      next ??= nextNumbers();
      // Each untagged rule is offered its own number: the next one after the last offered.
      const n = next.get(kind) ?? 1;
      next.set(kind, n + 1);
      push('AR3012', r.span, prefix, kind, n);
    }
  }
}

function checkStages(model: Model, push: Push): void {
  const stages = [...model.stages].sort((a, b) => a.order - b.order);
  let previous: StageModel | undefined;
  for (const s of stages) {
    if (s.deadline === undefined) continue;
    const rule = model.rules.find((r) => r.kind === 'deadline' && r.stage === s.id);
    const span = rule?.span ?? s.span;
    if (model.notice.issued !== undefined && s.deadline < model.notice.issued) {
      push('AR3008', span, formatDay(s.deadline), formatDay(model.notice.issued));
    }
    if (previous?.deadline !== undefined && s.deadline < previous.deadline) {
      push('AR3007', span, s.id, formatDay(s.deadline), previous.id, formatDay(previous.deadline));
    }
    previous = s;
  }
}

/**
 * Whether each publicity can be completed before the stage it precedes. Publicity starts at the
 * earliest the day after the notice is issued, or the day after the earliest day the stage it follows
 * can happen; a stage can happen at the earliest the day after every publicity before it has ended.
 */
function checkPublicityFits(model: Model, calendar: WorkdayCalendar | undefined, push: Push): void {
  const issued = model.notice.issued;
  if (issued === undefined) return;
  const pubs = model.rules.filter((r): r is Extract<RuleModel, { kind: 'publicity' }> => r.kind === 'publicity' && r.before !== undefined);
  const earliest = new Map<string, Day>();
  let floor: Day = issued + 1;
  for (const stage of [...model.stages].sort((a, b) => a.order - b.order)) {
    let day = floor;
    for (const p of pubs.filter((x) => x.before === stage.id)) {
      const start = p.after !== undefined ? (earliest.get(p.after) ?? floor) + 1 : issued + 1;
      const end = publicityEnd(p, start, calendar);
      if (end === undefined) continue;
      if (!end.ok) { push('AR4001', p.span, end.missingYear); continue; }
      if (stage.deadline !== undefined && end.value >= stage.deadline) {
        push('AR3009', p.span, durationWords(p.duration.amount, p.duration.unit), stage.label ?? stage.id, formatDay(stage.deadline),
          availableWords(p.duration.unit, start, stage.deadline - 1, calendar), formatDay(start));
      }
      day = Math.max(day, end.value + 1);
    }
    earliest.set(stage.id, day);
    floor = day;
  }
}

/** The earliest last day of a publicity that starts on `start`. */
function publicityEnd(p: Extract<RuleModel, { kind: 'publicity' }>, start: Day, calendar: WorkdayCalendar | undefined) {
  const need = p.duration.amount + (p.op === '>' ? 1 : 0);
  if (p.duration.unit === 'days') return { ok: true as const, value: start + need - 1 };
  if (!calendar) return undefined;
  const first = calendar.isWorkday(start) ? { ok: true as const, value: start } : calendar.shiftWorkdays(start, 1);
  return first.ok && need > 1 ? calendar.shiftWorkdays(first.value, need - 1) : first;
}

function durationWords(amount: number, unit: 'days' | 'workdays'): MessageArg {
  return unit === 'days' ? { en: `${amount} days`, zh: `${amount}天` } : { en: `${amount} working days`, zh: `${amount}个工作日` };
}

function availableWords(unit: 'days' | 'workdays', from: Day, to: Day, calendar: WorkdayCalendar | undefined): MessageArg {
  if (unit === 'days') return durationWords(Math.max(0, to - from + 1), 'days');
  const n = calendar?.countWorkdays(from, to);
  return n?.ok ? durationWords(Math.max(0, n.value), 'workdays') : { en: 'too few working days', zh: '不足的工作日' };
}

function checkTables(model: Model, push: Push): void {
  type Count = Extract<RuleModel, { kind: 'quota' | 'recommend' }>;
  const quotaOf = new Map<string, number>();
  const ratioOf = new Map<string, number>();
  for (const r of model.rules) {
    if (r.kind === 'quota' && !r.per && r.amount.kind === 'number' && !quotaOf.has(r.award ?? '')) quotaOf.set(r.award ?? '', r.amount.value);
    if (r.kind === 'recommend' && !r.per && r.amount.kind === 'share-of-quota' && (r.op === '>=' || r.op === '>')) ratioOf.set(r.award ?? '', r.amount.percent);
  }
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  for (const r of model.rules) {
    if (r.kind !== 'quota' && r.kind !== 'recommend') continue;
    const c = r as Count;
    if (c.amount.kind === 'share-of-quota' && !quotaOf.has(c.award ?? '')) {
      push('AR3003', c.span, { en: `it is a share of the award's quota, but the award states no quota.`, zh: '它是奖项名额的一定比例，但该奖项没有规定名额。' });
    }
    if (c.amount.kind !== 'table' || !c.award) continue;
    const amount = c.amount;
    const table = tables.get(amount.table);
    const quotaN = quotaOf.get(c.award);
    if (!table || quotaN === undefined || (c.op !== '<=' && c.op !== '<')) continue;
    const sum = table.rows.reduce((s, row) => s + (row.values[amount.column] ?? 0), 0);
    if (c.kind === 'quota' && sum > quotaN) push('AR3010', c.span, table.id, sum, quotaN, c.award);
    const ratio = ratioOf.get(c.award);
    if (c.kind === 'recommend' && ratio !== undefined) {
      const needed = Math.ceil((quotaN * ratio) / 100 - 1e-9);
      if (sum < needed) push('AR3020', c.span, table.id, sum, needed, `${ratio}% × ${quotaN}`);
    }
  }
}

/**
 * What a rule says beyond its kind, award and softness (the rules compared have those in common),
 * without where it is or how it is tagged; `key` is `predKey` (or a memo of it).
 */
function ruleKey(r: RuleModel, key: (p: Pred) => string): string {
  const head = `${key(r.condition)}|`;
  switch (r.kind) {
    case 'scope': case 'exempt': return head + key(r.pred);
    case 'exclude': case 'require': return `${head}${key(r.pred)}|${r.unless ? key(r.unless) : ''}`;
    case 'prefer': return `${head}${key(r.pred)}|${r.text ?? ''}`;
    case 'cap': return `${head}${key(r.selector)}|${JSON.stringify([r.bound, r.total, r.per])}`;
    case 'recommend': return `${head}${key(r.where)}|${JSON.stringify([r.op, r.amount, r.per])}`;
    default: {
      const { index: _i, span: _s, tags: _t, clause: _c, condition: _w, wording: _o, ...meaning } = r;
      return head + JSON.stringify(meaning).replace(/"span":\{"start":\d+,"end":\d+\},?/g, '');
    }
  }
}

/** `key` is the questions' predKey memo: the conditions compared here are mostly those asked about. */
function checkDuplicates(rules: readonly RuleModel[], key: (p: Pred) => string, line: (o: number) => number, push: Push): void {
  // Only rules of one kind, award and softness can say the same, so keys are worked out only where
  // there are two or more such rules. Grouped by award, then kind, hard and soft apart; the groups
  // are gone through in the order of their first rules.
  const groups: RuleModel[][] = [];
  const byAward: [Map<string, Map<string, RuleModel[]>>, Map<string, Map<string, RuleModel[]>>] = [new Map(), new Map()];
  for (const r of rules) {
    const bySoftness = byAward[r.soft ? 1 : 0];
    let byKind = bySoftness.get(r.award ?? '');
    if (!byKind) bySoftness.set(r.award ?? '', (byKind = new Map()));
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else { const group = [r]; byKind.set(r.kind, group); groups.push(group); }
  }
  for (const group of groups) {
    if (group.length < 2) continue;
    const seen = new Map<string, RuleModel>();
    for (const r of group) {
      const k = ruleKey(r, key);
      const first = seen.get(k);
      if (first) push('AR3016', r.span, line(first.span.start));
      else seen.set(k, r);
    }
  }
}

function checkRoutes(rules: readonly RuleModel[], enumValuesOf: EnumValuesOf, cases: Questions, push: Push): void {
  for (const r of rules) {
    if (r.kind !== 'route') continue;
    for (let i = 1; i < r.cases.length; i++) {
      const c = r.cases[i]!;
      const earlier = or(...r.cases.slice(0, i).map((x) => x.when));
      const space = new CaseSpace([and(r.condition, c.when), earlier], enumValuesOf);
      if (space.size() === Infinity) continue;
      if (cases.implies(and(r.condition, c.when), earlier) === true) push('AR3017', c.span);
    }
  }
}
