/** `awardc compile <file> -o <dir>`: a validator package for other systems to import. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { severityOf } from '@awardrules/language';
import { EXIT, type CliContext } from '../context.js';
import { InputError, writeFailure } from '../io.js';
import { say } from '../messages.js';
import { formatDiagnostic } from '../report.js';
import { loadDocument, loadShared, reportInputError } from './load.js';

export interface CompileOptions {
  readonly out: string;
  readonly name?: string;
}

export async function runCompile(ctx: CliContext, file: string, options: CompileOptions): Promise<number> {
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
    ctx.err(say(ctx.locale, 'compileErrors', file));
    return EXIT.findings;
  }
  // ts-morph is large: it is loaded only when something is compiled.
  const { compileDocument } = await import('@awardrules/compiler');
  const files = compileDocument(doc, file, options.name ? { name: options.name } : {});
  try {
    mkdirSync(options.out, { recursive: true });
    for (const f of files) writeFileSync(join(options.out, f.path), f.text);
  } catch (e) {
    ctx.err(say(ctx.locale, 'cannotWrite', options.out, writeFailure(e)[ctx.locale]));
    return EXIT.usage;
  }
  for (const f of files) ctx.out(say(ctx.locale, 'compiled', join(options.out, f.path)));
  return EXIT.ok;
}
