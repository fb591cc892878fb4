/**
 * The first pass: everything a rule can refer to. The notice header, vocabulary additions, fields,
 * awards, stages and quota tables are declared before any rule is read, so order in the file does not
 * matter for references.
 */
import { parseDay, type Day } from '@awardrules/runtime';
import { parse as parseCsv } from 'csv-parse/sync';
import type * as A from '../syntax/ast.js';
import { spanOf } from '../syntax/ast.js';
import { englishLabel, nameKey } from '../vocabulary/names.js';
import type { FieldType, Group, Term } from '../vocabulary/types.js';
import { propName, RECORD_PROPERTIES } from '../model/properties.js';
import type { NoticeModel, StageModel } from '../model/types.js';
import type { MessageArg } from '../diagnostics/diagnostic.js';
import { hintText } from '../diagnostics/messages.js';
import { KIND_LABELS, type CheckContext, type MutableEnum } from './context.js';

export function dayOf(d: A.DateLit | undefined): Day | undefined {
  return d ? parseDay(d.text) : undefined;
}

export function declareAll(ctx: CheckContext, file: A.FileNode): NoticeModel {
  const notices = file.items.filter((i): i is A.NoticeDecl => i.kind === 'notice');
  for (const extra of notices.slice(1)) ctx.report('AR2017', extra);
  if (notices.length === 0) ctx.report('AR2016', { start: 0, end: 0 });

  for (const item of file.items) {
    if (item.kind === 'enum') declareEnum(ctx, item);
  }
  for (const item of file.items) {
    if (item.kind === 'extend') declareExtension(ctx, item);
  }
  for (const item of file.items) {
    if (item.kind === 'field') declareField(ctx, item);
    else if (item.kind === 'award') declareAward(ctx, item);
  }
  declareStages(ctx, file);
  for (const item of file.items) {
    if (item.kind === 'table') declareTable(ctx, item);
  }
  return noticeModel(ctx, notices[0]);
}

function noticeModel(ctx: CheckContext, n: A.NoticeDecl | undefined): NoticeModel {
  if (!n) return { issuers: [] };
  for (const r of n.repeated) ctx.report('AR2018', r, r.key);
  const issued = dayOf(n.issued);
  let reference: NoticeModel['reference'];
  if (n.reference?.date) {
    const day = dayOf(n.reference.date);
    if (day !== undefined) reference = { kind: 'date', day };
  } else if (n.reference?.stage) {
    const stage = ctx.findStage(n.reference.stage);
    if (stage) reference = { kind: 'stage', stage: stage.id };
  }
  if (n.tagPrefix) {
    ctx.declare(n.tagPrefix, 'tags', n.tagPrefix.text);
    if (/^[A-Za-z0-9]+$/.test(n.tagPrefix.text)) ctx.tagPrefix = n.tagPrefix.text;
    else ctx.report('AR3022', n.tagPrefix, n.tagPrefix.text);
  }
  return {
    issuers: n.issuers.map((t) => t.value),
    ...(n.code ? { code: n.code.value } : {}),
    ...(n.title ? { title: n.title.value } : {}),
    ...(issued !== undefined ? { issued } : {}),
    ...(n.tagPrefix ? { tagPrefix: n.tagPrefix.text } : {}),
    ...(reference ? { reference } : {}),
    span: spanOf(n),
  };
}

// ── vocabulary ──────────────────────────────────────────────────────────────────────────────
function termOf(t: A.TermDecl): Term {
  return {
    id: t.name.text,
    zh: t.zh?.value ?? t.name.text,
    ...(t.en ? { en: t.en.value } : {}),
    ...(t.aliases.length ? { aliases: t.aliases.map((a) => a.value) } : {}),
  };
}

function declareEnum(ctx: CheckContext, d: A.EnumDecl): void {
  if (!d.name) return;
  const existing = ctx.enums.get(d.name.text);
  if (existing) {
    ctx.report(existing.span ? 'AR2003' : 'AR2015', d.name, d.name.text);
    return;
  }
  const e = ctx.addEnum({ id: d.name.text, zh: d.zh?.value ?? d.name.text, ...(d.en ? { en: d.en.value } : {}), ordered: d.ordered });
  e.span = spanOf(d.name);
  ctx.declare(d.name, 'enum', e.def.id);
  addTerms(ctx, e, d.terms, true);
}

function declareExtension(ctx: CheckContext, d: A.ExtendDecl): void {
  if (!d.target) return;
  const e = ctx.findEnum(d.target);
  if (e) addTerms(ctx, e, d.terms, !!e.span);
}

/** Adds declared values to an enumeration; `ownScale` is true for a scale this file declares itself. */
function addTerms(ctx: CheckContext, e: MutableEnum, terms: readonly A.TermDecl[], ownScale: boolean): void {
  for (const t of terms) {
    const term = termOf(t);
    if (t.equals) {
      const refs = resolveSet(ctx, e.def.id, t.equals);
      if (!refs) continue;
      const single = !t.equals.braced && t.equals.items.length === 1 && !t.equals.items[0]!.to && refs.kinds.length === 1;
      const clash = single
        ? e.addAliases({ kind: refs.kinds[0]!, id: refs.ids[0]!, members: refs.members }, [term.id, term.zh, ...(term.en ? [term.en] : []), ...(term.aliases ?? [])])
        : e.addGroup({ ...term, members: refs.members } satisfies Group);
      if (clash) reportClash(ctx, e, t, clash);
      else {
        ctx.declare(t.name, single ? refs.kinds[0]! : 'group', e.def.id, single ? refs.ids[0]! : term.id);
        if (!single) e.declared.set(term.id, spanOf(t.name));
      }
      continue;
    }
    if (e.def.ordered && !ownScale) {
      const sample = e.values[Math.floor(e.values.length / 2)]?.id ?? 'x';
      ctx.report('AR2030', t.name, e.def.id, t.name.text, sample);
      continue;
    }
    const clash = e.addValue(term);
    if (clash) reportClash(ctx, e, t, clash);
    else {
      e.declared.set(term.id, spanOf(t.name));
      ctx.declare(t.name, 'value', e.def.id, term.id);
    }
  }
}

function reportClash(ctx: CheckContext, e: MutableEnum, t: A.TermDecl, clash: { spelling: string; existing: { id: string } }): void {
  const where = { en: englishLabel(e.def), zh: e.def.zh };
  if (clash.existing.id === t.name.text) ctx.report('AR2003', t.name, t.name.text);
  else ctx.report('AR2004', t.name, clash.spelling, ctx.describeValue(e.def.id, clash.existing.id), where);
}

/** Resolves `{a, b..c}` / `a` / `a..b` in an enumeration to the values it covers. */
export function resolveSet(ctx: CheckContext, enumId: string, set: A.ValueSet): { ids: string[]; kinds: ('value' | 'group')[]; members: string[] } | undefined {
  const e = ctx.enums.get(enumId);
  if (!e) return undefined;
  const ids: string[] = [];
  const kinds: ('value' | 'group')[] = [];
  const members = new Set<string>();
  let ok = true;
  for (const item of set.items) {
    const from = valueName(ctx, item.from);
    const to = item.to ? valueName(ctx, item.to) : undefined;
    if (!from || (item.to && !to)) { ok = false; continue; }
    const a = ctx.resolveValue(enumId, from);
    const b = to ? ctx.resolveValue(enumId, to) : undefined;
    if (!a || (to && !b)) { ok = false; continue; }
    if (b) {
      if (!e.def.ordered) { ctx.report('AR2006', item, { en: englishLabel(e.def), zh: e.def.zh }, '..', hintText('unordered-list')); ok = false; continue; }
      const lo = Math.min(...a.members.map((m) => e.position(m)));
      const hi = Math.max(...b.members.map((m) => e.position(m)));
      if (lo > hi) { ctx.report('AR2024', item, from.text, to!.text); ok = false; continue; }
      for (let i = lo; i <= hi; i++) members.add(e.values[i]!.id);
      ids.push(a.id); kinds.push('value');
    } else {
      ids.push(a.id); kinds.push(a.kind);
      for (const m of a.members) members.add(m);
    }
  }
  if (!ok) return undefined;
  // In enumeration order. A set of one value (most are) is in order already: no need to go through
  // every value of the list (a region list has dozens) for it.
  const ordered = members.size === 1 ? [...members] : e.values.filter((v) => members.has(v.id)).map((v) => v.id);
  return { ids, kinds, members: ordered };
}

/** A value used where a name is expected; numbers and dates are reported as not names. */
export function valueName(ctx: CheckContext, v: A.Value): A.Name | undefined {
  if (v.kind === 'name') return v.name;
  if (v.kind === 'bool') return { text: v.value ? 'yes' : 'no', quoted: false, start: v.start, end: v.end };
  ctx.report('AR2014', v, v.kind === 'date' ? v.date.text : `${v.quantity.amount.text}${v.quantity.unit ?? ''}`, { en: 'a name', zh: '名称' });
  return undefined;
}

// ── fields ──────────────────────────────────────────────────────────────────────────────────
function declareField(ctx: CheckContext, d: A.FieldDecl): void {
  if (!d.name || !d.type) return;
  const type = fieldType(ctx, d.type);
  if (!type) return;
  const field = {
    id: d.name.text, zh: d.zh?.value ?? d.name.text, ...(d.en ? { en: d.en.value } : {}),
    ...(d.aliases.length ? { aliases: d.aliases.map((a) => a.value) } : {}), type, span: spanOf(d.name),
  };
  // Two ids that a slate would spell alike (`foo-bar`, `fooBar`) would share a property of its records.
  const prop = propName(field.id);
  const holder = ctx.fieldWithProperty(prop);
  if (holder !== undefined && holder !== field.id) {
    ctx.report('AR2038', d.name, field.id, prop, { en: `the field '${holder}'`, zh: `数据项“${holder}”` });
  } else if (RECORD_PROPERTIES.includes(prop)) {
    ctx.report('AR2038', d.name, field.id, prop, prop === 'row'
      ? { en: "the nominee's spreadsheet row", zh: '推荐对象在表格中的行号' }
      : { en: 'whether the nominee is selected', zh: '是否入选' });
  }
  const clash = ctx.addField(field);
  if (!clash) { ctx.declare(d.name, 'field', field.id); return; }
  const other = ctx.fields.get(clash.existing)!;
  if (!other.span) ctx.report('AR2031', d.name, clash.spelling, other.id);
  else if (nameKey(other.id) === nameKey(field.id)) ctx.report('AR2003', d.name, d.name.text);
  // `field serving2 "在职"` when `serving` is 在职 already: point at the name that clashes, and say whose it is.
  else ctx.report('AR2037', spellingSpan(d, clash.spelling), clash.spelling, KIND_LABELS.field, other.id);
}

/** Where `spelling` is written in a declaration: its id, its Chinese or English label, or an alias. */
function spellingSpan(d: { name?: A.Name; zh?: A.Text; en?: A.Text; aliases?: readonly A.Text[] }, spelling: string): A.Span {
  const key = nameKey(spelling);
  const texts = [d.zh, d.en, ...(d.aliases ?? [])].filter((t): t is A.Text => !!t);
  if (d.name && nameKey(d.name.text) === key) return d.name;
  return texts.find((t) => nameKey(t.value) === key) ?? d.name ?? { start: 0, end: 0 };
}

function fieldType(ctx: CheckContext, t: A.TypeExpr): FieldType | undefined {
  switch (t.kind) {
    case 'bool': case 'number': case 'percent': case 'text': case 'date': return { kind: t.kind };
    case 'tenure': return { kind: 'tenure' };
    case 'duration': return { kind: 'duration', unit: t.unit };
    case 'enum': case 'set': case 'events': {
      if (!t.name) return undefined;
      const e = ctx.findEnum(t.name);
      if (!e) return undefined;
      return t.kind === 'enum'
        ? { kind: 'enum', enum: e.def.id, ...(t.validity ? { validity: true } : {}) }
        : { kind: t.kind, enum: e.def.id };
    }
  }
}

// ── awards and stages ───────────────────────────────────────────────────────────────────────
function declareAward(ctx: CheckContext, d: A.AwardDecl): void {
  if (!d.name) return;
  let kind: 'collective' | 'individual' | undefined;
  if (d.target) {
    const ref = ctx.enums.get('nominee-kind')!.lookup(d.target.text);
    if (ref?.id === 'collective' || ref?.id === 'individual') {
      kind = ref.id;
      ctx.refer(d.target, 'value', 'nominee-kind', ref.id);
    } else ctx.report('AR2022', d.target, d.target.text);
  }
  const award = {
    id: d.name.text, ...(d.zh ? { zh: d.zh.value } : {}), ...(d.en ? { en: d.en.value } : {}),
    kind: kind ?? 'individual', span: spanOf(d.name),
  } as const;
  const clash = ctx.addAward(award);
  if (clash) {
    if (nameKey(clash.existing) === nameKey(award.id)) ctx.report('AR2003', d.name, d.name.text);
    else ctx.report('AR2037', spellingSpan(d, clash.spelling), clash.spelling, KIND_LABELS.award, clash.existing);
    return;
  }
  ctx.declare(d.name, 'award', award.id);
  const e = ctx.enums.get('award')!;
  e.addValue({ id: award.id, zh: award.zh ?? award.id, ...(award.en ? { en: award.en } : {}) });
}

/**
 * Stages come from `stage` declarations and `deadline` rules, in file order, at the top level. A
 * deadline names a stage declared before it by its id, its name or an `aka`; another name declares a
 * stage of its own.
 */
function declareStages(ctx: CheckContext, file: A.FileNode): void {
  const found: { name: A.Name; label?: A.Text; aliases: readonly A.Text[]; deadline: boolean }[] = [];
  for (const item of file.items) {
    if (item.kind === 'stage' && item.name) found.push({ name: item.name, ...(item.label ? { label: item.label } : {}), aliases: item.aliases, deadline: false });
    if (item.kind === 'rule' && item.body?.kind === 'deadline' && item.body.stage) {
      found.push({ name: item.body.stage, ...(item.body.label ? { label: item.body.label } : {}), aliases: [], deadline: true });
    }
  }
  // The ids and names of the stage declarations are claimed first, so that no stage's other name
  // takes one declared after it.
  const names = new Map<string, string>();
  for (const f of found) if (!f.deadline && !names.has(nameKey(f.name.text))) claimNames(names, f.name.text, f.label?.value);
  for (const f of found) {
    const key = nameKey(f.name.text);
    const existing = f.deadline ? ctx.stages.get(names.get(key) ?? '') : [...ctx.stages.values()].find((s) => nameKey(s.id) === key);
    if (existing) {
      // `stage x` then `deadline x by …` is one stage; the deadline is attached when the rule is read.
      ctx.refer(f.name, 'stage', existing.id);
      const more = claimAliases(ctx, names, existing.id, f.aliases, KIND_LABELS.stage);
      if (more.length) ctx.stages.set(existing.id, { ...existing, aliases: [...(existing.aliases ?? []), ...more] });
      continue;
    }
    claimNames(names, f.name.text, f.label?.value);
    const aliases = claimAliases(ctx, names, f.name.text, f.aliases, KIND_LABELS.stage);
    const stage: StageModel = {
      id: f.name.text, ...(f.label ? { label: f.label.value } : {}), ...(aliases.length ? { aliases } : {}), order: ctx.stages.size, span: spanOf(f.name),
    };
    ctx.stages.set(stage.id, stage);
    ctx.declare(f.name, 'stage', stage.id);
  }
}

/** Claims a stage's or material's id and name in `names` (by name key, the id it names), where no other has them. */
export function claimNames(names: Map<string, string>, id: string, label: string | undefined): void {
  for (const s of [id, label]) if (s !== undefined && !names.has(nameKey(s))) names.set(nameKey(s), id);
}

/**
 * The other names (`aka`) of a stage or material, each claimed in `names` (by name key, the id it
 * names): one that already names another of its kind is reported (AR2037) and left out, and one it
 * has already (its id, its name, or an `aka` of a line before) is left out.
 */
export function claimAliases(ctx: CheckContext, names: Map<string, string>, id: string, aliases: readonly A.Text[], kind: MessageArg): string[] {
  const kept: string[] = [];
  for (const a of aliases) {
    const key = nameKey(a.value);
    const owner = names.get(key);
    if (owner !== undefined && owner !== id) { ctx.report('AR2037', a, a.value, kind, owner); continue; }
    if (owner === id) continue;
    names.set(key, id);
    kept.push(a.value);
  }
  return kept;
}

// ── quota tables ────────────────────────────────────────────────────────────────────────────
function declareTable(ctx: CheckContext, d: A.TableDecl): void {
  if (!d.name) return;
  if (ctx.tables.has(d.name.text)) { ctx.report('AR2003', d.name, d.name.text); return; }
  const keyField = d.keyField ? ctx.findField(d.keyField) : undefined;
  if (d.keyField && keyField && keyField.type.kind !== 'enum') {
    ctx.report('AR2014', d.keyField, d.keyField.text, { en: 'a field with a list of values (such as region)', zh: '有取值表的数据项（如地区）' });
    return;
  }
  if (!keyField || keyField.type.kind !== 'enum') return;
  const keyEnum = keyField.type.enum;
  let columns: string[] = d.columns.map((c) => columnName(ctx, c));
  let rows: { key: string; values: number[] }[] = [];

  let complete = true;
  let present: ReadonlySet<string> | undefined;
  if (d.source) {
    // A table that cannot be read is still declared, so rules using it are not reported as well.
    const loaded = loadCsvTable(ctx, d.source, keyEnum);
    if (loaded) ({ columns, rows, present } = loaded);
    else { complete = false; ctx.brokenTables.add(d.name.text); }
  } else {
    const seen = new Map<string, A.Span>();
    for (const r of d.rows) {
      if (!r.key) continue;
      const ref = ctx.resolveValue(keyEnum, r.key);
      if (!ref) continue;
      if (seen.has(ref.id)) { ctx.report('AR2003', r.key, r.key.text); continue; }
      seen.set(ref.id, r.key);
      if (r.values.length !== columns.length) ctx.report('AR2026', r, r.key.text, r.values.length, columns.length);
      for (const v of r.values) if (Number.isFinite(v.value) && (!Number.isInteger(v.value) || v.value < 0)) ctx.report('AR2023', v, v.text);
      rows.push({ key: ref.id, values: r.values.map((v) => v.value) });
    }
  }
  if (complete) reportMissingRows(ctx, d, keyEnum, present ?? new Set(rows.map((r) => r.key)));
  ctx.tables.set(d.name.text, {
    id: d.name.text, ...(d.label ? { label: d.label.value } : {}), ...(d.clause ? { clause: d.clause.text } : {}),
    keyField: keyField.id, keyEnum, columns, rows, ...(d.source ? { source: d.source.value } : {}), span: spanOf(d.name),
  });
  ctx.declare(d.name, 'table', d.name.text);
}

/** A column named after an award is that award's column. */
function columnName(ctx: CheckContext, c: A.Name): string {
  const a = [...ctx.awards.values()].find((x) => nameKey(x.id) === nameKey(c.text) || (x.zh && nameKey(x.zh) === nameKey(c.text)));
  if (a) ctx.refer(c, 'award', a.id);
  return a ? a.id : c.text;
}

function reportMissingRows(ctx: CheckContext, d: A.TableDecl, keyEnum: string, have: ReadonlySet<string>): void {
  const e = ctx.enums.get(keyEnum);
  if (!e?.def.perNotice || !d.name) return;
  for (const v of e.values) if (!have.has(v.id)) ctx.report('AR3011', d.name, d.name.text, v.zh);
}

/** The table's columns and rows; `present` lists every key that has a row, readable or not. */
function loadCsvTable(ctx: CheckContext, source: A.Text, keyEnum: string): { columns: string[]; rows: { key: string; values: number[] }[]; present: ReadonlySet<string> } | undefined {
  const path = resolvePath(ctx.options.fileName, source.value);
  const text = ctx.options.readFile?.(path);
  if (text === undefined) {
    ctx.report('AR2019', source, source.value, { en: 'file not found or not readable', zh: '文件不存在或无法读取' });
    return undefined;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    ctx.report('AR2029', source, source.value, err.lines ?? 1, err.message ?? String(e));
    return undefined;
  }
  const [header, ...body] = records;
  if (!header) {
    ctx.report('AR2029', source, source.value, 1, { en: 'the file is empty', zh: '文件为空' });
    return undefined;
  }
  const columns = header.record.slice(1).map((c) => {
    const a = [...ctx.awards.values()].find((x) => nameKey(x.id) === nameKey(c) || (x.zh && nameKey(x.zh) === nameKey(c)));
    return a ? a.id : c;
  });
  const e = ctx.enums.get(keyEnum)!;
  const rows: { key: string; values: number[] }[] = [];
  const seen = new Set<string>();
  for (const { record, info } of body) {
    const [key = '', ...cells] = record;
    const ref = e.lookup(key);
    if (!ref || ref.kind !== 'value') {
      ctx.report('AR2029', source, source.value, info.lines, { en: `unknown ${englishLabel(e.def)} '${key}'`, zh: `未知的${e.def.zh}“${key}”` });
      continue;
    }
    if (seen.has(ref.id)) {
      ctx.report('AR2029', source, source.value, info.lines, { en: `'${key}' appears twice`, zh: `“${key}”重复出现` });
      continue;
    }
    seen.add(ref.id);
    const values = cells.map(Number);
    if (values.length !== columns.length || values.some((v) => !Number.isInteger(v) || v < 0)) {
      ctx.report('AR2029', source, source.value, info.lines, {
        en: `expected ${columns.length} whole number(s) after '${key}'`, zh: `“${key}”之后应有 ${columns.length} 个整数`,
      });
      continue;
    }
    rows.push({ key: ref.id, values });
  }
  return { columns, rows, present: seen };
}

function resolvePath(fileName: string | undefined, relative: string): string {
  if (/^([A-Za-z]:)?[\\/]/.test(relative) || !fileName) return relative;
  const dir = fileName.replace(/[\\/][^\\/]*$/, '');
  return dir === fileName ? relative : `${dir}/${relative}`;
}

