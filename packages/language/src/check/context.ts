/**
 * The state the checker builds while it reads a file: the vocabulary with the file's additions, the
 * declared fields, awards, stages and tables, and lookups that report unknown names with suggestions.
 * Diagnostics and references are collected here, per document; nothing is global.
 */
import type { WorkdayCalendar } from '@awardrules/runtime';
import { diag, type Diagnostic, type MessageArg, type Suggestion } from '../diagnostics/diagnostic.js';
import { hintText, type MessageCode } from '../diagnostics/messages.js';
import { spanOf, type Name, type Span } from '../syntax/ast.js';
import { digitNameLength, identifierLength, keywordFor } from '../syntax/tokens.js';
import { closestMatches, type Candidate } from '../vocabulary/fuzzy.js';
import { englishLabel, nameKey } from '../vocabulary/names.js';
import { DERIVED_ENUMS, STANDARD_ENUMS, STANDARD_FIELDS } from '../vocabulary/standard.js';
import type { Group, Term } from '../vocabulary/types.js';
import { propName } from '../model/properties.js';
import type { AwardModel, EnumModel, FieldModel, Reference, StageModel, SymbolKey, TableModel } from '../model/types.js';
import type { RememberedCondition } from './predicates.js';

export interface CheckOptions {
  /** Path of the rule file, to find table files named relative to it. */
  readonly fileName?: string;
  /** Reads a file the rule file refers to (a quota table); `undefined` when it cannot be read. */
  readonly readFile?: (path: string) => string | undefined;
  /** The working-day calendar for feasibility checks. */
  readonly calendar?: WorkdayCalendar;
  /** Known catalog tags; when given, tags outside it are reported. */
  readonly catalog?: ReadonlySet<string>;
  /**
   * Whether to list every declaration and use of a name (`model.references`), which navigation in the
   * language server reads. On by default; checks that only want diagnostics leave it off (a large
   * file spends about a tenth of its check on them).
   */
  readonly references?: boolean;
}

/** A resolved enumeration value or group. */
export interface ValueRef {
  readonly kind: 'value' | 'group';
  readonly id: string;
  /** The values it stands for (the value itself, or the group's members). */
  readonly members: readonly string[];
}

export class MutableEnum {
  readonly values: Term[] = [];
  readonly groups: Group[] = [];
  readonly declared = new Map<string, Span>();
  private readonly index = new Map<string, ValueRef>();
  /** Values and groups by id, and each value's place in the list (looked up for every name resolved). */
  private readonly byId = new Map<string, Term>();
  private readonly positions = new Map<string, number>();
  span?: Span;

  constructor(readonly def: { readonly id: string; readonly zh: string; readonly en?: string; readonly ordered: boolean; readonly perNotice?: boolean }) {}

  /** How many values and groups it has: what changes when one is added. */
  get size(): number {
    return this.values.length + this.groups.length;
  }

  /** Adds a value; returns the existing meaning of a clashing spelling, if any. */
  addValue(term: Term): { spelling: string; existing: ValueRef } | undefined {
    const clash = this.clash(term);
    if (clash) return clash;
    this.positions.set(term.id, this.values.length);
    this.values.push(term);
    this.byId.set(term.id, term);
    this.indexTerm(term, { kind: 'value', id: term.id, members: [term.id] });
    return undefined;
  }

  addGroup(group: Group): { spelling: string; existing: ValueRef } | undefined {
    const clash = this.clash(group);
    if (clash) return clash;
    this.groups.push(group);
    if (!this.byId.has(group.id)) this.byId.set(group.id, group);
    this.indexTerm(group, { kind: 'group', id: group.id, members: group.members });
    return undefined;
  }

  /** Adds more spellings to an existing value (`x "新名称" = existing`). */
  addAliases(ref: ValueRef, spellings: readonly string[]): { spelling: string; existing: ValueRef } | undefined {
    for (const s of spellings) {
      const existing = this.index.get(nameKey(s));
      if (existing && existing.id !== ref.id) return { spelling: s, existing };
    }
    for (const s of spellings) this.index.set(nameKey(s), ref);
    return undefined;
  }

  lookup(spelling: string): ValueRef | undefined {
    return this.index.get(nameKey(spelling));
  }

  position(id: string): number {
    return this.positions.get(id) ?? -1;
  }

  term(id: string): Term | undefined {
    return this.byId.get(id);
  }

  candidates(): Candidate<string>[] {
    return [...this.values, ...this.groups].flatMap((t) => spellingsOf(t).map((spelling) => ({ spelling, value: t.id })));
  }

  freeze(): EnumModel {
    return {
      id: this.def.id, zh: this.def.zh, ...(this.def.en ? { en: this.def.en } : {}), ordered: this.def.ordered,
      ...(this.def.perNotice ? { perNotice: true } : {}),
      values: this.values, groups: this.groups, declared: this.declared, ...(this.span ? { span: this.span } : {}),
      spellings: new Map([...this.index].filter(([, ref]) => ref.kind === 'value').map(([k, ref]) => [k, ref.id])),
    };
  }

  private clash(term: Term): { spelling: string; existing: ValueRef } | undefined {
    for (const s of spellingsOf(term)) {
      const existing = this.index.get(nameKey(s));
      if (existing) return { spelling: s, existing };
    }
    return undefined;
  }

  private indexTerm(term: Term, ref: ValueRef): void {
    for (const s of spellingsOf(term)) this.index.set(nameKey(s), ref);
  }
}

const NO_WORDING: ReadonlyMap<string, string> = new Map();

/** The value lists by id, noting which ones are read while something asks (`CheckContext.readingLists`). */
class ValueLists extends Map<string, MutableEnum> {
  read: Set<MutableEnum> | undefined = undefined;

  override get(id: string): MutableEnum | undefined {
    const list = super.get(id);
    if (list !== undefined && this.read !== undefined) this.read.add(list);
    return list;
  }
}

function symbolKey(kind: string, scopeOrId: string, id: string | undefined): SymbolKey {
  return id === undefined ? `${kind}:${scopeOrId}` : `${kind}:${scopeOrId}:${id}`;
}

export function spellingsOf(t: Term): string[] {
  return [t.id, t.zh, ...(t.en ? [t.en] : []), ...(t.aliases ?? [])];
}

/** Whether `s` reads back as this name when written bare: a name, or digits and a name that is not a unit (`3A级`, not `5年`). */
function bare(s: string): boolean {
  if (identifierLength(s, 0) === s.length) return true;
  const digits = /^\d+/.exec(s)?.[0].length ?? 0;
  return digits > 0 && digitNameLength(s, 0) === s.length && keywordFor(s.slice(digits))?.category !== 'unit';
}

/** A name that needs quotes when written back into a file. */
export function spell(s: string): string {
  return bare(s) ? s : JSON.stringify(s);
}

/** How `text` is declared: a bare name with a label, or, when it cannot be a bare name, as the label of one. */
function declarable(text: string): string {
  return bare(text) ? `${text} "…"` : `new-name ${JSON.stringify(text)}`;
}

const KIND_LABELS = {
  field: { en: 'field', zh: '数据项' },
  award: { en: 'award', zh: '奖项' },
  stage: { en: 'stage', zh: '环节' },
  material: { en: 'material', zh: '申报材料' },
  table: { en: 'table', zh: '名额表' },
  enum: { en: 'value list', zh: '取值表' },
} as const;

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly references: Reference[] = [];
  readonly enums = new ValueLists();
  private readonly enumIndex = new Map<string, string>();
  readonly fields = new Map<string, FieldModel>();
  private readonly fieldIndex = new Map<string, string>();
  /** Field ids by the property that holds them in a slate record (`propName`). */
  private readonly fieldByProperty = new Map<string, string>();
  readonly awards = new Map<string, AwardModel>();
  private readonly awardIndex = new Map<string, string>();
  readonly stages = new Map<string, StageModel>();
  readonly tables = new Map<string, TableModel>();
  /** The wording of each attest condition declared, by id (another award may ask for it again, with the same wording or none). */
  readonly conditionTexts = new Map<string, string | undefined>();
  /** Ids of materials already declared, with where. */
  readonly materialSpans = new Map<string, Span>();
  /** The names of the materials declared (id, label, `aka`), by name key: the id each names. */
  readonly materialNames = new Map<string, string>();
  /** Tables whose file could not be read: rules using them are left out without further reports. */
  readonly brokenTables = new Set<string>();
  /** The notice's tag prefix (`tags J23`), once the header is read. */
  tagPrefix: string | undefined;
  /**
   * Conditions already resolved, by their text (see `resolvePred`). Only for a file without syntax
   * errors, where the same text is always the same condition.
   */
  readonly conditions: Map<string, RememberedCondition> | undefined;
  /**
   * While a rule is resolved (`collecting`): the values it names by another of their names, and those
   * names (see RuleModel.wording). Made only when there is one, since most rules have none.
   */
  private wording: Map<string, string> | undefined;
  private collecting = false;

  /** Runs `f`, collecting the other names of values it resolves (see RuleModel.wording). */
  collectWording<T>(f: () => T): { result: T; wording: ReadonlyMap<string, string> } {
    const outer = this.wording;
    const outerCollecting = this.collecting;
    this.wording = undefined;
    this.collecting = true;
    try {
      const result = f();
      return { result, wording: this.collected() ?? NO_WORDING };
    } finally {
      const inner = this.collected();
      this.wording = outer;
      this.collecting = outerCollecting;
      if (inner && outerCollecting) for (const [k, v] of inner) this.noteWording(k, v);
    }
  }

  /** What `f` collected (a method, since TypeScript cannot see that `f` may have set `wording`). */
  private collected(): Map<string, string> | undefined {
    return this.wording;
  }

  /**
   * Runs `f`, with the value lists it read. A resolved condition depends on these and on the
   * declarations of fields, awards, stages and tables; those are all read before any rule, but a list
   * can still grow while rules are read (attest items add conditions). Lists read by an `f` inside
   * count for the outer one too.
   */
  readingLists<T>(f: () => T): { result: T; lists: ReadonlySet<MutableEnum> } {
    const outer = this.enums.read;
    const lists = new Set<MutableEnum>();
    this.enums.read = lists;
    try {
      return { result: f(), lists };
    } finally {
      this.enums.read = outer;
      if (outer) for (const list of lists) outer.add(list);
    }
  }

  /** Notes lists as read, for a result taken from an earlier reading of them (see `resolvePred`); nothing unless `readingLists` runs. */
  noteListsRead(lists: readonly (readonly [MutableEnum, number])[]): void {
    const read = this.enums.read;
    if (read) for (const [list] of lists) read.add(list);
  }

  /** Notes again the other names of values that a remembered condition used (see `resolvePred`). */
  noteWordingOf(wording: ReadonlyMap<string, string>): void {
    for (const [key, written] of wording) this.noteWording(key, written);
  }

  private noteWording(key: string, written: string): void {
    (this.wording ??= new Map()).set(key, written);
  }

  /** `text`: the file's; `syntaxErrors`: whether it has any. */
  constructor(readonly options: CheckOptions, readonly text = '', syntaxErrors = true) {
    this.conditions = syntaxErrors ? undefined : new Map();
    for (const def of STANDARD_ENUMS) {
      const e = this.addEnum(def);
      for (const v of def.values) e.addValue(v);
      for (const g of def.groups ?? []) e.addGroup(g);
    }
    for (const d of Object.values(DERIVED_ENUMS)) this.addEnum({ ...d, ordered: false });
    for (const f of STANDARD_FIELDS) this.addField(f);
  }

  // ── reporting ─────────────────────────────────────────────────────────────────────────────
  report(code: MessageCode, span: Span, ...args: MessageArg[]): void {
    this.diagnostics.push(diag(code, span, ...args));
  }

  reportWith(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Records a use of the name `kind:id`, or `kind:scope:id` (see SymbolKey). */
  refer(span: Span, kind: string, scopeOrId: string, id?: string): void {
    if (this.options.references !== false) this.references.push({ span: spanOf(span), symbol: symbolKey(kind, scopeOrId, id), declaration: false });
  }

  /** Records the declaration of `kind:id`, or `kind:scope:id`. */
  declare(span: Span, kind: string, scopeOrId: string, id?: string): void {
    if (this.options.references !== false) this.references.push({ span: spanOf(span), symbol: symbolKey(kind, scopeOrId, id), declaration: true });
  }

  /**
   * Reports an unknown name, with the closest known spellings as "did you mean" and quick fixes; with
   * nothing close, the hint lists what exists, or, when nothing exists yet, shows `declaration`: how to
   * declare one (`extend reviewer { … }`).
   */
  unknown(kind: MessageArg, name: Name, candidates: Iterable<Candidate<string>>, describe: (id: string) => { en: string; zh: string }, declaration: string): void {
    const best = closestMatches(name.text, candidates);
    if (best.length === 0) {
      const all = [...new Set([...candidates].map((c) => c.value))].slice(0, 8);
      const list = all.map((id) => describe(id));
      this.report('AR2002', name, kind, name.text, list.length
        ? hintText('unknown-pick', { en: list.map((d) => d.en).join(', '), zh: list.map((d) => d.zh).join('、') })
        : hintText('unknown-declare', declaration));
      return;
    }
    const typedChinese = /[\u3400-\u9fff]/.test(name.text);
    const suggestions: Suggestion[] = best.map((c) => {
      const d = describe(c.value);
      const replacement = typedChinese ? d.zh : c.value;
      return { span: spanOf(name), replacement: spell(replacement) };
    });
    const texts = best.map((c) => describe(c.value));
    this.reportWith({
      ...diag('AR2001', name, kind, name.text, {
        en: texts.map((d) => (d.zh !== d.en ? `'${d.en}' (${d.zh})` : `'${d.en}'`)).join(' or '),
        zh: texts.map((d) => (d.zh !== d.en ? `“${d.zh}”（${d.en}）` : `“${d.zh}”`)).join('或'),
      }),
      suggestions,
    });
  }

  // ── enumerations ──────────────────────────────────────────────────────────────────────────
  addEnum(def: ConstructorParameters<typeof MutableEnum>[0]): MutableEnum {
    const e = new MutableEnum(def);
    this.enums.set(def.id, e);
    for (const s of [def.id, def.zh, def.en ?? '']) if (s) this.enumIndex.set(nameKey(s), def.id);
    return e;
  }

  findEnum(name: Name): MutableEnum | undefined {
    const id = this.enumIndex.get(nameKey(name.text));
    const e = id ? this.enums.get(id) : undefined;
    if (e) this.refer(name, 'enum', e.def.id);
    else {
      const candidates = [...this.enums.values()].flatMap((x) => [x.def.id, x.def.zh].map((spelling) => ({ spelling, value: x.def.id })));
      this.unknown(KIND_LABELS.enum, name, candidates, (id) => {
        const x = this.enums.get(id)!.def;
        return { en: x.id, zh: x.zh };
      }, `enum ${declarable(name.text)} { … }`);
    }
    return e;
  }

  /** Resolves `name` as a value or group of enumeration `enumId`, reporting it if unknown. */
  resolveValue(enumId: string, name: Name): ValueRef | undefined {
    const e = this.enums.get(enumId);
    if (!e) return undefined;
    const ref = e.lookup(name.text);
    if (ref) {
      this.refer(name, ref.kind, enumId, ref.id);
      if (this.collecting) {
        const t = e.term(ref.id);
        const key = nameKey(name.text);
        if (t && key !== nameKey(t.id) && key !== nameKey(t.zh) && key !== nameKey(englishLabel(t))) this.noteWording(`${enumId}:${ref.id}`, name.text);
      }
      return ref;
    }
    this.unknown({ en: englishLabel(e.def), zh: e.def.zh }, name, e.candidates(), (id) => this.describeValue(enumId, id), `extend ${enumId} { ${declarable(name.text)} }`);
    return undefined;
  }

  describeValue(enumId: string, id: string): { en: string; zh: string } {
    const t = this.enums.get(enumId)?.term(id);
    return { en: t ? t.id : id, zh: t ? t.zh : id };
  }

  // ── fields ────────────────────────────────────────────────────────────────────────────────
  addField(f: FieldModel): { spelling: string; existing: string } | undefined {
    for (const s of spellingsOf(f)) {
      const existing = this.fieldIndex.get(nameKey(s));
      if (existing) return { spelling: s, existing };
    }
    this.fields.set(f.id, f);
    this.eventFieldList = undefined;
    for (const s of spellingsOf(f)) this.fieldIndex.set(nameKey(s), f.id);
    if (!this.fieldByProperty.has(propName(f.id))) this.fieldByProperty.set(propName(f.id), f.id);
    return undefined;
  }

  /** The dated-record fields, in declaration order (`no violation` looks kinds up in all of them). */
  eventFields(): readonly FieldModel[] {
    // Listed once, not for every `no …` in the file: fields are all declared before rules are read.
    return (this.eventFieldList ??= [...this.fields.values()].filter((f) => f.type.kind === 'events'));
  }

  private eventFieldList: FieldModel[] | undefined;

  /** The field held by the slate-record property `prop`, if one is. */
  fieldWithProperty(prop: string): string | undefined {
    return this.fieldByProperty.get(prop);
  }

  findField(name: Name, report = true): FieldModel | undefined {
    const id = this.fieldIndex.get(nameKey(name.text));
    const f = id ? this.fields.get(id) : undefined;
    if (f) this.refer(name, 'field', f.id);
    else if (report && !this.reportValueAsField(name)) {
      const candidates = [...this.fields.values()].flatMap((x) => spellingsOf(x).map((spelling) => ({ spelling, value: x.id })));
      this.unknown(KIND_LABELS.field, name, candidates, (fid) => ({ en: fid, zh: this.fields.get(fid)!.zh }), `field ${declarable(name.text)}: <type>`);
    }
    return f;
  }

  /** `require 副厅级`: a value written where a field belongs; suggests the comparison. */
  private reportValueAsField(name: Name): boolean {
    for (const f of this.fields.values()) {
      if (f.type.kind !== 'enum' && f.type.kind !== 'set') continue;
      const e = this.enums.get(f.type.enum);
      const ref = e?.lookup(name.text);
      if (!e || !ref) continue;
      const example = f.type.kind === 'set' ? `${f.id} has ${spell(name.text)}` : e.def.ordered ? `${f.id} >= ${spell(name.text)}` : `${f.id} = ${spell(name.text)}`;
      this.report('AR2032', name, name.text, { en: `${englishLabel(e.def)} value`, zh: e.def.zh }, example);
      return true;
    }
    return false;
  }

  // ── awards, stages, tables ────────────────────────────────────────────────────────────────
  /** Adds an award; returns the clashing spelling and the award that has it already, if any. */
  addAward(a: AwardModel): { spelling: string; existing: string } | undefined {
    const spellings = [a.id, ...(a.zh ? [a.zh] : []), ...(a.en ? [a.en] : [])];
    for (const s of spellings) {
      const existing = this.awardIndex.get(nameKey(s));
      if (existing) return { spelling: s, existing };
    }
    this.awards.set(a.id, a);
    for (const s of spellings) this.awardIndex.set(nameKey(s), a.id);
    return undefined;
  }

  findAward(name: Name): AwardModel | undefined {
    const id = this.awardIndex.get(nameKey(name.text));
    const a = id ? this.awards.get(id) : undefined;
    if (a) this.refer(name, 'award', a.id);
    else {
      const candidates = [...this.awards.values()].flatMap((x) => [x.id, x.zh ?? x.id].map((spelling) => ({ spelling, value: x.id })));
      this.unknown(KIND_LABELS.award, name, candidates, (aid) => ({ en: aid, zh: this.awards.get(aid)?.zh ?? aid }), `award ${declarable(name.text)} for individual { … }`);
    }
    return a;
  }

  /** The stage written `text`: its id first, else its name or an `aka`. */
  stageNamed(text: string): StageModel | undefined {
    const key = nameKey(text);
    const stages = [...this.stages.values()];
    return stages.find((x) => nameKey(x.id) === key) ?? stages.find((x) => (x.label && nameKey(x.label) === key) || x.aliases?.some((a) => nameKey(a) === key));
  }

  findStage(name: Name): StageModel | undefined {
    const s = this.stageNamed(name.text);
    if (s) this.refer(name, 'stage', s.id);
    else {
      const candidates = [...this.stages.values()].map((x) => ({ spelling: x.id, value: x.id }));
      this.unknown(KIND_LABELS.stage, name, candidates, (sid) => ({ en: sid, zh: this.stages.get(sid)?.label ?? sid }), `stage ${declarable(name.text)}`);
    }
    return s;
  }

  findTable(name: Name): TableModel | undefined {
    const t = [...this.tables.values()].find((x) => nameKey(x.id) === nameKey(name.text) || (x.label && nameKey(x.label) === nameKey(name.text)));
    if (t) this.refer(name, 'table', t.id);
    else {
      const candidates = [...this.tables.values()].map((x) => ({ spelling: x.id, value: x.id }));
      this.unknown(KIND_LABELS.table, name, candidates, (tid) => ({ en: tid, zh: this.tables.get(tid)?.label ?? tid }), `table ${declarable(name.text)} by region (…) { … }`);
    }
    return t;
  }
}

export { KIND_LABELS };
