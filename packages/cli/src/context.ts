import type { Locale } from '@awardrules/language';
import type { Style } from './style.js';

/** What every command gets: the user's language, colours, and where to write. */
export interface CliContext {
  readonly locale: Locale;
  readonly style: Style;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
