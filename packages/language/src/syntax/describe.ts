/** How tokens and constructs are named in syntax errors, in both languages. */
import type { IToken } from 'chevrotain';
import type { MessageArg } from '../diagnostics/diagnostic.js';
import { KEYWORD_BY_NAME } from './keywords.js';
import { ALL_TOKENS } from './tokens.js';

/** Punctuation and operators are described by their token label (`'{'`, `'>='`). */
const LABELS: ReadonlyMap<string, string> = new Map(ALL_TOKENS.filter((t) => t.LABEL?.startsWith("'")).map((t) => [t.name, t.LABEL!]));

/**
 * Tokens named in words. Every token the parser can expect has a description here, as a keyword or as
 * punctuation with a quoted label; a test checks that no internal token name reaches a message.
 */
const TOKEN_WORDS: Record<string, { en: string; zh: string }> = {
  // Categories: one token type that stands for several.
  NameTok: { en: 'a name', zh: '名称' },
  WordTok: { en: 'a name', zh: '名称' },
  CmpTok: { en: 'a comparison such as >=', zh: '比较符号（如 >=）' },
  UnitTok: { en: 'a unit such as days, years or %', zh: '单位（如 days、年、%）' },
  Identifier: { en: 'a name', zh: '名称' },
  DigitName: { en: 'a name', zh: '名称' },
  StringLiteral: { en: 'quoted text', zh: '带引号的文字' },
  UnclosedString: { en: 'quoted text', zh: '带引号的文字' },
  NumberLiteral: { en: 'a number', zh: '数字' },
  DateLiteral: { en: 'a date', zh: '日期' },
  Tag: { en: 'a tag', zh: '条目编号' },
  Clause: { en: 'a clause reference', zh: '条款' },
  EOF: { en: 'the end of the file', zh: '文件末尾' },
};

const CONSTRUCTS: Record<string, { en: string; zh: string }> = {
  declaration: { en: 'a declaration or rule', zh: '声明或规则' },
  'notice property': { en: 'title, issuer, issued, tags or reference', zh: 'title、issuer、issued、tags 或 reference' },
  reference: { en: 'a stage name or a date', zh: '环节名称或日期' },
  name: { en: 'a name', zh: '名称' },
  type: { en: 'a type (yes/no, number, date, tenure, years, set of …)', zh: '类型（yes/no、number、date、tenure、years、set of … 等）' },
  'table source': { en: "'from \"file.csv\"' or a column list", zh: '“from \"文件.csv\"”或列名' },
  rule: { en: 'a rule (scope, exclude, require, attest, cap, quota, publicity, …)', zh: '规则（scope、exclude、require、attest、cap、quota、publicity 等）' },
  'share bound': { en: "a bound such as '<= 20% of selected', or 'controlled'", zh: '比例限制，如“<= 20% of selected”，或“controlled”' },
  total: { en: "'recommended' or 'selected'", zh: '“recommended”（推荐总数）或“selected”（评选总数）' },
  amount: { en: 'a number or a table', zh: '数字或名额表' },
  material: { en: 'a material', zh: '材料' },
  'material requirement': { en: 'a material requirement (chars, copies, format, size, named, electronic, optional)', zh: '材料要求（chars、copies、format、size、named、electronic、optional）' },
  condition: { en: 'a condition', zh: '条件' },
  comparison: { en: 'a comparison (=, !=, <, <=, >, >=)', zh: '比较符号（=、!=、<、<=、>、>=）' },
  unit: { en: 'a unit (days, workdays, years, months, KB, MB, %)', zh: '单位（日、工作日、年、月、KB、MB、% 等）' },
  quantity: { en: 'a number', zh: '数字' },
  value: { en: 'a value', zh: '取值' },
};

function describeTokenName(name: string): { en: string; zh: string } {
  if (name.startsWith('@')) return CONSTRUCTS[name.slice(1)] ?? { en: name.slice(1), zh: name.slice(1) };
  const word = TOKEN_WORDS[name];
  if (word) return word;
  const kw = KEYWORD_BY_NAME.get(name);
  if (kw) return { en: `'${kw.spellings[0]}'`, zh: `“${kw.spellings[0]}”` };
  const label = LABELS.get(name);
  if (label) return { en: label, zh: `“${label.slice(1, -1)}”` };
  return { en: 'something else', zh: '其他内容' }; // never an internal token name
}

/** Whether `name` (a token type name or `@construct`) has a description of its own. */
export function isDescribed(name: string): boolean {
  if (name.startsWith('@')) return name.slice(1) in CONSTRUCTS;
  return name in TOKEN_WORDS || KEYWORD_BY_NAME.has(name) || LABELS.has(name);
}

/** "a name or '{'" / "名称或“{”". */
export function describeExpected(names: readonly string[]): MessageArg {
  const described = [...new Map(names.map(describeTokenName).map((d) => [d.en, d])).values()];
  const parts = described.slice(0, 8);
  const more = described.length > 8;
  return {
    en: parts.map((p) => p.en).join(parts.length > 2 ? ', ' : ' or ') + (more ? ', …' : ''),
    zh: parts.map((p) => p.zh).join('、') + (more ? '等' : ''),
  };
}

/** What was found instead: the token as written, or "the end of the file". */
export function describeFound(token: IToken): MessageArg {
  if (token.tokenType.name === 'EOF') return TOKEN_WORDS['EOF']!;
  const image = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image;
  return { en: `'${image}'`, zh: `“${image}”` };
}
