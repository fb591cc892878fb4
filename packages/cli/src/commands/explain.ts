/** `awardc explain <file>`: each rule as a sentence, grouped by award. */
import { explain, explanationText } from '@awardrules/language';
import { EXIT, type CliContext } from '../context.js';
import { loadDocument, loadShared, readInput, reportRuleErrors, type LoadOptions } from './load.js';

export interface ExplainOptions extends LoadOptions {
  readonly format: 'text' | 'json';
}

export function runExplain(ctx: CliContext, file: string, options: ExplainOptions): number {
  const doc = readInput(ctx, () => loadDocument(file, loadShared(options)));
  if (!doc) return EXIT.usage;
  if (reportRuleErrors(ctx, file, doc, 'explainErrors')) return EXIT.findings;
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
