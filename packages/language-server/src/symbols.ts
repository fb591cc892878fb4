/**
 * What a name in the file stands for, read from the checked model: `model.references` lists every
 * resolved name occurrence with its symbol key (`field:rank`, `value:rank:vice-bureau`, `award:x`)
 * and whether it declares it. Navigation, hover, rename and code actions all start here.
 */
import { nameKey, type AwardDocument, type EnumModel, type Model, type Reference, type Term } from '@awardrules/language';
import { touches } from './convert.js';

export type SymbolKind = 'field' | 'value' | 'group' | 'enum' | 'award' | 'stage' | 'table' | 'material' | 'tag' | 'tags';

export interface ParsedKey {
  readonly kind: SymbolKind;
  readonly id: string;
  /** The value list, for values and groups. */
  readonly enumId?: string;
}

export function parseKey(key: string): ParsedKey {
  const [kind, ...rest] = key.split(':');
  if (kind === 'value' || kind === 'group') return { kind, enumId: rest[0]!, id: rest.slice(1).join(':') };
  return { kind: kind as SymbolKind, id: rest.join(':') };
}

/** The name occurrence at `offset` (the cursor may sit just after it), the narrowest if several. */
export function referenceAt(model: Model, offset: number): Reference | undefined {
  let best: Reference | undefined;
  for (const r of model.references) {
    if (!touches(r.span, offset)) continue;
    // Prefer the occurrence the cursor is inside over one it merely ends.
    const inside = (x: Reference) => x.span.start <= offset && offset < x.span.end;
    if (!best || (inside(r) && !inside(best)) || (inside(r) === inside(best) && r.span.end - r.span.start < best.span.end - best.span.start)) best = r;
  }
  return best;
}

export function termOf(e: EnumModel | undefined, id: string): Term | undefined {
  return e?.values.find((v) => v.id === id) ?? e?.groups.find((g) => g.id === id);
}

/** Whether this file declares the symbol (rather than the standard vocabulary). */
export function declaredHere(model: Model, key: ParsedKey): boolean {
  switch (key.kind) {
    case 'field': return !!model.fields.get(key.id)?.span;
    case 'value': case 'group': {
      const e = model.enums.get(key.enumId!);
      return key.enumId === 'condition' || key.enumId === 'award' ? true : !!e?.declared.has(key.id);
    }
    case 'enum': return !!model.enums.get(key.id)?.span;
    case 'award': case 'stage': case 'table': case 'material': return true;
    default: return false;
  }
}

/** The symbol key a rename or definition works on: an award used as a value of the `award` field is the award. */
export function canonicalKey(key: string): string {
  const k = parseKey(key);
  return (k.kind === 'value' || k.kind === 'group') && k.enumId === 'award' ? `award:${k.id}` : key;
}

/** Every occurrence of the symbol, including those written as the value of the `award` field. */
export function allOccurrences(model: Model, key: string): Reference[] {
  const k = parseKey(canonicalKey(key));
  const keys = k.kind === 'award' ? [`award:${k.id}`, `value:award:${k.id}`] : [key];
  return model.references.filter((r) => keys.includes(r.symbol)).sort((a, b) => a.span.start - b.span.start);
}

/** The text written at a reference, without quotes for a quoted name. */
export function writtenName(doc: AwardDocument, r: Reference): string {
  const raw = doc.text.slice(r.span.start, r.span.end);
  return unquote(raw);
}

export function unquote(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw.endsWith('"') && raw.length > 1 ? raw : `${raw}"`) as string;
    } catch {
      return raw.slice(1, raw.endsWith('"') ? -1 : undefined);
    }
  }
  if (raw.startsWith('“')) return raw.slice(1, raw.endsWith('”') ? -1 : undefined);
  return raw;
}

/** Whether the occurrence is written as the symbol's id (not its Chinese name or an alias). */
export function writtenAsId(doc: AwardDocument, r: Reference, id: string): boolean {
  return nameKey(writtenName(doc, r)) === nameKey(id);
}
