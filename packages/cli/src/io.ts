/**
 * Reading what the user points at: rule files (UTF-8, with or without BOM, size-limited), tables
 * referred to by rule files (UTF-8 or GB18030, as Excel saves CSV on Chinese systems), the catalog and
 * extra calendar files. Failures are input errors (exit 2), never stack traces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageArg, MessageCode } from '@awardrules/language';
import { readYearSchedules, type YearSchedule } from '@awardrules/runtime';

export const MAX_RULE_FILE_BYTES = 16 * 1024 * 1024;

export class InputError extends Error {
  constructor(readonly code: MessageCode, readonly args: MessageArg[]) {
    super(code);
  }
}

function reason(e: unknown): MessageArg {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { en: 'no such file', zh: '文件不存在' };
  if (code === 'EISDIR') return { en: 'it is a folder', zh: '这是一个文件夹' };
  if (code === 'EACCES') return { en: 'permission denied', zh: '没有读取权限' };
  return (e as Error).message ?? String(e);
}

/** Why a file or folder could not be written, in both languages. */
export function writeFailure(e: unknown): { en: string; zh: string } {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { en: 'its folder does not exist', zh: '所在文件夹不存在' };
  if (code === 'ENOTDIR' || code === 'EEXIST') return { en: 'part of the path is a file, not a folder', zh: '路径中有一部分是文件而不是文件夹' };
  if (code === 'EISDIR') return { en: 'it is a folder', zh: '这是一个文件夹' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { en: 'permission denied', zh: '没有写入权限' };
  if (code === 'EBUSY') return { en: 'the file is open in another program; close it (in Excel or WPS) and try again', zh: '文件正被其他程序打开，请先在 Excel 或 WPS 中关闭' };
  const message = (e as Error).message ?? String(e);
  return { en: message, zh: message };
}

export function readBytes(path: string, limit = MAX_RULE_FILE_BYTES): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw new InputError('AR6001', [path, reason(e)]);
  }
  if (size > limit) throw new InputError('AR6003', [path, size, limit]);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError('AR6001', [path, reason(e)]);
  }
}

/**
 * The rule files the arguments name, in order: a file as it is (reading it reports any problem), a
 * folder as the `.award` files in it and in its subfolders, sorted (not in `node_modules` or hidden
 * folders; a link to a file is followed, a link to a folder is not, so that no folder is read twice).
 * A folder with none, or one that cannot be read, is an input error in its place.
 */
export function ruleFilesIn(args: readonly string[]): RuleFileArg[] {
  const out: RuleFileArg[] = [];
  for (const arg of args) {
    if (!isFolder(arg)) { out.push({ file: arg }); continue; }
    const found = awardFilesUnder(arg);
    if (found.length) out.push(...found);
    else out.push({ file: arg, error: new InputError('AR6001', [arg, { en: 'it is a folder with no .award files in it', zh: '这是一个文件夹，其中没有 .award 规则文件' }]) });
  }
  return out;
}

/** A rule file to read, or a folder that could not be read or held none (`error`). */
export interface RuleFileArg {
  readonly file: string;
  readonly error?: InputError;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function awardFilesUnder(folder: string): RuleFileArg[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    return [{ file: folder, error: new InputError('AR6001', [folder, reason(e)]) }];
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).flatMap((e) => {
    const path = join(folder, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'node_modules' ? [] : awardFilesUnder(path);
    if (!e.name.endsWith('.award')) return [];
    return e.isFile() || (e.isSymbolicLink() && !isFolder(path)) ? [{ file: path }] : [];
  });
}

/** A rule file: UTF-8 only (rule files are written in editors, which save UTF-8). */
export function readRuleFile(path: string): string {
  const bytes = readBytes(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('AR6002', [path]);
  }
}

/** A data file such as a quota table: UTF-8 if it is valid UTF-8, otherwise GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The file service the checker uses for tables; undefined when a file cannot be read. */
export function readReferencedFile(path: string): string | undefined {
  try {
    return decodeText(readBytes(path)).text;
  } catch {
    return undefined;
  }
}

/** Catalog IDs from a CATALOG.md: the first cell of every table row that looks like J23-CAP-1. */
export function readCatalog(path: string): Set<string> {
  let text: string;
  try {
    text = decodeText(readBytes(path)).text;
  } catch (e) {
    throw e instanceof InputError ? new InputError('AR6004', [path, e.args[1] ?? '']) : e;
  }
  const ids = new Set<string>();
  for (const m of text.matchAll(/^\|\s*([A-Za-z0-9]+-[A-Z]+-\d+)\s*\|/gm)) ids.add(m[1]!);
  if (ids.size === 0) throw new InputError('AR6004', [path, { en: 'it lists no IDs such as J23-CAP-1', zh: '其中没有形如 J23-CAP-1 的条目编号' }]);
  return ids;
}

/**
 * An extra calendar: `[{ "year": 2027, "off": ["01-01", …], "on": ["02-07", …] }]` — weekdays that are
 * holidays and weekend days that are make-up working days, as the State Council publishes them.
 */
export function readCalendarFile(path: string): YearSchedule[] {
  const bad = (why: string, zh: string) => new InputError('AR6001', [path, { en: why, zh }]);
  let data: unknown;
  try {
    data = JSON.parse(decodeText(readBytes(path, 1024 * 1024)).text);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(`not valid JSON (${(e as Error).message})`, `不是有效的 JSON（${(e as Error).message}）`);
  }
  const { schedules, problems } = readYearSchedules(data);
  const first = problems[0];
  if (first) throw bad(first.en, first.zh);
  return schedules;
}
