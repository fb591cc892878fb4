/**
 * The checked model of a rule file: every name resolved, every quantity in a fixed unit, every rule's
 * severity decided. Explain, compile, diff and the language server read this, never the syntax tree.
 */
import type { Day } from '@awardrules/runtime';
import type { CmpOp, Span } from '../syntax/ast.js';
import type { EnumDef, FieldDef, Group, Term } from '../vocabulary/types.js';
import type { Pred, Window } from './predicate.js';

export type RuleSeverity = 'error' | 'warning' | 'info';

export type NomineeKind = 'collective' | 'individual';

export interface NoticeModel {
  readonly code?: string;
  readonly title?: string;
  readonly issuers: readonly string[];
  readonly issued?: Day;
  readonly tagPrefix?: string;
  /** The day "within N years", tenure and validity are counted to: a date, or a stage's deadline. */
  readonly reference?: { readonly kind: 'date'; readonly day: Day } | { readonly kind: 'stage'; readonly stage: string };
  readonly span?: Span;
}

/** An enumeration with this file's additions. `declared` spans point at the file's own declarations. */
export interface EnumModel extends EnumDef {
  readonly values: readonly Term[];
  readonly groups: readonly Group[];
  /** Where this file declared the enumeration itself (for `enum`), if it did. */
  readonly span?: Span;
  /** Where this file declared each of its own values and groups, by id. */
  readonly declared: ReadonlyMap<string, Span>;
  /** Every spelling of every value (normalised with nameKey) → the value's id; groups are not values. */
  readonly spellings: ReadonlyMap<string, string>;
}

export interface FieldModel extends FieldDef {
  /** Where this file declared the field; absent for standard fields. */
  readonly span?: Span;
}

export interface AwardModel {
  readonly id: string;
  readonly zh?: string;
  readonly en?: string;
  readonly kind: NomineeKind;
  readonly span: Span;
}

export interface StageModel {
  readonly id: string;
  readonly label?: string;
  /** Other names (`aka`), as a slate's headers may give it. */
  readonly aliases?: readonly string[];
  readonly deadline?: Day;
  /** Position in the order the stages happen. */
  readonly order: number;
  readonly span: Span;
}

export interface TableModel {
  readonly id: string;
  readonly label?: string;
  readonly clause?: string;
  /** The field whose values key the rows (region), and its enumeration. */
  readonly keyField: string;
  readonly keyEnum: string;
  /** Column names: award ids where they match an award. */
  readonly columns: readonly string[];
  readonly rows: readonly { readonly key: string; readonly values: readonly number[] }[];
  readonly source?: string;
  readonly span: Span;
}

export type Amount =
  | { readonly kind: 'number'; readonly value: number }
  /** `120% of quota`: a share of the award's own quota. */
  | { readonly kind: 'share-of-quota'; readonly percent: number }
  /** One column of a quota table, keyed by the table's key field. */
  | { readonly kind: 'table'; readonly table: string; readonly column: number };

export interface Total {
  readonly which: 'recommended' | 'selected';
  /** Counted within one award; otherwise across the whole notice. */
  readonly award?: string;
}

export type ShareBound = { readonly op: Exclude<CmpOp, '!='>; readonly percent: number } | 'controlled';

export interface AttestItemModel {
  readonly kind: 'item';
  readonly id: string;
  readonly text?: string;
  readonly span: Span;
}

export interface AttestGroupModel {
  readonly kind: 'group';
  readonly mode: 'all' | 'any';
  readonly entries: readonly (AttestItemModel | AttestGroupModel)[];
}

export type NamePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'field'; readonly field: string; readonly format?: string };

export interface MaterialModel {
  readonly id: string;
  readonly label?: string;
  /** Other names (`aka`), as a slate's headers may give it. */
  readonly aliases?: readonly string[];
  readonly clause?: string;
  readonly required: boolean;
  readonly chars?: { readonly op: Exclude<CmpOp, '!='>; readonly value: number } | { readonly about: number };
  readonly copies?: { readonly op: Exclude<CmpOp, '!='>; readonly value: number };
  readonly formats?: readonly string[];
  readonly sizeBytes?: { readonly min: number; readonly max: number };
  readonly namePattern?: readonly NamePart[];
  readonly electronic: boolean;
  readonly span: Span;
}

interface RuleCommon {
  /** Position among the file's rules, in source order. */
  readonly index: number;
  readonly severity: RuleSeverity;
  readonly soft: boolean;
  readonly tags: readonly string[];
  readonly clause?: string;
  readonly span: Span;
  /** The award the rule belongs to; absent when it applies to every award of the notice. */
  readonly award?: string;
  /** The conjunction of the enclosing `when` conditions (TRUE when there are none). */
  readonly condition: Pred;
  /**
   * The notice's own words for values the rule names by another of their names (`副司局级` for
   * vice-bureau), by `enum:id`: plain-language renderings use them. Not part of what the rule means.
   */
  readonly wording?: Readonly<Record<string, string>>;
}

export type RuleModel = RuleCommon & (
  | { readonly kind: 'scope'; readonly pred: Pred }
  | { readonly kind: 'exclude'; readonly pred: Pred; readonly unless?: Pred }
  | { readonly kind: 'require'; readonly pred: Pred; readonly unless?: Pred }
  | { readonly kind: 'attest'; readonly group: AttestGroupModel }
  | { readonly kind: 'cap'; readonly selector: Pred; readonly bound: ShareBound; readonly total: Total; readonly per?: string }
  | { readonly kind: 'quota'; readonly per?: string; readonly op: Exclude<CmpOp, '!='>; readonly amount: Amount }
  | { readonly kind: 'recommend'; readonly per?: string; readonly op: Exclude<CmpOp, '!='>; readonly amount: Amount; readonly where: Pred }
  | { readonly kind: 'exempt'; readonly pred: Pred }
  | { readonly kind: 'route'; readonly field: string; readonly cases: readonly { readonly when: Pred; readonly target: string; readonly span: Span }[] }
  | { readonly kind: 'publicity'; readonly op: '>=' | '>' | '='; readonly duration: { readonly amount: number; readonly unit: 'days' | 'workdays' }; readonly level: string; readonly each: boolean; readonly after?: string; readonly before?: string }
  | { readonly kind: 'consult'; readonly departments: readonly string[] }
  | { readonly kind: 'deadline'; readonly stage: string; readonly date: Day }
  | { readonly kind: 'material'; readonly items: readonly MaterialModel[] }
  | { readonly kind: 'prefer'; readonly pred: Pred; readonly text?: string }
);

export type RuleKind = RuleModel['kind'];

/** What a name in the file refers to, as a stable key: `field:rank`, `value:rank:vice-bureau`, `award:advanced-org`. */
export type SymbolKey = string;

/** One occurrence of a name in the file: a declaration or a use. */
export interface Reference {
  readonly span: Span;
  readonly symbol: SymbolKey;
  readonly declaration: boolean;
}

export interface Model {
  readonly notice: NoticeModel;
  readonly enums: ReadonlyMap<string, EnumModel>;
  readonly fields: ReadonlyMap<string, FieldModel>;
  readonly awards: readonly AwardModel[];
  readonly stages: readonly StageModel[];
  readonly tables: readonly TableModel[];
  readonly rules: readonly RuleModel[];
  /** Fields some rule reads, plus the identifying ones: what a slate must carry. */
  readonly usedFields: readonly string[];
  /** Every resolved name in the file, for navigation, hover and rename. */
  readonly references: readonly Reference[];
}

export type { Window };
