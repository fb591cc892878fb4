/**
 * The lexer the language reads files with: the tokens of tokens.ts, matched as Chevrotain's lexer
 * matches them, written out by hand. At each place the first token type in `LEXED` order whose
 * pattern matches wins; characters no pattern matches are one error, up to the next place where one
 * does. It gives exactly what `lexWithChevrotain` gives (scanner.test.ts compares the two on the
 * examples, on generated and mutated text, and at every character after each token's first ones),
 * in about two thirds of the time Chevrotain's lexer took: no regular expression is run and nothing
 * is made but the tokens.
 *
 * Fixed spellings (operators, brackets) come from the token definitions (`FIXED_FORMS`), names from
 * `identifierLength`/`digitNameLength`, blanks from `BLANKS`; the other patterns are written out below,
 * each next to the regular expression it reads as.
 */
import type { IToken, TokenType } from 'chevrotain';
import {
  BLANKS, BlockComment, Clause, CURLY_NESTING, DateLiteral, digitNameLength, DigitName, FIXED_FORMS, identifierLength, Identifier, isDigit,
  keywordAt, LEXED, LineComment, newToken, NumberLiteral, StringLiteral, Tag, UnclosedBlockComment, UnclosedString, WhiteSpace, YesNoType,
  type LexResult,
} from './tokens.js';

export type { LexResult } from './tokens.js';

const enum C {
  Tab = 9, LF = 10, CR = 13, Space = 32, Quote = 34, Hash = 35, Star = 42, Comma = 44, Minus = 45, Dot = 46,
  Slash = 47, At = 64, Backslash = 92, LBrace = 123, RBrace = 125,
  LeftCurly = 0x201c, RightCurly = 0x201d, LineSeparator = 0x2028, ParagraphSeparator = 0x2029, Year = 0x5e74, Month = 0x6708, Day = 0x65e5,
  FullWidthComma = 0xff0c,
}

/** A character `.` does not match (without the `s` flag). */
function isLineTerminator(c: number): boolean {
  return c === C.LF || c === C.CR || c === C.LineSeparator || c === C.ParagraphSeparator;
}

/** What `\s` matches. */
function isRegExpSpace(c: number): boolean {
  return (c >= C.Tab && c <= C.CR) || c === C.Space || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === C.LineSeparator || c === C.ParagraphSeparator || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** 1 at the UTF-16 code of each blank: one typed-array read per character of a run of blanks. */
const BLANK = new Uint8Array(0x10000);
for (const b of BLANKS) BLANK[b.charCodeAt(0)] = 1;

/**
 * Token types by their place in `LEXED`, which is what the scanner works with: a number in, two array
 * reads out, where reading a type's `tokenTypeIdx` off the token type objects (of many shapes) was slow.
 */
const kind = (type: TokenType) => LEXED.indexOf(type);
const TYPE_INDEXES = LEXED.map((t) => t.tokenTypeIdx!);
const [WHITESPACE, LINE_COMMENT, BLOCK_COMMENT, UNCLOSED_BLOCK_COMMENT, STRING, UNCLOSED_STRING, TAG, CLAUSE, DATE, DIGIT_NAME, NUMBER, YES_NO, IDENTIFIER] = [
  WhiteSpace, LineComment, BlockComment, UnclosedBlockComment, StringLiteral, UnclosedString, Tag, Clause, DateLiteral, DigitName, NumberLiteral,
  YesNoType, Identifier,
].map(kind) as [number, number, number, number, number, number, number, number, number, number, number, number, number];

/** Fixed spellings by their first character, in the order the lexer tries them. */
const FIXED_BY_FIRST = new Map<number, { readonly form: string; readonly kind: number }[]>();
for (const type of LEXED) {
  for (const form of FIXED_FORMS.get(type) ?? []) {
    const c = form.charCodeAt(0);
    let list = FIXED_BY_FIRST.get(c);
    if (!list) FIXED_BY_FIRST.set(c, (list = []));
    list.push({ form, kind: kind(type) });
  }
}

/** The kind of the token `tokenEnd` found last (an out-parameter, so that no result object is made per token). */
let found = WHITESPACE;

/** Where the token starting at `i` ends, its type in `found`; -1 if no token starts at `i`. */
function tokenEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (BLANK[c] === 1) {
    let j = i + 1;
    while (BLANK[text.charCodeAt(j)] === 1) j++;
    found = WHITESPACE;
    return j;
  }
  switch (c) {
    case C.Slash: return commentEnd(text, i);
    case C.Quote: case C.LeftCurly: return stringEnd(text, i);
    case C.Hash: return tagEnd(text, i);
    case C.At: return clauseEnd(text, i);
  }
  if (isDigit(c)) return numericEnd(text, i);
  const fixed = FIXED_BY_FIRST.get(c);
  if (fixed) {
    for (const f of fixed) {
      if (text.startsWith(f.form, i)) { found = f.kind; return i + f.form.length; }
    }
    return -1;
  }
  if (c === 121 /* y */ && text.startsWith('yes/no', i) && !yesNoFollower(text.charCodeAt(i + 6))) { found = YES_NO; return i + 6; }
  const n = identifierLength(text, i);
  found = IDENTIFIER;
  return n > 0 ? i + n : -1;
}

/** `//[^\n\r]*`, `/\*[\s\S]*?\*\/`, then `/\*[\s\S]*`. */
function commentEnd(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (next === C.Slash) {
    let j = i + 2;
    for (let c = text.charCodeAt(j); j < text.length && c !== C.LF && c !== C.CR; c = text.charCodeAt(++j));
    found = LINE_COMMENT;
    return j;
  }
  if (next !== C.Star) return -1;
  const close = text.indexOf('*/', i + 2);
  found = close < 0 ? UNCLOSED_BLOCK_COMMENT : BLOCK_COMMENT;
  return close < 0 ? text.length : close + 2;
}

/** Where `(?:[^"\\\r\n]|\\.)*` stops, from just after an opening `"`. */
function straightRun(text: string, j: number): number {
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === C.Backslash) {
      if (j + 1 >= text.length || isLineTerminator(text.charCodeAt(j + 1))) return j;
      j += 2;
    } else if (j >= text.length || c === C.Quote || c === C.CR || c === C.LF) return j;
    else j++;
  }
}

/** Curly-quoted text nested up to `depth` deep: `“(?:[^“”\r\n]|<depth - 1>)*”`; -1 if it is not closed. */
function curlyEnd(text: string, i: number, depth: number): number {
  for (let j = i + 1; j < text.length;) {
    const c = text.charCodeAt(j);
    if (c === C.RightCurly) return j + 1;
    if (c === C.CR || c === C.LF) return -1;
    if (c === C.LeftCurly) {
      if (depth <= 1) return -1;
      j = curlyEnd(text, j, depth - 1);
      if (j < 0) return -1;
    } else j++;
  }
  return -1;
}

/** StringLiteral, else UnclosedString (`"(?:[^"\\\r\n]|\\.)*` or `“[^\r\n]*`). */
function stringEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === C.Quote) {
    const j = straightRun(text, i + 1);
    const closed = text.charCodeAt(j) === C.Quote;
    found = closed ? STRING : UNCLOSED_STRING;
    return closed ? j + 1 : j;
  }
  const end = curlyEnd(text, i, CURLY_NESTING);
  if (end >= 0) { found = STRING; return end; }
  let j = i + 1;
  for (let c = text.charCodeAt(j); j < text.length && c !== C.LF && c !== C.CR; c = text.charCodeAt(++j));
  found = UNCLOSED_STRING;
  return j;
}

function isTagChar(c: number, first: boolean): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (!first && (c === 95 || c === C.Dot || c === C.Minus));
}

/** `#[A-Za-z0-9][A-Za-z0-9_.\-]*`. */
function tagEnd(text: string, i: number): number {
  if (!isTagChar(text.charCodeAt(i + 1), true)) return -1;
  let j = i + 2;
  while (isTagChar(text.charCodeAt(j), false)) j++;
  found = TAG;
  return j;
}

/** `@(?:"(?:[^"\\\r\n]|\\.)*"|[^\s#{}",，]+)`. */
function clauseEnd(text: string, i: number): number {
  found = CLAUSE;
  if (text.charCodeAt(i + 1) === C.Quote) {
    const j = straightRun(text, i + 2);
    return text.charCodeAt(j) === C.Quote ? j + 1 : -1;
  }
  let j = i + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isRegExpSpace(c) || c === C.Hash || c === C.LBrace || c === C.RBrace || c === C.Quote || c === C.Comma || c === C.FullWidthComma) break;
  }
  return j > i + 1 ? j : -1;
}

/** The end of the digits from `j`. */
function digitsEnd(text: string, j: number): number {
  while (isDigit(text.charCodeAt(j))) j++;
  return j;
}

/** Where one or two digits from `j` end, if what follows them is `after`; else -1 (`\d{1,2}` then `after`). */
function oneOrTwoDigitsThen(text: string, j: number, after: number): number {
  const end = digitsEnd(text, j);
  return end - j >= 1 && end - j <= 2 && text.charCodeAt(end) === after ? end : -1;
}

/** DateLiteral, DigitName, then NumberLiteral. */
function numericEnd(text: string, i: number): number {
  const date = dateEnd(text, i);
  if (date >= 0) { found = DATE; return date; }
  const name = digitNameLength(text, i);
  if (name > 0) { found = DIGIT_NAME; return i + name; }
  found = NUMBER;
  const whole = digitsEnd(text, i);
  return text.charCodeAt(whole) === C.Dot && isDigit(text.charCodeAt(whole + 1)) ? digitsEnd(text, whole + 1) : whole;
}

/** `\d{4}-\d{1,2}-\d{1,2}(?![\d])|\d{4}年\d{1,2}月\d{1,2}日`. */
function dateEnd(text: string, i: number): number {
  if (digitsEnd(text, i) < i + 4) return -1;
  const sep = text.charCodeAt(i + 4);
  if (sep === C.Minus) {
    const month = oneOrTwoDigitsThen(text, i + 5, C.Minus);
    if (month < 0) return -1;
    const end = digitsEnd(text, month + 1);
    return end - (month + 1) >= 1 && end - (month + 1) <= 2 ? end : -1;
  }
  if (sep !== C.Year) return -1;
  const month = oneOrTwoDigitsThen(text, i + 5, C.Month);
  const day = month < 0 ? -1 : oneOrTwoDigitsThen(text, month + 1, C.Day);
  return day < 0 ? -1 : day + 1;
}

/** What may not follow `yes/no`: `(?![A-Za-z0-9_\-\u3400-\u9fff])`. */
function yesNoFollower(c: number): boolean {
  return isTagChar(c, true) || c === 95 || c === C.Minus || (c >= 0x3400 && c <= 0x9fff);
}

/** Lexes `text`: its tokens, its comments, and where there are characters no token can start with. */
export function lex(text: string): LexResult {
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const errors: { offset: number; length: number }[] = [];
  const length = text.length;
  for (let i = 0; i < length;) {
    const end = tokenEnd(text, i);
    if (end < 0) {
      const start = i;
      do i++; while (i < length && tokenEnd(text, i) < 0);
      errors.push({ offset: start, length: i - start });
      continue;
    }
    const k = found;
    if (k !== WHITESPACE) {
      const keyword = k === IDENTIFIER ? keywordAt(text, i, end) : undefined;
      const token = keyword
        ? newToken(keyword.spelling, i, keyword.type, keyword.tokenTypeIdx)
        : newToken(text.slice(i, end), i, LEXED[k]!, TYPE_INDEXES[k]!);
      if (k === LINE_COMMENT || k === BLOCK_COMMENT || k === UNCLOSED_BLOCK_COMMENT) comments.push(token);
      else tokens.push(token);
    }
    i = end;
  }
  return { tokens, comments, errors };
}
