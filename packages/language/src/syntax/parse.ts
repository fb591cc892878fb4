/** Text → tokens → CST → AST, with every lexical and syntax error as a diagnostic. */
import type { IToken } from 'chevrotain';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileNode, Span } from './ast.js';
import type { FileCstNode } from './cst.generated.js';
import { describeExpected, describeFound } from './describe.js';
import { fromCst } from './from-cst.js';
import { parseTokens, type SyntaxErrorPayload } from './parser.js';
import { lex, UnclosedBlockComment } from './tokens.js';

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

  const { cst, errors } = parseTokens(withinNestingLimit(lexed.tokens, diagnostics));
  const endOfText = lastTokenEnd(lexed.tokens, text.length);
  for (const e of errors) {
    const payload = JSON.parse(e.message) as SyntaxErrorPayload;
    const t = e.token;
    const span: Span = Number.isFinite(t.startOffset) && t.tokenType.name !== 'EOF'
      ? { start: t.startOffset, end: t.startOffset + t.image.length }
      : endOfText;
    const found = describeFound(t);
    const unexpected = payload.code === 'AR1005' || (payload.expected.length === 1 && payload.expected[0] === 'EOF');
    diagnostics.push(unexpected
      ? diag('AR1005', span, found)
      : diag(payload.code, span, describeExpected(payload.expected), found));
  }

  const built = fromCst(cst as FileCstNode);
  const all = [...diagnostics, ...built.diagnostics].sort((a, b) => a.span.start - b.span.start);
  return { ast: built.file, cst: cst as FileCstNode, tokens: lexed.tokens, comments: lexed.comments, diagnostics: all, clean: all.length === 0 };
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
