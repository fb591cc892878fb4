import { describe, expect, it } from 'vitest';
import { LegalHoliday, SolarDay } from 'tyme4ts';
import { chinaCalendar, formatDay, parseDay, type Day } from '@awardrules/runtime';

const d = (s: string): Day => parseDay(s) ?? NaN;

describe('mainland China working-day calendar', () => {
  it('knows 2017 to 2026 and nothing else', () => {
    expect(chinaCalendar.years()).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(chinaCalendar.isWorkday(d('2027-01-04'))).toBeUndefined();
    expect(chinaCalendar.countWorkdays(d('2026-12-28'), d('2027-01-08'))).toEqual({ ok: false, missingYear: 2027 });
  });

  it('follows holidays and make-up workdays (调休)', () => {
    expect(chinaCalendar.isWorkday(d('2024-09-29'))).toBe(true); // Sunday, make-up day
    for (let day = d('2024-10-01'); day <= d('2024-10-07'); day++) expect(chinaCalendar.isWorkday(day)).toBe(false);
    expect(chinaCalendar.isWorkday(d('2024-10-08'))).toBe(true);
    expect(chinaCalendar.isWorkday(d('2024-10-12'))).toBe(true); // Saturday, make-up day
    expect(chinaCalendar.isWorkday(d('2020-01-31'))).toBe(false); // 2020 Spring Festival extension
    expect(chinaCalendar.isWorkday(d('2020-02-01'))).toBe(false);
    expect(chinaCalendar.isWorkday(d('2026-02-14'))).toBe(true);
    expect(chinaCalendar.isWorkday(d('2026-02-23'))).toBe(false);
  });

  it('counts a publicity period across the 2024 National Day holiday', () => {
    // 2024-09-28 (Sat) .. 2024-10-08 (Tue): 09-29 make-up Sunday, 09-30, then 10-08.
    expect(chinaCalendar.countWorkdays(d('2024-09-28'), d('2024-10-08'))).toEqual({ ok: true, value: 3 });
    expect(chinaCalendar.shiftWorkdays(d('2024-09-30'), 1)).toEqual({ ok: true, value: d('2024-10-08') });
  });

  it('matches tyme4ts, an independent data set, on every day of 2017–2026', () => {
    const mismatches: string[] = [];
    for (let day = d('2017-01-01'); day <= d('2026-12-31'); day++) {
      const [y, m, dd] = formatDay(day).split('-').map(Number) as [number, number, number];
      const holiday = LegalHoliday.fromYmd(y, m, dd);
      const weekday = SolarDay.fromYmd(y, m, dd).getWeek().getIndex(); // 0 = Sunday
      const theirs = holiday ? holiday.isWork() : weekday !== 0 && weekday !== 6;
      if (theirs !== chinaCalendar.isWorkday(day)) mismatches.push(formatDay(day));
    }
    expect(mismatches).toEqual([]);
  });

  it('takes a user-supplied schedule for a later year', () => {
    const cal = chinaCalendar.extendedWith([{ year: 2027, off: ['01-01'], on: [] }]);
    expect(cal.isWorkday(d('2027-01-01'))).toBe(false);
    expect(cal.isWorkday(d('2027-01-04'))).toBe(true);
    expect(cal.isWorkday(d('2024-10-01'))).toBe(false);
  });
});
