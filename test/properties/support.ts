/**
 * Shared machinery of the property and fuzz tests (test/properties/*.test.ts) and of the regression
 * corpus replay (test/corpus.test.ts): the seed policy, the inputs every test draws from (the example
 * rule files, the real notices) and the two oracles:
 *
 * - `exercise(text)`: runs parse, buildDocument, formatText and explain (zh and en) and renders every
 *   diagnostic; asserts that nothing throws, that every diagnostic has a valid span and a known code,
 *   and that the whole run stays within a CPU-time budget (a hang or a super-linear blow-up shows up
 *   as a blown budget; a true infinite loop would stall the run, for CI's job timeout to catch).
 * - `assertFormatProperties(text)`: on text that parses cleanly, formatting succeeds, is idempotent,
 *   keeps the checked model, keeps every comment (same text, same order) and keeps the diagnostics.
 *
 * Seed policy: every property runs with a fixed seed, so CI is reproducible. `FC_SEED=<n>` replays
 * another seed, `FC_SEED=random` explores a fresh one (printed), and `FC_RUNS=<factor>` scales every
 * property's number of runs (e.g. FC_RUNS=20 for a long local fuzzing session). On failure fast-check
 * prints the seed, the counterexample path and the shrunk input; `FC_SEED=<seed> FC_PATH=<path>` with
 * `-t '<property name>'` replays that one counterexample directly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
  buildDocument, explain, formatText, MESSAGES, parse, render,
  type AwardDocument, type Diagnostic, type Span,
} from '@awardrules/language';

// ── Seed policy ────────────────────────────────────────────────────────────────────────────────
/** The seed CI runs with. Change it only deliberately (and keep the corpus of what older seeds found). */
export const DEFAULT_SEED = 20_231_225;

function chooseSeed(): number {
  const raw = process.env['FC_SEED'];
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer or "random", not ${raw}`);
  return n;
}

export const SEED = chooseSeed();
const RUN_FACTOR = (() => {
  const raw = process.env['FC_RUNS'];
  const n = raw ? Number(raw) : 1;
  if (!(n > 0)) throw new Error(`FC_RUNS must be a positive number, not ${raw}`);
  return n;
})();

/** Number of runs for a property, scaled by FC_RUNS. */
export const runs = (n: number): number => Math.max(1, Math.round(n * RUN_FACTOR));

/**
 * A property as a Vitest test: `fc.assert` with the global seed; on failure fast-check reports the
 * seed, the path to replay it and the shrunk counterexample. (Plain fast-check rather than
 * @fast-check/vitest: importing the latter loads a second copy of Vitest, ~280 MB of heap, which makes
 * every garbage collection — and so every large input — several times slower.)
 */
export function property<Ts extends [unknown, ...unknown[]]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => void,
  options: { numRuns: number; timeout?: number },
): void {
  it(`${name} (seed ${SEED})`, () => {
    fc.assert(fc.property(...arbitraries, predicate), { numRuns: runs(options.numRuns) });
  }, (options.timeout ?? 60_000) * Math.max(1, RUN_FACTOR));
}

/** Call once per test file (fast-check's global configuration is per module instance). */
export function configureFastCheck(): void {
  const path = process.env['FC_PATH'];
  fc.configureGlobal({ seed: SEED, numRuns: runs(100), endOnFailure: false, ...(path ? { path } : {}) });
  if (SEED !== DEFAULT_SEED) console.log(`fast-check seed: ${SEED}`);
}

// ── Inputs ─────────────────────────────────────────────────────────────────────────────────────
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES_DIR = `${ROOT}examples`;
const NOTICES_DIR = `${ROOT}../shared/notices`;

export interface Source {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

function readDir(dir: string, ext: string): Source[] {
  if (!existsSync(dir)) throw new Error(`missing input folder ${dir}`);
  const files = readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
  if (files.length === 0) throw new Error(`no ${ext} files in ${dir}`);
  return files.map((f) => ({ name: basename(f, ext), file: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
}

/** The example rule files (examples/*.award). */
export const EXAMPLES: readonly Source[] = readDir(EXAMPLES_DIR, '.award');
/** The real notices the examples encode (../shared/notices/*.txt): pasted prose. */
export const NOTICES: readonly Source[] = readDir(NOTICES_DIR, '.txt');

/** The quota tables beside the examples, read once; any other path is unreadable (no file system access while fuzzing). */
const TABLES = new Map<string, string>();
for (const f of readdirSync(`${EXAMPLES_DIR}/tables`)) TABLES.set(`${EXAMPLES_DIR}/tables/${f}`, readFileSync(`${EXAMPLES_DIR}/tables/${f}`, 'utf8'));
export const readTable = (path: string): string | undefined => TABLES.get(path);

/** The catalog of constraint IDs, when ../shared/CATALOG.md is there (tags outside it are then reported). */
const CATALOG_FILE = `${ROOT}../shared/CATALOG.md`;
export const CATALOG: ReadonlySet<string> | undefined = existsSync(CATALOG_FILE)
  ? new Set([...readFileSync(CATALOG_FILE, 'utf8').matchAll(/^\| ([A-Z]\d{2}-[A-Z]+-\d+) \|/gm)].map((m) => m[1]!))
  : undefined;

/** Builds a document the way the CLI does for a file in examples/ (so table files resolve). */
export function build(text: string, readFile: (path: string) => string | undefined = readTable): AwardDocument {
  return buildDocument(`${EXAMPLES_DIR}/fuzz.award`, text, { readFile, ...(CATALOG ? { catalog: CATALOG } : {}) });
}

/** Whether a known-bug case is still in the corpus (generators hold back its trigger while it is, see format.test.ts). */
export const isKnownBug = (file: string): boolean => existsSync(`${ROOT}test/corpus/${file}`);

// ── Oracle 1: nothing throws, every diagnostic is well formed, nothing hangs ────────────────────
/**
 * Budget for one full run over a text of `length` characters (parse three times, check, format,
 * explain twice, render every diagnostic): 2 s + 12 µs per character of CPU time — 100 times what the
 * examples need, so only a hang or a super-linear blow-up exceeds it. CPU time of this process, not
 * wall-clock time, so that a busy machine does not make a slow run look like a hang.
 */
export const budgetMs = (length: number): number => 2_000 + length * 0.012;

/** CPU time (user + system) this process has used, in milliseconds. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A violated robustness invariant (as opposed to an exception thrown by the language). */
export class OracleError extends Error {}

const short = (text: string) => (text.length <= 200 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 200))}… (${text.length} chars)`);

function assertSpan(span: Span | undefined, length: number, what: string, text: string): void {
  const ok = span !== undefined && Number.isInteger(span.start) && Number.isInteger(span.end) &&
    span.start >= 0 && span.start <= span.end && span.end <= length;
  if (!ok) throw new OracleError(`${what} has an invalid span ${JSON.stringify(span)} (text length ${length}) for input ${short(text)}`);
}

/** Text for people must not show a JavaScript value that leaked (unless the input itself says so). */
const LEAKS = /undefined|NaN|\[object |Infinity|null/;
function assertReadable(rendered: string, input: string, what: string, files: readonly string[] = []): void {
  const leak = LEAKS.exec(rendered);
  if (leak && !input.includes(leak[0]) && !files.some((f) => f.includes(leak[0]))) throw new OracleError(`${what} shows '${leak[0]}': ${JSON.stringify(rendered)} for input ${short(input)}`);
}

/** Asserts that every diagnostic (and its related information and suggestions) is well formed. */
export function assertDiagnostics(diagnostics: readonly Diagnostic[], text: string, phase: string, files: readonly string[] = []): void {
  if (!Array.isArray(diagnostics)) throw new OracleError(`${phase}: diagnostics is not an array`);
  for (const d of diagnostics) {
    const what = `${phase} diagnostic ${d.code}`;
    if (!Object.hasOwn(MESSAGES, d.code)) throw new OracleError(`${phase}: unknown diagnostic code ${JSON.stringify(d.code)} for input ${short(text)}`);
    assertSpan(d.span, text.length, what, text);
    for (const r of d.related ?? []) {
      if (!Object.hasOwn(MESSAGES, r.code)) throw new OracleError(`${what}: related information has unknown code ${JSON.stringify(r.code)}`);
      assertSpan(r.span, text.length, `${what} (related ${r.code})`, text);
    }
    for (const s of d.suggestions ?? []) assertSpan(s.span, text.length, `${what} (suggestion ${JSON.stringify(s.replacement)})`, text);
    for (const locale of ['zh', 'en'] as const) {
      const r = render(d, locale);
      if (typeof r.message !== 'string' || r.message.length === 0) throw new OracleError(`${what}: empty ${locale} message`);
      assertReadable(r.message, text, `${what}: the ${locale} message`, files);
      if (/\{\d+\}/.test(r.message)) throw new OracleError(`${what}: the ${locale} message has an unfilled placeholder: ${r.message}`);
      for (const rel of d.related ?? []) assertReadable(render(rel, locale).message, text, `${what}: a related ${locale} message`, files);
    }
  }
}

export interface Exercised {
  readonly doc: AwardDocument;
  readonly clean: boolean;
  readonly formatted?: string;
}

/**
 * Runs the whole language over `text` and checks the robustness invariants. Throws (failing the
 * property) on an exception from the language, a malformed diagnostic or a blown time budget.
 */
export function exercise(text: string, options: { readFile?: (path: string) => string | undefined } = {}): Exercised {
  const started = cpuMs();
  const stage = (name: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof OracleError) throw e;
      const err = new Error(`${name} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} on input ${short(text)}`);
      (err as { cause?: unknown }).cause = e;
      throw err;
    }
  };
  let clean = false;
  let doc: AwardDocument | undefined;
  let formatted: string | undefined;
  stage('parse', () => {
    const p = parse(text);
    assertDiagnostics(p.diagnostics, text, 'parse');
    clean = p.clean;
    if (p.clean !== (p.diagnostics.length === 0)) throw new OracleError('parse: clean disagrees with the diagnostics');
  });
  /** What the document read besides its text (quota tables): user input too. */
  const files: string[] = [];
  const readFile = options.readFile ?? readTable;
  stage('buildDocument', () => {
    doc = build(text, (path) => { const content = readFile(path); if (content !== undefined) files.push(content); return content; });
    assertDiagnostics(doc.diagnostics, text, 'buildDocument', files);
    if (!doc.model) throw new OracleError('buildDocument returned no model');
  });
  stage('formatText', () => {
    const f = formatText(text);
    if (f.ok) {
      if (typeof f.text !== 'string') throw new OracleError('formatText: ok without text');
      formatted = f.text;
    } else {
      if (f.diagnostics.length === 0) throw new OracleError(`formatText refused ${short(text)} without a diagnostic`);
      assertDiagnostics(f.diagnostics, text, 'formatText');
    }
    if (f.ok !== clean) throw new OracleError(`formatText ok=${f.ok} but parse clean=${clean} for ${short(text)}`);
  });
  for (const locale of ['zh', 'en'] as const) {
    stage(`explain(${locale})`, () => {
      const e = explain(doc!.model, locale);
      if (typeof e.heading !== 'string') throw new OracleError('explain: no heading');
      assertReadable(e.heading, text, `explain(${locale}) heading`);
      for (const sec of e.sections) {
        assertReadable(sec.heading, text, `explain(${locale}) section heading`, files);
        for (const r of sec.rules) {
          if (typeof r.text !== 'string' || r.text.length === 0) throw new OracleError(`explain(${locale}): a rule without text`);
          assertReadable(r.text, text, `explain(${locale})`, files);
        }
      }
    });
  }
  const elapsed = cpuMs() - started;
  if (elapsed > budgetMs(text.length)) {
    throw new OracleError(`took ${elapsed.toFixed(0)} ms of CPU time (budget ${budgetMs(text.length).toFixed(0)} ms) on input ${short(text)}`);
  }
  return { doc: doc!, clean, ...(formatted !== undefined ? { formatted } : {}) };
}

// ── Oracle 2: the formatter keeps meaning ───────────────────────────────────────────────────────
/** The checked model as JSON, without anything that depends on layout (spans, reference sites, declaration sites). */
export function strippedModel(doc: AwardDocument): string {
  return JSON.stringify(doc.model, (k, v: unknown) =>
    (k === 'span' || k === 'references' || k === 'declared' ? undefined : v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

/** The comments of a text as the lexer sees them, trailing whitespace aside. */
export function commentsOf(text: string): string[] {
  return parse(text).comments.map((c) => c.image.replace(/\s+$/, ''));
}

export const codesOf = (doc: AwardDocument): string[] => doc.diagnostics.map((d) => d.code);

export function fmt(text: string): string {
  const r = formatText(text);
  if (!r.ok) {
    const codes = r.diagnostics.map((d) => `${d.code}@${d.span.start}:${JSON.stringify(text.slice(d.span.start, d.span.end))}`).join(', ');
    throw new Error(`formatText refused a file that should parse cleanly (${codes}): ${short(text)}`);
  }
  return r.text;
}

/**
 * The formatting properties, on a text that parses cleanly: formatText succeeds, is idempotent, keeps
 * the checked model, the comments (text and order) and the diagnostic codes (in order).
 * `expectedComments`, when given, is an independent list of comments the input is known to contain.
 */
export function assertFormatProperties(text: string, expectedComments?: readonly string[]): string {
  const parsed = parse(text);
  expect(parsed.diagnostics.map((d) => d.code), 'the input parses cleanly (precondition)').toEqual([]);
  const once = fmt(text);
  const twice = fmt(once);
  expect(twice, 'formatting is idempotent: fmt(fmt(x)) === fmt(x)').toBe(once);
  const before = build(text);
  const after = build(once);
  expect(strippedModel(after), 'the checked model of fmt(x) equals that of x').toBe(strippedModel(before));
  expect(commentsOf(once), 'every comment is kept, in order, with the same text').toEqual(commentsOf(text));
  if (expectedComments) {
    // An oracle independent of the lexer: the inserted comments appear in the output, in order.
    let from = 0;
    for (const c of expectedComments) {
      const at = once.indexOf(c.replace(/\s+$/, ''), from);
      expect(at, `inserted comment ${JSON.stringify(c)} is in the output, after the previous one`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  }
  expect(codesOf(after), 'the diagnostics (codes, in order) of fmt(x) equal those of x').toEqual(codesOf(before));
  return once;
}
