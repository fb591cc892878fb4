/** `awardc check <files…>`: every problem in every file, as text or JSON. */
import { EXIT, type CliContext } from '../context.js';
import { markPrimed } from '../primed.js';
import { InputError, ruleFilesIn } from '../io.js';
import { count, diagnosticJson, formatDiagnostic, summaryLine, type Counts } from '../report.js';
import { loadDocument, loadShared, reportInputError, type LoadOptions } from './load.js';

export interface CheckOptions extends LoadOptions {
  readonly format: 'text' | 'json';
}

export function runCheck(ctx: CliContext, args: readonly string[], options: CheckOptions): number {
  let shared;
  try {
    shared = loadShared(options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(ctx, e);
    return EXIT.usage;
  }
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  const json: unknown[] = [];
  const files = ruleFilesIn(args);
  let inputErrors = 0;
  for (const { file, error } of files) {
    let doc;
    try {
      if (error) throw error; // a folder that could not be read, or held no rule file
      doc = loadDocument(file, shared);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      inputErrors++;
      if (options.format === 'json') json.push({ file, error: { code: e.code, args: e.args } });
      else reportInputError(ctx, e);
      continue;
    }
    markPrimed();
    count(doc.diagnostics, counts);
    if (options.format === 'json') json.push({ file, diagnostics: doc.diagnostics.map((d) => diagnosticJson(doc, d, ctx.locale)) });
    else for (const d of doc.diagnostics) ctx.out(`${formatDiagnostic(file, doc, d, ctx.locale, ctx.style)}\n`);
  }
  if (options.format === 'json') {
    ctx.out(JSON.stringify({ version: 1, files: json, summary: { files: files.length, ...counts, inputErrors } }, null, 2));
  } else if (files.length > inputErrors) {
    ctx.out(summaryLine(ctx.locale, counts, files.length - inputErrors));
  }
  if (inputErrors > 0) return EXIT.usage;
  return counts.errors > 0 ? EXIT.findings : EXIT.ok;
}
