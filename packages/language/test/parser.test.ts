import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AwardParser, lex, parse, render, tokens, type Diagnostic } from '@awardrules/language';
import { cstTypesSource, lookaheadSource } from '../src/syntax/grammar-tables.js';
import { PrecomputedLookahead } from '../src/syntax/lookahead.js';
import { MAX_LOOKAHEAD, TOKEN_TYPES } from '../src/syntax/parser.js';
import { LOOKAHEAD } from '../src/syntax/lookahead.generated.js';
import { isDescribed } from '../src/syntax/describe.js';

describe('parser', () => {
  it('passes Chevrotain grammar validation (no ambiguity, no left recursion)', () => {
    expect(() => new AwardParser({ validate: true })).not.toThrow();
  });

  it('has generated CST types that match the grammar', () => {
    const committed = readFileSync(new URL('../src/syntax/cst.generated.ts', import.meta.url), 'utf8');
    expect(committed, 'run: npm run grammar-tables -w @awardrules/language').toBe(cstTypesSource());
  });

  it('has a generated lookahead table that matches the grammar, and finds every decision in it', () => {
    const committed = readFileSync(new URL('../src/syntax/lookahead.generated.ts', import.meta.url), 'utf8');
    expect(committed, 'run: npm run grammar-tables -w @awardrules/language').toBe(lookaheadSource());
    const strategy = new PrecomputedLookahead(LOOKAHEAD, TOKEN_TYPES, MAX_LOOKAHEAD);
    new AwardParser({ validate: false, lookahead: strategy });
    expect(strategy.decisions.length).toBeGreaterThan(50);
    expect(strategy.missing).toBe(0);
  });

  it('ends a list of aliases at a comma that is followed by the next value', () => {
    const r = parse('extend region { a "甲" aka "x", "w", b "乙" }');
    expect(r.diagnostics).toEqual([]);
    const item = r.ast.items[0];
    expect(item?.kind === 'extend' && item.terms.map((t) => [t.name?.text, t.aliases.map((a) => a.value)])).toEqual([['a', ['x', 'w']], ['b', []]]);
  });

  it('parses a cap whose group is a yes/no field (the bound is not a comparison)', () => {
    const r = parse('cap front-line >= 20% of recommended');
    expect(r.diagnostics).toEqual([]);
    const rule = r.ast.items[0];
    expect(rule?.kind === 'rule' && rule.body?.kind === 'cap' && rule.body.pred?.kind).toBe('flag');
  });

  it('reports every syntax error in a file, not only the first', () => {
    const text = [
      'award a "甲" for collective {',
      '  quota <=',
      '  cap rank = county-level <= 15% of selcted',
      '  exclude rank >= 副厅级 unless',
      '}',
      '}',
      'scope rank ? 3',
    ].join('\n');
    const r = parse(text);
    const found = r.diagnostics.map((d) => `${d.code}@${text.slice(d.span.start, d.span.end)}`);
    expect(found).toEqual(['AR1003@cap', 'AR1003@selcted', 'AR1003@}', 'AR1005@}', 'AR1001@?', 'AR1005@3']);
  });

  it('keeps the parts of a recovered rule it could read', () => {
    const r = parse('award a "甲" for collective {\n  quota <=\n  scope rank = county\n}');
    const award = r.ast.items[0];
    expect(award?.kind).toBe('award');
    const kinds = award?.kind === 'award' ? award.body.map((s) => (s.kind === 'rule' ? s.body?.kind : s.kind)) : [];
    expect(kinds).toContain('scope');
  });

  it('reads the standard field award (申报奖项) in a condition, although award is a keyword', () => {
    const r = parse('when award = p { require front-line }\nscope award in {p, q} or not award = q');
    expect(r.diagnostics).toEqual([]);
    const w = r.ast.items[0];
    expect(w?.kind === 'when' && w.pred?.kind === 'compare' && w.pred.field.text).toBe('award');
  });

  it('reports a reserved word written as a name once, reads it as the name, and suggests another', () => {
    const cases: [string, string, string][] = [
      ['extend sector { all "全部" }', 'all', 'all-sectors'],
      ['extend sector { all "全部" west "西" }\nrequire sector = west', 'all', 'all-sectors'],
      ['field no "无": yes/no', 'no', 'no-field'],
      ['enum kinds "类" { in "内" }', 'in', 'in-kinds'],
      ['attest all of { each "每一" }', 'each', 'each-condition'],
    ];
    for (const [text, word, suggestion] of cases) {
      const r = parse(text);
      expect(r.diagnostics.map((d) => [d.code, d.args[0], d.args[1]]), text).toEqual([['AR1011', word, suggestion]]);
      expect(render(r.diagnostics[0]!, 'en').message, text).toBe(`'${word}' is a reserved word; choose another name (e.g. ${suggestion}).`);
      expect(render(r.diagnostics[0]!, 'zh').message, text).toBe(`“${word}”是保留字，不能用作名称；请另取名称（例如 ${suggestion}）。`);
    }
    const ext = parse('extend sector { all "全部" west "西" }').ast.items[0];
    expect(ext?.kind === 'extend' && ext.terms.map((t) => t.name.text)).toEqual(['all', 'west']);
    // A missing word before a rule on the next line is not a reserved word used as a name.
    expect(parse('award a "甲" for collective {\n  quota <=\n  scope rank = county\n}').diagnostics.map((d) => d.code)).toEqual(['AR1003']);
  });

  it('reads glued and spaced Chinese units as quantities, and a name starting with digits as a name', () => {
    const r = parse('require x >= 5年\nrequire x >= 5 年\npublicity >= 5个工作日 at unit\nrequire region = 5A区');
    expect(r.diagnostics).toEqual([]);
    const values = r.ast.items.map((i) => (i.kind === 'rule' && i.body?.kind === 'require' && i.body.pred?.kind === 'compare' ? i.body.pred.value : i.kind === 'rule' && i.body?.kind === 'publicity' ? i.body.duration : undefined));
    expect(values[0]).toMatchObject({ kind: 'quantity', quantity: { amount: { value: 5 }, unit: 'years' } });
    expect(values[1]).toMatchObject({ kind: 'quantity', quantity: { amount: { value: 5 }, unit: 'years' } });
    expect(values[2]).toMatchObject({ amount: { value: 5 }, unit: 'workdays' });
    expect(values[3]).toMatchObject({ kind: 'name', name: { text: '5A区' } });
  });

  it('keeps every clause a rule cites, in order', () => {
    const r = parse('consult tax @一 #T-CONSULT-1 @"附件 2"');
    const rule = r.ast.items[0];
    expect(rule?.kind === 'rule' && rule.clause?.text).toBe('一、附件 2');
  });

  it('reports literal problems with their exact spans', () => {
    const text = 'notice { issued 2021-02-30 }\nrequire x >= 5yeras\nrequire y = "a\\qb"';
    const r = parse(text);
    expect(r.diagnostics.map((d) => `${d.code}@${text.slice(d.span.start, d.span.end)}`)).toEqual(['AR1101@2021-02-30', 'AR1008@\\q']);
  });
});

describe('syntax error messages', () => {
  /** Every token type the parser can be asked to expect, by name (comments and white space are never expected). */
  const expectable = [...new Set([...tokens.ALL_TOKENS.map((t) => t.name), 'EOF'])]
    .filter((n) => !['WhiteSpace', 'LineComment', 'BlockComment', 'UnclosedBlockComment'].includes(n));

  it('describe every token the parser may expect in words, in both languages', () => {
    for (const name of expectable.filter((n) => n !== 'EOF')) expect(isDescribed(name), name).toBe(true);
  });

  it('never show an internal token name, on a corpus of broken inputs', () => {
    const internal = new RegExp(`Tok|\\b(?:${expectable.join('|')})\\b`);
    const examples = new URL('../../../examples/', import.meta.url);
    const sources = readdirSync(examples).filter((f) => f.endsWith('.award')).map((f) => readFileSync(new URL(f, examples), 'utf8'));
    const broken: string[] = [
      'publicity 5 days at unit', 'cap front-line <= 20% of selected per', 'notice { reference "决定" }', 'notice { tags "x" }',
      'field a "甲":', 'field a "甲": set', 'award a "甲" for', 'table t by region (a) { x: }', 'require rank', 'require rank >=',
      'require x >= 5 KB ..', 'material m size 5..', 'material m copies 3', 'route reviewer { rank = county a }', 'quota per region',
      'extend { a }', 'stage', 'deadline s by', 'exclude (rank = county', 'attest all { a }', 'recommend >= 5 where', 'exempt a from',
      'cap a controlled per region', 'consult {a, }', 'publicity >= 5 workdays at each', 'issued 2024-01-01', 'when { }', '原则上',
    ];
    for (const text of sources) {
      const t = lex(text).tokens;
      for (let i = 7; i < t.length; i += 23) {
        broken.push(text.slice(0, t[i]!.startOffset)); // cut short
        broken.push(text.slice(0, t[i]!.startOffset) + text.slice(t[i]!.startOffset + t[i]!.image.length)); // a token left out
      }
    }
    let errors = 0;
    for (const text of broken) {
      for (const d of parse(text).diagnostics) {
        if (!/^AR1/.test(d.code)) continue;
        errors++;
        // What was found is the user's own text; what was expected must be described in words.
        const found = d.code === 'AR1005' || d.code === 'AR1010' || d.code === 'AR1011' || d.code === 'AR1001' ? 0 : 1;
        const shown: Diagnostic = { ...d, args: d.args.map((a, i) => (i === found ? 'FOUND' : a)) };
        for (const locale of ['en', 'zh'] as const) {
          const r = render(shown, locale);
          expect(`${r.message} ${r.hint ?? ''}`, `${JSON.stringify(text.slice(-60))} (${locale})`).not.toMatch(internal);
          // Nor the fallback for a token without a description.
          expect(r.message, `${JSON.stringify(text.slice(-60))} (${locale})`).not.toMatch(/something else|其他内容/);
        }
      }
    }
    expect(errors).toBeGreaterThan(100);
  });

  it('name tokens in words where the brief found internal names', () => {
    const message = (text: string) => parse(text).diagnostics.map((d) => render(d, 'en').message);
    expect(message('publicity 5 days at unit')).toEqual(["Expected a comparison such as >= but found '5'."]);
    expect(message('cap front-line <= 20% of selected per')).toEqual(['Expected a name but found the end of the file.']);
    expect(message('notice { reference "决定" }')).toEqual(['Expected a stage name or a date but found \'"决定"\'.']);
    expect(parse('publicity 5 days at unit').diagnostics.map((d) => render(d, 'zh').message)).toEqual(['此处应为比较符号（如 >=），实际为“5”。']);
  });
});
