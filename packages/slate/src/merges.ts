/**
 * The merged cells of an .xlsx sheet. read-excel-file gives a merged range's value in its first cell
 * only and leaves the others empty, as Excel stores them; a summary table that merges one unit's or
 * one region's cell over the rows of its nominees would then give every nominee but the first an
 * empty cell. The ranges are read from the sheet's XML in the workbook (a zip), which fflate opens.
 */
import { strFromU8, unzipSync } from 'fflate';

/** A merged range: 0-based, both ends included. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The merged ranges of the workbook's `sheet`-th sheet (0-based, in the workbook's order); none if it
 * cannot be read. Only the small workbook files and that sheet's are unpacked.
 */
export function mergedRanges(xlsx: Uint8Array, sheet: number): MergedRange[] {
  const unpack = (wanted: (name: string) => boolean): Record<string, Uint8Array> | undefined => {
    try {
      return unzipSync(xlsx, { filter: (f) => wanted(f.name) });
    } catch {
      return undefined; // read-excel-file has read it, or said what is wrong with it
    }
  };
  const book = unpack((name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels');
  if (!book) return [];
  const text = (files: Record<string, Uint8Array>, name: string) => (files[name] ? strFromU8(files[name]!) : '');
  const targets = new Map<string, string>();
  // Tags may carry a namespace prefix (<x:sheet>, as the Open XML SDK writes them), which
  // read-excel-file accepts too.
  for (const m of text(book, 'xl/_rels/workbook.xml.rels').matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = /\sId=["']([^"']+)["']/.exec(m[0])?.[1];
    const target = /\sTarget=["']([^"']+)["']/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const entry = [...text(book, 'xl/workbook.xml').matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)][sheet]?.[0];
  const id = entry ? /\s[\w.-]+:id=["']([^"']+)["']/.exec(entry)?.[1] : undefined;
  const path = id ? targets.get(id) : undefined;
  const files = path ? unpack((name) => name === path) : undefined;
  if (!path || !files) return [];
  return [...text(files, path).matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*\sref=["']([A-Z]+)(\d+):([A-Z]+)(\d+)["']/g)].map((r) => ({
    top: Number(r[2]) - 1, left: columnIndex(r[1]!), bottom: Number(r[4]) - 1, right: columnIndex(r[3]!),
  }));
}

/** `A` → 0, `Z` → 25, `AA` → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
