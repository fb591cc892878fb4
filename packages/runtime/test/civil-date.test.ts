import { describe, expect, it } from 'vitest';
import {
  addYears, dayFromYmd, formatDay, fullYearsBetween, isoWeekday, parseDay, ymdFromDay,
} from '@awardrules/runtime';

const d = (s: string) => {
  const v = parseDay(s);
  if (v === undefined) throw new Error(`bad date ${s}`);
  return v;
};

describe('civil dates', () => {
  it('round-trips every day from 1900 to 2100', () => {
    for (let n = dayFromYmd(1900, 1, 1); n <= dayFromYmd(2100, 12, 31); n++) {
      const { year, month, day } = ymdFromDay(n);
      expect(dayFromYmd(year, month, day)).toBe(n);
    }
  });

  it('agrees with Date.UTC on day numbers', () => {
    for (const s of ['1970-01-01', '2000-02-29', '2024-10-08', '1999-12-31']) {
      const [y, m, dd] = s.split('-').map(Number) as [number, number, number];
      expect(d(s)).toBe(Date.UTC(y, m - 1, dd) / 86_400_000);
    }
  });

  it('rejects impossible dates and accepts the Chinese form', () => {
    expect(parseDay('2021-02-30')).toBeUndefined();
    expect(parseDay('2021-02-29')).toBeUndefined();
    expect(parseDay('2020-02-29')).toBe(dayFromYmd(2020, 2, 29));
    expect(parseDay('2024年3月15日')).toBe(dayFromYmd(2024, 3, 15));
    expect(parseDay('2024-13-01')).toBeUndefined();
    expect(formatDay(d('2024-3-5'))).toBe('2024-03-05');
  });

  it('knows weekdays', () => {
    expect(isoWeekday(d('2024-09-29'))).toBe(7);
    expect(isoWeekday(d('2024-10-08'))).toBe(2);
  });

  it('counts full years the Civil Code way (anniversary completes the year, month end when no such day)', () => {
    expect(fullYearsBetween(d('2019-03-15'), d('2022-03-14'))).toBe(2);
    expect(fullYearsBetween(d('2019-03-15'), d('2022-03-15'))).toBe(3);
    expect(formatDay(addYears(d('2020-02-29'), 1))).toBe('2021-02-28');
    expect(fullYearsBetween(d('2020-02-29'), d('2021-02-27'))).toBe(0);
    expect(fullYearsBetween(d('2020-02-29'), d('2021-02-28'))).toBe(1);
    expect(fullYearsBetween(d('2020-02-29'), d('2024-02-29'))).toBe(4);
    expect(fullYearsBetween(d('2024-01-01'), d('2023-12-31'))).toBe(-1);
  });
});
