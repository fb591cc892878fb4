/**
 * How names are compared: after NFKC (full-width brackets and letters become ASCII), ignoring ASCII
 * case and whitespace. `副厅（局、师）级`, `副厅(局、师)级` and `副厅 (局、师) 级` are one name.
 */
const keys = new Map<string, string>();

/**
 * Whether `name` is its own key but for ASCII case: printable ASCII other than space, CJK ideographs
 * (Unified and Extension A) and 、。 — characters NFKC leaves alone (none has a decomposition, and
 * none combines with the next), with no whitespace. -1: it needs NFKC; 1: it has ASCII capitals.
 */
function plainName(name: string): -1 | 0 | 1 {
  let capitals: 0 | 1 = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) { if (c >= 65 && c <= 90) capitals = 1; }
    else if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3001 || c === 0x3002)) return -1;
  }
  return capitals;
}

export function nameKey(name: string): string {
  // Most names (`county-level`, `副厅级`) are their own key: no need for NFKC or the cache.
  const plain = plainName(name);
  if (plain === 0) return name;
  if (plain === 1) return name.toLowerCase();
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
