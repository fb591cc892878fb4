/** `awardc fmt [--check|--write] <files…>`: canonical layout; prints to stdout unless told otherwise. */
import { writeFileSync } from 'node:fs';
import { buildDocument, formatText } from '@awardrules/language';
import { EXIT, type CliContext } from '../context.js';
import { InputError, readRuleFile, ruleFilesIn } from '../io.js';
import { say } from '../messages.js';
import { formatDiagnostic } from '../report.js';
import { reportInputError } from './load.js';

export interface FmtOptions {
  readonly check?: boolean;
  readonly write?: boolean;
}

export function runFmt(ctx: CliContext, args: readonly string[], options: FmtOptions): number {
  if (options.check && options.write) {
    ctx.err(say(ctx.locale, 'fmtBothModes'));
    return EXIT.usage;
  }
  const files = ruleFilesIn(args);
  let failed = false;
  let unformatted = 0;
  for (const { file, error } of files) {
    let text: string;
    try {
      if (error) throw error; // a folder that could not be read, or held no rule file
      text = readRuleFile(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      reportInputError(ctx, e);
      failed = true;
      continue;
    }
    const result = formatText(text);
    if (!result.ok) {
      const doc = buildDocument(file, text);
      for (const d of result.diagnostics) ctx.err(`${formatDiagnostic(file, doc, d, ctx.locale, ctx.style)}\n`);
      ctx.err(say(ctx.locale, 'cannotFormat', file));
      failed = true;
      continue;
    }
    const changed = result.text !== text.replace(/^\ufeff/, '');
    if (options.check) {
      if (changed) { unformatted++; ctx.out(say(ctx.locale, 'notFormatted', file)); }
    } else if (options.write) {
      if (changed) { writeFileSync(file, result.text); ctx.out(say(ctx.locale, 'formatted', file)); }
    } else {
      ctx.out(result.text.replace(/\n$/, ''));
    }
  }
  if (failed) return EXIT.usage;
  if (options.check) {
    ctx.out(unformatted ? say(ctx.locale, 'someNotFormatted', unformatted, files.length) : say(ctx.locale, 'allFormatted', files.length));
    return unformatted ? EXIT.findings : EXIT.ok;
  }
  return EXIT.ok;
}
