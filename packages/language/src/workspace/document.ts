/**
 * One document's state, built the same way for the CLI and the language server:
 * text → Parsed (tokens, syntax tree) → Checked (model, all diagnostics).
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { check, type CheckOptions } from '../check/index.js';
import type { Model } from '../model/types.js';
import type { FileNode } from '../syntax/ast.js';
import { reparse } from '../syntax/reparse.js';
import { LineMap } from '../syntax/positions.js';

export interface AwardDocument {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineMap;
  readonly ast: FileNode;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  /** Syntax errors only: the formatter refuses a file that has any. */
  readonly syntaxDiagnostics: readonly Diagnostic[];
  readonly model: Model;
  /** Every diagnostic, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** An earlier document of the same file, whose parse is reused for what an edit did not touch (reparse.ts). */
export interface Reuse {
  readonly previous: AwardDocument;
  /**
   * The caller will not use `previous` again: its parts may be moved rather than copied. Nor any other
   * document that shares them: a reparse keeps the unchanged parts of the one it came from, so a
   * document built from another by copying must not be taken over while the other is still in use.
   */
  readonly takeOver?: boolean;
}

/** `reuse` changes nothing in the result, only how fast it comes. */
export function buildDocument(uri: string, text: string, options: CheckOptions = {}, reuse?: Reuse): AwardDocument {
  const parsed = reparse(reuse?.previous, text, reuse?.takeOver);
  const lines = new LineMap(text);
  const checked = check(parsed.ast, text, { fileName: uri, ...options }, !parsed.clean, lines);
  const diagnostics = [...parsed.diagnostics, ...checked.diagnostics].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return {
    uri, text, lines, ast: parsed.ast, tokens: parsed.tokens, comments: parsed.comments,
    syntaxDiagnostics: parsed.diagnostics, model: checked.model, diagnostics,
  };
}

export function hasErrors(doc: Pick<AwardDocument, 'diagnostics'>, severityOf: (d: Diagnostic) => string): boolean {
  return doc.diagnostics.some((d) => severityOf(d) === 'error');
}
