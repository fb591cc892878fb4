/**
 * Bad input never crashes or hangs the language. For every input below, parse, buildDocument,
 * formatText and explain (zh and en) run without throwing, every diagnostic (with its related
 * information and suggestions) has a valid span and a code of MESSAGES and renders in both languages
 * without a leaked `undefined`/`NaN`/`{0}`, explanations read likewise, and the whole run stays within
 * a CPU-time budget (see support.ts: `exercise`).
 *
 * Seeds are fixed (support.ts), so a failure here replays; save the shrunk input to test/corpus/.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '@awardrules/language';
import { configureFastCheck, EXAMPLES, exercise, NOTICES, property, ROOT } from './support.js';

configureFastCheck();

// ── Building blocks ────────────────────────────────────────────────────────────────────────────
/** Every keyword spelling. */
const KEYWORD_SPELLINGS = [...new Set(KEYWORDS.flatMap((k) => k.spellings))];
/** Punctuation and operators, ASCII and the full-width forms Chinese input methods type. */
const PUNCTUATION = [
  ',', '，', '(', ')', '（', '）', '{', '}', '｛', '｝', ':', '：', '%', '％', '>=', '≥', '<=', '≤', '!=', '≠', '=', '>', '<',
  '->', '→', '..', '"', '“', '”', '\\', '#', '@', '//', '/*', '*/', '、', '·', ';', '?', '!', '-', '.', '/', '*', '~',
  '\u3000', '\ufeff', '`', "'", '[', ']', '＝', '＞', '＜', '；', '。', '《', '》',
];
/** Control characters, invisible characters and lone surrogates. */
const CONTROLS = [
  '\0', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u000e', '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0',
  '\u200b', '\u200d', '\u200e', '\u202e', '\u2028', '\u2029', '\u2060', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud840', '\ud840\udc00', '\ud83d\ude00',
];
/** Odd literals: huge numbers, impossible and extreme dates, glued units. */
const ODD_LITERALS = [
  '9'.repeat(400), `1${'0'.repeat(400)}`, `0.${'0'.repeat(399)}1`, `${'9'.repeat(309)}.5`, '1e400', '1E400', '1e-400', '-1', '00000',
  '9007199254740993', '1000000000000', '1000000000001', '0.5', '.5', '5.', '1..2', '1...2',
  '9999-99-99', '2021-02-29', '2024-02-29', '2100-02-29', '0000-00-00', '0000-01-01', '9999-12-31', '2021-13-01', '2021-1-1',
  '2024年2月30日', '2024年13月1日', '20240101', '2024-01-01-01', '5years', '5yeras', '500KB', '4A', '0A', '99999999999999999999years',
];
const EXAMPLE_TEXTS = EXAMPLES.map((e) => e.text);
const NOTICE_TEXTS = NOTICES.map((n) => n.text);

/** A random position in a text of length `n` (inclusive of the end). */
const pos = (n: number, r: number) => (n === 0 ? 0 : r % (n + 1));

// ── Mutations of the examples ──────────────────────────────────────────────────────────────────
type Mutation =
  | { readonly op: 'delete' | 'duplicate'; readonly at: number; readonly len: number; readonly to: number }
  | { readonly op: 'swap'; readonly at: number; readonly len: number; readonly to: number; readonly len2: number }
  | { readonly op: 'splice'; readonly at: number; readonly from: number; readonly src: number; readonly len: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string };

const sliceLen = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 2000 }));
const insertion = fc.oneof(
  fc.constantFrom(...KEYWORD_SPELLINGS).chain((k) => fc.constantFrom(k, ` ${k} `, `${k} `, ` ${k}`, `\n${k} `)),
  fc.constantFrom(...PUNCTUATION).chain((p) => fc.constantFrom(p, ` ${p} `, `${p}${p}`)),
  fc.constantFrom(...CONTROLS),
  fc.constantFrom(...ODD_LITERALS).map((l) => ` ${l} `),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), len: sliceLen, to: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), len: sliceLen, to: fc.nat(), len2: sliceLen }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), src: fc.nat(), len: sliceLen }),
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertion }), weight: 3 },
);

function mutate(text: string, m: Mutation): string {
  const n = text.length;
  switch (m.op) {
    case 'delete': {
      const a = pos(n, m.at);
      return text.slice(0, a) + text.slice(Math.min(n, a + m.len));
    }
    case 'duplicate': {
      const a = pos(n, m.at);
      const piece = text.slice(a, a + m.len);
      const to = pos(n, m.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'swap': {
      const a = pos(n, m.at);
      const aEnd = Math.min(n, a + m.len);
      const b = aEnd + pos(n - aEnd, m.to);
      const bEnd = Math.min(n, b + m.len2);
      return text.slice(0, a) + text.slice(b, bEnd) + text.slice(aEnd, b) + text.slice(a, aEnd) + text.slice(bEnd);
    }
    case 'splice': {
      const src = EXAMPLE_TEXTS[m.src % EXAMPLE_TEXTS.length]!;
      const from = pos(src.length, m.from);
      const a = pos(n, m.at);
      return text.slice(0, a) + src.slice(from, from + m.len) + text.slice(a);
    }
    case 'insert': {
      const a = pos(n, m.at);
      return text.slice(0, a) + m.text + text.slice(a);
    }
  }
}

const example = fc.constantFrom(...EXAMPLE_TEXTS);
const mutatedExample = fc.tuple(example, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, ms]) => ms.reduce(mutate, text));

/** Inserts `pieces` at random positions of an example. */
const exampleWith = (piece: fc.Arbitrary<string>) =>
  fc.tuple(example, fc.array(fc.tuple(fc.nat(), piece), { minLength: 1, maxLength: 12 }))
    .map(([text, inserts]) => inserts.reduce((t, [at, p]) => { const a = pos(t.length, at); return t.slice(0, a) + p + t.slice(a); }, text));

// ── Token soup: random sequences of things that look like the language ─────────────────────────
const word = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
  fc.constantFrom('rank', 'county', 'vice-bureau', 'identity', 'honours', 'kind', 'individual', 'collective', 'region', 'front-line', 'allocation', '副厅级', '县处级', '县（市、区）级', '买买提·艾力', '𠀀𠀁', 'a（b', 'a）', 'x-'),
);
const soupToken = fc.oneof(
  { arbitrary: fc.constantFrom(...KEYWORD_SPELLINGS), weight: 5 },
  { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 4 },
  { arbitrary: word, weight: 4 },
  fc.nat({ max: 200 }).map(String),
  fc.constantFrom(...ODD_LITERALS),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => `"${s}"`),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => `“${s}”`),
  fc.stringMatching(/^#[A-Z]\d{2}-[A-Z]{1,8}-\d{1,2}$/),
  fc.constantFrom('@四(二)2', '@附件3~8', '@"x y"', '@'),
  fc.constantFrom('// c\n', '/* c */', '/* 多行\n注释 */', '/* open', '"open', '“open'),
  fc.constantFrom(...CONTROLS),
);
const separator = fc.constantFrom(' ', ' ', ' ', '\n', '', '\t', '\r\n', '\u3000');
const tokenSoup = fc.array(fc.tuple(soupToken, separator), { maxLength: 120 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

// ── Properties ─────────────────────────────────────────────────────────────────────────────────
describe('robustness: nothing throws or hangs, every diagnostic is well formed', () => {
  describe('arbitrary text', () => {
    property('any unicode string (code points)', [fc.string({ unit: 'binary', maxLength: 400 })], (s) => {
      exercise(s);
    }, { numRuns: 300 });
    property('any unicode string (graphemes)', [fc.string({ unit: 'grapheme', maxLength: 400 })], (s) => {
      exercise(s);
    }, { numRuns: 200 });
    property('any UTF-16 code units, lone surrogates included', [fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 })], (units) => {
      exercise(String.fromCharCode(...units));
    }, { numRuns: 200 });
    property('random bytes decoded as UTF-8 (with replacement)', [fc.uint8Array({ maxLength: 3000 })], (bytes) => {
      exercise(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    }, { numRuns: 200 });
    property('random bytes decoded as latin1', [fc.uint8Array({ maxLength: 3000 })], (bytes) => {
      exercise(Buffer.from(bytes).toString('latin1'));
    }, { numRuns: 200 });
    property('random sequences of keywords, names, literals and punctuation', [tokenSoup], (s) => {
      exercise(s);
    }, { numRuns: 400 });
  });

  describe('the examples, damaged', () => {
    it('each example, truncated at regularly spaced positions', () => {
      for (const text of EXAMPLE_TEXTS) {
        const step = Math.max(1, Math.floor(text.length / 60));
        for (let i = 0; i <= text.length; i += step) exercise(text.slice(0, i));
        exercise(text);
      }
    }, 60_000);
    property('each example, truncated at a random position (and the rest alone)', [example, fc.nat()], (text, at) => {
      const a = pos(text.length, at);
      exercise(text.slice(0, a));
      exercise(text.slice(a));
    }, { numRuns: 150 });
    property('with slices deleted, duplicated, swapped or inserted', [mutatedExample], (text) => {
      exercise(text);
    }, { numRuns: 400 });
    property('with keywords inserted at random', [exampleWith(fc.constantFrom(...KEYWORD_SPELLINGS).chain((k) => fc.constantFrom(k, ` ${k} `, `\n${k}\n`)))], (text) => {
      exercise(text);
    }, { numRuns: 200 });
    property('with punctuation and operators (ASCII and full-width) inserted at random', [exampleWith(fc.constantFrom(...PUNCTUATION).chain((p) => fc.constantFrom(p, ` ${p} `)))], (text) => {
      exercise(text);
    }, { numRuns: 200 });
    property('with NUL, control characters and lone surrogates inserted at random', [exampleWith(fc.constantFrom(...CONTROLS))], (text) => {
      exercise(text);
    }, { numRuns: 150 });
    property('with huge numbers and impossible dates inserted at random', [exampleWith(fc.constantFrom(...ODD_LITERALS).map((l) => ` ${l} `))], (text) => {
      exercise(text);
    }, { numRuns: 150 });
    property('with their numbers and dates replaced by huge numbers and impossible dates', [example, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD_LITERALS)), { minLength: 1, maxLength: 6 })], (text, replacements) => {
        // Replace whole numeric literals (the tokens after `<=`, `by`, `>=` …) so that the rest still parses.
        const literals = [...text.matchAll(/(?<![\w#@-])\d+(?:\.\d+)?(?:-\d{1,2}-\d{1,2})?(?![\w-])/g)];
        let out = text;
        const chosen = [...new Map(replacements.map(([i, l]) => [literals[i % literals.length]!.index, l])).entries()].sort((a, b) => b[0] - a[0]);
        for (const [index, literal] of chosen) {
          const m = literals.find((x) => x.index === index)!;
          out = out.slice(0, index) + literal + out.slice(index + m[0].length);
        }
        exercise(out);
      }, { numRuns: 150 });
  });

  describe('quota table files (also user input)', () => {
    const withTables = EXAMPLES.filter((e) => e.text.includes('from "tables/'));
    const csvOf = (name: string) => readFileSync(`${ROOT}examples/tables/${name}.allocation.csv`, 'utf8');
    const csvNoise = fc.oneof(
      fc.constantFrom('"', '""', ',', ',,,', '\n', '\r\n', '\r', '\ufeff', '\u0000', ' ', '-1', '1.5', '1e3', '9'.repeat(400), 'NaN', 'Infinity', '长春市', '省直', '“', '\\'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    property('a table file with any content: mutated real tables, random text, random bytes', [
      fc.constantFrom(...withTables.map((e) => e.name)),
      fc.oneof(
        fc.tuple(fc.constant(null), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), csvNoise), { minLength: 1, maxLength: 10 })),
        fc.tuple(fc.string({ unit: 'binary', maxLength: 300 }), fc.constant([] as [number, number, string][])),
        fc.tuple(fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)), fc.constant([] as [number, number, string][])),
      ),
    ], (name, [random, edits]) => {
      const ex = withTables.find((e) => e.name === name)!;
      let csv = random ?? csvOf(name);
      for (const [at, del, piece] of edits) {
        const a = pos(csv.length, at);
        csv = csv.slice(0, a) + piece + csv.slice(Math.min(csv.length, a + del));
      }
      exercise(ex.text, { readFile: () => csv });
    }, { numRuns: 200 });
    it('a table file that cannot be read, or that is empty, or only a BOM', () => {
      for (const ex of withTables) {
        for (const content of [undefined, '', '\ufeff', '\n\n', '地区\n', ',,,\n,,,']) exercise(ex.text, { readFile: () => content });
      }
    });
  });

  describe('line endings and byte-order marks', () => {
    it('each example with a BOM, CRLF line endings, CR only, mixed endings, and no final newline', () => {
      for (const text of EXAMPLE_TEXTS) {
        const crlf = text.replace(/\n/g, '\r\n');
        const cr = text.replace(/\n/g, '\r');
        for (const variant of [`\ufeff${text}`, crlf, `\ufeff${crlf}`, cr, `\ufeff${cr}`, text.replace(/\n/g, (_, i: number) => (i % 3 ? '\r\n' : i % 2 ? '\r' : '\n')), text.trimEnd(), `\ufeff\ufeff${text}`, `${text}\ufeff`]) {
          const r = exercise(variant);
          // These are still the same rule file: it checks cleanly and formats.
          expect(r.clean, 'still parses cleanly').toBe(true);
        }
      }
    });
    it('files of nothing but line breaks, BOMs and blanks', () => {
      for (const s of ['', '\ufeff', '\r', '\n', '\r\n', '\r\r\r', '\n\r', '\ufeff\r\n', ' \t\u3000', '\u2028\u2029', '\r'.repeat(10_000), '\ufeff'.repeat(1000)]) exercise(s);
    });
  });

  describe('deep nesting and huge inputs', () => {
    const HEADER = 'notice "测〔2024〕1号" {\n  title "测试通知"\n  issued 2024-01-02\n  reference 2024-03-01\n}\n';
    const nestings: [string, (n: number) => string][] = [
      ['(', (n) => '('.repeat(n)],
      ['（', (n) => '（'.repeat(n)],
      ['{', (n) => '{'.repeat(n)],
      ['｛', (n) => '｛'.repeat(n)],
      [')', (n) => ')'.repeat(n)],
      ['}', (n) => '}'.repeat(n)],
      ['not', (n) => 'not '.repeat(n)],
      ['any of {', (n) => 'any of {'.repeat(n)],
      ['scope (…)', (n) => `${HEADER}scope ${'('.repeat(n)}rank = county${')'.repeat(n)}`],
      ['scope not …', (n) => `${HEADER}scope ${'not '.repeat(n)}rank = county`],
      ['scope not (…)', (n) => `${HEADER}scope ${'not ('.repeat(n)}front-line${')'.repeat(n)}`],
      ['attest any of {…}', (n) => `${HEADER}attest ${'any of {a "甲" '.repeat(n)}${'}'.repeat(n)}`],
      ['attest all of { unclosed', (n) => `${HEADER}attest ${'all of {'.repeat(n)}`],
      ['when … {', (n) => `${HEADER}${'when rank = county {\n'.repeat(n)}exclude rank >= bureau\n${'}\n'.repeat(n)}`],
      ['award { when', (n) => `${HEADER}award a "甲" for individual {\n${'when front-line {'.repeat(n)}quota <= 1${'}'.repeat(n)}}`],
      ['consult {{…', (n) => `${HEADER}consult ${'{'.repeat(n)}tax${'}'.repeat(n)}`],
      ['route { (', (n) => `${HEADER}route reviewer { ${'('.repeat(n)}front-line${')'.repeat(n)} -> a }`],
      ['mixed', (n) => Array.from({ length: n }, (_, i) => ['(', '{', 'not ', 'any of {', '（', '｛'][i % 6]).join('')],
    ];
    for (const [name, make] of nestings) {
      it(`nested ${name}: at the limit (99–101 deep) and thousands deep`, () => {
        for (const n of [99, 100, 101, 2_000, 20_000]) exercise(make(n));
      }, 60_000);
    }
    it('the depth limit is a diagnostic, not a crash, and the file before it is still read', () => {
      const r = exercise(`${HEADER}scope ${'('.repeat(5_000)}`);
      expect(r.doc.diagnostics.map((d) => d.code)).toContain('AR1009');
      expect(r.doc.model.notice.title).toBe('测试通知');
    });

    const MB = 1 << 20;
    const oneLine: [string, () => string][] = [
      ['a 1 MB name', () => 'a'.repeat(MB)],
      ['a 1 MB Chinese name', () => '中'.repeat(MB)],
      ['a 1 MB quoted text', () => `${HEADER}prefer front-line "${'字'.repeat(MB)}"`],
      ['a 1 MB unclosed text', () => `${HEADER}prefer front-line "${'x'.repeat(MB)}`],
      ['a 1 MB line comment', () => `${HEADER}// ${'注'.repeat(MB)}\nexclude rank >= bureau`],
      ['a 1 MB unclosed block comment', () => `/*${'x'.repeat(MB)}`],
      ['a 1 MB number', () => `${HEADER}award a "甲" for individual { quota <= ${'9'.repeat(MB)} }`],
      ['a 1 MB tag', () => `${HEADER}exclude rank >= bureau #${'A'.repeat(MB)}`],
      ['a 1 MB clause', () => `${HEADER}exclude rank >= bureau @${'二'.repeat(MB)}`],
      ['1 MB of blanks', () => `${' '.repeat(MB)}x`],
      ['1 MB of one short rule, repeated on one line', () => HEADER + 'exclude rank >= bureau '.repeat(Math.floor(MB / 23))],
      ['1 MB of a set on one line', () => `${HEADER}consult {${'tax, '.repeat(Math.floor(MB / 5))}tax}`],
      // (A long or-chain is the known bug test/corpus/or-chain-quadratic.known-bug.json: quadratic in its length.)
      ['1 MB of garbage words on one line', () => 'x '.repeat(MB / 2)],
      ['1 MB of a full-width bracket name', () => `a${'（a、'.repeat(MB / 3)}`],
      ['1 MB of escapes', () => `${HEADER}prefer front-line "${'\\q'.repeat(MB / 2)}"`],
    ];
    for (const [name, make] of oneLine) {
      it(`one line of ${name}`, () => {
        const text = make();
        expect(Math.max(...text.split('\n').map((l) => l.length)), 'the longest line').toBeGreaterThanOrEqual(MB - 64);
        exercise(text);
      }, 60_000);
    }
  });

  describe('huge numbers and odd dates, in context', () => {
    const HEADER = 'notice "测〔2024〕1号" {\n  title "测试通知"\n  issued 2024-01-02\n  reference 2024-03-01\n}\n';
    property('in every place a number or a date may appear', [fc.constantFrom(...ODD_LITERALS), fc.constantFrom(
      (x: string) => `${HEADER}award a "甲" for individual {\n  quota <= ${x}\n  recommend >= ${x}% of quota\n}`,
      (x: string) => `${HEADER}cap rank = county <= ${x}% of selected`,
      (x: string) => `${HEADER}require no violation within ${x} years`,
      (x: string) => `${HEADER}field w "工作": tenure\nrequire w >= ${x} years`,
      (x: string) => `${HEADER}require age >= ${x}`,
      (x: string) => `${HEADER}material p "照片" copies >= ${x} size ${x}..${x} KB chars about ${x}`,
      (x: string) => `${HEADER}stage s "上报"\ndeadline s "上报" by ${x}\npublicity >= ${x} workdays at unit before s`,
      (x: string) => `notice "a" {\n  title "b"\n  issued ${x}\n  reference ${x}\n}\nstage s\ndeadline s by 2024-03-01\npublicity >= 5 days at unit before s`,
      (x: string) => `${HEADER}table t by region (a) {\n  x: ${x}\n}\naward a "甲" for individual {\n  quota <= 10\n  quota per region <= t\n}`,
      (x: string) => `${HEADER}require rank in {clerk..${x}}\nfield d "日期": date\nrequire d >= ${x} and d <= ${x}`,
    )], (literal, make) => {
      exercise(make(literal));
    }, { numRuns: 300 });
    property('any integer and any yyyy-mm-dd', [fc.bigInt({ min: 0n, max: 10n ** 420n }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })], (big, y, m, d) => {
        const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        exercise(`notice "a" {\n  title "b"\n  issued ${date}\n  reference ${date}\n}\nstage s\ndeadline s by ${date}\npublicity >= ${big} workdays at unit before s\naward a "甲" for individual {\n  quota <= ${big}\n}\nrequire no violation within ${big} months`);
      }, { numRuns: 200 });
  });

  describe('pasted prose: the real notices', () => {
    it('each notice, whole', () => {
      for (const text of NOTICE_TEXTS) exercise(text);
    });
    property('random chunks of a notice', [fc.constantFrom(...NOTICE_TEXTS), fc.nat(), fc.integer({ min: 0, max: 3000 })], (text, at, len) => {
      const a = pos(text.length, at);
      exercise(text.slice(a, a + len));
    }, { numRuns: 150 });
    property('a chunk of a notice pasted into an example', [example, fc.constantFrom(...NOTICE_TEXTS), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 500 })], (text, notice, at, from, len) => {
      const a = pos(text.length, at);
      const f = pos(notice.length, from);
      exercise(text.slice(0, a) + notice.slice(f, f + len) + text.slice(a));
    }, { numRuns: 150 });
  });
});
