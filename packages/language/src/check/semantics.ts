/**
 * Checks on the meaning of the rules together: rules made dead by exclusions, caps that disagree or
 * cannot be met, tags, the order of deadlines, publicity that cannot fit before its deadline, quota
 * tables that do not add up. Each check reads the model only.
 */
import type { Day, WorkdayCalendar } from '@awardrules/runtime';
import { formatDay } from '@awardrules/runtime';
import type { Diagnostic, MessageArg } from '../diagnostics/diagnostic.js';
import { and, fieldsOf, not, or, predKey, TRUE, usesReferenceDate, type Pred } from '../model/predicate.js';
import { CaseSpace, implies, satisfiable, type EnumValuesOf } from '../model/semantics.js';
import type { AwardModel, Model, RuleModel, StageModel } from '../model/types.js';
import type { LineMap } from '../syntax/positions.js';

export interface SemanticInput {
  readonly model: Model;
  readonly lines: LineMap;
  readonly calendar?: WorkdayCalendar;
}

export function checkSemantics(input: SemanticInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { model } = input;
  const line = (offset: number) => input.lines.position(offset).line + 1;
  const enumValuesOf: EnumValuesOf = (field) => {
    const f = model.fields.get(field);
    const e = f && (f.type.kind === 'enum' || f.type.kind === 'set' || f.type.kind === 'events') ? model.enums.get(f.type.enum) : undefined;
    return e ? e.values.map((v) => v.id) : [];
  };
  const awardOf = (r: RuleModel) => (r.award ? model.awards.find((a) => a.id === r.award) : undefined);
  const push = (code: Diagnostic['code'], span: Diagnostic['span'], ...args: MessageArg[]) => out.push({ code, args, span });

  checkExclusionsAndDeadRules(model.rules, awardOf, enumValuesOf, line, push);
  checkCaps(model.rules, enumValuesOf, line, push);
  checkTags(input, enumValuesOf, line, push);
  checkStages(model, push);
  checkPublicityFits(model, input.calendar, push);
  checkTables(model, push);
  checkDuplicates(model.rules, line, push);
  checkRoutes(model.rules, enumValuesOf, push);
  if (!model.notice.reference) {
    const first = model.rules.find((r) => ruleUsesReference(r));
    if (first) push('AR3013', first.span);
  }
  return out;
}

type Push = (code: Diagnostic['code'], span: Diagnostic['span'], ...args: MessageArg[]) => void;

function ruleUsesReference(r: RuleModel): boolean {
  const preds: Pred[] = [r.condition];
  if (r.kind === 'exclude' || r.kind === 'require') preds.push(r.pred, ...(r.unless ? [r.unless] : []));
  if (r.kind === 'scope' || r.kind === 'exempt' || r.kind === 'prefer') preds.push(r.pred);
  if (r.kind === 'cap') preds.push(r.selector);
  return preds.some(usesReferenceDate);
}

/** Nominees a rule applies to: its `when` conditions, its award's kind, and its selector. */
function applicability(r: RuleModel, award: AwardModel | undefined): Pred {
  const kind: Pred = award ? { k: 'in', field: 'kind', values: [award.kind] } : TRUE;
  const own = r.kind === 'cap' ? r.selector : r.kind === 'prefer' || r.kind === 'exempt' ? r.pred : TRUE;
  return and(kind, r.condition, own);
}

/** Nominees a rule removes from the slate: excluded, or outside the scope. */
function removal(r: RuleModel): Pred | undefined {
  if (r.kind === 'exclude') return and(r.condition, r.pred, r.unless ? not(r.unless) : TRUE);
  if (r.kind === 'scope') return and(r.condition, not(r.pred));
  return undefined;
}

function checkExclusionsAndDeadRules(
  rules: readonly RuleModel[], awardOf: (r: RuleModel) => AwardModel | undefined, enumValuesOf: EnumValuesOf,
  line: (o: number) => number, push: Push,
): void {
  const removers = rules.map((r) => ({ rule: r, removes: removal(r) })).filter((x): x is { rule: RuleModel; removes: Pred } => !!x.removes);
  for (const { rule, removes } of removers) {
    const award = awardOf(rule);
    const scoped = and(award ? { k: 'in', field: 'kind', values: [award.kind] } : TRUE, removes);
    // An exclusion that removes everyone, or a scope nobody is in.
    if (implies(award ? { k: 'in', field: 'kind', values: [award.kind] } : TRUE, scoped, enumValuesOf) === true) {
      push('AR3015', rule.span, rule.kind === 'exclude' ? { en: 'excludes every nominee', zh: '排除了全部推荐对象' } : { en: 'admits no nominee', zh: '不接受任何推荐对象' });
    }
  }
  for (const r of rules) {
    if (r.kind === 'scope' || r.kind === 'exclude' || r.kind === 'deadline' || r.kind === 'quota' || r.kind === 'recommend') continue;
    const award = awardOf(r);
    const applies = applicability(r, award);
    const sat = satisfiable(applies, enumValuesOf);
    if (sat === false) {
      push('AR3014', r.span, { en: 'never applies', zh: '永远不会适用' });
      continue;
    }
    if (r.condition.k === 'const' && (r.kind !== 'cap' && r.kind !== 'prefer' && r.kind !== 'exempt')) continue;
    const own = fieldsOf(applies);
    const relevant = removers.filter(({ rule: e }) =>
      e.index !== r.index && (!e.award || e.award === r.award) && [...fieldsOf(removal(e)!)].every((f) => own.has(f) || f === 'kind'));
    if (relevant.length === 0) continue;
    if (implies(applies, or(...relevant.map((x) => x.removes)), enumValuesOf) !== true) continue;
    const single = relevant.find((x) => implies(applies, x.removes, enumValuesOf) === true);
    const who: MessageArg = single
      ? single.rule.kind === 'exclude'
        ? { en: `the exclusion on line ${line(single.rule.span.start)}`, zh: `第 ${line(single.rule.span.start)} 行的排除规则` }
        : { en: `the scope on line ${line(single.rule.span.start)}`, zh: `第 ${line(single.rule.span.start)} 行的评选范围` }
      : { en: 'the scope and exclusions together', zh: '评选范围和排除规则合起来' };
    push('AR3001', r.span, who);
  }
}

function describeBound(b: { op: string; percent: number }): MessageArg {
  const zhOp: Record<string, string> = { '<=': '不超过', '<': '低于', '>=': '不低于', '>': '高于', '=': '等于' };
  return { en: `${b.op} ${b.percent}%`, zh: `${zhOp[b.op] ?? b.op}${b.percent}%` };
}

function checkCaps(rules: readonly RuleModel[], enumValuesOf: EnumValuesOf, line: (o: number) => number, push: Push): void {
  type Cap = Extract<RuleModel, { kind: 'cap' }> & { bound: { op: '<=' | '<' | '>=' | '>' | '='; percent: number } };
  const caps = rules.filter((r): r is Cap => r.kind === 'cap' && r.bound !== 'controlled');
  const buckets = new Map<string, Cap[]>();
  for (const c of caps) {
    const key = `${c.award ?? ''}|${c.total.which}|${c.total.award ?? ''}|${c.per ?? ''}`;
    buckets.set(key, [...(buckets.get(key) ?? []), c]);
  }
  const isUpper = (op: string) => op === '<=' || op === '<' || op === '=';
  const isLower = (op: string) => op === '>=' || op === '>' || op === '=';
  for (const group of buckets.values()) {
    for (let j = 1; j < group.length; j++) {
      const b = group[j]!;
      const gb = and(b.condition, b.selector);
      for (let i = 0; i < j; i++) {
        const a = group[i]!;
        const ga = and(a.condition, a.selector);
        const same = predKey(ga) === predKey(gb) || (implies(ga, gb, enumValuesOf) === true && implies(gb, ga, enumValuesOf) === true);
        if (same && (isUpper(a.bound.op) === isUpper(b.bound.op)) && (a.bound.percent !== b.bound.percent || a.bound.op !== b.bound.op)) {
          push('AR3002', b.span, describeBound(b.bound), describeBound(a.bound), line(a.span.start));
          continue;
        }
        // A floor on a group above a ceiling on a group that contains it.
        for (const [lo, hi, gLo, gHi] of [[a, b, ga, gb], [b, a, gb, ga]] as const) {
          if (!isLower(lo.bound.op) || !isUpper(hi.bound.op)) continue;
          const tooHigh = lo.bound.percent > hi.bound.percent ||
            (lo.bound.percent === hi.bound.percent && (lo.bound.op === '>' || hi.bound.op === '<'));
          if (tooHigh && implies(gLo, gHi, enumValuesOf) === true) {
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
  for (const c of caps) {
    if (!isLower(c.bound.op) || c.bound.percent <= 0) continue;
    const exclusions = rules.filter((r) => r.kind === 'exclude' && (!r.award || r.award === c.award)).map((r) => removal(r)!);
    if (exclusions.length && implies(and(c.condition, c.selector), or(...exclusions), enumValuesOf) === true) {
      push('AR3003', c.span, { en: 'it asks for a share of nominees who are all excluded.', zh: '它要求的是一类已被全部排除的对象所占的比例。' });
    }
  }
}

/**
 * A tag marks one rule, except that a clause may be stated once per award and once per group of
 * nominees that do not overlap (`when kind = collective` / `when kind = individual`). Untagged rules
 * are flagged.
 */
function checkTags(input: SemanticInput, enumValuesOf: EnumValuesOf, line: (o: number) => number, push: Push): void {
  const { model } = input;
  const prefix = model.notice.tagPrefix;
  const seen = new Map<string, RuleModel[]>();
  for (const r of model.rules) {
    for (const tag of r.tags) {
      const key = `${r.award ?? ''}|${tag}`;
      const earlier = seen.get(key) ?? [];
      const clash = earlier.find((e) => satisfiable(and(e.condition, r.condition), enumValuesOf) !== false);
      if (clash) push('AR3004', r.span, `#${tag}`, line(clash.span.start));
      seen.set(key, [...earlier, r]);
    }
    if (prefix && r.tags.length === 0) push('AR3012', r.span, prefix);
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
        push('AR3009', p.span, durationWords(p.duration.amount, p.duration.unit), stage.id, formatDay(stage.deadline),
          availableWords(p.duration.unit, start, stage.deadline - 1, calendar));
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
  return unit === 'days' ? { en: `${amount} days`, zh: `${amount} 天` } : { en: `${amount} working days`, zh: `${amount} 个工作日` };
}

function availableWords(unit: 'days' | 'workdays', from: Day, to: Day, calendar: WorkdayCalendar | undefined): MessageArg {
  if (unit === 'days') return durationWords(Math.max(0, to - from + 1), 'days');
  const n = calendar?.countWorkdays(from, to);
  return n?.ok ? durationWords(Math.max(0, n.value), 'workdays') : { en: 'too few working days', zh: '不足的工作日' };
}

function checkTables(model: Model, push: Push): void {
  for (const r of model.rules) {
    if (r.kind !== 'quota' && r.kind !== 'recommend') continue;
    if (r.amount.kind !== 'table' || !r.award) continue;
    const amount = r.amount;
    const table = model.tables.find((t) => t.id === amount.table);
    if (!table) continue;
    const sum = table.rows.reduce((s, row) => s + (row.values[amount.column] ?? 0), 0);
    const quota = model.rules.find((q): q is Extract<RuleModel, { kind: 'quota' }> =>
      q.kind === 'quota' && q.award === r.award && !q.per && q.amount.kind === 'number');
    const quotaN = quota && quota.amount.kind === 'number' ? quota.amount.value : undefined;
    if (r.kind === 'quota' && (r.op === '<=' || r.op === '<') && quotaN !== undefined && sum > quotaN) {
      push('AR3010', r.span, table.id, sum, quotaN, r.award);
    }
    if (r.kind === 'recommend' && (r.op === '<=' || r.op === '<') && quotaN !== undefined) {
      const ratio = model.rules.find((q): q is Extract<RuleModel, { kind: 'recommend' }> =>
        q.kind === 'recommend' && q.award === r.award && !q.per && q.amount.kind === 'share-of-quota' && (q.op === '>=' || q.op === '>'));
      if (ratio && ratio.amount.kind === 'share-of-quota') {
        const needed = Math.ceil((quotaN * ratio.amount.percent) / 100 - 1e-9);
        if (sum < needed) push('AR3020', r.span, table.id, sum, needed, `${ratio.amount.percent}% × ${quotaN}`);
      }
    }
  }
  // `recommend >= 120% of quota` needs a quota to be a share of.
  for (const r of model.rules) {
    if (r.kind === 'recommend' && r.amount.kind === 'share-of-quota') {
      const hasQuota = model.rules.some((q) => q.kind === 'quota' && q.award === r.award && q.amount.kind === 'number' && !q.per);
      if (!hasQuota) push('AR3003', r.span, { en: `it is a share of the award's quota, but the award states no quota.`, zh: '它是奖项名额的一定比例，但该奖项没有规定名额。' });
    }
  }
}

function ruleKey(r: RuleModel): string {
  return JSON.stringify(r, (k, v) => (k === 'index' || k === 'span' || k === 'tags' || k === 'clause' ? undefined : v));
}

function checkDuplicates(rules: readonly RuleModel[], line: (o: number) => number, push: Push): void {
  const seen = new Map<string, RuleModel>();
  for (const r of rules) {
    const key = ruleKey(r);
    const first = seen.get(key);
    if (first) push('AR3016', r.span, line(first.span.start));
    else seen.set(key, r);
  }
}

function checkRoutes(rules: readonly RuleModel[], enumValuesOf: EnumValuesOf, push: Push): void {
  for (const r of rules) {
    if (r.kind !== 'route') continue;
    for (let i = 1; i < r.cases.length; i++) {
      const c = r.cases[i]!;
      const earlier = or(...r.cases.slice(0, i).map((x) => x.when));
      const space = new CaseSpace([and(r.condition, c.when), earlier], enumValuesOf);
      if (space.size() === Infinity) continue;
      if (implies(and(r.condition, c.when), earlier, enumValuesOf) === true) push('AR3017', c.span);
    }
  }
}
