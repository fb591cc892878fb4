/**
 * Concrete nominees for trying two versions of a rule. A candidate is written in the old file's
 * vocabulary (field and value ids) and rendered as validator input for either file; a case of the
 * condition space (semantics.ts: one representative per case that matters) becomes field values.
 */
import { addYears, formatDay, type Day } from '@awardrules/runtime';
import { propName, type CaseSpace, type Model, type Point } from '@awardrules/language';
import type { Alignment } from './align.js';

export interface PublicityEntry {
  readonly level: string;
  readonly start: string;
  readonly end: string;
  readonly unit?: string;
}

export interface MaterialEntry {
  readonly copies?: number;
  readonly chars?: number;
  readonly electronic?: boolean;
  readonly fileName?: string;
  readonly bytes?: number;
  readonly format?: string;
}

/** A nominee in the old file's vocabulary. */
export interface Candidate {
  readonly award?: string;
  readonly selected?: boolean;
  /** Field id → value: enum ids, numbers, booleans, dates (YYYY-MM-DD), id lists, { kind, date } lists, { value, validUntil }. */
  readonly values: ReadonlyMap<string, unknown>;
  readonly publicity?: readonly PublicityEntry[];
  readonly submitted?: Readonly<Record<string, string>>;
  readonly units?: readonly string[];
  readonly materials?: Readonly<Record<string, MaterialEntry>>;
  readonly name?: string;
  /** The material this case varies (the others are as both versions want them), for its description. */
  readonly focus?: string;
}

export function withValues(c: Candidate, more: Record<string, unknown>): Candidate {
  const values = new Map(c.values);
  for (const [k, v] of Object.entries(more)) values.set(k, v);
  return { ...c, values };
}

const DAYS_PER = { years: 365.25, months: 30.4375, days: 1 } as const;

/** A case of the condition space as field values, counted back from the reference day. */
export function fromPoint(point: Point, space: CaseSpace, model: { readonly oldModel: Model; readonly newModel: Model }, ref: Day): Candidate {
  const values = new Map<string, unknown>();
  let award: string | undefined;
  const fieldDef = (id: string) => model.oldModel.fields.get(id) ?? model.newModel.fields.get(id);
  const list = (field: string) => {
    let l = values.get(field) as unknown[] | undefined;
    if (!Array.isArray(l)) { l = []; values.set(field, l); }
    return l;
  };
  for (const [key, v] of point) {
    const [kind, field, rest] = splitKey(key);
    switch (kind) {
      case 'in':
        if (field === 'award') award = v as string;
        else if (field !== 'kind') {
          const t = fieldDef(field)?.type;
          values.set(field, t?.kind === 'enum' && t.validity ? { value: v, validUntil: formatDay(ref) } : v);
        }
        break;
      case 'flag': values.set(field, v); break;
      case 'has': list(field); if (v === true) list(field).push(rest); break;
      case 'text': values.set(field, v ?? '其他'); break;
      case 'valid': {
        const current = values.get(field) as { value?: string } | undefined;
        const t = fieldDef(field)?.type;
        const first = t && 'enum' in t ? model.oldModel.enums.get(t.enum)?.values[0]?.id ?? model.newModel.enums.get(t.enum)?.values[0]?.id : undefined;
        values.set(field, { value: current?.value ?? first, validUntil: formatDay(v === true ? ref : ref - 1) });
        break;
      }
      case 'cmp': {
        const measure = rest;
        const n = v as number;
        const t = fieldDef(field)?.type;
        if (measure.startsWith('tenure-')) {
          const source = t?.kind === 'tenure' && t.since ? t.since : field;
          values.set(source, formatDay(tenureStart(ref, n, measure.slice(7) as 'years' | 'months' | 'days')));
        } else if (measure === 'date') values.set(field, formatDay(Math.floor(n)));
        else values.set(field, n);
        break;
      }
      case 'event': {
        const records = list(field) as { kind: string; date: string }[];
        const cls = Number(rest);
        const kind = space.eventKinds(field, cls)[0];
        if (v === null || v === undefined || !kind) break;
        // A record in each stretch of a period the case marks (look-back windows among them: onReferenceDay
        // in compare.ts); with none marked, one outside every period, or `v` days before the reference day.
        const marked = space.daysWithRecords(field, cls, point);
        for (const day of marked.length ? marked : [space.dayOutsidePeriods(field) ?? ref - Math.round(v as number)]) records.push({ kind, date: formatDay(day) });
        break;
      }
      case 'eventIn': break; // read with its class (above)
      case 'recent': values.set(field, formatDay(ref - Math.round(v as number))); break;
    }
  }
  // Conditions on the nominee's kind are settled by the award it is for.
  return { ...(award ? { award } : {}), values };
}

/** Keys are `kind:field[:rest]` (semantics.ts); rest may itself contain colons. */
function splitKey(key: string): [string, string, string] {
  const i = key.indexOf(':');
  const j = key.indexOf(':', i + 1);
  return j < 0 ? [key.slice(0, i), key.slice(i + 1), ''] : [key.slice(0, i), key.slice(i + 1, j), key.slice(j + 1)];
}

/** A start date `amount` units before `ref` (fractions of a year become days). */
function tenureStart(ref: Day, amount: number, unit: 'years' | 'months' | 'days'): Day {
  const whole = Math.floor(amount);
  const rest = Math.round((amount - whole) * DAYS_PER[unit]);
  if (unit === 'years') return addYears(ref, -whole) - rest;
  if (unit === 'months') return ref - Math.round(amount * DAYS_PER.months);
  return ref - Math.round(amount);
}

/** Renders candidates as validator input in one file's vocabulary. */
export class Renderer {
  private readonly fields = new Map<string, string>();
  private readonly values = new Map<string, Map<string, string>>();
  private readonly awards = new Map<string, string>();
  private readonly stages = new Map<string, string>();
  private readonly materials = new Map<string, string>();

  /** `side` new: old ids are mapped back through the alignment; old: as they are. */
  constructor(private readonly side: 'old' | 'new', a: Alignment, private readonly oldModel: Model) {
    if (side === 'new') {
      const back = (m: ReadonlyMap<string, string>, into: Map<string, string>) => { for (const [n, o] of m) into.set(o, n); };
      back(a.fields, this.fields);
      back(a.awards, this.awards);
      back(a.stages, this.stages);
      back(a.materials, this.materials);
      for (const [oldEnum, map] of a.values) {
        const r = new Map<string, string>();
        back(map, r);
        this.values.set(oldEnum, r);
      }
    }
  }

  private value(field: string, id: string): string {
    const t = this.oldModel.fields.get(field)?.type;
    const enumId = t && 'enum' in t ? t.enum : undefined;
    return (enumId ? this.values.get(enumId)?.get(id) : undefined) ?? id;
  }

  private mapValue(field: string, v: unknown): unknown {
    if (this.side === 'old') return v;
    if (typeof v === 'string') return this.value(field, v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? this.value(field, x) : x && typeof x === 'object' && 'kind' in x ? { ...x, kind: this.value(field, (x as { kind: string }).kind) } : x));
    if (v && typeof v === 'object' && 'value' in v) return { ...v, value: this.value(field, (v as { value: string }).value) };
    return v;
  }

  render(c: Candidate, id: string, defaultAward: string): Record<string, unknown> {
    const award = c.award ?? defaultAward;
    const out: Record<string, unknown> = { id, name: c.name ?? `候选${id}`, award: this.awards.get(award) ?? award };
    if (c.selected !== undefined) out['selected'] = c.selected;
    for (const [field, v] of c.values) out[propName(this.fields.get(field) ?? field)] = this.mapValue(field, v);
    if (c.publicity) out['publicityRecords'] = c.publicity;
    if (c.submitted) out['submitted'] = Object.fromEntries(Object.entries(c.submitted).map(([s, d]) => [this.stages.get(s) ?? s, d]));
    if (c.units) out['units'] = c.units;
    if (c.materials) out['materials'] = Object.fromEntries(Object.entries(c.materials).map(([m, r]) => [this.materials.get(m) ?? m, r]));
    return out;
  }
}
