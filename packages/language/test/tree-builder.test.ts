/**
 * The parser builds its syntax tree with its own versions of three of Chevrotain's (11.2, pinned)
 * tree-building methods, and a document is built from a parse that hands each top-level item on as
 * soon as it is read (see parser.ts and parse.ts). Both are for speed only; these tests hold them to
 * the trees Chevrotain's own methods and the ordinary parse give, so that a Chevrotain upgrade that
 * changes its internals fails here rather than somewhere downstream.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { CstParser, type CstNode } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { parse, parseWithoutCst } from '../src/syntax/parse.js';
import { AwardParser, sharedParser } from '../src/syntax/parser.js';
import { lex } from '../src/syntax/tokens.js';

const root = new URL('../../../', import.meta.url);
const filesIn = (dir: string) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.award')).map((f) => [`${dir}${f}`, readFileSync(new URL(`${dir}${f}`, root), 'utf8')] as const);
const files = [...filesIn('examples/'), ...filesIn('test/negative/')];

/** A parser that builds its tree with Chevrotain's own methods. */
function chevrotainParser(): AwardParser {
  const parser = new AwardParser({ validate: false });
  const own = CstParser.prototype as unknown as Record<string, unknown>;
  for (const m of ['cstInvocationStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal']) (parser as unknown as Record<string, unknown>)[m] = own[m];
  return parser;
}

/** A tree as plain data: node names, token images and offsets, node locations. */
function plain(node: CstNode): unknown {
  const children: Record<string, unknown[]> = {};
  for (const key of Object.keys(node.children).sort()) {
    children[key] = node.children[key]!.map((c) => ('image' in c ? [c.tokenType.name, c.image, c.startOffset] : plain(c)));
  }
  return { name: node.name, location: [node.location?.startOffset, node.location?.endOffset], children };
}

describe('syntax tree building', () => {
  it('checks a fair sample: the five examples and the negative corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s: the tree is the one Chevrotain builds', (_name, text) => {
    const tokens = lex(text).tokens;
    const reference = chevrotainParser();
    reference.input = tokens;
    const expected = plain(reference.file());
    const parser = sharedParser();
    parser.input = tokens;
    expect(plain(parser.file())).toEqual(expected);
    expect(parser.errors.length).toBe(reference.errors.length);
  });

  it.each(files)('%s: the streamed parse gives the ordinary AST and diagnostics', (_name, text) => {
    const ordinary = parse(text);
    const streamed = parseWithoutCst(text);
    expect(streamed.ast).toEqual(ordinary.ast);
    expect(streamed.diagnostics).toEqual(ordinary.diagnostics);
    expect(streamed.clean).toBe(ordinary.clean);
  });
});
