// Generated from the grammar by `npm run grammar-tables -w @awardrules/language`. Do not edit.
// A test checks that it is up to date.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  topItem?: TopItemCstNode[];
};

export interface TopItemCstNode extends CstNode {
  name: "topItem";
  children: TopItemCstChildren;
}

export type TopItemCstChildren = {
  noticeDecl?: NoticeDeclCstNode[];
  extendDecl?: ExtendDeclCstNode[];
  enumDecl?: EnumDeclCstNode[];
  fieldDecl?: FieldDeclCstNode[];
  tableDecl?: TableDeclCstNode[];
  stageDecl?: StageDeclCstNode[];
  awardDecl?: AwardDeclCstNode[];
  statement?: StatementCstNode[];
};

export interface NoticeDeclCstNode extends CstNode {
  name: "noticeDecl";
  children: NoticeDeclCstChildren;
}

export type NoticeDeclCstChildren = {
  Notice: IToken[];
  code?: IToken[];
  LBrace: IToken[];
  noticeProp?: NoticePropCstNode[];
  RBrace: IToken[];
};

export interface NoticePropCstNode extends CstNode {
  name: "noticeProp";
  children: NoticePropCstChildren;
}

export type NoticePropCstChildren = {
  Title?: IToken[];
  title?: IToken[];
  Issuer?: IToken[];
  issuer?: IToken[];
  Comma?: IToken[];
  Issued?: IToken[];
  issued?: IToken[];
  Tags?: IToken[];
  tags?: IToken[];
  Reference?: IToken[];
  referenceDate?: IToken[];
  referenceStage?: IToken[];
};

export interface LabelsCstNode extends CstNode {
  name: "labels";
  children: LabelsCstChildren;
}

export type LabelsCstChildren = {
  zh: IToken[];
  en?: IToken[];
};

export interface AliasesCstNode extends CstNode {
  name: "aliases";
  children: AliasesCstChildren;
}

export type AliasesCstChildren = {
  Aka: IToken[];
  alias: (IToken)[];
  Comma?: IToken[];
};

export interface ExtendDeclCstNode extends CstNode {
  name: "extendDecl";
  children: ExtendDeclCstChildren;
}

export type ExtendDeclCstChildren = {
  Extend: IToken[];
  target: IToken[];
  LBrace: IToken[];
  termDecl?: TermDeclCstNode[];
  RBrace: IToken[];
};

export interface EnumDeclCstNode extends CstNode {
  name: "enumDecl";
  children: EnumDeclCstChildren;
}

export type EnumDeclCstChildren = {
  Enum: IToken[];
  word: IToken[];
  labels?: LabelsCstNode[];
  Ordered?: IToken[];
  LBrace: IToken[];
  termDecl?: TermDeclCstNode[];
  RBrace: IToken[];
};

export interface TermDeclCstNode extends CstNode {
  name: "termDecl";
  children: TermDeclCstChildren;
}

export type TermDeclCstChildren = {
  word: IToken[];
  labels?: LabelsCstNode[];
  aliases?: AliasesCstNode[];
  Equals?: IToken[];
  valueSet?: ValueSetCstNode[];
  Comma?: IToken[];
};

export interface FieldDeclCstNode extends CstNode {
  name: "fieldDecl";
  children: FieldDeclCstChildren;
}

export type FieldDeclCstChildren = {
  Field: IToken[];
  word: IToken[];
  labels?: LabelsCstNode[];
  aliases?: AliasesCstNode[];
  Colon: IToken[];
  typeExpr: TypeExprCstNode[];
};

export interface TypeExprCstNode extends CstNode {
  name: "typeExpr";
  children: TypeExprCstChildren;
}

export type TypeExprCstChildren = {
  YesNo?: IToken[];
  NumberType?: IToken[];
  PercentType?: IToken[];
  TextType?: IToken[];
  DateType?: IToken[];
  TenureType?: IToken[];
  Years?: IToken[];
  Months?: IToken[];
  Days?: IToken[];
  SetType?: IToken[];
  Of?: (IToken)[];
  name?: (IToken)[];
  EventsType?: IToken[];
  Valid?: IToken[];
};

export interface TableDeclCstNode extends CstNode {
  name: "tableDecl";
  children: TableDeclCstChildren;
}

export type TableDeclCstChildren = {
  Table: IToken[];
  word: IToken[];
  label?: IToken[];
  Clause?: IToken[];
  By: IToken[];
  keyField: IToken[];
  From?: IToken[];
  source?: IToken[];
  LParen?: IToken[];
  column?: IToken[];
  Comma?: IToken[];
  RParen?: IToken[];
  LBrace?: IToken[];
  tableRow?: TableRowCstNode[];
  RBrace?: IToken[];
};

export interface TableRowCstNode extends CstNode {
  name: "tableRow";
  children: TableRowCstChildren;
}

export type TableRowCstChildren = {
  name: IToken[];
  Colon?: IToken[];
  NumberLiteral: IToken[];
  Comma?: IToken[];
};

export interface StageDeclCstNode extends CstNode {
  name: "stageDecl";
  children: StageDeclCstChildren;
}

export type StageDeclCstChildren = {
  Stage: IToken[];
  word: IToken[];
  label?: IToken[];
  aliases?: AliasesCstNode[];
};

export interface AwardDeclCstNode extends CstNode {
  name: "awardDecl";
  children: AwardDeclCstChildren;
}

export type AwardDeclCstChildren = {
  Award: IToken[];
  word: IToken[];
  labels?: LabelsCstNode[];
  For: IToken[];
  target: IToken[];
  LBrace: IToken[];
  statement?: StatementCstNode[];
  RBrace: IToken[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  whenBlock?: WhenBlockCstNode[];
  rule?: RuleCstNode[];
};

export interface WhenBlockCstNode extends CstNode {
  name: "whenBlock";
  children: WhenBlockCstChildren;
}

export type WhenBlockCstChildren = {
  When: IToken[];
  pred: PredCstNode[];
  LBrace: IToken[];
  statement?: StatementCstNode[];
  RBrace: IToken[];
};

export interface RuleCstNode extends CstNode {
  name: "rule";
  children: RuleCstChildren;
}

export type RuleCstChildren = {
  Soft?: IToken[];
  scopeRule?: ScopeRuleCstNode[];
  excludeRule?: ExcludeRuleCstNode[];
  requireRule?: RequireRuleCstNode[];
  attestRule?: AttestRuleCstNode[];
  capRule?: CapRuleCstNode[];
  quotaRule?: QuotaRuleCstNode[];
  recommendRule?: RecommendRuleCstNode[];
  exemptRule?: ExemptRuleCstNode[];
  routeRule?: RouteRuleCstNode[];
  publicityRule?: PublicityRuleCstNode[];
  consultRule?: ConsultRuleCstNode[];
  deadlineRule?: DeadlineRuleCstNode[];
  materialRule?: MaterialRuleCstNode[];
  preferRule?: PreferRuleCstNode[];
  Tag?: IToken[];
  Clause?: IToken[];
};

export interface ScopeRuleCstNode extends CstNode {
  name: "scopeRule";
  children: ScopeRuleCstChildren;
}

export type ScopeRuleCstChildren = {
  Scope: IToken[];
  pred: PredCstNode[];
};

export interface ExcludeRuleCstNode extends CstNode {
  name: "excludeRule";
  children: ExcludeRuleCstChildren;
}

export type ExcludeRuleCstChildren = {
  Exclude: IToken[];
  pred: PredCstNode[];
  Unless?: IToken[];
  unless?: PredCstNode[];
};

export interface RequireRuleCstNode extends CstNode {
  name: "requireRule";
  children: RequireRuleCstChildren;
}

export type RequireRuleCstChildren = {
  Require: IToken[];
  pred: PredCstNode[];
  Unless?: IToken[];
  unless?: PredCstNode[];
};

export interface AttestRuleCstNode extends CstNode {
  name: "attestRule";
  children: AttestRuleCstChildren;
}

export type AttestRuleCstChildren = {
  Attest: IToken[];
  attestGroup: AttestGroupCstNode[];
};

export interface AttestGroupCstNode extends CstNode {
  name: "attestGroup";
  children: AttestGroupCstChildren;
}

export type AttestGroupCstChildren = {
  All?: IToken[];
  Any?: IToken[];
  Of: IToken[];
  LBrace: IToken[];
  attestGroup?: AttestGroupCstNode[];
  attestItem?: AttestItemCstNode[];
  RBrace: IToken[];
};

export interface AttestItemCstNode extends CstNode {
  name: "attestItem";
  children: AttestItemCstChildren;
}

export type AttestItemCstChildren = {
  word: IToken[];
  StringLiteral?: IToken[];
  Comma?: IToken[];
};

export interface CapRuleCstNode extends CstNode {
  name: "capRule";
  children: CapRuleCstChildren;
}

export type CapRuleCstChildren = {
  Cap: IToken[];
  pred: PredCstNode[];
  Controlled?: IToken[];
  op?: IToken[];
  NumberLiteral?: IToken[];
  Percent?: IToken[];
  Of?: IToken[];
  total?: TotalCstNode[];
  Per?: IToken[];
  per?: IToken[];
};

export interface TotalCstNode extends CstNode {
  name: "total";
  children: TotalCstChildren;
}

export type TotalCstChildren = {
  Recommended?: IToken[];
  Selected?: IToken[];
  In?: IToken[];
  award?: IToken[];
};

export interface QuotaRuleCstNode extends CstNode {
  name: "quotaRule";
  children: QuotaRuleCstChildren;
}

export type QuotaRuleCstChildren = {
  Quota: IToken[];
  Per?: IToken[];
  per?: IToken[];
  op: IToken[];
  amount: AmountCstNode[];
};

export interface RecommendRuleCstNode extends CstNode {
  name: "recommendRule";
  children: RecommendRuleCstChildren;
}

export type RecommendRuleCstChildren = {
  Recommend: IToken[];
  Per?: IToken[];
  per?: IToken[];
  op: IToken[];
  amount: AmountCstNode[];
  Where?: IToken[];
  pred?: PredCstNode[];
};

export interface AmountCstNode extends CstNode {
  name: "amount";
  children: AmountCstChildren;
}

export type AmountCstChildren = {
  NumberLiteral?: IToken[];
  Percent?: IToken[];
  Of?: IToken[];
  Quota?: IToken[];
  table?: IToken[];
};

export interface ExemptRuleCstNode extends CstNode {
  name: "exemptRule";
  children: ExemptRuleCstChildren;
}

export type ExemptRuleCstChildren = {
  Exempt: IToken[];
  pred: PredCstNode[];
  From: IToken[];
  Quota: IToken[];
};

export interface RouteRuleCstNode extends CstNode {
  name: "routeRule";
  children: RouteRuleCstChildren;
}

export type RouteRuleCstChildren = {
  Route: IToken[];
  field: IToken[];
  LBrace: IToken[];
  routeCase?: RouteCaseCstNode[];
  RBrace: IToken[];
};

export interface RouteCaseCstNode extends CstNode {
  name: "routeCase";
  children: RouteCaseCstChildren;
}

export type RouteCaseCstChildren = {
  pred: PredCstNode[];
  Arrow: IToken[];
  target: IToken[];
};

export interface PublicityRuleCstNode extends CstNode {
  name: "publicityRule";
  children: PublicityRuleCstChildren;
}

export type PublicityRuleCstChildren = {
  Publicity: IToken[];
  op: IToken[];
  quantity: QuantityCstNode[];
  At: IToken[];
  Each?: IToken[];
  level: IToken[];
  After?: IToken[];
  after?: IToken[];
  Before?: IToken[];
  before?: IToken[];
};

export interface ConsultRuleCstNode extends CstNode {
  name: "consultRule";
  children: ConsultRuleCstChildren;
}

export type ConsultRuleCstChildren = {
  Consult: IToken[];
  valueSet: ValueSetCstNode[];
};

export interface DeadlineRuleCstNode extends CstNode {
  name: "deadlineRule";
  children: DeadlineRuleCstChildren;
}

export type DeadlineRuleCstChildren = {
  Deadline: IToken[];
  word: IToken[];
  StringLiteral?: IToken[];
  By: IToken[];
  DateLiteral: IToken[];
};

export interface MaterialRuleCstNode extends CstNode {
  name: "materialRule";
  children: MaterialRuleCstChildren;
}

export type MaterialRuleCstChildren = {
  Material: IToken[];
  LBrace?: IToken[];
  materialItem?: (MaterialItemCstNode)[];
  RBrace?: IToken[];
};

export interface MaterialItemCstNode extends CstNode {
  name: "materialItem";
  children: MaterialItemCstChildren;
}

export type MaterialItemCstChildren = {
  word: IToken[];
  StringLiteral?: IToken[];
  aliases?: AliasesCstNode[];
  Clause?: IToken[];
  Comma?: IToken[];
  materialReq?: MaterialReqCstNode[];
};

export interface MaterialReqCstNode extends CstNode {
  name: "materialReq";
  children: MaterialReqCstChildren;
}

export type MaterialReqCstChildren = {
  Chars?: IToken[];
  About?: IToken[];
  NumberLiteral?: (IToken)[];
  op?: (IToken)[];
  Copies?: IToken[];
  Format?: IToken[];
  valueSet?: ValueSetCstNode[];
  Size?: IToken[];
  min?: IToken[];
  DotDot?: IToken[];
  max?: QuantityCstNode[];
  Named?: IToken[];
  StringLiteral?: IToken[];
  Electronic?: IToken[];
  Optional?: IToken[];
};

export interface PreferRuleCstNode extends CstNode {
  name: "preferRule";
  children: PreferRuleCstChildren;
}

export type PreferRuleCstChildren = {
  Prefer: IToken[];
  pred: PredCstNode[];
  StringLiteral?: IToken[];
};

export interface PredCstNode extends CstNode {
  name: "pred";
  children: PredCstChildren;
}

export type PredCstChildren = {
  andPred: (AndPredCstNode)[];
  Or?: IToken[];
};

export interface AndPredCstNode extends CstNode {
  name: "andPred";
  children: AndPredCstChildren;
}

export type AndPredCstChildren = {
  unary: (UnaryCstNode)[];
  And?: IToken[];
};

export interface UnaryCstNode extends CstNode {
  name: "unary";
  children: UnaryCstChildren;
}

export type UnaryCstChildren = {
  negation?: IToken[];
  LParen?: IToken[];
  pred?: PredCstNode[];
  RParen?: IToken[];
  No?: IToken[];
  valueSet?: (ValueSetCstNode)[];
  window?: (WindowCstNode)[];
  field?: (IToken)[];
  op?: IToken[];
  value?: ValueCstNode[];
  Valid?: (IToken)[];
  In?: (IToken)[];
  notIn?: IToken[];
  Has?: IToken[];
  Any?: IToken[];
  All?: IToken[];
};

export interface WindowCstNode extends CstNode {
  name: "window";
  children: WindowCstChildren;
}

export type WindowCstChildren = {
  Within?: IToken[];
  quantity?: QuantityCstNode[];
  DotDot?: IToken[];
  to?: ValueCstNode[];
  Since?: IToken[];
  from?: ValueCstNode[];
  During?: IToken[];
  valueRange?: ValueRangeCstNode[];
};

export interface QuantityCstNode extends CstNode {
  name: "quantity";
  children: QuantityCstChildren;
}

export type QuantityCstChildren = {
  NumberLiteral?: IToken[];
  unit?: IToken[];
  DigitName?: IToken[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  NumberLiteral?: IToken[];
  unit?: IToken[];
  DigitName?: IToken[];
  DateLiteral?: IToken[];
  Yes?: IToken[];
  No?: IToken[];
  Identifier?: IToken[];
  StringLiteral?: IToken[];
};

export interface ValueRangeCstNode extends CstNode {
  name: "valueRange";
  children: ValueRangeCstChildren;
}

export type ValueRangeCstChildren = {
  from: ValueCstNode[];
  DotDot?: IToken[];
  to?: ValueCstNode[];
};

export interface ValueSetCstNode extends CstNode {
  name: "valueSet";
  children: ValueSetCstChildren;
}

export type ValueSetCstChildren = {
  LBrace?: IToken[];
  valueRange?: (ValueRangeCstNode)[];
  Comma?: IToken[];
  RBrace?: IToken[];
};

/**
 * The children of a new node of each rule, with every key the rule's node can have, none set yet (see
 * AwardParser.cstInvocationStateUpdate): all nodes of a rule then have one shape from the start.
 */
export const NEW_CHILDREN: { readonly [rule: string]: () => Record<string, undefined> } = {
  file: () => ({ topItem: undefined }),
  topItem: () => ({ noticeDecl: undefined, extendDecl: undefined, enumDecl: undefined, fieldDecl: undefined, tableDecl: undefined, stageDecl: undefined, awardDecl: undefined, statement: undefined }),
  noticeDecl: () => ({ Notice: undefined, code: undefined, LBrace: undefined, noticeProp: undefined, RBrace: undefined }),
  noticeProp: () => ({ Title: undefined, title: undefined, Issuer: undefined, Comma: undefined, issuer: undefined, Issued: undefined, issued: undefined, Tags: undefined, tags: undefined, Reference: undefined, referenceDate: undefined, referenceStage: undefined }),
  labels: () => ({ zh: undefined, en: undefined }),
  aliases: () => ({ Aka: undefined, alias: undefined, Comma: undefined }),
  extendDecl: () => ({ Extend: undefined, target: undefined, LBrace: undefined, termDecl: undefined, RBrace: undefined }),
  enumDecl: () => ({ Enum: undefined, word: undefined, labels: undefined, Ordered: undefined, LBrace: undefined, termDecl: undefined, RBrace: undefined }),
  termDecl: () => ({ word: undefined, labels: undefined, aliases: undefined, Equals: undefined, valueSet: undefined, Comma: undefined }),
  fieldDecl: () => ({ Field: undefined, word: undefined, labels: undefined, aliases: undefined, Colon: undefined, typeExpr: undefined }),
  typeExpr: () => ({ YesNo: undefined, NumberType: undefined, PercentType: undefined, TextType: undefined, DateType: undefined, TenureType: undefined, Years: undefined, Months: undefined, Days: undefined, SetType: undefined, Of: undefined, name: undefined, EventsType: undefined, Valid: undefined }),
  tableDecl: () => ({ Table: undefined, word: undefined, label: undefined, Clause: undefined, By: undefined, keyField: undefined, From: undefined, source: undefined, LParen: undefined, Comma: undefined, column: undefined, RParen: undefined, LBrace: undefined, tableRow: undefined, RBrace: undefined }),
  tableRow: () => ({ name: undefined, Colon: undefined, Comma: undefined, NumberLiteral: undefined }),
  stageDecl: () => ({ Stage: undefined, word: undefined, label: undefined, aliases: undefined }),
  awardDecl: () => ({ Award: undefined, word: undefined, labels: undefined, For: undefined, target: undefined, LBrace: undefined, statement: undefined, RBrace: undefined }),
  statement: () => ({ whenBlock: undefined, rule: undefined }),
  whenBlock: () => ({ When: undefined, pred: undefined, LBrace: undefined, statement: undefined, RBrace: undefined }),
  rule: () => ({ Soft: undefined, scopeRule: undefined, excludeRule: undefined, requireRule: undefined, attestRule: undefined, capRule: undefined, quotaRule: undefined, recommendRule: undefined, exemptRule: undefined, routeRule: undefined, publicityRule: undefined, consultRule: undefined, deadlineRule: undefined, materialRule: undefined, preferRule: undefined, Tag: undefined, Clause: undefined }),
  scopeRule: () => ({ Scope: undefined, pred: undefined }),
  excludeRule: () => ({ Exclude: undefined, pred: undefined, Unless: undefined, unless: undefined }),
  requireRule: () => ({ Require: undefined, pred: undefined, Unless: undefined, unless: undefined }),
  attestRule: () => ({ Attest: undefined, attestGroup: undefined }),
  attestGroup: () => ({ All: undefined, Any: undefined, Of: undefined, LBrace: undefined, attestGroup: undefined, attestItem: undefined, RBrace: undefined }),
  attestItem: () => ({ word: undefined, StringLiteral: undefined, Comma: undefined }),
  capRule: () => ({ Cap: undefined, pred: undefined, Controlled: undefined, op: undefined, NumberLiteral: undefined, Percent: undefined, Of: undefined, total: undefined, Per: undefined, per: undefined }),
  total: () => ({ Recommended: undefined, Selected: undefined, In: undefined, award: undefined }),
  quotaRule: () => ({ Quota: undefined, Per: undefined, per: undefined, op: undefined, amount: undefined }),
  recommendRule: () => ({ Recommend: undefined, Per: undefined, per: undefined, op: undefined, amount: undefined, Where: undefined, pred: undefined }),
  amount: () => ({ NumberLiteral: undefined, Percent: undefined, Of: undefined, Quota: undefined, table: undefined }),
  exemptRule: () => ({ Exempt: undefined, pred: undefined, From: undefined, Quota: undefined }),
  routeRule: () => ({ Route: undefined, field: undefined, LBrace: undefined, routeCase: undefined, RBrace: undefined }),
  routeCase: () => ({ pred: undefined, Arrow: undefined, target: undefined }),
  publicityRule: () => ({ Publicity: undefined, op: undefined, quantity: undefined, At: undefined, Each: undefined, level: undefined, After: undefined, after: undefined, Before: undefined, before: undefined }),
  consultRule: () => ({ Consult: undefined, valueSet: undefined }),
  deadlineRule: () => ({ Deadline: undefined, word: undefined, StringLiteral: undefined, By: undefined, DateLiteral: undefined }),
  materialRule: () => ({ Material: undefined, LBrace: undefined, materialItem: undefined, RBrace: undefined }),
  materialItem: () => ({ word: undefined, StringLiteral: undefined, aliases: undefined, Clause: undefined, Comma: undefined, materialReq: undefined }),
  materialReq: () => ({ Chars: undefined, About: undefined, NumberLiteral: undefined, op: undefined, Copies: undefined, Format: undefined, valueSet: undefined, Size: undefined, min: undefined, DotDot: undefined, max: undefined, Named: undefined, StringLiteral: undefined, Electronic: undefined, Optional: undefined }),
  preferRule: () => ({ Prefer: undefined, pred: undefined, StringLiteral: undefined }),
  pred: () => ({ andPred: undefined, Or: undefined }),
  andPred: () => ({ unary: undefined, And: undefined }),
  unary: () => ({ negation: undefined, LParen: undefined, pred: undefined, RParen: undefined, No: undefined, valueSet: undefined, window: undefined, field: undefined, op: undefined, value: undefined, Valid: undefined, In: undefined, notIn: undefined, Has: undefined, Any: undefined, All: undefined }),
  window: () => ({ Within: undefined, quantity: undefined, DotDot: undefined, to: undefined, Since: undefined, from: undefined, During: undefined, valueRange: undefined }),
  quantity: () => ({ NumberLiteral: undefined, unit: undefined, DigitName: undefined }),
  value: () => ({ NumberLiteral: undefined, unit: undefined, DigitName: undefined, DateLiteral: undefined, Yes: undefined, No: undefined, Identifier: undefined, StringLiteral: undefined }),
  valueRange: () => ({ from: undefined, DotDot: undefined, to: undefined }),
  valueSet: () => ({ LBrace: undefined, Comma: undefined, valueRange: undefined, RBrace: undefined }),
};
