/**
 * The grammar, as a Chevrotain CstParser with error recovery. It builds a concrete syntax tree only;
 * from-cst.ts turns that into the AST. One parser instance is shared (Chevrotain's performance advice).
 *
 * Parse errors carry a JSON payload instead of English text (see `errorMessages`), so that diagnostics
 * can be rendered later in the user's language.
 */
import { CstParser, type CstNode, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type OrMethodOpts, type TokenType } from 'chevrotain';
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

export class AwardParser extends CstParser {
  // Alternatives of the widest choices, built once instead of on every call (Chevrotain's performance
  // guide); declared first so every parser object has the same shape.
  private topItemAlts: OrMethodOpts<unknown> | undefined = undefined;
  private ruleAlts: OrMethodOpts<unknown> | undefined = undefined;
  private valueAlts: OrMethodOpts<unknown> | undefined = undefined;
  private unaryAlts: OrMethodOpts<unknown> | undefined = undefined;

  constructor(options: { validate: boolean; config?: object }) {
    super(ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 4,
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !options.validate,
      errorMessageProvider: errorMessages,
      ...options.config,
    });
    this.performSelfAnalysis();
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
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(StringLiteral, { LABEL: 'alias' }) });
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
    this.OR([
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
      this.OR2([
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
    this.OR([
      { ALT: () => this.CONSUME(K['All']!) },
      { ALT: () => this.CONSUME(K['Any']!) },
    ]);
    this.CONSUME(K['Of']!);
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR2([
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
    this.OR({ DEF: [
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
    this.OR({ DEF: [
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
    this.OR({ DEF: [
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
    this.OR({ DEF: [
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
    this.OPTION2(() => this.CONSUME(Clause));
    this.MANY(() => {
      this.OPTION3(() => this.CONSUME(Comma));
      this.SUBRULE(this.materialReq);
    });
  });

  private materialReq = this.RULE('materialReq', () => {
    this.OR({ DEF: [
      { ALT: () => {
        this.CONSUME(K['Chars']!);
        this.OR2([
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
   * `not* ( (pred) | no S [within q] | field [test] )`: negation, brackets, "no records" and a field test
   * in one rule, so a plain condition costs one rule call rather than four.
   */
  private unary = this.RULE('unary', () => {
    this.MANY(() => this.CONSUME(K['Not']!, { LABEL: 'negation' }));
    this.OR(this.unaryAlts ??= { DEF: [
      { ALT: () => { this.CONSUME(LParen); this.SUBRULE(this.pred); this.CONSUME(RParen); } },
      { ALT: () => {
        this.CONSUME(K['No']!);
        this.SUBRULE(this.valueSet);
        this.OPTION(() => { this.CONSUME(K['Within']!); this.SUBRULE(this.quantity); });
      } },
      { ALT: () => {
        this.OR4([
          { ALT: () => this.CONSUME(NameTok, { LABEL: 'field' }) },
          // The standard field `award` (申报奖项) is spelt like the keyword; here it can only be the field.
          { ALT: () => this.CONSUME(K['Award']!, { LABEL: 'field' }) },
        ]);
        this.OPTION2({
          GATE: () => !this.startsShareBound(),
          DEF: () => {
            this.OR2([
              { ALT: () => {
                this.CONSUME(CmpTok, { LABEL: 'op' });
                this.SUBRULE(this.value);
                this.OPTION3(() => this.CONSUME(K['Valid']!));
              } },
              { ALT: () => { this.CONSUME(K['In']!); this.SUBRULE2(this.valueSet); } },
              { ALT: () => { this.CONSUME2(K['Not']!, { LABEL: 'notIn' }); this.CONSUME2(K['In']!); this.SUBRULE3(this.valueSet); } },
              { ALT: () => {
                this.CONSUME(K['Has']!);
                this.OPTION4(() => this.OR3([
                  { ALT: () => this.CONSUME(K['Any']!) },
                  { ALT: () => this.CONSUME(K['All']!) },
                ]));
                this.SUBRULE4(this.valueSet);
                this.OPTION5(() => { this.CONSUME2(K['Within']!); this.SUBRULE2(this.quantity); });
              } },
              { ALT: () => { this.CONSUME3(K['Within']!); this.SUBRULE3(this.quantity); } },
              { ALT: () => this.CONSUME2(K['Valid']!) },
            ]);
          },
        });
      } },
    ], ERR_MSG: 'condition' });
  });

  /** `5 workdays`, `20 %`, or glued `5years` / `500KB`. */
  private quantity = this.RULE('quantity', () => {
    this.OR({ DEF: [
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
    this.OR({ DEF: [
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

export function parseTokens(tokens: IToken[]): CstParseResult {
  const parser = sharedParser();
  parser.input = tokens;
  const cst = parser.file();
  return { cst, errors: parser.errors };
}

