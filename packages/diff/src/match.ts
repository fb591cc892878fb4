/**
 * Pairs the rules of two files: by tag where tags correspond, otherwise by kind and subject (the same
 * award and the same group, level, stage or field), and, for rules an award has one of (its quota, its
 * attest list), by kind alone. Unpaired rules are added or removed. The new file's rules arrive
 * translated into the old file's vocabulary, so subjects compare as data.
 */
import { fieldsOf, predKey, type Model, type Pred, type RuleModel } from '@awardrules/language';

export interface Pair {
  readonly old?: number;
  readonly new?: number;
  readonly by?: 'tag' | 'subject' | 'kind';
  /** The two rules are the same as data (tags and places aside). */
  readonly identical?: boolean;
}

/** Scope, exclude and require all say who may take part; a rule may move between them. */
function family(r: RuleModel): string {
  return r.kind === 'scope' || r.kind === 'exclude' || r.kind === 'require' ? 'eligibility' : r.kind;
}

/** Kinds an award usually has one of, paired by kind when nothing better is found. */
const SINGLE = new Set(['attest', 'quota', 'recommend', 'route', 'prefer', 'exempt', 'deadline']);

/** What a rule is about: an exact key and the fields it reads. */
function subject(r: RuleModel): { key: string; fields: Set<string> } {
  const preds = (...ps: (Pred | undefined)[]) => ps.filter((p): p is Pred => !!p);
  const of = (ps: Pred[]) => {
    const f = new Set<string>();
    for (const p of ps) fieldsOf(p, f);
    return f;
  };
  switch (r.kind) {
    case 'scope': case 'exclude': case 'require': {
      const ps = preds(r.pred, r.kind === 'scope' ? undefined : r.unless);
      return { key: ps.map(predKey).join('|'), fields: of(ps) };
    }
    case 'cap': return { key: predKey(r.selector), fields: of([r.selector]) };
    case 'prefer': case 'exempt': return { key: predKey(r.pred), fields: of([r.pred]) };
    case 'quota': return { key: `${r.per ?? ''}|${r.amount.kind}`, fields: new Set(r.per ? [r.per] : []) };
    case 'recommend': return { key: `${r.per ?? ''}|${r.amount.kind}|${predKey(r.where)}`, fields: of([r.where]) };
    case 'route': return { key: r.field, fields: new Set([r.field]) };
    case 'publicity': return { key: `${r.level}|${r.each}`, fields: new Set([`level:${r.level}`]) };
    case 'consult': return { key: predKey(r.condition), fields: of([r.condition]) };
    case 'deadline': return { key: r.stage, fields: new Set([r.stage]) };
    case 'material': return { key: r.items.map((m) => m.id).sort().join('|'), fields: new Set(r.items.map((m) => m.id)) };
    case 'attest': return { key: '', fields: new Set() };
  }
}

/** A tag without its notice prefix: J20-CAP-1 and J23-CAP-1 both give CAP-1. */
function stem(tag: string): string {
  return tag.replace(/^[^-]+-/, '');
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Buckets of rules sharing a tag, a subject or a field; a field bucket larger than this is no evidence. */
const WIDE = 64;

export function matchRules(oldModel: Model, translated: readonly RuleModel[], include: { old: (r: RuleModel) => boolean; new: (r: RuleModel) => boolean }): Pair[] {
  const olds = oldModel.rules.filter(include.old);
  const news = translated.filter(include.new);
  const oldSubjects = new Map(olds.map((r) => [r.index, subject(r)]));
  const newSubjects = new Map(news.map((r) => [r.index, subject(r)]));
  // Index the new rules, so that each old rule meets only the few that could be its counterpart.
  const index = new Map<string, RuleModel[]>();
  const add = (key: string, r: RuleModel) => { const l = index.get(key); if (l) l.push(r); else index.set(key, [r]); };
  for (const n of news) {
    const s = newSubjects.get(n.index)!;
    for (const t of n.tags) { add(`tag:${t}`, n); add(`stem:${family(n)}:${stem(t)}`, n); }
    add(`key:${family(n)}:${n.award ?? ''}:${s.key}`, n);
    add(`key:${family(n)}:${s.key}`, n);
    for (const f of s.fields) add(`field:${family(n)}:${f}`, n);
  }
  const candidates: { o: RuleModel; n: RuleModel; score: number; by: Pair['by'] }[] = [];
  for (const o of olds) {
    const so = oldSubjects.get(o.index)!;
    const near = new Set<RuleModel>();
    const take = (key: string, limit = Infinity) => { const l = index.get(key); if (l && l.length <= limit) for (const n of l) near.add(n); };
    for (const t of o.tags) take(`tag:${t}`);
    // A rule with its tag on the other side is that rule; others are looked for by subject.
    if (near.size === 0) {
      for (const t of o.tags) take(`stem:${family(o)}:${stem(t)}`, WIDE);
      take(`key:${family(o)}:${o.award ?? ''}:${so.key}`);
      take(`key:${family(o)}:${so.key}`, WIDE);
      for (const f of so.fields) take(`field:${family(o)}:${f}`, WIDE);
    }
    for (const n of near) {
      if (family(o) !== family(n)) continue;
      const sn = newSubjects.get(n.index)!;
      const sameTag = o.tags.some((t) => n.tags.includes(t));
      const sameAward = (o.award ?? '') === (n.award ?? '');
      const exact = so.key === sn.key && o.kind === n.kind;
      const shared = overlap(so.fields, sn.fields);
      let score = 0;
      if (sameTag) score += 100;
      if (sameAward) score += 3;
      if (exact) score += 10;
      score += shared * 5;
      if (o.tags.some((t) => n.tags.some((u) => stem(u) === stem(t)))) score += 4;
      // Sharing nothing but an award is no evidence: such rules are added and removed, not changed.
      if (!sameTag && !exact && shared === 0) continue;
      candidates.push({ o, n, score, by: sameTag ? 'tag' : 'subject' });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.o.index - b.o.index || a.n.index - b.n.index);
  const pairs: Pair[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  for (const c of candidates) {
    if (usedOld.has(c.o.index) || usedNew.has(c.n.index)) continue;
    if (c.score < 6) continue;
    usedOld.add(c.o.index);
    usedNew.add(c.n.index);
    pairs.push({ old: c.o.index, new: c.n.index, by: c.by });
  }
  // The one quota (attest list, route …) of an award on each side is the same rule, changed.
  const slot = (r: RuleModel) => `${r.kind}|${r.award ?? ''}`;
  const leftNew = new Map<string, RuleModel[]>();
  const leftOld = new Map<string, RuleModel[]>();
  for (const n of news) if (!usedNew.has(n.index) && SINGLE.has(n.kind)) leftNew.set(slot(n), [...(leftNew.get(slot(n)) ?? []), n]);
  for (const o of olds) if (!usedOld.has(o.index) && SINGLE.has(o.kind)) leftOld.set(slot(o), [...(leftOld.get(slot(o)) ?? []), o]);
  for (const [key, os] of leftOld) {
    const ns = leftNew.get(key);
    if (os.length !== 1 || ns?.length !== 1) continue;
    usedOld.add(os[0]!.index);
    usedNew.add(ns[0]!.index);
    pairs.push({ old: os[0]!.index, new: ns[0]!.index, by: 'kind' });
  }
  for (const o of olds) if (!usedOld.has(o.index)) pairs.push({ old: o.index });
  for (const n of news) if (!usedNew.has(n.index)) pairs.push({ new: n.index });
  return pairs;
}
