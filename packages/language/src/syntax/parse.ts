/** Text → tokens → CST → AST, with every lexical and syntax error as a diagnostic. */
import type { CstNode, IToken } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileNode, Span } from './ast.js';
import type { FileCstNode } from './cst.generated.js';
import { describeExpected, describeFound } from './describe.js';
import { fromCst } from './from-cst.js';
import { parseTokens, type SyntaxErrorPayload } from './parser.js';
import { lex, UnclosedBlockComment } from './tokens.js';
import { KEYWORDS } from './keywords.js';
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
  const lexed = lex(text);
  const diagnostics: Diagnostic[] = [];

  for (const e of lexed.errors) {
    const ch = String.fromCodePoint(text.codePointAt(e.offset) ?? 0xfffd);
    diagnostics.push(diag('AR1001', { start: e.offset, end: e.offset + ch.length }, ch));
  }
  for (const c of lexed.comments) {
    if (c.tokenType === UnclosedBlockComment) diagnostics.push(diag('AR1007', { start: c.startOffset, end: c.startOffset + 2 }));
  }

  const tokens = withinNestingLimit(lexed.tokens, diagnostics);
  const truncatedAt = tokens.length < lexed.tokens.length ? lexed.tokens[tokens.length]!.startOffset : Infinity;
  const { cst, errors } = parseTokens(tokens);
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

/**
 * Error recovery skips tokens after a syntax error, so a second misspelt keyword on a later line would
 * go unmentioned. A skipped line that starts with a word close to a statement keyword is reported too.
 */
function reportSkippedKeywords(cst: CstNode, tokens: readonly IToken[], text: string, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const read = new Set<number>();
  const walk = (node: CstNode) => {
    for (const items of Object.values(node.children)) for (const item of items ?? []) ('image' in item ? read.add(item.startOffset) : walk(item));
  };
  walk(cst);
  const reported = new Set(diagnostics.map((d) => d.span.start));
  tokens.forEach((t, i) => {
    if (read.has(t.startOffset) || reported.has(t.startOffset) || t.tokenType.name !== 'Identifier') return;
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
function withinNestingLimit(tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
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
