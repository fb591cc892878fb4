import { describe, expect, it } from 'vitest';
import { formatText } from '@awardrules/language';
import { doc } from './helpers.js';

const fmt = (s: string) => {
  const r = formatText(s);
  if (!r.ok) throw new Error(`did not format: ${JSON.stringify(r.diagnostics)}`);
  return r.text;
};

describe('formatter', () => {
  const messy = 'notice "x" { title “a”  issued 2020-01-01 }\n// c1\naward a "甲" for collective { quota<=30 #J-QUOTA-1   // trailing\n\n\n\n  cap rank in {deputy-county,county}<= 15％ of selected\n  exclude rank≥vice-bureau unless honours has any { a , b } within 5 years /* blk */ }\n';

  it('lays a file out canonically', () => {
    expect(fmt(messy)).toBe([
      'notice "x" {',
      '  title "a"',
      '  issued 2020-01-01',
      '}',
      '// c1',
      'award a "甲" for collective {',
      '  quota <= 30 #J-QUOTA-1 // trailing',
      '',
      '  cap rank in {deputy-county, county} <= 15% of selected',
      '  exclude rank >= vice-bureau unless honours has any {a, b} within 5 years /* blk */',
      '}',
      '',
    ].join('\n'));
  });

  it('is idempotent and keeps every comment in order', () => {
    const once = fmt(messy);
    expect(fmt(once)).toBe(once);
    const comments = (s: string) => s.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g);
    expect(comments(once)).toEqual(comments(messy)!.map((c) => c.trimEnd()));
  });

  it('does not change what the file means', () => {
    const strip = (s: string) => JSON.stringify(doc(s).model, (k, v) => (k === 'span' || k === 'references' || k === 'declared' ? undefined : v instanceof Map ? [...v] : v));
    expect(strip(fmt(messy))).toBe(strip(messy));
  });

  it('puts nested condition groups, materials and routes one per line', () => {
    const text = 'attest all of { a "甲" any of { b "乙" c "丙" } }\nmaterial { x "材料" copies >= 2 y "照片" format jpg }\nroute reviewer { rank = county -> a rank = bureau -> b }';
    expect(fmt(text)).toBe([
      'attest all of {', '  a "甲"', '  any of {', '    b "乙"', '    c "丙"', '  }', '}',
      'material {', '  x "材料" copies >= 2', '  y "照片" format jpg', '}',
      'route reviewer {', '  rank = county -> a', '  rank = bureau -> b', '}', '',
    ].join('\n'));
  });

  it('refuses a file with syntax errors', () => {
    const r = formatText('award a { quota <= }');
    expect(r.ok).toBe(false);
  });

  it('leaves out optional commas and colons, keeping comments, and stays idempotent', () => {
    const text = [
      'extend region { east "东区", west "西区", // 两区',
      '  north "北区",',
      '}',
      'table t by region (a) { east: 1  west：2 north 3 }',
      'attest any of { a "甲", b "乙" }',
      'material m "材料" chars <= 1500, electronic，copies >= 2',
    ].join('\n');
    const once = fmt(text);
    expect(once).toBe([
      'extend region {', '  east "东区"', '  west "西区" // 两区', '  north "北区"', '}',
      'table t by region (a) {', '  east 1', '  west 2', '  north 3', '}',
      'attest any of {', '  a "甲"', '  b "乙"', '}',
      'material m "材料" chars <= 1500 electronic copies >= 2', '',
    ].join('\n'));
    expect(fmt(once)).toBe(once);
    // Commas that separate items of one line (sets, issuers, table numbers) stay.
    expect(fmt('consult {tax, audit}\ntable t by region (a, b) { east 1, 2 }')).toBe('consult {tax, audit}\ntable t by region (a, b) {\n  east 1, 2\n}\n');
  });

  it('writes full-width operators and nested curly quotes in ASCII', () => {
    expect(fmt('exclude rank ＞＝ vice-bureau\nrequire rank ＜ county\nexclude kind ＝ collective\nprefer front-line “保持良好的“亲清”关系”'))
      .toBe('exclude rank >= vice-bureau\nrequire rank < county\nexclude kind = collective\nprefer front-line "保持良好的“亲清”关系"\n');
  });

  it('writes a range joined by a dash, as notices join years (2018—2020), or by full-width dots, with ..', () => {
    expect(fmt('require no violation during 2018—2020\nrequire no sanction during 2018——2020\nmaterial photo "照片" size 50．．500 KB'))
      .toBe('require no violation during 2018..2020\nrequire no sanction during 2018..2020\nmaterial photo "照片" size 50..500 KB\n');
  });
});
