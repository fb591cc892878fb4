/** Renders a diagnostic's message and hint in one language; called only at the edges (CLI, LSP). */
import type { Diagnostic, MessageArg, RelatedInfo, Severity } from './diagnostic.js';
import { MESSAGES, type MessageCode, type MessageDef } from './messages.js';

export type Locale = 'zh' | 'en';

export function argText(arg: MessageArg, locale: Locale): string {
  return typeof arg === 'object' ? arg[locale] : String(arg);
}

export function format(template: string, args: readonly MessageArg[], locale: Locale): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? m : argText(arg, locale);
  });
}

export function severityOf(code: MessageCode): Severity {
  return MESSAGES[code].severity;
}

export interface Rendered {
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
}

export function render(d: Pick<Diagnostic, 'code' | 'args'> | RelatedInfo, locale: Locale): Rendered {
  const def: MessageDef = MESSAGES[d.code];
  const hint = def.hint ? format(def.hint[locale], d.args, locale).trim() : undefined;
  return { severity: def.severity, message: format(def[locale], d.args, locale), ...(hint ? { hint } : {}) };
}

/** The user's language from the environment (LC_ALL, LC_MESSAGES, LANG): Chinese for zh*, else English. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const raw = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(raw) ? 'zh' : 'en';
}
