/**
 * Reading spreadsheet cells the way staff fill them in: dates as Excel dates, serial numbers or text in
 * several forms (2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, 20240315); yes/no as 是/否, √/×, 有/无;
 * lists separated by Chinese or Western punctuation; periods as "2024-01-02至2024-01-08".
 */
import { dayFromYmd, formatDay, isValidYmd, ymdFromDay, type Day } from '@awardrules/runtime';

export type Cell = string | number | boolean | Date | null | undefined;

export function isEmpty(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

export function text(c: Cell): string {
  if (c instanceof Date) return formatDay(dateCellDay(c));
  return c === null || c === undefined ? '' : String(c).trim();
}

/** Excel stores dates as days since 1899-12-30 (counting its fictitious 1900-02-29). */
const EXCEL_EPOCH_OFFSET = 25569;

/** A date cell read by the xlsx library: a Date at UTC midnight. */
function dateCellDay(d: Date): Day {
  return dayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A day, optionally followed by a time of day (`2024-03-15 00:00:00`, as other systems export it). */
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

export function parseDateText(s: string): Day | undefined {
  // NFKC: digits and separators typed with a full-width input method (２０２４／３／５).
  const t = s.normalize('NFKC').trim();
  let m = DATE_TEXT.exec(t);
  if (!m) {
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
    if (compact) m = compact;
  }
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : undefined;
}

/** A date from any cell; `undefined` when the cell holds something that is not a date. */
export function date(c: Cell): Day | undefined {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? undefined : dateCellDay(c);
  if (typeof c === 'number') {
    // 20240315 typed into a General cell is a number, not text.
    if (Number.isInteger(c) && c >= 10_000_000 && c <= 99_999_999) return parseDateText(String(c));
    // A bare year (2019) is not a day, although as a serial number it would be one in 1905.
    if (Number.isInteger(c) && c >= 1900 && c <= 2100) return undefined;
    return Number.isInteger(c) && c > 60 && c < 2_958_466 ? c - EXCEL_EPOCH_OFFSET : undefined;
  }
  if (typeof c === 'string') return parseDateText(c);
  return undefined;
}

export function dateString(c: Cell): string | undefined {
  const d = date(c);
  return d === undefined ? undefined : formatDay(d);
}

const YES = new Set(['是', '有', '√', '✓', '✔', 'y', 'yes', 'true', '1', '对', '已']);
const NO = new Set(['否', '无', '×', '✗', '✘', 'n', 'no', 'false', '0', '没有', '未']);

export function bool(c: Cell): boolean | undefined {
  if (typeof c === 'boolean') return c;
  if (typeof c === 'number') return c === 1 ? true : c === 0 ? false : undefined;
  const t = text(c).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** A number, allowing a trailing unit or percent sign (`5年`, `20%`, `320KB` as 320). */
export function number(c: Cell): number | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(%|％|[^\d\s]{0,3})\s*$/.exec(text(c));
  return m ? Number(m[1]) : undefined;
}

/** File sizes: `320KB`, `0.4MB`, `328000` (bytes). */
export function bytes(c: Cell): number | undefined {
  if (typeof c === 'number') return c;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(kb|k|mb|m|b|字节)?\s*$/i.exec(text(c));
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const scale = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Math.round(Number(m[1]) * scale);
}

/** List items separated by 、，,；;／/ or new lines. */
const SEPARATORS = /[、，,；;／/\n\r]+/;

/**
 * The items of a list cell, separated by 、，,；;／/ or line breaks. Names in `whole` that themselves
 * contain a separator (a condition worded "…，…", an identity "综治办、综治委成员单位工作人员") are
 * taken whole wherever they appear, longest first.
 */
export function list(c: Cell, whole: readonly string[] = []): string[] {
  let s = text(c);
  const kept: string[] = [];
  for (const name of whole) {
    if (!s.includes(name)) continue;
    s = s.split(name).join(`\u0000${kept.length}\u0000`);
    kept.push(name);
  }
  return s.split(SEPARATORS).map((x) => x.trim()).filter(Boolean).map((x) => x.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!));
}

/** Of a list's names, those a plain split would break apart, longest first (for `list`). */
export function namesWithSeparators(names: Iterable<string>): string[] {
  return [...new Set([...names].filter((n) => SEPARATORS.test(n)))].sort((a, b) => b.length - a.length);
}

/** `违法违纪 2021-03-05`, `违法违纪（2021年3月5日）`, `违法违纪:2021-03-05`, or a name alone. */
export function dated(item: string): { name: string; date?: string } {
  const m = /^(.*?)[\s:：(（]*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)[)）]?$/.exec(item.trim());
  if (!m) return { name: item.trim() };
  const d = parseDateText(m[2]!);
  return d === undefined ? { name: item.trim() } : { name: m[1]!.trim(), date: formatDay(d) };
}

/**
 * `2024-01-02至2024-01-08`, `2024.1.2—2024.1.8`, `2024/1/2~2024/1/8`, and an end written short as
 * notices write it, taking the year (and month) from the start: `2024年1月2日至8日`,
 * `2024年1月29日至2月2日`, `2024.1.29-2.2`. A short end before the start is in the next year
 * (`2023年12月28日至1月4日`).
 */
export function period(c: Cell): { start: string; end: string } | undefined {
  const t = text(c).normalize('NFKC');
  const m = /^(.+?)\s*(?:至|到|~|～|—|–|－|\s-\s)\s*(.+)$/.exec(t) ?? /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})-(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}|\d{1,2})$/.exec(t);
  if (!m) return undefined;
  const start = parseDateText(m[1]!);
  if (start === undefined) return undefined;
  const end = parseDateText(m[2]!) ?? shortEnd(m[2]!, start);
  return end === undefined ? undefined : { start: formatDay(start), end: formatDay(end) };
}

/** An end without its year (`2月2日`, `2.2`) or without year and month (`8日`, `8`), read after `start`. */
function shortEnd(s: string, start: Day): Day | undefined {
  const m = /^(?:(\d{1,2})\s*[-/.月]\s*)?(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return undefined;
  const from = ymdFromDay(start);
  const month = m[1] === undefined ? from.month : Number(m[1]);
  const day = Number(m[2]);
  // Without a month, the day must come after the start's (`1月8日至12日`); a month earlier than the start's is next year's.
  if (m[1] === undefined && day < from.day) return undefined;
  const year = month < from.month ? from.year + 1 : from.year;
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : undefined;
}
