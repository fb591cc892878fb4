/** Building the checked document of a rule file the way every command needs it. */
import { buildDocument, render, severityOf, type AwardDocument } from '@awardrules/language';
import { chinaCalendar, type WorkdayCalendar } from '@awardrules/runtime';
import type { CliContext } from '../context.js';
import { InputError, readCalendarFile, readCatalog, readReferencedFile, readRuleFile } from '../io.js';
import { say, type CliMessage } from '../messages.js';
import { formatDiagnostic } from '../report.js';

export interface LoadOptions {
  readonly catalog?: string;
  readonly calendar?: string;
}

export interface Loaded {
  readonly calendar: WorkdayCalendar;
  readonly catalog?: ReadonlySet<string>;
}

export function loadShared(options: LoadOptions): Loaded {
  const calendar = options.calendar ? chinaCalendar.extendedWith(readCalendarFile(options.calendar)) : chinaCalendar;
  return { calendar, ...(options.catalog ? { catalog: readCatalog(options.catalog) } : {}) };
}

export function loadDocument(file: string, shared: Loaded): AwardDocument {
  const text = readRuleFile(file);
  // No command navigates the file, so the references the language server reads are not recorded.
  return buildDocument(file, text, {
    readFile: readReferencedFile, calendar: shared.calendar, references: false, ...(shared.catalog ? { catalog: shared.catalog } : {}),
  });
}

/** Runs `read`; an input error it throws (an unreadable file, a bad option file) is printed instead: undefined. */
export function readInput<T>(ctx: CliContext, read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(ctx, e);
    return undefined;
  }
}

/**
 * Prints the errors of a rule file, then `refusal` (why the command will not go on); whether it had
 * any. Commands that work from a rule file refuse one with errors.
 */
export function reportRuleErrors(ctx: CliContext, file: string, doc: AwardDocument, refusal: CliMessage): boolean {
  const errors = doc.diagnostics.filter((d) => severityOf(d.code) === 'error');
  if (errors.length === 0) return false;
  for (const d of errors) ctx.err(`${formatDiagnostic(file, doc, d, ctx.locale, ctx.style)}\n`);
  ctx.err(say(ctx.locale, refusal, file));
  return true;
}

/** Prints an input error the way diagnostics are printed, without a source line. */
export function reportInputError(ctx: CliContext, e: InputError): void {
  const r = render({ code: e.code, args: e.args }, ctx.locale);
  ctx.err(`${ctx.style.red(r.severity === 'error' ? (ctx.locale === 'zh' ? '错误' : 'error') : r.severity)} ${ctx.style.dim(e.code)}: ${r.message}${r.hint ? `\n  ${r.hint}` : ''}`);
}
