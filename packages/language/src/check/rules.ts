/**
 * The second pass: every rule, inside awards and `when` blocks, resolved into the model. A rule with
 * any problem is reported and left out, so later stages only ever see rules that mean something.
 */
import type * as A from '../syntax/ast.js';
import { spanOf } from '../syntax/ast.js';
import { and, TRUE, type Pred } from '../model/predicate.js';
import type { Amount, AttestGroupModel, AttestItemModel, AwardModel, MaterialModel, NamePart, RuleModel } from '../model/types.js';
import { hintText } from '../diagnostics/messages.js';
import { KIND_LABELS, type CheckContext } from './context.js';
import { claimAliases, claimNames, dayOf, resolveSet } from './declarations.js';
import { resolvePred } from './predicates.js';
import { unitWord } from './types.js';

type Common = Omit<Extract<RuleModel, { kind: 'scope' }>, 'kind' | 'pred'>; // what every rule carries besides its body

interface Where {
  readonly award?: AwardModel;
  readonly condition: Pred;
  /** The other names of values that the enclosing `when` conditions use (see RuleModel.wording). */
  readonly wording?: ReadonlyMap<string, string>;
  /** False once an enclosing condition failed to resolve: inner rules are still checked, not kept. */
  readonly valid: boolean;
  readonly topLevel: boolean;
}

export function resolveRules(ctx: CheckContext, file: A.FileNode): RuleModel[] {
  claimMaterialNames(ctx, file);
  const rules: RuleModel[] = [];
  const walk = (statements: readonly A.Statement[], where: Where) => {
    for (const s of statements) {
      if (s.kind === 'when') {
        const { result: c, wording } = ctx.collectWording(() => resolvePred(ctx, s.pred));
        const inner = wording.size ? new Map([...(where.wording ?? []), ...wording]) : where.wording;
        walk(s.body, { ...where, condition: c ? and(where.condition, c) : where.condition, valid: where.valid && !!c, topLevel: false, ...(inner ? { wording: inner } : {}) });
        continue;
      }
      const r = resolveRule(ctx, s, where, rules.length);
      if (r && where.valid) rules.push(r);
    }
  };
  for (const item of file.items) {
    if (item.kind === 'award') {
      const award = item.name ? ctx.awards.get(item.name.text) : undefined;
      walk(item.body, award ? { award, condition: TRUE, valid: true, topLevel: false } : { condition: TRUE, valid: false, topLevel: false });
    } else if (item.kind === 'rule' || item.kind === 'when') {
      walk([item], { condition: TRUE, valid: true, topLevel: true });
    }
  }
  return rules;
}

/**
 * Every material's id and name, claimed before any material is read, so that no material's other name
 * (`aka`) takes one that a material further down the file has (AR2037).
 */
function claimMaterialNames(ctx: CheckContext, file: A.FileNode): void {
  const walk = (statements: readonly A.Statement[]) => {
    for (const s of statements) {
      if (s.kind === 'when') { walk(s.body); continue; }
      if (s.body?.kind !== 'material') continue;
      for (const item of s.body.items) if (item.name) claimNames(ctx.materialNames, item.name.text, item.label?.value);
    }
  };
  for (const item of file.items) {
    if (item.kind === 'award') walk(item.body);
    else if (item.kind === 'rule' || item.kind === 'when') walk([item]);
  }
}

function resolveRule(ctx: CheckContext, r: A.Rule, where: Where, index: number): RuleModel | undefined {
  const b = r.body;
  if (!b) return undefined;
  for (const t of r.tags) {
    ctx.declare(t, 'tag', t.text);
    checkTagForm(ctx, t);
  }
  const soft = !!r.soft;
  const controlled = b.kind === 'cap' && b.controlled;
  if (soft && b.kind === 'prefer') ctx.report('AR3018', r.soft!, 'prefer', hintText('soft-prefer'));
  if (soft && controlled) ctx.report('AR3018', r.soft!, 'cap … controlled', hintText('soft-controlled'));
  const { result: body, wording } = ctx.collectWording(() => resolveBody(ctx, b, where));
  if (!body) return undefined;
  const rule = body as Record<string, unknown>;
  rule['index'] = index;
  rule['soft'] = soft;
  rule['severity'] = b.kind === 'prefer' ? 'info' : soft || controlled ? 'warning' : 'error';
  rule['tags'] = r.tags.map((t) => t.text);
  if (r.clause) rule['clause'] = r.clause.text;
  rule['span'] = spanOf(r);
  if (where.award) rule['award'] = where.award.id;
  rule['condition'] = where.condition;
  if (wording.size || where.wording?.size) rule['wording'] = Object.fromEntries([...(where.wording ?? []), ...wording]);
  return rule as unknown as RuleModel;
}

/** Catalog kinds a tag may name (the middle part of J23-CAP-1). */
export const TAG_KINDS = ['SCOPE', 'QUOTA', 'EXCLUDE', 'CAP', 'REQUIRE', 'ATTEST', 'PUBLICITY', 'CONSULT', 'DEADLINE', 'MATERIAL', 'PRIORITY', 'ROUTE'] as const;

/** The catalog kind of the constraints each kind of rule encodes (`recommend` and `exempt` are about quotas). */
export const TAG_KIND_OF_RULE: Readonly<Record<RuleModel['kind'], (typeof TAG_KINDS)[number]>> = {
  scope: 'SCOPE', exclude: 'EXCLUDE', require: 'REQUIRE', attest: 'ATTEST', cap: 'CAP', quota: 'QUOTA', recommend: 'QUOTA',
  exempt: 'QUOTA', route: 'ROUTE', publicity: 'PUBLICITY', consult: 'CONSULT', deadline: 'DEADLINE', material: 'MATERIAL', prefer: 'PRIORITY',
};

/**
 * Where the kind of a tag written PREFIX-KIND-N ends (at the second '-'), or -1 if it is not written
 * so: what `/^([A-Za-z0-9]+)-([A-Z]+)-(\d+)$/` accepts, without a regular expression (one per tag
 * was a noticeable part of checking a large file). The prefix ends at the first '-'.
 */
function kindEnd(tag: string): number {
  const a = tag.indexOf('-');
  const b = a < 0 ? -1 : tag.indexOf('-', a + 1);
  if (a < 1 || b < a + 2 || b === tag.length - 1) return -1;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const digit = c >= 48 && c <= 57;
    const ok = i < a ? upper || digit || (c >= 97 && c <= 122) : i === a || i === b ? true : i < b ? upper : digit;
    if (!ok) return -1;
  }
  return b;
}

/** The parts of a tag written PREFIX-KIND-N (`J23-CAP-1` → J23, CAP, 1). */
export function tagParts(tag: string): readonly [prefix: string, kind: string, n: string] | undefined {
  const b = kindEnd(tag);
  if (b < 0) return undefined;
  const a = tag.indexOf('-');
  return [tag.slice(0, a), tag.slice(a + 1, b), tag.slice(b + 1)];
}

/** Whether `tag` names a catalog kind from `from` to `to`. */
function isTagKind(tag: string, from: number, to: number): boolean {
  for (const k of TAG_KINDS) if (k.length === to - from && tag.startsWith(k, from)) return true;
  return false;
}

/** Checks a tag's form without taking it apart: a large file has one or more tags on every rule. */
function checkTagForm(ctx: CheckContext, t: A.TagRef): void {
  const tag = t.text;
  const b = kindEnd(tag);
  const a = tag.indexOf('-');
  const prefix = ctx.tagPrefix;
  if (b < 0) {
    ctx.report('AR3005', t, `#${tag}`, { en: 'a tag is written PREFIX-KIND-N, e.g. #J23-CAP-1', zh: '条目编号的格式为 前缀-类别-序号，例如 #J23-CAP-1' });
  } else if (prefix && (a !== prefix.length || !tag.startsWith(prefix))) {
    ctx.report('AR3005', t, `#${tag}`, { en: `this notice's tags start with ${prefix}-`, zh: `本通知的条目编号以 ${prefix}- 开头` });
  } else if (!isTagKind(tag, a + 1, b)) {
    const kind = tag.slice(a + 1, b);
    ctx.report('AR3005', t, `#${tag}`, { en: `'${kind}' is not a catalog kind (${TAG_KINDS.join(', ')})`, zh: `“${kind}”不是目录中的类别（${TAG_KINDS.join('、')}）` });
  } else if (ctx.options.catalog && !ctx.options.catalog.has(tag)) {
    ctx.report('AR3006', t, `#${tag}`);
  }
}

type Body = DistributiveOmit<RuleModel, keyof Common>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function resolveBody(ctx: CheckContext, b: A.RuleBody, where: Where): Body | undefined {
  switch (b.kind) {
    case 'scope': case 'exempt': {
      const pred = resolvePred(ctx, b.pred);
      return pred && { kind: b.kind, pred };
    }
    case 'exclude': case 'require': {
      const pred = resolvePred(ctx, b.pred);
      const unless = b.unless ? resolvePred(ctx, b.unless) : undefined;
      if (!pred || (b.unless && !unless)) return undefined;
      return { kind: b.kind, pred, ...(unless ? { unless } : {}) };
    }
    case 'prefer': {
      const pred = resolvePred(ctx, b.pred);
      return pred && { kind: 'prefer', pred, ...(b.text ? { text: b.text.value } : {}) };
    }
    case 'attest': {
      const group = b.group && attestGroup(ctx, b.group);
      return group && { kind: 'attest', group };
    }
    case 'cap': return cap(ctx, b);
    case 'quota': case 'recommend': return count(ctx, b, where);
    case 'route': return route(ctx, b);
    case 'publicity': return publicity(ctx, b);
    case 'consult': {
      const r = b.departments && resolveSet(ctx, 'department', b.departments);
      return r && { kind: 'consult', departments: r.members };
    }
    case 'deadline': return deadline(ctx, b, where);
    case 'material': return material(ctx, b);
  }
}

function attestGroup(ctx: CheckContext, g: A.AttestGroup): AttestGroupModel | undefined {
  let ok = !!g.mode;
  const entries: (AttestItemModel | AttestGroupModel)[] = [];
  for (const e of g.entries) {
    if (e.kind === 'group') {
      const sub = attestGroup(ctx, e);
      if (sub) entries.push(sub); else ok = false;
      continue;
    }
    if (!e.name) { ok = false; continue; }
    const id = e.name.text;
    if (ctx.conditionTexts.has(id)) {
      // The same condition again (another award asks for it too): the same id, and the same wording or none.
      const earlier = ctx.conditionTexts.get(id);
      if (e.text && e.text.value !== earlier) { ctx.report('AR2003', e.name, id); ok = false; continue; }
      ctx.refer(e.name, 'value', 'condition', id);
      entries.push({ kind: 'item', id, ...(earlier !== undefined ? { text: earlier } : {}), span: spanOf(e.name) });
      continue;
    }
    ctx.conditionTexts.set(id, e.text?.value);
    ctx.enums.get('condition')!.addValue({ id, zh: e.text?.value ?? id });
    ctx.declare(e.name, 'value', 'condition', id);
    entries.push({ kind: 'item', id, ...(e.text ? { text: e.text.value } : {}), span: spanOf(e.name) });
  }
  return ok && g.mode ? { kind: 'group', mode: g.mode, entries } : undefined;
}

function perField(ctx: CheckContext, name: A.Name | undefined): { id: string } | undefined | false {
  if (!name) return undefined;
  const f = ctx.findField(name);
  if (!f) return false;
  if (f.type.kind !== 'enum' && f.type.kind !== 'text') {
    ctx.report('AR2014', name, name.text, { en: 'a field to group nominees by (such as region or recommender)', zh: '可用于分组的数据项（如地区或推荐单位）' });
    return false;
  }
  return { id: f.id };
}

function cap(ctx: CheckContext, b: Extract<A.RuleBody, { kind: 'cap' }>): Body | undefined {
  const selector = resolvePred(ctx, b.pred);
  const per = perField(ctx, b.per);
  const award = b.total?.award ? ctx.findAward(b.total.award) : undefined;
  if (b.controlled) {
    return selector && { kind: 'cap', selector, bound: 'controlled', total: { which: 'recommended' } };
  }
  let ok = !!selector && per !== false && !(b.total?.award && !award) && !!b.total?.which && !!b.op && !!b.percent;
  if (b.op === '!=') { ctx.report('AR2033', b, '!=', 'cap', '<=, <, >=, >, ='); ok = false; }
  if (b.percent && !(b.percent.value >= 0 && b.percent.value <= 100)) { ctx.report('AR2008', b.percent, b.percent.text); ok = false; }
  if (!ok) return undefined;
  return {
    kind: 'cap', selector: selector!, bound: { op: b.op as Exclude<A.CmpOp, '!='>, percent: b.percent!.value },
    total: { which: b.total!.which!, ...(award ? { award: award.id } : {}) }, ...(per ? { per: per.id } : {}),
  };
}

function count(ctx: CheckContext, b: Extract<A.RuleBody, { kind: 'quota' | 'recommend' }>, where: Where): Body | undefined {
  const per = perField(ctx, b.per);
  const wherePred = b.kind === 'recommend' && b.where ? resolvePred(ctx, b.where) : undefined;
  let ok = per !== false && !!b.op && !!b.amount && !(b.kind === 'recommend' && b.where && !wherePred);
  if (b.op === '!=') { ctx.report('AR2033', b, '!=', b.kind, '<=, <, >=, >, ='); ok = false; }
  let amount: Amount | undefined;
  const a = b.amount;
  if (a?.kind === 'number') {
    if (Number.isFinite(a.value.value) && (!Number.isInteger(a.value.value) || a.value.value < 0)) { ctx.report('AR2023', a.value, a.value.text); ok = false; }
    amount = { kind: 'number', value: a.value.value };
  } else if (a?.kind === 'share-of-quota') {
    if (b.kind === 'quota' || !where.award) { ctx.report('AR2035', a, `${a.percent.text}% of quota`); ok = false; }
    amount = { kind: 'share-of-quota', percent: a.percent.value };
  } else if (a?.kind === 'table') {
    const table = ctx.findTable(a.table);
    if (!table || ctx.brokenTables.has(table.id)) ok = false;
    else {
      const column = table.columns.length === 1 ? 0 : where.award ? table.columns.indexOf(where.award.id) : -1;
      if (column < 0 && !where.award) { ctx.report('AR2021', b, `${b.kind} … ${table.id}`, { en: 'inside an award, since the table has a column per award', zh: '奖项之内（名额表按奖项分列）' }); ok = false; }
      else if (column < 0) { ctx.report('AR2020', a.table, table.id, where.award!.id); ok = false; }
      if (per && per.id !== table.keyField) { ctx.report('AR2014', b.per!, b.per!.text, { en: `the key of table ${table.id} (${table.keyField})`, zh: `名额表 ${table.id} 的分列依据（${table.keyField}）` }); ok = false; }
      amount = { kind: 'table', table: table.id, column };
    }
  }
  if (!ok || !amount) return undefined;
  const perId = per ? per.id : amount.kind === 'table' ? ctx.tables.get(amount.table)!.keyField : undefined;
  const op = b.op as Exclude<A.CmpOp, '!='>;
  if (b.kind === 'quota') return { kind: 'quota', op, amount, ...(perId ? { per: perId } : {}) };
  return { kind: 'recommend', op, amount, where: wherePred ?? TRUE, ...(perId ? { per: perId } : {}) };
}

function route(ctx: CheckContext, b: Extract<A.RuleBody, { kind: 'route' }>): Body | undefined {
  const f = b.field ? ctx.findField(b.field) : undefined;
  if (f && f.type.kind !== 'enum') {
    ctx.report('AR2014', b.field!, b.field!.text, { en: 'a field with a list of values', zh: '有取值表的数据项' });
  }
  let ok = !!f && f.type.kind === 'enum';
  const cases: { when: Pred; target: string; span: A.Span }[] = [];
  for (const c of b.cases) {
    const when = resolvePred(ctx, c.when);
    const target = f?.type.kind === 'enum' && c.target ? ctx.resolveValue(f.type.enum, c.target) : undefined;
    if (!when || !target) { ok = false; continue; }
    cases.push({ when, target: target.id, span: spanOf(c) });
  }
  return ok ? { kind: 'route', field: f!.id, cases } : undefined;
}

function publicity(ctx: CheckContext, b: Extract<A.RuleBody, { kind: 'publicity' }>): Body | undefined {
  const level = b.level ? ctx.resolveValue('publicity-level', b.level) : undefined;
  const after = b.after ? ctx.findStage(b.after) : undefined;
  const before = b.before ? ctx.findStage(b.before) : undefined;
  let ok = !!level && !(b.after && !after) && !(b.before && !before) && !!b.op && !!b.duration;
  if (b.op && b.op !== '>=' && b.op !== '>' && b.op !== '=') { ctx.report('AR2033', b, b.op, 'publicity', '>=, >, ='); ok = false; }
  const d = b.duration;
  if (d && d.badUnit === undefined) {
    if (d.unit !== 'days' && d.unit !== 'workdays') {
      ctx.report('AR2007', d, { en: 'days or workdays', zh: '日或工作日' }, d.unit ? unitWord(d.unit) : { en: 'a plain number', zh: '不带单位的数字' });
      ok = false;
    } else if (!Number.isFinite(d.amount.value)) ok = false;
    else if (!Number.isInteger(d.amount.value)) { ctx.report('AR2023', d.amount, d.amount.text); ok = false; }
    else if (d.amount.value <= 0) { ctx.report('AR2034', d.amount); ok = false; }
  } else ok = false;
  if (!ok) return undefined;
  return {
    kind: 'publicity', op: b.op as '>=' | '>' | '=', duration: { amount: d!.amount.value, unit: d!.unit as 'days' | 'workdays' },
    level: level!.id, each: b.each, ...(after ? { after: after.id } : {}), ...(before ? { before: before.id } : {}),
  };
}

function deadline(ctx: CheckContext, b: Extract<A.RuleBody, { kind: 'deadline' }>, where: Where): Body | undefined {
  if (!where.topLevel) { ctx.report('AR2021', b, 'deadline', { en: 'at the top level, outside awards and when blocks', zh: '顶层（奖项和 when 之外）' }); return undefined; }
  const date = dayOf(b.date);
  if (!b.stage || date === undefined) return undefined;
  const stage = ctx.stageNamed(b.stage.text);
  if (!stage) return undefined;
  if (stage.deadline !== undefined) { ctx.report('AR3019', b.stage, stage.id); return undefined; }
  ctx.stages.set(stage.id, { ...stage, deadline: date });
  return { kind: 'deadline', stage: stage.id, date };
}

function material(ctx: CheckContext, b: Extract<A.RuleBody, { kind: 'material' }>): Body | undefined {
  let ok = true;
  const items: MaterialModel[] = [];
  for (const item of b.items) {
    const m = materialItem(ctx, item);
    if (m) items.push(m); else ok = false;
  }
  return ok ? { kind: 'material', items } : undefined;
}

function materialItem(ctx: CheckContext, item: A.MaterialItem): MaterialModel | undefined {
  if (!item.name) return undefined;
  const id = item.name.text;
  let ok = true;
  if (ctx.materialSpans.has(id)) { ctx.report('AR2003', item.name, id); ok = false; }
  else { ctx.materialSpans.set(id, spanOf(item.name)); ctx.declare(item.name, 'material', id); }
  const aliases = claimAliases(ctx, ctx.materialNames, id, item.aliases, KIND_LABELS.material);
  const m: { -readonly [K in keyof MaterialModel]?: MaterialModel[K] } = {
    id, required: true, electronic: false, span: spanOf(item.name),
    ...(item.label ? { label: item.label.value } : {}), ...(aliases.length ? { aliases } : {}), ...(item.clause ? { clause: item.clause.text } : {}),
  };
  const whole = (n: A.NumberLit | undefined): number | undefined => {
    if (!n) { ok = false; return undefined; }
    if (!Number.isFinite(n.value)) { ok = false; return undefined; }
    if (!Number.isInteger(n.value) || n.value < 0) { ctx.report('AR2023', n, n.text); ok = false; return undefined; }
    return n.value;
  };
  const opOf = (op: A.CmpOp | undefined, span: A.Span): Exclude<A.CmpOp, '!='> | undefined => {
    if (!op) { ok = false; return undefined; }
    if (op === '!=') { ctx.report('AR2033', span, '!=', 'material', '<=, <, >=, >, ='); ok = false; return undefined; }
    return op;
  };
  for (const r of item.reqs) {
    switch (r.kind) {
      case 'chars': {
        const v = whole(r.value);
        if (v === undefined) break;
        if (r.about) m.chars = { about: v };
        else { const op = opOf(r.op, r); if (op) m.chars = { op, value: v }; }
        break;
      }
      case 'copies': {
        const v = whole(r.value);
        const op = opOf(r.op, r);
        if (v !== undefined && op) m.copies = { op, value: v };
        break;
      }
      case 'format': {
        const set = r.formats && resolveSet(ctx, 'file-format', r.formats);
        if (set) m.formats = set.members; else ok = false;
        break;
      }
      case 'size': {
        const min = whole(r.min);
        const max = whole(r.max);
        if (!r.unit) { if (r.max) ctx.report('AR2007', r, { en: 'KB or MB', zh: 'KB 或 MB' }, { en: 'a plain number', zh: '不带单位的数字' }); ok = false; break; }
        if (min === undefined || max === undefined) break;
        if (min > max) { ctx.report('AR2024', r, min, max); ok = false; break; }
        const scale = r.unit === 'KB' ? 1024 : 1024 * 1024;
        m.sizeBytes = { min: min * scale, max: max * scale };
        break;
      }
      case 'named': {
        const parts = r.pattern && namePattern(ctx, r.pattern);
        if (parts) m.namePattern = parts; else ok = false;
        break;
      }
      case 'electronic': m.electronic = true; break;
      case 'optional': m.required = false; break;
    }
  }
  return ok ? (m as MaterialModel) : undefined;
}

/** `"{name}-{birth-date:yyyyMMdd}"`: literal text and fields, dates with a yyyy/MM/dd pattern. */
function namePattern(ctx: CheckContext, pattern: A.Text): NamePart[] | undefined {
  const parts: NamePart[] = [];
  let ok = true;
  const re = /\{([^{}:]+)(?::([^{}]*))?\}/g;
  // Where a part of the pattern is in the file: just after the opening quote, when the text has no
  // escapes (nearly always); else the whole string.
  const exact = ctx.text.slice(pattern.start + 1, pattern.start + 1 + pattern.value.length) === pattern.value;
  const at = (index: number, length: number): A.Span => (exact ? { start: pattern.start + 1 + index, end: pattern.start + 1 + index + length } : pattern);
  let last = 0;
  for (let m = re.exec(pattern.value); m; m = re.exec(pattern.value)) {
    if (m.index > last) parts.push({ kind: 'text', text: pattern.value.slice(last, m.index) });
    last = m.index + m[0].length;
    const name = m[1]!.trim();
    const nameAt = at(m.index + 1 + m[1]!.indexOf(name), name.length);
    const f = ctx.findField({ text: name, quoted: true, start: nameAt.start, end: nameAt.end }, false);
    if (!f) { ctx.report('AR2025', nameAt, name); ok = false; continue; }
    const format = m[2];
    if (format !== undefined && !/^(yyyy|MM|dd|[-_.\s/])+$/.test(format)) { ctx.report('AR2028', at(m.index + 1 + m[1]!.length + 1, format.length), format); ok = false; continue; }
    parts.push({ kind: 'field', field: f.id, ...(format ? { format } : {}) });
  }
  if (last < pattern.value.length) parts.push({ kind: 'text', text: pattern.value.slice(last) });
  return ok ? parts : undefined;
}
