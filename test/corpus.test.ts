/**
 * Replays the regression corpus (test/corpus/): every input that once broke the language, or that is
 * nasty enough to keep checking, goes through the same checks as the property tests:
 * `exercise` (nothing throws or hangs, every diagnostic is well formed) and, when the input parses
 * cleanly, `assertFormatProperties` (formatting is idempotent and keeps the model, the comments and
 * the diagnostics). See test/corpus/README.md for the file formats.
 *
 * A file named `<name>.known-bug.<ext>` is a bug not fixed yet: it runs with `it.fails`, so the suite
 * stays green while the bug is there and turns red the day it is fixed — then drop `.known-bug` from
 * the file name and its line from KNOWN_BUGS below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parse } from '@awardrules/language';
import { assertFormatProperties, build, exercise, ROOT } from './properties/support.js';

const DIR = `${ROOT}test/corpus`;

/**
 * Every known bug of the corpus, by file name: what goes wrong, and the symptom the replay must show
 * (the error message it fails with). A test checks that this list and the folder agree.
 */
const KNOWN_BUGS: Readonly<Record<string, { readonly bug: string; readonly symptom: RegExp }>> = {};

interface CorpusJson {
  readonly description: string;
  readonly text?: string;
  /** Pieces and how many times each repeats, for inputs too big to commit. */
  readonly parts?: readonly (readonly [string, number])[];
  /** `retention`: build the text ({i} replaced) many times and check that memory is released. */
  readonly check?: 'retention';
}

interface Case {
  readonly file: string;
  readonly knownBug: boolean;
  readonly text: string;
  readonly check?: 'retention';
}

function load(file: string): Case {
  const raw = readFileSync(`${DIR}/${file}`, 'utf8');
  const knownBug = file.includes('.known-bug.');
  if (!file.endsWith('.json')) return { file, knownBug, text: raw };
  const json = JSON.parse(raw) as CorpusJson;
  if (typeof json.description !== 'string' || json.description.length === 0) throw new Error(`${file}: no description`);
  if ((json.text === undefined) === (json.parts === undefined)) throw new Error(`${file}: give exactly one of text and parts`);
  const text = json.text ?? json.parts!.map(([piece, times]) => piece.repeat(times)).join('');
  return { file, knownBug, text, ...(json.check ? { check: json.check } : {}) };
}

const FILES = readdirSync(DIR).filter((f) => /\.(award|txt|json)$/.test(f)).sort();
const CASES = FILES.map(load);

/** A garbage collector we can call (the flag must be set before the function is created). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Builds `template` (with {i} replaced) many times; the heap must not keep the texts. */
function assertReleased(template: string): void {
  const gc = collector();
  const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
  const runs = 60;
  // Warm up (first builds create the shared parser, caches of standard names, …).
  for (let i = 0; i < 3; i++) exercise(template.replaceAll('{i}', `warm-up-${i}`));
  const before = heap();
  for (let i = 0; i < runs; i++) build(template.replaceAll('{i}', `${i}`));
  const grown = heap() - before;
  const perText = template.length;
  expect(grown, `heap grew by ${(grown / 2 ** 20).toFixed(1)} MB after ${runs} documents of ${(perText / 2 ** 20).toFixed(1)} MB`).toBeLessThan((runs * perText) / 3);
}

function replay(c: Case): void {
  if (c.check === 'retention') {
    assertReleased(c.text);
    return;
  }
  const r = exercise(c.text);
  if (r.clean) assertFormatProperties(c.text);
}

describe('regression corpus (test/corpus)', () => {
  it('is not empty, and every known bug is listed in KNOWN_BUGS (and every listed one is in the folder)', () => {
    expect(CASES.length).toBeGreaterThan(0);
    expect(CASES.filter((c) => c.knownBug).map((c) => c.file).sort()).toEqual(Object.keys(KNOWN_BUGS).sort());
  });

  it('has clean rule files among its cases, so the format properties are replayed too', () => {
    expect(CASES.filter((c) => !c.knownBug && !c.check && parse(c.text).clean).length).toBeGreaterThan(0);
  });

  for (const c of CASES) {
    const known = KNOWN_BUGS[c.file];
    if (c.knownBug) {
      // KNOWN BUG (see KNOWN_BUGS): passes while the replay fails with the bug's symptom. When the bug is
      // fixed this test fails ("expected to fail"): rename the file without `.known-bug` and drop its entry.
      it.fails(`${c.file} — known bug: ${known?.bug ?? '(not listed in KNOWN_BUGS)'}`, () => {
        try {
          replay(c);
        } catch (e) {
          const message = e instanceof Error ? `${e.message} ${e.cause instanceof Error ? e.cause.message : ''}` : String(e);
          if (known?.symptom.test(message)) throw e;
          console.error(`${c.file} failed, but not with the known symptom ${known?.symptom}:`, e);
          return;
        }
        console.error(`${c.file} no longer fails: the bug looks fixed — rename the file without .known-bug and remove it from KNOWN_BUGS.`);
      }, 120_000);
    } else {
      it(c.file, () => replay(c), 120_000);
    }
  }
});
