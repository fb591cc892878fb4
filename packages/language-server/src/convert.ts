/** Source spans (UTF-16 offsets) ⇄ LSP ranges (lines and UTF-16 characters, as LSP counts by default). */
import type { LineMap, Span } from '@awardrules/language';
import type { Range } from 'vscode-languageserver';

export function rangeOf(lines: LineMap, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

export function spanOf(lines: LineMap, r: Range): Span {
  return { start: lines.offset(r.start), end: lines.offset(r.end) };
}

/** Whether `offset` lies in `span`, counting the position just after it (a cursor at the end of a word). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
