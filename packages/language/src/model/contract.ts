/**
 * What a checked rule file asks of the systems that validate slates against it: the shape of a slate
 * (the fields it reads, with their types and allowed values) and the description of every rule.
 * The compiler embeds both in generated validators; the reference interpreter builds them the same way.
 */
import { formatDay, type FieldSchema, type Localized, type RuleInfo, type SlateSchema } from '@awardrules/runtime';
import { explainRule } from '../explain/explain.js';
import { Phrases } from '../explain/phrases.js';
import type { LineMap } from '../syntax/positions.js';
import { englishLabel } from '../vocabulary/names.js';
import type { FieldDef } from '../vocabulary/types.js';
import { fieldsOf } from './predicate.js';
import { propName } from './properties.js';
import type { AwardModel, EnumModel, Model, RuleModel } from './types.js';

export { propName };

/** Fields a rule reads: its conditions and the data its kind checks. */
export function ruleFields(r: RuleModel): Set<string> {
  return addRuleFields(r, new Set<string>());
}

/** Adds the fields `r` reads to `used` (one set for all of a file's rules, rather than one per rule). */
function addRuleFields(r: RuleModel, used: Set<string>): Set<string> {
  fieldsOf(r.condition, used);
  switch (r.kind) {
    case 'scope': case 'exempt': case 'prefer': fieldsOf(r.pred, used); break;
    case 'exclude': case 'require': fieldsOf(r.pred, used); if (r.unless) fieldsOf(r.unless, used); break;
    case 'attest': used.add('attested'); break;
    case 'cap': fieldsOf(r.selector, used); if (r.per) used.add(r.per); break;
    case 'quota': if (r.per) used.add(r.per); break;
    case 'recommend': fieldsOf(r.where, used); if (r.per) used.add(r.per); break;
    case 'route': used.add(r.field); for (const c of r.cases) fieldsOf(c.when, used); break;
    case 'publicity': used.add('publicity-records'); used.add('submitted'); if (r.each) used.add('units'); break;
    case 'consult': used.add('consulted'); break;
    case 'deadline': used.add('submitted'); break;
    case 'material':
      used.add('materials');
      for (const m of r.items) for (const p of m.namePattern ?? []) if (p.kind === 'field') used.add(p.field);
      break;
  }
  return used;
}

/** Standard fields that are part of every nominee whatever the rules read. */
const ALWAYS = ['id', 'name', 'kind', 'award'];

/** What a slate must carry for these rules: identifying fields plus every field a rule reads, in declaration order. */
export function fieldsUsedBy(fields: ReadonlyMap<string, FieldDef>, rules: readonly RuleModel[]): string[] {
  const used = new Set<string>(ALWAYS);
  for (const r of rules) addRuleFields(r, used);
  // A tenure computed from another field needs that one.
  for (const id of [...used]) {
    const t = fields.get(id)?.type;
    if (t?.kind === 'tenure' && t.since) used.add(t.since);
  }
  return [...fields.keys()].filter((id) => used.has(id));
}

// A model's value lists and awards, described once: the diff makes a schema for each rule it runs,
// and a file can have hundreds of awards (the schemas share these read-only parts).
const enumSchemas = new WeakMap<EnumModel, { values: string[]; labels: Record<string, Localized> }>();
const awardLists = new WeakMap<readonly AwardModel[], SlateSchema['awards']>();

function enumSchema(e: EnumModel | undefined): { values: string[]; labels: Record<string, Localized> } {
  if (!e) return { values: [], labels: {} };
  let s = enumSchemas.get(e);
  if (!s) enumSchemas.set(e, (s = { values: e.values.map((v) => v.id), labels: Object.fromEntries(e.values.map((v) => [v.id, { zh: v.zh, en: englishLabel(v) }])) }));
  return s;
}

function awardSchemas(awards: readonly AwardModel[]): SlateSchema['awards'] {
  let list = awardLists.get(awards);
  if (!list) awardLists.set(awards, (list = awards.map((a) => ({ id: a.id, kind: a.kind, label: { zh: a.zh ?? a.en ?? a.id, en: englishLabel(a) } }))));
  return list;
}

export function slateSchema(model: Model): SlateSchema {
  const fields: FieldSchema[] = [];
  const used = new Set(model.usedFields);
  for (const id of [...ALWAYS, ...model.usedFields.filter((f) => !ALWAYS.includes(f))]) {
    const f = model.fields.get(id);
    if (!f || !used.has(id) && !ALWAYS.includes(id)) continue;
    const label: Localized = { zh: f.zh, en: englishLabel(f) };
    const base = { id, prop: propName(id), label };
    const labelsOf = (enumId: string) => enumSchema(model.enums.get(enumId)).labels;
    const valuesOf = (enumId: string) => enumSchema(model.enums.get(enumId)).values;
    const t = f.type;
    switch (t.kind) {
      case 'bool': fields.push({ ...base, kind: 'bool' }); break;
      case 'number': case 'percent': case 'text': case 'date': fields.push({ ...base, kind: t.kind }); break;
      case 'duration': fields.push({ ...base, kind: 'duration', unit: t.unit }); break;
      case 'tenure': fields.push({ ...base, kind: 'tenure', ...(t.since ? { since: t.since } : {}) }); break;
      case 'enum': fields.push({ ...base, kind: 'enum', values: valuesOf(t.enum), labels: labelsOf(t.enum), ...(t.validity ? { validity: true } : {}) }); break;
      case 'set': case 'events': fields.push({ ...base, kind: t.kind, values: valuesOf(t.enum), labels: labelsOf(t.enum) }); break;
      case 'record': fields.push({ ...base, kind: t.record }); break;
    }
  }
  const ref = model.notice.reference;
  const referenceDay = ref?.kind === 'date' ? ref.day : ref ? model.stages.find((s) => s.id === ref.stage)?.deadline : undefined;
  const materials = model.rules.flatMap((r) => (r.kind === 'material' ? r.items.map((m) => m.id) : []));
  return {
    fields,
    awards: awardSchemas(model.awards),
    stages: model.stages.map((s) => ({ id: s.id, ...(s.deadline !== undefined ? { deadline: formatDay(s.deadline) } : {}) })),
    publicityLevels: (model.enums.get('publicity-level')?.values ?? []).map((v) => v.id),
    materials,
    ...(referenceDay !== undefined ? { referenceDate: formatDay(referenceDay) } : {}),
  };
}

/** A stable id per rule: its first tag when no other rule has that tag, else tag/award, else rule-N. */
export function ruleIds(rules: readonly RuleModel[]): string[] {
  const count = new Map<string, number>();
  for (const r of rules) if (r.tags[0]) count.set(r.tags[0], (count.get(r.tags[0]) ?? 0) + 1);
  const ids = rules.map((r) => {
    const tag = r.tags[0];
    if (!tag) return `rule-${r.index + 1}`;
    return count.get(tag) === 1 ? tag : `${tag}/${r.award ?? 'all'}`;
  });
  // Two rules with the same tag in the same award (disjoint groups): number them.
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  });
}

export function ruleInfos(model: Model, lines: LineMap): RuleInfo[] {
  const ids = ruleIds(model.rules);
  const zh = new Phrases(model, 'zh');
  const en = new Phrases(model, 'en');
  return model.rules.map((r, i) => {
    const p = lines.position(r.span.start);
    return {
      id: ids[i]!, tags: r.tags, ...(r.clause ? { clause: r.clause } : {}), kind: r.kind, severity: r.severity,
      ...(r.award ? { award: r.award } : {}),
      text: { zh: explainRule(model, r, 'zh', zh), en: explainRule(model, r, 'en', en) },
      ...(r.condition.k !== 'const' ? { condition: { zh: zh.forRule(r).pred(r.condition), en: en.forRule(r).pred(r.condition) } } : {}),
      location: { line: p.line + 1, column: p.character + 1 },
    };
  });
}
