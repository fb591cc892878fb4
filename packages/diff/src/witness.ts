/**
 * Witnesses in words: who the tried nominee is ("职级：正处级；一线：是；本单位公示 2024-03-04..2024-03-08")
 * or what the slate holds ("100 名，其中 12 名 职级：正处级"), and how it fared before and after.
 */
import { parseDay, valueText, type FieldSchema, type Localized } from '@awardrules/runtime';
import { slateSchema, type Model } from '@awardrules/language';
import type { Candidate } from './candidate.js';
import type { Difference } from './compare.js';
import type { Verdict, Witness } from './types.js';

const L = (en: string, zh: string): Localized => ({ en, zh });

export class WitnessWriter {
  private readonly fields: Map<string, FieldSchema>;

  constructor(private readonly oldModel: Model, private readonly newModel: Model) {
    // Labels from the old file, and from the new one for fields only it has.
    this.fields = new Map([...slateSchema(newModel).fields, ...slateSchema(oldModel).fields].map((f) => [f.id, f]));
  }

  private award(id: string | undefined): Localized | undefined {
    const a = this.oldModel.awards.find((x) => x.id === id);
    return a ? L(a.en ?? a.zh ?? a.id, a.zh ?? a.id) : undefined;
  }

  /** The parts of a nominee that the rule looked at. */
  nominee(c: Candidate, kind?: string): Localized {
    const parts: Localized[] = [];
    for (const [id, raw] of c.values) {
      const f = this.fields.get(id);
      if (!f) continue;
      const v = f.kind === 'set' && Array.isArray(raw) ? new Set(raw)
        : f.kind === 'events' && Array.isArray(raw) ? (raw as { kind: string; date: string }[]).map((e) => ({ kind: e.kind, day: parseDay(e.date) }))
          : (f.kind === 'date' || f.kind === 'tenure') && typeof raw === 'string' ? parseDay(raw)
            : f.kind === 'enum' && raw && typeof raw === 'object' ? { ...(raw as object), validUntil: parseDay((raw as { validUntil: string }).validUntil) }
              : raw;
      const text = valueText(f, v);
      parts.push(L(`${f.label.en}: ${text.en}`, `${f.label.zh}：${text.zh}`));
    }
    if (c.publicity && c.publicity.length === 0 || (!c.publicity && kind === 'publicity')) parts.push(L('no publicity on record', '无公示记录'));
    for (const p of c.publicity ?? []) parts.push(L(`publicity at ${p.level}${p.unit ? ` (${p.unit})` : ''} ${p.start}..${p.end}`, `${p.level === 'unit' ? '本单位' : p.level}公示${p.unit ? `（${p.unit}）` : ''} ${p.start}..${p.end}`));
    if (c.submitted) for (const [stage, day] of Object.entries(c.submitted)) {
      const label = this.stageLabel(stage);
      parts.push(L(`reached “${label}” on ${day}`, `“${label}”于 ${day}`));
    }
    if (!c.submitted && (kind === 'deadline' || kind === 'publicity')) parts.push(L('not submitted yet', '尚未报送'));
    if (c.focus) {
      const m = c.materials?.[c.focus];
      const label = this.materialLabel(c.focus);
      if (!m) parts.push(L(`${label}: missing`, `${label}：缺少`));
      else {
        const bits = [m.chars !== undefined ? L(`${m.chars} characters`, `${m.chars}字`) : undefined, m.copies !== undefined ? L(`${m.copies} copies`, `${m.copies}份`) : undefined,
          m.electronic === false ? L('no electronic copy', '无电子版') : undefined, m.fileName ? L(m.fileName, m.fileName) : m.format ? L(`.${m.format}`, `.${m.format}`) : undefined,
          m.bytes !== undefined ? L(`${Math.round(m.bytes / 1024)} KB`, `${Math.round(m.bytes / 1024)} KB`) : undefined].filter((x): x is Localized => !!x);
        parts.push(L(`${label}: ${bits.map((b) => b.en).join(', ')}`, `${label}：${bits.map((b) => b.zh).join('，')}`));
      }
    }
    if (parts.length === 0) return L('any nominee', '任一推荐对象');
    return L(parts.map((p) => p.en).join('; '), parts.map((p) => p.zh).join('；'));
  }

  private stageLabel(id: string): string {
    return (this.oldModel.stages.find((s) => s.id === id) ?? this.newModel.stages.find((s) => s.id === id))?.label ?? id;
  }

  private materialLabel(id: string): string {
    for (const m of [this.oldModel, this.newModel]) {
      for (const r of m.rules) if (r.kind === 'material') { const item = r.items.find((x) => x.id === id); if (item) return item.label ?? id; }
    }
    return id;
  }

  slate(list: readonly Candidate[]): Localized {
    const groups = new Map<string, { c: Candidate; n: number; selected: number }>();
    for (const c of list) {
      const key = JSON.stringify([c.award, [...c.values]]);
      const g = groups.get(key) ?? { c, n: 0, selected: 0 };
      g.n++;
      if (c.selected) g.selected++;
      groups.set(key, g);
    }
    const parts = [...groups.values()].map(({ c, n, selected }) => {
      const { publicity: _p, materials: _m, focus: _f, ...rest } = c;
      const who = this.nominee(rest);
      const award = this.award(c.award);
      const sel = selected === n ? L('all selected', '均拟表彰') : selected === 0 ? L('none selected', '均未拟表彰') : L(`${selected} selected`, `${selected} 名拟表彰`);
      return L(`${n} × (${award ? `${award.en}; ` : ''}${who.en}; ${sel.en})`, `${n} 名（${award ? `${award.zh}；` : ''}${who.zh}；${sel.zh}）`);
    });
    return L(`a slate of ${list.length}: ${parts.map((p) => p.en).join(' + ')}`, `共 ${list.length} 名：${parts.map((p) => p.zh).join(' + ')}`);
  }

  witness(d: Difference, ruleKind: string): Witness {
    return {
      kind: d.kind,
      description: d.kind === 'slate' ? this.slate(d.candidates) : this.nominee(d.candidates[0]!, ruleKind),
      before: d.before,
      after: d.after,
      ...(d.noteBefore ? { noteBefore: noteText(d.noteBefore) } : {}),
      ...(d.noteAfter ? { noteAfter: noteText(d.noteAfter) } : {}),
      input: d.input,
    };
  }
}

function noteText(s: string): Localized {
  switch (s) {
    case 'exempt': return L('not counted against the quota', '不占名额');
    case 'counted': return L('counted against the quota', '占名额');
    case 'preferred': return L('preferred', '优先');
    case 'not preferred': return L('not preferred', '不在优先之列');
    default: return L(s, s);
  }
}

export function verdictText(v: Verdict): Localized {
  switch (v) {
    case 'passes': return L('passes', '符合');
    case 'warning': return L('a warning', '警告');
    case 'fails': return L('fails', '不符合');
    case 'undecided': return L('cannot be decided', '无法判定');
  }
}
