/**
 * What a semantic diff says: the rules of two rule files paired, each pair classified by what it does
 * to nominees (stricter, looser, both, neither), with concrete nominees or slates as witnesses.
 */
import type { Localized } from '@awardrules/runtime';

/**
 * `tightened`: some nominee or slate fares worse, none better; `loosened`: the reverse; `changed`: some
 * fare worse and some better (changed in meaning); `reworded`: no outcome changes, only wording.
 */
export type ChangeKind = 'added' | 'removed' | 'tightened' | 'loosened' | 'changed' | 'reworded';

/** A rule as the diff cites it, in the vocabulary of its own file. */
export interface RuleRef {
  /** Index among its file's rules. */
  readonly index: number;
  /** The id findings cite it by. */
  readonly id: string;
  readonly tags: readonly string[];
  readonly clause?: string;
  readonly kind: string;
  readonly award?: string;
  /** The rule as a plain sentence. */
  readonly text: Localized;
  /** 1-based line in its file. */
  readonly line: number;
}

/** How one nominee or slate fares under one version of a rule. */
export type Verdict = 'passes' | 'warning' | 'fails' | 'undecided';

export interface Witness {
  readonly kind: 'nominee' | 'slate';
  /** Who it is: "a nominee whose rank is 正处级, recommended by …", "a slate of 100, 12 of them county-level". */
  readonly description: Localized;
  readonly before: Verdict;
  readonly after: Verdict;
  /** For notes (preferences): what the note said before and after, when verdicts do not differ. */
  readonly noteBefore?: Localized;
  readonly noteAfter?: Localized;
  /** The input that shows it, in the new file's vocabulary, for `awardc validate` or a test. */
  readonly input: { readonly nominees: readonly Record<string, unknown>[] };
}

export interface RuleChange {
  readonly kind: ChangeKind;
  readonly old?: RuleRef;
  readonly new?: RuleRef;
  /** How the pair was matched: the same tag, the same subject, the only rule of its kind left. */
  readonly matchedBy?: 'tag' | 'subject' | 'kind';
  /** One line: "cap 县处级: ≤10% → ≤15% of recommended". */
  readonly summary: Localized;
  /** The parts that differ, one per line. */
  readonly details: readonly Localized[];
  /** Concrete cases whose outcome differs: one per direction found. */
  readonly witnesses: readonly Witness[];
  /** False when there were too many cases to try them all: the classification rests on a sample. */
  readonly exhaustive: boolean;
}

/** Something the diff paired although its name changed. */
export interface Rename {
  readonly what: 'award' | 'field' | 'value' | 'stage' | 'material' | 'table';
  readonly old: string;
  readonly new: string;
  readonly oldLabel: string;
  readonly newLabel: string;
}

/** A change outside the rules: the reference date, the notice's identity. */
export interface NoticeChange {
  readonly what: 'reference' | 'code' | 'title' | 'issued' | 'issuers';
  readonly before?: string;
  readonly after?: string;
}

export interface FileRef {
  readonly file: string;
  readonly code?: string;
  readonly title?: string;
}

export interface DiffResult {
  readonly old: FileRef;
  readonly new: FileRef;
  readonly renames: readonly Rename[];
  readonly notice: readonly NoticeChange[];
  /** Changed, added and removed rules, in the new file's order (removed ones where they were). */
  readonly changes: readonly RuleChange[];
  readonly counts: Readonly<Record<ChangeKind | 'unchanged', number>>;
}
