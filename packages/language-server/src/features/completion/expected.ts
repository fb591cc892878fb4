/**
 * What the grammar accepts at the cursor, from the parser itself: Chevrotain's `computeContentAssist`
 * walks the grammar over the tokens before the cursor and returns every token type that could come
 * next, with the stack of grammar rules it would be read in (so a name after `at` is a publicity
 * level, after `in` in a cap total an award).
 *
 * It needs tokens that parse, and a file being edited rarely does, so only the statement the cursor
 * is in is given to it, after a made-up header for the block it sits in (`award x for individual {`
 * for an award body, `extend x {` for values, …): a mistake anywhere else in the file does not matter.
 * The statement starts at a statement boundary in the innermost block: after `{`, `}`, a tag or a
 * clause, or at the start of a line. Boundaries are tried from the nearest; the first that parses
 * wins. On an empty line the statement above may still go on (`unless …`, a tag), so both are offered.
 */
import { sharedParser, tokens as T, type AwardDocument } from '@awardrules/language';

export type Tok = AwardDocument['tokens'][number];
type TokenType = Tok['tokenType'];
export type Path = ReturnType<ReturnType<typeof sharedParser>['computeContentAssist']>[number];

const K = T.KEYWORD_TOKENS;
const kw = (name: string): TokenType => K[name]!;

export type BlockKind = 'file' | 'notice' | 'extend' | 'enum' | 'table' | 'award' | 'when' | 'attest' | 'material' | 'route' | 'set';

/** For each kind of block: the grammar rule that reads it, and a header that opens one. */
const BLOCKS: Readonly<Record<BlockKind, { rule: string; header: readonly TokenType[] }>> = {
  file: { rule: 'file', header: [] },
  notice: { rule: 'noticeDecl', header: [kw('Notice'), T.LBrace] },
  extend: { rule: 'extendDecl', header: [kw('Extend'), T.Identifier, T.LBrace] },
  enum: { rule: 'enumDecl', header: [kw('Enum'), T.Identifier, T.LBrace] },
  table: { rule: 'tableDecl', header: [kw('Table'), T.Identifier, kw('By'), T.Identifier, T.LParen, T.Identifier, T.RParen, T.LBrace] },
  award: { rule: 'awardDecl', header: [kw('Award'), T.Identifier, kw('For'), T.Identifier, T.LBrace] },
  when: { rule: 'whenBlock', header: [kw('When'), T.Identifier, T.LBrace] },
  attest: { rule: 'attestGroup', header: [kw('All'), kw('Of'), T.LBrace] },
  material: { rule: 'materialRule', header: [kw('Material'), T.LBrace] },
  route: { rule: 'routeRule', header: [kw('Route'), T.Identifier, T.LBrace] },
  set: { rule: 'valueSet', header: [T.LBrace] },
};

const made = (type: TokenType): Tok => ({ image: '', startOffset: -1, endOffset: -1, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! }) as Tok;
const HEADERS: Readonly<Record<BlockKind, readonly Tok[]>> = Object.fromEntries(
  Object.entries(BLOCKS).map(([k, b]) => [k, b.header.map(made)]),
) as unknown as Record<BlockKind, readonly Tok[]>;

export function blockRule(kind: BlockKind): string {
  return BLOCKS[kind].rule;
}

/** An open `{` around the cursor, what kind of block it opens and the keyword that opened it. */
export interface OpenBlock {
  readonly kind: BlockKind;
  readonly brace: number;
  /** Index of the keyword that owns the block (`route` in `route reviewer {`), or -1. */
  readonly owner: number;
}

export interface Expectation {
  /** Every way the grammar can go on at the cursor. */
  readonly paths: readonly Path[];
  /** The tokens of the statement the cursor is in, or that it may continue. */
  readonly statement: readonly Tok[];
  readonly blocks: readonly OpenBlock[];
  readonly block: BlockKind;
  /** Whether the cursor's line has tokens before it (a new statement is then less likely). */
  readonly lineHasTokens: boolean;
  /** Whether no statement boundary parsed and the paths are only what may start a statement. */
  readonly fallback: boolean;
}

const name = (toks: readonly Tok[], i: number): string => toks[i]?.tokenType.name ?? '';

const SET_OWNERS = new Set(['In', 'No', 'Has', 'Consult', 'Format', 'Equals']);
const DECLARATION_OWNERS: Readonly<Record<string, BlockKind>> = {
  Notice: 'notice', Extend: 'extend', Enum: 'enum', Table: 'table', Award: 'award', When: 'when', Route: 'route',
};
/** Tokens after which a new statement starts. */
const ENDS_STATEMENT = new Set(['RBrace', 'Tag', 'Clause']);

/** What the `{` at `brace` opens, judged from the tokens before it. */
function ownerOf(toks: readonly Tok[], brace: number): { kind: BlockKind; owner: number } {
  const prev = name(toks, brace - 1);
  if (SET_OWNERS.has(prev)) return { kind: 'set', owner: brace - 1 };
  if ((prev === 'Any' || prev === 'All') && name(toks, brace - 2) === 'Has') return { kind: 'set', owner: brace - 2 };
  if (prev === 'Of' && (name(toks, brace - 2) === 'All' || name(toks, brace - 2) === 'Any')) return { kind: 'attest', owner: brace - 2 };
  if (prev === 'Material') return { kind: 'material', owner: brace - 1 };
  let depth = 0;
  for (let i = brace - 1; i >= 0 && i >= brace - 400; i--) {
    const n = name(toks, i);
    if (n === 'RBrace' || n === 'RParen') depth++;
    else if (n === 'LBrace' || n === 'LParen') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      const kind = DECLARATION_OWNERS[n];
      if (kind) return { kind, owner: i };
      if (ENDS_STATEMENT.has(n)) break;
    }
  }
  return { kind: 'when', owner: -1 }; // a block of statements
}

/** The blocks still open at the end of `toks`, outermost first. */
export function openBlocks(toks: readonly Tok[]): OpenBlock[] {
  const stack: number[] = [];
  toks.forEach((t, i) => {
    const n = t.tokenType.name;
    if (n === 'LBrace') stack.push(i);
    else if (n === 'RBrace') stack.pop();
  });
  return stack.map((brace) => ({ ...ownerOf(toks, brace), brace }));
}

const MAX_ATTEMPTS = 24;
const MAX_STATEMENT_TOKENS = 800;

/**
 * `toks` are the tokens before the cursor (offsets relative to `text`, which ends where the word being
 * typed starts, at `cursor`).
 */
export function expectedAt(toks: readonly Tok[], text: string, cursor: number): Expectation {
  const blocks = openBlocks(toks);
  const inner = blocks[blocks.length - 1];
  const block = inner?.kind ?? 'file';
  const from = inner ? inner.brace + 1 : 0;
  const n = toks.length;
  const lineBreakBefore = (i: number) => {
    const end = i > 0 ? toks[i - 1]!.startOffset + toks[i - 1]!.image.length : 0;
    const start = i < n ? toks[i]!.startOffset : cursor;
    return /[\r\n]/.test(text.slice(end, start));
  };

  // Statement boundaries in the innermost block, nearest last; nested blocks are skipped whole.
  const boundaries: { i: number; hard: boolean }[] = [];
  let nested = 0;
  for (let i = from; i <= n; i++) {
    if (nested === 0) {
      const hard = i === from || ENDS_STATEMENT.has(name(toks, i - 1));
      if (hard || lineBreakBefore(i)) boundaries.push({ i, hard });
    }
    const t = name(toks, i);
    if (t === 'LBrace') nested++;
    else if (t === 'RBrace') nested = Math.max(0, nested - 1);
  }
  const lineHasTokens = n > 0 && !lineBreakBefore(n);

  const parser = sharedParser();
  const rule = BLOCKS[block].rule;
  const header = HEADERS[block];
  const attempt = (i: number) => parser.computeContentAssist(rule, [...header, ...toks.slice(i, n)]);

  let first: { i: number; hard: boolean; paths: Path[] } | undefined;
  let attempts = 0;
  for (let b = boundaries.length - 1; b >= 0 && attempts < MAX_ATTEMPTS; b--) {
    const { i, hard } = boundaries[b]!;
    if (n - i > MAX_STATEMENT_TOKENS) break;
    attempts++;
    const paths = attempt(i);
    if (!paths.length) continue;
    if (!first) {
      first = { i, hard, paths };
      // A fresh line may still continue the statement above it: look for that one too.
      if (i === n && !hard) continue;
      return { paths, statement: toks.slice(i, n), blocks, block, lineHasTokens, fallback: false };
    }
    return { paths: [...first.paths, ...paths], statement: toks.slice(i, n), blocks, block, lineHasTokens, fallback: false };
  }
  if (first) return { paths: first.paths, statement: [], blocks, block, lineHasTokens, fallback: false };
  // Nothing parses (the statement itself is broken): offer what may start a statement here.
  return { paths: parser.computeContentAssist(rule, [...header]), statement: [], blocks, block, lineHasTokens, fallback: true };
}

export type ValueOwner = { readonly kind: 'field'; readonly token: Tok } | { readonly kind: 'records' };

const VALUE_PARTS = new Set(['Identifier', 'StringLiteral', 'UnclosedString', 'DigitName', 'NumberLiteral', 'DateLiteral', 'Comma', 'DotDot', 'LBrace']);
const COMPARISONS = new Set(['GreaterEq', 'LessEq', 'NotEq', 'Equals', 'Greater', 'Less']);
const FIELD_TOKENS = new Set(['Identifier', 'StringLiteral', 'DigitName', 'Award']);

/** Whose values are being written at the end of `toks`: the field before `>=`, `in`, `has`, or `no` records. */
export function valueOwner(toks: readonly Tok[]): ValueOwner | undefined {
  let i = toks.length - 1;
  while (i >= 0 && VALUE_PARTS.has(name(toks, i))) i--;
  const op = name(toks, i);
  if (op === 'No') return { kind: 'records' };
  let f = -1;
  if (COMPARISONS.has(op) || op === 'Has') f = i - 1;
  else if (op === 'In') f = name(toks, i - 1) === 'Not' ? i - 2 : i - 1;
  else if ((op === 'Any' || op === 'All') && name(toks, i - 1) === 'Has') f = i - 2;
  const token = toks[f];
  return token && FIELD_TOKENS.has(token.tokenType.name) ? { kind: 'field', token } : undefined;
}
