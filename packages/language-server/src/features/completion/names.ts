/**
 * The names completion offers, by what the grammar expects: fields, the values of a list, stages,
 * awards, tables, lists. Each comes in both spellings (the id and the Chinese name), the other one
 * shown beside it. They are read from the last checked model, which includes the standard vocabulary
 * and the file's own declarations.
 */
import { DERIVED_ENUMS, nameKey, type FieldModel, type Locale, type Model } from '@awardrules/language';
import { CompletionItemKind } from 'vscode-languageserver';
import { unquote } from '../../symbols.js';
import { listName } from '../describe.js';

export interface NameCandidate {
  readonly label: string;
  /** The other spelling and what it is, shown beside the label. */
  readonly detail: string;
  readonly kind: CompletionItemKind;
}

const fieldIndexes = new WeakMap<Model, Map<string, FieldModel>>();

/** The field written `text` (any of its spellings), quoted or not. */
export function fieldNamed(model: Model, text: string): FieldModel | undefined {
  let index = fieldIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const f of model.fields.values()) for (const s of [f.id, f.zh, f.en, ...(f.aliases ?? [])]) if (s) index.set(nameKey(s), f);
    fieldIndexes.set(model, index);
  }
  return index.get(nameKey(unquote(text)));
}

/** The list written `text`: its id or its Chinese or English name. */
export function enumNamed(model: Model, text: string): string | undefined {
  const key = nameKey(unquote(text));
  for (const e of model.enums.values()) if ([e.id, e.zh, e.en].some((s) => s && nameKey(s) === key)) return e.id;
  return undefined;
}

export function enumOfField(f: FieldModel | undefined): string | undefined {
  const t = f?.type;
  return t && (t.kind === 'enum' || t.kind === 'set' || t.kind === 'events') ? t.enum : undefined;
}

/** Both spellings of a named thing: `id` (Chinese name beside it) and the Chinese name (id beside it). */
function both(id: string, zh: string | undefined, what: string, kind: CompletionItemKind): NameCandidate[] {
  const out: NameCandidate[] = [{ label: id, detail: zh && zh !== id ? `${zh} · ${what}` : what, kind }];
  if (zh && nameKey(zh) !== nameKey(id)) out.push({ label: zh, detail: `${id} · ${what}`, kind });
  return out;
}

export type FieldFilter = 'testable' | 'groups' | 'lists';

export function fieldNames(model: Model, filter: FieldFilter, locale: Locale): NameCandidate[] {
  const what = locale === 'zh' ? '数据项' : 'field';
  const fields = [...model.fields.values()].filter((f) => {
    const k = f.type.kind;
    if (filter === 'groups') return k === 'enum' || k === 'text';
    if (filter === 'lists') return k === 'enum';
    return k !== 'record';
  });
  // The file's own fields first: they are what this notice is about.
  fields.sort((a, b) => Number(!!b.span) - Number(!!a.span));
  return fields.flatMap((f) => both(f.id, f.zh, what, CompletionItemKind.Field));
}

export function valueNames(model: Model, enumId: string, locale: Locale): NameCandidate[] {
  const e = model.enums.get(enumId);
  if (!e) return [];
  const what = listName(e, e.id, locale);
  return [
    ...e.values.flatMap((v) => both(v.id, v.zh, what, CompletionItemKind.EnumMember)),
    ...e.groups.flatMap((g) => both(g.id, g.zh, what, CompletionItemKind.Constant)),
  ];
}

/** `no …`: the kinds of every dated record (违法违纪, 问责, …), and the record fields themselves. */
export function recordNames(model: Model, locale: Locale): NameCandidate[] {
  const events = [...model.fields.values()].filter((f) => f.type.kind === 'events');
  return [
    ...events.flatMap((f) => valueNames(model, enumOfField(f)!, locale)),
    ...events.flatMap((f) => both(f.id, f.zh, locale === 'zh' ? '数据项' : 'field', CompletionItemKind.Field)),
  ];
}

/** A stage by its id (its description beside it), and by each of its other names (`aka`, the id beside it). */
export function stageNames(model: Model, locale: Locale): NameCandidate[] {
  const what = locale === 'zh' ? '环节' : 'stage';
  return model.stages.flatMap((s) => [
    { label: s.id, detail: s.label ? `${s.label} · ${what}` : what, kind: CompletionItemKind.Event },
    ...(s.aliases ?? []).map((a) => ({ label: a, detail: `${s.id} · ${what}`, kind: CompletionItemKind.Event })),
  ]);
}

export function awardNames(model: Model, locale: Locale): NameCandidate[] {
  const what = locale === 'zh' ? '奖项' : 'award';
  return model.awards.map((a) => ({ label: a.id, detail: a.zh ? `${a.zh} · ${what}` : what, kind: CompletionItemKind.Class }));
}

export function tableNames(model: Model, locale: Locale): NameCandidate[] {
  const what = locale === 'zh' ? '名额表' : 'quota table';
  return model.tables.map((t) => ({ label: t.id, detail: t.label ? `${t.label} · ${what}` : what, kind: CompletionItemKind.Struct }));
}

export function listNames(model: Model, locale: Locale): NameCandidate[] {
  const what = locale === 'zh' ? '取值表' : 'value list';
  const derived = new Set<string>(Object.values(DERIVED_ENUMS).map((d) => d.id));
  return [...model.enums.values()].filter((e) => !derived.has(e.id)).flatMap((e) => both(e.id, e.zh, what, CompletionItemKind.Enum));
}
