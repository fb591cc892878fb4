/**
 * The semantic diff of two checked rule files: align their names, pair their rules, and classify every
 * pair by trying it (compare.ts). Formatting, comments, rule order and English or Chinese spellings
 * never show: only checked models are compared, and a pair identical as data is unchanged.
 */
import { explainRule, ruleIds, type AwardDocument, type Model, type RuleModel } from '@awardrules/language';
import { formatDay, parseDay, type Day } from '@awardrules/runtime';
import { align, Translator, type AlignOptions } from './align.js';
import { RuleRunner, tryPair, type DiffContext } from './compare.js';
import { describePair } from './describe.js';
import { matchRules, type Pair } from './match.js';
import type { ChangeKind, DiffResult, NoticeChange, RuleChange, RuleRef } from './types.js';
import { WitnessWriter } from './witness.js';

export interface DiffSide {
  /** The file name as the user gave it. */
  readonly file: string;
  readonly doc: AwardDocument;
}

export type DiffOptions = AlignOptions;

/** The day a model's look-back rules count to, if it names one. */
export function referenceDay(m: Model): Day | undefined {
  const r = m.notice.reference;
  if (!r) return undefined;
  return r.kind === 'date' ? r.day : m.stages.find((s) => s.id === r.stage)?.deadline;
}

/**
 * Whether two rules say the same, as data: equal but for where they are written and how they are
 * tagged. Compared in place rather than as JSON texts: most rules of two versions are the same, and
 * writing each out was a third of a diff.
 */
function sameRule(a: RuleModel, b: RuleModel): boolean {
  return sameData(a, b);
}

/** Deep equality of model data as JSON sees it (absent = undefined; functions ignored), without PLACEMENT keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key of Object.keys(x)) {
    if (!counts(key, x[key])) continue;
    keys++;
    if (!sameData(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (counts(key, y[key])) keys--;
  return keys === 0;
}

const counts = (key: string, value: unknown) => value !== undefined && typeof value !== 'function' && !PLACEMENT.has(key);

/** A rule as text, without where it is written or how it is tagged: equal texts, equal rules (`sameRule`). */
function essence(r: RuleModel): string {
  return JSON.stringify(r, (key, value: unknown) => (PLACEMENT.has(key) ? undefined : value));
}

/** What says where a rule is written, how it is tagged and worded, not what it says. */
const PLACEMENT = new Set(['span', 'index', 'tags', 'clause', 'wording']);

/** The alignment of two files and the pairing of their rules (the new rules also in the old vocabulary). */
export function pairRules(oldModel: Model, newModel: Model, options: DiffOptions = {}) {
  const alignment = align(oldModel, newModel, options);
  const toOld = new Translator(alignment, newModel);
  const translated = newModel.rules.map((r) => toOld.rule(r));
  const only = alignment.only;
  const keepOld = (r: RuleModel) => !only || !r.award || only.old.has(r.award);
  // New rules arrive translated: their awards are the old file's ids.
  const keepNew = (r: RuleModel) => !only || !r.award || only.old.has(r.award);
  // Most rules are unchanged: pair those identical as data first, and match only the rest.
  // Each old rule pairs with the first unpaired new rule of its kind and award that is equal to it.
  // Most rules are unchanged and in the same order, so that is usually the first unpaired one, compared
  // in place; when it is not, the bucket's rules are keyed by their text (once), so that a bucket of
  // many changed rules is not compared rule by rule (quadratic).
  interface Bucket { readonly rules: RuleModel[]; next: number; byText?: Map<string, RuleModel[]> }
  const same: Pair[] = [];
  const buckets = new Map<string, Bucket>();
  const bucketOf = (r: RuleModel) => `${r.kind}|${r.award ?? ''}`;
  for (const r of translated) {
    if (!keepNew(r)) continue;
    const b = buckets.get(bucketOf(r));
    if (b) b.rules.push(r);
    else buckets.set(bucketOf(r), { rules: [r], next: 0 });
  }
  const pairedNew = new Set<number>();
  const pairedOld = new Set<number>();
  const unpaired = (r: RuleModel | undefined) => r !== undefined && !pairedNew.has(r.index);
  for (const o of oldModel.rules) {
    if (!keepOld(o)) continue;
    const b = buckets.get(bucketOf(o));
    if (!b) continue;
    while (b.next < b.rules.length && !unpaired(b.rules[b.next])) b.next++;
    let n = b.rules[b.next];
    if (!n || !sameRule(o, n)) {
      if (!b.byText) {
        b.byText = new Map();
        for (const r of b.rules.slice(b.next)) {
          if (!unpaired(r)) continue;
          const list = b.byText.get(essence(r));
          if (list) list.push(r);
          else b.byText.set(essence(r), [r]);
        }
      }
      const list = b.byText.get(essence(o));
      while (list?.length && !unpaired(list[0])) list.shift();
      n = list?.shift();
    }
    if (!n) continue;
    same.push({ old: o.index, new: n.index, identical: true });
    pairedOld.add(o.index);
    pairedNew.add(n.index);
  }
  const include = { old: (r: RuleModel) => keepOld(r) && !pairedOld.has(r.index), new: (r: RuleModel) => keepNew(r) && !pairedNew.has(r.index) };
  return { alignment, toOld, translated, pairs: [...same, ...matchRules(oldModel, translated, include)] };
}

export function diffDocuments(oldSide: DiffSide, newSide: DiffSide, options: DiffOptions = {}): DiffResult {
  const oldModel = oldSide.doc.model;
  const newModel = newSide.doc.model;
  const { alignment, toOld, translated, pairs } = pairRules(oldModel, newModel, options);
  const only = alignment.only;

  const ref = referenceDay(newModel) ?? referenceDay(oldModel) ?? newModel.notice.issued ?? oldModel.notice.issued ?? parseDay('2024-01-01')!;
  const awards = only ? [...only.old] : [...new Set([...oldModel.awards.map((a) => a.id), ...newModel.awards.map((a) => toOld.award(a.id))])];
  const ctx: DiffContext = { oldModel, newModel, oldLines: oldSide.doc.lines, newLines: newSide.doc.lines, alignment, ref, awards, toOld };
  const runner = new RuleRunner(ctx);
  const writer = new WitnessWriter(oldModel, newModel);
  // Rule ids for every rule (cheap); sentences only for the rules that changed.
  const oldIds = ruleIds(oldModel.rules);
  const newIds = ruleIds(newModel.rules);
  const refOf = (side: DiffSide, ids: readonly string[], r: RuleModel): RuleRef => {
    const m = side.doc.model;
    const text = { zh: explainRule(m, r, 'zh'), en: explainRule(m, r, 'en') };
    const line = side.doc.lines.position(r.span.start).line + 1;
    return { index: r.index, id: ids[r.index]!, tags: r.tags, ...(r.clause ? { clause: r.clause } : {}), kind: r.kind, ...(r.award ? { award: r.award } : {}), text, line };
  };

  const changes: RuleChange[] = [];
  let unchanged = 0;
  for (const p of pairs) {
    const o = p.old !== undefined ? oldModel.rules[p.old] : undefined;
    const n = p.new !== undefined ? newModel.rules[p.new] : undefined;
    const t = p.new !== undefined ? translated[p.new] : undefined;
    if (p.identical || (o && t && sameRule(o, t))) { unchanged++; continue; }
    const described = describePair(o ? { model: oldModel, rule: o } : undefined, n ? { model: newModel, rule: n } : undefined, t);
    const trial = tryPair(ctx, runner, o, n, t);
    const witnesses = [trial.stricter, trial.looser, trial.renoted].filter((d) => d !== undefined).map((d) => writer.witness(d, (o ?? n)!.kind));
    let kind: ChangeKind;
    if (!o) kind = 'added';
    else if (!n) kind = 'removed';
    else if (trial.renoted || (trial.stricter && trial.looser)) kind = 'changed';
    else if (trial.stricter) kind = 'tightened';
    else if (trial.looser) kind = 'loosened';
    // No case fares differently: whatever changed is wording or form, not meaning.
    else kind = 'reworded';
    if (kind === 'reworded' && described.details.length === 0 && described.wording.length === 0) { unchanged++; continue; }
    changes.push({
      kind, ...(o ? { old: refOf(oldSide, oldIds, o) } : {}), ...(n ? { new: refOf(newSide, newIds, n) } : {}), ...(p.by ? { matchedBy: p.by } : {}),
      summary: described.summary, details: kind === 'reworded' ? [...described.details, ...described.wording] : described.details, witnesses, exhaustive: trial.exhaustive,
    });
  }
  // In the new file's order; removed rules after, in the old file's order.
  changes.sort((a, b) => (a.new ? a.new.index : 1e9 + a.old!.index) - (b.new ? b.new.index : 1e9 + b.old!.index));

  const counts = { added: 0, removed: 0, tightened: 0, loosened: 0, changed: 0, reworded: 0, unchanged };
  for (const c of changes) counts[c.kind]++;
  return {
    old: fileRef(oldSide), new: fileRef(newSide), renames: alignment.renames, notice: noticeChanges(oldModel, newModel), changes, counts,
  };
}

function fileRef(s: DiffSide) {
  const n = s.doc.model.notice;
  return { file: s.file, ...(n.code ? { code: n.code } : {}), ...(n.title ? { title: n.title } : {}) };
}

function noticeChanges(o: Model, n: Model): NoticeChange[] {
  const out: NoticeChange[] = [];
  const day = (d: Day | undefined) => (d === undefined ? undefined : formatDay(d));
  const push = (what: NoticeChange['what'], before: string | undefined, after: string | undefined) => {
    if (before !== after) out.push({ what, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
  };
  push('reference', day(referenceDay(o)), day(referenceDay(n)));
  push('code', o.notice.code, n.notice.code);
  push('title', o.notice.title, n.notice.title);
  push('issued', day(o.notice.issued), day(n.notice.issued));
  push('issuers', o.notice.issuers.join('、') || undefined, n.notice.issuers.join('、') || undefined);
  return out;
}

/** Whether a diff found any change in meaning (the exit code of `awardc diff`). */
export function hasSemanticChange(d: DiffResult): boolean {
  return d.changes.some((c) => c.kind !== 'reworded') || d.notice.some((c) => c.what === 'reference');
}
