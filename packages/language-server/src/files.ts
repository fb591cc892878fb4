/**
 * The files a rule file points at, read the way `awardc check` reads them (packages/cli/src/io.ts):
 * quota tables relative to the rule file, UTF-8 or else GB18030 (Excel's CSV on Chinese systems),
 * and the constraint catalog's IDs. The server cannot import the CLI, so these few lines are repeated.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAX_BYTES = 16 * 1024 * 1024;

/** The file system path of a `file:` URI; undefined for unsaved (`untitled:`) documents. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A file a rule file refers to; undefined when it cannot be read (the checker reports AR2019). */
export function readReferencedFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_BYTES) return undefined;
    return decode(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** Catalog IDs from a CATALOG.md (the first cell of every row like J23-CAP-1), or undefined if unreadable or empty. */
export function readCatalog(path: string): Set<string> | undefined {
  const text = readReferencedFile(path);
  if (text === undefined) return undefined;
  const ids = new Set<string>();
  for (const m of text.matchAll(/^\|\s*([A-Za-z0-9]+-[A-Z]+-\d+)\s*\|/gm)) ids.add(m[1]!);
  return ids.size ? ids : undefined;
}
