/**
 * Builds the AST from the concrete syntax tree. Error recovery can leave any child of any node
 * missing, so every access is guarded and a missing piece simply stays undefined in the AST.
 * Literal problems (unclosed text, impossible dates, glued units) are reported here.
 */
import type { CstNode, CstNodeLocation, IToken } from 'chevrotain';
import { isValidYmd } from '@awardrules/runtime';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type * as A from './ast.js';
import type * as C from './cst.generated.js';
import { keywordFor } from './tokens.js';

type Children = Record<string, (IToken | CstNode)[] | undefined>;

const UNIT_OF_TOKEN: Record<string, A.Unit | '%'> = {
  Workdays: 'workdays', Days: 'days', Years: 'years', Months: 'months', Kilobytes: 'KB', Megabytes: 'MB', Percent: '%',
};
const OP_OF_TOKEN: Record<string, A.CmpOp> = { GreaterEq: '>=', LessEq: '<=', NotEq: '!=', Equals: '=', Greater: '>', Less: '<' };

export function fromCst(cst: C.FileCstNode): { file: A.FileNode; diagnostics: Diagnostic[] } {
  const b = new FileBuilder();
  for (const item of cst.children.topItem ?? []) b.add(item);
  return b.finish(cst);
}

/**
 * The AST of a file built one top-level item at a time, as `fromCst` builds it: items added in
 * order (as the parser finishes them, see parseTokens' `sink`), then the file node for the span.
 */
export class FileBuilder {
  private readonly b = new AstBuilder();
  private readonly items: A.TopItem[] = [];

  add(node: C.TopItemCstNode): void {
    const item = this.b.topItem(node);
    if (item) this.items.push(item);
  }

  finish(node: C.FileCstNode): { file: A.FileNode; diagnostics: Diagnostic[] } {
    const file: A.FileNode = { items: this.items, start: this.b.start(node), end: this.b.end(node) };
    // A literal can be read twice (as text and as a name); report each problem once.
    const seen = new Set<string>();
    const diagnostics = this.b.diagnostics.filter((d) => {
      const key = `${d.code}@${d.span.start}:${d.span.end}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return { file, diagnostics };
  }
}

function first<T>(items: readonly T[] | undefined): T | undefined {
  return items?.[0];
}

/**
 * `items.map(f)` without the results that are undefined. The result is exactly as long as it needs to
 * be: an array grown by `push` from empty keeps room for 16, and the tree keeps tens of thousands of
 * these (one or two items each) for as long as the document lives.
 */
function mapDefined<T, U>(items: readonly T[] | undefined, f: (item: T) => U | undefined): U[] {
  if (!items || items.length === 0) return [];
  const out = items.map(f);
  return out.includes(undefined) ? (out.filter((x) => x !== undefined) as U[]) : (out as U[]);
}

function isRealToken(t: IToken | undefined): t is IToken {
  return !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  // ── spans ─────────────────────────────────────────────────────────────────────────────────
  // Where a node starts and ends, each worked out on its own: a node is its own span (ast.ts), so a
  // span object made only to be taken apart would be garbage at once.
  //
  // `| 0` (exact: offsets are whole numbers far below 2³¹): a location's offsets are stored as
  // floating-point numbers (a node's location starts as NaN), and a node given those would keep each
  // of its two numbers as a separate heap object.

  start(node: CstNode | undefined): number {
    const loc = node?.location;
    return loc && hasLocation(loc) ? loc.startOffset | 0 : emptyNodeSpan(node).start;
  }

  end(node: CstNode | undefined): number {
    const loc = node?.location;
    return loc && hasLocation(loc) ? ((loc.endOffset ?? loc.startOffset) + 1) | 0 : emptyNodeSpan(node).end;
  }

  // ── literals ──────────────────────────────────────────────────────────────────────────────
  text(t: IToken | undefined): A.Text | undefined {
    if (!isRealToken(t)) return undefined;
    return { value: this.stringValue(t), start: t.startOffset, end: tokenEnd(t) };
  }

  stringValue(t: IToken): string {
    const img = t.image;
    const unclosed = t.tokenType.name === 'UnclosedString';
    if (unclosed) this.diagnostics.push(diag('AR1006', tokenSpan(t)));
    const body = unclosed ? img.slice(1) : img.slice(1, -1);
    if (img.startsWith('“')) return body; // curly quotes, as a Chinese input method types them, have no escapes
    if (!body.includes('\\')) return body; // no escape to read (the replace below would give it back unchanged)
    return body.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|.)/g, (m, esc: string, index: number) => {
      switch (esc[0]) {
        case 'n': if (esc.length === 1) return '\n'; break;
        case 't': if (esc.length === 1) return '\t'; break;
        case '"': return '"';
        case '\\': return '\\';
        case 'u': {
          const hex = esc.startsWith('u{') ? esc.slice(2, -1) : esc.slice(1);
          const cp = parseInt(hex, 16);
          if (esc.length > 1 && cp <= 0x10ffff) return String.fromCodePoint(cp);
          break;
        }
      }
      const at = t.startOffset + 1 + index;
      this.diagnostics.push(diag('AR1008', { start: at, end: at + m.length }, esc));
      return esc;
    });
  }

  number(t: IToken | undefined): A.NumberLit | undefined {
    if (!isRealToken(t)) return undefined;
    const value = Number(t.image);
    if (!Number.isFinite(value) || value > 1e12) {
      // Reported once here; the number is dropped so nothing downstream reports it again.
      this.diagnostics.push(diag('AR1103', tokenSpan(t), t.image));
      return undefined;
    }
    return { value, text: t.image, start: t.startOffset, end: tokenEnd(t) };
  }

  date(t: IToken | undefined): A.DateLit | undefined {
    if (!isRealToken(t)) return undefined;
    const m = /^(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?$/.exec(t.image);
    if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) this.diagnostics.push(diag('AR1101', tokenSpan(t), t.image));
    return { text: t.image, start: t.startOffset, end: tokenEnd(t) };
  }

  tokenName(t: IToken | undefined): A.Name | undefined {
    if (!isRealToken(t)) return undefined;
    const quoted = t.tokenType.name === 'StringLiteral' || t.tokenType.name === 'UnclosedString';
    return { text: quoted ? this.stringValue(t) : t.image, quoted, start: t.startOffset, end: tokenEnd(t) };
  }

  /** A name token (identifier, glued number-name or quoted text; the parser consumed it by category). */
  name(t: IToken | undefined): A.Name | undefined {
    return this.tokenName(t);
  }

  word(t: IToken | undefined): A.Name | undefined {
    return this.tokenName(t);
  }

  clause(t: IToken | undefined): A.Clause | undefined {
    if (!isRealToken(t)) return undefined;
    const raw = t.image.slice(1);
    const text = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    return { text, start: t.startOffset, end: tokenEnd(t) };
  }

  op(t: IToken | undefined): A.CmpOp | undefined {
    return isRealToken(t) ? OP_OF_TOKEN[t.tokenType.name] : undefined;
  }

  labels(node: C.LabelsCstNode | undefined): { zh?: A.Text; en?: A.Text } {
    const zh = this.text(first(node?.children.zh));
    const en = this.text(first(node?.children.en));
    return { zh, en };
  }

  aliases(node: C.AliasesCstNode | undefined): A.Text[] {
    return mapDefined(node?.children.alias, (t) => this.text(t));
  }

  // ── quantities and values ─────────────────────────────────────────────────────────────────
  /** `500KB`, `5years`, `5个工作日`: a number glued to a unit (or to something that is not one). */
  gluedQuantity(glued: IToken): A.Quantity {
    const start = glued.startOffset, end = tokenEnd(glued);
    const m = /^(\d+)(\D[^]*)$/.exec(glued.image)!;
    const amount: A.NumberLit = { value: Number(m[1]), text: m[1]!, start, end: start + m[1]!.length };
    const kw = keywordFor(m[2]!);
    const unit = kw?.category === 'unit' ? UNIT_OF_TOKEN[kw.name] : undefined;
    return unit ? { amount, unit, start, end } : { amount, badUnit: m[2]!, start, end };
  }

  quantity(node: C.QuantityCstNode | undefined): A.Quantity | undefined {
    if (!node) return undefined;
    const start = this.start(node), end = this.end(node);
    const glued = first(node.children.DigitName);
    if (isRealToken(glued)) return this.gluedQuantity(glued);
    const amount = this.number(first(node.children.NumberLiteral));
    if (!amount) return undefined;
    const unitTok = first(node.children.unit);
    const unit = isRealToken(unitTok) ? UNIT_OF_TOKEN[unitTok.tokenType.name] : undefined;
    return { amount, unit, start, end };
  }

  value(node: C.ValueCstNode | undefined): A.Value | undefined {
    if (!node) return undefined;
    const c = node.children;
    const start = this.start(node), end = this.end(node);
    const glued = first(c.DigitName);
    if (isRealToken(glued)) {
      // A glued word that is not a unit (`4A`, `5A区`) is a name; `5years` and `5年` are quantities.
      const quantity = this.gluedQuantity(glued);
      return quantity.badUnit !== undefined
        ? { kind: 'name', name: { text: glued.image, quoted: false, start: glued.startOffset, end: tokenEnd(glued) }, start, end }
        : { kind: 'quantity', quantity, start, end };
    }
    const amount = this.number(first(c.NumberLiteral));
    if (amount) {
      const unitTok = first(c.unit);
      const unit = isRealToken(unitTok) ? UNIT_OF_TOKEN[unitTok.tokenType.name] : undefined;
      return { kind: 'quantity', quantity: { amount, unit, start, end }, start, end };
    }
    const d = this.date(first(c.DateLiteral));
    if (d) return { kind: 'date', date: d, start, end };
    if (first(c.Yes)) return { kind: 'bool', value: true, start, end };
    if (first(c.No)) return { kind: 'bool', value: false, start, end };
    const n = this.tokenName(first(c.Identifier) ?? first(c.StringLiteral));
    return n ? { kind: 'name', name: n, start, end } : undefined;
  }

  valueRange(node: C.ValueRangeCstNode): A.ValueRange | undefined {
    const from = this.value(first(node.children.from));
    if (!from) return undefined;
    const to = this.value(first(node.children.to));
    return { from, to, start: this.start(node), end: this.end(node) };
  }

  valueSet(node: C.ValueSetCstNode | undefined): A.ValueSet | undefined {
    if (!node) return undefined;
    const items = mapDefined(node.children.valueRange, (r) => this.valueRange(r));
    return { braced: !!first(node.children.LBrace), items, start: this.start(node), end: this.end(node) };
  }

  /** A quantity that must be glued-or-spaced correctly; reports `5yeras`. */
  checkedQuantity(node: C.QuantityCstNode | undefined): A.Quantity | undefined {
    const q = this.quantity(node);
    if (q?.badUnit !== undefined) this.diagnostics.push(diag('AR1102', q, `${q.amount.text}${q.badUnit}`));
    return q;
  }

  /** `within 5 years`, `since 2020-01-01`, `during 2018..2020`. */
  window(node: C.WindowCstNode | undefined): A.WindowSyntax | undefined {
    if (!node) return undefined;
    const c = node.children;
    const start = this.start(node), end = this.end(node);
    if (first(c.Within)) return { kind: 'within', quantity: this.checkedQuantity(first(c.quantity)), to: this.value(first(c.to)), start, end };
    if (first(c.Since)) return { kind: 'period', since: true, from: this.value(first(c.from)), start, end };
    const range = first(c.valueRange);
    const period = range && this.valueRange(range);
    return { kind: 'period', since: false, from: period?.from, to: period?.to, start, end };
  }

  // ── predicates ────────────────────────────────────────────────────────────────────────────
  pred(node: C.PredCstNode | undefined): A.Pred | undefined {
    if (!node) return undefined;
    const args = mapDefined(node.children.andPred, (a) => this.andPred(a));
    if (args.length <= 1) return args[0];
    return { kind: 'or', args, start: this.start(node), end: this.end(node) };
  }

  andPred(node: C.AndPredCstNode): A.Pred | undefined {
    const args = mapDefined(node.children.unary, (a) => this.unary(a));
    if (args.length <= 1) return args[0];
    return { kind: 'and', args, start: this.start(node), end: this.end(node) };
  }

  unary(node: C.UnaryCstNode): A.Pred | undefined {
    const c = node.children;
    const inner = this.unaryInner(node);
    // `not not x`: each negation wraps what follows it.
    const negations = c.negation ?? [];
    let result = inner;
    for (let i = negations.length - 1; i >= 0; i--) {
      const start = negations[i]!.startOffset;
      result = { kind: 'not', arg: result, start, end: result?.end ?? start + 3 };
    }
    return result;
  }

  private unaryInner(node: C.UnaryCstNode): A.Pred | undefined {
    const c = node.children;
    const negation = c.negation?.[c.negation.length - 1];
    const start = negation ? tokenEnd(negation) : this.start(node), end = this.end(node);
    if (first(c.LParen)) {
      const inner = this.pred(first(c.pred));
      return { kind: 'group', inner, start, end };
    }
    if (first(c.No)) {
      const what = this.valueSet(first(c.valueSet));
      return { kind: 'none', what, window: this.window(first(c.window)), start, end };
    }
    const field = this.name(first(c.field));
    if (!field) return undefined;
    if (first(c.op)) {
      const op = this.op(first(c.op));
      const value = this.value(first(c.value));
      return { kind: 'compare', field, op, opSpan: op && tokenSpan(first(c.op)!), value, valid: !!first(c.Valid), start, end };
    }
    if (first(c.In)) {
      const set = this.valueSet(first(c.valueSet));
      return { kind: 'in', field, negated: !!first(c.notIn), set, start, end };
    }
    if (first(c.Has)) {
      const set = this.valueSet(first(c.valueSet));
      const mode = first(c.Any) ? 'any' : first(c.All) ? 'all' : 'one';
      return { kind: 'has', field, mode, set, window: this.window(first(c.window)), start, end };
    }
    if (first(c.window)) return { kind: 'window', field, window: this.window(first(c.window)), start, end };
    if (first(c.Valid)) return { kind: 'valid', field, start, end };
    return { kind: 'flag', field, start, end };
  }

  // ── declarations ──────────────────────────────────────────────────────────────────────────
  topItem(node: C.TopItemCstNode): A.TopItem | undefined {
    const c = node.children;
    if (c.noticeDecl) return this.notice(c.noticeDecl[0]!);
    if (c.extendDecl) return this.extend(c.extendDecl[0]!);
    if (c.enumDecl) return this.enumDecl(c.enumDecl[0]!);
    if (c.fieldDecl) return this.fieldDecl(c.fieldDecl[0]!);
    if (c.tableDecl) return this.table(c.tableDecl[0]!);
    if (c.stageDecl) return this.stage(c.stageDecl[0]!);
    if (c.awardDecl) return this.award(c.awardDecl[0]!);
    if (c.statement) return this.statement(c.statement[0]!);
    return undefined;
  }

  notice(node: C.NoticeDeclCstNode): A.NoticeDecl {
    const start = this.start(node), end = this.end(node);
    const code = this.text(first(node.children.code));
    let title: A.Text | undefined;
    let issued: A.DateLit | undefined;
    let tagPrefix: A.Name | undefined;
    let reference: A.NoticeDecl['reference'];
    const issuers: A.Text[] = [];
    const repeated: ({ key: string } & A.Span)[] = [];
    const seen = new Set<string>();
    for (const p of node.children.noticeProp ?? []) {
      const c = p.children;
      const key = c.Title ? 'title' : c.Issuer ? 'issuer' : c.Issued ? 'issued' : c.Tags ? 'tags' : 'reference';
      if (seen.has(key) && key !== 'issuer') repeated.push({ key, start: this.start(p), end: this.end(p) });
      seen.add(key);
      if (c.Title) title = this.text(first(c.title)) ?? title;
      else if (c.Issuer) issuers.push(...(c.issuer ?? []).map((t) => this.text(t)).filter((x): x is A.Text => !!x));
      else if (c.Issued) issued = this.date(first(c.issued)) ?? issued;
      else if (c.Tags) tagPrefix = this.word(first(c.tags)) ?? tagPrefix;
      else if (c.Reference) {
        const date = this.date(first(c.referenceDate));
        const stage = this.word(first(c.referenceStage));
        reference = { date, stage, start: this.start(p), end: this.end(p) };
      }
    }
    return {
      kind: 'notice', start, end, issuers, repeated,
      code, title, issued,
      tagPrefix, reference,
    };
  }

  term(node: C.TermDeclCstNode): A.TermDecl | undefined {
    const name = this.word(first(node.children.word));
    if (!name) return undefined;
    const equals = this.valueSet(first(node.children.valueSet));
    return {
      name, ...this.labels(first(node.children.labels)), aliases: this.aliases(first(node.children.aliases)),
      equals, start: this.start(node), end: this.end(node),
    };
  }

  terms(nodes: C.TermDeclCstNode[] | undefined): A.TermDecl[] {
    return mapDefined(nodes, (t) => this.term(t));
  }

  extend(node: C.ExtendDeclCstNode): A.ExtendDecl {
    const target = this.name(first(node.children.target));
    return { kind: 'extend', target, terms: this.terms(node.children.termDecl), start: this.start(node), end: this.end(node) };
  }

  enumDecl(node: C.EnumDeclCstNode): A.EnumDecl {
    const name = this.word(first(node.children.word));
    return {
      kind: 'enum', name, ...this.labels(first(node.children.labels)),
      ordered: !!first(node.children.Ordered), terms: this.terms(node.children.termDecl), start: this.start(node), end: this.end(node),
    };
  }

  typeExpr(node: C.TypeExprCstNode | undefined): A.TypeExpr | undefined {
    if (!node) return undefined;
    const c = node.children;
    const start = this.start(node), end = this.end(node);
    if (c.YesNo) return { kind: 'bool', start, end };
    if (c.NumberType) return { kind: 'number', start, end };
    if (c.PercentType) return { kind: 'percent', start, end };
    if (c.TextType) return { kind: 'text', start, end };
    if (c.DateType) return { kind: 'date', start, end };
    if (c.TenureType) return { kind: 'tenure', start, end };
    if (c.Years) return { kind: 'duration', unit: 'years', start, end };
    if (c.Months) return { kind: 'duration', unit: 'months', start, end };
    if (c.Days) return { kind: 'duration', unit: 'days', start, end };
    const name = this.name(first(c.name));
    if (c.SetType) return { kind: 'set', name, start, end };
    if (c.EventsType) return { kind: 'events', name, start, end };
    return { kind: 'enum', name, validity: !!first(c.Valid), start, end };
  }

  fieldDecl(node: C.FieldDeclCstNode): A.FieldDecl {
    const name = this.word(first(node.children.word));
    const type = this.typeExpr(first(node.children.typeExpr));
    return {
      kind: 'field', name, ...this.labels(first(node.children.labels)),
      aliases: this.aliases(first(node.children.aliases)), type, start: this.start(node), end: this.end(node),
    };
  }

  table(node: C.TableDeclCstNode): A.TableDecl {
    const c = node.children;
    const name = this.word(first(c.word));
    const label = this.text(first(c.label));
    const clause = this.clause(first(c.Clause));
    const keyField = this.name(first(c.keyField));
    const source = this.text(first(c.source));
    const columns = (c.column ?? []).map((n) => this.name(n)).filter((x): x is A.Name => !!x);
    const rows = (c.tableRow ?? []).map((r): A.TableRow => {
      const key = this.name(first(r.children.name));
      const values = (r.children.NumberLiteral ?? []).map((t) => this.number(t)).filter((x): x is A.NumberLit => !!x);
      return { key, values, start: this.start(r), end: this.end(r) };
    });
    return {
      kind: 'table', name, label, clause,
      keyField, source, columns, rows, start: this.start(node), end: this.end(node),
    };
  }

  stage(node: C.StageDeclCstNode): A.StageDecl {
    const name = this.word(first(node.children.word));
    const label = this.text(first(node.children.label));
    const aliases = this.aliases(first(node.children.aliases));
    return { kind: 'stage', name, label, aliases, start: this.start(node), end: this.end(node) };
  }

  award(node: C.AwardDeclCstNode): A.AwardDecl {
    const name = this.word(first(node.children.word));
    const target = this.name(first(node.children.target));
    return {
      kind: 'award', name, ...this.labels(first(node.children.labels)),
      target, body: this.statements(node.children.statement), start: this.start(node), end: this.end(node),
    };
  }

  // ── statements and rules ──────────────────────────────────────────────────────────────────
  statements(nodes: C.StatementCstNode[] | undefined): A.Statement[] {
    return mapDefined(nodes, (s) => this.statement(s));
  }

  statement(node: C.StatementCstNode): A.Statement | undefined {
    const w = first(node.children.whenBlock);
    if (w) {
      const pred = this.pred(first(w.children.pred));
      return { kind: 'when', pred, body: this.statements(w.children.statement), start: this.start(w), end: this.end(w) };
    }
    const r = first(node.children.rule);
    return r ? this.rule(r) : undefined;
  }

  rule(node: C.RuleCstNode): A.Rule {
    const c = node.children;
    const soft = first(c.Soft);
    const tags = mapDefined(c.Tag, (t) => (isRealToken(t) ? { text: t.image.slice(1), start: t.startOffset, end: tokenEnd(t) } : undefined));
    const clauses = mapDefined(c.Clause, (t) => this.clause(t));
    const body = this.ruleBody(c);
    // A rule may cite several clauses (`@一 @二`); they are kept together, in order.
    const clause: A.Clause | undefined = clauses.length > 1
      ? { text: clauses.map((x) => x.text).join('、'), start: clauses[0]!.start, end: clauses[clauses.length - 1]!.end }
      : clauses[0];
    return {
      kind: 'rule', soft: isRealToken(soft) ? tokenSpan(soft) : undefined, body,
      tags, clause, start: this.start(node), end: this.end(node),
    };
  }

  ruleBody(c: C.RuleCstChildren): A.RuleBody | undefined {
    if (c.scopeRule) {
      const n = c.scopeRule[0]!;
      const pred = this.pred(first(n.children.pred));
      return { kind: 'scope', pred, start: this.start(n), end: this.end(n) };
    }
    if (c.excludeRule || c.requireRule) {
      const n = (c.excludeRule ?? c.requireRule)![0]!;
      const pred = this.pred(first(n.children.pred));
      const unless = this.pred(first(n.children.unless));
      return { kind: c.excludeRule ? 'exclude' : 'require', pred, unless, start: this.start(n), end: this.end(n) };
    }
    if (c.attestRule) {
      const n = c.attestRule[0]!;
      const group = this.attestGroup(first(n.children.attestGroup));
      return { kind: 'attest', group, start: this.start(n), end: this.end(n) };
    }
    if (c.capRule) return this.cap(c.capRule[0]!);
    if (c.quotaRule) {
      const n = c.quotaRule[0]!;
      const per = this.name(first(n.children.per));
      const op = this.op(first(n.children.op));
      const amount = this.amount(first(n.children.amount));
      return { kind: 'quota', per, op, amount, start: this.start(n), end: this.end(n) };
    }
    if (c.recommendRule) {
      const n = c.recommendRule[0]!;
      const per = this.name(first(n.children.per));
      const op = this.op(first(n.children.op));
      const amount = this.amount(first(n.children.amount));
      const where = this.pred(first(n.children.pred));
      return {
        kind: 'recommend', per, op, amount,
        where, start: this.start(n), end: this.end(n),
      };
    }
    if (c.exemptRule) {
      const n = c.exemptRule[0]!;
      const pred = this.pred(first(n.children.pred));
      return { kind: 'exempt', pred, start: this.start(n), end: this.end(n) };
    }
    if (c.routeRule) {
      const n = c.routeRule[0]!;
      const field = this.name(first(n.children.field));
      const cases = (n.children.routeCase ?? []).map((rc): A.RouteCase => {
        const when = this.pred(first(rc.children.pred));
        const target = this.name(first(rc.children.target));
        return { when, target, start: this.start(rc), end: this.end(rc) };
      });
      return { kind: 'route', field, cases, start: this.start(n), end: this.end(n) };
    }
    if (c.publicityRule) return this.publicity(c.publicityRule[0]!);
    if (c.consultRule) {
      const n = c.consultRule[0]!;
      const departments = this.valueSet(first(n.children.valueSet));
      return { kind: 'consult', departments, start: this.start(n), end: this.end(n) };
    }
    if (c.deadlineRule) {
      const n = c.deadlineRule[0]!;
      const stage = this.word(first(n.children.word));
      const label = this.text(first(n.children.StringLiteral));
      const date = this.date(first(n.children.DateLiteral));
      return { kind: 'deadline', stage, label, date, start: this.start(n), end: this.end(n) };
    }
    if (c.materialRule) {
      const n = c.materialRule[0]!;
      const items = mapDefined(n.children.materialItem, (m) => this.materialItem(m));
      return { kind: 'material', items, block: !!first(n.children.LBrace), start: this.start(n), end: this.end(n) };
    }
    if (c.preferRule) {
      const n = c.preferRule[0]!;
      const pred = this.pred(first(n.children.pred));
      const text = this.text(first(n.children.StringLiteral));
      return { kind: 'prefer', pred, text, start: this.start(n), end: this.end(n) };
    }
    return undefined;
  }

  attestGroup(node: C.AttestGroupCstNode | undefined): A.AttestGroup | undefined {
    if (!node) return undefined;
    const c = node.children;
    const mode = first(c.All) ? 'all' : first(c.Any) ? 'any' : undefined;
    // Keep source order between nested groups and items.
    const entries = [
      ...(c.attestGroup ?? []).map((g) => this.attestGroup(g)),
      ...(c.attestItem ?? []).map((i): A.AttestItem => {
        const name = this.word(first(i.children.word));
        const text = this.text(first(i.children.StringLiteral));
        return { kind: 'item', name, text, start: this.start(i), end: this.end(i) };
      }),
    ].filter((x): x is A.AttestItem | A.AttestGroup => !!x).sort((a, b) => a.start - b.start);
    return { kind: 'group', mode, entries, start: this.start(node), end: this.end(node) };
  }

  cap(n: C.CapRuleCstNode): A.RuleBody {
    const c = n.children;
    const pred = this.pred(first(c.pred));
    const op = this.op(first(c.op));
    const percent = this.number(first(c.NumberLiteral));
    const t = first(c.total);
    const total: A.Total | undefined = t && {
      which: first(t.children.Recommended) ? 'recommended' : first(t.children.Selected) ? 'selected' : undefined,
      award: this.name(first(t.children.award)), start: this.start(t), end: this.end(t),
    };
    const per = this.name(first(c.per));
    return {
      kind: 'cap', pred, controlled: !!first(c.Controlled), op,
      percent, total, per, start: this.start(n), end: this.end(n),
    };
  }

  amount(node: C.AmountCstNode | undefined): A.Amount | undefined {
    if (!node) return undefined;
    const start = this.start(node), end = this.end(node);
    const num = this.number(first(node.children.NumberLiteral));
    if (num) return first(node.children.Percent) ? { kind: 'share-of-quota', percent: num, start, end } : { kind: 'number', value: num, start, end };
    const table = this.name(first(node.children.table));
    return table ? { kind: 'table', table, start, end } : undefined;
  }

  publicity(n: C.PublicityRuleCstNode): A.RuleBody {
    const c = n.children;
    const op = this.op(first(c.op));
    const duration = this.checkedQuantity(first(c.quantity));
    const level = this.name(first(c.level));
    const after = this.name(first(c.after));
    const before = this.name(first(c.before));
    return {
      kind: 'publicity', op, duration, each: !!first(c.Each),
      level, after, before, start: this.start(n), end: this.end(n),
    };
  }

  materialItem(node: C.MaterialItemCstNode): A.MaterialItem | undefined {
    const c = node.children;
    const name = this.word(first(c.word));
    if (!name) return undefined;
    const label = this.text(first(c.StringLiteral));
    const aliases = this.aliases(first(c.aliases));
    const clause = this.clause(first(c.Clause));
    const reqs = mapDefined(c.materialReq, (r) => this.materialReq(r));
    return { name, label, aliases, clause, reqs, start: this.start(node), end: this.end(node) };
  }

  materialReq(node: C.MaterialReqCstNode): A.MaterialReq | undefined {
    const c = node.children;
    const start = this.start(node), end = this.end(node);
    const op = this.op(first(c.op));
    const num = this.number(first(c.NumberLiteral));
    if (c.Chars) return { kind: 'chars', op, about: !!first(c.About), value: num, start, end };
    if (c.Copies) return { kind: 'copies', op, value: num, start, end };
    if (c.Format) {
      const formats = this.valueSet(first(c.valueSet));
      return { kind: 'format', formats, start, end };
    }
    if (c.Size) {
      const min = this.number(first(c.min));
      const q = this.checkedQuantity(first(c.max));
      const unit = q?.unit === 'KB' || q?.unit === 'MB' ? q.unit : undefined;
      return { kind: 'size', min, max: q?.amount, unit, start, end };
    }
    if (c.Named) {
      const pattern = this.text(first(c.StringLiteral));
      return { kind: 'named', pattern, start, end };
    }
    if (c.Electronic) return { kind: 'electronic', start, end };
    if (c.Optional) return { kind: 'optional', start, end };
    return undefined;
  }
}

function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

function tokenSpan(t: IToken): A.Span {
  return { start: t.startOffset, end: tokenEnd(t) };
}

function hasLocation(loc: CstNodeLocation): boolean {
  return Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset);
}

/** The span of a node recovery left without a location: its first real token's, else an empty one. */
function emptyNodeSpan(node: CstNode | undefined): A.Span {
  const t = node ? firstToken(node) : undefined;
  return t ? tokenSpan(t) : { start: 0, end: 0 };
}

function firstToken(node: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const items of Object.values(node.children as Children)) {
    for (const item of items ?? []) {
      const t = 'image' in item ? (isRealToken(item) ? item : undefined) : firstToken(item);
      if (t && (!best || t.startOffset < best.startOffset)) best = t;
    }
  }
  return best;
}
