/**
 * The grammar, as a Chevrotain CstParser with error recovery. It builds a concrete syntax tree only;
 * from-cst.ts turns that into the AST. One parser instance is shared (Chevrotain's performance advice).
 *
 * Parse errors carry a JSON payload instead of English text (see `errorMessages`), so that diagnostics
 * can be rendered later in the user's language.
 */
import { CstParser, EOF, type CstElement, type IOrAlt, type CstNode, type CstNodeLocation, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
import { NEW_CHILDREN } from './cst.generated.js';
import { LOOKAHEAD } from './lookahead.generated.js';
import { PrecomputedLookahead } from './lookahead.js';
import {
  ALL_TOKENS, Arrow, Clause, CmpTok, Colon, Comma, DateLiteral, DigitName, DotDot, Equals, Greater, GreaterEq, Identifier,
  KEYWORD_TOKENS as K, LBrace, LParen, Less, LessEq, NameTok, NotEq, NumberLiteral, Percent, RBrace, RParen, StringLiteral,
  Tag, UnitTok, WordTok, YesNoType,
} from './tokens.js';

/** What a parse error says, before it is rendered in a language. */
export interface SyntaxErrorPayload {
  readonly code: 'AR1002' | 'AR1003' | 'AR1004' | 'AR1005';
  /** Token type names that would have been accepted, or a description key for a whole construct. */
  readonly expected: readonly string[];
  readonly rule: string;
}

function names(types: readonly TokenType[]): string[] {
  return [...new Set(types.map((t) => t.name))];
}

function firstTokens(paths: TokenType[][][]): string[] {
  return [...new Set(paths.flat().map((p) => p[0]?.name).filter((n): n is string => !!n))];
}

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) =>
    JSON.stringify({ code: 'AR1002', expected: names([expected]), rule: ruleName } satisfies SyntaxErrorPayload),
  buildNotAllInputParsedMessage: ({ ruleName }) =>
    JSON.stringify({ code: 'AR1005', expected: [], rule: ruleName } satisfies SyntaxErrorPayload),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, customUserDescription, ruleName }) =>
    JSON.stringify({ code: 'AR1003', expected: customUserDescription ? [`@${customUserDescription}`] : firstTokens(expectedPathsPerAlt), rule: ruleName } satisfies SyntaxErrorPayload),
  buildEarlyExitMessage: ({ expectedIterationPaths, customUserDescription, ruleName }) =>
    JSON.stringify({ code: 'AR1004', expected: customUserDescription ? [`@${customUserDescription}`] : firstTokens([expectedIterationPaths]), rule: ruleName } satisfies SyntaxErrorPayload),
};

const CMP_OPS = [GreaterEq, LessEq, NotEq, Equals, Greater, Less];

/** Chevrotain's (11.2) stack of the syntax-tree nodes being built, which AwardParser's tree methods use. */
interface TreeBuilder {
  readonly CST_STACK: CstNode[];
}

/** Thrown to stop a parse with a sink at its first syntax error (see `parseFile`). */
const STOPPED_AT_ERROR = new Error('stopped at the first syntax error');

/**
 * The location of a node with no token in it: Chevrotain's {NaN, NaN}, shared (and so frozen). Made
 * read-only property by property rather than frozen from a literal: a `{ startOffset, endOffset }`
 * literal holding NaN would make V8 keep the offsets of every other location as floating-point
 * numbers, each a separate heap object, where otherwise they are small integers held in place.
 */
const NO_LOCATION: CstNodeLocation = Object.freeze(Object.defineProperties({}, {
  startOffset: { value: NaN, enumerable: true },
  endOffset: { value: NaN, enumerable: true },
}) as CstNodeLocation);

/**
 * Chevrotain's `setNodeLocationOnlyOffset` (for a parser with error recovery): a node's location
 * starts at its first element with a location and ends at the furthest end of its elements.
 */
function extendLocation(node: CstNode, startOffset: number, endOffset: number | undefined): void {
  const location = node.location!;
  if (isNaN(location.startOffset)) {
    if (location === NO_LOCATION) {
      // An element without a location (a token inserted by recovery) leaves it as it is.
      if (Number.isNaN(startOffset) && Number.isNaN(endOffset)) return;
      (node as { location: CstNodeLocation }).location = { startOffset, endOffset };
    } else {
      location.startOffset = startOffset;
      location.endOffset = endOffset;
    }
  } else if ((location.endOffset! < endOffset!) === true) {
    location.endOffset = endOffset;
  }
}

/** How many tokens ahead the parser may look to decide (reparse.ts relies on it). */
export const MAX_LOOKAHEAD = 4;

/** Token types by name, as the lookahead table names them. */
export const TOKEN_TYPES: ReadonlyMap<string, TokenType> = new Map([...ALL_TOKENS, EOF].map((t) => [t.name, t]));

export class AwardParser extends CstParser {
  // Alternatives of the choices made for most tokens, built once instead of on every call
  // (Chevrotain's performance guide); declared first so every parser object has the same shape.
  private topItemAlts: OrMethodOpts<unknown> | undefined = undefined;
  private statementAlts: IOrAlt<unknown>[] | undefined = undefined;
  private ruleAlts: OrMethodOpts<unknown> | undefined = undefined;
  private tagAlts: IOrAlt<unknown>[] | undefined = undefined;
  private attestModeAlts: IOrAlt<unknown>[] | undefined = undefined;
  private attestEntryAlts: IOrAlt<unknown>[] | undefined = undefined;
  private shareBoundAlts: OrMethodOpts<unknown> | undefined = undefined;
  private totalAlts: OrMethodOpts<unknown> | undefined = undefined;
  private amountAlts: OrMethodOpts<unknown> | undefined = undefined;
  private materialAlts: OrMethodOpts<unknown> | undefined = undefined;
  private materialReqAlts: OrMethodOpts<unknown> | undefined = undefined;
  private charsAlts: IOrAlt<unknown>[] | undefined = undefined;
  private unaryAlts: OrMethodOpts<unknown> | undefined = undefined;
  private fieldAlts: IOrAlt<unknown>[] | undefined = undefined;
  private fieldTestAlts: IOrAlt<unknown>[] | undefined = undefined;
  private hasModeAlts: IOrAlt<unknown>[] | undefined = undefined;
  private quantityAlts: OrMethodOpts<unknown> | undefined = undefined;
  private valueAlts: OrMethodOpts<unknown> | undefined = undefined;
  private valueSetAlts: OrMethodOpts<unknown> | undefined = undefined;
  private windowAlts: IOrAlt<unknown>[] | undefined = undefined;

  /**
   * `lookahead`: how the parser decides between alternatives; by default from the table worked out
   * ahead of time (lookahead.ts).
   */
  constructor(options: { validate: boolean; config?: object; lookahead?: PrecomputedLookahead }) {
    super(ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      lookaheadStrategy: options.lookahead ?? new PrecomputedLookahead(LOOKAHEAD, TOKEN_TYPES, MAX_LOOKAHEAD),
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !options.validate,
      errorMessageProvider: errorMessages,
      ...options.config,
    });
    const settings = this as unknown as { recoveryEnabled: boolean; nodeLocationTracking: string };
    if (!settings.recoveryEnabled || settings.nodeLocationTracking !== 'onlyOffset') {
      // The tree methods below are for the settings above; a parser made with others builds its tree Chevrotain's way.
      const chevrotain = CstParser.prototype as unknown as Record<string, unknown>;
      for (const m of ['cstInvocationStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal']) (this as unknown as Record<string, unknown>)[m] = chevrotain[m];
    }
    this.performSelfAnalysis();
  }

  // ── The syntax tree ──────────────────────────────────────────────────────────────────────
  // Chevrotain 11.2 builds the tree in methods of its TreeBuilder; with error recovery and
  // `nodeLocationTracking: 'onlyOffset'` (as here) three of them come down to what the three below
  // do, in less memory, which on a large file is most of the time the garbage collector takes:
  // - `children` is an ordinary object. Chevrotain makes it with `Object.create(null)`, which V8 keeps
  //   as a hash table from the start. No child key is the name of an `Object.prototype` member (keys
  //   are this grammar's rule, token and label names), and readers only use own properties.
  //   It has every key its rule's node can have from the start, each undefined until its first child
  //   (NEW_CHILDREN, generated from the grammar): all nodes of a rule have one shape, so adding a
  //   child and reading one (from-cst.ts) are quick, where keys added one by one in the order of the
  //   text gave nodes of a rule many shapes.
  // - A node starts with the one shared location of a node without tokens ({NaN, NaN}, frozen), and
  //   gets its own location, in whole numbers, with its first token. Chevrotain gave every node its
  //   own {NaN, NaN} from the start, so every offset was stored as a separate floating-point number.
  // - While a parse hands its top-level items to a sink (see `parseFile`), a finished item goes to
  //   the sink, and the file node only grows its extent to cover it, as it would with the item.

  protected cstInvocationStateUpdate(fullRuleName: string): void {
    const children = (NEW_CHILDREN[fullRuleName]?.() ?? {}) as unknown as CstNode['children'];
    (this as unknown as TreeBuilder).CST_STACK.push({ name: fullRuleName, children, location: NO_LOCATION });
  }

  protected cstPostTerminal(key: string, token: IToken): void {
    const stack = (this as unknown as TreeBuilder).CST_STACK;
    const node = stack[stack.length - 1]!;
    const items = node.children[key];
    if (items === undefined) (node.children as Record<string, CstElement[]>)[key] = [token];
    else items.push(token);
    extendLocation(node, token.startOffset, token.endOffset);
  }

  protected cstPostNonTerminal(ruleCstResult: CstNode, ruleName: string): void {
    const stack = (this as unknown as TreeBuilder).CST_STACK;
    const node = stack[stack.length - 1]!;
    const location = ruleCstResult.location!;
    if (this.topItemSink !== undefined && stack.length === 1 && ruleName === 'topItem') {
      // A sink is for files without syntax errors (see parseWithoutCst): after one, stop.
      if ((this as unknown as { _errors?: unknown[] })._errors?.length) throw STOPPED_AT_ERROR;
      extendLocation(node, location.startOffset, location.endOffset);
      this.topItemSink(ruleCstResult);
      return;
    }
    const items = node.children[ruleName];
    if (items === undefined) (node.children as Record<string, CstElement[]>)[ruleName] = [ruleCstResult];
    else items.push(ruleCstResult);
    extendLocation(node, location.startOffset, location.endOffset);
  }

  /** While set (see `parseFile`), where each finished top-level item goes instead of into the file node. */
  private topItemSink: ((item: CstNode) => void) | undefined = undefined;

  /**
   * Parses `tokens` as a file; with `sink`, each top-level item goes there, in order, instead of into
   * the tree (a parser made with other tree settings hands them over at the end, and keeps them).
   * A parse with a sink may stop at the end of the first item with a syntax error: it is for files
   * without any, and its caller parses again without a sink when `errors` is not empty.
   */
  parseFile(tokens: IToken[], sink?: (item: CstNode) => void): CstNode {
    this.input = tokens;
    if (sink && this.cstPostNonTerminal !== AwardParser.prototype.cstPostNonTerminal) {
      const file = this.file();
      for (const item of (file.children['topItem'] ?? []) as CstNode[]) sink(item);
      return file;
    }
    this.topItemSink = sink;
    try {
      return this.file();
    } catch (e) {
      if (e !== STOPPED_AT_ERROR) throw e;
      return { name: 'file', children: {}, location: NO_LOCATION };
    } finally {
      this.topItemSink = undefined;
    }
  }

  /** `cmp 20 % of` after a field name belongs to the enclosing `cap`, not to a comparison. */
  private startsShareBound(): boolean {
    return CMP_OPS.includes(this.LA(1).tokenType) && this.LA(2).tokenType === NumberLiteral &&
      this.LA(3).tokenType === Percent && this.LA(4).tokenType === K['Of'];
  }

  // ── File and declarations ────────────────────────────────────────────────────────────────
  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.topItem));
  });

  private topItem = this.RULE('topItem', () => {
    this.OR(this.topItemAlts ??= { DEF: [
      { ALT: () => this.SUBRULE(this.noticeDecl) },
      { ALT: () => this.SUBRULE(this.extendDecl) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.fieldDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.stageDecl) },
      { ALT: () => this.SUBRULE(this.awardDecl) },
      { ALT: () => this.SUBRULE(this.statement) },
    ], ERR_MSG: 'declaration' });
  });

  private noticeDecl = this.RULE('noticeDecl', () => {
    this.CONSUME(K['Notice']!);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'code' }));
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.noticeProp));
    this.CONSUME(RBrace);
  });

  private noticeProp = this.RULE('noticeProp', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(K['Title']!); this.CONSUME(StringLiteral, { LABEL: 'title' }); } },
      { ALT: () => {
        this.CONSUME(K['Issuer']!);
        this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME2(StringLiteral, { LABEL: 'issuer' }) });
      } },
      { ALT: () => { this.CONSUME(K['Issued']!); this.CONSUME(DateLiteral, { LABEL: 'issued' }); } },
      { ALT: () => { this.CONSUME(K['Tags']!); this.CONSUME(WordTok, { LABEL: 'tags' }); } },
      { ALT: () => {
        this.CONSUME(K['Reference']!);
        this.OR2({ DEF: [
          { ALT: () => this.CONSUME2(DateLiteral, { LABEL: 'referenceDate' }) },
          { ALT: () => this.CONSUME3(WordTok, { LABEL: 'referenceStage' }) },
        ], ERR_MSG: 'reference' });
      } },
    ], ERR_MSG: 'notice property' });
  });

  /** `"中文名" "English label"` after a declared word. */
  private labels = this.RULE('labels', () => {
    this.CONSUME(StringLiteral, { LABEL: 'zh' });
    this.OPTION(() => this.CONSUME2(StringLiteral, { LABEL: 'en' }));
  });

  private aliases = this.RULE('aliases', () => {
    this.CONSUME(K['Aka']!);
    this.CONSUME(StringLiteral, { LABEL: 'alias' });
    // A comma goes on with the aliases only before another text: in `a "甲" aka "x", b "乙"` it ends the value.
    this.MANY({
      GATE: () => this.LA(2).tokenType === StringLiteral,
      DEF: () => { this.CONSUME(Comma); this.CONSUME2(StringLiteral, { LABEL: 'alias' }); },
    });
  });

  private extendDecl = this.RULE('extendDecl', () => {
    this.CONSUME(K['Extend']!);
    this.CONSUME(NameTok, { LABEL: 'target' });
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.termDecl));
    this.CONSUME(RBrace);
  });

  private enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(K['Enum']!);
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.SUBRULE(this.labels));
    this.OPTION2(() => this.CONSUME(K['Ordered']!));
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.termDecl));
    this.CONSUME(RBrace);
  });

  private termDecl = this.RULE('termDecl', () => {
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.SUBRULE(this.labels));
    this.OPTION2(() => this.SUBRULE(this.aliases));
    this.OPTION3(() => { this.CONSUME(Equals); this.SUBRULE(this.valueSet); });
    this.OPTION4(() => this.CONSUME(Comma)); // values may be written one per line or comma-separated
  });

  private fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(K['Field']!);
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.SUBRULE(this.labels));
    this.OPTION2(() => this.SUBRULE(this.aliases));
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr);
  });

  private typeExpr = this.RULE('typeExpr', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(YesNoType) },
      { ALT: () => this.CONSUME(K['NumberType']!) },
      { ALT: () => this.CONSUME(K['PercentType']!) },
      { ALT: () => this.CONSUME(K['TextType']!) },
      { ALT: () => this.CONSUME(K['DateType']!) },
      { ALT: () => this.CONSUME(K['TenureType']!) },
      { ALT: () => this.CONSUME(K['Years']!) },
      { ALT: () => this.CONSUME(K['Months']!) },
      { ALT: () => this.CONSUME(K['Days']!) },
      { ALT: () => { this.CONSUME(K['SetType']!); this.CONSUME(K['Of']!); this.CONSUME(NameTok, { LABEL: 'name' }); } },
      { ALT: () => { this.CONSUME(K['EventsType']!); this.CONSUME2(K['Of']!); this.CONSUME2(NameTok, { LABEL: 'name' }); } },
      { ALT: () => { this.CONSUME3(NameTok, { LABEL: 'name' }); this.OPTION(() => this.CONSUME(K['Valid']!)); } },
    ], ERR_MSG: 'type' });
  });

  private tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(K['Table']!);
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'label' }));
    this.OPTION2(() => this.CONSUME(Clause));
    this.CONSUME(K['By']!);
    this.CONSUME(NameTok, { LABEL: 'keyField' });
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(K['From']!); this.CONSUME2(StringLiteral, { LABEL: 'source' }); } },
      { ALT: () => {
        this.CONSUME(LParen);
        this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME2(NameTok, { LABEL: 'column' }) });
        this.CONSUME(RParen);
        this.CONSUME(LBrace);
        this.MANY(() => this.SUBRULE(this.tableRow));
        this.CONSUME(RBrace);
      } },
    ], ERR_MSG: 'table source' });
  });

  private tableRow = this.RULE('tableRow', () => {
    this.CONSUME(NameTok, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(Colon));
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(NumberLiteral) });
  });

  private stageDecl = this.RULE('stageDecl', () => {
    this.CONSUME(K['Stage']!);
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'label' }));
    this.OPTION2(() => this.SUBRULE(this.aliases));
  });

  private awardDecl = this.RULE('awardDecl', () => {
    this.CONSUME(K['Award']!);
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.SUBRULE(this.labels));
    this.CONSUME(K['For']!);
    this.CONSUME(NameTok, { LABEL: 'target' });
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
  });

  // ── Statements ───────────────────────────────────────────────────────────────────────────
  private statement = this.RULE('statement', () => {
    this.OR(this.statementAlts ??= [
      { ALT: () => this.SUBRULE(this.whenBlock) },
      { ALT: () => this.SUBRULE(this.rule) },
    ]);
  });

  private whenBlock = this.RULE('whenBlock', () => {
    this.CONSUME(K['When']!);
    this.SUBRULE(this.pred);
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
  });

  private rule = this.RULE('rule', () => {
    this.OPTION(() => this.CONSUME(K['Soft']!));
    this.OR(this.ruleAlts ??= { DEF: [
      { ALT: () => this.SUBRULE(this.scopeRule) },
      { ALT: () => this.SUBRULE(this.excludeRule) },
      { ALT: () => this.SUBRULE(this.requireRule) },
      { ALT: () => this.SUBRULE(this.attestRule) },
      { ALT: () => this.SUBRULE(this.capRule) },
      { ALT: () => this.SUBRULE(this.quotaRule) },
      { ALT: () => this.SUBRULE(this.recommendRule) },
      { ALT: () => this.SUBRULE(this.exemptRule) },
      { ALT: () => this.SUBRULE(this.routeRule) },
      { ALT: () => this.SUBRULE(this.publicityRule) },
      { ALT: () => this.SUBRULE(this.consultRule) },
      { ALT: () => this.SUBRULE(this.deadlineRule) },
      { ALT: () => this.SUBRULE(this.materialRule) },
      { ALT: () => this.SUBRULE(this.preferRule) },
    ], ERR_MSG: 'rule' });
    this.MANY(() => {
      this.OR2(this.tagAlts ??= [
        { ALT: () => this.CONSUME(Tag) },
        { ALT: () => this.CONSUME(Clause) },
      ]);
    });
  });

  private scopeRule = this.RULE('scopeRule', () => {
    this.CONSUME(K['Scope']!);
    this.SUBRULE(this.pred);
  });

  private excludeRule = this.RULE('excludeRule', () => {
    this.CONSUME(K['Exclude']!);
    this.SUBRULE(this.pred);
    this.OPTION(() => { this.CONSUME(K['Unless']!); this.SUBRULE2(this.pred, { LABEL: 'unless' }); });
  });

  private requireRule = this.RULE('requireRule', () => {
    this.CONSUME(K['Require']!);
    this.SUBRULE(this.pred);
    this.OPTION(() => { this.CONSUME(K['Unless']!); this.SUBRULE2(this.pred, { LABEL: 'unless' }); });
  });

  private attestRule = this.RULE('attestRule', () => {
    this.CONSUME(K['Attest']!);
    this.SUBRULE(this.attestGroup);
  });

  private attestGroup = this.RULE('attestGroup', () => {
    this.OR(this.attestModeAlts ??= [
      { ALT: () => this.CONSUME(K['All']!) },
      { ALT: () => this.CONSUME(K['Any']!) },
    ]);
    this.CONSUME(K['Of']!);
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR2(this.attestEntryAlts ??= [
        { ALT: () => this.SUBRULE(this.attestGroup) },
        { ALT: () => this.SUBRULE(this.attestItem) },
      ]);
    });
    this.CONSUME(RBrace);
  });

  private attestItem = this.RULE('attestItem', () => {
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.OPTION2(() => this.CONSUME(Comma));
  });

  private capRule = this.RULE('capRule', () => {
    this.CONSUME(K['Cap']!);
    this.SUBRULE(this.pred);
    this.OR(this.shareBoundAlts ??= { DEF: [
      { ALT: () => this.CONSUME(K['Controlled']!) },
      { ALT: () => {
        this.CONSUME(CmpTok, { LABEL: 'op' });
        this.CONSUME(NumberLiteral);
        this.CONSUME(Percent);
        this.CONSUME(K['Of']!);
        this.SUBRULE(this.total);
        this.OPTION(() => { this.CONSUME(K['Per']!); this.CONSUME(NameTok, { LABEL: 'per' }); });
      } },
    ], ERR_MSG: 'share bound' });
  });

  private total = this.RULE('total', () => {
    this.OR(this.totalAlts ??= { DEF: [
      { ALT: () => this.CONSUME(K['Recommended']!) },
      { ALT: () => this.CONSUME(K['Selected']!) },
    ], ERR_MSG: 'total' });
    this.OPTION(() => { this.CONSUME(K['In']!); this.CONSUME(NameTok, { LABEL: 'award' }); });
  });

  private quotaRule = this.RULE('quotaRule', () => {
    this.CONSUME(K['Quota']!);
    this.OPTION(() => { this.CONSUME(K['Per']!); this.CONSUME(NameTok, { LABEL: 'per' }); });
    this.CONSUME(CmpTok, { LABEL: 'op' });
    this.SUBRULE(this.amount);
  });

  private recommendRule = this.RULE('recommendRule', () => {
    this.CONSUME(K['Recommend']!);
    this.OPTION(() => { this.CONSUME(K['Per']!); this.CONSUME(NameTok, { LABEL: 'per' }); });
    this.CONSUME(CmpTok, { LABEL: 'op' });
    this.SUBRULE(this.amount);
    this.OPTION2(() => { this.CONSUME(K['Where']!); this.SUBRULE(this.pred); });
  });

  private amount = this.RULE('amount', () => {
    this.OR(this.amountAlts ??= { DEF: [
      { ALT: () => {
        this.CONSUME(NumberLiteral);
        this.OPTION(() => { this.CONSUME(Percent); this.CONSUME(K['Of']!); this.CONSUME(K['Quota']!); });
      } },
      { ALT: () => this.CONSUME(NameTok, { LABEL: 'table' }) },
    ], ERR_MSG: 'amount' });
  });

  private exemptRule = this.RULE('exemptRule', () => {
    this.CONSUME(K['Exempt']!);
    this.SUBRULE(this.pred);
    this.CONSUME(K['From']!);
    this.CONSUME(K['Quota']!);
  });

  private routeRule = this.RULE('routeRule', () => {
    this.CONSUME(K['Route']!);
    this.CONSUME(NameTok, { LABEL: 'field' });
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.routeCase));
    this.CONSUME(RBrace);
  });

  private routeCase = this.RULE('routeCase', () => {
    this.SUBRULE(this.pred);
    this.CONSUME(Arrow);
    this.CONSUME(NameTok, { LABEL: 'target' });
  });

  private publicityRule = this.RULE('publicityRule', () => {
    this.CONSUME(K['Publicity']!);
    this.CONSUME(CmpTok, { LABEL: 'op' });
    this.SUBRULE(this.quantity);
    this.CONSUME(K['At']!);
    this.OPTION(() => this.CONSUME(K['Each']!));
    this.CONSUME(NameTok, { LABEL: 'level' });
    this.OPTION2(() => { this.CONSUME(K['After']!); this.CONSUME2(NameTok, { LABEL: 'after' }); });
    this.OPTION3(() => { this.CONSUME(K['Before']!); this.CONSUME3(NameTok, { LABEL: 'before' }); });
  });

  private consultRule = this.RULE('consultRule', () => {
    this.CONSUME(K['Consult']!);
    this.SUBRULE(this.valueSet);
  });

  private deadlineRule = this.RULE('deadlineRule', () => {
    this.CONSUME(K['Deadline']!);
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.CONSUME(K['By']!);
    this.CONSUME(DateLiteral);
  });

  private materialRule = this.RULE('materialRule', () => {
    this.CONSUME(K['Material']!);
    this.OR(this.materialAlts ??= { DEF: [
      { ALT: () => {
        this.CONSUME(LBrace);
        this.MANY(() => this.SUBRULE(this.materialItem));
        this.CONSUME(RBrace);
      } },
      { ALT: () => this.SUBRULE2(this.materialItem) },
    ], ERR_MSG: 'material' });
  });

  private materialItem = this.RULE('materialItem', () => {
    this.CONSUME(WordTok, { LABEL: 'word' });
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.OPTION4(() => this.SUBRULE(this.aliases));
    this.OPTION2(() => this.CONSUME(Clause));
    this.MANY(() => {
      this.OPTION3(() => this.CONSUME(Comma));
      this.SUBRULE(this.materialReq);
    });
  });

  private materialReq = this.RULE('materialReq', () => {
    this.OR(this.materialReqAlts ??= { DEF: [
      { ALT: () => {
        this.CONSUME(K['Chars']!);
        this.OR2(this.charsAlts ??= [
          { ALT: () => { this.CONSUME(K['About']!); this.CONSUME(NumberLiteral); } },
          { ALT: () => { this.CONSUME(CmpTok, { LABEL: 'op' }); this.CONSUME2(NumberLiteral); } },
        ]);
      } },
      { ALT: () => { this.CONSUME(K['Copies']!); this.CONSUME2(CmpTok, { LABEL: 'op' }); this.CONSUME3(NumberLiteral); } },
      { ALT: () => { this.CONSUME(K['Format']!); this.SUBRULE(this.valueSet); } },
      { ALT: () => {
        this.CONSUME(K['Size']!);
        this.CONSUME4(NumberLiteral, { LABEL: 'min' });
        this.CONSUME(DotDot);
        this.SUBRULE(this.quantity, { LABEL: 'max' });
      } },
      { ALT: () => { this.CONSUME(K['Named']!); this.CONSUME(StringLiteral); } },
      { ALT: () => this.CONSUME(K['Electronic']!) },
      { ALT: () => this.CONSUME(K['Optional']!) },
    ], ERR_MSG: 'material requirement' });
  });

  private preferRule = this.RULE('preferRule', () => {
    this.CONSUME(K['Prefer']!);
    this.SUBRULE(this.pred);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });

  // ── Predicates and values ────────────────────────────────────────────────────────────────
  private pred = this.RULE('pred', () => {
    this.SUBRULE(this.andPred);
    this.MANY(() => { this.CONSUME(K['Or']!); this.SUBRULE2(this.andPred); });
  });

  private andPred = this.RULE('andPred', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => { this.CONSUME(K['And']!); this.SUBRULE2(this.unary); });
  });

  /**
   * `not* ( (pred) | no S [window] | field [test] )`: negation, brackets, "no records" and a field test
   * in one rule, so a plain condition costs one rule call rather than four.
   */
  private unary = this.RULE('unary', () => {
    this.MANY(() => this.CONSUME(K['Not']!, { LABEL: 'negation' }));
    this.OR(this.unaryAlts ??= { DEF: [
      { ALT: () => { this.CONSUME(LParen); this.SUBRULE(this.pred); this.CONSUME(RParen); } },
      { ALT: () => {
        this.CONSUME(K['No']!);
        this.SUBRULE(this.valueSet);
        this.OPTION(() => this.SUBRULE(this.window));
      } },
      { ALT: () => {
        this.OR4(this.fieldAlts ??= [
          { ALT: () => this.CONSUME(NameTok, { LABEL: 'field' }) },
          // The standard field `award` (申报奖项) is spelt like the keyword; here it can only be the field.
          { ALT: () => this.CONSUME(K['Award']!, { LABEL: 'field' }) },
        ]);
        this.OPTION2({
          GATE: () => !this.startsShareBound(),
          DEF: () => {
            this.OR2(this.fieldTestAlts ??= [
              { ALT: () => {
                this.CONSUME(CmpTok, { LABEL: 'op' });
                this.SUBRULE(this.value);
                this.OPTION3(() => this.CONSUME(K['Valid']!));
              } },
              { ALT: () => { this.CONSUME(K['In']!); this.SUBRULE2(this.valueSet); } },
              { ALT: () => { this.CONSUME2(K['Not']!, { LABEL: 'notIn' }); this.CONSUME2(K['In']!); this.SUBRULE3(this.valueSet); } },
              { ALT: () => {
                this.CONSUME(K['Has']!);
                this.OPTION4(() => this.OR3(this.hasModeAlts ??= [
                  { ALT: () => this.CONSUME(K['Any']!) },
                  { ALT: () => this.CONSUME(K['All']!) },
                ]));
                this.SUBRULE4(this.valueSet);
                this.OPTION5(() => this.SUBRULE2(this.window));
              } },
              { ALT: () => this.SUBRULE3(this.window) },
              { ALT: () => this.CONSUME2(K['Valid']!) },
            ]);
          },
        });
      } },
    ], ERR_MSG: 'condition' });
  });

  /** When records count: `within 5 years`, `since 2020-01-01`, `during 2018..2020`. */
  private window = this.RULE('window', () => {
    this.OR(this.windowAlts ??= [
      // `within 2018..2020` is read, to be told that a period of years is written with `during` (AR2040).
      { ALT: () => { this.CONSUME(K['Within']!); this.SUBRULE(this.quantity); this.OPTION(() => { this.CONSUME(DotDot); this.SUBRULE2(this.value, { LABEL: 'to' }); }); } },
      { ALT: () => { this.CONSUME(K['Since']!); this.SUBRULE(this.value, { LABEL: 'from' }); } },
      { ALT: () => { this.CONSUME(K['During']!); this.SUBRULE(this.valueRange); } },
    ]);
  });

  /** `5 workdays`, `20 %`, or glued `5years` / `500KB`. */
  private quantity = this.RULE('quantity', () => {
    this.OR(this.quantityAlts ??= { DEF: [
      { ALT: () => { this.CONSUME(NumberLiteral); this.OPTION(() => this.CONSUME(UnitTok, { LABEL: 'unit' })); } },
      { ALT: () => this.CONSUME(DigitName) },
    ], ERR_MSG: 'quantity' });
  });

  private value = this.RULE('value', () => {
    this.OR(this.valueAlts ??= { DEF: [
      { ALT: () => { this.CONSUME(NumberLiteral); this.OPTION(() => this.CONSUME(UnitTok, { LABEL: 'unit' })); } },
      { ALT: () => this.CONSUME(DigitName) },
      { ALT: () => this.CONSUME(DateLiteral) },
      { ALT: () => this.CONSUME(K['Yes']!) },
      { ALT: () => this.CONSUME(K['No']!) },
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.CONSUME(StringLiteral) },
    ], ERR_MSG: 'value' });
  });

  private valueRange = this.RULE('valueRange', () => {
    this.SUBRULE(this.value, { LABEL: 'from' });
    this.OPTION(() => { this.CONSUME(DotDot); this.SUBRULE2(this.value, { LABEL: 'to' }); });
  });

  private valueSet = this.RULE('valueSet', () => {
    this.OR(this.valueSetAlts ??= { DEF: [
      { ALT: () => {
        this.CONSUME(LBrace);
        this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.valueRange) });
        this.CONSUME(RBrace);
      } },
      { ALT: () => this.SUBRULE2(this.valueRange) },
    ], ERR_MSG: 'value' });
  });
}

let shared: AwardParser | undefined;

/** The shared parser, built on first use (grammar validations are for tests, see parser.test.ts). */
export function sharedParser(): AwardParser {
  shared ??= new AwardParser({ validate: false });
  return shared;
}

export interface CstParseResult {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}

/**
 * Parses `tokens` as a file. With `sink`, each top-level item goes to the sink as soon as it is
 * parsed, and the file node returned has none; such a parse may stop at the first syntax error
 * (see AwardParser.parseFile).
 */
export function parseTokens(tokens: IToken[], sink?: (item: CstNode) => void): CstParseResult {
  const parser = sharedParser();
  const cst = parser.parseFile(tokens, sink);
  return { cst, errors: parser.errors };
}

