/**
 * Rename a name this file declares: an award, field, value or group it adds, value list, table,
 * stage, attest item or material. Standard vocabulary cannot be renamed, nor into an invalid name, a
 * reserved word or a name the same kind of thing already has.
 *
 * A rename changes the name's id. Occurrences written in another spelling of the same thing (its
 * Chinese name, an alias) are left as they are: they still mean the renamed thing, and the Chinese
 * name is what the notice says, which a rename of the id should not rewrite. Field names inside a
 * material's file-name pattern (`named "{name}-{birth-date}"`) are renamed too. Table files (CSV) are
 * not edited.
 */
import { nameKey, spell, tokens, type AwardDocument, type Locale, type Model, type Reference } from '@awardrules/language';
import { ErrorCodes, ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { rangeOf } from '../convert.js';
import type { Snapshot } from '../documents.js';
import { say } from '../messages.js';
import { allOccurrences, canonicalKey, declaredHere, parseKey, referenceAt, writtenAsId, type ParsedKey } from '../symbols.js';
import { listName } from './describe.js';

const RENAMEABLE = new Set(['field', 'value', 'group', 'enum', 'award', 'stage', 'table', 'material']);

interface Target {
  readonly ref: Reference;
  readonly key: ParsedKey;
  readonly symbol: string;
}

const refuse = (message: string) => new ResponseError<void>(ErrorCodes.InvalidRequest, message);

function target(doc: AwardDocument, position: Position, locale: Locale): Target | ResponseError<void> {
  if (doc.syntaxDiagnostics.length) return refuse(say(locale, 'renameSyntax'));
  const ref = referenceAt(doc.model, doc.lines.offset(position));
  if (!ref) return refuse(say(locale, 'renameNothing'));
  const symbol = canonicalKey(ref.symbol);
  const key = parseKey(symbol);
  if (!RENAMEABLE.has(key.kind)) return refuse(say(locale, 'renameNothing'));
  if (!declaredHere(doc.model, key)) {
    const list = key.enumId ? listName(doc.model.enums.get(key.enumId), key.enumId, locale) : say(locale, key.kind === 'enum' ? 'valueList' : 'field');
    return refuse(say(locale, 'renameStandard', doc.text.slice(ref.span.start, ref.span.end), list));
  }
  return { ref, key, symbol };
}

export function prepareRename(snap: Snapshot, position: Position, locale: Locale): { range: Range; placeholder: string } | ResponseError<void> {
  const t = target(snap.doc, position, locale);
  if (t instanceof ResponseError) return t;
  return { range: rangeOf(snap.doc.lines, t.ref.span), placeholder: t.key.id };
}

export function rename(snap: Snapshot, position: Position, newName: string, locale: Locale): WorkspaceEdit | ResponseError<void> {
  const { doc } = snap;
  const t = target(doc, position, locale);
  if (t instanceof ResponseError) return t;
  const name = newName.trim();
  const problem = invalidName(name, locale) ?? clash(doc.model, t.key, name, locale);
  if (problem) return refuse(problem);
  const edits: TextEdit[] = [];
  for (const r of allOccurrences(doc.model, t.symbol)) {
    if (writtenAsId(doc, r, t.key.id)) edits.push({ range: rangeOf(doc.lines, r.span), newText: spell(name) });
    else if (t.key.kind === 'field') edits.push(...patternEdits(doc, r, t.key.id, name));
  }
  return { changes: { [snap.uri]: edits } };
}

/**
 * `{old}` and `{old:yyyyMMdd}` inside a file-name pattern written with escapes, whose reference spans
 * the whole text (without escapes, it spans the name, and is renamed as written).
 */
function patternEdits(doc: AwardDocument, r: Reference, oldId: string, newId: string): TextEdit[] {
  const raw = doc.text.slice(r.span.start, r.span.end);
  if (!/^["“]/.test(raw)) return [];
  const edits: TextEdit[] = [];
  for (const m of raw.matchAll(/\{\s*([^{}:]+?)\s*(?=[:}])/g)) {
    if (nameKey(m[1]!) !== nameKey(oldId)) continue;
    const start = r.span.start + m.index + m[0].indexOf(m[1]!);
    edits.push({ range: rangeOf(doc.lines, { start, end: start + m[1]!.length }), newText: newId });
  }
  return edits;
}

function invalidName(name: string, locale: Locale): string | undefined {
  const bare = name.length > 0 && (tokens.identifierLength(name, 0) === name.length ||
    (tokens.digitNameLength(name, 0) === name.length && tokens.keywordFor(name.replace(/^\d+/, ''))?.category !== 'unit'));
  if (!bare) return say(locale, 'renameInvalid', name);
  if (tokens.keywordFor(name)) return say(locale, 'renameReserved', name);
  return undefined;
}

/** Another thing of the same kind that is already called `name`. */
function clash(model: Model, key: ParsedKey, name: string, locale: Locale): string | undefined {
  const k = nameKey(name);
  const taken = (spellings: readonly (string | undefined)[]) => spellings.some((s) => s !== undefined && nameKey(s) === k);
  const others = <T extends { id: string }>(items: Iterable<T>) => [...items].filter((x) => x.id !== key.id);
  let what: string | undefined;
  switch (key.kind) {
    case 'field':
      if (others(model.fields.values()).some((f) => taken([f.id, f.zh, f.en, ...(f.aliases ?? [])]))) what = say(locale, 'field');
      break;
    case 'value': case 'group': {
      const e = model.enums.get(key.enumId!);
      const owner = e?.spellings.get(k);
      const group = e?.groups.find((g) => taken([g.id, g.zh, g.en, ...(g.aliases ?? [])]));
      if ((owner && owner !== key.id) || (group && group.id !== key.id)) what = listName(e, key.enumId!, locale);
      break;
    }
    case 'enum':
      if (others(model.enums.values()).some((e) => taken([e.id, e.zh, e.en]))) what = say(locale, 'valueList');
      break;
    case 'award':
      if (others(model.awards).some((a) => taken([a.id, a.zh, a.en]))) what = say(locale, 'award');
      break;
    case 'stage':
      if (others(model.stages).some((s) => taken([s.id, s.label, ...(s.aliases ?? [])]))) what = say(locale, 'stage');
      break;
    case 'table':
      if (others(model.tables).some((t) => taken([t.id, t.label]))) what = say(locale, 'table');
      break;
    case 'material':
      if (model.references.some((r) => r.symbol.startsWith('material:') && r.symbol !== `material:${key.id}` && nameKey(r.symbol.slice(9)) === k) ||
        others(model.rules.flatMap((r) => (r.kind === 'material' ? r.items : []))).some((m) => taken([m.label, ...(m.aliases ?? [])]))) what = say(locale, 'material');
      break;
    default:
      break;
  }
  return what ? say(locale, 'renameClash', name, what) : undefined;
}
