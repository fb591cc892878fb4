/**
 * Diagnostics for people (file:line:col, code, message, the source line with a caret, hint) and for
 * programs (JSON, documented in docs/cli-json.md). Lines and columns are 1-based; columns count UTF-16
 * code units, as editors do.
 */
import { render, severityOf, type AwardDocument, type Diagnostic, type Locale, type Span } from '@awardrules/language';
import { say } from './messages.js';
import type { Style } from './style.js';

/** Terminal columns a character takes: CJK and full-width forms are two wide. */
function charWidth(cp: number): number {
  if (cp === 9) return 1;
  const wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

function padFor(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\t' ? '\t' : ' '.repeat(charWidth(ch.codePointAt(0)!));
  return out;
}

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export interface Location {
  readonly line: number;
  readonly column: number;
}

export function locate(doc: Pick<AwardDocument, 'lines'>, offset: number): Location {
  const p = doc.lines.position(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export function formatDiagnostic(file: string, doc: AwardDocument, d: Diagnostic, locale: Locale, style: Style): string {
  const r = render(d, locale);
  const at = locate(doc, d.span.start);
  const sev = r.severity === 'error' ? style.red(say(locale, 'error')) : r.severity === 'warning' ? style.yellow(say(locale, 'warning')) : style.cyan(say(locale, 'info'));
  const out = [`${style.cyan(file)}:${style.yellow(String(at.line))}:${style.yellow(String(at.column))} - ${sev} ${style.dim(d.code)}: ${r.message}`];
  out.push(...codeFrame(doc, d.span, style));
  if (r.hint) out.push(`  ${style.bold(say(locale, 'hint'))}: ${r.hint}`);
  return out.join('\n');
}

function codeFrame(doc: AwardDocument, span: Span, style: Style): string[] {
  const start = doc.lines.position(span.start);
  const text = doc.lines.lineText(start.line);
  if (text.length > 400) return [];
  const endOnLine = Math.min(span.end, doc.lines.offset({ line: start.line, character: text.length }));
  const before = text.slice(0, start.character);
  const marked = text.slice(start.character, Math.max(start.character + 1, start.character + (endOnLine - span.start)));
  const gutter = String(start.line + 1);
  return [
    '',
    `${style.dim(gutter)} ${text}`,
    `${' '.repeat(gutter.length)} ${padFor(before)}${style.red('~'.repeat(Math.max(1, widthOf(marked))))}`,
  ];
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function count(diags: readonly Diagnostic[], into: Counts): Counts {
  for (const d of diags) {
    const s = severityOf(d.code);
    if (s === 'error') into.errors++; else if (s === 'warning') into.warnings++; else into.infos++;
  }
  return into;
}

export function summaryLine(locale: Locale, c: Counts, files: number): string {
  return c.errors + c.warnings + c.infos === 0 ? say(locale, 'summaryNone', files) : say(locale, 'summary', c.errors, c.warnings, c.infos, files);
}

/** The JSON form of one diagnostic. */
export function diagnosticJson(doc: AwardDocument, d: Diagnostic, locale: Locale) {
  const r = render(d, locale);
  const range = (s: Span) => ({ start: locate(doc, s.start), end: locate(doc, s.end) });
  return {
    code: d.code,
    severity: r.severity,
    message: r.message,
    ...(r.hint ? { hint: r.hint } : {}),
    range: range(d.span),
    args: d.args,
    ...(d.suggestions?.length ? { suggestions: d.suggestions.map((s) => ({ range: range(s.span), replacement: s.replacement })) } : {}),
  };
}
