import { spanOf, type Span } from '../syntax/ast.js';
import type { MessageCode } from './messages.js';

export type Severity = 'error' | 'warning' | 'info';

/** A message argument: plain text, a number, or text that itself differs by language. */
export type MessageArg = string | number | { readonly en: string; readonly zh: string };

/** A replacement that would fix the problem ("did you mean", a missing tag, a spelling). */
export interface Suggestion {
  readonly span: Span;
  readonly replacement: string;
}

/** Another place that explains the diagnostic ("the other cap is here"). */
export interface RelatedInfo {
  readonly span: Span;
  readonly code: MessageCode;
  readonly args: readonly MessageArg[];
}

/**
 * A problem found in a rule file, as data: a stable code and its arguments, rendered in the user's
 * language only at the edge (CLI printer, language server). Never thrown.
 */
export interface Diagnostic {
  readonly code: MessageCode;
  readonly args: readonly MessageArg[];
  readonly span: Span;
  readonly related?: readonly RelatedInfo[];
  readonly suggestions?: readonly Suggestion[];
  /** The clause of the notice the rule comes from, when the diagnostic concerns a rule. */
  readonly clause?: string;
}

/** `span` may be a syntax tree node (each is its own span): the diagnostic keeps a copy of its span. */
export function diag(code: MessageCode, span: Span, ...args: MessageArg[]): Diagnostic {
  return { code, args, span: spanOf(span) };
}
