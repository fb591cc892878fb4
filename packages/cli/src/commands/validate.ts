/** `awardc validate <rules.award> <slate>`: findings grouped by nominee, then for the whole slate. */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { englishLabel, type AwardDocument } from '@awardrules/language';
import { createReferenceValidator } from '@awardrules/interpreter';
import { parseDay, type Finding, type ValidationResult } from '@awardrules/runtime';
import { EXIT, type CliContext } from '../context.js';
import { InputError, readBytes, readCalendarFile, writeFailure } from '../io.js';
import { say } from '../messages.js';
import { loadDocument, loadShared, reportInputError, reportRuleErrors } from './load.js';
import { readFileFile } from './read-file.js';
import { findingsJson, printFindings, printTrace } from './findings-report.js';

export interface ValidateOptions {
  readonly format: 'text' | 'json';
  readonly why?: string;
  readonly annotate?: string;
  readonly referenceDate?: string;
  readonly calendar?: string;
  readonly columns?: string;
  readonly sheet?: string;
}

export async function runValidate(ctx: CliContext, ruleFile: string, slateFile: string, options: ValidateOptions): Promise<number> {
  let doc: AwardDocument;
  let columns: Record<string, string> = {};
  let bytes: Buffer;
  try {
    doc = loadDocument(ruleFile, loadShared(options.calendar ? { calendar: options.calendar } : {}));
    if (options.columns) columns = readColumns(options.columns);
    bytes = readBytes(slateFile, 64 * 1024 * 1024);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    reportInputError(ctx, e);
    return EXIT.usage;
  }
  if (options.referenceDate !== undefined && parseDay(options.referenceDate) === undefined) {
    ctx.err(say(ctx.locale, 'badReferenceDate', options.referenceDate));
    return EXIT.usage;
  }
  if (options.annotate !== undefined) {
    // Checked before anything is read or written: an annotated copy must never replace the slate.
    if (extname(options.annotate).toLowerCase() !== '.xlsx') {
      ctx.err(say(ctx.locale, 'annotateNotXlsx', options.annotate));
      return EXIT.usage;
    }
    if (samePath(options.annotate, slateFile)) {
      ctx.err(say(ctx.locale, 'annotateSelf', options.annotate));
      return EXIT.usage;
    }
  }
  if (reportRuleErrors(ctx, ruleFile, doc, 'validateRuleErrors')) return EXIT.usage;
  const { readSlate, SlateReadError, writeAnnotated } = await import('@awardrules/slate');
  let read;
  try {
    const sheet = options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
    read = await readSlate(slateFile, bytes, doc.model, { columns, ...(sheet !== undefined ? { sheet } : {}) });
  } catch (e) {
    if (!(e instanceof SlateReadError)) throw e;
    ctx.err(say(ctx.locale, 'cannotReadSlate', slateFile, e.reason[ctx.locale]));
    return EXIT.usage;
  }
  if (options.annotate !== undefined && !(read.rows && read.layout)) {
    ctx.err(say(ctx.locale, 'annotateJson', slateFile));
    return EXIT.usage;
  }
  const validate = createReferenceValidator(doc.model, doc.lines);
  const calendar = options.calendar ? readCalendarFile(options.calendar) : undefined;
  const result = validate(read.slate, {
    ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
    ...(calendar ? { calendar } : {}), ...(options.why !== undefined ? { trace: options.why } : {}),
  });
  const findings = collapseMissingColumns(doc, read.issues, result.findings, read.layout?.missing ?? []);
  const merged: ValidationResult = { ...result, findings };

  if (options.format === 'json') {
    ctx.out(JSON.stringify(findingsJson(doc, slateFile, merged, read.format, read.encoding), null, 2));
  } else if (options.why !== undefined) {
    if (!result.trace || !read.slate.nominees.some((n) => String(n['id'] ?? '') === options.why)) {
      ctx.err(say(ctx.locale, 'noNominee', options.why));
      return EXIT.usage;
    }
    printTrace(ctx, options.why, result.trace, findings.filter((f) => f.nominee?.id === options.why));
  } else {
    // A CSV's encoding is guessed (UTF-8, else GB18030): say which, so a wrong guess is visible.
    printFindings(ctx, doc, read.encoding === 'gb18030' ? `${slateFile} (GB18030)` : slateFile, merged);
  }
  if (options.annotate && read.rows && read.layout) {
    try {
      await writeAnnotated(options.annotate, { rows: read.rows, layout: read.layout, findings, locale: ctx.locale, ...(read.workbook ? { workbook: read.workbook } : {}) });
    } catch (e) {
      ctx.err(say(ctx.locale, 'cannotWrite', options.annotate, writeFailure(e)[ctx.locale]));
      return EXIT.usage;
    }
    ctx.err(say(ctx.locale, 'annotated', options.annotate));
  }
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

function readColumns(path: string): Record<string, string> {
  const text = readFileFile(path);
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')) return v as Record<string, string>;
  } catch { /* reported below */ }
  throw new InputError('AR6001', [path, { en: 'expected a JSON object of field → column header', zh: '应为“数据项 → 表头”的 JSON 对象' }]);
}

/** The same file (also through a link), or the same path when one does not exist yet. */
function samePath(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * When a whole column is missing, each nominee would get its own "is empty" finding; one finding for
 * the slate says it better: the reader's "no column for …", with the rules it kept from being checked.
 */
function collapseMissingColumns(doc: AwardDocument, issues: readonly Finding[], results: readonly Finding[], missing: readonly string[]): Finding[] {
  const findings = [...issues, ...results];
  if (missing.length === 0) return findings;
  const out: Finding[] = [];
  const perField = new Map<string, { count: number; rules: Set<string>; severity: Finding['severity'] }>();
  for (const f of findings) {
    const field = f.fields[0];
    if (f.blocks && f.nominee && field && missing.includes(field)) {
      const entry = perField.get(field) ?? { count: 0, rules: new Set<string>(), severity: f.severity };
      entry.count++;
      for (const r of f.blocks) entry.rules.add(r);
      if (f.severity === 'error') entry.severity = 'error';
      perField.set(field, entry);
      continue;
    }
    out.push(f);
  }
  for (const [field, e] of perField) {
    const def = doc.model.fields.get(field);
    const label = { en: def ? englishLabel(def) : field, zh: def?.zh ?? field };
    const noColumn = out.findIndex((f) => f.kind === 'data' && !f.nominee && f.fields.length === 1 && f.fields[0] === field && issues.includes(f));
    if (noColumn >= 0) {
      const f = out[noColumn]!;
      out[noColumn] = {
        ...f, blocks: [...e.rules],
        message: { en: say('en', 'missingColumnBlocks', f.message.en, e.count, [...e.rules].join(', ')), zh: say('zh', 'missingColumnBlocks', f.message.zh, e.count, [...e.rules].join('、')) },
      };
      continue;
    }
    out.push({
      rule: 'data', tags: [], kind: 'data', severity: e.severity, fields: [field], blocks: [...e.rules],
      message: { en: say('en', 'missingColumn', label.en, e.count, [...e.rules].join(', ')), zh: say('zh', 'missingColumn', label.zh, e.count, [...e.rules].join('、')) },
    });
  }
  return out;
}
