/** Text → tokens → CST → AST, with every lexical and syntax error as a diagnostic. */
import type { CstNode, IToken } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileNode, Span } from './ast.js';
import type { FileCstNode, TopItemCstNode } from './cst.generated.js';
import { describeExpected, describeFound } from './describe.js';
import { FileBuilder, fromCst } from './from-cst.js';
import { parseTokens, type CstParseResult, type SyntaxErrorPayload } from './parser.js';
import { Identifier, identifierLength, UnclosedBlockComment } from './tokens.js';
import { lex } from './scanner.js';
import { KEYWORD_BY_NAME, KEYWORDS } from './keywords.js';
import { closestMatches } from '../vocabulary/fuzzy.js';

export interface ParseResult {
  readonly ast: FileNode;
  readonly cst: FileCstNode;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
  /** Whether the file parsed without any syntax error (the formatter only formats such files). */
  readonly clean: boolean;
}

export function parse(text: string): ParseResult {
  return parseText(text, true) as ParseResult;
}

/**
 * `parse` without the concrete syntax tree, for building a document (which does not keep it). A
 * file without syntax errors (nearly always) is turned into the AST item by item as the parser reads
 * it, so the tree of an item is garbage as soon as its AST is built: a large file's tree never has
 * to live, all of it, in memory. Any error, and the file is parsed again the ordinary way.
 */
export function parseWithoutCst(text: string): Omit<ParseResult, 'cst'> {
  return parseText(text, false);
}

function parseText(text: string, keepCst: boolean): Omit<ParseResult, 'cst'> & { readonly cst?: FileCstNode } {
  const lexed = lex(text);
  const diagnostics: Diagnostic[] = [];

  for (const e of lexed.errors) {
    const ch = String.fromCodePoint(text.codePointAt(e.offset) ?? 0xfffd);
    diagnostics.push(diag('AR1001', { start: e.offset, end: e.offset + ch.length }, ch));
  }
  for (const c of lexed.comments) {
    if (c.tokenType === UnclosedBlockComment) diagnostics.push(diag('AR1007', { start: c.startOffset, end: c.startOffset + 2 }));
  }

  const limited = withinNestingLimit(lexed.tokens, diagnostics);
  if (!keepCst && diagnostics.length === 0) {
    // What the ordinary way below gives when there is no error: no reserved word to retry, no
    // skipped line to look at, only the AST and its own diagnostics.
    const builder = new FileBuilder();
    const streamed = parseTokens(limited, (item) => builder.add(item as TopItemCstNode));
    if (streamed.errors.length === 0) {
      const built = builder.finish(streamed.cst as FileCstNode);
      const all = [...built.diagnostics].sort((a, b) => a.span.start - b.span.start);
      return { ast: built.file, tokens: lexed.tokens, comments: lexed.comments, diagnostics: all, clean: all.length === 0 };
    }
  }
  const truncatedAt = limited.length < lexed.tokens.length ? lexed.tokens[limited.length]!.startOffset : Infinity;
  const { tokens, result: { cst, errors }, reserved } = readReservedWordsAsNames(limited, parseTokens(limited));
  for (const r of reserved) {
    const span = { start: r.token.startOffset, end: r.token.startOffset + r.token.image.length };
    diagnostics.push(diag('AR1011', span, r.token.image, r.suggestion));
  }
  const endOfText = lastTokenEnd(tokens, text.length);
  for (const e of errors) {
    // Past the nesting limit nothing was read: "expected … at the end" there is not news.
    if (truncatedAt !== Infinity && !(e.token.startOffset < truncatedAt)) continue;
    const payload = JSON.parse(e.message) as SyntaxErrorPayload;
    const t = e.token;
    const span: Span = Number.isFinite(t.startOffset) && t.tokenType.name !== 'EOF'
      ? { start: t.startOffset, end: t.startOffset + t.image.length }
      : endOfText;
    const found = describeFound(t);
    const misspelt = t.tokenType.name === 'Identifier' ? closeKeyword(t.image, payload) : undefined;
    const unexpected = payload.code === 'AR1005' || (payload.expected.length === 1 && payload.expected[0] === 'EOF');
    if (misspelt) diagnostics.push({ ...diag('AR1010', span, t.image, misspelt), suggestions: [{ span, replacement: misspelt }] });
    else diagnostics.push(unexpected
      ? diag('AR1005', span, found)
      : diag(payload.code, span, describeExpected(payload.expected), found));
  }

  reportSkippedKeywords(cst, tokens, text, diagnostics);
  const built = fromCst(cst as FileCstNode);
  const all = [...diagnostics, ...built.diagnostics].sort((a, b) => a.span.start - b.span.start);
  return { ast: built.file, cst: cst as FileCstNode, tokens: lexed.tokens, comments: lexed.comments, diagnostics: all, clean: all.length === 0 };
}

/** How many keywords written as names are tried as names, each with one more parse of the file. */
const MAX_RESERVED_RETRIES = 5;
/** Tokens the extra parses may read in all, so that a huge broken file costs at most a few more parses. */
const RESERVED_TOKEN_BUDGET = 400_000;
/** How many tokens after a keyword read as a name must parse without error for the reading to stand. */
const RESERVED_WINDOW = 3;

/**
 * A keyword written where a name belongs (`extend sector { all "全部" }`, `field no "无": yes/no`) would
 * give a confusing "expected '}'" and lose the rest of the block. Where the parser stopped at a keyword,
 * the file is parsed again with that keyword read as a name; if that parses with fewer errors and none
 * at the keyword or just after it, the name is kept and reported as a reserved word instead. (`quota <=`
 * followed by a `cap` rule on the next line would parse `cap` as a table name, and fail on `rank`.)
 */
function readReservedWordsAsNames(tokens: IToken[], first: CstParseResult): {
  tokens: IToken[]; result: CstParseResult; reserved: { token: IToken; suggestion: string }[];
} {
  let current = tokens;
  let result = first;
  const reserved: { token: IToken; suggestion: string }[] = [];
  const tried = new Set<number>();
  const attempts = Math.min(MAX_RESERVED_RETRIES, Math.floor(RESERVED_TOKEN_BUDGET / Math.max(1, tokens.length)));
  for (let attempt = 0; attempt < attempts; attempt++) {
    const e = result.errors.find((x) => !tried.has(x.token.startOffset) && isWordKeyword(x.token));
    if (!e) break;
    const at = e.token.startOffset;
    tried.add(at);
    const index = current.findIndex((t) => t.startOffset === at);
    if (index < 0) continue;
    const candidate = current.slice();
    candidate[index] = { ...e.token, tokenType: Identifier, tokenTypeIdx: Identifier.tokenTypeIdx! };
    const retry = parseTokens(candidate);
    const windowEnd = current[index + RESERVED_WINDOW]?.startOffset ?? Infinity;
    const near = (x: IToken) => (Number.isFinite(x.startOffset) ? x.startOffset >= at && x.startOffset <= windowEnd : windowEnd === Infinity);
    if (retry.errors.length < result.errors.length && !retry.errors.some((x) => near(x.token))) {
      current = candidate;
      result = retry;
      reserved.push({ token: e.token, suggestion: reservedWordSuggestion(current, index) });
    }
  }
  return { tokens: current, result, reserved };
}

/** A keyword spelt as a single word (`all`, `award`, `原则上`), which could have been meant as a name. */
function isWordKeyword(t: IToken): boolean {
  return KEYWORD_BY_NAME.has(t.tokenType.name) && Number.isFinite(t.startOffset) && identifierLength(t.image, 0) === t.image.length;
}

/** What a declaration keyword declares, to suggest a name (`all` in `field` → `all-field`). */
const DECLARES: Readonly<Record<string, string>> = {
  Field: 'field', Award: 'award', Stage: 'stage', Deadline: 'stage', Table: 'table', Enum: 'list', Material: 'material',
};

/** A name to suggest instead of the reserved word at `index`: `all-sectors` inside `extend sector { … }`. */
function reservedWordSuggestion(tokens: readonly IToken[], index: number): string {
  const word = tokens[index]!.image;
  const before = (i: number) => tokens[i]?.tokenType.name ?? '';
  const join = (what: string) => `${word}-${what}`;
  if (DECLARES[before(index - 1)]) return join(DECLARES[before(index - 1)]!);
  // The block the word is in: `extend sector {`, `enum x … {`, `all of {`, `material {`.
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const name = before(i);
    if (name === 'RBrace') depth++;
    else if (name === 'LBrace' && depth > 0) depth--;
    else if (name === 'LBrace') {
      for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
        const owner = before(j);
        if (owner === 'Extend' || owner === 'Enum') {
          const list = tokens[j + 1]?.image ?? '';
          return join(/^[a-z][a-z-]*[a-rt-z]$/.test(list) ? `${list}s` : list || 'value');
        }
        if (owner === 'Of' || owner === 'Attest') return join('condition');
        if (owner === 'Material') return join('material');
        if (owner !== 'StringLiteral' && owner !== 'Ordered' && owner !== 'Identifier' && owner !== 'DigitName') break;
      }
      break;
    }
  }
  return join('name');
}

/**
 * Error recovery skips tokens after a syntax error, so a second misspelt keyword on a later line would
 * go unmentioned. A skipped line that starts with a word close to a statement keyword is reported too.
 */
function reportSkippedKeywords(cst: CstNode, tokens: readonly IToken[], text: string, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  // Where the names the parser read are (only names are looked at below).
  const read = new Set<number>();
  const walk = (node: CstNode) => {
    const children = node.children;
    for (const key in children) {
      const items = Object.prototype.hasOwnProperty.call(children, key) ? children[key] : undefined;
      if (!items) continue;
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        if (!('image' in item)) walk(item);
        else if (item.tokenType.name === 'Identifier') read.add(item.startOffset);
      }
    }
  };
  walk(cst);
  const reported = new Set(diagnostics.map((d) => d.span.start));
  tokens.forEach((t, i) => {
    if (t.tokenType.name !== 'Identifier' || read.has(t.startOffset) || reported.has(t.startOffset)) return;
    const previous = tokens[i - 1];
    if (previous && !/[\r\n]/.test(text.slice(previous.startOffset, t.startOffset))) return;
    const misspelt = closeKeyword(t.image, { code: 'AR1005', expected: ['@rule'], rule: 'file' });
    const span = { start: t.startOffset, end: t.startOffset + t.image.length };
    if (misspelt) diagnostics.push({ ...diag('AR1010', span, t.image, misspelt), suggestions: [{ span, replacement: misspelt }] });
  });
}

/** Keywords that can start a statement, where the parser expected one. */
const STATEMENT_STARTERS = KEYWORDS.filter((k) => k.category === 'rule' || k.category === 'declaration');
const AT_STATEMENT = new Set(['@rule', '@declaration', 'RBrace', 'EOF']);

/** The keyword a misspelt word was probably meant to be (`exlude` → `exclude`), if one was expected there. */
function closeKeyword(word: string, payload: SyntaxErrorPayload): string | undefined {
  const expected = new Set(payload.expected);
  const candidates = KEYWORDS.filter((k) => expected.has(k.name) || (STATEMENT_STARTERS.includes(k) && [...expected].some((e) => AT_STATEMENT.has(e))));
  const best = closestMatches(word, candidates.flatMap((k) => k.spellings.filter((s) => /^[a-z]/.test(s)).map((spelling) => ({ spelling, value: spelling }))), 1)[0];
  return best && best.spelling !== word ? best.spelling : undefined;
}

/** How deep brackets and negations may nest; far beyond any real rule, well within the call stack. */
export const MAX_NESTING = 100;

/** The tokens up to the first one nested deeper than {@link MAX_NESTING}, reporting it if there is one. */
export function withinNestingLimit(tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
  let depth = 0;
  let negations = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const name = t.tokenType.name;
    if (name === 'LParen' || name === 'LBrace') depth++;
    else if (name === 'RParen' || name === 'RBrace') depth = Math.max(0, depth - 1);
    negations = name === 'Not' ? negations + 1 : 0;
    if (depth > MAX_NESTING || negations > MAX_NESTING) {
      diagnostics.push(diag('AR1009', { start: t.startOffset, end: t.startOffset + t.image.length }, MAX_NESTING));
      return tokens.slice(0, i);
    }
  }
  return tokens;
}

/** Where a "missing token at the end of the file" error points: just after the last token. */
function lastTokenEnd(tokens: readonly IToken[], length: number): Span {
  const last = tokens[tokens.length - 1];
  if (!last) return { start: length, end: length };
  const end = last.startOffset + last.image.length;
  return { start: end, end };
}
