/**
 * The syntax tree: what the file says, with a source span on every node and no meaning attached yet.
 * Error recovery can leave any child missing, so children are optional and every consumer copes.
 *
 * Every node is its own span: its `start` and `end` are where it is in the text, as in TypeScript's
 * own tree. A separate span object for each node made a large file's tree about a third bigger, and
 * was a good part of the time building it took. A node is a Span wherever one is asked for; what
 * keeps a span beyond the tree (a diagnostic, a reference, the model) keeps a copy (`spanOf`), never
 * the node (spans.test.ts).
 */

/** Half-open range of UTF-16 offsets into the file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The span of a node (or a copy of a span), as a plain `{ start, end }` of its own. */
export function spanOf(node: Span): Span {
  return { start: node.start, end: node.end };
}

/** A name as written: a bare word (`vice-bureau`, `副厅级`, `4A`) or a quoted string used as a name. */
export interface Name extends Span {
  readonly text: string;
  readonly quoted: boolean;
}

export interface Text extends Span {
  readonly value: string;
}

export interface DateLit extends Span {
  readonly text: string;
}

export interface NumberLit extends Span {
  readonly value: number;
  readonly text: string;
}

export type CmpOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Unit = 'days' | 'workdays' | 'years' | 'months' | 'KB' | 'MB';

export interface Quantity extends Span {
  readonly amount: NumberLit;
  readonly unit?: Unit | '%';
  /** A unit written glued to the number but not a unit (`5yeras`), kept for the diagnostic. */
  readonly badUnit?: string;
}

// ── Values in predicates ────────────────────────────────────────────────────────────────────
export type Value = Span & (
  | { readonly kind: 'name'; readonly name: Name }
  | { readonly kind: 'quantity'; readonly quantity: Quantity }
  | { readonly kind: 'date'; readonly date: DateLit }
  | { readonly kind: 'bool'; readonly value: boolean }
);

export interface ValueRange extends Span {
  readonly from: Value;
  readonly to?: Value;
}

/** `{a, b..c}` or a single name standing for a group (`social-organisation`). */
export interface ValueSet extends Span {
  readonly braced: boolean;
  readonly items: readonly ValueRange[];
}

// ── Predicates ──────────────────────────────────────────────────────────────────────────────
export type Pred = Span & (
  | { readonly kind: 'or' | 'and'; readonly args: readonly Pred[] }
  | { readonly kind: 'not'; readonly arg?: Pred }
  | { readonly kind: 'group'; readonly inner?: Pred }
  /** `no violation within 5 years`, `no violation during 2018..2020`. */
  | { readonly kind: 'none'; readonly what?: ValueSet; readonly window?: WindowSyntax }
  /** `field`, `field >= v [valid]`, `field in S`, `field has [any|all] S [window]`, `field window`, `field valid`. */
  | FieldTest
);

/** When records count: `within 5 years` (of the reference date), `since 2020-01-01`, `during 2018..2020`. */
export type WindowSyntax = Span & (
  /** `to`: only in the mistake `within 2018..2020` (a period of years, written with `during`). */
  | { readonly kind: 'within'; readonly quantity?: Quantity; readonly to?: Value }
  /** `since d` (no end), `during a..b` or `during a`: each end a date or a year. */
  | { readonly kind: 'period'; readonly since: boolean; readonly from?: Value; readonly to?: Value }
);

export type FieldTest = Span & (
  | { readonly kind: 'flag'; readonly field: Name }
  | { readonly kind: 'compare'; readonly field: Name; readonly op?: CmpOp; readonly opSpan?: Span; readonly value?: Value; readonly valid: boolean }
  | { readonly kind: 'in'; readonly field: Name; readonly negated: boolean; readonly set?: ValueSet }
  | { readonly kind: 'has'; readonly field: Name; readonly mode: 'one' | 'any' | 'all'; readonly set?: ValueSet; readonly window?: WindowSyntax }
  | { readonly kind: 'window'; readonly field: Name; readonly window?: WindowSyntax }
  | { readonly kind: 'valid'; readonly field: Name }
);

// ── Declarations ────────────────────────────────────────────────────────────────────────────
export interface NoticeDecl extends Span {
  readonly kind: 'notice';
  readonly code?: Text;
  readonly title?: Text;
  readonly issuers: readonly Text[];
  readonly issued?: DateLit;
  readonly tagPrefix?: Name;
  readonly reference?: { readonly date?: DateLit; readonly stage?: Name } & Span;
  /** Properties written more than once, for the diagnostic. */
  readonly repeated: readonly ({ readonly key: string } & Span)[];
}

export interface TermDecl extends Span {
  readonly name: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly aliases: readonly Text[];
  /** `= other` (an equivalent name of an existing value), `= {a, b}` or `= a..b` (a group). */
  readonly equals?: ValueSet;
}

export interface ExtendDecl extends Span {
  readonly kind: 'extend';
  readonly target?: Name;
  readonly terms: readonly TermDecl[];
}

export interface EnumDecl extends Span {
  readonly kind: 'enum';
  readonly name?: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly ordered: boolean;
  readonly terms: readonly TermDecl[];
}

export type TypeExpr = Span & (
  | { readonly kind: 'bool' | 'number' | 'percent' | 'text' | 'date' | 'tenure' }
  | { readonly kind: 'duration'; readonly unit: 'years' | 'months' | 'days' }
  | { readonly kind: 'enum'; readonly name?: Name; readonly validity: boolean }
  | { readonly kind: 'set' | 'events'; readonly name?: Name }
);

export interface FieldDecl extends Span {
  readonly kind: 'field';
  readonly name?: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly aliases: readonly Text[];
  readonly type?: TypeExpr;
}

export interface TableRow extends Span {
  readonly key?: Name;
  readonly values: readonly NumberLit[];
}

export interface TableDecl extends Span {
  readonly kind: 'table';
  readonly name?: Name;
  readonly label?: Text;
  readonly clause?: Clause;
  readonly keyField?: Name;
  readonly source?: Text;
  readonly columns: readonly Name[];
  readonly rows: readonly TableRow[];
}

export interface StageDecl extends Span {
  readonly kind: 'stage';
  readonly name?: Name;
  readonly label?: Text;
  /** `aka "…"`: other names of the stage, as a slate's headers may give it. */
  readonly aliases: readonly Text[];
}

export interface AwardDecl extends Span {
  readonly kind: 'award';
  readonly name?: Name;
  readonly zh?: Text;
  readonly en?: Text;
  readonly target?: Name;
  readonly body: readonly Statement[];
}

// ── Rules ───────────────────────────────────────────────────────────────────────────────────
export interface TagRef extends Span {
  readonly text: string;
}

export interface Clause extends Span {
  readonly text: string;
}

export interface Total extends Span {
  readonly which?: 'recommended' | 'selected';
  readonly award?: Name;
}

/** A count: a number, a share of the award quota (`120% of quota`), or a table (`allocation`). */
export type Amount = Span & (
  | { readonly kind: 'number'; readonly value: NumberLit }
  | { readonly kind: 'share-of-quota'; readonly percent: NumberLit }
  | { readonly kind: 'table'; readonly table: Name }
);

export interface AttestItem extends Span {
  readonly kind: 'item';
  readonly name?: Name;
  readonly text?: Text;
}

export interface AttestGroup extends Span {
  readonly kind: 'group';
  readonly mode?: 'all' | 'any';
  readonly entries: readonly (AttestItem | AttestGroup)[];
}

export interface RouteCase extends Span {
  readonly when?: Pred;
  readonly target?: Name;
}

export type MaterialReq = Span & (
  | { readonly kind: 'chars'; readonly op?: CmpOp; readonly about: boolean; readonly value?: NumberLit }
  | { readonly kind: 'copies'; readonly op?: CmpOp; readonly value?: NumberLit }
  | { readonly kind: 'format'; readonly formats?: ValueSet }
  | { readonly kind: 'size'; readonly min?: NumberLit; readonly max?: NumberLit; readonly unit?: Unit }
  | { readonly kind: 'named'; readonly pattern?: Text }
  | { readonly kind: 'electronic' | 'optional' }
);

export interface MaterialItem extends Span {
  readonly name?: Name;
  readonly label?: Text;
  /** `aka "…"`: other names of the material, as a slate's headers may give it. */
  readonly aliases: readonly Text[];
  readonly clause?: Clause;
  readonly reqs: readonly MaterialReq[];
}

export type RuleBody = Span & (
  | { readonly kind: 'scope'; readonly pred?: Pred }
  | { readonly kind: 'exclude' | 'require'; readonly pred?: Pred; readonly unless?: Pred }
  | { readonly kind: 'attest'; readonly group?: AttestGroup }
  | { readonly kind: 'cap'; readonly pred?: Pred; readonly controlled: boolean; readonly op?: CmpOp; readonly percent?: NumberLit; readonly total?: Total; readonly per?: Name }
  | { readonly kind: 'quota'; readonly per?: Name; readonly op?: CmpOp; readonly amount?: Amount }
  | { readonly kind: 'recommend'; readonly per?: Name; readonly op?: CmpOp; readonly amount?: Amount; readonly where?: Pred }
  | { readonly kind: 'exempt'; readonly pred?: Pred }
  | { readonly kind: 'route'; readonly field?: Name; readonly cases: readonly RouteCase[] }
  | { readonly kind: 'publicity'; readonly op?: CmpOp; readonly duration?: Quantity; readonly each: boolean; readonly level?: Name; readonly after?: Name; readonly before?: Name }
  | { readonly kind: 'consult'; readonly departments?: ValueSet }
  | { readonly kind: 'deadline'; readonly stage?: Name; readonly label?: Text; readonly date?: DateLit }
  | { readonly kind: 'material'; readonly items: readonly MaterialItem[]; readonly block: boolean }
  | { readonly kind: 'prefer'; readonly pred?: Pred; readonly text?: Text }
);

export type RuleKind = RuleBody['kind'];

export interface Rule extends Span {
  readonly kind: 'rule';
  readonly soft?: Span;
  readonly body?: RuleBody;
  readonly tags: readonly TagRef[];
  readonly clause?: Clause;
}

export interface When extends Span {
  readonly kind: 'when';
  readonly pred?: Pred;
  readonly body: readonly Statement[];
}

export type Statement = Rule | When;

export type TopItem = NoticeDecl | ExtendDecl | EnumDecl | FieldDecl | TableDecl | StageDecl | AwardDecl | Statement;

export interface FileNode extends Span {
  readonly items: readonly TopItem[];
}
