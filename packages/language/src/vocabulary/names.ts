/**
 * How names are compared: after NFKC (full-width brackets and letters become ASCII), ignoring ASCII
 * case and whitespace. `副厅（局、师）级`, `副厅(局、师)级` and `副厅 (局、师) 级` are one name.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The English label of a term: its `en`, else its id with spaces for hyphens. */
export function englishLabel(term: { readonly id: string; readonly en?: string }): string {
  return term.en ?? term.id.replace(/-/g, ' ');
}
