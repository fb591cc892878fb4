/** `awardc explain <file>`: each rule as a sentence, grouped by award. */
import { explain, explanationText, severityOf } from '@awardrules/language';
import { EXIT, type CliContext } from '../context.js';
import { InputError } from '../io.js';
import { say } from '../messages.js';
import { formatDiagnostic } from '../report.js';
import { loadDocument, loadShared, reportInputError, type LoadOptions } from './load.js';

export interface ExplainOptions extends LoadOptions {
  readonly format: 'text' | 'json';
}

export function runExplain(ctx: CliContext, file: string, options: ExplainOptions): number {
  let doc;
  try {
    doc = loadDocument(file, loadShared(options));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(ctx, e);
    return EXIT.usage;
  }
  const errors = doc.diagnostics.filter((d) => severityOf(d.code) === 'error');
  if (errors.length) {
    for (const d of errors) ctx.err(`${formatDiagnostic(file, doc, d, ctx.locale, ctx.style)}\n`);
    ctx.err(say(ctx.locale, 'explainErrors', file));
    return EXIT.findings;
  }
  const e = explain(doc.model, ctx.locale);
  if (options.format === 'json') {
    ctx.out(JSON.stringify({
      version: 1, heading: e.heading,
      sections: e.sections.map((s) => ({
        ...(s.award ? { award: s.award } : {}), heading: s.heading,
        rules: s.rules.map((r) => ({ tags: r.rule.tags, ...(r.rule.clause ? { clause: r.rule.clause } : {}), kind: r.rule.kind, severity: r.rule.severity, text: r.text })),
      })),
    }, null, 2));
  } else {
    ctx.out(explanationText(e, ctx.locale).replace(/\n+$/, ''));
  }
  return EXIT.ok;
}
