/**
 * Finding Chinese names by pinyin: `ftj`, `futing` or `futingj` all find 副厅级. Readings come from
 * pinyin-pro, which reads polyphones in context (银行 hang, 重庆 chong); every other reading of a
 * polyphone is accepted too, so a name is never unreachable because of a context guess. The library
 * and its dictionary take about 0.1 s to load, so they are loaded in the background after start-up
 * (`loadPinyin`) and completion answers without pinyin until they are there.
 */
type PinyinPro = typeof import('pinyin-pro');

let engine: PinyinPro | undefined;
let loading: Promise<void> | undefined;
const readingsCache = new Map<string, readonly (readonly string[])[]>();

export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then((m) => {
    engine = m;
    m.pinyin('副厅级'); // builds the dictionary now rather than on the first completion
  });
  return loading;
}

export function pinyinReady(): boolean {
  return engine !== undefined;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasChinese(text: string): boolean {
  return CJK.test(text);
}

/** The readings of each character of `name` (lower case, no tones); [] for punctuation. */
function readings(name: string): readonly (readonly string[])[] {
  let r = readingsCache.get(name);
  if (r) return r;
  const chars = [...name];
  const options = { toneType: 'none', type: 'array' } as const;
  let inContext = engine!.pinyin(name, options);
  let all = engine!.polyphonic(name, options) as unknown as string[][];
  // Both give one entry per character; should that ever differ, read each character on its own.
  if (inContext.length !== chars.length || all.length !== chars.length) {
    inContext = chars.map((c) => engine!.pinyin(c, options)[0] ?? '');
    all = chars.map((c) => (engine!.polyphonic(c, options) as unknown as string[][])[0] ?? []);
  }
  r = chars.map((ch, i) => {
    if (/[A-Za-z0-9]/.test(ch)) return [ch.toLowerCase()];
    if (!CJK.test(ch)) return [];
    const first = inContext[i];
    return [...new Set([...(first ? [first] : []), ...(all[i] ?? [])])].filter((s) => /^[a-z]+$/.test(s));
  });
  if (readingsCache.size > 20_000) readingsCache.clear();
  readingsCache.set(name, r);
  return r;
}

/**
 * How `typed` (ASCII letters) spells the start of `name` in pinyin, each character by a prefix of one
 * of its readings (so initials, full syllables, or a mix); undefined if it does not. The result is the
 * text for the editor's own filter: the initials when typed as initials, the full pinyin otherwise.
 */
export function pinyinMatch(typed: string, name: string): string | undefined {
  if (!engine || !typed || !/^[a-z]+$/i.test(typed) || !CJK.test(name)) return undefined;
  const t = typed.toLowerCase();
  const r = readings(name);
  const failed = new Set<number>();
  const match = (p: number, i: number): boolean => {
    if (p === t.length) return true;
    if (i >= r.length || failed.has(p * 1024 + i)) return false;
    const alternatives = r[i]!;
    if (alternatives.length === 0) return match(p, i + 1);
    for (const alt of alternatives) {
      for (let k = Math.min(alt.length, t.length - p); k >= 1; k--) {
        if (t.startsWith(alt.slice(0, k), p) && match(p + k, i + 1)) return true;
      }
    }
    failed.add(p * 1024 + i);
    return false;
  };
  if (!match(0, 0)) return undefined;
  const initials = r.map((a) => a[0]?.[0] ?? '').join('');
  const full = r.map((a) => a[0] ?? '').join('');
  return initials.startsWith(t) ? initials : full.startsWith(t) ? full : t;
}
