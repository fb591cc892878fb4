/** `awardc compile <file> -o <dir>`: a validator package for other systems to import. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type CliContext } from '../context.js';
import { writeFailure } from '../io.js';
import { say } from '../messages.js';
import { loadDocument, loadShared, readInput, reportRuleErrors } from './load.js';

export interface CompileOptions {
  readonly out: string;
  readonly name?: string;
}

export async function runCompile(ctx: CliContext, file: string, options: CompileOptions): Promise<number> {
  const doc = readInput(ctx, () => loadDocument(file, loadShared({})));
  if (!doc) return EXIT.usage;
  if (reportRuleErrors(ctx, file, doc, 'compileErrors')) return EXIT.findings;
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
