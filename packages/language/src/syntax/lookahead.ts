/**
 * The parser's lookahead, worked out from the grammar ahead of time. When a parser is built,
 * Chevrotain works out which tokens (up to 4 ahead) lead into each alternative and each optional
 * part of the grammar, which `awardc check` would pay for on every run. The answer depends on the
 * grammar only, so it is worked out once, by `npm run grammar-tables -w @awardrules/language`, into
 * lookahead.generated.ts. A test holds that file to the grammar; a decision missing from it is worked
 * out as Chevrotain would.
 *
 * The functions built from the paths decide as Chevrotain's own (lookahead.js of Chevrotain 11.2,
 * whose builders are not exported): the first alternative with a path that matches the next tokens,
 * by one table lookup where every path is one token long. Alternatives with gates (this grammar has
 * none) are left to Chevrotain.
 */
import {
  getLookaheadPaths, LLkLookaheadStrategy, tokenMatcher,
  type IOrAlt, type IToken, type LookaheadProductionType, type LookaheadSequence, type OptionalProductionType, type Rule, type TokenType,
} from 'chevrotain';

/** Paths by decision (see `decisionKey`), each path as token type names. */
export type LookaheadTable = Readonly<Record<string, readonly (readonly (readonly string[])[])[]>>;

/** A decision of the grammar: the rule, the kind of production, its occurrence in the rule, and how far it may look. */
export interface Decision {
  readonly rule: string;
  readonly prodType: LookaheadProductionType;
  readonly occurrence: number;
  readonly maxLookahead: number;
}

/** The parser a lookahead function is called on. */
interface Reader {
  LA_FAST(howMuch: number): IToken;
}

export function decisionKey(d: Decision): string {
  return `${d.rule} ${d.prodType} ${d.occurrence} ${d.maxLookahead}`;
}

/** The paths of each decision of a grammar, as token type names (for the generated file). */
export function lookaheadTable(rules: readonly Rule[], decisions: readonly Decision[]): Record<string, string[][][]> {
  const byName = new Map(rules.map((r) => [r.name, r]));
  const table: Record<string, string[][][]> = {};
  for (const d of decisions) {
    const paths = getLookaheadPaths({ occurrence: d.occurrence, rule: byName.get(d.rule)!, prodType: d.prodType, maxLookahead: d.maxLookahead });
    table[decisionKey(d)] = paths.map((alt) => alt.map((path) => path.map((t) => t.name)));
  }
  return table;
}

export class PrecomputedLookahead extends LLkLookaheadStrategy {
  /** Every decision asked for, in order (what the generated table must cover). */
  readonly decisions: Decision[] = [];
  /** How many decisions were not in the table and were worked out. */
  missing = 0;

  constructor(private readonly table: LookaheadTable, private readonly tokenTypes: ReadonlyMap<string, TokenType>, maxLookahead: number) {
    super({ maxLookahead });
  }

  override buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = this.paths({ rule: options.rule.name, prodType: 'Alternation', occurrence: options.prodOccurrence, maxLookahead: options.maxLookahead }, options.rule);
    if (options.hasPredicates || options.dynamicTokensEnabled) return super.buildLookaheadForAlternation(options);
    return alternativesLookahead(alts);
  }

  override buildLookaheadForOptional(options: { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean }): () => boolean {
    const alts = this.paths({ rule: options.rule.name, prodType: options.prodType, occurrence: options.prodOccurrence, maxLookahead: options.maxLookahead }, options.rule);
    if (options.dynamicTokensEnabled) return super.buildLookaheadForOptional(options);
    return optionalLookahead(alts[0] ?? []);
  }

  private paths(d: Decision, rule: Rule): LookaheadSequence[] {
    this.decisions.push(d);
    const stored = this.table[decisionKey(d)];
    const types = stored?.map((alt) => alt.map((path) => path.map((name) => this.tokenTypes.get(name))));
    if (types && types.every((alt) => alt.every((path) => path.every((t) => t !== undefined)))) return types as LookaheadSequence[];
    this.missing++;
    return getLookaheadPaths({ occurrence: d.occurrence, rule, prodType: d.prodType, maxLookahead: d.maxLookahead });
  }
}

/** The token type indexes of the tokens that match type `t`: its own, and those of the types in its category. */
function matchingIndexes(t: TokenType): number[] {
  return [t.tokenTypeIdx!, ...((t as { categoryMatches?: number[] }).categoryMatches ?? [])];
}

/** Whether the next tokens match one of `paths`. */
function matchesOne(reader: Reader, paths: LookaheadSequence): boolean {
  next: for (let j = 0; j < paths.length; j++) {
    const path = paths[j]!;
    for (let i = 0; i < path.length; i++) if (!tokenMatcher(reader.LA_FAST(i + 1), path[i]!)) continue next;
    return true;
  }
  return false;
}

function alternativesLookahead(alts: readonly LookaheadSequence[]): (this: Reader) => number | undefined {
  if (alts.every((alt) => alt.every((path) => path.length === 1))) {
    // The first alternative that a token's type (or a category it is in) leads into.
    const choice: number[] = [];
    alts.forEach((alt, t) => {
      for (const path of alt) for (const i of matchingIndexes(path[0]!)) if (choice[i] === undefined) choice[i] = t;
    });
    return function (this: Reader) {
      return choice[this.LA_FAST(1).tokenTypeIdx];
    };
  }
  return function (this: Reader) {
    for (let t = 0; t < alts.length; t++) if (matchesOne(this, alts[t]!)) return t;
    return undefined;
  };
}

function optionalLookahead(paths: LookaheadSequence): (this: Reader) => boolean {
  if (paths.every((path) => path.length === 1)) {
    const enters: boolean[] = [];
    for (const path of paths) for (const i of matchingIndexes(path[0]!)) enters[i] = true;
    return function (this: Reader) {
      return enters[this.LA_FAST(1).tokenTypeIdx] === true;
    };
  }
  return function (this: Reader) {
    return matchesOne(this, paths);
  };
}
