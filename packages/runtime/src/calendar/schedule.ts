/**
 * One year of the mainland China working-day schedule, stored as the differences from a Monday–Friday
 * week: weekdays that are public holidays (`off`) and weekend days that are make-up workdays (`on`, 调休).
 * Dates are `MM-DD` within `year`.
 */
import { isValidYmd } from '../civil-date.js';

export interface YearSchedule {
  readonly year: number;
  /** Names of the holidays that year (for messages and audits). */
  readonly holidays?: readonly string[];
  readonly off: readonly string[];
  readonly on: readonly string[];
}

/** A problem with a supplied schedule, in both languages. */
export interface ScheduleProblem {
  readonly en: string;
  readonly zh: string;
}

const MONTH_DAY = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/;

/**
 * Reads schedules a user supplies (a JSON file, or the `calendar` option of a validator): a list of
 * `{ year, off, on }`, days written `MM-DD` or `YYYY-MM-DD` of that year. Never throws: years with
 * problems are left out and the problems returned, so a validator can report them.
 */
export function readYearSchedules(raw: unknown): { schedules: YearSchedule[]; problems: ScheduleProblem[] } {
  const schedules: YearSchedule[] = [];
  const problems: ScheduleProblem[] = [];
  const years: unknown = Array.isArray(raw) ? raw : (raw as { years?: unknown } | null | undefined)?.years;
  if (!Array.isArray(years)) return { schedules, problems: [{ en: 'expected a list of years', zh: '应为按年份列出的数组' }] };
  for (const entry of years as unknown[]) {
    const s = (entry ?? {}) as { year?: unknown; off?: unknown; on?: unknown };
    const year = s.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 9999) {
      problems.push({ en: `"year" must be a year such as 2027, not ${JSON.stringify(year) ?? 'nothing'}`, zh: `"year" 应为年份（如 2027），而不是 ${JSON.stringify(year) ?? '空'}` });
      continue;
    }
    const days = (list: unknown, key: string): string[] | undefined => {
      if (list === undefined) return [];
      if (!Array.isArray(list)) {
        problems.push({ en: `${year}: "${key}" must be a list of dates`, zh: `${year} 年："${key}" 应为日期列表` });
        return undefined;
      }
      const out: string[] = [];
      for (const d of list as unknown[]) {
        const m = typeof d === 'string' ? MONTH_DAY.exec(d.trim()) : null;
        const ok = m && (m[1] === undefined || Number(m[1]) === year) && isValidYmd(year, Number(m[2]), Number(m[3]));
        if (!ok) {
          problems.push({ en: `${year}: "${key}" has ${JSON.stringify(d)}, not a date of ${year} (MM-DD or YYYY-MM-DD)`, zh: `${year} 年："${key}" 中的 ${JSON.stringify(d)} 不是 ${year} 年的日期（MM-DD 或 YYYY-MM-DD）` });
          return undefined;
        }
        out.push(`${m[2]}-${m[3]}`);
      }
      return out;
    };
    const off = days(s.off, 'off');
    const on = days(s.on, 'on');
    if (off && on) schedules.push({ year, off, on });
  }
  return { schedules, problems };
}
