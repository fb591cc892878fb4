/**
 * `awardc template <rules.award> [-o slate.xlsx|slate.csv]`: the summary table (推荐对象汇总表) a rule
 * file asks for, with the headers `awardc validate` reads; without -o, the columns and what to write.
 */
import { extname } from 'node:path';
import { severityOf } from '@awardrules/language';
import { EXIT, type CliContext } from '../context.js';
import { InputError, writeFailure } from '../io.js';
import { say } from '../messages.js';
import { formatDiagnostic } from '../report.js';
import { loadDocument, loadShared, reportInputError } from './load.js';

export async function runTemplate(ctx: CliContext, file: string, options: { out?: string }): Promise<number> {
  let doc;
  try {
    doc = loadDocument(file, loadShared({}));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(ctx, e);
    return EXIT.usage;
  }
  const errors = doc.diagnostics.filter((d) => severityOf(d.code) === 'error');
  if (errors.length) {
    for (const d of errors) ctx.err(`${formatDiagnostic(file, doc, d, ctx.locale, ctx.style)}\n`);
    ctx.err(say(ctx.locale, 'templateRuleErrors', file));
    return EXIT.usage;
  }
  const { templateColumns, writeTemplate } = await import('@awardrules/slate');
  const columns = templateColumns(doc.model);
  if (!options.out) {
    // Headers are Chinese (full width): pad with ideographic spaces, up to a point.
    const width = Math.min(12, Math.max(...columns.map((c) => c.header.length)));
    for (const c of columns) ctx.out(`${c.header}${'　'.repeat(Math.max(1, width - c.header.length + 1))}${ctx.style.dim(c.note[ctx.locale])}`);
    return EXIT.ok;
  }
  const ext = extname(options.out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') {
    ctx.err(say(ctx.locale, 'templateFormat', options.out));
    return EXIT.usage;
  }
  try {
    await writeTemplate(options.out, columns, ctx.locale);
  } catch (e) {
    ctx.err(say(ctx.locale, 'cannotWrite', options.out, writeFailure(e)[ctx.locale]));
    return EXIT.usage;
  }
  ctx.out(say(ctx.locale, 'templateWritten', options.out, String(columns.length)));
  return EXIT.ok;
}
