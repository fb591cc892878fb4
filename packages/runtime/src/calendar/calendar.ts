import { dayFromYmd, isoWeekday, ymdFromDay, type Day } from '../civil-date.js';
import type { YearSchedule } from './schedule.js';
import { CHINA_SCHEDULES } from './cn-schedules.js';

/** A count over days, or the first year the calendar does not know (never a silent weekday guess). */
export type CalendarResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missingYear: number };

/** The mainland China working-day calendar for the years it has schedules for. */
export class WorkdayCalendar {
  private readonly off = new Set<Day>();
  private readonly on = new Set<Day>();
  private readonly known = new Set<number>();

  constructor(schedules: readonly YearSchedule[]) {
    for (const s of schedules) {
      this.known.add(s.year);
      for (const md of s.off) this.off.add(toDay(s.year, md));
      for (const md of s.on) this.on.add(toDay(s.year, md));
    }
  }

  /** A calendar that also knows `extra` years (a later year's schedule, supplied by the user). */
  extendedWith(extra: readonly YearSchedule[]): WorkdayCalendar {
    const replaced = new Set(extra.map((s) => s.year));
    return new WorkdayCalendar([...this.schedules().filter((s) => !replaced.has(s.year)), ...extra]);
  }

  years(): number[] {
    return [...this.known].sort((a, b) => a - b);
  }

  knowsYear(year: number): boolean {
    return this.known.has(year);
  }

  /** Whether `day` is a working day; `undefined` when its year has no schedule. */
  isWorkday(day: Day): boolean | undefined {
    if (!this.known.has(ymdFromDay(day).year)) return undefined;
    if (this.on.has(day)) return true;
    if (this.off.has(day)) return false;
    return isoWeekday(day) <= 5;
  }

  /** Working days in `[from, to]`, both ends included; 0 when `to < from`. */
  countWorkdays(from: Day, to: Day): CalendarResult<number> {
    let count = 0;
    for (let d = from; d <= to; d++) {
      const w = this.isWorkday(d);
      if (w === undefined) return { ok: false, missingYear: ymdFromDay(d).year };
      if (w) count++;
    }
    return { ok: true, value: count };
  }

  /** The `n`-th working day after `from` (n ≥ 1), or before it when n ≤ -1. */
  shiftWorkdays(from: Day, n: number): CalendarResult<Day> {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = from;
    while (left > 0) {
      d += step;
      const w = this.isWorkday(d);
      if (w === undefined) return { ok: false, missingYear: ymdFromDay(d).year };
      if (w) left--;
    }
    return { ok: true, value: d };
  }

  private schedules(): YearSchedule[] {
    return this.years().map((year) => {
      const inYear = (d: Day) => ymdFromDay(d).year === year;
      const md = (d: Day) => {
        const { month, day } = ymdFromDay(d);
        return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      };
      return { year, off: [...this.off].filter(inYear).map(md), on: [...this.on].filter(inYear).map(md) };
    });
  }
}

function toDay(year: number, md: string): Day {
  const [month, day] = md.split('-').map(Number);
  return dayFromYmd(year, month ?? NaN, day ?? NaN);
}

/** The State Council schedules from 2017 on. */
export const chinaCalendar = new WorkdayCalendar(CHINA_SCHEDULES);
