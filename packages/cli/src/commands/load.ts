/** Building the checked document of a rule file the way every command needs it. */
import { buildDocument, render, type AwardDocument } from '@awardrules/language';
import { chinaCalendar, type WorkdayCalendar } from '@awardrules/runtime';
import type { CliContext } from '../context.js';
import { InputError, readCalendarFile, readCatalog, readReferencedFile, readRuleFile } from '../io.js';

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
  return buildDocument(file, text, { readFile: readReferencedFile, calendar: shared.calendar, ...(shared.catalog ? { catalog: shared.catalog } : {}) });
}

/** Prints an input error the way diagnostics are printed, without a source line. */
export function reportInputError(ctx: CliContext, e: InputError): void {
  const r = render({ code: e.code, args: e.args }, ctx.locale);
  ctx.err(`${ctx.style.red(r.severity === 'error' ? (ctx.locale === 'zh' ? '错误' : 'error') : r.severity)} ${ctx.style.dim(e.code)}: ${r.message}${r.hint ? `\n  ${r.hint}` : ''}`);
}
