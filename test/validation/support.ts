/**
 * The two implementations of a rule file, side by side: the reference interpreter, and the validator
 * the compiler emits, written to disk and imported as a consumer would import it. Semantic tests run
 * every case through both; the differential test compares them on generated slates.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDocument, render, severityOf, type AwardDocument } from '@awardrules/language';
import { compileDocument } from '@awardrules/compiler';
import { createReferenceValidator } from '@awardrules/interpreter';
import type { Finding, ValidationOptions, ValidationResult } from '@awardrules/runtime';
import { ROOT } from '../support.js';

export type Validate = (input: unknown, options?: ValidationOptions) => ValidationResult;

export interface Implementations {
  readonly doc: AwardDocument;
  readonly interpreted: Validate;
  readonly compiled: Validate;
}

/** Checks a rule file; a test that meant a valid file fails here with the diagnostics, not later. */
export function checkedDocument(text: string, file = 'test.award'): AwardDocument {
  const doc = buildDocument(resolve(ROOT, file), text, { readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined) });
  const errors = doc.diagnostics.filter((d) => severityOf(d.code) === 'error');
  if (errors.length > 0) {
    const where = (d: (typeof errors)[number]) => { const p = doc.lines.position(d.span.start); return `${p.line + 1}:${p.character + 1}`; };
    throw new Error(`${file} has errors:\n${errors.map((d) => `${where(d)} ${d.code} ${render(d, 'en').message}`).join('\n')}`);
  }
  return doc;
}

/**
 * Compiles into node_modules/.cache (inside the repository, so the emitted `@awardrules/runtime`
 * import resolves to the built workspace package) and imports the emitted JavaScript.
 * Output is keyed by a hash of the compiled text, so repeated runs reuse it; what no run has used for a
 * week is removed before the tests start (test/global-setup.ts).
 */
export async function compiledValidator(doc: AwardDocument, name = 'rules'): Promise<Validate> {
  const files = compileDocument(doc, `${name}.award`, { name });
  const js = files.find((f) => f.path === `${name}.js`)!.text;
  const dir = resolve(ROOT, 'node_modules/.cache/awardrules-tests', createHash('sha256').update(js).digest('hex').slice(0, 16));
  const file = resolve(dir, `${name}.js`);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, js);
  } else {
    const now = new Date();
    utimesSync(dir, now, now); // in use: kept by test/global-setup.ts for another week
  }
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { validateInput: Validate };
  return (input, options) => mod.validateInput(input, options);
}

export async function implementations(text: string, file?: string): Promise<Implementations> {
  const doc = checkedDocument(text, file);
  const reference = createReferenceValidator(doc.model, doc.lines);
  return { doc, interpreted: (input, options) => reference(input as never, options), compiled: await compiledValidator(doc) };
}

/** A finding reduced to what a case states: `rule nominee severity`. */
export function brief(f: Finding): string {
  return `${f.tags[0] ?? f.rule} ${f.nominee?.id ?? 'slate'} ${f.severity}`;
}
