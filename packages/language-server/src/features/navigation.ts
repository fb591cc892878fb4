/**
 * Go to definition, find references and highlighting, all from `model.references`: every occurrence
 * of a name with the symbol it resolved to. Standard vocabulary has no declaration in the file, so
 * definition finds nothing for it (hover describes it instead).
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver';
import { rangeOf } from '../convert.js';
import type { Snapshot } from '../documents.js';
import { allOccurrences, referenceAt } from '../symbols.js';

export function definition(snap: Snapshot, position: Position): Location[] {
  const { doc } = snap;
  const ref = referenceAt(doc.model, doc.lines.offset(position));
  if (!ref) return [];
  return allOccurrences(doc.model, ref.symbol).filter((r) => r.declaration).map((r) => ({ uri: snap.uri, range: rangeOf(doc.lines, r.span) }));
}

export function references(snap: Snapshot, position: Position, includeDeclaration: boolean): Location[] {
  const { doc } = snap;
  const ref = referenceAt(doc.model, doc.lines.offset(position));
  if (!ref) return [];
  return allOccurrences(doc.model, ref.symbol)
    .filter((r) => includeDeclaration || !r.declaration)
    .map((r) => ({ uri: snap.uri, range: rangeOf(doc.lines, r.span) }));
}

export function highlights(snap: Snapshot, position: Position): DocumentHighlight[] {
  const { doc } = snap;
  const ref = referenceAt(doc.model, doc.lines.offset(position));
  if (!ref) return [];
  return allOccurrences(doc.model, ref.symbol).map((r) => ({
    range: rangeOf(doc.lines, r.span), kind: r.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
