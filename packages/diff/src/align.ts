/**
 * Pairs what two rule files declare (awards, fields, values, stages, materials, tables) and translates
 * the new file's rules into the old file's vocabulary, so that rules can be compared as data. Names
 * match by id, then by Chinese name (either spelling system resolves to the same id already), then, for
 * awards, by kind when one of each is left; every pair whose ids differ is reported as a rename.
 */
import { nameKey, type Model, type Pred, type RuleModel } from '@awardrules/language';
import type { Rename } from './types.js';

/** new id → old id, per kind of name; values per (old) enumeration. */
export interface Alignment {
  readonly awards: ReadonlyMap<string, string>;
  readonly fields: ReadonlyMap<string, string>;
  readonly enums: ReadonlyMap<string, string>;
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly stages: ReadonlyMap<string, string>;
  readonly materials: ReadonlyMap<string, string>;
  readonly tables: ReadonlyMap<string, string>;
  readonly renames: readonly Rename[];
  /** Awards under comparison (old ids), when the user chose pairs: other awards' rules are left out. */
  readonly only?: { readonly old: ReadonlySet<string>; readonly new: ReadonlySet<string> };
}

export interface AlignOptions {
  /** Explicit award pairs, old id → new id (`--award old=new`); only these awards are compared. */
  readonly awards?: readonly (readonly [string, string])[];
}

interface Named {
  readonly id: string;
  readonly zh?: string | undefined;
  readonly label?: string | undefined;
  readonly aliases?: readonly string[] | undefined;
}

function keysOf(n: Named): string[] {
  return [n.zh, n.label, ...(n.aliases ?? [])].filter((x): x is string => !!x).map(nameKey);
}

/** Pairs two lists by id, then by any shared name; returns new → old. */
function pairByName<T extends Named>(olds: readonly T[], news: readonly T[], compatible: (o: T, n: T) => boolean = () => true): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of news) if (olds.some((o) => o.id === n.id && compatible(o, n))) { out.set(n.id, n.id); taken.add(n.id); }
  for (const n of news) {
    if (out.has(n.id)) continue;
    const names = new Set(keysOf(n));
    const o = olds.find((x) => !taken.has(x.id) && compatible(x, n) && keysOf(x).some((k) => names.has(k)));
    if (o) { out.set(n.id, o.id); taken.add(o.id); }
  }
  return out;
}

function materialsOf(m: Model): Named[] {
  return m.rules.flatMap((r) => (r.kind === 'material' ? r.items.map((i) => ({ id: i.id, label: i.label })) : []));
}

export function align(oldM: Model, newM: Model, options: AlignOptions = {}): Alignment {
  const renames: Rename[] = [];
  const label = (n: Named | undefined) => n?.zh ?? n?.label ?? n?.id ?? '';
  const report = (what: Rename['what'], map: Map<string, string>, olds: readonly Named[], news: readonly Named[]) => {
    for (const [n, o] of map) if (n !== o) renames.push({ what, old: o, new: n, oldLabel: label(olds.find((x) => x.id === o)), newLabel: label(news.find((x) => x.id === n)) });
  };

  // Awards: the pairs asked for; else by id or name, then by kind when exactly one of a kind is left.
  let awards: Map<string, string>;
  let only: Alignment['only'];
  if (options.awards?.length) {
    awards = new Map(options.awards.map(([o, n]) => [n, o]));
    only = { old: new Set(options.awards.map(([o]) => o)), new: new Set(options.awards.map(([, n]) => n)) };
  } else {
    awards = pairByName(oldM.awards, newM.awards, (o, n) => o.kind === n.kind);
    for (const kind of ['collective', 'individual'] as const) {
      const olds = oldM.awards.filter((a) => a.kind === kind && ![...awards.values()].includes(a.id));
      const news = newM.awards.filter((a) => a.kind === kind && !awards.has(a.id));
      if (olds.length === 1 && news.length === 1) awards.set(news[0]!.id, olds[0]!.id);
    }
  }
  report('award', awards, oldM.awards, newM.awards);

  // Fields: standard fields share ids; a file's own fields may be renamed, but must keep their type.
  const fieldList = (m: Model) => [...m.fields.values()];
  const sameType = (a: { type: { kind: string } }, b: { type: { kind: string } }) => a.type.kind === b.type.kind;
  const fields = pairByName(fieldList(oldM), fieldList(newM), sameType);
  report('field', fields, fieldList(oldM), fieldList(newM));

  // Enumerations follow the fields that use them; values pair by id or name within each.
  const enums = new Map<string, string>();
  for (const [n, o] of fields) {
    const tn = newM.fields.get(n)!.type;
    const to = oldM.fields.get(o)!.type;
    if ('enum' in tn && 'enum' in to) enums.set(tn.enum, to.enum);
  }
  for (const id of newM.enums.keys()) if (!enums.has(id) && oldM.enums.has(id)) enums.set(id, id);
  const values = new Map<string, Map<string, string>>();
  for (const [n, o] of enums) {
    const ne = newM.enums.get(n);
    const oe = oldM.enums.get(o);
    if (!ne || !oe) continue;
    const map = pairByName(oe.values, ne.values);
    values.set(o, map);
    // The awards are a list too; they are reported as awards.
    if (o !== 'award') report('value', map, oe.values, ne.values);
  }

  const stages = pairByName(oldM.stages, newM.stages);
  report('stage', stages, oldM.stages, newM.stages);
  const materials = pairByName(materialsOf(oldM), materialsOf(newM));
  report('material', materials, materialsOf(oldM), materialsOf(newM));
  const tables = pairByName(oldM.tables, newM.tables);
  report('table', tables, oldM.tables, newM.tables);

  return { awards, fields, enums, values, stages, materials, tables, renames, ...(only ? { only } : {}) };
}

/** Maps the new file's names to the old file's (names without a counterpart keep their own id). */
export class Translator {
  constructor(private readonly a: Alignment, private readonly newModel: Model) {}

  award(id: string): string {
    return this.a.awards.get(id) ?? id;
  }

  field(id: string): string {
    return this.a.fields.get(id) ?? id;
  }

  stage(id: string): string {
    return this.a.stages.get(id) ?? id;
  }

  material(id: string): string {
    return this.a.materials.get(id) ?? id;
  }

  /** A value of the (new) field `field`. */
  value(field: string, id: string): string {
    if (field === 'award') return this.award(id);
    const t = this.newModel.fields.get(field)?.type;
    const enumId = t && 'enum' in t ? t.enum : undefined;
    const oldEnum = enumId ? this.a.enums.get(enumId) ?? enumId : undefined;
    return (oldEnum ? this.a.values.get(oldEnum)?.get(id) : undefined) ?? id;
  }

  pred(p: Pred): Pred {
    switch (p.k) {
      case 'const': return p;
      case 'and': case 'or': return { k: p.k, args: p.args.map((x) => this.pred(x)) };
      case 'not': return { k: 'not', arg: this.pred(p.arg) };
      case 'in': return { ...p, field: this.field(p.field), values: p.values.map((v) => this.value(p.field, v)) };
      case 'has': return { ...p, field: this.field(p.field), value: this.value(p.field, p.value) };
      case 'event': return { ...p, field: this.field(p.field), kinds: p.kinds.map((v) => this.value(p.field, v)) };
      default: return { ...p, field: this.field(p.field) };
    }
  }

  /** A rule of the new file in the old file's vocabulary (tables stay the new file's: their rows are data). */
  rule(r: RuleModel): RuleModel {
    const base = { ...r, condition: this.pred(r.condition), ...(r.award ? { award: this.award(r.award) } : {}) };
    switch (r.kind) {
      case 'scope': case 'prefer': case 'exempt': return { ...base, kind: r.kind, pred: this.pred(r.pred) } as RuleModel;
      case 'exclude': case 'require': return { ...base, kind: r.kind, pred: this.pred(r.pred), ...(r.unless ? { unless: this.pred(r.unless) } : {}) } as RuleModel;
      case 'cap': return { ...base, kind: 'cap', selector: this.pred(r.selector), total: { ...r.total, ...(r.total.award ? { award: this.award(r.total.award) } : {}) }, ...(r.per ? { per: this.field(r.per) } : {}) } as RuleModel;
      case 'quota': return { ...base, kind: 'quota', ...(r.per ? { per: this.field(r.per) } : {}) } as RuleModel;
      case 'recommend': return { ...base, kind: 'recommend', where: this.pred(r.where), ...(r.per ? { per: this.field(r.per) } : {}) } as RuleModel;
      case 'route': return { ...base, kind: 'route', field: this.field(r.field), cases: r.cases.map((c) => ({ ...c, when: this.pred(c.when), target: this.value(r.field, c.target) })) } as RuleModel;
      case 'publicity': return { ...base, kind: 'publicity', ...(r.after ? { after: this.stage(r.after) } : {}), ...(r.before ? { before: this.stage(r.before) } : {}) } as RuleModel;
      case 'consult': return { ...base, kind: 'consult', departments: r.departments.map((d) => this.value('consulted', d)) } as RuleModel;
      case 'deadline': return { ...base, kind: 'deadline', stage: this.stage(r.stage) } as RuleModel;
      case 'material': return { ...base, kind: 'material', items: r.items.map((m) => ({ ...m, id: this.material(m.id) })) } as RuleModel;
      case 'attest': return base as RuleModel;
    }
  }
}
