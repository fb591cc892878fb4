/**
 * `awardc template <rules.award> [-o slate.xlsx|slate.csv]`: the summary table (推荐对象汇总表) a rule
 * file asks for, with the headers `awardc validate` reads; without -o, the columns and what to write.
 */
import { extname } from 'node:path';
import { EXIT, type CliContext } from '../context.js';
import { writeFailure } from '../io.js';
import { say } from '../messages.js';
import { loadDocument, loadShared, readInput, reportRuleErrors } from './load.js';

export async function runTemplate(ctx: CliContext, file: string, options: { out?: string }): Promise<number> {
  const doc = readInput(ctx, () => loadDocument(file, loadShared({})));
  if (!doc || reportRuleErrors(ctx, file, doc, 'templateRuleErrors')) return EXIT.usage;
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
