/**
 * Civil dates as plain day numbers (days since 1970-01-01), with no `Date` and no time zone:
 * a nominee's publicity period means the same calendar days in Changchun and in a CI runner in UTC.
 */

/** Days since 1970-01-01 in the proleptic Gregorian calendar. */
export type Day = number;

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic over 400-year eras.
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(d: Day): Ymd {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ZH_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Parses `2024-03-15`, `2024-3-15` or `2024年3月15日`; undefined if malformed or impossible (2021-02-30). */
export function parseDay(text: string): Day | undefined {
  const m = ISO_DATE.exec(text.trim()) ?? ZH_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD`. */
export function formatDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(d: Day): number {
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

/**
 * Adds whole months the way the Civil Code counts periods (民法典 第二百零三条): the period ends on the
 * corresponding day of the final month, or on that month's last day when it has no such day
 * (2020-02-29 plus one year is 2021-02-28).
 */
export function addMonths(d: Day, months: number): Day {
  const { year, month, day } = ymdFromDay(d);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(d: Day, years: number): Day {
  return addMonths(d, years * 12);
}

/**
 * Whole years completed from `start` to `on` (满N年): the anniversary day itself completes the year.
 * Negative when `on` is before `start`.
 */
export function fullYearsBetween(start: Day, on: Day): number {
  const a = ymdFromDay(start);
  const b = ymdFromDay(on);
  let years = b.year - a.year;
  if (addYears(start, years) > on) years -= 1;
  return years;
}

/** Whole months completed from `start` to `on`, counted like {@link fullYearsBetween}. */
export function fullMonthsBetween(start: Day, on: Day): number {
  const a = ymdFromDay(start);
  const b = ymdFromDay(on);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(start, months) > on) months -= 1;
  return months;
}
