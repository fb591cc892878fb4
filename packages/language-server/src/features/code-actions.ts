/**
 * Code actions. Quick fixes come from the diagnostics themselves: every "did you mean" carries its
 * replacements (`suggestions`), and an untagged rule (AR3012) the next free tag of its kind. The
 * refactoring writes a name in its other spelling: the id (`vice-bureau`) or the Chinese name (`副厅级`),
 * here or everywhere in the file. Declarations are left alone (their spelling is the id).
 */
import { nameKey, spell, type AwardDocument, type Locale, type Reference, type Span } from '@awardrules/language';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { overlaps, rangeOf, spanOf } from '../convert.js';
import type { Snapshot } from '../documents.js';
import { say } from '../messages.js';
import { parseKey, referenceAt, termOf, writtenName } from '../symbols.js';
import { toLspDiagnostic } from './diagnostics.js';

export function codeActions(snap: Snapshot, range: Range, only: readonly string[] | undefined, locale: Locale): CodeAction[] {
  const { doc } = snap;
  const span = spanOf(doc.lines, range);
  const actions = [...quickFixes(snap, span, locale), ...spellingActions(snap, span, locale)];
  return only?.length ? actions.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : actions;
}

function edit(snap: Snapshot, edits: readonly { span: Span; newText: string }[]) {
  return { changes: { [snap.uri]: edits.map((e) => ({ range: rangeOf(snap.doc.lines, e.span), newText: e.newText })) } };
}

function quickFixes(snap: Snapshot, span: Span, locale: Locale): CodeAction[] {
  const { doc } = snap;
  const out: CodeAction[] = [];
  for (const d of doc.diagnostics) {
    if (!overlaps(d.span, span)) continue;
    const diagnostics = [toLspDiagnostic(doc, d, locale)];
    const suggestions = d.suggestions ?? [];
    for (const s of suggestions) {
      out.push({
        title: say(locale, 'replaceWith', s.replacement), kind: CodeActionKind.QuickFix, diagnostics,
        isPreferred: suggestions.length === 1, edit: edit(snap, [{ span: s.span, newText: s.replacement }]),
      });
    }
    if (d.code === 'AR3012') {
      const tag = `#${d.args.map(String).join('-')}`;
      out.push({ title: say(locale, 'addTag', tag), kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: edit(snap, [{ span: { start: d.span.end, end: d.span.end }, newText: ` ${tag}` }]) });
    }
  }
  return out;
}

/** The other spelling of a name: its Chinese name when written as the id, else (Chinese name or alias) its id. */
function otherSpelling(doc: AwardDocument, r: Reference): string | undefined {
  const key = parseKey(r.symbol);
  const m = doc.model;
  const award = (id: string) => m.awards.find((a) => a.id === id);
  let names: { zh?: string | undefined; en?: string | undefined; aliases?: readonly string[] | undefined } | undefined;
  switch (key.kind) {
    case 'field': names = m.fields.get(key.id); break;
    case 'value': case 'group': names = key.enumId === 'award' ? award(key.id) : termOf(m.enums.get(key.enumId!), key.id); break;
    case 'enum': names = m.enums.get(key.id); break;
    case 'award': names = award(key.id); break;
    case 'stage': names = { zh: m.stages.find((s) => s.id === key.id)?.label }; break;
    case 'table': names = { zh: m.tables.find((t) => t.id === key.id)?.label }; break;
    default: return undefined;
  }
  const zh = names?.zh;
  if (!zh || nameKey(zh) === nameKey(key.id)) return undefined;
  const written = nameKey(writtenName(doc, r));
  if (written === nameKey(key.id)) return zh;
  // Only a spelling of this very name (not, say, a file-name pattern that mentions a field).
  const spellings = [zh, names?.en, ...(names?.aliases ?? [])].filter((s): s is string => !!s).map(nameKey);
  return spellings.includes(written) ? key.id : undefined;
}

function spellingActions(snap: Snapshot, span: Span, locale: Locale): CodeAction[] {
  const { doc } = snap;
  const r = referenceAt(doc.model, span.start);
  if (!r || r.declaration) return [];
  const target = otherSpelling(doc, r);
  if (!target) return [];
  const written = writtenName(doc, r);
  const newText = spell(target);
  const actions: CodeAction[] = [{ title: say(locale, 'writeAs', written, target), kind: CodeActionKind.RefactorRewrite, edit: edit(snap, [{ span: r.span, newText }]) }];
  const same = doc.model.references.filter((x) => x.symbol === r.symbol && !x.declaration && nameKey(writtenName(doc, x)) === nameKey(written));
  if (same.length > 1) {
    actions.push({ title: say(locale, 'writeAllAs', written, target), kind: CodeActionKind.RefactorRewrite, edit: edit(snap, same.map((x) => ({ span: x.span, newText }))) });
  }
  return actions;
}
