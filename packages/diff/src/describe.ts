/**
 * What differs between two versions of a rule, part by part ("cap 县处级: ≤10% → ≤15% of recommended"),
 * each side worded in its own file's names. Parts are compared in the old file's vocabulary; a part
 * that differs only in wording (an attest item's text, a material's label) is reported as wording.
 */
import { formatDay } from '@awardrules/runtime';
import { Phrases, predKey, type Locale, type Model, type Pred, type RuleModel } from '@awardrules/language';
import type { Localized } from '@awardrules/runtime';

export interface Described {
  readonly summary: Localized;
  readonly details: readonly Localized[];
  /** Parts that differ in wording only. */
  readonly wording: readonly Localized[];
}

const OPS: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=' };

type Side = { readonly model: Model; readonly rule: RuleModel };

/** Both languages of a phrase built from one side's Phrases. */
function both(side: Side, f: (ph: Phrases, zh: boolean) => string): Localized {
  return { zh: f(new Phrases(side.model, 'zh'), true), en: f(new Phrases(side.model, 'en'), false) };
}

function change(label: Localized, before: Localized, after: Localized): Localized {
  return { zh: `${label.zh}：${before.zh} → ${after.zh}`, en: `${label.en}: ${before.en} → ${after.en}` };
}

const L = (en: string, zh: string): Localized => ({ en, zh });

function stageName(model: Model, id: string | undefined): string {
  if (!id) return '—';
  return model.stages.find((s) => s.id === id)?.label ?? id;
}

function awardName(model: Model, id: string | undefined, zh: boolean): string {
  if (!id) return zh ? '全部奖项' : 'all awards';
  const a = model.awards.find((x) => x.id === id);
  return zh ? (a?.zh ?? id) : (a?.en ?? a?.zh ?? id);
}

/** A short name for what a rule is about: "比例：职级为县处级", "publicity at unit". */
export function subjectOf(side: Side): Localized {
  const r = side.rule;
  return both(side, (ph, zh) => {
    const award = r.award ? (zh ? `（${awardName(side.model, r.award, true)}）` : ` (${awardName(side.model, r.award, false)})`) : '';
    const body = (() => {
      switch (r.kind) {
        case 'scope': return zh ? '评选范围' : 'scope';
        case 'exclude': return zh ? '不参加评选' : 'exclusion';
        case 'require': return zh ? '推荐条件' : 'requirement';
        case 'attest': return zh ? '定性条件' : 'attested conditions';
        case 'cap': return zh ? `比例：${ph.pred(r.selector)}` : `cap on ${ph.pred(r.selector)}`;
        case 'quota': return zh ? `表彰名额${r.per ? `（每个${ph.field(r.per)}）` : ''}` : `quota${r.per ? ` per ${ph.field(r.per)}` : ''}`;
        case 'recommend': return zh ? `推荐名额${r.per ? `（每个${ph.field(r.per)}）` : ''}` : `recommendations${r.per ? ` per ${ph.field(r.per)}` : ''}`;
        case 'exempt': return zh ? '不占名额' : 'exemption from quota';
        case 'route': return zh ? `分级负责：${ph.field(r.field)}` : `routing of ${ph.field(r.field)}`;
        case 'publicity': return zh ? `${ph.value('publicity-level', r.level)}公示` : `publicity at ${ph.value('publicity-level', r.level)}`;
        case 'consult': return zh ? '征求意见' : 'consultation';
        case 'deadline': return zh ? `截止日期：${stageName(side.model, r.stage)}` : `deadline: ${stageName(side.model, r.stage)}`;
        case 'material': return zh ? `申报材料：${r.items.map((m) => m.label ?? m.id).join('、')}` : `materials: ${r.items.map((m) => m.label ?? m.id).join(', ')}`;
        case 'prefer': return zh ? '优先推荐' : 'preference';
      }
    })();
    return `${body}${award}`;
  });
}

/** `oldSide` and `newSide` in their own vocabularies; `translated` is the new rule in the old vocabulary. */
export function describePair(oldSide: Side | undefined, newSide: Side | undefined, translated: RuleModel | undefined): Described {
  if (!oldSide || !newSide || !translated) {
    const side = (oldSide ?? newSide)!;
    return { summary: subjectOf(side), details: [], wording: [] };
  }
  const o = oldSide.rule;
  const n = newSide.rule;
  const details: Localized[] = [];
  const wording: Localized[] = [];
  const pred = (side: Side, p: Pred) => both(side, (ph) => ph.pred(p));
  const predChange = (label: Localized, a: Pred | undefined, b: Pred | undefined, tb: Pred | undefined) => {
    if ((a ? predKey(a) : '') === (tb ? predKey(tb) : '')) return;
    const none = L('—', '—');
    details.push(change(label, a ? pred(oldSide, a) : none, b ? pred(newSide, b) : none));
  };

  if (o.kind !== n.kind) details.push(change(L('kind', '规则类型'), L(o.kind, o.kind), L(n.kind, n.kind)));
  if (o.severity !== n.severity) {
    const sev = (s: string) => (s === 'error' ? L('must (error)', '必须（错误）') : s === 'warning' ? L('in principle (warning)', '原则上（警告）') : L('note', '提示'));
    details.push(change(L('force', '约束力'), sev(o.severity), sev(n.severity)));
  }
  if ((o.award ?? '') !== (translated.award ?? '')) {
    details.push(change(L('applies to', '适用奖项'), L(awardName(oldSide.model, o.award, false), awardName(oldSide.model, o.award, true)), L(awardName(newSide.model, n.award, false), awardName(newSide.model, n.award, true))));
  }
  predChange(L('applies where', '适用对象'), o.condition.k === 'const' ? undefined : o.condition, n.condition.k === 'const' ? undefined : n.condition, translated.condition.k === 'const' ? undefined : translated.condition);

  switch (o.kind) {
    case 'scope': case 'exclude': case 'require': {
      if (n.kind !== 'scope' && n.kind !== 'exclude' && n.kind !== 'require') break;
      const t = translated as typeof n;
      predChange(L('condition', '条件'), o.pred, n.pred, t.pred);
      predChange(L('unless', '除外情形'), o.kind === 'scope' ? undefined : o.unless, n.kind === 'scope' ? undefined : n.unless, t.kind === 'scope' ? undefined : t.unless);
      break;
    }
    case 'attest': {
      if (n.kind !== 'attest') break;
      const flat = (g: Extract<RuleModel, { kind: 'attest' }>['group']): string => `${g.mode}(${g.entries.map((e) => (e.kind === 'item' ? e.id : flat(e))).join(',')})`;
      const items = (g: Extract<RuleModel, { kind: 'attest' }>['group']): Map<string, string> => new Map(g.entries.flatMap((e) => (e.kind === 'item' ? [[e.id, e.text ?? e.id] as [string, string]] : [...items(e)])));
      const oi = items(o.group);
      const ni = items(n.group);
      const added = [...ni.keys()].filter((k) => !oi.has(k));
      const removed = [...oi.keys()].filter((k) => !ni.has(k));
      if (added.length) details.push(L(`added: ${added.map((k) => ni.get(k)).join('; ')}`, `新增：${added.map((k) => ni.get(k)).join('；')}`));
      if (removed.length) details.push(L(`removed: ${removed.map((k) => oi.get(k)).join('; ')}`, `删除：${removed.map((k) => oi.get(k)).join('；')}`));
      if (!added.length && !removed.length && flat(o.group) !== flat(n.group)) details.push(L('grouping of all of / any of changed', '“全部/之一”的组合方式改变'));
      for (const [k, text] of ni) if (oi.has(k) && oi.get(k) !== text) wording.push(change(L(`wording of ${k}`, `${k} 的表述`), L(oi.get(k)!, oi.get(k)!), L(text, text)));
      break;
    }
    case 'cap': {
      if (n.kind !== 'cap' || translated.kind !== 'cap') break;
      predChange(L('group', '对象'), o.selector, n.selector, translated.selector);
      const bound = (r: typeof o, side: Side) => (r.bound === 'controlled' ? L('strictly controlled', '从严控制') : L(`${OPS[r.bound.op]}${r.bound.percent}% of ${r.total.which}${r.total.award ? ` in ${awardName(side.model, r.total.award, false)}` : ''}`, `${OPS[r.bound.op]}${r.total.award ? awardName(side.model, r.total.award, true) : ''}${r.total.which === 'recommended' ? '推荐总数' : '评选总数'}的${r.bound.percent}%`));
      const sameBound = JSON.stringify(o.bound) === JSON.stringify(translated.bound) && o.total.which === translated.total.which && (o.total.award ?? '') === (translated.total.award ?? '');
      if (!sameBound) details.push(change(L('share', '比例'), bound(o, oldSide), bound(n, newSide)));
      if ((o.per ?? '') !== (translated.per ?? '')) details.push(change(L('counted per', '分别计算'), both(oldSide, (ph) => (o.per ? ph.field(o.per) : '—')), both(newSide, (ph) => (n.per ? ph.field(n.per) : '—'))));
      break;
    }
    case 'quota': case 'recommend': {
      if ((n.kind !== 'quota' && n.kind !== 'recommend') || (translated.kind !== 'quota' && translated.kind !== 'recommend')) break;
      const amount = (r: typeof o, side: Side): Localized => {
        const a = r.amount;
        const op = OPS[r.op]!;
        if (a.kind === 'number') return L(`${op}${a.value}`, `${op}${a.value}`);
        if (a.kind === 'share-of-quota') return L(`${op}${a.percent}% of the quota`, `${op}表彰名额的${a.percent}%`);
        const t = side.model.tables.find((x) => x.id === a.table);
        return L(`${op} the table “${t?.label ?? a.table}”`, `${op}“${t?.label ?? a.table}”`);
      };
      const ao = o.amount; const an = n.amount;
      if (o.op !== n.op || ao.kind !== an.kind || (ao.kind === 'number' && an.kind === 'number' && ao.value !== an.value) || (ao.kind === 'share-of-quota' && an.kind === 'share-of-quota' && ao.percent !== an.percent)) {
        details.push(change(L('limit', '名额'), amount(o, oldSide), amount(n, newSide)));
      }
      if (ao.kind === 'table' && an.kind === 'table') details.push(...tableChanges(oldSide, newSide, ao, an));
      if ((o.per ?? '') !== (translated.per ?? '')) details.push(change(L('counted per', '分别计算'), both(oldSide, (ph) => (o.per ? ph.field(o.per) : '—')), both(newSide, (ph) => (n.per ? ph.field(n.per) : '—'))));
      if (o.kind === 'recommend' && n.kind === 'recommend' && translated.kind === 'recommend') predChange(L('counting', '计入对象'), o.where.k === 'const' ? undefined : o.where, n.where.k === 'const' ? undefined : n.where, translated.where.k === 'const' ? undefined : translated.where);
      break;
    }
    case 'exempt': case 'prefer': {
      if ((n.kind !== 'exempt' && n.kind !== 'prefer') || (translated.kind !== 'exempt' && translated.kind !== 'prefer')) break;
      predChange(L('who', '对象'), o.pred, n.pred, translated.pred);
      if (o.kind === 'prefer' && n.kind === 'prefer' && (o.text ?? '') !== (n.text ?? '')) wording.push(change(L('wording', '表述'), L(o.text ?? '—', o.text ?? '—'), L(n.text ?? '—', n.text ?? '—')));
      break;
    }
    case 'route': {
      if (n.kind !== 'route' || translated.kind !== 'route') break;
      const text = (side: Side, r: typeof o) => both(side, (ph, zh) => r.cases.map((c) => `${ph.pred(c.when)} → ${ph.value(ph.enumOfField(r.field) ?? '', c.target)}`).join(zh ? '；' : '; '));
      const key = (r: typeof o) => r.cases.map((c) => `${predKey(c.when)}>${c.target}`).join('|');
      if (key(o) !== key(translated)) details.push(change(L('routes', '分流'), text(oldSide, o), text(newSide, n)));
      break;
    }
    case 'publicity': {
      if (n.kind !== 'publicity' || translated.kind !== 'publicity') break;
      const len = (r: typeof o) => L(`${OPS[r.op]}${r.duration.amount} ${r.duration.unit === 'workdays' ? 'working days' : 'days'}`, `${OPS[r.op]}${r.duration.amount}${r.duration.unit === 'workdays' ? '个工作日' : '日'}`);
      if (o.op !== n.op || o.duration.amount !== n.duration.amount || o.duration.unit !== n.duration.unit) details.push(change(L('length', '时长'), len(o), len(n)));
      if (o.level !== n.level) details.push(change(L('where', '范围'), both(oldSide, (ph) => ph.value('publicity-level', o.level)), both(newSide, (ph) => ph.value('publicity-level', n.level))));
      if (o.each !== n.each) details.push(change(L('at each unit', '每个所在单位'), L(o.each ? 'yes' : 'no', o.each ? '是' : '否'), L(n.each ? 'yes' : 'no', n.each ? '是' : '否')));
      if ((o.after ?? '') !== (translated.after ?? '')) details.push(change(L('after', '之后'), L(stageName(oldSide.model, o.after), stageName(oldSide.model, o.after)), L(stageName(newSide.model, n.after), stageName(newSide.model, n.after))));
      if ((o.before ?? '') !== (translated.before ?? '')) details.push(change(L('before', '之前'), L(stageName(oldSide.model, o.before), stageName(oldSide.model, o.before)), L(stageName(newSide.model, n.before), stageName(newSide.model, n.before))));
      break;
    }
    case 'consult': {
      if (n.kind !== 'consult' || translated.kind !== 'consult') break;
      const names = (side: Side, ids: readonly string[]) => both(side, (ph, zh) => ids.map((d) => ph.value('department', d)).join(zh ? '、' : ', '));
      const added = translated.departments.filter((d) => !o.departments.includes(d));
      const removed = o.departments.filter((d) => !translated.departments.includes(d));
      if (added.length) details.push({ zh: `新增：${names(oldSide, added).zh}`, en: `added: ${names(oldSide, added).en}` });
      if (removed.length) details.push({ zh: `删除：${names(oldSide, removed).zh}`, en: `removed: ${names(oldSide, removed).en}` });
      break;
    }
    case 'deadline': {
      if (n.kind !== 'deadline') break;
      if (translated.kind === 'deadline' && o.stage !== translated.stage) {
        details.push(change(L('stage', '环节'), L(stageName(oldSide.model, o.stage), stageName(oldSide.model, o.stage)), L(stageName(newSide.model, n.stage), stageName(newSide.model, n.stage))));
      }
      if (o.date !== n.date) details.push(change(L('date', '日期'), L(formatDay(o.date), formatDay(o.date)), L(formatDay(n.date), formatDay(n.date))));
      break;
    }
    case 'material': {
      if (n.kind !== 'material' || translated.kind !== 'material') break;
      const byId = new Map(o.items.map((m) => [m.id, m]));
      for (const [i, t] of translated.items.entries()) {
        const m = byId.get(t.id);
        const nm = n.items[i]!;
        if (!m) { details.push(L(`added: ${nm.label ?? nm.id}`, `新增：${nm.label ?? nm.id}`)); continue; }
        const parts: [string, string, unknown, unknown][] = [
          ['required', '必交', m.required, t.required], ['characters', '字数', m.chars, t.chars], ['copies', '份数', m.copies, t.copies],
          ['format', '格式', m.formats, t.formats], ['size', '大小', m.sizeBytes, t.sizeBytes], ['file name', '文件名', m.namePattern, t.namePattern],
          ['electronic copy', '电子版', m.electronic, t.electronic],
        ];
        for (const [en, zh, a, b] of parts) {
          if (JSON.stringify(a) === JSON.stringify(b)) continue;
          details.push(change(L(`${m.label ?? m.id}, ${en}`, `${m.label ?? m.id}${zh}`), L(materialPart(a), materialPart(a)), L(materialPart(b), materialPart(b))));
        }
        if ((m.label ?? '') !== (t.label ?? '')) wording.push(change(L('name', '名称'), L(m.label ?? m.id, m.label ?? m.id), L(t.label ?? t.id, t.label ?? t.id)));
      }
      for (const m of o.items) if (!translated.items.some((t) => t.id === m.id)) details.push(L(`removed: ${m.label ?? m.id}`, `删除：${m.label ?? m.id}`));
      break;
    }
  }
  const subject = subjectOf(newSide);
  const first = details.slice(0, 2);
  const summary = first.length ? { zh: `${subject.zh} — ${first.map((d) => d.zh).join('；')}`, en: `${subject.en} — ${first.map((d) => d.en).join('; ')}` } : subject;
  return { summary, details, wording };
}

function materialPart(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : (x as { text?: string; field?: string }).text ?? `{${(x as { field: string }).field}}`)).join(v.every((x) => typeof x === 'string') ? '/' : '');
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('about' in o) return `≈${o['about']}`;
    if ('op' in o) return `${OPS[o['op'] as string]}${o['value']}`;
    if ('min' in o) return `${Math.round(Number(o['min']) / 1024)}–${Math.round(Number(o['max']) / 1024)} KB`;
  }
  return String(v);
}

function tableChanges(oldSide: Side, newSide: Side, a: { table: string; column: number }, b: { table: string; column: number }): Localized[] {
  const to = oldSide.model.tables.find((t) => t.id === a.table);
  const tn = newSide.model.tables.find((t) => t.id === b.table);
  if (!to || !tn) return [];
  const label = (side: Side, enumId: string, key: string): Localized => ({ zh: new Phrases(side.model, 'zh').value(enumId, key), en: new Phrases(side.model, 'en').value(enumId, key) });
  const out: Localized[] = [];
  const oldRows = new Map(to.rows.map((r) => [label(oldSide, to.keyEnum, r.key).zh, { v: r.values[a.column], l: label(oldSide, to.keyEnum, r.key) }]));
  const newRows = new Map(tn.rows.map((r) => [label(newSide, tn.keyEnum, r.key).zh, { v: r.values[b.column], l: label(newSide, tn.keyEnum, r.key) }]));
  for (const [k, n] of newRows) {
    const o = oldRows.get(k);
    if (o?.v === n.v) continue;
    out.push({ zh: `${n.l.zh}：${o?.v ?? '—'} → ${n.v ?? '—'}`, en: `${n.l.en}: ${o?.v ?? '—'} → ${n.v ?? '—'}` });
  }
  for (const [k, o] of oldRows) if (!newRows.has(k)) out.push({ zh: `${o.l.zh}：${o.v} → —`, en: `${o.l.en}: ${o.v} → —` });
  return out;
}

export type { Locale };
