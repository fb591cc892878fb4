/**
 * The reference semantics of a rule file: each rule's verdict computed directly from the checked
 * model, as plainly as possible. Compiled validators must give exactly the same findings; a property
 * test compares the two on thousands of generated slates.
 */
import {
  attestVerdict, checkControlled, checkCount, checkPreference, checkShare, consultVerdict, deadlineVerdict, EXCEPTION_APPLIES, exceptionNotShown, fieldsText,
  materialVerdict, NO_ROUTE, notForAward, notUnderCondition, PASSED, publicityVerdict, runValidation, t, valueText,
  type Belongs, type Context, type CountLimit, type CountSpec, type FieldSchema, type Localized, type MaterialSpec, type Nominee, type NomineeVerdict,
  type Op, type RuleCheck, type RuleInfo, type ShareSpec, type SlateSchema, type SlateVerdict, type ValidationOptions, type ValidationResult,
} from '@awardrules/runtime';
import { and, fieldsOf, or, ruleInfos, slateSchema, TRUE, type AttestGroupModel, type LineMap, type Model, type Pred, type RuleModel } from '@awardrules/language';
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
        if (typeof u !== 'boolean') {
          if (u.missing.includes('@reference')) return { outcome: 'unknown', missing: u.missing };
          const read = [...new Set([...fieldsOf(rule.pred), ...u.missing])];
          return { outcome: 'failed', fields: read, measured: exceptionNotShown(fieldsText(schemaFields(fields, fieldsOf(rule.pred)), n.values, x.ref), schemaFields(fields, u.missing)) };
        }
        if (u) return EXCEPTION_APPLIES;
      }
      const read = [...fieldsOf(rule.pred)];
      return { outcome: 'failed', fields: read, measured: fieldsText(schemaFields(fields, read), n.values, x.ref) };
    }
    case 'attest': {
      const have = (n.values['attested'] as Set<string> | undefined) ?? new Set<string>();
      const missing: string[] = [];
      return attestVerdict(n, attested(rule.group, have, missing), missing);
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
      return publicityVerdict(n, {
        op: rule.op, amount: rule.duration.amount, unit: rule.duration.unit, level: rule.level,
        levelLabel: { zh: level.zh, en: level.en ?? level.id }, each: rule.each,
        ...(rule.after ? { after: rule.after } : {}), ...(rule.before ? { before: rule.before, beforeLabel: stageLabel(model, rule.before) } : {}),
      }, x);
    }
    case 'consult':
      return consultVerdict(n, rule.departments, fields.get('consulted')!);
    case 'deadline':
      return deadlineVerdict(n, rule.stage, rule.date);
    case 'material':
      return materialVerdict(n, rule.items.map(materialSpec));
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
// The counting is the runtime's (checkShare, checkCount, …); the interpreter says who belongs.

/** Whether a nominee meets all of `preds` (three-valued). */
function meets(model: Model, n: Nominee, x: Context, ...preds: Pred[]): Belongs {
  const v = evaluate(and(...preds), n, ctxOf(model, x));
  return typeof v === 'boolean' ? v : { missing: v.missing };
}

/** Whether an `exempt … from quota` rule takes the nominee out of the counts (three-valued: any exemption that holds). */
function exempt(model: Model, n: Nominee, x: Context): Belongs {
  const rules = model.rules.filter((r) => r.kind === 'exempt' && (!r.award || r.award === n.award));
  const v = evaluate(or(...rules.map((r) => and(r.condition, (r as Extract<RuleModel, { kind: 'exempt' }>).pred))), n, ctxOf(model, x));
  return typeof v === 'boolean' ? v : { missing: v.missing };
}

function slateVerdict(model: Model, fields: Fields, rule: RuleModel, nominees: readonly Nominee[], x: Context): SlateVerdict {
  const ok = (reason: Localized): SlateVerdict => ({ failures: [], unknown: [], reason });
  switch (rule.kind) {
    case 'cap': {
      const selectorFields = [...fieldsOf(rule.selector)];
      if (rule.bound === 'controlled') {
        return checkControlled(nominees, rule.award, (n) => meets(model, n, x, rule.condition), (n) => meets(model, n, x, rule.selector), selectorFields);
      }
      const spec: ShareSpec = {
        ...(rule.award ? { award: rule.award } : {}), total: rule.total, ...(rule.per ? { per: fields.get(rule.per)! } : {}),
        op: rule.bound.op as Op, percent: rule.bound.percent, fields: selectorFields,
      };
      return checkShare(nominees, spec, (n) => meets(model, n, x, rule.condition, rule.selector), x);
    }
    case 'quota': case 'recommend': {
      const a = rule.amount;
      let limit: CountLimit;
      if (a.kind === 'number') limit = a;
      else if (a.kind === 'table') limit = { kind: 'table', rows: new Map(model.tables.find((tb) => tb.id === a.table)!.rows.map((row) => [row.key, row.values[a.column] ?? 0])) };
      else {
        const q = model.rules.find((r) => r.kind === 'quota' && r.award === rule.award && !r.per && r.amount.kind === 'number');
        limit = { kind: 'share-of-quota', percent: a.percent, ...(q?.kind === 'quota' && q.amount.kind === 'number' ? { quota: q.amount.value } : {}) };
      }
      const per = rule.per ? fields.get(rule.per) ?? { id: rule.per, prop: rule.per, label: t(rule.per, rule.per), kind: 'text' as const } : undefined;
      const spec: CountSpec = { kind: rule.kind, ...(rule.award ? { award: rule.award } : {}), ...(per ? { per } : {}), op: rule.op as Op, limit };
      const where = rule.kind === 'recommend' ? rule.where : TRUE;
      return checkCount(nominees, spec, (n) => meets(model, n, x, rule.condition, where), (n) => exempt(model, n, x), x);
    }
    case 'prefer':
      return checkPreference(nominees, rule.award, (n) => meets(model, n, x, rule.condition), (n) => meets(model, n, x, rule.pred));
    default:
      return ok(t('not a slate rule', '不是针对整份名单的规则'));
  }
}
