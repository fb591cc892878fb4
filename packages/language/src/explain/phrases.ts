/**
 * How conditions read in plain Chinese and English. Scales read as ranges ("副厅级及以上"), groups by
 * their name ("县处级"), dated records as look-back windows ("近5年内无违法违纪").
 */
import { formatDay, ymdFromDay } from '@awardrules/runtime';
import type { Locale } from '../diagnostics/render.js';
import { englishLabel } from '../vocabulary/names.js';
import type { Period, Pred, Window } from '../model/predicate.js';
import type { Model } from '../model/types.js';

const CJK = /[\u3400-\u9fff]/;

export class Phrases {
  /** `wording`: the rule's own names for values (RuleModel.wording), used where they are in this language. */
  constructor(readonly model: Model, readonly locale: Locale, private readonly wording?: Readonly<Record<string, string>>) {}

  /** These phrases in a rule's own words. */
  forRule(r: { readonly wording?: Readonly<Record<string, string>> }): Phrases {
    return r.wording ? new Phrases(this.model, this.locale, r.wording) : this;
  }

  get zh(): boolean {
    return this.locale === 'zh';
  }

  field(id: string): string {
    const f = this.model.fields.get(id);
    if (!f) return id;
    return this.zh ? f.zh : englishLabel(f);
  }

  value(enumId: string, id: string): string {
    const own = this.wording?.[`${enumId}:${id}`];
    // The notice's word when it is in this language: 副司局级 in Chinese, vice-bureau in English.
    if (own !== undefined && CJK.test(own) === this.zh) return own;
    const e = this.model.enums.get(enumId);
    const t = e?.values.find((v) => v.id === id) ?? e?.groups.find((g) => g.id === id);
    if (!t) return id;
    return this.zh ? t.zh : englishLabel(t);
  }

  list(items: readonly string[], conj: 'and' | 'or'): string {
    if (items.length <= 1) return items[0] ?? '';
    if (this.zh) return `${items.slice(0, -1).join('、')}${conj === 'and' ? '和' : '或'}${items[items.length - 1]}`;
    return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
  }

  window(w: Window): string {
    const unit = this.zh ? { years: '年', months: '个月', days: '日' }[w.unit] : w.unit;
    return this.zh ? `近${w.amount}${unit}内` : `within the last ${w.amount} ${w.amount === 1 ? unit.replace(/s$/, '') : unit}`;
  }

  /** A period of fixed dates: whole years as years (`2018年至2020年期间`, `in 2018–2020`), else as dates; one day as that day. */
  period(p: Period): string {
    const from = ymdFromDay(p.from);
    if (p.to === undefined) return this.zh ? `${formatDay(p.from)}以来` : `since ${formatDay(p.from)}`;
    if (p.to === p.from) return this.zh ? `${formatDay(p.from)}当天` : `on ${formatDay(p.from)}`;
    const to = ymdFromDay(p.to);
    if (from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31) {
      if (from.year === to.year) return this.zh ? `${from.year}年期间` : `in ${from.year}`;
      return this.zh ? `${from.year}年至${to.year}年期间` : `in ${from.year}–${to.year}`;
    }
    return this.zh ? `${formatDay(p.from)}至${formatDay(p.to)}期间` : `between ${formatDay(p.from)} and ${formatDay(p.to)}`;
  }

  /** When the records of an event condition count: its window or period, or '' for any time. */
  private eventTime(p: Extract<Pred, { k: 'event' }>): string {
    return p.within ? this.window(p.within) : p.during ? this.period(p.during) : '';
  }

  enumOfField(field: string): string | undefined {
    const t = this.model.fields.get(field)?.type;
    return t && (t.kind === 'enum' || t.kind === 'set' || t.kind === 'events') ? t.enum : undefined;
  }

  /** `values` of a single-valued field, as a range, a group, a list, or "not …". */
  inSet(field: string, values: readonly string[]): string {
    const enumId = this.enumOfField(field)!;
    const e = this.model.enums.get(enumId)!;
    const all = e.values.map((v) => v.id);
    const name = this.field(field);
    const v = (id: string) => this.value(enumId, id);
    const group = e.groups.find((g) => g.members.length === values.length && g.members.every((m) => values.includes(m)));
    if (values.length === 1) return this.zh ? `${name}为${v(values[0]!)}` : `${name} is ${v(values[0]!)}`;
    if (group) return this.zh ? `${name}为${this.value(enumId, group.id)}` : `${name} is ${this.value(enumId, group.id)}`;
    if (e.ordered) {
      const idx = values.map((x) => all.indexOf(x)).sort((a, b) => a - b);
      const contiguous = idx.every((x, i) => i === 0 || x === idx[i - 1]! + 1);
      if (contiguous) {
        const lo = all[idx[0]!]!;
        const hi = all[idx[idx.length - 1]!]!;
        if (idx[idx.length - 1] === all.length - 1) return this.zh ? `${name}在${v(lo)}及以上` : `${name} is ${v(lo)} or above`;
        if (idx[0] === 0) return this.zh ? `${name}在${v(hi)}及以下` : `${name} is ${v(hi)} or below`;
        return this.zh ? `${name}在${v(lo)}至${v(hi)}之间` : `${name} is from ${v(lo)} to ${v(hi)}`;
      }
    }
    const rest = all.filter((x) => !values.includes(x));
    if (rest.length > 0 && rest.length < values.length && rest.length <= 2) {
      return this.zh ? `${name}不为${this.list(rest.map(v), 'or')}` : `${name} is not ${this.list(rest.map(v), 'or')}`;
    }
    return this.zh ? `${name}为${this.list(values.map(v), 'or')}` : `${name} is ${this.list(values.map(v), 'or')}`;
  }

  /** `text` in brackets, for a compound condition inside another: 一线，且（基层或职级为科员）. */
  bracket(text: string): string {
    return this.zh ? `（${text}）` : `(${text})`;
  }

  /** `and` / `or` between the parts of a condition; without the comma inside brackets. */
  private joiner(conj: 'and' | 'or', nested: boolean): string {
    if (!this.zh) return ` ${conj} `;
    const word = conj === 'and' ? '且' : '或';
    return nested ? word : `，${word}`;
  }

  /**
   * A condition in words. A compound condition inside another is bracketed (`nested`), so that
   * `a and (b or c)` and `(a and b) or c` never read the same.
   */
  pred(p: Pred, nested = false): string {
    switch (p.k) {
      case 'const': return this.zh ? (p.value ? '全部对象' : '无任何对象') : p.value ? 'every nominee' : 'no nominee';
      case 'and': {
        // `hired >= a and hired <= b` (what `hired during a..b` resolves to) reads as a period.
        const [from, to] = p.args;
        if (p.args.length === 2 && from?.k === 'cmp' && to?.k === 'cmp' && from.measure === 'date' && to.measure === 'date' && from.field === to.field
          && from.op === '>=' && to.op === '<=' && from.value <= to.value) {
          const period = this.period({ from: from.value, to: to.value });
          return this.zh ? `${this.field(from.field)}在${period}` : `${this.field(from.field)} ${period}`;
        }
        const text = p.args.map((a) => this.pred(a, true)).join(this.joiner('and', nested));
        return nested ? this.bracket(text) : text;
      }
      case 'or': {
        // `identity has a or identity has b` reads as one list.
        if (p.args.every((a) => a.k === 'has' && a.field === (p.args[0] as { field: string }).field)) {
          const field = (p.args[0] as { field: string }).field;
          const enumId = this.enumOfField(field)!;
          const items = this.namedGroups(enumId, p.args.map((a) => (a as { value: string }).value));
          return this.zh ? `${this.field(field)}含${this.list(items, 'or')}` : `${this.field(field)} include ${this.list(items, 'or')}`;
        }
        const text = p.args.map((a) => this.pred(a, true)).join(this.joiner('or', nested));
        return nested ? this.bracket(text) : text;
      }
      case 'not': {
        const a = p.arg;
        if (a.k === 'event') return this.noEvent(a);
        if (a.k === 'flag') return this.zh ? `不满足“${this.field(a.field)}”` : `not “${this.field(a.field)}”`;
        if (a.k === 'or' && a.args.every((x) => x.k === 'event')) {
          const text = a.args.map((x) => this.noEvent(x as Extract<Pred, { k: 'event' }>)).join(this.joiner('and', nested));
          return nested ? this.bracket(text) : text;
        }
        return this.zh ? `不满足（${this.pred(a)}）` : `not (${this.pred(a)})`;
      }
      case 'in': return this.inSet(p.field, p.values);
      case 'has': {
        const enumId = this.enumOfField(p.field)!;
        return this.zh ? `${this.field(p.field)}含${this.value(enumId, p.value)}` : `${this.field(p.field)} include ${this.value(enumId, p.value)}`;
      }
      case 'flag': return this.zh ? this.field(p.field) : `“${this.field(p.field)}”`;
      case 'cmp': return this.cmp(p);
      case 'text': return this.zh ? `${this.field(p.field)}为“${p.value}”` : `${this.field(p.field)} is “${p.value}”`;
      case 'event': {
        const enumId = this.enumOfField(p.field)!;
        const kinds = this.list(p.kinds.map((k) => this.value(enumId, k)), 'or');
        const field = this.field(p.field);
        const time = this.eventTime(p);
        return this.zh ? `${time}${field}含${kinds}` : `${field} include ${kinds}${time ? ` ${time}` : ''}`;
      }
      case 'recent': return this.zh ? `${this.field(p.field)}在${this.window(p.within)}` : `${this.field(p.field)} is ${this.window(p.within)}`;
      case 'valid': return this.zh ? `${this.field(p.field)}在有效期内` : `${this.field(p.field)} is still valid`;
    }
  }

  /** Values, with every complete group written as the group's name (`社会组织负责人和专职工作人员`). */
  namedGroups(enumId: string, values: readonly string[]): string[] {
    const e = this.model.enums.get(enumId);
    const left = new Set(values);
    const out: string[] = [];
    for (const g of e?.groups ?? []) {
      if (g.members.length > 1 && g.members.every((m) => left.has(m))) {
        out.push(this.value(enumId, g.id));
        for (const m of g.members) left.delete(m);
      }
    }
    return [...out, ...values.filter((v) => left.has(v)).map((v) => this.value(enumId, v))];
  }

  noEvent(p: Extract<Pred, { k: 'event' }>): string {
    const enumId = this.enumOfField(p.field)!;
    const kinds = p.kinds.map((k) => this.value(enumId, k));
    const time = this.eventTime(p);
    return this.zh ? `${time}无${kinds.join('、')}` : `no record of ${this.list(kinds, 'or')}${time ? ` ${time}` : ''}`;
  }

  cmp(p: Extract<Pred, { k: 'cmp' }>): string {
    const name = this.field(p.field);
    const zhOp = { '>=': '不少于', '>': '多于', '<=': '不超过', '<': '少于', '=': '为' }[p.op];
    const enOp = { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than', '=': 'exactly' }[p.op];
    if (p.measure === 'date') {
      const d = formatDay(p.value);
      const zhDate = { '>=': '不早于', '>': '晚于', '<=': '不晚于', '<': '早于', '=': '为' }[p.op];
      const enDate = { '>=': 'on or after', '>': 'after', '<=': 'on or before', '<': 'before', '=': 'on' }[p.op];
      return this.zh ? `${name}${zhDate}${d}` : `${name} ${enDate} ${d}`;
    }
    if (p.measure.startsWith('tenure-')) {
      const unit = p.measure.slice(7);
      const zhUnit = { years: '年', months: '个月', days: '日' }[unit] ?? unit;
      if (this.zh) return p.op === '>=' ? `${name}满${p.value}${zhUnit}` : `${name}（计至基准日）${zhOp}${p.value}${zhUnit}`;
      return `${name}: ${enOp} ${p.value} full ${unit} by the reference date`;
    }
    const zhUnits: Record<string, string> = { years: '年', months: '个月', days: '日' };
    const unit = p.measure === 'percent' ? '%' : p.measure === 'number' ? '' : this.zh ? (zhUnits[p.measure] ?? '') : ` ${p.measure}`;
    return this.zh ? `${name}${zhOp}${p.value}${unit}` : `${name} is ${enOp} ${p.value}${unit}`;
  }
}
