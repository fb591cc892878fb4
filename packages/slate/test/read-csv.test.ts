/**
 * Reading CSV as Excel and WPS save it: "CSV UTF-8" (with a BOM), plain UTF-8, GB18030 (Excel's "CSV"
 * on a Chinese Windows), quoted cells with commas and line breaks, CRLF; and files that are not CSV text.
 * JSON slates from other systems are read here too.
 */
import { describe, expect, it } from 'vitest';
import { readSlate, SlateReadError } from '../src/index.js';
import { csv, gb18030, HEADER, model, nominee } from './helpers.js';

const rows = (...nominees: (string | null)[][]) => [[...HEADER], ...nominees];
const n = (id: string, name: string, over: Parameters<typeof nominee>[2] = {}) => nominee(id, name, over) as (string | null)[];

async function readError(bytes: Uint8Array, path: string): Promise<SlateReadError> {
  const e = await readSlate(path, bytes, model()).then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(SlateReadError);
  return e as SlateReadError;
}

describe('encodings', () => {
  // 𠮷 is outside the BMP: four bytes in GB18030, and not in GBK at all.
  const text = csv(rows(n('A1', '张三'), n('A2', '吉𠮷'), n('A3', '欧阳·娜娜', { 职级: '副厅级' })));

  it.each([
    ['UTF-8 with a BOM ("CSV UTF-8")', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-8 without a BOM', Buffer.from(text), 'utf-8'],
    ['GB18030 (Excel\'s "CSV" on a Chinese Windows)', gb18030(text), 'gb18030'],
  ])('reads %s and says which encoding it found', async (_, bytes, encoding) => {
    const read = await readSlate('slate.csv', bytes, model());
    expect(read.encoding).toBe(encoding);
    expect(read.format).toBe('csv');
    expect(read.issues).toEqual([]);
    // The BOM does not stick to the first header: 编号 is found.
    expect(read.layout?.fields.get('id')).toBe(0);
    expect(read.slate.nominees.map((x) => [x['id'], x['name'], x['rank'], x['row']])).toEqual([
      ['A1', '张三', 'section', 2], ['A2', '吉𠮷', 'section', 3], ['A3', '欧阳·娜娜', 'vice-bureau', 4],
    ]);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 text, and binary files named .csv', async () => {
    const reason = {
      en: 'it is not a text file in UTF-8 or GB18030 (is it a binary file with the wrong name?); save the slate as .xlsx or as "CSV UTF-8"',
      zh: '它不是 UTF-8 或 GB18030 编码的文本文件（是否为改了扩展名的二进制文件？）；请将名单另存为 .xlsx 或“CSV UTF-8”',
    };
    // 0x81 0x20: a GB18030 lead byte followed by a byte that cannot follow it.
    expect((await readError(Buffer.concat([Buffer.from('编号,姓名\n'), Buffer.from([0x81, 0x20, 0x0a])]), 'slate.csv')).reason).toEqual(reason);
    // A PNG's first bytes happen to decode as GB18030; its NUL bytes give it away.
    expect((await readError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'slate.csv')).reason).toEqual(reason);
    // A workbook renamed .csv.
    expect((await readError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'slate.csv')).reason).toEqual(reason);
  });

  it('refuses UTF-16 text (Excel\'s "Unicode Text") with a way out', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('编号\t姓名\r\n', 'utf16le')]);
    expect((await readError(utf16, 'slate.csv')).reason.zh).toBe('这是 UTF-16 文本（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或 .xlsx');
  });

  it('refuses an empty file and a file with nothing but blank lines', async () => {
    expect((await readError(new Uint8Array(0), 'slate.csv')).reason).toEqual({ en: 'the file is empty (0 bytes)', zh: '文件为空（0 字节）' });
    expect((await readError(Buffer.from('\r\n,,,\r\n\r\n'), 'slate.csv')).reason).toEqual({ en: 'it is empty', zh: '表格为空' });
  });
});

describe('CSV syntax', () => {
  it('reads quoted cells with commas, quotes and line breaks, and CRLF line ends; rows are records, as Excel numbers them', async () => {
    const text = csv(rows(
      n('A1', '张三', { 不良记录: '违法违纪 2023-06-01, 经查属实' }),
      n('A2', '李"小"四'),
      n('A3', '王五', { 不良记录: '违法违纪 2023-06-01\n党纪处分 2022-01-01' }),
      n('A4', '赵六', { 职级: '副厅级' }),
    ), '\r\n');
    const read = await readSlate('slate.csv', Buffer.from(text), model());
    expect(read.slate.nominees.map((x) => [x['id'], x['name'], x['row']])).toEqual([['A1', '张三', 2], ['A2', '李"小"四', 3], ['A3', '王五', 4], ['A4', '赵六', 5]]);
    // '违法违纪 2023-06-01, 经查属实' is a list of two items; the second is not a known record.
    expect(read.issues.map((f) => [f.nominee?.id, f.nominee?.row, f.fields, f.message.zh])).toEqual([
      ['A1', 2, ['records'], '不良记录：“经查属实”不是有效的不良记录'],
    ]);
    // The unreadable item is passed on as null: the list is incomplete, not silently shorter.
    expect(read.slate.nominees[0]!['records']).toEqual([{ kind: 'violation', date: '2023-06-01' }, null]);
    expect(read.slate.nominees[2]!['records']).toEqual([{ kind: 'violation', date: '2023-06-01' }, { kind: 'sanction', date: '2022-01-01' }]);
    expect(read.slate.nominees[3]!['rank']).toBe('vice-bureau');
  });

  it('refuses a file that is not valid CSV, naming the line', async () => {
    const e = await readError(Buffer.from(`${HEADER.join(',')}\nA1,"张三,正科级\n`), 'slate.csv');
    expect(e.reason.en).toMatch(/^it is not valid CSV \(line \d+: /);
    expect(e.reason.zh).toMatch(/^不是有效的 CSV 文件（第 \d+ 行：/);
  });
});

describe('JSON slates', () => {
  it('reads { "nominees": [...] } and a bare list', async () => {
    const list = [{ id: 'A1', name: '张三', award: 'advanced-individual' }];
    for (const json of [{ nominees: list }, list]) {
      const read = await readSlate('slate.json', Buffer.from(JSON.stringify(json)), model());
      expect(read.format).toBe('json');
      expect(read.slate.nominees).toEqual(list);
    }
  });

  it.each([
    ['"x"', { en: 'the JSON has no list of nominees (expected { "nominees": [ … ] })', zh: 'JSON 中没有推荐对象列表（应为 { "nominees": [ … ] }）' }],
    ['{"nominees": 5}', { en: 'the JSON has no list of nominees (expected { "nominees": [ … ] })', zh: 'JSON 中没有推荐对象列表（应为 { "nominees": [ … ] }）' }],
    ['null', { en: 'the JSON has no list of nominees (expected { "nominees": [ … ] })', zh: 'JSON 中没有推荐对象列表（应为 { "nominees": [ … ] }）' }],
    ['{"nominees": []}', { en: 'the list of nominees is empty', zh: '推荐对象列表为空' }],
    ['[{"id": "A1"}, 5, null]', { en: 'nominee 2 of the list is not an object ({ "id": …, "name": …, … })', zh: '列表中第 2 项不是推荐对象记录（应为 { "id": …, "name": …, … }）' }],
    ['{"nominees": [[1, 2]]}', { en: 'nominee 1 of the list is not an object ({ "id": …, "name": …, … })', zh: '列表中第 1 项不是推荐对象记录（应为 { "id": …, "name": …, … }）' }],
  ])('refuses %s', async (json, reason) => {
    expect((await readError(Buffer.from(json), 'slate.json')).reason).toEqual(reason);
  });

  it('refuses JSON that does not parse', async () => {
    const e = await readError(Buffer.from('{"nominees": ['), 'slate.json');
    expect(e.reason.en).toMatch(/^it is not valid JSON \(/);
    expect(e.reason.zh).toMatch(/^不是有效的 JSON（/);
  });
});
