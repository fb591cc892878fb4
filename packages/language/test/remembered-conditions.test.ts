/**
 * The checker resolves a condition written the same way again from what it remembered of the first
 * (predicates.ts, `resolvePred`). That must change nothing but the time: the rules, diagnostics and
 * references of a file are those of resolving every condition afresh (what a file with syntax errors
 * gets, and what `CheckContext` does when told the file has them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../src/check/context.js';
import { declareAll } from '../src/check/declarations.js';
import { resolveRules } from '../src/check/rules.js';
import { parse } from '../src/syntax/parse.js';
import { HEADER } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const filesIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.award')).map((f) => [`${dir}/${f}`, readFileSync(join(root, dir, f), 'utf8')] as const);

/** The rules, diagnostics and references of `text`, with conditions remembered or each resolved afresh. */
function resolved(name: string, text: string, remember: boolean): { rules: string; diagnostics: unknown; references: unknown; remembered: number } {
  const readFile = (path: string) => { try { return readFileSync(join(root, dirname(name), path), 'utf8'); } catch { return undefined; } };
  const ctx = new CheckContext({ readFile }, text, !remember);
  declareAll(ctx, parse(text).ast);
  const rules = resolveRules(ctx, parse(text).ast);
  return {
    rules: JSON.stringify(rules, (_k, v: unknown) => (v instanceof Map ? [...v] : v)),
    diagnostics: ctx.diagnostics, references: ctx.references, remembered: ctx.conditions?.size ?? 0,
  };
}

/** Conditions repeated in every way that matters: other names of values, `when` blocks, negations, look-back windows, attest conditions that grow. */
const REPEATED = `${HEADER}extend region { yanbian "延边朝鲜族自治州" aka "延边州" }
award a "甲" for individual {
  attest all of { c1 "条件一" }
  exclude rank >= 副厅级 #T-EXCLUDE-1
  exclude region = 延边州 and rank >= vice-bureau #T-EXCLUDE-2
  require no violation within 3 years #T-REQUIRE-1
  when not rank >= 副厅级 {
    require attested has c1 #T-REQUIRE-2
  }
}
award b "乙" for individual {
  attest all of { c2 "条件二" }
  exclude rank >= 副厅级 #T-EXCLUDE-3
  exclude region = 延边州 and rank >= vice-bureau #T-EXCLUDE-4
  require no violation within 3 years #T-REQUIRE-3
  when not rank >= 副厅级 {
    require attested has c1 #T-REQUIRE-4
    require attested has c2 #T-REQUIRE-5
  }
  exclude rank >= 副厅级 and rank = 不存在的级别 #T-EXCLUDE-5
  exclude rank >= 副厅级 and rank = 不存在的级别 #T-EXCLUDE-6
}
`;

/**
 * `no 问责` looks its kind up in every dated-record field: once award b makes 问责 an attest condition
 * too, a field of condition records makes the second `no 问责` ambiguous.
 */
const RECORD_KINDS = `${HEADER}field checked "核实事项": events of condition
award a "甲" for individual {
  require no 问责 within 3 years #T-REQUIRE-1
}
award b "乙" for individual {
  attest all of { 问责 "问责" }
  require no 问责 within 3 years #T-REQUIRE-2
}
`;

const files = [...filesIn('examples'), ...filesIn('test/negative'), ['repeated.award', REPEATED] as const, ['record-kinds.award', RECORD_KINDS] as const];

describe('conditions resolved once per text', () => {
  it('has files to compare', () => expect(files.length).toBeGreaterThan(50));

  it.each(files)('%s: the same rules, diagnostics and references as resolving each afresh', (name, text) => {
    const remembered = resolved(name, text, true);
    const afresh = resolved(name, text, false);
    expect(afresh.remembered).toBe(0);
    expect(remembered.rules).toBe(afresh.rules);
    expect(remembered.diagnostics).toEqual(afresh.diagnostics);
    expect(remembered.references).toEqual(afresh.references);
  });

  it('remembers what repeats, and reports each copy of a condition with a problem where it is written', () => {
    const { remembered, diagnostics } = resolved('repeated.award', REPEATED, true);
    expect(remembered).toBeGreaterThan(3);
    const unknown = (diagnostics as { code: string; span: { start: number } }[]).filter((d) => d.code === 'AR2001' || d.code === 'AR2002');
    expect(unknown.map((d) => REPEATED.slice(d.span.start, d.span.start + 5))).toEqual(['不存在的级', '不存在的级']);
    expect(new Set(unknown.map((d) => d.span.start)).size).toBe(2);
  });

  it('resolves a condition again once a value list it reads has grown', () => {
    // \`attested has c1\` is first read in award a, with one attest condition declared; award b adds c2.
    const ctx = new CheckContext({}, REPEATED, false);
    const ast = parse(REPEATED).ast;
    declareAll(ctx, ast);
    resolveRules(ctx, ast);
    const entry = ctx.conditions!.get('attested has c1')!;
    expect(entry.lists.map(([list, size]) => [list.def.id, size])).toEqual([['condition', 2]]);
  });

  it('resolves `no …` again once the list of any dated-record field has grown', () => {
    const { diagnostics } = resolved('record-kinds.award', RECORD_KINDS, true);
    const ambiguous = (diagnostics as { code: string; span: { start: number } }[]).filter((d) => d.code === 'AR2036');
    expect(ambiguous.map((d) => RECORD_KINDS.slice(0, d.span.start).split('\n').length)).toEqual([12]);
  });

  it('records the uses of names at each copy', () => {
    const { references } = resolved('repeated.award', REPEATED, true);
    const uses = (references as { span: { start: number; end: number }; symbol: string }[]).filter((r) => r.symbol === 'value:region:yanbian');
    expect(uses.map((r) => REPEATED.slice(r.span.start, r.span.end))).toEqual(['yanbian', '延边州', '延边州']);
  });
});
