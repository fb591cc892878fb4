/**
 * The reference semantics of a rule file: each rule's verdict computed directly from the checked
 * model, as plainly as possible. Compiled validators must give exactly the same findings; a property
 * test compares the two on thousands of generated slates.
 */
import {
  checkMaterial, checkPublicity, compare, EXCEPTION_APPLIES, fieldsText, formatDay, NO_ROUTE, NO_SELECTION, NO_SUBMISSION, noOpinion,
  notConfirmed, notDue, notForAward, notUnderCondition, OP_WORDS, PASSED, runValidation, SINGLE_UNIT, shareText, shareWithin, t, UNCLASSIFIED, valueText,
  type Context, type Failure, type FieldSchema, type Localized, type MaterialSpec, type Nominee, type NomineeVerdict, type Op,
  type RuleCheck, type RuleInfo, type SlateSchema, type SlateVerdict, type ValidationOptions, type ValidationResult,
} from '@awardrules/runtime';
import { fieldsOf, ruleInfos, slateSchema, type AttestGroupModel, type LineMap, type Model, type Pred, type RuleModel } from '@awardrules/language';
import { evaluate } from './conditions.js';

export type Validate = (slate: unknown, options?: ValidationOptions) => ValidationResult;

export function createReferenceValidator(model: Model, lines: LineMap): Validate {
  const schema = slateSchema(model);
  const infos = ruleInfos(model, lines);
  const fields = new Map(schema.fields.map((f) => [f.id, f]));
  const rules: RuleCheck[] = model.rules.map((rule, i) => ruleCheck(model, schema, fields, rule, infos[i]!));
  return (slate, options) => runValidation({ schema, rules }, slate, options);
}

type Fields = ReadonlyMap<string, FieldSchema>;

const NOMINEE_KINDS = new Set(['scope', 'exclude', 'require', 'attest', 'route', 'publicity', 'consult', 'deadline', 'material']);

function ruleCheck(model: Model, schema: SlateSchema, fields: Fields, rule: RuleModel, info: RuleInfo): RuleCheck {
  if (rule.kind === 'exempt') return { scope: 'none', info };
  const otherAward = rule.award ? notForAward(schema.awards.find((a) => a.id === rule.award)!) : undefined;
  if (NOMINEE_KINDS.has(rule.kind)) return { scope: 'nominee', info, check: (n, x) => (rule.award && n.award !== rule.award ? otherAward! : nomineeVerdict(model, fields, rule, info, n, x)) };
  return { scope: 'slate', info, check: (ns, x) => slateVerdict(model, fields, rule, ns, x) };
}

function ctxOf(model: Model, x: Context) {
  return { model, ref: x.ref };
}

function schemaFields(fields: Fields, ids: Iterable<string>): FieldSchema[] {
  return [...ids].map((id) => fields.get(id)).filter((f): f is FieldSchema => !!f);
}

function nomineeVerdict(model: Model, fields: Fields, rule: RuleModel, info: RuleInfo, n: Nominee, x: Context): NomineeVerdict {
  const ctx = ctxOf(model, x);
  const c = evaluate(rule.condition, n, ctx);
  if (typeof c !== 'boolean') return { outcome: 'unknown', missing: c.missing };
  if (!c) return notUnderCondition(info);

  switch (rule.kind) {
    case 'scope': case 'require': case 'exclude': {
      const p = evaluate(rule.pred, n, ctx);
      if (typeof p !== 'boolean') return { outcome: 'unknown', missing: p.missing };
      const violated = rule.kind === 'exclude' ? p : !p;
      if (!violated) return PASSED;
      if (rule.kind !== 'scope' && rule.unless) {
        const u = evaluate(rule.unless, n, ctx);
        if (typeof u !== 'boolean') return { outcome: 'unknown', missing: u.missing };
        if (u) return EXCEPTION_APPLIES;
      }
      const read = [...fieldsOf(rule.pred)];
      return { outcome: 'failed', fields: read, measured: fieldsText(schemaFields(fields, read), n.values, x.ref) };
    }
    case 'attest': {
      const have = (n.values['attested'] as Set<string> | undefined) ?? new Set<string>();
      const missing: string[] = [];
      if (attested(rule.group, have, missing)) return PASSED;
      return { outcome: 'failed', fields: ['attested'], measured: notConfirmed(missing) };
    }
    case 'route': {
      for (const c2 of rule.cases) {
        const w = evaluate(c2.when, n, ctx);
        if (typeof w !== 'boolean') return { outcome: 'unknown', missing: w.missing };
        if (!w) continue;
        const actual = n.values[rule.field];
        if (actual === undefined) return { outcome: 'unknown', missing: [rule.field] };
        if (actual === c2.target) return PASSED;
        const f = fields.get(rule.field)!;
        return { outcome: 'failed', fields: [rule.field], measured: valueText(f, actual), required: valueText(f, c2.target) };
      }
      return NO_ROUTE;
    }
    case 'publicity': {
      const level = model.enums.get('publicity-level')!.values.find((v) => v.id === rule.level)!;
      const res = checkPublicity(n, {
        op: rule.op, amount: rule.duration.amount, unit: rule.duration.unit, level: rule.level,
        levelLabel: { zh: level.zh, en: level.en ?? level.id }, each: rule.each,
        ...(rule.after ? { after: rule.after } : {}), ...(rule.before ? { before: rule.before, beforeLabel: stageLabel(model, rule.before) } : {}),
      }, x.calendar, x.deadlines);
      if (res.outcome === 'passed') return { outcome: 'passed', ...(res.measured ? { reason: res.measured } : {}) };
      if (res.outcome === 'not-due') return notDue(rule.before ? stageLabel(model, rule.before) : undefined);
      if (res.outcome === 'single-unit') return SINGLE_UNIT;
      if (res.outcome === 'unknown') return { outcome: 'no-calendar', year: res.missingYear! };
      return { outcome: 'failed', fields: ['publicity-records'], ...(res.measured ? { measured: res.measured } : {}), ...(res.required ? { required: res.required } : {}) };
    }
    case 'consult': {
      const have = (n.values['consulted'] as Set<string> | undefined) ?? new Set<string>();
      const missing = rule.departments.filter((d) => !have.has(d));
      if (missing.length === 0) return PASSED;
      return { outcome: 'failed', fields: ['consulted'], measured: noOpinion(missing.map((d) => valueText(fields.get('consulted')!, d))) };
    }
    case 'deadline': {
      const day = n.submitted[rule.stage];
      if (day === undefined) return NO_SUBMISSION;
      if (day <= rule.date) return PASSED;
      return { outcome: 'failed', fields: ['submitted'], measured: t(`submitted ${formatDay(day)}`, `报送于${formatDay(day)}`), required: t(`by ${formatDay(rule.date)}`, `${formatDay(rule.date)}前`) };
    }
    case 'material': {
      const problems: Localized[] = [];
      const missing: string[] = [];
      for (const m of rule.items) {
        const res = checkMaterial(n, materialSpec(m));
        problems.push(...res.problems);
        missing.push(...res.missingFields);
      }
      if (missing.length) return { outcome: 'unknown', missing: [...new Set(missing)] };
      if (problems.length === 0) return PASSED;
      return { outcome: 'failed', fields: ['materials'], measured: t(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；')) };
    }
    default:
      return { outcome: 'not-applicable', reason: t('a rule about the whole slate', '针对整份名单的规则') };
  }
}

function stageLabel(model: Model, id: string): Localized {
  const label = model.stages.find((s) => s.id === id)?.label ?? id;
  return { zh: label, en: label };
}

export function materialSpec(m: Extract<RuleModel, { kind: 'material' }>['items'][number]): MaterialSpec {
  return {
    id: m.id, label: { zh: m.label ?? m.id, en: m.label ?? m.id }, required: m.required, electronic: m.electronic,
    ...(m.chars ? { chars: m.chars } : {}), ...(m.copies ? { copies: m.copies } : {}), ...(m.formats ? { formats: m.formats } : {}),
    ...(m.sizeBytes ? { sizeBytes: m.sizeBytes } : {}),
    ...(m.namePattern ? { namePattern: m.namePattern.map((p) => (p.kind === 'text' ? { text: p.text } : { field: p.field, ...(p.format ? { format: p.format } : {}) })) } : {}),
  };
}

/** Whether the confirmed conditions satisfy a group; what is missing is listed in `missing`. */
function attested(g: AttestGroupModel, have: ReadonlySet<string>, missing: string[]): boolean {
  const results = g.entries.map((e) => (e.kind === 'item' ? have.has(e.id) : attested(e, have, [])));
  const ok = g.mode === 'all' ? results.every(Boolean) : results.some(Boolean);
  if (!ok) {
    const name = (e: AttestGroupModel['entries'][number]): string => (e.kind === 'item' ? (e.text ?? e.id) : `(${e.entries.map(name).join(e.mode === 'all' ? ' + ' : ' / ')})`);
    if (g.mode === 'all') g.entries.forEach((e, i) => { if (!results[i]) missing.push(name(e)); });
    else missing.push(g.entries.map(name).join(' / '));
  }
  return ok;
}

// ── rules about the whole slate ──────────────────────────────────────────────────────────────

interface Counted {
  readonly members: Nominee[];
  readonly unknown: { nominee: Nominee; missing: readonly string[] }[];
}

/** Nominees of the rule's award that satisfy its conditions and `extra`; those that cannot be told are listed. */
function members(model: Model, rule: RuleModel, nominees: readonly Nominee[], x: Context, extra?: Pred): Counted {
  const ctx = ctxOf(model, x);
  const out: Counted = { members: [], unknown: [] };
  for (const n of nominees) {
    if (!n.award || (rule.award && n.award !== rule.award)) continue;
    let include = true;
    for (const p of extra ? [rule.condition, extra] : [rule.condition]) {
      const v = evaluate(p, n, ctx);
      if (typeof v !== 'boolean') { out.unknown.push({ nominee: n, missing: v.missing }); include = false; break; }
      if (!v) { include = false; break; }
    }
    if (include) out.members.push(n);
  }
  return out;
}

function exempt(model: Model, n: Nominee, x: Context): boolean {
  const ctx = ctxOf(model, x);
  return model.rules.some((r) => r.kind === 'exempt' && (!r.award || r.award === n.award) && evaluate(r.condition, n, ctx) === true && evaluate(r.pred, n, ctx) === true);
}

function groupKey(n: Nominee, field: string | undefined): string | undefined {
  if (!field) return '';
  const v = n.values[field];
  return v === undefined ? undefined : String(v);
}

function slateVerdict(model: Model, fields: Fields, rule: RuleModel, nominees: readonly Nominee[], x: Context): SlateVerdict {
  const ok = (reason: Localized): SlateVerdict => ({ failures: [], unknown: [], reason });
  switch (rule.kind) {
    case 'cap': {
      if (rule.bound === 'controlled') {
        const all = members(model, rule, nominees, x);
        const group = members(model, rule, nominees, x, rule.selector);
        const unknown = [...all.unknown, ...group.unknown.filter((u) => !all.unknown.some((a) => a.nominee === u.nominee))];
        if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };
        if (group.members.length === 0) return ok(t('none on the slate', '名单中没有'));
        const share = shareText(group.members.length, all.members.length);
        const names = group.members.map((n) => n.ref.name || n.ref.id);
        return { failures: [{ fields: [...fieldsOf(rule.selector)], measured: t(`${share.en}: ${names.join(', ')}`, `${share.zh}：${names.join('、')}`) }], unknown: [], reason: share };
      }
      const bound = rule.bound;
      if (rule.total.which === 'selected' && !x.hasSelection) return { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };
      const population = nominees.filter((n) => !!n.award && (!rule.total.award || n.award === rule.total.award) && (rule.total.which === 'recommended' || n.selected === true));
      const group = members(model, rule, population, x, rule.selector);
      const unknown = [...group.unknown];
      const groups = new Map<string, Nominee[]>();
      for (const n of population) {
        const key = groupKey(n, rule.per);
        if (key === undefined) { if (!unknown.some((u) => u.nominee === n)) unknown.push({ nominee: n, missing: [rule.per!] }); continue; }
        groups.set(key, [...(groups.get(key) ?? []), n]);
      }
      if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };
      const failures: Failure[] = [];
      for (const [key, people] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const inGroup = group.members.filter((n) => people.includes(n)).length;
        if (shareWithin(inGroup, people.length, bound.op, bound.percent)) continue;
        const share = shareText(inGroup, people.length);
        const where = rule.per ? valueText(fields.get(rule.per)!, key) : undefined;
        failures.push({
          fields: [...fieldsOf(rule.selector)],
          measured: where ? t(`${where.en}: ${share.en}`, `${where.zh}：${share.zh}`) : share,
          required: t(`${OP_WORDS[bound.op]!.en} ${bound.percent}%`, `${OP_WORDS[bound.op]!.zh}${bound.percent}%`),
        });
      }
      return { failures, unknown: [], reason: shareText(group.members.length, population.length) };
    }
    case 'quota': case 'recommend': {
      if (rule.kind === 'quota' && !x.hasSelection) return { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };
      const pool = rule.kind === 'quota' ? nominees.filter((n) => n.selected === true) : nominees;
      const where = rule.kind === 'recommend' && rule.where.k !== 'const' ? rule.where : undefined;
      const scoped = members(model, rule, pool, x, where);
      const counted = scoped.members.filter((n) => !exempt(model, n, x));
      const unknown = [...scoped.unknown];
      const groups = new Map<string, number>();
      for (const n of counted) {
        const key = groupKey(n, rule.per);
        if (key === undefined) { unknown.push({ nominee: n, missing: [rule.per!] }); continue; }
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };
      const a = rule.amount;
      // A table's every row is checked, also rows with nobody on the slate (a minimum fails at 0).
      if (a.kind === 'table') for (const row of model.tables.find((tb) => tb.id === a.table)!.rows) if (!groups.has(row.key)) groups.set(row.key, 0);
      if (!rule.per && !groups.has('')) groups.set('', 0);
      const failures: Failure[] = [];
      for (const [key, count] of [...groups].sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))) {
        let passed: boolean;
        let required: Localized;
        if (a.kind === 'share-of-quota') {
          const q = model.rules.find((r) => r.kind === 'quota' && r.award === rule.award && !r.per && r.amount.kind === 'number');
          if (!q || q.kind !== 'quota' || q.amount.kind !== 'number') continue;
          passed = compare(count * 1_000_000, rule.op as Op, Math.round(a.percent * 10_000) * q.amount.value);
          required = t(`${OP_WORDS[rule.op]!.en} ${a.percent}% of the quota of ${q.amount.value}`, `${OP_WORDS[rule.op]!.zh}表彰名额${q.amount.value}的${a.percent}%`);
        } else {
          const limit = a.kind === 'number' ? a.value : (model.tables.find((tb) => tb.id === a.table)!.rows.find((row) => row.key === key)?.values[a.column] ?? 0);
          passed = compare(count, rule.op as Op, limit);
          required = t(`${OP_WORDS[rule.op]!.en} ${limit}`, `${OP_WORDS[rule.op]!.zh}${limit}`);
        }
        if (passed) continue;
        const label = rule.per ? valueText(fields.get(rule.per) ?? { id: rule.per, prop: rule.per, label: t(rule.per, rule.per), kind: 'text' }, key) : undefined;
        failures.push({ fields: rule.per ? [rule.per] : [], measured: label ? t(`${label.en}: ${count}`, `${label.zh}：${count}`) : t(String(count), String(count)), required });
      }
      return { failures, unknown: [], reason: t(`${counted.length} counted`, `计 ${counted.length} 名`) };
    }
    case 'prefer': {
      const all = members(model, rule, nominees, x);
      const preferred = members(model, rule, nominees, x, rule.pred);
      if (all.unknown.length || preferred.unknown.length) {
        return { failures: [], unknown: [...all.unknown, ...preferred.unknown.filter((u) => !all.unknown.some((a) => a.nominee === u.nominee))], reason: UNCLASSIFIED };
      }
      if (all.members.length === 0) return ok(t('no nominee it concerns', '没有相关推荐对象'));
      const share = shareText(preferred.members.length, all.members.length);
      return { failures: [], unknown: [], note: share, reason: share };
    }
    default:
      return ok(t('not a slate rule', '不是针对整份名单的规则'));
  }
}
