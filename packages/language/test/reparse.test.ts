/**
 * Reparsing an edited text from the previous parse (reparse.ts) must give exactly what parsing it
 * whole gives: the same tree, tokens, comments and diagnostics, whether the previous parse is copied
 * or taken over, over thousands of edits of every kind (typing, deleting, pasting, breaking a
 * block and mending it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IToken } from 'chevrotain';
import { parseWithoutCst } from '../src/syntax/parse.js';
import { reparse, reuseParse, type PreviousParse } from '../src/syntax/reparse.js';
import { buildDocument } from '../src/workspace/document.js';

const root = new URL('../../../', import.meta.url);
const read = (dir: string) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.award')).map((f) => readFileSync(new URL(`${dir}${f}`, root), 'utf8'));
const examples = read('examples/');
const corpus = read('test/negative/');

const tokenData = (ts: readonly IToken[]) => ts.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset]);
/** A parse as data, to compare. */
const data = (p: Omit<PreviousParse, 'text' | 'syntaxDiagnostics'> & { diagnostics: readonly unknown[]; clean: boolean }) =>
  JSON.stringify({ ast: p.ast, tokens: tokenData(p.tokens), comments: tokenData(p.comments), diagnostics: p.diagnostics, clean: p.clean });
const asPrevious = (text: string, p: ReturnType<typeof parseWithoutCst>): PreviousParse => ({ text, ...p, syntaxDiagnostics: p.diagnostics });

/** Whether a syntax tree is a tree: no node or span in two places (what moving it in place relies on). */
function isTree(ast: unknown): boolean {
  const seen = new Set<object>();
  const walk = (x: unknown): boolean => {
    if (typeof x !== 'object' || x === null) return true;
    if (seen.has(x)) return false;
    seen.add(x);
    return Object.values(x).every(walk);
  };
  return walk(ast);
}

/** A seeded generator of edits: what typing and pasting do to a rule file. */
function editor(seed: number) {
  const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const pastes = [' ', '\n', 'x', '7', '"', '“', '#', '@', '{', '}', '(', ')', ',', '/*', '*/', '// 注释\n', 'and ', 'not ', '>=', '副厅级',
    'exclude rank >= vice-bureau #J23-EXCLUDE-9\n', '  cap rank = county-level <= 20% of selected\n', 'award z "新奖项" for individual {\n  quota <= 3\n}\n'];
  return (text: string): string => {
    const at = random(text.length + 1);
    const kind = random(7);
    if (kind === 0) return text.slice(0, at) + text.slice(at + 1 + random(40)); // a deletion, across items at times
    if (kind === 2) { // two lines joined: what was after a comment or an open string runs on
      const end = text.indexOf('\n', at);
      return end < 0 ? text : text.slice(0, end) + text.slice(end + 1);
    }
    if (kind === 1) { // a line moved elsewhere
      const start = text.lastIndexOf('\n', at) + 1;
      const end = text.indexOf('\n', at) + 1 || text.length;
      const rest = text.slice(0, start) + text.slice(end);
      const to = rest.lastIndexOf('\n', random(rest.length + 1)) + 1;
      return rest.slice(0, to) + text.slice(start, end) + rest.slice(to);
    }
    return text.slice(0, at) + pastes[random(pastes.length)] + text.slice(at);
  };
}

describe('reparse', () => {
  for (const takeOver of [false, true]) {
    it(`gives what a whole parse gives, over 2,500 edits of the examples (${takeOver ? 'taking over' : 'copying'} the previous parse)`, () => {
      let reused = 0;
      let edits = 0;
      examples.forEach((original, n) => {
        const edit = editor(1000 + n);
        let text = original;
        let previous = asPrevious(text, parseWithoutCst(text));
        let earlier = text;
        for (let k = 0; k < 500; k++) {
          // Every other edit is undone, as a mistake typed and mended; now and then back to the original.
          const next = k % 40 === 39 ? original : k % 2 === 1 ? earlier : edit(text);
          earlier = text;
          const before = takeOver ? '' : data(previous);
          if (reuseParse({ ...previous, tokens: [...previous.tokens], comments: [...previous.comments] }, next)) reused++;
          const again = reparse(previous, next, takeOver);
          const whole = parseWithoutCst(next);
          expect(data(again), `edit ${k} of example ${n}`).toBe(data(whole));
          if (whole.clean) expect(isTree(whole.ast)).toBe(true);
          if (!takeOver) expect(data(previous), 'the previous parse is left as it was').toBe(before);
          text = next;
          previous = asPrevious(text, again);
          edits++;
        }
      });
      // Most edits keep the file readable, and those are reparsed from the previous parse.
      expect(edits).toBe(2500);
      expect(reused).toBeGreaterThan(edits / 4);
    });
  }

  it('keeps the items before the edit and moves those after it, reading one item again', () => {
    const text = examples[1]!;
    const previous = asPrevious(text, parseWithoutCst(text));
    const at = text.indexOf('quota <=');
    expect(at).toBeGreaterThan(0);
    const edited = `${text.slice(0, at)}  ${text.slice(at)}`;
    const again = reuseParse(previous, edited)!;
    expect(again).toBeDefined();
    const items = previous.ast.items;
    const changed = again.ast.items.findIndex((item, i) => item !== items[i]);
    expect(changed).toBeGreaterThan(0);
    expect(again.ast.items.slice(0, changed)).toEqual(items.slice(0, changed));
    expect(again.ast.items.at(-1)!.start).toBe(items.at(-1)!.start + 2);
  });

  it.each([
    ['a tag typed on the line after a rule belongs to the rule', (t: string) => t.replace('exclude rank >= vice-bureau\n', 'exclude rank >= vice-bureau\n#J23-EXCLUDE-9 ')],
    ['a rule glued to the word before it', (t: string) => t.replace(/\n(award )/, '$1')],
    ['a block opened and left open', (t: string) => t.replace('award ', '{ award ')],
    ['a comment opened before items', (t: string) => t.replace('award ', '/* award ')],
    ['the whole text removed', () => ''],
    ['a line comment that comes to run on into the next item', (t: string) => t.replace('// c\n', '// c')],
    ['a string that comes to run on into the next item', (t: string) => t.replace('// c\n', '"c')],
  ])('%s: as a whole parse', (_what, change) => {
    const text = 'notice "x" { tags J23 }\nexclude rank >= vice-bureau\naward a "甲" for individual {\n  quota <= 3\n} // c\n  exclude honours has x\n';
    const previous = asPrevious(text, parseWithoutCst(text));
    const next = change(text);
    expect(next).not.toBe(text);
    expect(data(reparse(previous, next))).toBe(data(parseWithoutCst(next)));
  });

  it('reads a tree in which no node or span is in two places (what moving in place relies on)', () => {
    for (const text of [...examples, ...corpus]) expect(isTree(parseWithoutCst(text).ast)).toBe(true);
  });

  it('gives documents with the same diagnostics and model as building them afresh', () => {
    const edit = editor(77);
    let text = examples[2]!;
    let previous = buildDocument('x.award', text);
    for (let k = 0; k < 60; k++) {
      text = edit(text);
      const reused = buildDocument('x.award', text, {}, { previous });
      const fresh = buildDocument('x.award', text);
      expect(reused.diagnostics).toEqual(fresh.diagnostics);
      expect(JSON.stringify(reused.model, (_k, v) => (v instanceof Map ? [...v] : v))).toBe(JSON.stringify(fresh.model, (_k, v) => (v instanceof Map ? [...v] : v)));
      previous = reused;
    }
  });
});
