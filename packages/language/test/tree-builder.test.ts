/**
 * The parser builds its syntax tree with its own versions of three of Chevrotain's (11.2, pinned)
 * tree-building methods, decides from a lookahead table worked out ahead of time (lookahead.ts), and
 * a document is built from a parse that hands each top-level item on as soon as it is read (see
 * parser.ts and parse.ts). All are for speed only; these tests hold them to
 * the trees and errors of Chevrotain's own methods and the ordinary parse, on real files and on
 * broken ones, so that a Chevrotain upgrade that changes its internals fails here rather than
 * somewhere downstream.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { CstParser, LLkLookaheadStrategy, type CstNode, type IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { parse, parseWithoutCst } from '../src/syntax/parse.js';
import { AwardParser, MAX_LOOKAHEAD, sharedParser } from '../src/syntax/parser.js';
import { NEW_CHILDREN } from '../src/syntax/cst.generated.js';
import { lex } from '../src/syntax/scanner.js';

const root = new URL('../../../', import.meta.url);
const filesIn = (dir: string) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.award')).map((f) => [`${dir}${f}`, readFileSync(new URL(`${dir}${f}`, root), 'utf8')] as const);
const files = [...filesIn('examples/'), ...filesIn('test/negative/')];

/** A parser that decides and builds its tree with Chevrotain's own methods. */
function chevrotainParser(): AwardParser {
  const parser = new AwardParser({ validate: false, config: { lookaheadStrategy: new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD }) } });
  const own = CstParser.prototype as unknown as Record<string, unknown>;
  for (const m of ['cstInvocationStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal']) (parser as unknown as Record<string, unknown>)[m] = own[m];
  return parser;
}

/** A tree as plain data: node names, token images and offsets, node locations (a key without children is left out). */
function plain(node: CstNode): unknown {
  const children: Record<string, unknown[]> = {};
  for (const key of Object.keys(node.children).sort()) {
    const items = node.children[key];
    if (items) children[key] = items.map((c) => ('image' in c ? [c.tokenType.name, c.image, c.startOffset] : plain(c)));
  }
  return { name: node.name, location: [node.location?.startOffset, node.location?.endOffset], children };
}

describe('syntax tree building', () => {
  it('checks a fair sample: the five examples and the negative corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  const reference = chevrotainParser();
  const sameAsChevrotain = (tokens: IToken[]) => {
    reference.input = tokens;
    const expected = plain(reference.file());
    const parser = sharedParser();
    parser.input = tokens;
    expect(plain(parser.file())).toEqual(expected);
    const errors = (p: AwardParser) => p.errors.map((e) => [e.name, e.message, e.token.startOffset]);
    expect(errors(parser)).toEqual(errors(reference));
  };

  it.each(files)('%s: the tree and the errors are the ones Chevrotain gives', (_name, text) => {
    sameAsChevrotain(lex(text).tokens);
  });

  it.each(files.slice(0, 5))('%s broken 40 ways: the trees and the errors are the ones Chevrotain gives', (_name, text) => {
    // Each a token dropped, doubled or moved one place on: decisions meet unexpected tokens, and error recovery leaves partial trees.
    let seed = 20261124;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    const tokens = lex(text).tokens;
    for (let k = 0; k < 40; k++) {
      const broken = tokens.slice();
      const i = random(broken.length - 1);
      const how = k % 3;
      if (how === 0) broken.splice(i, 1);
      else if (how === 1) broken.splice(i, 0, broken[i]!);
      else [broken[i], broken[i + 1]] = [broken[i + 1]!, broken[i]!];
      sameAsChevrotain(broken);
    }
  });

  it.each(files)('%s: every node of a rule has the keys of its rule, in one order', (_name, text) => {
    const visit = (node: CstNode) => {
      expect(Object.keys(node.children).join(','), node.name).toBe(Object.keys(NEW_CHILDREN[node.name]!()).join(','));
      for (const items of Object.values(node.children)) for (const c of items ?? []) if (!('image' in c)) visit(c);
    };
    visit(parse(text).cst);
  });

  it.each(files)('%s: the streamed parse gives the ordinary AST and diagnostics', (_name, text) => {
    const ordinary = parse(text);
    const streamed = parseWithoutCst(text);
    expect(streamed.ast).toEqual(ordinary.ast);
    expect(streamed.diagnostics).toEqual(ordinary.diagnostics);
    expect(streamed.clean).toBe(ordinary.clean);
  });
});
