import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AwardParser, parse } from '@awardrules/language';
import { cstTypesSource } from '../src/syntax/cst-dts.js';

describe('parser', () => {
  it('passes Chevrotain grammar validation (no ambiguity, no left recursion)', () => {
    expect(() => new AwardParser({ validate: true })).not.toThrow();
  });

  it('has generated CST types that match the grammar', () => {
    const committed = readFileSync(new URL('../src/syntax/cst.generated.ts', import.meta.url), 'utf8');
    expect(committed, 'run: npm run cst-types -w @awardrules/language').toBe(cstTypesSource());
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

  it('reports literal problems with their exact spans', () => {
    const text = 'notice { issued 2021-02-30 }\nrequire x >= 5yeras\nrequire y = "a\\qb"';
    const r = parse(text);
    expect(r.diagnostics.map((d) => `${d.code}@${text.slice(d.span.start, d.span.end)}`)).toEqual(['AR1101@2021-02-30', 'AR1008@\\q']);
  });
});
