/**
 * The syntax tree: what the file says, with a source span on every node and no meaning attached yet.
 * Error recovery can leave any child missing, so children are optional and every consumer copes.
 */

/** Half-open range of UTF-16 offsets into the file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Node {
  readonly span: Span;
}

/** A name as written: a bare word (`vice-bureau`, `副厅级`, `4A`) or a quoted string used as a name. */
export interface Name extends Node {
  readonly text: string;
  readonly quoted: boolean;
}

export interface Text extends Node {
  readonly value: string;
}

export interface DateLit extends Node {
  readonly text: string;
}

export interface NumberLit extends Node {
  readonly value: number;
  readonly text: string;
}

export type CmpOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Unit = 'days' | 'workdays' | 'years' | 'months' | 'KB' | 'MB';

export interface Quantity extends Node {
  readonly amount: NumberLit;
  readonly unit?: Unit | '%';
  /** A unit written glued to the number but not a unit (`5yeras`), kept for the diagnostic. */
  readonly badUnit?: string;
}

// ── Values in predicates ────────────────────────────────────────────────────────────────────
export type Value =
  | { readonly kind: 'name'; readonly name: Name; readonly span: Span }
  | { readonly kind: 'quantity'; readonly quantity: Quantity; readonly span: Span }
  | { readonly kind: 'date'; readonly date: DateLit; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span };

export interface ValueRange extends Node {
  readonly from: Value;
  readonly to?: Value;
}

/** `{a, b..c}` or a single name standing for a group (`social-organisation`). */
export interface ValueSet extends Node {
  readonly braced: boolean;
  readonly items: readonly ValueRange[];
}

// ── Predicates ──────────────────────────────────────────────────────────────────────────────
export type Pred =
  | { readonly kind: 'or' | 'and'; readonly args: readonly Pred[]; readonly span: Span }
  | { readonly kind: 'not'; readonly arg?: Pred; readonly span: Span }
  | { readonly kind: 'group'; readonly inner?: Pred; readonly span: Span }
  /** `no violation within 5 years`, `no violation during 2018..2020`. */
  | { readonly kind: 'none'; readonly what?: ValueSet; readonly window?: WindowSyntax; readonly span: Span }
  /** `field`, `field >= v [valid]`, `field in S`, `field has [any|all] S [window]`, `field window`, `field valid`. */
  | FieldTest;

/** When records count: `within 5 years` (of the reference date), `since 2020-01-01`, `during 2018..2020`. */
export type WindowSyntax =
  | { readonly kind: 'within'; readonly quantity?: Quantity; readonly span: Span }
  /** `since d` (no end), `during a..b` or `during a`: each end a date or a year. */
  | { readonly kind: 'period'; readonly since: boolean; readonly from?: Value; readonly to?: Value; readonly span: Span };

export type FieldTest =
  | { readonly kind: 'flag'; readonly field: Name; readonly span: Span }
  | { readonly kind: 'compare'; readonly field: Name; readonly op?: CmpOp; readonly opSpan?: Span; readonly value?: Value; readonly valid: boolean; readonly span: Span }
  | { readonly kind: 'in'; readonly field: Name; readonly negated: boolean; readonly set?: ValueSet; readonly span: Span }
  | { readonly kind: 'has'; readonly field: Name; readonly mode: 'one' | 'any' | 'all'; readonly set?: ValueSet; readonly window?: WindowSyntax; readonly span: Span }
  | { readonly kind: 'window'; readonly field: Name; readonly window?: WindowSyntax; readonly span: Span }
  | { readonly kind: 'valid'; readonly field: Name; readonly span: Span };

// ── Declarations ────────────────────────────────────────────────────────────────────────────
export interface NoticeDecl extends Node {
  readonly kind: 'notice';
  readonly code?: Text;
  readonly title?: Text;
  readonly issuers: readonly Text[];
  readonly issued?: DateLit;
  readonly tagPrefix?: Name;
  readonly reference?: { readonly date?: DateLit; readonly stage?: Name; readonly span: Span };
  /** Properties written more than once, for the diagnostic. */
  readonly repeated: readonly { readonly key: string; readonly span: Span }[];
}

export interface TermDecl extends Node {
  readonly name: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly aliases: readonly Text[];
  /** `= other` (an equivalent name of an existing value), `= {a, b}` or `= a..b` (a group). */
  readonly equals?: ValueSet;
}

export interface ExtendDecl extends Node {
  readonly kind: 'extend';
  readonly target?: Name;
  readonly terms: readonly TermDecl[];
}

export interface EnumDecl extends Node {
  readonly kind: 'enum';
  readonly name?: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly ordered: boolean;
  readonly terms: readonly TermDecl[];
}

export type TypeExpr =
  | { readonly kind: 'bool' | 'number' | 'percent' | 'text' | 'date' | 'tenure'; readonly span: Span }
  | { readonly kind: 'duration'; readonly unit: 'years' | 'months' | 'days'; readonly span: Span }
  | { readonly kind: 'enum'; readonly name?: Name; readonly validity: boolean; readonly span: Span }
  | { readonly kind: 'set' | 'events'; readonly name?: Name; readonly span: Span };

export interface FieldDecl extends Node {
  readonly kind: 'field';
  readonly name?: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly aliases: readonly Text[];
  readonly type?: TypeExpr;
}

export interface TableRow extends Node {
  readonly key?: Name;
  readonly values: readonly NumberLit[];
}

export interface TableDecl extends Node {
  readonly kind: 'table';
  readonly name?: Name;
  readonly label?: Text;
  readonly clause?: Clause;
  readonly keyField?: Name;
  readonly source?: Text;
  readonly columns: readonly Name[];
  readonly rows: readonly TableRow[];
}

export interface StageDecl extends Node {
  readonly kind: 'stage';
  readonly name?: Name;
  readonly label?: Text;
}

export interface AwardDecl extends Node {
  readonly kind: 'award';
  readonly name?: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly target?: Name;
  readonly body: readonly Statement[];
}

// ── Rules ───────────────────────────────────────────────────────────────────────────────────
export interface TagRef extends Node {
  readonly text: string;
}

export interface Clause extends Node {
  readonly text: string;
}

export interface Total extends Node {
  readonly which?: 'recommended' | 'selected';
  readonly award?: Name;
}

/** A count: a number, a share of the award quota (`120% of quota`), or a table (`allocation`). */
export type Amount =
  | { readonly kind: 'number'; readonly value: NumberLit; readonly span: Span }
  | { readonly kind: 'share-of-quota'; readonly percent: NumberLit; readonly span: Span }
  | { readonly kind: 'table'; readonly table: Name; readonly span: Span };

export interface AttestItem extends Node {
  readonly kind: 'item';
  readonly name?: Name;
  readonly text?: Text;
}

export interface AttestGroup extends Node {
  readonly kind: 'group';
  readonly mode?: 'all' | 'any';
  readonly entries: readonly (AttestItem | AttestGroup)[];
}

export interface RouteCase extends Node {
  readonly when?: Pred;
  readonly target?: Name;
}

export type MaterialReq =
  | { readonly kind: 'chars'; readonly op?: CmpOp; readonly about: boolean; readonly value?: NumberLit; readonly span: Span }
  | { readonly kind: 'copies'; readonly op?: CmpOp; readonly value?: NumberLit; readonly span: Span }
  | { readonly kind: 'format'; readonly formats?: ValueSet; readonly span: Span }
  | { readonly kind: 'size'; readonly min?: NumberLit; readonly max?: NumberLit; readonly unit?: Unit; readonly span: Span }
  | { readonly kind: 'named'; readonly pattern?: Text; readonly span: Span }
  | { readonly kind: 'electronic' | 'optional'; readonly span: Span };

export interface MaterialItem extends Node {
  readonly name?: Name;
  readonly label?: Text;
  readonly clause?: Clause;
  readonly reqs: readonly MaterialReq[];
}

export type RuleBody =
  | { readonly kind: 'scope'; readonly pred?: Pred; readonly span: Span }
  | { readonly kind: 'exclude' | 'require'; readonly pred?: Pred; readonly unless?: Pred; readonly span: Span }
  | { readonly kind: 'attest'; readonly group?: AttestGroup; readonly span: Span }
  | { readonly kind: 'cap'; readonly pred?: Pred; readonly controlled: boolean; readonly op?: CmpOp; readonly percent?: NumberLit; readonly total?: Total; readonly per?: Name; readonly span: Span }
  | { readonly kind: 'quota'; readonly per?: Name; readonly op?: CmpOp; readonly amount?: Amount; readonly span: Span }
  | { readonly kind: 'recommend'; readonly per?: Name; readonly op?: CmpOp; readonly amount?: Amount; readonly where?: Pred; readonly span: Span }
  | { readonly kind: 'exempt'; readonly pred?: Pred; readonly span: Span }
  | { readonly kind: 'route'; readonly field?: Name; readonly cases: readonly RouteCase[]; readonly span: Span }
  | { readonly kind: 'publicity'; readonly op?: CmpOp; readonly duration?: Quantity; readonly each: boolean; readonly level?: Name; readonly after?: Name; readonly before?: Name; readonly span: Span }
  | { readonly kind: 'consult'; readonly departments?: ValueSet; readonly span: Span }
  | { readonly kind: 'deadline'; readonly stage?: Name; readonly label?: Text; readonly date?: DateLit; readonly span: Span }
  | { readonly kind: 'material'; readonly items: readonly MaterialItem[]; readonly block: boolean; readonly span: Span }
  | { readonly kind: 'prefer'; readonly pred?: Pred; readonly text?: Text; readonly span: Span };

export type RuleKind = RuleBody['kind'];

export interface Rule extends Node {
  readonly kind: 'rule';
  readonly soft?: Span;
  readonly body?: RuleBody;
  readonly tags: readonly TagRef[];
  readonly clause?: Clause;
}

export interface When extends Node {
  readonly kind: 'when';
  readonly pred?: Pred;
  readonly body: readonly Statement[];
}

export type Statement = Rule | When;

export type TopItem = NoticeDecl | ExtendDecl | EnumDecl | FieldDecl | TableDecl | StageDecl | AwardDecl | Statement;

export interface FileNode extends Node {
  readonly items: readonly TopItem[];
}
