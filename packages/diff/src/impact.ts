/**
 * What a change of rules does to a real slate: both rule files run on it (the reference interpreter),
 * and every nominee whose verdict flips, and every finding about the whole slate that appears or
 * disappears, is listed with the findings that make the difference, each tagged with its rule.
 */
import { ruleInfos, type AwardDocument } from '@awardrules/language';
import { createReferenceValidator } from '@awardrules/interpreter';
import type { Finding, Localized, ValidationOptions } from '@awardrules/runtime';
import type { DiffResult, Verdict } from './types.js';

export interface Cause {
  /** The rule's tag (or id), with what the diff says of it: "#J23-CAP-1 (tightened)". */
  readonly rule: string;
  readonly appears: boolean;
  readonly message: Localized;
}

export interface NomineeImpact {
  readonly id: string;
  readonly name: string;
  readonly row?: number;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly because: readonly Cause[];
}

export interface SlateImpact {
  readonly rule: string;
  readonly appears: boolean;
  readonly message: Localized;
}

export interface ImpactResult {
  readonly slate: string;
  readonly nominees: number;
  readonly nomineeChanges: readonly NomineeImpact[];
  readonly slateChanges: readonly SlateImpact[];
}

const RANK: Record<string, number> = { passes: 0, warning: 1, fails: 2 };

/**
 * `oldInput` and `newInput` are the same slate read for each rule file (their columns may differ).
 * Findings are told apart by rule tag and measured text, so a finding the change did not touch cancels out.
 */
export function impactOf(oldDoc: AwardDocument, newDoc: AwardDocument, diff: DiffResult, slate: string, oldInput: unknown, newInput: unknown, options: ValidationOptions = {}): ImpactResult {
  const before = createReferenceValidator(oldDoc.model, oldDoc.lines)(oldInput, options);
  const after = createReferenceValidator(newDoc.model, newDoc.lines)(newInput, options);
  const kindOf = new Map<string, string>();
  for (const c of diff.changes) {
    if (c.old) kindOf.set(`old:${c.old.id}`, c.kind);
    if (c.new) kindOf.set(`new:${c.new.id}`, c.kind);
  }
  const oldTags = new Map(ruleInfos(oldDoc.model, oldDoc.lines).map((i) => [i.id, i.tags[0] ?? i.id]));
  const newTags = new Map(ruleInfos(newDoc.model, newDoc.lines).map((i) => [i.id, i.tags[0] ?? i.id]));
  const label = (side: 'old' | 'new', f: Finding) => {
    const tag = (side === 'old' ? oldTags : newTags).get(f.rule) ?? f.rule;
    const kind = kindOf.get(`${side}:${f.rule}`);
    return `#${tag}${kind ? ` (${kind})` : ''}`;
  };
  // What a finding says, apart from which file's rule says it.
  const key = (f: Finding) => `${f.kind}|${f.severity}|${f.measured?.en ?? f.message.en}`;
  const relevant = (f: Finding) => f.rule !== 'data' && f.severity !== 'info';

  const byNominee = (findings: readonly Finding[]) => {
    const m = new Map<string, Finding[]>();
    for (const f of findings) if (f.nominee && relevant(f)) m.set(f.nominee.id, [...(m.get(f.nominee.id) ?? []), f]);
    return m;
  };
  const verdict = (fs: readonly Finding[] | undefined): Verdict => (fs?.some((f) => f.severity === 'error') ? 'fails' : fs?.length ? 'warning' : 'passes');
  const oldBy = byNominee(before.findings);
  const newBy = byNominee(after.findings);
  const refs = new Map<string, { id: string; name: string; row?: number }>();
  for (const f of [...before.findings, ...after.findings]) if (f.nominee) refs.set(f.nominee.id, f.nominee);

  const nomineeChanges: NomineeImpact[] = [];
  for (const [id, ref] of refs) {
    const o = oldBy.get(id) ?? [];
    const n = newBy.get(id) ?? [];
    const vb = verdict(o);
    const va = verdict(n);
    if (RANK[vb] === RANK[va]) continue;
    const oldKeys = new Set(o.map(key));
    const newKeys = new Set(n.map(key));
    const because: Cause[] = [
      ...n.filter((f) => !oldKeys.has(key(f))).map((f) => ({ rule: label('new', f), appears: true, message: f.message })),
      ...o.filter((f) => !newKeys.has(key(f))).map((f) => ({ rule: label('old', f), appears: false, message: f.message })),
    ];
    nomineeChanges.push({ id, name: ref.name, ...(ref.row !== undefined ? { row: ref.row } : {}), before: vb, after: va, because });
  }
  nomineeChanges.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.id.localeCompare(b.id));

  const slateOnly = (fs: readonly Finding[]) => fs.filter((f) => !f.nominee && f.rule !== 'data');
  const oldSlate = slateOnly(before.findings);
  const newSlate = slateOnly(after.findings);
  const slateChanges: SlateImpact[] = [
    ...newSlate.filter((f) => !oldSlate.some((g) => key(g) === key(f))).map((f) => ({ rule: label('new', f), appears: true, message: f.message })),
    ...oldSlate.filter((f) => !newSlate.some((g) => key(g) === key(f))).map((f) => ({ rule: label('old', f), appears: false, message: f.message })),
  ];
  return { slate, nominees: after.summary.nominees, nomineeChanges, slateChanges };
}
