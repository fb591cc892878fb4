/**
 * The shape of vocabulary data: enumerations (ordered scales such as ranks, or plain categories such as
 * body types), their named groups (bands on a scale, categories of a plain enum), and nominee fields.
 * The standard vocabulary (standard.ts) and every rule file's extensions use these same shapes.
 */

export interface Term {
  /** Canonical English id, kebab-case (`vice-bureau`). */
  readonly id: string;
  /** The Chinese name as the notices write it (`副厅级`). */
  readonly zh: string;
  /** English label for plain-language output; defaults to the id with spaces. */
  readonly en?: string;
  /** Other spellings that mean the same thing, in either language (`副厅局级`, `副司局级`, `deputy-bureau`). */
  readonly aliases?: readonly string[];
}

/** A named subset of an enumeration: a contiguous band on a scale, or a category of a plain enum. */
export interface Group extends Term {
  readonly members: readonly string[];
}

export interface EnumDef extends Term {
  /** Ordered scales support <, <=, >, >= and bands. */
  readonly ordered: boolean;
  /** Values in scale order (low to high) for ordered enums. */
  readonly values: readonly Term[];
  readonly groups?: readonly Group[];
  /** Whether a rule file's values are the whole of it (regions, reviewers) rather than additions to a standard list. */
  readonly perNotice?: boolean;
}

export type DurationUnit = 'years' | 'months' | 'days';

export type FieldType =
  | { readonly kind: 'bool' }
  | { readonly kind: 'number' }
  | { readonly kind: 'percent' }
  | { readonly kind: 'text' }
  | { readonly kind: 'date' }
  /** A length of time given directly as a number (e.g. years of service written in a column). */
  | { readonly kind: 'duration'; readonly unit: DurationUnit }
  /**
   * A start date whose elapsed time on the reference date is compared with a duration (满N年).
   * `since` names the date field it is computed from, when it is not stored itself (age from birth date).
   */
  | { readonly kind: 'tenure'; readonly since?: string }
  /** One value of an enumeration; `validity` adds an expiry date (a rating valid until …). */
  | { readonly kind: 'enum'; readonly enum: string; readonly validity?: boolean }
  | { readonly kind: 'set'; readonly enum: string }
  /** Dated occurrences whose kind is a value of an enumeration (violations, honours). */
  | { readonly kind: 'events'; readonly enum: string }
  /** Structured records read by dedicated rule kinds, never compared directly. */
  | { readonly kind: 'record'; readonly record: 'publicity' | 'materials' | 'submissions' | 'units' };

export interface FieldDef extends Term {
  readonly type: FieldType;
  /** What the field holds, for hover and for the data column documentation. */
  readonly description?: { readonly zh: string; readonly en: string };
}
