/**
 * Helpers for the example-slate generator: deterministic names, rows keyed by column header, and the
 * findings each planted mistake must cause.
 */
import type { Cell } from '../../packages/slate/src/cells.js';

export type Row = Record<string, Cell>;

/** A finding the failing slate must produce: the rule's first tag (or `data`), the nominee id or `slate`, and severity. */
export interface Expected {
  readonly rule: string;
  readonly nominee: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** Why it is planted: for people reading the expectations. */
  readonly why: string;
}

export interface SlateFile {
  readonly name: string;
  /** For .csv files: UTF-8 with a BOM unless stated. */
  readonly encoding?: 'gb18030';
  readonly headers: readonly string[];
  readonly rows: readonly (Row | null)[];
}

/** A notice's passing slate, its failing copy, and what the failing copy must produce. */
export interface SlatePair {
  readonly pass: SlateFile;
  readonly fail: SlateFile;
  readonly expected: readonly Expected[];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '红梅', '晓东', '文博', '雪梅', '国庆'];

export function personName(i: number): string {
  return SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7 + 3) % GIVEN.length]!;
}

export const list = (...items: (string | false | undefined)[]): string => items.filter(Boolean).join('、');

/** A copy of a row with some cells changed. */
export function change(row: Row, cells: Row): Row {
  return { ...row, ...cells };
}

/** Replaces the row whose 编号 is `id`. */
export function mutate(rows: (Row | null)[], id: string, cells: Row): void {
  const i = rows.findIndex((r) => r?.['编号'] === id);
  if (i < 0) throw new Error(`no row ${id}`);
  rows[i] = change(rows[i]!, cells);
}
