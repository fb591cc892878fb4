/** How validation results read: for people (grouped by nominee) and for programs (JSON). */
import type { AwardDocument } from '@awardrules/language';
import type { Finding, TraceEntry, ValidationResult } from '@awardrules/runtime';
import type { CliContext } from '../context.js';
import { say } from '../messages.js';

function severityWord(ctx: CliContext, s: Finding['severity']): string {
  const w = say(ctx.locale, s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'info');
  const padded = ctx.locale === 'zh' ? w : w.padEnd(7);
  return s === 'error' ? ctx.style.red(padded) : s === 'warning' ? ctx.style.yellow(padded) : ctx.style.cyan(padded);
}

function findingLines(ctx: CliContext, f: Finding): string[] {
  const l = ctx.locale;
  const label = [f.tags.map((t) => `#${t}`).join(' '), f.clause ? `[${f.clause}]` : ''].filter(Boolean).join(' ');
  const lines = [`  ${severityWord(ctx, f.severity)} ${label ? `${ctx.style.dim(label)} ` : ''}${f.measured ? f.message[l].replace(/( Found: |实际：).*$/, '') : f.message[l]}`];
  const indent = ' '.repeat(l === 'zh' ? 7 : 10);
  const colon = l === 'zh' ? '：' : ': ';
  if (f.measured) lines.push(`${indent}${say(l, 'found')}${colon}${f.measured[l]}${f.required ? `${l === 'zh' ? '；' : '; '}${say(l, 'required')}${colon}${f.required[l]}` : ''}`);
  return lines;
}

export function printFindings(ctx: CliContext, doc: AwardDocument, slateFile: string, result: ValidationResult): void {
  const l = ctx.locale;
  const n = doc.model.notice;
  ctx.out(ctx.style.bold(say(l, 'slateHeading', [n.code, n.title].filter(Boolean).join(' '), slateFile, result.summary.nominees)));
  const byNominee = new Map<string, Finding[]>();
  const slate: Finding[] = [];
  for (const f of result.findings) {
    if (!f.nominee) { slate.push(f); continue; }
    const key = `${f.nominee.row ?? ''}|${f.nominee.id}`;
    byNominee.set(key, [...(byNominee.get(key) ?? []), f]);
  }
  // In the sheet's order, although findings about unreadable cells come before those of the rules.
  const byRow = (a: Finding[], b: Finding[]) => (a[0]!.nominee!.row ?? Number.MAX_SAFE_INTEGER) - (b[0]!.nominee!.row ?? Number.MAX_SAFE_INTEGER);
  for (const list of [...byNominee.values()].sort(byRow)) {
    const who = list[0]!.nominee!;
    const row = who.row !== undefined ? `${l === 'zh' ? '（' : ' ('}${say(l, 'row', who.row)}${l === 'zh' ? '）' : ')'}` : '';
    ctx.out(`\n${ctx.style.bold(`● ${who.id} ${who.name}`)}${row}`);
    for (const f of list) ctx.out(findingLines(ctx, f).join('\n'));
  }
  if (slate.length) {
    ctx.out(`\n${ctx.style.bold(`● ${say(l, 'wholeSlate')}`)}`);
    for (const f of slate) ctx.out(findingLines(ctx, f).join('\n'));
  }
  const withErrors = new Set(result.findings.filter((f) => f.severity === 'error' && f.nominee).map((f) => `${f.nominee!.row}|${f.nominee!.id}`)).size;
  const c = (s: string) => result.findings.filter((f) => f.severity === s).length;
  ctx.out(`\n${say(l, 'validateSummary', result.summary.nominees, c('error'), c('warning'), c('info'), withErrors)}`);
}

export function printTrace(ctx: CliContext, id: string, trace: readonly TraceEntry[], findings: readonly Finding[]): void {
  const l = ctx.locale;
  ctx.out(ctx.style.bold(say(l, 'whyHeading', id)));
  for (const e of trace) {
    const outcome = say(l, `outcome_${e.outcome}` as Parameters<typeof say>[1]);
    const colored = e.outcome === 'failed' ? ctx.style.red(outcome) : e.outcome === 'passed' ? ctx.style.green(outcome) : ctx.style.dim(outcome);
    const label = [e.tags.map((t) => `#${t}`).join(' ') || e.rule, e.clause ? `[${e.clause}]` : ''].filter(Boolean).join(' ');
    ctx.out(`  ${colored.padEnd(l === 'zh' ? 4 : 15)} ${label}: ${e.reason[l]}`);
  }
  const data = findings.filter((f) => f.kind === 'data' || f.kind === 'calendar');
  for (const f of data) ctx.out(`  ${severityWord(ctx, f.severity)} ${f.message[l]}`);
}

/** The documented JSON shape of `awardc validate --format json` (docs/cli-json.md). */
export function findingsJson(doc: AwardDocument, slateFile: string, result: ValidationResult, format: string, encoding?: string) {
  return {
    version: 1,
    rules: doc.uri,
    slate: { file: slateFile, format, ...(encoding ? { encoding } : {}) },
    summary: {
      ...result.summary,
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
      infos: result.findings.filter((f) => f.severity === 'info').length,
    },
    findings: result.findings,
    ...(result.trace ? { trace: result.trace } : {}),
  };
}
