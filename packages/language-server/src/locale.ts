/**
 * The language of everything the server says: the `awardrules.locale` setting when it names one,
 * else the client's display language from `initialize` (zh* → Chinese, anything else → English).
 */
import type { Locale } from '@awardrules/language';

export type LocaleSetting = 'auto' | 'zh' | 'en';

export function chooseLocale(setting: unknown, clientLocale: string | undefined): Locale {
  if (setting === 'zh' || setting === 'en') return setting;
  return /^zh/i.test(clientLocale ?? '') ? 'zh' : 'en';
}
