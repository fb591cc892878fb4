/**
 * Formatting is `awardc fmt`: the language's formatText, nothing else. The edit replaces only the part
 * that changes (so the cursor and markers elsewhere stay put), and there is no edit when the file is
 * already formatted. A file with syntax errors is not formatted: the reason goes back to the caller.
 * A file whose lines end in CRLF keeps them (formatText writes LF, as `awardc fmt` does): compared
 * with LF text, every line would differ, and the edit would replace the whole file.
 */
import { formatText, type LineMap } from '@awardrules/language';
import type { TextEdit } from 'vscode-languageserver';
import { rangeOf } from '../convert.js';

export type FormatOutcome = { readonly ok: true; readonly edits: TextEdit[] } | { readonly ok: false; readonly firstErrorOffset: number };

export function formatDocument(text: string, lines: LineMap): FormatOutcome {
  const result = formatText(text);
  if (!result.ok) return { ok: false, firstErrorOffset: result.diagnostics[0]?.span.start ?? 0 };
  // formatText drops a byte-order mark; the file keeps the one it had.
  const withBom = text.startsWith('\ufeff') && !result.text.startsWith('\ufeff') ? `\ufeff${result.text}` : result.text;
  // A block comment over several lines keeps its own line ends in formatText's output: a CRLF there
  // stays one, not CR CR LF.
  const formatted = endsLinesWithCrlf(text) ? withBom.replace(/\r?\n/g, '\r\n') : withBom;
  return { ok: true, edits: minimalEdit(text, formatted, lines) };
}

/** One edit from the first to the last character that differ; none if the texts are equal. */
export function minimalEdit(before: string, after: string, lines: LineMap): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) { endBefore--; endAfter--; }
  // Never split a surrogate pair or a CRLF: widen to whole characters.
  while (start > 0 && isLow(before.charCodeAt(start))) start--;
  while (endBefore < before.length && isLow(before.charCodeAt(endBefore))) { endBefore++; endAfter++; }
  if (start > 0 && before.charCodeAt(start - 1) === 13 && before.charCodeAt(start) === 10) start--;
  return [{ range: rangeOf(lines, { start, end: endBefore }), newText: after.slice(start, endAfter) }];
}

/** Whether the file's first line ends in CRLF (an editor keeps one kind of line end per file). */
function endsLinesWithCrlf(text: string): boolean {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
