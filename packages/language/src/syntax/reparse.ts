/**
 * Parsing an edited text again from the previous parse: only the top-level items the edit touched
 * are read again; the items before them are kept as they are, those after them are kept with their
 * offsets moved. On a 10,000-line file the language server checks after every edit, this is the
 * difference between reading 700 KB and reading one item.
 *
 * The result is exactly what `parseWithoutCst` gives; whenever that cannot be made sure of, the text
 * is parsed whole. An item is kept only if the tokens it was decided on are unchanged: its own and
 * the `MAX_LOOKAHEAD` after it, which the parser may have looked at to decide where it ends. The
 * items read again are read with the first kept items after them, which must come out as before.
 * Anything else (a syntax error, a lexical one, a previous parse with errors) and the whole text is
 * parsed instead: errors are reported by the ordinary way only.
 */
import type { IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileNode, TopItem } from './ast.js';
import { FileBuilder } from './from-cst.js';
import type { FileCstNode, TopItemCstNode } from './cst.generated.js';
import { parseWithoutCst, withinNestingLimit, type ParseResult } from './parse.js';
import { MAX_LOOKAHEAD, parseTokens } from './parser.js';
import { BLANKS } from './tokens.js';
import { lex } from './scanner.js';

type Parsed = Omit<ParseResult, 'cst'>;

/** What a reparse starts from: the previous text and its parse (an `AwardDocument` is one). */
export interface PreviousParse extends Pick<ParseResult, 'ast' | 'tokens' | 'comments'> {
  readonly text: string;
  readonly syntaxDiagnostics: readonly unknown[];
}

/**
 * `parseWithoutCst(text)`, reading again only what changed since `previous`. `takeOver`: the caller
 * will not use `previous` again, so what comes after the edit is moved in place rather than copied
 * (for a large file, copying it is most of the time a reparse takes).
 */
export function reparse(previous: PreviousParse | undefined, text: string, takeOver = false): Parsed {
  return (previous && reuseParse(previous, text, takeOver)) ?? parseWithoutCst(text);
}

/** The parse of `text` made from `previous`, or undefined where the whole text must be parsed. */
export function reuseParse(previous: PreviousParse, text: string, takeOver = false): Parsed | undefined {
  const old = previous.text;
  const items = previous.ast.items;
  const tokens = previous.tokens;
  if (previous.syntaxDiagnostics.length > 0 || items.length === 0 || tokens.length === 0) return undefined;
  if (old === text) return { ast: previous.ast, tokens: previous.tokens, comments: previous.comments, diagnostics: [], clean: true };

  // The unchanged start and end of the text.
  const limit = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;
  const unchangedFrom = old.length - suffix; // old offsets at or after this are in the unchanged end

  // Items kept before the edit: each with its last token and the MAX_LOOKAHEAD after it ending before
  // the last unchanged character (the character after a token decides where the lexer ends it).
  const firstTokenOf = items.map((item) => firstTokenAt(tokens, item.start));
  let kept = 0;
  while (kept < items.length) {
    const next = kept + 1 < items.length ? firstTokenOf[kept + 1]! : tokens.length;
    const seen = next - 1 + MAX_LOOKAHEAD;
    if (seen >= tokens.length || !(tokens[seen]!.endOffset! + 1 < prefix)) break;
    kept++;
  }
  // Items kept after the edit: from the first that starts, after an unchanged blank, in the unchanged end.
  let after = items.length;
  for (let i = kept; i < items.length; i++) {
    const start = items[i]!.start;
    if (start - 1 >= unchangedFrom && isBlank(old.charCodeAt(start - 1))) { after = i; break; }
  }

  // The text read again: from the end of the last item kept to the first item kept after.
  const from = kept === 0 ? 0 : endOfTokens(tokens, firstTokenOf[kept]! - 1);
  const toOld = after < items.length ? items[after]!.start : old.length;
  const slice = text.slice(from, toOld + delta);
  const lexed = lex(slice);
  if (lexed.errors.length > 0 || lexed.comments.some((c) => c.tokenType.name === 'UnclosedBlockComment')) return undefined;
  // A token or comment that reaches the end of the slice might run on in the whole text (a line
  // comment whose line break was deleted runs on into the item after it).
  const reachesEnd = (t: IToken) => t.endOffset! + 1 >= slice.length;
  if (after < items.length && (lexed.tokens.some(reachesEnd) || lexed.comments.some(reachesEnd))) return undefined;
  for (const t of lexed.tokens) moveToken(t, from);
  for (const c of lexed.comments) moveToken(c, from);

  // Read with the items after it, enough of them for MAX_LOOKAHEAD tokens (what the last item read
  // may have looked at); they must come out as before.
  const endOf = (i: number) => (i + 1 < items.length ? firstTokenOf[i + 1]! : tokens.length);
  const afterFirst = after < items.length ? firstTokenOf[after]! : tokens.length;
  let lastWitness = after;
  while (lastWitness + 1 < items.length && endOf(lastWitness) - afterFirst < MAX_LOOKAHEAD) lastWitness++;
  const witnessCount = after < items.length ? lastWitness - after + 1 : 0;
  const movedAfter = takeOver ? tokens.slice(afterFirst) : tokens.slice(afterFirst).map((t) => movedToken(t, delta));
  const window = [...lexed.tokens, ...movedAfter.slice(0, witnessCount > 0 ? endOf(lastWitness) - afterFirst : 0)];
  const nesting: Diagnostic[] = [];
  if (withinNestingLimit(window, nesting).length < window.length || nesting.length > 0) return undefined;

  // Taken over, the tokens after the edit are moved now (the parse below reads them); should the
  // reparse still fail, the whole text is parsed anew, which does not read `previous`.
  if (takeOver) for (const t of movedAfter) moveToken(t, delta);
  const builder = new FileBuilder();
  const parsed = parseTokens(window, (item) => builder.add(item as TopItemCstNode));
  if (parsed.errors.length > 0) return undefined;
  const built = builder.finish(parsed.cst as FileCstNode);
  if (built.diagnostics.length > 0) return undefined;
  const read = built.file.items;
  if (read.length < witnessCount) return undefined;
  for (let i = 0; i < witnessCount; i++) {
    const was = items[after + i]!;
    const now = read[read.length - witnessCount + i]!;
    if (now.start !== was.start + delta || now.end !== was.end + delta) return undefined;
  }

  const newItems: TopItem[] = [...items.slice(0, kept), ...read.slice(0, read.length - witnessCount), ...items.slice(after).map((item) => (takeOver ? moveInPlace(item, delta) : moved(item, delta)))];
  const newTokens = [...tokens.slice(0, kept === 0 ? 0 : firstTokenOf[kept]!), ...lexed.tokens, ...movedAfter];
  const comments = [
    ...previous.comments.filter((c) => c.startOffset < from),
    ...lexed.comments,
    ...previous.comments.filter((c) => c.startOffset >= toOld).map((c) => (takeOver ? (moveToken(c, delta), c) : movedToken(c, delta))),
  ];
  const last = newTokens[newTokens.length - 1];
  if (!last) return undefined; // nothing left but blanks and comments: a file of no items
  const ast: FileNode = { items: newItems, start: newTokens[0]!.startOffset, end: last.endOffset! + 1 };
  return { ast, tokens: newTokens, comments, diagnostics: [], clean: true };
}

function isBlank(c: number): boolean {
  return BLANKS.includes(String.fromCharCode(c));
}

/** The index of the first token at or after `offset`. */
function firstTokenAt(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function endOfTokens(tokens: readonly IToken[], index: number): number {
  return tokens[index]!.endOffset! + 1;
}

/** A token just lexed from a slice of the text, given its offsets in the text. */
function moveToken(t: IToken, by: number): void {
  t.startOffset += by;
  t.endOffset = t.endOffset! + by;
}

/** A copy of an earlier token, `by` further on (the earlier parse keeps its own). */
function movedToken(t: IToken, by: number): IToken {
  return { image: t.image, startOffset: t.startOffset + by, tokenTypeIdx: t.tokenTypeIdx, tokenType: t.tokenType, endOffset: t.endOffset! + by } as IToken;
}

/**
 * A copy of a syntax tree node with every offset `by` further on: its own `start` and `end` (every
 * node has them: ast.ts), and those of its parts, nodes and spans (`opSpan`) alike.
 */
function moved<T extends object>(node: T, by: number): T {
  if (Array.isArray(node)) {
    const out = node.slice();
    for (let i = 0; i < out.length; i++) {
      const v: unknown = out[i];
      if (typeof v === 'object' && v !== null) out[i] = moved(v, by);
    }
    return out as T;
  }
  // Copied whole (fast for objects of one shape), then the offsets and the parts that are objects replaced.
  const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const key in out) {
    const v = out[key];
    if (typeof v === 'object' && v !== null) out[key] = moved(v, by);
  }
  shift(out, by);
  return out as T;
}

/** `moved`, changing the node itself: the syntax tree is a tree (no node or span in two places; tested). */
function moveInPlace<T extends object>(node: T, by: number): T {
  if (Array.isArray(node)) {
    for (const v of node as unknown[]) if (typeof v === 'object' && v !== null) moveInPlace(v, by);
    return node;
  }
  const source = node as Record<string, unknown>;
  for (const key in source) {
    const v = source[key];
    if (typeof v === 'object' && v !== null) moveInPlace(v, by);
  }
  shift(source, by);
  return node;
}

/** Moves the offsets of a node or span `by` on; a part of a node that has none (`labels`) is left as it is. */
function shift(x: Record<string, unknown>, by: number): void {
  if (typeof x['start'] === 'number' && typeof x['end'] === 'number') {
    const span = x as { start: number; end: number };
    span.start += by;
    span.end += by;
  }
}
