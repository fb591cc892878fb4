/**
 * A document's diagnostics in LSP form, the same as `awardc check` prints them: the AR code, the
 * message in the user's language, and the hint on a line of its own below it ("提示: …"). Related places
 * ("the other cap is here") become related information. Dead rules are marked unnecessary, which
 * editors show faded.
 */
import { render, type AwardDocument, type Diagnostic, type Locale, type MessageCode } from '@awardrules/language';
import type { Checked } from '../documents.js';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { rangeOf } from '../convert.js';
import { say } from '../messages.js';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Rules and branches that can never apply. */
const UNNECESSARY: ReadonlySet<MessageCode> = new Set(['AR3001', 'AR3014', 'AR3017']);

export function messageOf(d: Pick<Diagnostic, 'code' | 'args'>, locale: Locale): string {
  const r = render(d, locale);
  return r.hint ? `${r.message}\n${say(locale, 'hint')}: ${r.hint}` : r.message;
}

/** Where a document's diagnostics are: its uri, and its lines to turn offsets into positions. */
type Placed = Pick<AwardDocument, 'uri' | 'lines'>;

export function toLspDiagnostic(doc: Placed, d: Diagnostic, locale: Locale): LspDiagnostic {
  const r = render(d, locale);
  return {
    range: rangeOf(doc.lines, d.span),
    severity: SEVERITY[r.severity],
    code: d.code,
    source: 'awardrules',
    message: messageOf(d, locale),
    ...(UNNECESSARY.has(d.code) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(d.related?.length ? {
      relatedInformation: d.related.map((rel) => ({ location: { uri: doc.uri, range: rangeOf(doc.lines, rel.span) }, message: render(rel, locale).message })),
    } : {}),
  };
}

export function lspDiagnostics(c: Checked, locale: Locale): LspDiagnostic[] {
  return c.diagnostics.map((d) => toLspDiagnostic(c, d, locale));
}
