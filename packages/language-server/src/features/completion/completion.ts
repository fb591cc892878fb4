/**
 * Completion. It never waits for a check: the text from the start of the enclosing top-level item up
 * to the cursor is lexed afresh (the last checked syntax tree says where items start, for the part of
 * the text no edit has touched since), the parser says what may come next (expected.ts), and names
 * come from the last checked model, which may be a few keystrokes old.
 *
 * Items are filtered here by what is typed (letters in order, or pinyin for Chinese names), and the
 * list is marked incomplete so that the editor asks again as the user types on: pinyin is matched
 * here, not by the editor's own filter, which only gets the matching pinyin as `filterText`.
 */
import {
  KEYWORD_BY_NAME, lex, spell, TAG_KIND_OF_RULE, tokens as T, type AwardDocument, type Locale, type Model, type RuleKind,
} from '@awardrules/language';
import { ymdFromDay } from '@awardrules/runtime';
import { CompletionItemKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import { say } from '../../messages.js';
import { expectedAt, valueOwner, type Expectation, type Path, type Tok } from './expected.js';
import {
  awardNames, enumNamed, enumOfField, fieldNamed, fieldNames, listNames, recordNames, stageNames, tableNames, valueNames, type NameCandidate,
} from './names.js';
import { hasChinese, pinyinMatch } from './pinyin.js';

export interface CompletionInput {
  /** The current text and the cursor in it. */
  readonly text: string;
  readonly offset: number;
  /** The last checked document, possibly of an older text. */
  readonly built: AwardDocument;
  /** How much of `text` is unchanged since `built` was checked. */
  readonly unchangedPrefix: number;
  readonly rangeOf: (start: number, end: number) => Range;
  readonly catalog?: ReadonlySet<string>;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const NAME_TOKENS = new Set(['NameTok', 'WordTok', 'Identifier', 'StringLiteral', 'DigitName']);
const COMPARISONS = ['>=', '<=', '=', '!=', '>', '<'];

/** Where lexing starts: the start of the last top-level item before `limit`, a place the lexer is sure to pass. */
function windowStart(built: AwardDocument, limit: number): number {
  const items = built.ast.items;
  let lo = 0;
  let hi = items.length - 1;
  let start = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = items[mid]!.start;
    if (s < limit) { start = s; lo = mid + 1; } else hi = mid - 1;
  }
  return start;
}

interface Candidate {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly insert?: string;
  /** Sorting group: lower comes first. */
  readonly group: number;
}

export function complete(input: CompletionInput, locale: Locale): CompletionList {
  const base = windowStart(input.built, Math.min(input.offset, input.unchangedPrefix));
  const window = input.text.slice(base, input.offset);
  const lexed = lex(window);
  const end = window.length;
  // Inside a comment or a text being typed there is nothing to complete.
  if (lexed.comments.some((c) => c.startOffset + c.image.length === end && !/\*\/$/.test(c.image))) return EMPTY;

  let toks = lexed.tokens;
  let prefix = '';
  let prefixStart = end;
  const last = toks[toks.length - 1];
  if (last && last.startOffset + last.image.length === end) {
    const type = last.tokenType.name;
    if (type === 'UnclosedString') return EMPTY;
    if (type === 'Identifier' || type === 'Tag' || KEYWORD_BY_NAME.has(type)) {
      prefix = last.image;
      prefixStart = last.startOffset;
      toks = toks.slice(0, -1);
    } else if (type === 'DigitName') {
      // `5wo`: the number, then the unit being typed.
      const digits = /^\d+/.exec(last.image)![0];
      toks = [...toks.slice(0, -1), { ...last, image: digits, tokenType: T.NumberLiteral, tokenTypeIdx: T.NumberLiteral.tokenTypeIdx! }];
      prefix = last.image.slice(digits.length);
      prefixStart = last.startOffset + digits.length;
    }
  } else if (window.endsWith('#')) {
    prefix = '#';
    prefixStart = end - 1;
  }

  const exp = expectedAt(toks, window, prefixStart);
  const model = input.built.model;
  const candidates = collect(exp, toks, model, input, locale);
  const range = input.rangeOf(base + prefixStart, input.offset);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.kind}\u0000${c.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let filterText = c.label;
    if (prefix) {
      const direct = fuzzyPrefix(prefix, c.label);
      const byPinyin = direct ? undefined : pinyinMatch(prefix, c.label);
      if (!direct && !byPinyin) continue;
      if (byPinyin) filterText = byPinyin;
    }
    items.push({
      label: c.label, kind: c.kind, ...(c.detail ? { detail: c.detail } : {}),
      sortText: `${c.group}${String(items.length).padStart(5, '0')}`, filterText,
      textEdit: { range, newText: c.insert ?? c.label },
    });
  }
  // Incomplete: the editor asks again as the user types, so pinyin is matched here each time.
  return { isIncomplete: true, items };
}

/** Letters typed in order, the first at the start (`cl` → county-level, `副厅` → 副厅级). */
function fuzzyPrefix(typed: string, label: string): boolean {
  const t = typed.toLowerCase();
  const l = label.toLowerCase();
  if (!l.startsWith(t[0]!)) return false;
  let j = 0;
  for (const ch of l) if (ch === t[j]) j++;
  return j >= t.length;
}

function collect(exp: Expectation, toks: readonly Tok[], model: Model, input: CompletionInput, locale: Locale): Candidate[] {
  const out: Candidate[] = [];
  const doneNames = new Set<string>();
  let donePeriod = false;
  for (const p of exp.paths) {
    const type = p.nextTokenType.name;
    const rule = p.ruleStack[p.ruleStack.length - 1] ?? '';
    if (p.ruleStack.includes('window')) {
      // The end of a period (`since …`, `during …`) is a date or a year: not a name, nor yes/no.
      if ((type === 'DateLiteral' || type === 'NumberLiteral') && !donePeriod) out.push(...periodEnds(toks, model, locale));
      donePeriod ||= type === 'DateLiteral' || type === 'NumberLiteral';
      if (NAME_TOKENS.has(type) || type === 'Yes' || type === 'No') continue;
    }
    if (NAME_TOKENS.has(type)) {
      const context = `${rule}#${p.nextTokenOccurrence}`;
      if (doneNames.has(context)) continue;
      doneNames.add(context);
      for (const n of namesFor(p, exp, toks, model, locale)) out.push(nameCandidate(n));
    } else if (type === 'Tag') {
      out.push(...tags(exp, model, input, locale));
    } else if (type === 'CmpTok') {
      out.push(...operators(rule).map((op) => ({ label: op, kind: CompletionItemKind.Operator, detail: say(locale, 'operator'), group: 4 })));
    } else if (type === 'UnitTok' || type === 'Percent') {
      out.push(...units(p, toks, model, locale));
    } else if (KEYWORD_BY_NAME.has(type)) {
      if (type === 'Award' && rule === 'unary') continue; // the field `award`, offered with the fields
      out.push(...keyword(type, starts(p) ? (exp.lineHasTokens ? 5 : 2) : 3, locale));
    }
  }
  return out.sort((a, b) => a.group - b.group);
}

/** Whether the keyword starts a new statement or declaration (`cap` in `capRule`), rather than going on with one. */
function starts(p: Path): boolean {
  const rule = p.ruleStack[p.ruleStack.length - 1] ?? '';
  const type = p.nextTokenType.name;
  if (rule === 'rule') return type === 'Soft';
  const stem = rule.replace(/(Rule|Decl|Block)$/, '');
  return stem !== rule && stem.charAt(0).toUpperCase() + stem.slice(1) === type;
}

function nameCandidate(n: NameCandidate): Candidate {
  return { label: n.label, kind: n.kind, detail: n.detail, insert: spell(n.label), group: 1 };
}

function keyword(type: string, group: number, locale: Locale): Candidate[] {
  const def = KEYWORD_BY_NAME.get(type)!;
  // The canonical spelling, and the Chinese ones a user may prefer (原则上, 年, 工作日).
  const spellings = [def.spellings[0]!, ...def.spellings.slice(1).filter(hasChinese)];
  const kind = def.category === 'unit' ? CompletionItemKind.Unit : CompletionItemKind.Keyword;
  return spellings.map((label) => ({ label, kind, detail: def[locale], group }));
}

function operators(rule: string): string[] {
  if (rule === 'publicityRule') return ['>=', '>', '='];
  if (['capRule', 'quotaRule', 'recommendRule', 'materialReq'].includes(rule)) return COMPARISONS.filter((c) => c !== '!=');
  return COMPARISONS;
}

/** The units that make sense here: working days for publicity, KB for file sizes, years for tenure. */
function units(p: Path, toks: readonly Tok[], model: Model, locale: Locale): Candidate[] {
  const stack = p.ruleStack;
  if (stack.includes('window') && periodKeyword(toks) !== 'Within') {
    // A period's end is a date or a year: a number there is a year, written 2018 or 2018年.
    return p.nextTokenType.name === 'Percent' ? [] : keyword('Years', 0, locale).filter((c) => c.label === '年');
  }
  let names: string[];
  if (p.nextTokenType.name === 'Percent') names = ['Percent'];
  else if (stack.includes('publicityRule')) names = ['Workdays', 'Days'];
  else if (stack.includes('materialReq')) names = ['Kilobytes', 'Megabytes'];
  else if (stack[stack.length - 1] === 'quantity') names = ['Years', 'Months', 'Days'];
  else {
    const owner = valueOwner(toks);
    const t = owner?.kind === 'field' ? fieldNamed(model, owner.token.image)?.type : undefined;
    names = t?.kind === 'tenure' ? ['Years', 'Months']
      : t?.kind === 'duration' ? [t.unit === 'years' ? 'Years' : t.unit === 'months' ? 'Months' : 'Days']
        : t?.kind === 'percent' ? ['Percent'] : ['Years', 'Months', 'Days', 'Percent'];
  }
  return names.flatMap((n) => (n === 'Percent'
    ? [{ label: '%', kind: CompletionItemKind.Unit, detail: locale === 'zh' ? '百分比' : 'per cent', group: 0 }]
    : keyword(n, 0, locale)));
}

/** The names the grammar wants at this path: which kind depends on the rule and which of its names it is. */
function namesFor(p: Path, exp: Expectation, toks: readonly Tok[], model: Model, locale: Locale): NameCandidate[] {
  const rule = p.ruleStack[p.ruleStack.length - 1];
  const occurrence = p.nextTokenOccurrence;
  const block = (kind: string) => [...exp.blocks].reverse().find((b) => b.kind === kind);
  const headerName = (kind: string, after = 1) => {
    const b = block(kind);
    return b && b.owner >= 0 ? toks[b.owner + after] : undefined;
  };
  const valuesOfField = (t: Tok | undefined) => {
    const e = t && enumOfField(fieldNamed(model, t.image));
    return e ? valueNames(model, e, locale) : [];
  };
  switch (rule) {
    case 'unary': return fieldNames(model, 'testable', locale);
    case 'value': return valuesHere(p, exp, toks, model, locale);
    case 'publicityRule': return occurrence === 0 ? valueNames(model, 'publicity-level', locale) : stageNames(model, locale);
    case 'total': return awardNames(model, locale);
    case 'capRule': case 'quotaRule': case 'recommendRule': return fieldNames(model, 'groups', locale);
    case 'amount': return tableNames(model, locale);
    case 'routeRule': return fieldNames(model, 'lists', locale);
    case 'routeCase': return valuesOfField(headerName('route'));
    case 'extendDecl': case 'typeExpr': return listNames(model, locale);
    case 'tableDecl': return occurrence === 0 ? fieldNames(model, 'lists', locale) : awardNames(model, locale);
    case 'tableRow': {
      const b = block('table');
      const by = b ? toks.findIndex((t, i) => i > b.owner && i < b.brace && t.tokenType.name === 'By') : -1;
      return valuesOfField(by >= 0 ? toks[by + 1] : undefined);
    }
    case 'awardDecl': return valueNames(model, 'nominee-kind', locale);
    case 'noticeProp': return occurrence === 3 ? stageNames(model, locale) : [];
    case 'deadlineRule': return stageNames(model, locale);
    default: return [];
  }
}

/** Values being written: of the field compared, of the departments consulted, of the list extended, … */
function valuesHere(p: Path, exp: Expectation, toks: readonly Tok[], model: Model, locale: Locale): NameCandidate[] {
  const stack = p.ruleStack;
  // Inside `{ … }` the grammar path starts at the braces: the keyword before them says whose values these are.
  const set = exp.blocks[exp.blocks.length - 1];
  const opener = set?.kind === 'set' ? toks[set.owner]?.tokenType.name : undefined;
  if (stack.includes('consultRule') || opener === 'Consult') return valueNames(model, 'department', locale);
  if (stack.includes('materialReq') || opener === 'Format') return valueNames(model, 'file-format', locale);
  if (stack.includes('termDecl') || opener === 'Equals') {
    const b = [...exp.blocks].reverse().find((x) => x.kind === 'extend' || x.kind === 'enum');
    const list = b && b.owner >= 0 ? toks[b.owner + 1] : undefined;
    const id = list && enumNamed(model, list.image);
    return id ? valueNames(model, id, locale) : [];
  }
  const owner = valueOwner(toks);
  if (owner?.kind === 'records') return recordNames(model, locale);
  const e = owner && enumOfField(fieldNamed(model, owner.token.image));
  return e ? valueNames(model, e, locale) : [];
}

/**
 * Years for the end of a period, counted back from the year of the notice (its issue date, else its
 * reference date): after `during`, the three and five years before it and the year before it (as
 * notices write 2018—2020年度); after `since`, the first day of those years; after `..`, the year
 * before the notice and its own year.
 */
function periodEnds(toks: readonly Tok[], model: Model, locale: Locale): Candidate[] {
  const n = model.notice;
  const day = n.issued ?? (n.reference?.kind === 'date' ? n.reference.day : undefined);
  if (day === undefined) return [];
  const year = ymdFromDay(day).year;
  const keyword = toks[toks.length - 1]?.tokenType.name;
  const item = (label: string, detail: string): Candidate => ({ label, kind: CompletionItemKind.Value, detail, group: 0 });
  if (keyword === 'During') {
    return [
      item(`${year - 3}..${year - 1}`, say(locale, 'yearsBefore', 3, year - 3, year - 1)),
      item(`${year - 5}..${year - 1}`, say(locale, 'yearsBefore', 5, year - 5, year - 1)),
      item(`${year - 1}`, say(locale, 'yearBefore', year - 1)),
    ];
  }
  if (keyword === 'Since') return [3, 5, 1].map((k) => item(`${year - k}`, say(locale, 'sinceYear', year - k)));
  if (keyword === 'DotDot') {
    // `within 2018..` is only read to be reported (AR2040): nothing to end it with.
    if (periodKeyword(toks) === 'Within') return [];
    return [year - 1, year].map((y) => item(`${y}`, say(locale, 'throughYear', y)));
  }
  return [];
}

/** The keyword of the window being written: `Within`, `Since` or `During`. */
function periodKeyword(toks: readonly Tok[]): string | undefined {
  return toks.findLast((t) => t.tokenType.name === 'Within' || t.tokenType.name === 'Since' || t.tokenType.name === 'During')?.tokenType.name;
}

const RULE_KINDS = new Set(Object.keys(TAG_KIND_OF_RULE));

/** The next free tag of the rule's kind (`#J23-CAP-4` after -1 … -3), and the catalog's unused ones. */
function tags(exp: Expectation, model: Model, input: CompletionInput, locale: Locale): Candidate[] {
  const prefix = model.notice.tagPrefix;
  const first = exp.statement.find((t) => t.tokenType.name !== 'Soft');
  const ruleKind = first?.tokenType.name.toLowerCase();
  if (!prefix || !ruleKind || !RULE_KINDS.has(ruleKind)) return [];
  const kind = TAG_KIND_OF_RULE[ruleKind as RuleKind];
  const stem = `${prefix}-${kind}-`;
  const used = new Set<string>();
  let max = 0;
  for (const m of input.text.matchAll(new RegExp(`#${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)(?![\\w.-])`, 'g'))) {
    used.add(`${stem}${m[1]}`);
    max = Math.max(max, Number(m[1]));
  }
  const out: Candidate[] = [{ label: `#${stem}${max + 1}`, kind: CompletionItemKind.Reference, detail: say(locale, 'nextTag'), group: 0 }];
  const unused = [...(input.catalog ?? [])].filter((id) => id.startsWith(stem) && !used.has(id) && id !== `${stem}${max + 1}`);
  unused.sort((a, b) => Number(a.slice(stem.length)) - Number(b.slice(stem.length)));
  for (const id of unused.slice(0, 20)) out.push({ label: `#${id}`, kind: CompletionItemKind.Reference, detail: say(locale, 'catalogTag'), group: 0 });
  return out;
}
