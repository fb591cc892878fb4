/**
 * How the notices' periods are counted, in one place (docs/counting.md explains each with examples):
 *
 * - 满N年 / tenure: N full years have passed from the start date S on the reference date R when
 *   R ≥ S + N years, where adding years follows the Civil Code (民法典 第二百零三条): the corresponding day
 *   of the final month, or that month's last day (2020-02-29 + 1 year = 2021-02-28).
 * - 近N年 / "within the last N years": the N-year period that ends on R, i.e. from the day after R − N years
 *   through R, both inclusive. An occurrence dated after R also counts (it is more recent still).
 * - "by D" / 截至 / …前: on or before D.
 * - A period of fixed dates ("2018—2020年度", "since 2020-01-01"): from its first day through its last,
 *   both inclusive; a year runs from 1 January through 31 December; "since" has no last day.
 * - N days of publicity: calendar days from the first to the last day, both inclusive.
 * - N working days: the working days in that range under the State Council schedule, make-up working
 *   days (调休) included, holidays and weekends excluded. A period that starts on a holiday simply
 *   does not count that day.
 * - "valid" on R: the validity end date is on or after R.
 */
import { addMonths, addYears, fullMonthsBetween, fullYearsBetween, type Day } from './civil-date.js';
import type { CalendarResult, WorkdayCalendar } from './calendar/calendar.js';

export type PeriodUnit = 'years' | 'months' | 'days';

/** Full years, months or days from `start` to `ref` (negative when `ref` is earlier). */
export function elapsed(start: Day, ref: Day, unit: PeriodUnit): number {
  if (unit === 'years') return fullYearsBetween(start, ref);
  if (unit === 'months') return fullMonthsBetween(start, ref);
  return ref - start;
}

/** First day of the window of `amount` units that ends on `ref`. */
export function windowStart(ref: Day, amount: number, unit: PeriodUnit): Day {
  const back = unit === 'years' ? addYears(ref, -amount) : unit === 'months' ? addMonths(ref, -amount) : ref - amount;
  return back + 1;
}

export function withinWindow(day: Day, ref: Day, amount: number, unit: PeriodUnit): boolean {
  return day >= windowStart(ref, amount, unit);
}

/** Whether `day` falls in the period from `from` through `to` (both inclusive; no `to`, no end). */
export function inPeriod(day: Day, from: Day, to?: Day): boolean {
  return day >= from && (to === undefined || day <= to);
}

/** Length of a publicity period in calendar days or working days, both ends included. */
export function periodLength(start: Day, end: Day, unit: 'days' | 'workdays', calendar: WorkdayCalendar): CalendarResult<number> {
  if (end < start) return { ok: true, value: 0 };
  if (unit === 'days') return { ok: true, value: end - start + 1 };
  return calendar.countWorkdays(start, end);
}
