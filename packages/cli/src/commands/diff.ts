/**
 * `awardc diff <old.award> <new.award>`: what changed in meaning between two rule files, rule by rule,
 * with witnesses; with `--slate`, what the change does to a real slate. Exit 0 no change in meaning,
 * 1 changes, 2 errors (either file has errors: their diagnostics are shown).
 */
import type { AwardDocument } from '@awardrules/language';
import type { Style as DiffStyle } from '@awardrules/diff';
import { EXIT, type CliContext } from '../context.js';
import { InputError, readBytes } from '../io.js';
import { say } from '../messages.js';
import { loadDocument, loadShared, reportInputError, reportRuleErrors } from './load.js';

export interface DiffOptions {
  readonly format: 'text' | 'markdown' | 'json';
  readonly slate?: string;
  readonly award?: readonly string[];
  readonly sheet?: string;
  readonly referenceDate?: string;
}

export async function runDiff(ctx: CliContext, oldFile: string, newFile: string, options: DiffOptions): Promise<number> {
  const pairs: [string, string][] = [];
  for (const a of options.award ?? []) {
    const m = /^([^=]+)=([^=]+)$/.exec(a.trim());
    if (!m) { ctx.err(say(ctx.locale, 'badAwardPair', a)); return EXIT.usage; }
    pairs.push([m[1]!.trim(), m[2]!.trim()]);
  }
  let docs: [AwardDocument, AwardDocument];
  let slateBytes: Buffer | undefined;
  try {
    const shared = loadShared({});
    docs = [loadDocument(oldFile, shared), loadDocument(newFile, shared)];
    if (options.slate) slateBytes = readBytes(options.slate, 64 * 1024 * 1024);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(ctx, e);
    return EXIT.usage;
  }
  // Both files' errors are shown, not only the first file's.
  const oldBroken = reportRuleErrors(ctx, oldFile, docs[0], 'diffRuleErrors');
  if (reportRuleErrors(ctx, newFile, docs[1], 'diffRuleErrors') || oldBroken) return EXIT.usage;
  for (const [o, n] of pairs) {
    const missing = !docs[0].model.awards.some((a) => a.id === o) ? [o, oldFile] : !docs[1].model.awards.some((a) => a.id === n) ? [n, newFile] : undefined;
    if (missing) { ctx.err(say(ctx.locale, 'unknownAward', missing[0]!, missing[1]!, (missing[1] === oldFile ? docs[0] : docs[1]).model.awards.map((a) => a.id).join(', '))); return EXIT.usage; }
  }

  const { diffDocuments, diffJson, hasSemanticChange, impactOf, renderDiff, MARKDOWN } = await import('@awardrules/diff');
  const result = diffDocuments({ file: oldFile, doc: docs[0] }, { file: newFile, doc: docs[1] }, pairs.length ? { awards: pairs } : {});

  let impact;
  if (options.slate && slateBytes) {
    const { readSlate, SlateReadError } = await import('@awardrules/slate');
    const sheet = options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
    try {
      const [a, b] = await Promise.all(docs.map((d) => readSlate(options.slate!, slateBytes!, d.model, sheet !== undefined ? { sheet } : {})));
      impact = impactOf(docs[0], docs[1], result, options.slate, a!.slate, b!.slate, options.referenceDate ? { referenceDate: options.referenceDate } : {});
    } catch (e) {
      if (!(e instanceof SlateReadError)) throw e;
      ctx.err(say(ctx.locale, 'cannotReadSlate', options.slate, e.reason[ctx.locale]));
      return EXIT.usage;
    }
  }

  if (options.format === 'json') ctx.out(diffJson(result, impact).trimEnd());
  else {
    const s = ctx.style;
    const style: DiffStyle = options.format === 'markdown' ? MARKDOWN : {
      heading: (x) => s.bold(x), bold: s.bold, dim: s.dim,
      kind: (k, x) => (k === 'tightened' || k === 'added' ? s.red(x) : k === 'loosened' || k === 'removed' ? s.green(x) : k === 'changed' ? s.yellow(x) : s.dim(x)),
    };
    ctx.out(renderDiff(result, ctx.locale, style, options.format === 'markdown', impact).trimEnd());
  }
  return hasSemanticChange(result) ? EXIT.findings : EXIT.ok;
}
