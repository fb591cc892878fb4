/**
 * The contract between rule files and the systems that check slates against them: what a slate looks
 * like, what a finding says, and how a rule is described. Compiled validators and the reference
 * interpreter both speak it.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Localized {
  readonly zh: string;
  readonly en: string;
}

/** A rule as a finding cites it. */
export interface RuleInfo {
  /** Stable id: the rule's catalog tag when that is unique, otherwise tag/award or rule-N. */
  readonly id: string;
  readonly tags: readonly string[];
  readonly clause?: string;
  readonly kind: string;
  readonly severity: Severity;
  /** The award it belongs to; absent for rules of the whole notice. */
  readonly award?: string;
  /** The rule as a plain sentence (what `awardc explain` prints). */
  readonly text: Localized;
  /** The `when` conditions it applies under, as a phrase; absent when it applies to everyone. */
  readonly condition?: Localized;
  /** Where the rule is in the rule file (1-based). */
  readonly location: { readonly line: number; readonly column: number };
}

export interface NomineeRef {
  readonly id: string;
  readonly name: string;
  /** Spreadsheet row (1-based, header is row 1) when the slate came from a sheet. */
  readonly row?: number;
}

export interface Finding {
  /** The rule's id, or `data` / `calendar` for problems with the slate itself. */
  readonly rule: string;
  readonly tags: readonly string[];
  readonly clause?: string;
  /** Rule kind (`cap`, `publicity`, …), or `data` / `calendar`. */
  readonly kind: string;
  readonly severity: Severity;
  /** The nominee concerned; absent for findings about the whole slate. */
  readonly nominee?: NomineeRef;
  /** Field ids the finding is about. */
  readonly fields: readonly string[];
  readonly measured?: Localized;
  readonly required?: Localized;
  readonly message: Localized;
  /** Where the rule is in the rule file. */
  readonly location?: { readonly line: number; readonly column: number };
  /** For a missing value: the rules it kept from being checked. */
  readonly blocks?: readonly string[];
}

export type Outcome = 'passed' | 'failed' | 'not-applicable' | 'unknown';

/** One rule's outcome for one nominee, for `--why`. */
export interface TraceEntry {
  readonly rule: string;
  readonly tags: readonly string[];
  readonly clause?: string;
  readonly kind: string;
  readonly outcome: Outcome;
  readonly reason: Localized;
}

export interface ValidationOptions {
  /** The day look-back rules, tenure and validity count to (YYYY-MM-DD); overrides the rule file's. */
  readonly referenceDate?: string;
  /** Working-day schedules for years the built-in calendar does not have (days as `MM-DD` or
   *  `YYYY-MM-DD`); a year given here replaces the built-in one. */
  readonly calendar?: readonly { readonly year: number; readonly off?: readonly string[]; readonly on?: readonly string[] }[];
  /** Also return, for the nominee with this id, every rule in order with its outcome. */
  readonly trace?: string;
}

export interface ValidationResult {
  readonly findings: readonly Finding[];
  readonly trace?: readonly TraceEntry[];
  readonly summary: { readonly nominees: number; readonly errors: number; readonly warnings: number; readonly infos: number };
}
