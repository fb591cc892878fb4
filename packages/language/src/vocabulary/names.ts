/**
 * How names are compared: after NFKC (full-width brackets and letters become ASCII), ignoring ASCII
 * case and whitespace. `副厅（局、师）级`, `副厅(局、师)级` and `副厅 (局、师) 级` are one name.
 */
const keys = new Map<string, string>();

export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    // Names repeat across a file and across files; keep the normalisation of the short, common ones.
    // A name is a slice of its document: caching a long one would keep the whole document alive.
    if (name.length <= 12) {
      if (keys.size > 50_000) keys.clear();
      keys.set(name, key);
    }
  }
  return key;
}

/** The English label of a term: its `en`, else its id with spaces for hyphens. */
export function englishLabel(term: { readonly id: string; readonly en?: string }): string {
  return term.en ?? term.id.replace(/-/g, ' ');
}
