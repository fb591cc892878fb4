/**
 * The grammar, as a Chevrotain CstParser with error recovery. It builds a concrete syntax tree only;
 * from-cst.ts turns that into the AST. One parser instance is shared (Chevrotain's performance advice).
 *
 * Parse errors carry a JSON payload instead of English text (see `errorMessages`), so that diagnostics
 * can be rendered later in the user's language.
 */
import { CstParser, type CstNode, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import {
  ALL_TOKENS, Arrow, Clause, Colon, Comma, DateLiteral, DigitName, DotDot, Equals, Greater, GreaterEq, Identifier,
  KEYWORD_TOKENS as K, LBrace, LParen, Less, LessEq, NotEq, NumberLiteral, Percent, RBrace, RParen, StringLiteral,
  Tag, YesNoType,
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
  constructor(options: { validate: boolean }) {
    super(ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 4,
      nodeLocationTracking: 'onlyOffset',
      skipValidations: !options.validate,
      errorMessageProvider: errorMessages,
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
    this.OR({ DEF: [
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
      { ALT: () => { this.CONSUME(K['Tags']!); this.SUBRULE(this.word, { LABEL: 'tags' }); } },
      { ALT: () => {
        this.CONSUME(K['Reference']!);
        this.OR2([
          { ALT: () => this.CONSUME2(DateLiteral, { LABEL: 'referenceDate' }) },
          { ALT: () => this.SUBRULE2(this.word, { LABEL: 'referenceStage' }) },
        ]);
      } },
    ], ERR_MSG: 'notice property' });
  });

  /** A declared identifier: a bare word, never a string. */
  private word = this.RULE('word', () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.CONSUME(DigitName) },
    ]);
  });

  /** A reference to something named: a bare word, or a quoted name such as "副厅(局、师)级". */
  private name = this.RULE('name', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.CONSUME(DigitName) },
      { ALT: () => this.CONSUME(StringLiteral) },
    ], ERR_MSG: 'name' });
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
    this.SUBRULE(this.name, { LABEL: 'target' });
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.termDecl));
    this.CONSUME(RBrace);
  });

  private enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(K['Enum']!);
    this.SUBRULE(this.word);
    this.OPTION(() => this.SUBRULE(this.labels));
    this.OPTION2(() => this.CONSUME(K['Ordered']!));
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.termDecl));
    this.CONSUME(RBrace);
  });

  private termDecl = this.RULE('termDecl', () => {
    this.SUBRULE(this.word);
    this.OPTION(() => this.SUBRULE(this.labels));
    this.OPTION2(() => this.SUBRULE(this.aliases));
    this.OPTION3(() => { this.CONSUME(Equals); this.SUBRULE(this.valueSet); });
    this.OPTION4(() => this.CONSUME(Comma)); // values may be written one per line or comma-separated
  });

  private fieldDecl = this.RULE('fieldDecl', () => {
    this.CONSUME(K['Field']!);
    this.SUBRULE(this.word);
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
      { ALT: () => { this.CONSUME(K['SetType']!); this.CONSUME(K['Of']!); this.SUBRULE(this.name); } },
      { ALT: () => { this.CONSUME(K['EventsType']!); this.CONSUME2(K['Of']!); this.SUBRULE2(this.name); } },
      { ALT: () => { this.SUBRULE3(this.name); this.OPTION(() => this.CONSUME(K['Valid']!)); } },
    ], ERR_MSG: 'type' });
  });

  private tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(K['Table']!);
    this.SUBRULE(this.word);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'label' }));
    this.OPTION2(() => this.CONSUME(Clause));
    this.CONSUME(K['By']!);
    this.SUBRULE(this.name, { LABEL: 'keyField' });
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(K['From']!); this.CONSUME2(StringLiteral, { LABEL: 'source' }); } },
      { ALT: () => {
        this.CONSUME(LParen);
        this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE2(this.name, { LABEL: 'column' }) });
        this.CONSUME(RParen);
        this.CONSUME(LBrace);
        this.MANY(() => this.SUBRULE(this.tableRow));
        this.CONSUME(RBrace);
      } },
    ], ERR_MSG: 'table source' });
  });

  private tableRow = this.RULE('tableRow', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(Colon));
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(NumberLiteral) });
  });

  private stageDecl = this.RULE('stageDecl', () => {
    this.CONSUME(K['Stage']!);
    this.SUBRULE(this.word);
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'label' }));
  });

  private awardDecl = this.RULE('awardDecl', () => {
    this.CONSUME(K['Award']!);
    this.SUBRULE(this.word);
    this.OPTION(() => this.SUBRULE(this.labels));
    this.CONSUME(K['For']!);
    this.SUBRULE(this.name, { LABEL: 'target' });
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
    this.OR({ DEF: [
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
    this.SUBRULE(this.word);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.OPTION2(() => this.CONSUME(Comma));
  });

  private capRule = this.RULE('capRule', () => {
    this.CONSUME(K['Cap']!);
    this.SUBRULE(this.pred);
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(K['Controlled']!) },
      { ALT: () => {
        this.SUBRULE(this.cmpOp);
        this.CONSUME(NumberLiteral);
        this.CONSUME(Percent);
        this.CONSUME(K['Of']!);
        this.SUBRULE(this.total);
        this.OPTION(() => { this.CONSUME(K['Per']!); this.SUBRULE(this.name, { LABEL: 'per' }); });
      } },
    ], ERR_MSG: 'share bound' });
  });

  private total = this.RULE('total', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(K['Recommended']!) },
      { ALT: () => this.CONSUME(K['Selected']!) },
    ], ERR_MSG: 'total' });
    this.OPTION(() => { this.CONSUME(K['In']!); this.SUBRULE(this.name, { LABEL: 'award' }); });
  });

  private quotaRule = this.RULE('quotaRule', () => {
    this.CONSUME(K['Quota']!);
    this.OPTION(() => { this.CONSUME(K['Per']!); this.SUBRULE(this.name, { LABEL: 'per' }); });
    this.SUBRULE(this.cmpOp);
    this.SUBRULE(this.amount);
  });

  private recommendRule = this.RULE('recommendRule', () => {
    this.CONSUME(K['Recommend']!);
    this.OPTION(() => { this.CONSUME(K['Per']!); this.SUBRULE(this.name, { LABEL: 'per' }); });
    this.SUBRULE(this.cmpOp);
    this.SUBRULE(this.amount);
    this.OPTION2(() => { this.CONSUME(K['Where']!); this.SUBRULE(this.pred); });
  });

  private amount = this.RULE('amount', () => {
    this.OR({ DEF: [
      { ALT: () => {
        this.CONSUME(NumberLiteral);
        this.OPTION(() => { this.CONSUME(Percent); this.CONSUME(K['Of']!); this.CONSUME(K['Quota']!); });
      } },
      { ALT: () => this.SUBRULE(this.name, { LABEL: 'table' }) },
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
    this.SUBRULE(this.name, { LABEL: 'field' });
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.routeCase));
    this.CONSUME(RBrace);
  });

  private routeCase = this.RULE('routeCase', () => {
    this.SUBRULE(this.pred);
    this.CONSUME(Arrow);
    this.SUBRULE(this.name, { LABEL: 'target' });
  });

  private publicityRule = this.RULE('publicityRule', () => {
    this.CONSUME(K['Publicity']!);
    this.SUBRULE(this.cmpOp);
    this.SUBRULE(this.quantity);
    this.CONSUME(K['At']!);
    this.OPTION(() => this.CONSUME(K['Each']!));
    this.SUBRULE(this.name, { LABEL: 'level' });
    this.OPTION2(() => { this.CONSUME(K['After']!); this.SUBRULE2(this.name, { LABEL: 'after' }); });
    this.OPTION3(() => { this.CONSUME(K['Before']!); this.SUBRULE3(this.name, { LABEL: 'before' }); });
  });

  private consultRule = this.RULE('consultRule', () => {
    this.CONSUME(K['Consult']!);
    this.SUBRULE(this.valueSet);
  });

  private deadlineRule = this.RULE('deadlineRule', () => {
    this.CONSUME(K['Deadline']!);
    this.SUBRULE(this.word);
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
    this.SUBRULE(this.word);
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
          { ALT: () => { this.SUBRULE(this.cmpOp); this.CONSUME2(NumberLiteral); } },
        ]);
      } },
      { ALT: () => { this.CONSUME(K['Copies']!); this.SUBRULE2(this.cmpOp); this.CONSUME3(NumberLiteral); } },
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
    this.SUBRULE(this.notPred);
    this.MANY(() => { this.CONSUME(K['And']!); this.SUBRULE2(this.notPred); });
  });

  private notPred = this.RULE('notPred', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(K['Not']!); this.SUBRULE(this.notPred); } },
      { ALT: () => this.SUBRULE(this.primary) },
    ], ERR_MSG: 'condition' });
  });

  private primary = this.RULE('primary', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(LParen); this.SUBRULE(this.pred); this.CONSUME(RParen); } },
      { ALT: () => {
        this.CONSUME(K['No']!);
        this.SUBRULE(this.valueSet);
        this.OPTION(() => { this.CONSUME(K['Within']!); this.SUBRULE(this.quantity); });
      } },
      { ALT: () => this.SUBRULE(this.fieldTest) },
    ], ERR_MSG: 'condition' });
  });

  private fieldTest = this.RULE('fieldTest', () => {
    this.SUBRULE(this.name, { LABEL: 'field' });
    this.OPTION({
      GATE: () => !this.startsShareBound(),
      DEF: () => {
        this.OR([
          { ALT: () => {
            this.SUBRULE(this.cmpOp);
            this.SUBRULE(this.value);
            this.OPTION2(() => this.CONSUME(K['Valid']!));
          } },
          { ALT: () => { this.CONSUME(K['In']!); this.SUBRULE(this.valueSet); } },
          { ALT: () => { this.CONSUME(K['Not']!); this.CONSUME2(K['In']!); this.SUBRULE2(this.valueSet); } },
          { ALT: () => {
            this.CONSUME(K['Has']!);
            this.OPTION3(() => this.OR2([
              { ALT: () => this.CONSUME(K['Any']!) },
              { ALT: () => this.CONSUME(K['All']!) },
            ]));
            this.SUBRULE3(this.valueSet);
            this.OPTION4(() => { this.CONSUME(K['Within']!); this.SUBRULE(this.quantity); });
          } },
          { ALT: () => { this.CONSUME2(K['Within']!); this.SUBRULE2(this.quantity); } },
          { ALT: () => this.CONSUME2(K['Valid']!) },
        ]);
      },
    });
  });

  private cmpOp = this.RULE('cmpOp', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(GreaterEq) },
      { ALT: () => this.CONSUME(LessEq) },
      { ALT: () => this.CONSUME(NotEq) },
      { ALT: () => this.CONSUME(Equals) },
      { ALT: () => this.CONSUME(Greater) },
      { ALT: () => this.CONSUME(Less) },
    ], ERR_MSG: 'comparison' });
  });

  private unit = this.RULE('unit', () => {
    this.OR({ DEF: [
      { ALT: () => this.CONSUME(K['Workdays']!) },
      { ALT: () => this.CONSUME(K['Days']!) },
      { ALT: () => this.CONSUME(K['Years']!) },
      { ALT: () => this.CONSUME(K['Months']!) },
      { ALT: () => this.CONSUME(K['Kilobytes']!) },
      { ALT: () => this.CONSUME(K['Megabytes']!) },
      { ALT: () => this.CONSUME(Percent) },
    ], ERR_MSG: 'unit' });
  });

  /** `5 workdays`, `20 %`, or glued `5years` / `500KB`. */
  private quantity = this.RULE('quantity', () => {
    this.OR({ DEF: [
      { ALT: () => { this.CONSUME(NumberLiteral); this.OPTION(() => this.SUBRULE(this.unit)); } },
      { ALT: () => this.CONSUME(DigitName) },
    ], ERR_MSG: 'quantity' });
  });

  private value = this.RULE('value', () => {
    this.OR({ DEF: [
      { ALT: () => this.SUBRULE(this.quantity) },
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

