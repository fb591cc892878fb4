/**
 * Keeps the language reference honest. Every ```award block of grammar/REFERENCE.md is checked with the
 * real checker:
 *
 * Directives are HTML comments on the lines right above a fence (invisible when the page is rendered):
 *
 * - a block is a complete rule file, unless `<!-- fragment -->` is among them: then it is checked after
 *   a minimal notice header (FRAGMENT_HEADER);
 * - a block preceded by `<!-- expect: AR2001 AR2005 -->` must produce exactly those codes, in order;
 *   every other block must produce no diagnostic at all;
 * - a ```csv block preceded by `<!-- file: tables/x.csv -->` is the file `tables/x.csv` for every
 *   award block of the page;
 * - a ```text block preceded by `<!-- explain: zh -->` (or `en`) is what `awardc explain` prints for the
 *   award block just above it;
 * - an ```award block preceded by `<!-- formatted -->` is what `awardc fmt` makes of the award block
 *   just above it;
 * - a ```text block preceded by `<!-- messages: zh -->` (or `en`) lists the diagnostics of the award
 *   block just above it, one `line:column severity CODE: message` line each, with its hint below.
 *
 * The table of diagnostic codes must list every code with its severity and messages, and
 * grammar/VOCABULARY.md must be what `npm run vocabulary` writes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, explain, explanationText, formatText, MESSAGES, render, type AwardDocument, type Locale } from '@awardrules/language';
import { vocabularyMarkdown } from '@awardrules/language';
import { ROOT } from './support.js';

const REFERENCE = `${ROOT}grammar/REFERENCE.md`;
const VOCABULARY = `${ROOT}grammar/VOCABULARY.md`;

const FRAGMENT_HEADER = 'notice "示例〔2024〕1号" {\n  title "示例"\n  issued 2024-01-02\n  reference 2024-03-01\n}\n';

interface Block {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly text: string;
  /** The HTML comments on the lines right above the fence, without `<!--` and `-->`. */
  readonly directives: readonly string[];
}

/** Every fenced block of a Markdown text, with the directive comments right above it. */
function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trimEnd() !== fence; j++) body.push(lines[j]!);
    if (j >= lines.length) throw new Error(`REFERENCE.md:${i + 1}: the block is never closed`);
    const directives: string[] = [];
    for (let k = i - 1; k >= 0; k--) {
      const m = /^<!--\s*(.*?)\s*-->\s*$/.exec(lines[k]!);
      if (!m) break;
      directives.unshift(m[1]!);
    }
    blocks.push({ line: i + 1, lang: open[2]!, text: `${body.join('\n')}\n`, directives });
    i = j;
  }
  return blocks;
}

function directive(block: Block, name: string): string | undefined {
  for (const d of block.directives) {
    const m = new RegExp(`^${name}(?::\\s*(.*))?$`).exec(d);
    if (m) return m[1] ?? '';
  }
  return undefined;
}

const markdown = readFileSync(REFERENCE, 'utf8');
const blocks = fencedBlocks(markdown);

const files = new Map<string, string>();
for (const b of blocks) {
  const path = directive(b, 'file');
  if (path !== undefined) files.set(path, b.text);
}

function build(block: Block): AwardDocument {
  const text = directive(block, 'fragment') !== undefined ? FRAGMENT_HEADER + block.text : block.text;
  return buildDocument(`reference-${block.line}.award`, text, { readFile: (p) => files.get(p) });
}

/** `AR2001 at 12:5` for each diagnostic, to say where an unexpected one is. */
function located(doc: AwardDocument): string[] {
  return doc.diagnostics.map((d) => {
    const p = doc.lines.position(d.span.start);
    return `${d.code} at ${p.line + 1}:${p.character + 1}`;
  });
}

describe('grammar/REFERENCE.md', () => {
  const awardBlocks = blocks.filter((b) => b.lang === 'award');

  it('has examples', () => {
    expect(awardBlocks.length).toBeGreaterThan(50);
  });

  it('tags every block with a language the page knows', () => {
    for (const b of blocks) expect(['award', 'csv', 'text', 'sh'], `block at line ${b.line}`).toContain(b.lang);
  });

  for (const block of awardBlocks) {
    const expected = directive(block, 'expect');
    const title = `the example at line ${block.line} ${expected ? `reports ${expected}` : 'checks cleanly'}`;
    it(title, () => {
      const doc = build(block);
      const codes = doc.diagnostics.map((d) => d.code);
      if (expected === undefined) expect(located(doc), block.text).toEqual([]);
      else expect(codes, `${block.text}\n${located(doc).join('\n')}`).toEqual(expected.split(/\s+/).filter(Boolean));
    });
  }

  it('shows what `awardc explain` prints for the examples it explains', () => {
    let previous: Block | undefined;
    let explained = 0;
    for (const b of blocks) {
      const locale = directive(b, 'explain');
      if (b.lang === 'award') previous = b;
      if (locale === undefined) continue;
      expect(locale === 'zh' || locale === 'en', `line ${b.line}`).toBe(true);
      expect(previous, `line ${b.line}: no example above`).toBeDefined();
      const doc = build(previous!);
      const printed = explanationText(explain(doc.model, locale as 'zh' | 'en'), locale as 'zh' | 'en').replace(/\n+$/, '');
      expect(b.text.replace(/\n+$/, ''), `explanation at line ${b.line}`).toBe(printed);
      explained++;
    }
    expect(explained).toBeGreaterThan(0);
  });

  it('shows the messages the checker gives for the examples it quotes', () => {
    let previous: Block | undefined;
    let quoted = 0;
    for (const b of blocks) {
      const locale = directive(b, 'messages');
      if (b.lang === 'award') previous = b;
      if (locale === undefined) continue;
      expect(locale === 'zh' || locale === 'en', `line ${b.line}`).toBe(true);
      expect(previous, `line ${b.line}: no example above`).toBeDefined();
      const doc = build(previous!);
      const lines = doc.diagnostics.flatMap((d) => {
        const r = render(d, locale as Locale);
        const p = doc.lines.position(d.span.start);
        const severity = locale === 'zh' ? { error: '错误', warning: '警告', info: '提示' }[r.severity] : r.severity;
        const head = `${p.line + 1}:${p.character + 1} ${severity} ${d.code}: ${r.message}`;
        return r.hint ? [head, `  ${locale === 'zh' ? '提示' : 'hint'}: ${r.hint}`] : [head];
      });
      expect(b.text.replace(/\n+$/, ''), `messages at line ${b.line}`).toBe(lines.join('\n'));
      quoted++;
    }
    expect(quoted).toBeGreaterThan(0);
  });

  it('shows what `awardc fmt` makes of the examples it formats', () => {
    let previous: Block | undefined;
    let formatted = 0;
    for (const b of blocks) {
      if (b.lang !== 'award') continue;
      if (directive(b, 'formatted') !== undefined) {
        expect(previous, `line ${b.line}: no example above`).toBeDefined();
        const result = formatText(previous!.text);
        expect(result.ok && result.text, `layout at line ${b.line}`).toBe(b.text);
        formatted++;
      }
      previous = b;
    }
    expect(formatted).toBeGreaterThan(0);
  });

  it('lists every diagnostic code with its severity and messages', () => {
    const rows = new Map<string, string[]>();
    for (const line of markdown.split(/\r?\n/)) {
      const m = /^\| (AR\d{4}) \|/.exec(line);
      if (!m) continue;
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\([|\\`*_{}[\]<>])/g, '$1'));
      rows.set(m[1]!, cells);
    }
    for (const [code, def] of Object.entries(MESSAGES)) {
      const cells = rows.get(code);
      expect(cells, `${code} is missing from the table of diagnostics (section 18)`).toBeDefined();
      expect(cells!.slice(1, 4), `${code}: update its row in section 18`).toEqual([def.severity, def.en, def.zh]);
    }
    expect([...rows.keys()].filter((c) => !(c in MESSAGES))).toEqual([]);
  });

  it('links the vocabulary reference', () => {
    expect(markdown).toContain('(VOCABULARY.md');
  });

  it('names only codes that exist', () => {
    const mentioned = new Set([...markdown.matchAll(/\bAR\d{4}\b/g)].map((m) => m[0]));
    expect([...mentioned].filter((c) => !(c in MESSAGES))).toEqual([]);
  });
});

describe('grammar/VOCABULARY.md', () => {
  it('is what `npm run vocabulary` writes from the standard vocabulary', () => {
    const current = readFileSync(VOCABULARY, 'utf8') === vocabularyMarkdown();
    expect(current, 'grammar/VOCABULARY.md is out of date: run `npm run vocabulary`').toBe(true);
  });
});
