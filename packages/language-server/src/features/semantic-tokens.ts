/**
 * Semantic tokens: the lexer's tokens, with each name coloured by what it resolved to (field, value,
 * award, stage, table, …) from `model.references`. The legend is defined once, here, and sent in the
 * server's capabilities. Only standard token types are used, so every colour theme colours them;
 * the modifiers add what the types cannot say (declared here, standard vocabulary, a date, a unit).
 */
import { KEYWORD_BY_NAME, type AwardDocument } from '@awardrules/language';
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { declaredHere, parseKey, type SymbolKind } from '../symbols.js';

const TYPES = ['keyword', 'property', 'enumMember', 'enum', 'class', 'event', 'struct', 'variable', 'number', 'string', 'comment', 'operator', 'label', 'decorator'] as const;
const MODIFIERS = ['declaration', 'defaultLibrary', 'date', 'unit'] as const;

export type TokenTypeName = (typeof TYPES)[number];
export type TokenModifierName = (typeof MODIFIERS)[number];

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

/** What each kind of symbol is shown as. */
const SYMBOL_TYPES: Readonly<Record<SymbolKind, TokenTypeName>> = {
  field: 'property', value: 'enumMember', group: 'enumMember', enum: 'enum', award: 'class', stage: 'event',
  table: 'struct', material: 'variable', tag: 'label', tags: 'label',
};

const OPERATORS = new Set(['GreaterEq', 'LessEq', 'NotEq', 'Equals', 'Greater', 'Less', 'Arrow', 'DotDot', 'Percent']);

interface Classified {
  readonly type: TokenTypeName;
  readonly modifiers: readonly TokenModifierName[];
}

function modifierBits(modifiers: readonly TokenModifierName[]): number {
  return modifiers.reduce((bits, m) => bits | (1 << MODIFIERS.indexOf(m)), 0);
}

export function semanticTokens(doc: AwardDocument): SemanticTokens {
  const names = new Map<number, Classified>();
  for (const r of doc.model.references) {
    const key = parseKey(r.symbol);
    const modifiers: TokenModifierName[] = [];
    if (r.declaration) modifiers.push('declaration');
    if (key.kind !== 'tag' && key.kind !== 'tags' && !declaredHere(doc.model, key)) modifiers.push('defaultLibrary');
    names.set(r.span.start, { type: SYMBOL_TYPES[key.kind] ?? 'variable', modifiers });
  }
  const items: { start: number; length: number; c: Classified }[] = [];
  for (const t of doc.tokens) {
    const name = t.tokenType.name;
    const c: Classified | undefined = names.get(t.startOffset) ?? classify(name);
    if (c) items.push({ start: t.startOffset, length: t.image.length, c });
  }
  for (const t of doc.comments) items.push({ start: t.startOffset, length: t.image.length, c: { type: 'comment', modifiers: [] } });
  items.sort((a, b) => a.start - b.start);

  const builder = new SemanticTokensBuilder();
  for (const { start, length, c } of items) {
    const type = TYPES.indexOf(c.type);
    const bits = modifierBits(c.modifiers);
    // A token may not span lines: a block comment is sent line by line.
    let from = start;
    const end = start + length;
    while (from < end) {
      const p = doc.lines.position(from);
      const lineEnd = doc.lines.offset({ line: p.line, character: doc.lines.lineText(p.line).length });
      const to = Math.min(end, lineEnd);
      if (to > from) builder.push(p.line, p.character, to - from, type, bits);
      const next = doc.lines.offset({ line: p.line + 1, character: 0 });
      if (next <= from) break;
      from = next;
    }
  }
  return builder.build();
}

function classify(tokenName: string): Classified | undefined {
  const kw = KEYWORD_BY_NAME.get(tokenName);
  if (kw) return { type: 'keyword', modifiers: kw.category === 'unit' ? ['unit'] : [] };
  switch (tokenName) {
    case 'NumberLiteral': case 'DigitName': return { type: 'number', modifiers: [] };
    case 'DateLiteral': return { type: 'number', modifiers: ['date'] };
    case 'StringLiteral': case 'UnclosedString': return { type: 'string', modifiers: [] };
    case 'Tag': return { type: 'label', modifiers: [] };
    case 'Clause': return { type: 'decorator', modifiers: [] };
    default: return OPERATORS.has(tokenName) ? { type: 'operator', modifiers: [] } : undefined;
  }
}
