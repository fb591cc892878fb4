/**
 * The canonical layout of a rule file: one declaration, property, value, rule or case per line,
 * two spaces per block, single spaces between words, ASCII punctuation, straight quotes, and no
 * optional punctuation (the commas between values, attest items and material requirements, the `:` of
 * a table row): line breaks and spaces separate those items already. Comments
 * stay where they were (on their own line, or at the end of a line) and in order; blank lines are
 * kept, at most one in a row. The layout is driven by the concrete syntax tree, so only files that
 * parse without errors are formatted.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileCstNode } from '../syntax/cst.generated.js';
import { parse } from '../syntax/parse.js';

export type FormatResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Nodes whose `{ … }` hold one child per line. */
const BLOCK_OWNERS = new Set(['noticeDecl', 'extendDecl', 'enumDecl', 'tableDecl', 'awardDecl', 'whenBlock', 'attestGroup', 'routeRule', 'materialRule']);
/** Nodes that start a line of their own. */
const LINE_NODES = new Set(['topItem', 'noticeProp', 'termDecl', 'tableRow', 'statement', 'routeCase', 'attestItem']);

/** Canonical spellings of punctuation that Chinese input methods type in full width. */
const CANONICAL: Record<string, string> = {
  LBrace: '{', RBrace: '}', LParen: '(', RParen: ')', Comma: ',', Colon: ':', Percent: '%',
  GreaterEq: '>=', LessEq: '<=', NotEq: '!=', Equals: '=', Greater: '>', Less: '<', Arrow: '->', DotDot: '..',
};

/** Optional punctuation the canonical layout leaves out: node name → token names. */
const OPTIONAL: Readonly<Record<string, readonly string[]>> = {
  termDecl: ['Comma'], attestItem: ['Comma'], materialItem: ['Comma'], tableRow: ['Colon'],
};

const NO_SPACE_BEFORE = new Set(['Comma', 'Percent', 'RParen', 'Colon', 'DotDot']);
const NO_SPACE_AFTER = new Set(['LParen', 'DotDot']);

export function format(text: string): FormatResult {
  const parsed = parse(text);
  if (!parsed.clean) return { ok: false, diagnostics: parsed.diagnostics };
  const layout = collectLayout(parsed.cst);
  return { ok: true, text: emit(text, parsed.tokens, parsed.comments, layout) };
}

interface Layout {
  readonly blockBraces: Set<number>;
  readonly lineStarts: Set<number>;
  /** Optional punctuation, left out. */
  readonly dropped: Set<number>;
}

function collectLayout(cst: FileCstNode): Layout {
  const blockBraces = new Set<number>();
  const lineStarts = new Set<number>();
  const dropped = new Set<number>();
  const visit = (node: CstNode, parent: CstNode | undefined) => {
    const first = firstTokenOffset(node);
    if (first !== undefined) {
      if (LINE_NODES.has(node.name)) lineStarts.add(first);
      // A nested `any of {…}` or a material in a block starts its own line too.
      if (node.name === 'attestGroup' && parent?.name === 'attestGroup') lineStarts.add(first);
      if (node.name === 'materialItem' && parent?.name === 'materialRule' && parent.children['LBrace'] !== undefined) lineStarts.add(first);
    }
    for (const [key, items] of Object.entries(node.children)) {
      for (const item of items ?? []) {
        if ('image' in item) {
          if ((key === 'LBrace' || key === 'RBrace') && BLOCK_OWNERS.has(node.name)) blockBraces.add(item.startOffset);
          if (OPTIONAL[node.name]?.includes(key)) dropped.add(item.startOffset);
        } else visit(item, node);
      }
    }
  };
  visit(cst, undefined);
  return { blockBraces, lineStarts, dropped };
}

function firstTokenOffset(node: CstNode): number | undefined {
  const o = node.location?.startOffset;
  return o !== undefined && Number.isFinite(o) ? o : undefined;
}

function tokenText(t: IToken): string {
  const name = t.tokenType.name;
  if (CANONICAL[name]) return CANONICAL[name]!;
  if (name === 'StringLiteral' && t.image.startsWith('“')) return straightQuoted(t.image.slice(1, -1));
  return t.image;
}

/**
 * Text in straight quotes with the language's escapes only (\" \\ \n \t \u…): JSON's \b, \f and \r
 * do not exist in the language, so other control characters are written \u00XX.
 */
function straightQuoted(text: string): string {
  const body = text.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${body}"`;
}

function emit(text: string, tokens: readonly IToken[], comments: readonly IToken[], layout: Layout): string {
  const items = [...tokens.map((t) => ({ t, comment: false })), ...comments.map((t) => ({ t, comment: true }))]
    .sort((a, b) => a.t.startOffset - b.t.startOffset);
  const lines: string[] = [];
  let line = '';
  /** Whether `line` holds more than indentation (kept as a flag: trimming a long line per token is quadratic). */
  let content = false;
  let depth = 0;
  let prevEnd = 0;
  let prev: IToken | undefined;
  /** A line comment ended the line, so whatever follows goes on a new one. */
  let forcedBreak = false;
  const indent = (extra = 0) => '  '.repeat(Math.max(0, depth + extra));
  const flush = () => {
    if (content) lines.push(line.replace(/\s+$/, ''));
    line = '';
    content = false;
  };
  const breaksBefore = (offset: number) => {
    let n = 0;
    for (let i = prevEnd; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
    }
    return n;
  };
  const startLine = (offset: number, extraIndent = 0) => {
    flush();
    if (breaksBefore(offset) >= 2 && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    line = indent(extraIndent);
  };
  const append = (text: string) => {
    line += text;
    content = true;
  };

  for (const { t, comment } of items) {
    if (!comment && layout.dropped.has(t.startOffset)) {
      prevEnd = t.startOffset + t.image.length;
      continue;
    }
    const image = comment ? t.image.replace(/\s+$/, '') : tokenText(t);
    if (comment) {
      if (breaksBefore(t.startOffset) === 0 && content) append(` ${image}`);
      else { startLine(t.startOffset); append(image); }
      if (t.tokenType.name === 'LineComment') { flush(); forcedBreak = true; }
    } else if (layout.blockBraces.has(t.startOffset) && (t.tokenType.name === 'RBrace')) {
      depth--;
      startLine(t.startOffset);
      append(image);
      forcedBreak = false;
    } else if (layout.lineStarts.has(t.startOffset)) {
      startLine(t.startOffset);
      append(image);
      forcedBreak = false;
    } else if (forcedBreak || !content) {
      startLine(t.startOffset, forcedBreak ? 1 : 0);
      append(image);
      forcedBreak = false;
    } else {
      append(spaceBetween(prev, t) + image);
    }
    if (!comment) {
      if (layout.blockBraces.has(t.startOffset) && t.tokenType.name === 'LBrace') {
        flush();
        depth++;
      }
      prev = t;
    }
    prevEnd = t.startOffset + t.image.length;
  }
  flush();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function spaceBetween(prev: IToken | undefined, t: IToken): string {
  if (!prev) return '';
  const a = prev.tokenType.name;
  const b = t.tokenType.name;
  if (NO_SPACE_BEFORE.has(b) || NO_SPACE_AFTER.has(a)) return '';
  // Inline sets: `{a, b}`.
  if (a === 'LBrace' || b === 'RBrace') return '';
  return ' ';
}
