/**
 * The TextMate grammar of the language (grammar/award.tmLanguage.json), built from the keyword table
 * (keywords.ts) and the token definitions (tokens.ts), so that editors highlight exactly what the lexer
 * reads: a new keyword or spelling highlights without touching this file.
 *
 * How it mirrors the lexer. The lexer tries its token patterns in order at each offset and takes the
 * first that matches; a TextMate scanner takes the match that starts earliest and, among those, the
 * first pattern. With the patterns below in the lexer's order the two split a line the same way:
 * whole names are consumed by a name pattern, so a keyword can never be found in the middle of a
 * name, and keyword patterns (listed just before it) only match where the name would end, checked
 * with a lookahead built from the lexer's own identifier rule. Oniguruma's `\b` is of no use here: it
 * sees no boundary between two CJK characters.
 *
 * The characters a name may start with and continue with are read off `identifierLength` itself, code
 * point by code point; its hyphen and full-width bracket rules are checked by probes, and any other
 * assumption about a token pattern is checked too, so a lexer change that this file does not model
 * fails loudly instead of producing a grammar that disagrees with the lexer.
 */
import type { TokenType } from 'chevrotain';
import { KEYWORDS, type KeywordCategory } from './keywords.js';
import {
  Arrow, BlockComment, Clause, Colon, Comma, DateLiteral, digitNameLength, DotDot, Equals, Greater, GreaterEq, identifierLength,
  LBrace, LParen, Less, LessEq, LineComment, NotEq, NumberLiteral, Percent, RBrace, RParen, StringLiteral, Tag,
  UnclosedString,
} from './tokens.js';

/** The scope (before the `.award` suffix) of each kind of keyword. */
export const KEYWORD_SCOPES: Readonly<Record<KeywordCategory, string>> = {
  declaration: 'keyword.other.declaration',
  rule: 'keyword.control.rule',
  connective: 'keyword.operator.word',
  total: 'variable.language.total',
  material: 'keyword.other.material',
  unit: 'keyword.other.unit',
  type: 'storage.type',
  literal: 'constant.language',
};

/** The scopes of everything that is not a keyword (before the `.award` suffix). */
export const TOKEN_SCOPES = {
  lineComment: 'comment.line.double-slash',
  blockComment: 'comment.block',
  commentPunctuation: 'punctuation.definition.comment',
  doubleQuoted: 'string.quoted.double',
  curlyQuoted: 'string.quoted.other.curly',
  escape: 'constant.character.escape',
  tag: 'entity.name.tag',
  clause: 'support.other.clause',
  date: 'constant.numeric.date',
  number: 'constant.numeric',
  unit: 'keyword.other.unit',
  arrow: 'keyword.operator.arrow',
  range: 'keyword.operator.range',
  comparison: 'keyword.operator.comparison',
  braceBegin: 'punctuation.section.block.begin',
  braceEnd: 'punctuation.section.block.end',
  parenBegin: 'punctuation.section.parens.begin',
  parenEnd: 'punctuation.section.parens.end',
  comma: 'punctuation.separator.comma',
  colon: 'punctuation.separator.colon',
} as const;

const SUFFIX = '.award';
const scope = (s: string): string => s + SUFFIX;

/** A TextMate rule, as far as this grammar uses it. */
export interface TmRule {
  readonly comment?: string;
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly include?: string;
  readonly captures?: Readonly<Record<string, TmCapture>>;
  readonly beginCaptures?: Readonly<Record<string, TmCapture>>;
  readonly endCaptures?: Readonly<Record<string, TmCapture>>;
  readonly patterns?: readonly TmRule[];
}

export interface TmCapture {
  readonly name?: string;
  readonly patterns?: readonly TmRule[];
}

export interface TmGrammar {
  readonly information_for_contributors: readonly string[];
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly patterns: readonly TmRule[];
  readonly repository: Readonly<Record<string, TmRule>>;
}

// ── JavaScript regular expressions as Oniguruma ones ─────────────────────────────────────────────
// Oniguruma reads `\d`, `\s` and `.` by Unicode rules (`\d` matches ０-９, `\s` lacks U+FEFF), so the
// JavaScript meanings are spelt out.
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/** The Oniguruma form of a JavaScript regular expression source (the subset token patterns use). */
export function toOniguruma(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[++i];
      if (e === undefined) throw new Error(`textmate: trailing backslash in /${source}/`);
      if (e === 'd') out += inClass ? '0-9' : '[0-9]';
      else if (e === 'D' && !inClass) out += '[^0-9]';
      else if (e === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (e === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) {
        out += `\\x{${source.slice(i + 1, i + 5).toUpperCase()}}`;
        i += 4;
      } else if (/[A-Za-z0-9]/.test(e) && !'nrtf'.includes(e)) {
        throw new Error(`textmate: \\${e} in /${source}/ has no Oniguruma translation here`);
      } else out += `\\${e}`;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') throw new Error(`textmate: a class starting with ] in /${source}/ is not supported`);
    } else if (c === '.') out += JS_DOT;
    else if (c === '(' && source[i + 1] === '?' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      throw new Error(`textmate: named groups in /${source}/ are not supported`);
    } else out += c;
  }
  return out;
}

/** The source of a token's regular expression, checked to carry no flags. */
function patternOf(token: TokenType): string {
  const p = token.PATTERN;
  if (!(p instanceof RegExp)) throw new Error(`textmate: token ${token.name} has no regular expression`);
  if (p.flags !== '') throw new Error(`textmate: token ${token.name} has flags /${p.flags}, which are not mirrored`);
  return p.source;
}

/** The top-level alternatives of a regular expression source. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) { if (c === ']') inClass = false; }
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(source.slice(start, i)); start = i + 1; }
  }
  parts.push(source.slice(start));
  return parts;
}

function expectSource(token: TokenType, expected: string): string {
  const source = patternOf(token);
  if (source !== expected) {
    throw new Error(`textmate: token ${token.name} is now /${source}/, but the grammar models /${expected}/; update textmate.ts`);
  }
  return source;
}

// ── Names: the lexer's identifier rule as a regular expression ──────────────────────────────────
const FW_LPAREN = '（';
const FW_RPAREN = '）';
const IDEOGRAPHIC_COMMA = '、';

interface NameClasses {
  /** Characters a name starts with. */
  readonly start: string;
  /** Characters a name may continue with and end on. */
  readonly part: string;
}

function hex(c: number): string {
  return `\\x{${c.toString(16).toUpperCase().padStart(2, '0')}}`;
}

function classChar(c: number): string {
  return /[A-Za-z0-9_]/.test(String.fromCharCode(c)) && c < 128 ? String.fromCharCode(c) : hex(c);
}

/** An Oniguruma character class (without brackets) for the code points `test` accepts. */
function codePointClass(test: (ch: string) => boolean): string {
  let out = '';
  let lo = -1;
  const flush = (hi: number): void => {
    if (lo < 0) return;
    out += hi === lo ? classChar(lo) : hi === lo + 1 ? classChar(lo) + classChar(hi) : `${classChar(lo)}-${classChar(hi)}`;
    lo = -1;
  };
  for (let c = 0; c <= 0x10ffff; c++) {
    const yes = (c < 0xd800 || c > 0xdfff) && test(String.fromCodePoint(c));
    if (yes && lo < 0) lo = c;
    else if (!yes) flush(c - 1);
  }
  flush(0x10ffff);
  return out;
}

let nameClassesCache: NameClasses | undefined;

/** The start and part classes, read off `identifierLength`, and its other rules checked by probes. */
function nameClasses(): NameClasses {
  if (nameClassesCache) return nameClassesCache;
  const probes: readonly (readonly [string, number])[] = [
    ['a-b', 3], ['a--b', 4], ['a-', 1], ['a--', 1], ['-a', 0], ['1a', 0], // hyphens inside only
    [`a${FW_LPAREN}b${FW_RPAREN}`, 4], [`a${FW_LPAREN}b`, 1], [`a${FW_RPAREN}`, 1], [`${FW_LPAREN}a${FW_RPAREN}`, 0],
    [`a${FW_LPAREN}b${IDEOGRAPHIC_COMMA}c${FW_RPAREN}`, 6], [`a${IDEOGRAPHIC_COMMA}b`, 1],
    [`a${FW_LPAREN}${FW_LPAREN}b${FW_RPAREN}${FW_RPAREN}`, 6], [`a${FW_LPAREN}${FW_LPAREN}b${FW_RPAREN}`, 1],
    [`a${FW_LPAREN}-${FW_RPAREN}`, 4], [`a-${FW_LPAREN}b${FW_RPAREN}`, 5], [`a${FW_LPAREN}${FW_RPAREN}`, 3],
    [`a${FW_LPAREN}b${FW_RPAREN}${FW_LPAREN}c`, 4], [`a${FW_LPAREN}b c${FW_RPAREN}`, 1],
  ];
  for (const [text, length] of probes) {
    const got = identifierLength(text, 0);
    if (got !== length) {
      throw new Error(`textmate: identifierLength(${JSON.stringify(text)}) is ${got}, the grammar models ${length}; update textmate.ts`);
    }
  }
  const start = codePointClass((ch) => identifierLength(ch, 0) === ch.length);
  const part = codePointClass((ch) => identifierLength(`a${ch}`, 0) === 1 + ch.length);
  nameClassesCache = { start, part };
  return nameClassesCache;
}

/** What may follow a name's last character and still belong to it: hyphens, then a part or a bracketed group. */
function nameContinuation({ part }: NameClasses): string {
  const bracketed = `(?<bracketed>${FW_LPAREN}(?:[${part}\\-${IDEOGRAPHIC_COMMA}]|\\g<bracketed>)*${FW_RPAREN})`;
  return `-*(?:[${part}]|${bracketed})`;
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
}

// ── The grammar ─────────────────────────────────────────────────────────────────────────────────
function keywordRules(classes: NameClasses): TmRule[] {
  const endOfName = `(?!${nameContinuation(classes)})`;
  const bySpelling = new Map<string, KeywordCategory>();
  for (const kw of KEYWORDS) {
    for (const s of kw.spellings) {
      if (bySpelling.has(s)) throw new Error(`textmate: the spelling ${s} belongs to two keywords`);
      bySpelling.set(s, kw.category);
    }
  }
  const longestFirst = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
  const rules: TmRule[] = [];
  // A spelling that is not a single name (`yes/no`) could lose to a keyword that is its prefix (`yes`),
  // so such spellings come first, longest first.
  const multi = [...bySpelling.keys()].filter((s) => identifierLength(s, 0) !== s.length).sort(longestFirst);
  for (const s of multi) rules.push({ name: scope(KEYWORD_SCOPES[bySpelling.get(s)!]), match: `${escapeRegex(s)}${endOfName}` });
  const categories = [...new Set(KEYWORDS.map((kw) => kw.category))];
  for (const category of categories) {
    const spellings = [...bySpelling].filter(([s, c]) => c === category && !multi.includes(s)).map(([s]) => s).sort(longestFirst);
    if (spellings.length === 0) continue;
    rules.push({ name: scope(KEYWORD_SCOPES[category]), match: `(?:${spellings.map(escapeRegex).join('|')})${endOfName}` });
  }
  return rules;
}

function stringRules(): TmRule[] {
  const closed = alternatives(patternOf(StringLiteral));
  const unclosed = alternatives(patternOf(UnclosedString));
  const pick = (alts: string[], quote: string): string => {
    const found = alts.filter((a) => a.startsWith(quote));
    if (found.length !== 1) throw new Error(`textmate: expected one alternative starting with ${quote} in the string tokens`);
    return toOniguruma(found[0]!);
  };
  for (const a of [...closed, ...unclosed]) {
    if (!a.startsWith('"') && !a.startsWith('“')) throw new Error(`textmate: string alternative /${a}/ is not modelled`);
  }
  // The escape that straight-quoted text allows: a backslash and any character of the line.
  const escapeSource = '\\\\.';
  if (!pick(closed, '"').includes(toOniguruma(escapeSource)) || pick(closed, '“').includes('\\\\')) {
    throw new Error('textmate: the string tokens no longer escape as the grammar models (\\\\. in "…" only)');
  }
  return [
    {
      name: scope(TOKEN_SCOPES.doubleQuoted),
      match: `(?:${pick(closed, '"')})|(?:${pick(unclosed, '"')})`,
      captures: { 0: { patterns: [{ name: scope(TOKEN_SCOPES.escape), match: toOniguruma(escapeSource) }] } },
    },
    { name: scope(TOKEN_SCOPES.curlyQuoted), match: `(?:${pick(closed, '“')})|(?:${pick(unclosed, '“')})` },
  ];
}

function quantityRules(classes: NameClasses): TmRule[] {
  // A number glued to a name is one token (`500KB`, `5years`, `5年`, `4A`, `5A区`): the digits, then a
  // name by the identifier rule. It is a quantity when the name is a unit, and otherwise a name.
  const probes: readonly (readonly [string, number])[] = [
    ['4A', 2], ['5A区', 3], ['12年', 3], ['5a-b', 4], ['5a-', 2], ['5-a', 0], ['5', 0], ['5 a', 0], [`5${FW_LPAREN}a${FW_RPAREN}`, 0],
    [`5a${FW_LPAREN}b${FW_RPAREN}`, 5], ['5𠀀', 3], ['5_', 2], ['5.5a', 0],
  ];
  for (const [text, length] of probes) {
    const got = digitNameLength(text, 0);
    if (got !== length) {
      throw new Error(`textmate: digitNameLength(${JSON.stringify(text)}) is ${got}, the grammar models ${length}; update textmate.ts`);
    }
  }
  const glued = KEYWORDS.filter((kw) => kw.category === 'unit').flatMap((kw) => kw.spellings).filter((s) => digitNameLength(`1${s}`, 0) === s.length + 1);
  glued.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const digitName = `[0-9]+[${classes.start}](?:${nameContinuation(classes)})*`;
  return [
    {
      comment: 'a number glued to a unit (500KB, 5years, 5个工作日): one token, a quantity',
      match: `([0-9]+)(${glued.map(escapeRegex).join('|')})(?!${nameContinuation(classes)})`,
      captures: { 1: { name: scope(TOKEN_SCOPES.number) }, 2: { name: scope(TOKEN_SCOPES.unit) } },
    },
    { comment: 'a number glued to a name that is not a unit (4A, 5A区): a name', match: digitName },
    { name: scope(TOKEN_SCOPES.number), match: toOniguruma(patternOf(NumberLiteral)) },
    { name: scope(TOKEN_SCOPES.unit), match: toOniguruma(patternOf(Percent)) },
  ];
}

function simple(name: string, token: TokenType): TmRule {
  return { name: scope(name), match: toOniguruma(patternOf(token)) };
}

/** The TextMate grammar of `.award` files. */
export function textMateGrammar(): TmGrammar {
  const classes = nameClasses();
  const lineComment = patternOf(LineComment);
  expectSource(BlockComment, '\\/\\*[\\s\\S]*?\\*\\/');
  const commentMark = { 0: { name: scope(TOKEN_SCOPES.commentPunctuation) } };
  const repository: Record<string, TmRule> = {
    comments: { patterns: [
      { name: scope(TOKEN_SCOPES.lineComment), match: toOniguruma(lineComment) },
      {
        comment: 'an unclosed block comment runs to the end of the file, as in the lexer',
        name: scope(TOKEN_SCOPES.blockComment), begin: '/\\*', end: '\\*/', beginCaptures: commentMark, endCaptures: commentMark,
      },
    ] },
    strings: { patterns: stringRules() },
    tags: { patterns: [simple(TOKEN_SCOPES.tag, Tag)] },
    clauses: { patterns: [simple(TOKEN_SCOPES.clause, Clause)] },
    dates: { patterns: [simple(TOKEN_SCOPES.date, DateLiteral)] },
    quantities: { patterns: quantityRules(classes) },
    operators: { patterns: [
      simple(TOKEN_SCOPES.arrow, Arrow),
      simple(TOKEN_SCOPES.range, DotDot),
      ...[GreaterEq, LessEq, NotEq, Equals, Greater, Less].map((t) => simple(TOKEN_SCOPES.comparison, t)),
    ] },
    punctuation: { patterns: [
      simple(TOKEN_SCOPES.braceBegin, LBrace),
      simple(TOKEN_SCOPES.braceEnd, RBrace),
      simple(TOKEN_SCOPES.parenBegin, LParen),
      simple(TOKEN_SCOPES.parenEnd, RParen),
      simple(TOKEN_SCOPES.comma, Comma),
      simple(TOKEN_SCOPES.colon, Colon),
    ] },
    keywords: { patterns: keywordRules(classes) },
    names: { patterns: [{
      comment: 'a whole name, so that no keyword is found inside one (attested, at-risk, 原则上不超过)',
      match: `[${classes.start}](?:${nameContinuation(classes)})*`,
    }] },
  };
  return {
    information_for_contributors: [
      'Generated by scripts/gen-grammar.ts (npm run grammar) from packages/language/src/syntax/keywords.ts and tokens.ts.',
      'Do not edit by hand: change the language definitions, then regenerate.',
    ],
    name: 'AwardRules',
    scopeName: 'source.award',
    fileTypes: ['award'],
    // In the lexer's order: where two patterns match at the same place, the first wins in both.
    patterns: Object.keys(repository).map((key) => ({ include: `#${key}` })),
    repository,
  };
}
