import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '@awardrules/runtime';
import { CaseSpace, equivalent, findCase, implies, predKey, predKeys, satisfiable, type Pred } from '@awardrules/language';

const RANKS = ['unranked', 'clerk', 'deputy-section', 'section', 'deputy-county', 'county', 'vice-bureau', 'bureau', 'vice-ministerial', 'ministerial'];
const values = (f: string) => (f === 'rank' ? RANKS : f === 'kind' ? ['collective', 'individual'] : []);
const rankIn = (...v: string[]): Pred => ({ k: 'in', field: 'rank', values: v });
const atLeast = (from: string) => rankIn(...RANKS.slice(RANKS.indexOf(from)));

describe('deciding conditions by their cases', () => {
  it('finds equal conditions written differently', () => {
    expect(equivalent(atLeast('vice-bureau'), { k: 'not', arg: rankIn(...RANKS.slice(0, 6)) }, values)).toBe(true);
    expect(equivalent(atLeast('vice-bureau'), atLeast('bureau'), values)).toBe(false);
  });

  it('decides implication and satisfiability', () => {
    expect(implies(rankIn('bureau'), atLeast('vice-bureau'), values)).toBe(true);
    expect(implies(atLeast('vice-bureau'), rankIn('bureau'), values)).toBe(false);
    expect(satisfiable({ k: 'and', args: [rankIn('county'), rankIn('bureau')] }, values)).toBe(false);
  });

  it('compares numbers at and around the constants that appear', () => {
    const a: Pred = { k: 'cmp', field: 'w', measure: 'tenure-years', op: '>=', value: 5 };
    const b: Pred = { k: 'cmp', field: 'w', measure: 'tenure-years', op: '>', value: 4 };
    // Not equal: 4.5 years satisfies b but not a.
    expect(equivalent(a, b, values)).toBe(false);
    expect(implies(a, b, values)).toBe(true);
  });

  it('relates look-back windows: a record within 3 years is a record within 5', () => {
    const within = (n: number, kinds = ['violation']): Pred => ({ k: 'event', field: 'records', kinds, within: { amount: n, unit: 'years' } });
    expect(implies(within(3), within(5), values)).toBe(true);
    expect(implies(within(5), within(3), values)).toBe(false);
    expect(implies(within(5, ['violation']), within(5, ['violation', 'sanction']), values)).toBe(true);
    expect(equivalent(within(5), { k: 'event', field: 'records', kinds: ['violation'], within: { amount: 60, unit: 'months' } }, values)).toBe(true);
  });

  it('tells periods of fixed dates apart: records in two years are two records, and no record ever is none in any period', () => {
    const year = (y: number) => dayFromYmd(y, 1, 1);
    const during = (from: number, to: number, kinds = ['violation']): Pred => ({ k: 'event', field: 'records', kinds, during: { from: year(from), to: year(to + 1) - 1 } });
    const ever: Pred = { k: 'event', field: 'records', kinds: ['violation'] };
    expect(satisfiable({ k: 'and', args: [during(2018, 2018), during(2020, 2020)] }, values)).toBe(true);
    expect(satisfiable({ k: 'and', args: [during(2019, 2019), { k: 'not', arg: during(2018, 2020) }] }, values)).toBe(false);
    expect(satisfiable({ k: 'and', args: [during(2019, 2020), { k: 'not', arg: during(2019, 2019) }, { k: 'not', arg: during(2020, 2020) }] }, values)).toBe(false);
    expect(implies(during(2018, 2020), ever, values)).toBe(true);
    expect(implies(ever, during(2018, 2020), values)).toBe(false);
    expect(implies({ k: 'not', arg: ever }, { k: 'not', arg: during(2018, 2020) }, values)).toBe(true);
  });

  it('decides conditions on records in periods as trying every set of records would', () => {
    // Records of two kinds in the years 2017–2022, and periods of whole years inside 2018–2021: which
    // years hold a record of which kind is all such a condition can see, so trying every such set
    // (2^12) gives the true answer.
    const YEARS = [2017, 2018, 2019, 2020, 2021, 2022];
    const KINDS = ['violation', 'sanction'];
    const atom = fc.record({
      kinds: fc.subarray(KINDS, { minLength: 1 }),
      period: fc.option(fc.tuple(fc.integer({ min: 2018, max: 2021 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { nil: undefined }),
    }).map(({ kinds, period }): Pred => {
      if (!period) return { k: 'event', field: 'records', kinds };
      const [from, length, since] = period;
      const to = Math.min(2021, from + length);
      return { k: 'event', field: 'records', kinds, during: since ? { from: dayFromYmd(from, 1, 1) } : { from: dayFromYmd(from, 1, 1), to: dayFromYmd(to, 12, 31) } };
    });
    const { pred } = fc.letrec<{ pred: Pred }>((tie) => ({
      pred: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom,
        tie('pred').map((arg): Pred => ({ k: 'not', arg })),
        fc.array(tie('pred'), { minLength: 2, maxLength: 3 }).map((args): Pred => ({ k: 'and', args })),
        fc.array(tie('pred'), { minLength: 2, maxLength: 3 }).map((args): Pred => ({ k: 'or', args }))),
    }));
    const holds = (p: Pred, records: readonly { kind: string; day: number }[]): boolean => {
      switch (p.k) {
        case 'and': return p.args.every((a) => holds(a, records));
        case 'or': return p.args.some((a) => holds(a, records));
        case 'not': return !holds(p.arg, records);
        case 'event': return records.some((r) => p.kinds.includes(r.kind) && (!p.during || (r.day >= p.during.from && (p.during.to === undefined || r.day <= p.during.to))));
        default: throw new Error(p.k);
      }
    };
    const slots = KINDS.flatMap((kind) => YEARS.map((y) => ({ kind, day: dayFromYmd(y, 6, 1) })));
    const truly = (p: Pred) => {
      for (let bits = 0; bits < 1 << slots.length; bits++) if (holds(p, slots.filter((_, i) => bits & (1 << i)))) return true;
      return false;
    };
    fc.assert(fc.property(pred, (p) => { expect(satisfiable(p, values)).toBe(truly(p)); }), { numRuns: 300 });
  });

  it('gives a witness case where two conditions differ', () => {
    const a = atLeast('vice-bureau');
    const b = atLeast('bureau');
    const c = findCase({ k: 'and', args: [a, { k: 'not', arg: b }] }, values);
    const space = new CaseSpace([a, b], values);
    expect(c).toBeTruthy();
    expect(space.evaluate(a, c!)).toBe(true);
    expect(space.evaluate(b, c!)).toBe(false);
    expect(c!.get('in:rank')).toBe('vice-bureau');
  });
});

describe('predKey', () => {
  it('gives different atoms different keys (the checker keys its questions by them)', () => {
    const word = fc.constantFrom('rank', 'true', 'false', 'valid', 'flag', 'a-b', '职级', '4A', 'x');
    const window = fc.record({ amount: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom('years' as const, 'months' as const, 'days' as const) });
    const atom: fc.Arbitrary<Pred> = fc.oneof(
      fc.boolean().map((value): Pred => ({ k: 'const', value })),
      fc.tuple(word, fc.array(word, { maxLength: 3 })).map(([field, values]): Pred => ({ k: 'in', field, values })),
      fc.tuple(word, word).map(([field, value]): Pred => ({ k: 'has', field, value })),
      word.map((field): Pred => ({ k: 'flag', field })),
      fc.tuple(word, fc.constantFrom('number' as const, 'years' as const, 'tenure-years' as const), fc.constantFrom('=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const), fc.double({ noNaN: true }).map((v) => (v === 0 ? 0 : v))).map(([field, measure, op, value]): Pred => ({ k: 'cmp', field, measure, op, value })),
      fc.tuple(word, fc.string({ maxLength: 6 })).map(([field, value]): Pred => ({ k: 'text', field, value })),
      fc.tuple(word, fc.array(word, { maxLength: 3 }), fc.option(window, { nil: undefined })).map(([field, kinds, within]): Pred => (within ? { k: 'event', field, kinds, within } : { k: 'event', field, kinds })),
      fc.tuple(word, window).map(([field, within]): Pred => ({ k: 'recent', field, within })),
      word.map((field): Pred => ({ k: 'valid', field })),
    );
    fc.assert(fc.property(atom, atom, (a, b) => {
      if (predKey(a) === predKey(b)) expect(a).toEqual(b);
    }), { numRuns: 20_000 });
  });

  it('gives conditions that differ different keys, even when free text holds the characters that separate parts', () => {
    const text = (value: string): Pred => ({ k: 'text', field: 'name', value });
    const rank: Pred = { k: 'in', field: 'rank', values: ['vice-bureau'] };
    // name = "甲" and name = "乙" and rank … against name = “乙",name="甲” and rank …
    expect(predKey({ k: 'and', args: [text('甲'), text('乙'), rank] })).not.toBe(predKey({ k: 'and', args: [text('乙",name="甲'), rank] }));
    const free = fc.string({ unit: fc.constantFrom('"', ',', ')', '(', '|', '=', 'a', '\\'), maxLength: 6 });
    fc.assert(fc.property(fc.array(free, { maxLength: 3 }), fc.array(free, { maxLength: 3 }), (a, b) => {
      const key = (xs: string[]) => predKey({ k: 'and', args: [...xs.map(text), rank] });
      if (key(a) === key(b)) expect([...a].sort()).toEqual([...b].sort());
    }), { numRuns: 5000 });
  });

  it('orders the parts of and/or as the built-in sort orders their keys, so that the order they are written in does not matter', () => {
    const atom = fc.oneof(
      fc.constantFrom(...RANKS).map((r) => rankIn(r)),
      fc.string({ maxLength: 3 }).map((field): Pred => ({ k: 'flag', field })),
      fc.string({ unit: 'binary', maxLength: 3 }).map((value): Pred => ({ k: 'text', field: 't', value })),
    );
    fc.assert(fc.property(fc.array(atom, { maxLength: 8 }), fc.constantFrom('and' as const, 'or' as const), (args, k) => {
      const expected = `${k}(${args.map(predKey).sort().join(',')})`;
      expect(predKey({ k, args })).toBe(expected);
      expect(predKeys()({ k, args: [...args].reverse() })).toBe(expected);
    }), { numRuns: 2000 });
  });
});
