/**
 * Conditions compiled to TypeScript: one small function per atom and per connective, three-valued
 * (true, false, or undefined when a value is missing; the missing field ids go into `m`), with the
 * same Kleene rules as the reference interpreter: a decisive argument discards the others' unknowns.
 */
import type { Model, Period, Pred } from '@awardrules/language';
import { formatDay } from '@awardrules/runtime';
import { lit, str } from './names.js';

/** A period's dates, for a comment beside the day numbers the code compares. */
function periodText(p: Period): string {
  return p.to === undefined ? `since ${formatDay(p.from)}` : `${formatDay(p.from)}..${formatDay(p.to)}`;
}

export class PredicateCompiler {
  /** Generated declarations, in order. */
  readonly declarations: string[] = [];
  private readonly sets = new Map<string, string>();
  private readonly compiled = new Map<string, string>();
  private counter = 0;

  constructor(private readonly model: Model) {}

  /** The name of a function `(n, x, m) => boolean | undefined` for `p`. */
  compile(p: Pred): string {
    const key = JSON.stringify(p);
    const known = this.compiled.get(key);
    if (known) return known;
    const name = `p${this.counter++}`;
    this.compiled.set(key, name);
    this.declarations.push(`function ${name}(n: Checked, x: Context, m: string[]): boolean | undefined {\n${this.body(p)}\n}`);
    return name;
  }

  private set(values: readonly string[]): string {
    const key = JSON.stringify(values);
    let name = this.sets.get(key);
    if (!name) {
      name = `S${this.sets.size}`;
      this.sets.set(key, name);
      this.declarations.push(`const ${name}: ReadonlySet<string> = new Set(${lit(values)});`);
    }
    return name;
  }

  private tenureSource(field: string): string {
    const t = this.model.fields.get(field)?.type;
    return t?.kind === 'tenure' && t.since ? t.since : field;
  }

  private body(p: Pred): string {
    switch (p.k) {
      case 'const': return `  return ${p.value};`;
      case 'not': return `  const v = ${this.compile(p.arg)}(n, x, m);\n  return v === undefined ? undefined : !v;`;
      case 'and': case 'or': {
        const decisive = p.k === 'or';
        const lines = ['  const m0 = m.length;', '  let unknown = false;', '  let v: boolean | undefined;'];
        for (const a of p.args) {
          lines.push(`  v = ${this.compile(a)}(n, x, m);`);
          lines.push(`  if (v === ${decisive}) { m.length = m0; return ${decisive}; }`);
          lines.push('  if (v === undefined) unknown = true;');
        }
        lines.push(`  return unknown ? undefined : ${!decisive};`);
        return lines.join('\n');
      }
      case 'in': {
        const t = this.model.fields.get(p.field)?.type;
        const value = t?.kind === 'enum' && t.validity ? '(v as { value: string }).value' : 'v as string';
        return `${this.present(p.field)}\n  return ${this.set(p.values)}.has(${value});`;
      }
      case 'has': return [
        `  if (((n.values[${str(p.field)}] as ReadonlySet<string> | undefined) ?? EMPTY).has(${str(p.value)})) return true;`,
        // A list with an unreadable entry may hold what the known entries lack.
        `  if (n.incomplete.has(${str(p.field)})) { m.push(${str(p.field)}); return undefined; }`,
        '  return false;',
      ].join('\n');
      case 'flag': return `${this.present(p.field)}\n  return v === true;`;
      case 'text': return `${this.present(p.field)}\n  return v === ${str(p.value)};`;
      case 'cmp': {
        const op = p.op === '=' ? '===' : p.op;
        if (p.measure.startsWith('tenure-')) {
          const src = this.tenureSource(p.field);
          return [
            `  const v = n.values[${str(src)}];`,
            '  if (x.ref === undefined || v === undefined) {',
            "    if (x.ref === undefined) m.push('@reference');",
            `    if (v === undefined) m.push(${str(src)});`,
            '    return undefined;',
            '  }',
            `  return elapsed(v as Day, x.ref, ${str(p.measure.slice(7))}) ${op} ${p.value};`,
          ].join('\n');
        }
        return `${this.present(p.field)}\n  return (v as number) ${op} ${p.value};`;
      }
      case 'event': {
        const kinds = this.set(p.kinds);
        const lines = [`  const events = (n.values[${str(p.field)}] ?? []) as readonly EventRecord[];`];
        const unreadable = `  if (n.incomplete.has(${str(p.field)})) { m.push(${str(p.field)}); return undefined; }\n  return false;`;
        if (!p.within && !p.during) {
          lines.push(`  if (events.some((e) => ${kinds}.has(e.kind))) return true;`, unreadable);
          return lines.join('\n');
        }
        const counted = p.within
          ? `withinWindow(e.day, x.ref!, ${p.within.amount}, ${str(p.within.unit)})`
          : `inPeriod(e.day, ${p.during!.from}${p.during!.to !== undefined ? `, ${p.during!.to}` : ''}) /* ${periodText(p.during!)} */`;
        // A dated record in the window decides, whatever the records without a date hold.
        const decided = `  if (events.some((e) => ${kinds}.has(e.kind) && e.day !== undefined && ${counted})) return true;`;
        const undated = `events.some((e) => ${kinds}.has(e.kind) && e.day === undefined)`;
        lines.push(
          ...(p.within ? [
            '  const noReference = x.ref === undefined;',
            `  if (x.ref !== undefined) {\n  ${decided.trim()}\n  }`,
            `  const undated = ${undated};`,
            '  if (noReference || undated) {',
            "    if (noReference) m.push('@reference');",
            `    if (undated) m.push(${str(p.field)});`,
            '    return undefined;',
            '  }',
          ] : [
            decided,
            `  if (${undated}) { m.push(${str(p.field)}); return undefined; }`,
          ]),
          unreadable,
        );
        return lines.join('\n');
      }
      case 'recent': return [
        `  const v = n.values[${str(p.field)}];`,
        '  if (x.ref === undefined || v === undefined) {',
        "    if (x.ref === undefined) m.push('@reference');",
        `    if (v === undefined) m.push(${str(p.field)});`,
        '    return undefined;',
        '  }',
        `  return withinWindow(v as Day, x.ref, ${p.within.amount}, ${str(p.within.unit)});`,
      ].join('\n');
      case 'valid': return [
        `  const v = n.values[${str(p.field)}] as { validUntil?: Day } | undefined;`,
        '  if (x.ref === undefined || v === undefined || v.validUntil === undefined) {',
        "    if (x.ref === undefined) m.push('@reference');",
        `    if (v === undefined || v.validUntil === undefined) m.push(${str(p.field)});`,
        '    return undefined;',
        '  }',
        '  return v.validUntil >= x.ref;',
      ].join('\n');
    }
  }

  /** Reads a scalar into `v`, reporting it missing. */
  private present(field: string): string {
    return `  const v = n.values[${str(field)}];\n  if (v === undefined) { m.push(${str(field)}); return undefined; }`;
  }
}
