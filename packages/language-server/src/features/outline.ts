/**
 * The outline of a rule file: the notice, holding its declarations and awards, each award holding its
 * rules. A rule is named by its catalog tags (`#J23-CAP-1`), which is how policy staff refer to it, and
 * its plain-language sentence is the detail. Folding ranges come from the same syntax tree: every
 * `{ … }` block and every run of comment lines.
 */
import { explainRule, type ast as A, type AwardDocument, type Locale, type RuleModel } from '@awardrules/language';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { rangeOf } from '../convert.js';
import { say } from '../messages.js';

type Span = A.Span;

interface Builder {
  readonly doc: AwardDocument;
  readonly locale: Locale;
  readonly rules: ReadonlyMap<number, RuleModel>;
}

function symbol(b: Builder, name: string, kind: SymbolKind, span: Span, selection: Span | undefined, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const range = rangeOf(b.doc.lines, span);
  const sel = selection && selection.start >= span.start && selection.end <= span.end ? selection : { start: span.start, end: span.start };
  return {
    name: name.trim() || '…', kind, range, selectionRange: rangeOf(b.doc.lines, sel),
    ...(detail ? { detail } : {}), ...(children?.length ? { children } : {}),
  };
}

function statement(b: Builder, s: A.Statement): DocumentSymbol {
  if (s.kind === 'when') {
    const cond = s.pred ? b.doc.text.slice(s.pred.start, s.pred.end).replace(/\s+/g, ' ') : '';
    return symbol(b, `when ${cond}`, SymbolKind.Namespace, s, s.pred, undefined, s.body.map((x) => statement(b, x)));
  }
  const kind = s.body?.kind ?? 'rule';
  const model = b.rules.get(s.start);
  const name = s.tags.length ? s.tags.map((t) => `#${t.text}`).join(' ') : `${kind} ${say(b.locale, 'untagged')}`;
  const detail = model ? explainRule(b.doc.model, model, b.locale) : kind;
  return symbol(b, name, SymbolKind.Function, s, s.tags[0] ?? s.body, detail);
}

function terms(b: Builder, list: readonly A.TermDecl[]): DocumentSymbol[] {
  return list.map((t) => symbol(b, t.name.text, SymbolKind.EnumMember, t, t.name, t.zh?.value));
}

function item(b: Builder, i: A.TopItem): DocumentSymbol | undefined {
  switch (i.kind) {
    case 'notice': return undefined;
    case 'extend': return symbol(b, `extend ${i.target?.text ?? ''}`, SymbolKind.Enum, i, i.target, undefined, terms(b, i.terms));
    case 'enum': return symbol(b, i.name?.text ?? 'enum', SymbolKind.Enum, i, i.name, i.zh?.value, terms(b, i.terms));
    case 'field': return symbol(b, i.name?.text ?? 'field', SymbolKind.Field, i, i.name, i.zh?.value);
    case 'table': return symbol(b, i.name?.text ?? 'table', SymbolKind.Struct, i, i.name, i.label?.value);
    case 'stage': return symbol(b, i.name?.text ?? 'stage', SymbolKind.Event, i, i.name, i.label?.value);
    case 'award': return symbol(b, i.name?.text ?? 'award', SymbolKind.Class, i, i.name, i.zh?.value, i.body.map((s) => statement(b, s)));
    case 'rule': case 'when': return statement(b, i);
  }
}

export function documentSymbols(doc: AwardDocument, locale: Locale): DocumentSymbol[] {
  const b: Builder = { doc, locale, rules: new Map(doc.model.rules.map((r) => [r.span.start, r])) };
  const items = doc.ast.items.map((i) => item(b, i)).filter((s): s is DocumentSymbol => !!s);
  const notice = doc.ast.items.find((i): i is A.NoticeDecl => i.kind === 'notice');
  if (!notice) return items;
  // The notice holds the whole file: everything in it belongs to that notice.
  const name = notice.code?.value ?? notice.title?.value ?? say(locale, 'notice');
  const whole = { start: 0, end: doc.text.length };
  return [symbol(b, name, SymbolKind.Module, whole, notice.code ?? notice, notice.title?.value, items)];
}

/** Blocks that fold: every syntax-tree node written with braces. */
function blocks(file: A.FileNode): Span[] {
  const out: Span[] = [];
  const statements = (list: readonly A.Statement[]) => {
    for (const s of list) {
      if (s.kind === 'when') { out.push(s); statements(s.body); continue; }
      const body = s.body;
      if (body?.kind === 'attest' && body.group) groups(body.group);
      else if (body?.kind === 'route' || (body?.kind === 'material' && body.block)) out.push(s);
    }
  };
  const groups = (g: A.AttestGroup) => {
    out.push(g);
    for (const e of g.entries) if (e.kind === 'group') groups(e);
  };
  for (const i of file.items) {
    if (i.kind === 'notice' || i.kind === 'extend' || i.kind === 'enum' || (i.kind === 'table' && !i.source)) out.push(i);
    else if (i.kind === 'award') { out.push(i); statements(i.body); }
    else if (i.kind === 'rule' || i.kind === 'when') statements([i]);
  }
  return out;
}

export function foldingRanges(doc: AwardDocument): FoldingRange[] {
  const line = (o: number) => doc.lines.position(o).line;
  const out: FoldingRange[] = [];
  for (const span of blocks(doc.ast)) {
    // Keep the closing brace visible: fold up to the line before it.
    const start = line(span.start);
    const end = line(span.end) - 1;
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  // Comment runs: a block comment over several lines, or consecutive line comments.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of doc.comments) {
    const start = line(c.startOffset);
    const end = line(c.startOffset + c.image.length);
    const lineComment = c.image.startsWith('//');
    const ownLine = doc.lines.lineText(start).trimStart().startsWith(c.image.slice(0, 2));
    if (!lineComment) { flush(); if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment }); continue; }
    if (!ownLine) { flush(); continue; }
    if (run && start === run.end + 1) run.end = start;
    else { flush(); run = { start, end: start }; }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine);
}
