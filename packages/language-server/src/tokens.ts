/** Finding tokens by offset in a checked document's token list (sorted by start). */
import type { AwardDocument, RuleModel, Model } from '@awardrules/language';

export type Token = AwardDocument['tokens'][number];

/** The token that contains `offset` or ends at it. */
export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const t = tokens[found];
  return t && offset <= t.startOffset + t.image.length ? t : undefined;
}

/** The rule whose text contains `offset`, if any (rules do not nest; `when` blocks are not rules). */
export function ruleAt(model: Model, offset: number): RuleModel | undefined {
  let best: RuleModel | undefined;
  for (const r of model.rules) {
    if (r.span.start <= offset && offset <= r.span.end && (!best || r.span.end - r.span.start < best.span.end - best.span.start)) best = r;
  }
  return best;
}
