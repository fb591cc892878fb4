/**
 * The tokens of the language, each defined once. Words are lexed as identifiers and then looked up in
 * the keyword table (keywords.ts), so a keyword is a whole word: `attested` is a name, `attest` a keyword.
 *
 * Chevrotain 11 ignores the regex `u` flag, so identifiers are matched by hand: ASCII letters, CJK
 * ideographs (including supplementary planes such as 𠀀, as surrogate pairs), digits and hyphens inside,
 * and full-width brackets and 、 inside a Chinese name (县（市、区）级). A name may also start with
 * digits (`4A`, `5A区`, `3A级`); digits glued to a unit word are a quantity (`5years`, `5年`, `5个工作日`).
 *
 * Full-width operators are read as their ASCII forms, as NFKC would have them: `＞＝` is `>=`, `＝` is `=`.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { KEYWORDS, type KeywordDef } from './keywords.js';

// ── Characters ────────────────────────────────────────────────────────────────────────────────
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd840 && c <= 0xd88c; // CJK Extensions B–H: U+20000–U+323AF
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
const FW_LPAREN = 0xff08;
const FW_RPAREN = 0xff09;
const IDEOGRAPHIC_COMMA = 0x3001;
const MIDDLE_DOT = 0x00b7; // names such as 买买提·艾力

/** Length of the identifier starting at `offset`, or 0. */
export function identifierLength(text: string, offset: number): number {
  let i = offset;
  const first = text.charCodeAt(i);
  if (isAsciiLetter(first) || isCjk(first)) i++;
  else if (isHighSurrogate(first) && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
  else return 0;
  let depth = 0; // full-width brackets must balance inside a name
  let end = i;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isAsciiLetter(c) || isDigit(c) || isCjk(c) || c === MIDDLE_DOT) i++;
    else if (c === 45 /* - */) i++;
    else if (isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
    else if (c === FW_LPAREN) { depth++; i++; }
    else if (c === FW_RPAREN && depth > 0) { depth--; i++; }
    else if (c === IDEOGRAPHIC_COMMA && depth > 0) i++;
    else break;
    // A name may not end in a hyphen or inside an open bracket.
    if (depth === 0 && text.charCodeAt(i - 1) !== 45) end = i;
  }
  return end - offset;
}

/**
 * Length of the name starting with digits at `offset` (`4A`, `5A区`, `500KB`, `5年`), or 0: digits
 * followed by a name. Whether it is a name or a glued quantity is decided later (from-cst.ts).
 */
export function digitNameLength(text: string, offset: number): number {
  let i = offset;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i === offset) return 0;
  const n = identifierLength(text, i);
  return n > 0 ? i - offset + n : 0;
}

const identifierStartHints: number[] = (() => {
  const hints: number[] = [];
  for (let c = 65; c <= 90; c++) hints.push(c);
  for (let c = 97; c <= 122; c++) hints.push(c);
  hints.push(95, 0x3007);
  // Chevrotain puts char codes above 255 in buckets of 255 (255 + code / 255, its
  // charCodeToOptimizedIndex), so one code every 255 is enough as a hint; lexer.test.ts checks it.
  for (const [lo, hi] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xd840, 0xd88c]] as const) {
    for (let c = lo; c <= hi; c += 255) hints.push(c);
    hints.push(hi);
  }
  return hints;
})();

// ── Categories: one token type that stands for several, so the parser consumes them in one step ─
/** Anything that names something: a word or quoted text. */
export const NameTok = createToken({ name: 'NameTok', pattern: Lexer.NA, label: 'name' });
/** A bare word that declares something (never quoted text). */
export const WordTok = createToken({ name: 'WordTok', pattern: Lexer.NA, label: 'name', categories: [NameTok] });
export const CmpTok = createToken({ name: 'CmpTok', pattern: Lexer.NA, label: 'comparison' });
export const UnitTok = createToken({ name: 'UnitTok', pattern: Lexer.NA, label: 'unit' });

// ── Tokens ────────────────────────────────────────────────────────────────────────────────────
// Every token says which characters it can start with (`start_chars_hint`), for Chevrotain's lexer,
// which would otherwise work them out from each regular expression when it is built. Files are read
// by scanner.ts; Chevrotain's lexer is the reference it is tested against (`lexWithChevrotain`), and
// lexer.test.ts holds the hints to what Chevrotain works out.
const DIGITS = [...'0123456789'];
/** The characters that separate tokens (and nothing else). */
export const BLANKS = ' \t\r\n\u3000\ufeff';
export const WhiteSpace = createToken({
  name: 'WhiteSpace', pattern: new RegExp(`[${BLANKS}]+`), group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: [...BLANKS],
});
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments', start_chars_hint: ['/'] });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true, start_chars_hint: ['/'] });
/** An unclosed block comment runs to the end of the file; it is reported, and kept as a comment. */
export const UnclosedBlockComment = createToken({ name: 'UnclosedBlockComment', pattern: /\/\*[\s\S]*/, group: 'comments', line_breaks: true, start_chars_hint: ['/'] });

/**
 * How deep curly quotes may nest inside curly-quoted text: `“保持良好的“亲清”关系”` is one text, closed
 * by the ” that matches its “. Straight-quoted text does not nest (it has escapes instead).
 */
export const CURLY_NESTING = 4;
function curlyText(depth: number): string {
  return depth <= 1 ? '“[^“”\\r\\n]*”' : `“(?:[^“”\\r\\n]|${curlyText(depth - 1)})*”`;
}
export const StringLiteral = createToken({
  name: 'StringLiteral', pattern: new RegExp(`"(?:[^"\\\\\\r\\n]|\\\\.)*"|${curlyText(CURLY_NESTING)}`), label: 'string', categories: [NameTok],
  start_chars_hint: ['"', '“'],
});
/** A string with no closing quote on its line; reported, and read as if closed at the end of the line. */
export const UnclosedString = createToken({
  name: 'UnclosedString', pattern: /"(?:[^"\\\r\n]|\\.)*|“[^\r\n]*/, label: 'string', categories: [StringLiteral, NameTok],
  start_chars_hint: ['"', '“'],
});
export const Tag = createToken({ name: 'Tag', pattern: /#[A-Za-z0-9][A-Za-z0-9_.\-]*/, label: 'tag', start_chars_hint: ['#'] });
export const Clause = createToken({
  name: 'Clause', pattern: /@(?:"(?:[^"\\\r\n]|\\.)*"|[^\s#{}",，]+)/, label: 'clause', start_chars_hint: ['@'],
});
export const DateLiteral = createToken({
  name: 'DateLiteral', pattern: /\d{4}-\d{1,2}-\d{1,2}(?![\d])|\d{4}年\d{1,2}月\d{1,2}日/, label: 'date', start_chars_hint: DIGITS,
});
/**
 * What a custom matcher (below) returns: the text matched, at [0]. One array serves every match,
 * since the lexer reads `[0]` (and `payload`, never set) as soon as a matcher returns and keeps
 * neither; an array per token was garbage to collect.
 */
const matched = [''] as unknown as RegExpExecArray;

function match(text: string, offset: number, length: number): RegExpExecArray | null {
  if (!(length > 0)) return null;
  matched[0] = text.slice(offset, offset + length);
  return matched;
}

/** A number glued to a name: a name such as `4A` or `5A区`, or a quantity such as `500KB`, `5years`, `5年`. */
export const DigitName = createToken({
  name: 'DigitName',
  pattern: { exec: (text: string, offset: number) => match(text, offset, digitNameLength(text, offset)) },
  start_chars_hint: [48, 49, 50, 51, 52, 53, 54, 55, 56, 57],
  line_breaks: false,
  label: 'name',
  categories: [WordTok, NameTok],
});
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/, label: 'number', start_chars_hint: DIGITS });

/**
 * A token spelt as one of `forms`: its pattern and the characters it starts with, from the one list.
 * Single characters go in one character class, which the lexer matches faster than alternatives.
 */
function fixed(name: string, forms: readonly string[], extra: { label: string; categories?: TokenType[] }): TokenType {
  const escape = (f: string) => f.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const chars = forms.filter((f) => f.length === 1);
  const longer = forms.filter((f) => f.length > 1);
  const alternatives = [...longer.map(escape), ...(chars.length ? [`[${chars.map(escape).join('')}]`] : [])];
  const type = createToken({ name, pattern: new RegExp(alternatives.join('|')), start_chars_hint: [...new Set(forms.map((f) => f[0]!))], ...extra });
  FIXED_FORMS.set(type, [...longer, ...chars]);
  return type;
}

/** The spellings of each token written as fixed text, in the order its pattern tries them (for scanner.ts). */
export const FIXED_FORMS = new Map<TokenType, readonly string[]>();

export const Percent = fixed('Percent', ['%', '％'], { label: "'%'", categories: [UnitTok] });
// Operators: the ASCII form, its full-width forms (NFKC gives the ASCII one) and the mathematical sign.
export const Arrow = fixed('Arrow', ['->', '－>', '-＞', '－＞', '→'], { label: "'->'" });
// `..`, typed full width, and the dash the notices join years with (2018—2020年度).
export const DotDot = fixed('DotDot', ['..', '．．', '——', '—'], { label: "'..'" });
export const GreaterEq = fixed('GreaterEq', ['>=', '＞=', '>＝', '＞＝', '≥'], { label: "'>='", categories: [CmpTok] });
export const LessEq = fixed('LessEq', ['<=', '＜=', '<＝', '＜＝', '≤'], { label: "'<='", categories: [CmpTok] });
export const NotEq = fixed('NotEq', ['!=', '！=', '!＝', '！＝', '≠'], { label: "'!='", categories: [CmpTok] });
export const Equals = fixed('Equals', ['=', '＝'], { label: "'='", categories: [CmpTok] });
export const Greater = fixed('Greater', ['>', '＞'], { label: "'>'", categories: [CmpTok] });
export const Less = fixed('Less', ['<', '＜'], { label: "'<'", categories: [CmpTok] });
export const LBrace = fixed('LBrace', ['{', '｛'], { label: "'{'" });
export const RBrace = fixed('RBrace', ['}', '｝'], { label: "'}'" });
export const LParen = fixed('LParen', ['(', '（'], { label: "'('" });
export const RParen = fixed('RParen', [')', '）'], { label: "')'" });
export const Comma = fixed('Comma', [',', '，'], { label: "','" });
export const Colon = fixed('Colon', [':', '：'], { label: "':'" });
/** `yes/no` is the one keyword that is not a single word; its other spelling 是否 is a word like any other. */
export const YesNoType = createToken({ name: 'YesNo', pattern: /yes\/no(?![A-Za-z0-9_\-\u3400-\u9fff])/, start_chars_hint: ['y'], label: "'yes/no'" });
export const Identifier = createToken({
  name: 'Identifier',
  pattern: { exec: (text: string, offset: number) => match(text, offset, identifierLength(text, offset)) },
  start_chars_hint: identifierStartHints,
  line_breaks: false,
  label: 'name',
  categories: [WordTok, NameTok],
});

/** Keyword token types: never matched by the lexer itself, assigned to identifiers by spelling. */
export const KEYWORD_TOKENS: Readonly<Record<string, TokenType>> = {
  ...Object.fromEntries(
    KEYWORDS.filter((kw) => kw.name !== 'YesNo').map((kw) => [kw.name, createToken({
      name: kw.name, pattern: Lexer.NA, label: `'${kw.spellings[0]}'`, ...(kw.category === 'unit' ? { categories: [UnitTok] } : {}),
    })]),
  ),
  YesNo: YesNoType,
};

interface KeywordSpelling {
  readonly spelling: string;
  readonly type: TokenType;
  readonly tokenTypeIdx: number;
  readonly def: KeywordDef;
}

const keywordBySpelling = new Map<string, KeywordSpelling>();
/** The same spellings by their first character (see `keywordAt`). */
const keywordsByFirst = new Map<number, KeywordSpelling[]>();
for (const def of KEYWORDS) {
  const type = KEYWORD_TOKENS[def.name]!;
  for (const spelling of def.spellings) {
    const k: KeywordSpelling = { spelling, type, tokenTypeIdx: type.tokenTypeIdx!, def };
    keywordBySpelling.set(spelling, k);
    const first = spelling.charCodeAt(0);
    keywordsByFirst.set(first, [...(keywordsByFirst.get(first) ?? []), k]);
  }
}

/** The keyword spelt `word`, if any. */
export function keywordFor(word: string): KeywordDef | undefined {
  return keywordBySpelling.get(word)?.def;
}

/**
 * The keyword spelt by the word from `start` to `end` in `text`, found without cutting the word out:
 * a keyword's token can then take the keyword's own spelling as its text, and the lexer makes no string
 * for it (nor works out the hash of one to look it up).
 */
export function keywordAt(text: string, start: number, end: number): KeywordSpelling | undefined {
  const candidates = keywordsByFirst.get(text.charCodeAt(start));
  if (candidates === undefined) return undefined;
  const length = end - start;
  for (let i = 0; i < candidates.length; i++) {
    const k = candidates[i]!;
    if (k.spelling.length === length && text.startsWith(k.spelling, start)) return k;
  }
  return undefined;
}

/** Lexer modes in priority order: the first pattern that matches wins. */
export const LEXED: readonly TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnclosedBlockComment, StringLiteral, UnclosedString, Tag, Clause,
  DateLiteral, DigitName, NumberLiteral, Percent, Arrow, DotDot, GreaterEq, LessEq, NotEq, Equals, Greater, Less,
  LBrace, RBrace, LParen, RParen, Comma, Colon, YesNoType, Identifier,
];

/** Every token type the parser knows (lexed ones plus keywords). */
export const ALL_TOKENS: TokenType[] = [...LEXED, ...Object.values(KEYWORD_TOKENS).filter((t) => t !== YesNoType), NameTok, WordTok, CmpTok, UnitTok];

export const COMPARISON_TOKENS = [GreaterEq, LessEq, NotEq, Equals, Greater, Less] as const;

export function createLexer(options: { validate: boolean }): Lexer {
  return new Lexer([...LEXED], {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
    skipValidations: !options.validate,
  });
}

/**
 * A token as the lexers make it, with its `endOffset` from the start. Chevrotain's offset-only tokens
 * have four properties; adding `endOffset` afterwards gave every token a second, out-of-object property
 * store, which a large file paid for in memory and garbage collection.
 */
export function newToken(image: string, startOffset: number, tokenType: TokenType, tokenTypeIdx: number): IToken {
  return { image, startOffset, tokenTypeIdx, tokenType, endOffset: startOffset + image.length - 1 } as IToken;
}

/** A token of `tokenType`, or of its keyword type if it is a word spelt as a keyword. */
function makeToken(image: string, startOffset: number, tokenType: TokenType): IToken {
  const kw = tokenType === Identifier ? keywordBySpelling.get(image) : undefined;
  return kw ? newToken(image, startOffset, kw.type, kw.tokenTypeIdx) : newToken(image, startOffset, tokenType, tokenType.tokenTypeIdx!);
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly errors: readonly { readonly offset: number; readonly length: number }[];
}

let chevrotainLexer: Lexer | undefined;

/**
 * Lexes `text` with Chevrotain's lexer, built from the token definitions above. The language reads
 * files with scanner.ts, which does the same by hand and faster; this is what it is tested against.
 */
export function lexWithChevrotain(text: string): LexResult {
  chevrotainLexer ??= createLexer({ validate: false });
  const result = chevrotainLexer.tokenize(text);
  // An indexed loop: `for … of` here made an iterator result per token.
  const finish = (list: IToken[]) => {
    for (let i = 0; i < list.length; i++) list[i] = makeToken(list[i]!.image, list[i]!.startOffset, list[i]!.tokenType);
    return list;
  };
  return {
    tokens: finish(result.tokens),
    comments: finish(result.groups['comments'] ?? []),
    errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })),
  };
}
