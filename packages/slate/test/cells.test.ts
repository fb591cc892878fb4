/** Cells as staff fill them in: which forms of dates, yes/no, periods, lists and dated events are read. */
import { describe, expect, it } from 'vitest';
import { formatDay } from '@awardrules/runtime';
import { cells } from '../src/index.js';

const day = (c: Parameters<typeof cells.date>[0]) => {
  const d = cells.date(c);
  return d === undefined ? undefined : formatDay(d);
};

describe('dates', () => {
  it.each([
    '2024年3月5日', '2024年03月05日', '2024 年 3 月 5 日', '2024-3-5', '2024-03-05', '2024/3/5', '2024/03/05', '2024.3.5', '20240305',
    // Typed with a full-width input method, and as other systems export a day with a time.
    '２０２４年３月５日', '２０２４／３／５', '2024-03-05 00:00:00', '2024/3/5 9:30',
  ])('reads the text %s as 2024-03-05', (s) => {
    expect(day(s)).toBe('2024-03-05');
  });

  it.each([
    '2024年2月30日', '2023-02-29', '2024-13-01', '2024-00-10', // impossible days
    '3/5/2024', '05/03/2024', '5.3.2024', // day or month first: ambiguous, not read
    '2024年3月', '2024', '24-3-5', 'March 5, 2024', '2024-3-5-1', '二〇二四年三月五日', '待定',
  ])('does not read %s as a date', (s) => {
    expect(day(s)).toBeUndefined();
  });

  it('reads 29 February in a leap year', () => {
    expect(day('2024年2月29日')).toBe('2024-02-29');
  });

  it('reads a date cell as its calendar day, whatever its time of day', () => {
    expect(day(new Date(Date.UTC(2024, 2, 15)))).toBe('2024-03-15');
    expect(day(new Date(Date.UTC(2024, 2, 15, 23, 59, 59)))).toBe('2024-03-15');
    expect(day(new Date(Number.NaN))).toBeUndefined();
  });

  it('reads numbers: an Excel serial day, and 20240315 typed into a General cell', () => {
    expect(day(45366)).toBe('2024-03-15');
    expect(day(20240315)).toBe('2024-03-15');
    expect(day(20240230)).toBeUndefined();
  });

  it('does not read a bare year as a day (as a serial number, 2019 would be 1905-07-11)', () => {
    expect(day(2019)).toBeUndefined();
    expect(day(1990)).toBeUndefined();
  });
});

describe('yes and no', () => {
  it.each(['是', '有', '√', '✓', 'Y', 'yes', 'TRUE', '1', '已'])('%s is yes', (s) => expect(cells.bool(s)).toBe(true));
  it.each(['否', '无', '×', 'n', 'No', 'false', '0', '没有', '未'])('%s is no', (s) => expect(cells.bool(s)).toBe(false));
  it.each(['待定', '是否', '不详', '?'])('%s is neither', (s) => expect(cells.bool(s)).toBeUndefined());
  it('reads booleans and 1/0 numbers', () => {
    expect([cells.bool(true), cells.bool(1), cells.bool(0), cells.bool(2)]).toEqual([true, true, false, undefined]);
  });
});

describe('periods', () => {
  it.each([
    '2024-01-08至2024-01-12', '2024-01-08 至 2024-01-12', '2024.1.8—2024.1.12', '2024/1/8~2024/1/12', '2024/1/8～2024/1/12',
    '2024年1月8日至2024年1月12日', '2024-01-08到2024-01-12', '2024-01-08-2024-01-12',
  ])('reads %s', (s) => {
    expect(cells.period(s)).toEqual({ start: '2024-01-08', end: '2024-01-12' });
  });

  it.each([
    ['2024年1月8日至12日', '2024-01-12'], ['2024年1月29日至2月2日', '2024-02-02'], ['2024年1月29日—2月2日', '2024-02-02'],
    ['2024.1.29-2.2', '2024-02-02'], ['2024/1/8-12', '2024-01-12'], ['2024-01-08至01-12', '2024-01-12'], ['２０２４年１月８日至１２日', '2024-01-12'],
  ])('reads %s, an end written without its year, in the start\'s year', (s, end) => {
    expect(cells.period(s)?.end).toBe(end);
  });

  it('reads a short end before the start in the next year', () => {
    expect(cells.period('2023年12月28日至1月4日')).toEqual({ start: '2023-12-28', end: '2024-01-04' });
  });

  it.each(['2024-01-08', '2024-01-08至', '2024-01-08至2024-02-30', '1月8日至12日', '2024年1月12日至8日', '2024年2月20日至30日', '2024年1月8日至12月'])('does not read %s', (s) => {
    expect(cells.period(s)).toBeUndefined();
  });
});

describe('lists and dated events', () => {
  it('splits on 、，,；; / and new lines', () => {
    expect(cells.list('公安部门、纪检监察机关，统战部门;财政部门\n税务部门')).toEqual(['公安部门', '纪检监察机关', '统战部门', '财政部门', '税务部门']);
  });

  it.each([
    ['违法违纪 2020-06-01', { name: '违法违纪', date: '2020-06-01' }],
    ['违法违纪（2020年6月1日）', { name: '违法违纪', date: '2020-06-01' }],
    ['违法违纪:2020.6.1', { name: '违法违纪', date: '2020-06-01' }],
    ['违法违纪', { name: '违法违纪' }],
  ])('reads %s', (s, expected) => {
    expect(cells.dated(s)).toEqual(expected);
  });
});

describe('numbers and sizes', () => {
  it('reads numbers with a unit or a percent sign, and file sizes', () => {
    expect([cells.number('5年'), cells.number('20%'), cells.number(' 1380 '), cells.number('约300')]).toEqual([5, 20, 1380, undefined]);
    expect([cells.bytes('320KB'), cells.bytes('0.5MB'), cells.bytes('1000'), cells.bytes('大')]).toEqual([320 * 1024, 512 * 1024, 1000, undefined]);
  });
});

describe('list cells with names that contain a separator', () => {
  it('keeps a known name whole, and splits the rest', async () => {
    const { list, namesWithSeparators } = await import('../src/cells.js');
    const whole = namesWithSeparators(['综治办、综治委成员单位工作人员', '坚持党的群众路线，受到群众的普遍认可和赞扬', '网格员']);
    expect(whole).toEqual(['坚持党的群众路线，受到群众的普遍认可和赞扬', '综治办、综治委成员单位工作人员']);
    expect(list('网格员、综治办、综治委成员单位工作人员', whole)).toEqual(['网格员', '综治办、综治委成员单位工作人员']);
    expect(list('坚持党的群众路线，受到群众的普遍认可和赞扬；网格员', whole)).toEqual(['坚持党的群众路线，受到群众的普遍认可和赞扬', '网格员']);
    // Without known names, every separator splits.
    expect(list('综治办、综治委成员单位工作人员')).toEqual(['综治办', '综治委成员单位工作人员']);
  });
});
