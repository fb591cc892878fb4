/**
 * The typed input of a compiled validator: one string-literal union per list of values, and nominee
 * interfaces with every field the rules read, split between all nominees, collectives and
 * individuals by which awards' rules read them.
 */
import { propName, ruleFields, type Model } from '@awardrules/language';
import { key, lit, pascal } from './names.js';

export interface TypeDeclarations {
  /** `export type Rank = …;` and friends. */
  readonly aliases: readonly { readonly name: string; readonly type: string; readonly doc?: string }[];
  readonly interfaces: readonly { readonly name: string; readonly extends?: string; readonly doc: string; readonly properties: readonly { readonly name: string; readonly type: string; readonly optional: boolean; readonly doc?: string }[] }[];
  readonly unions: readonly { readonly name: string; readonly type: string; readonly doc: string }[];
}

const FIXED = new Set(['id', 'name', 'kind', 'award']);

/**
 * Type names an alias may not take: the module's own declarations, the runtime types it imports
 * (emit.ts, RUNTIME_TYPES, with `Nominee as Checked`), its helpers, and the global types it uses.
 * `enum context …` must not become `type Context`, which would clash with the import. Names no longer
 * imported may stay: reserving one costs nothing (test/compiler/generated.test.ts declares a list for
 * every type name the examples' modules use, so a new import missing here fails there).
 */
const TAKEN = new Set(['Nominee', 'Slate', 'NomineeBase', 'CollectiveNominee', 'IndividualNominee', 'PublicityInput', 'MaterialInput', 'PublicityLevel',
  'Counted', 'Belongs', 'Checked', 'Context', 'Day', 'EventRecord', 'Failure', 'FieldSchema', 'Localized', 'MaterialSpec', 'NomineeVerdict', 'PublicitySpec',
  'RuleCheck', 'RuleInfo', 'SlateSchema', 'SlateVerdict', 'ValidationOptions', 'ValidationResult', 'Finding', 'Severity', 'TraceEntry',
  'Readonly', 'ReadonlySet', 'ReadonlyMap', 'Record', 'Set', 'Map', 'Array', 'String', 'Number', 'Boolean', 'Object', 'Function']);

export function inputTypes(model: Model): TypeDeclarations {
  const aliases = new Map<string, { name: string; type: string; doc?: string }>();
  const used = new Set<string>();
  const aliasFor = (enumId: string): string => {
    const existing = aliases.get(enumId);
    if (existing) return existing.name;
    let name = pascal(enumId);
    while (used.has(name) || (TAKEN.has(name) && !(name === 'PublicityLevel' && enumId === 'publicity-level'))) name += '_';
    used.add(name);
    const values = (model.enums.get(enumId)?.values ?? []).map((v) => v.id);
    const e = model.enums.get(enumId);
    aliases.set(enumId, { name, type: values.length ? values.map((v) => lit(v)).join(' | ') : 'never', ...(e ? { doc: `${e.zh} (${e.en ?? e.id})` } : {}) });
    return name;
  };
  const awardIds = (kind: 'collective' | 'individual') => model.awards.filter((a) => a.kind === kind).map((a) => lit(a.id));
  aliasFor('award');

  // Which nominee kinds read each field: notice-wide rules read for both.
  const readers = new Map<string, Set<'collective' | 'individual'>>();
  for (const r of model.rules) {
    const kinds: ('collective' | 'individual')[] = r.award ? [model.awards.find((a) => a.id === r.award)!.kind] : ['collective', 'individual'];
    for (const f of ruleFields(r)) for (const k of kinds) readers.set(f, new Set([...(readers.get(f) ?? []), k]));
  }
  for (const f of model.usedFields) {
    const t = model.fields.get(f)?.type;
    if (t?.kind === 'tenure' && t.since) readers.set(t.since, new Set([...(readers.get(t.since) ?? []), ...(readers.get(f) ?? [])]));
  }

  const stageType = model.stages.length ? model.stages.map((s) => lit(s.id)).join(' | ') : 'never';
  const materialIds = model.rules.flatMap((r) => (r.kind === 'material' ? r.items.map((m) => lit(m.id)) : []));
  const materialType = materialIds.length ? materialIds.join(' | ') : 'never';

  const typeOf = (id: string): string | undefined => {
    const t = model.fields.get(id)!.type;
    switch (t.kind) {
      case 'text': return 'string';
      case 'number': case 'percent': case 'duration': return 'number';
      case 'bool': return 'boolean';
      case 'date': return 'string';
      case 'tenure': return t.since ? undefined : 'string';
      case 'enum': return t.validity ? `{ readonly value: ${aliasFor(t.enum)}; readonly validUntil?: string }` : aliasFor(t.enum);
      case 'set': return `readonly ${aliasFor(t.enum)}[]`;
      case 'events': return `readonly { readonly kind: ${aliasFor(t.enum)}; readonly date?: string }[]`;
      case 'record':
        switch (t.record) {
          case 'publicity': return 'readonly PublicityInput[]';
          case 'materials': return `{ readonly [M in ${materialType}]?: MaterialInput }`;
          case 'submissions': return `{ readonly [S in ${stageType}]?: string }`;
          case 'units': return 'readonly string[]';
        }
    }
  };
  const describe = (id: string): string => {
    const f = model.fields.get(id)!;
    const t = f.type;
    const format = t.kind === 'date' || (t.kind === 'tenure' && !t.since) ? ' (YYYY-MM-DD)' : '';
    return `${f.zh}${format}`;
  };
  const props = (kind: 'base' | 'collective' | 'individual') => model.usedFields
    .filter((id) => !FIXED.has(id))
    .filter((id) => {
      const k = readers.get(id) ?? new Set(['collective', 'individual']);
      return kind === 'base' ? k.size === 2 || k.size === 0 : k.size === 1 && k.has(kind);
    })
    .map((id) => ({ id, type: typeOf(id) }))
    .filter((p): p is { id: string; type: string } => p.type !== undefined)
    .map((p) => ({ name: key(propName(p.id)), type: p.type, optional: true, doc: describe(p.id) }));

  const interfaces: TypeDeclarations['interfaces'][number][] = [{
    name: 'NomineeBase', doc: 'What every nominee carries.',
    properties: [
      { name: 'id', type: 'string', optional: false, doc: '编号' },
      { name: 'name', type: 'string', optional: false, doc: '名称或姓名' },
      { name: 'award', type: aliasFor('award'), optional: false, doc: '申报奖项' },
      { name: 'selected', type: 'boolean', optional: true, doc: '是否拟表彰（shares of "selected" count these）' },
      { name: 'row', type: 'number', optional: true, doc: 'spreadsheet row, for messages' },
      ...props('base'),
    ],
  }];
  const unions: string[] = [];
  for (const kind of ['collective', 'individual'] as const) {
    const ids = awardIds(kind);
    if (!ids.length) continue;
    const name = kind === 'collective' ? 'CollectiveNominee' : 'IndividualNominee';
    unions.push(name);
    interfaces.push({
      name, extends: 'NomineeBase', doc: kind === 'collective' ? 'A collective (集体) nominee.' : 'An individual (个人) nominee.',
      properties: [
        { name: 'award', type: ids.join(' | '), optional: false },
        { name: 'kind', type: lit(kind), optional: true },
        ...props(kind),
      ],
    });
  }
  return {
    aliases: [...aliases.values()],
    interfaces,
    unions: [{ name: 'Nominee', type: unions.length ? unions.join(' | ') : 'NomineeBase', doc: 'A nominee of this notice.' }],
  };
}
