/**
 * The hand-written scanner against Chevrotain's lexer built from the same token definitions: the same
 * tokens (type, text, place), comments and errors, on every rule file in the repository, on mutations
 * of them, and on text made of the characters where the token patterns differ.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../src/syntax/scanner.js';
import { KEYWORDS } from '../src/syntax/keywords.js';
import { BLANKS, FIXED_FORMS, identifierLength, lexWithChevrotain, type LexResult } from '../src/syntax/tokens.js';

const root = new URL('../../../', import.meta.url).pathname;

function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    if (n === 'node_modules' || n.startsWith('.')) return [];
    const p = join(dir, n);
    return statSync(p).isDirectory() ? ruleFiles(p) : p.endsWith('.award') ? [p] : [];
  });
}

const files = [...ruleFiles(join(root, 'examples')), ...ruleFiles(join(root, 'test'))];

/** A lexing as comparable data. */
function shown(r: LexResult) {
  const token = (t: LexResult['tokens'][number]) => `${t.tokenType.name}@${t.startOffset}-${t.endOffset}:${t.image}`;
  return { tokens: r.tokens.map(token), comments: r.comments.map(token), errors: r.errors };
}

function sameAsChevrotain(text: string): void {
  expect(shown(lex(text))).toEqual(shown(lexWithChevrotain(text)));
}

/** Characters at which the patterns of tokens.ts start, stop, nest or differ. */
const TRICKY = [
  ...'ab yes/no y_-.0123456789', ...'"“”\\', '\n', '\r', '\u2028', '\u3000', '\ufeff', '\t', '\u00a0', ...'#@/*{}(),，：:%％',
  ...'<>=!－＞＜＝！≥≤≠→（）、·', ...'年月日区级', '〇', '\ud840\udc00', '\ud840', '\udc00', '?', '$', '\u0000',
];

describe('scanner', () => {
  it('reads every rule file in the repository as Chevrotain does', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) sameAsChevrotain(readFileSync(file, 'utf8'));
  });

  it('reads text made of the characters where the patterns start, stop and nest as Chevrotain does', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }), (chars) => sameAsChevrotain(chars.join(''))), { numRuns: 20_000 });
  });

  it('reads dates, numbers, tags, clauses and strings cut and glued anywhere as Chevrotain does', () => {
    const pieces = ['2024', '-', '3', '03', '123', '年', '月', '日', '.', '5', 'A', '#', 'J23', '@', '四(二)', '"', '\\', '“', '”', 'x', ' ', '\n', '//', '/*', '*/', 'yes/no', '>=', '＞＝'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => sameAsChevrotain(parts.join(''))), { numRuns: 20_000 });
  });

  it('reads what nearly is a date, a number or a glued name as Chevrotain does', () => {
    const digits = fc.integer({ min: 0, max: 5 }).map((n) => '12345'.slice(0, n));
    const sep = fc.constantFrom('-', '年', '月', '日', '.', '', 'A', ' ');
    fc.assert(fc.property(fc.tuple(digits, sep, digits, sep, digits, sep, digits), (parts) => sameAsChevrotain(parts.join(''))), { numRuns: 20_000 });
    for (const text of ['2024-1-1', '2024-01-011', '2024-011-1', '20245-1-1', '123A-5-6', '123--5-6', '2024年12月31日', '2024年123月1日', '5.', '5.5.5', '4A-1']) sameAsChevrotain(text);
  });

  it('reads curly quotes nested to any depth, closed or not, as Chevrotain does', () => {
    const nested: fc.Arbitrary<string> = fc.letrec<{ text: string }>((tie) => ({
      text: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('a', '', '\n', '"', '”'),
        fc.tuple(fc.constantFrom('“', '“a'), tie('text'), fc.constantFrom('”', '', '\r', 'b”')).map((p) => p.join('')),
        fc.tuple(tie('text'), tie('text')).map((p) => p.join('')),
      ),
    })).text;
    fc.assert(fc.property(nested, (text) => sameAsChevrotain(`${text} x`)), { numRuns: 20_000 });
    // Four levels are text; a fifth is not.
    sameAsChevrotain('“1“2“3“4”4”3”2” “1“2“3“4“5”5”4”3”2”');
  });

  it('reads mutated rule files as Chevrotain does', () => {
    const texts = files.map((f) => readFileSync(f, 'utf8')).filter((t) => t.length > 0);
    fc.assert(fc.property(
      fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.constantFrom(...TRICKY, ''),
      (text, a, b, insert) => {
        const from = a % text.length;
        const to = Math.min(text.length, from + (b % 40));
        sameAsChevrotain(text.slice(0, from) + insert + text.slice(to));
      },
    ), { numRuns: 3_000 });
  });

  it('reads every character after the first characters of each token as Chevrotain does', () => {
    // Where a pattern decides whether to go on (`@` clauses stop at any \\s, `yes/no` at a name
    // character, strings at line terminators, …), every UTF-16 code unit is tried there.
    const openings = ['', 'a', '@', '@x', '#a', 'yes/no', '5', '5A', '2024-1-', '"', '"\\', '“', '//', '/*', '-', '\ud840', '＞', '?'];
    // Compared as one line of text each (`expect` per input would take most of a minute).
    const signature = (r: LexResult) => JSON.stringify(shown(r));
    for (const opening of openings) {
      for (let c = 0; c <= 0xffff; c++) {
        const text = `${opening}${String.fromCharCode(c)}x`;
        const ours = signature(lex(text));
        const theirs = signature(lexWithChevrotain(text));
        if (ours !== theirs) expect(ours, JSON.stringify(text)).toBe(theirs);
      }
    }
  });

  it('needs no second look at a character: fixed spellings start where no other token can, keywords are spelt once', () => {
    const others = new Set([...BLANKS, ...'0123456789/"“#@']);
    for (const [type, forms] of FIXED_FORMS) {
      for (const form of forms) {
        expect(others.has(form[0]!) || identifierLength(form, 0) > 0, `${type.name} ${form}`).toBe(false);
      }
    }
    const spellings = KEYWORDS.flatMap((k) => k.spellings);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it('reads any string as Chevrotain does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), sameAsChevrotain), { numRuns: 5_000 });
  });
});
