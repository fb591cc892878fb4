/**
 * Hover: on a name, what it is (describe.ts); on a keyword, its meaning; anywhere in a rule, the rule in
 * plain language with its tag and clause, as `awardc explain` says it.
 */
import type { Locale } from '@awardrules/language';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { rangeOf } from '../convert.js';
import type { Snapshot } from '../documents.js';
import { referenceAt } from '../symbols.js';
import { ruleAt, tokenAt } from '../tokens.js';
import { describeSymbol, keywordText, ruleText } from './describe.js';

export function hover(snap: Snapshot, position: Position, locale: Locale): Hover | null {
  const { doc } = snap;
  const offset = doc.lines.offset(position);
  const markdown = (parts: string[], span: { start: number; end: number }): Hover =>
    ({ contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range: rangeOf(doc.lines, span) });

  const ref = referenceAt(doc.model, offset);
  if (ref) {
    const lines = describeSymbol(doc.model, ref.symbol, locale);
    if (lines.length) return markdown(lines, ref.span);
  }
  const token = tokenAt(doc.tokens, offset);
  const rule = ruleAt(doc.model, offset);
  const parts: string[] = [];
  const keyword = token && keywordText(token.tokenType.name, locale);
  if (keyword) parts.push(keyword);
  if (rule) parts.push(ruleText(doc.model, rule, locale));
  if (!parts.length) return null;
  return markdown(parts, token ? { start: token.startOffset, end: token.startOffset + token.image.length } : rule!.span);
}
