/**
 * Each rule compiled to a check function with the same verdicts as the reference interpreter
 * (packages/interpreter/src/interpret.ts): nominee rules return a NomineeVerdict, slate rules a
 * SlateVerdict. Conditions go through the predicate compiler; counting and wording use the runtime.
 */
import { formatDay } from '@awardrules/runtime';
import { and, fieldsOf, or, TRUE, type AttestGroupModel, type Model, type Pred, type RuleModel } from '@awardrules/language';
import { PredicateCompiler } from './predicates.js';
import { lit, str } from './names.js';

const NOMINEE_KINDS = new Set(['scope', 'exclude', 'require', 'attest', 'route', 'publicity', 'consult', 'deadline', 'material']);

export class RuleCompiler {
  readonly declarations: string[] = [];
  /** One `RuleCheck` expression per rule, in order. */
  readonly checks: string[] = [];
  readonly predicates: PredicateCompiler;
  private attestCount = 0;
  private readonly otherAward = new Set<number>();

  constructor(private readonly model: Model) {
    this.predicates = new PredicateCompiler(model);
  }

  compileAll(): void {
    const exempts = this.model.rules.filter((r): r is Extract<RuleModel, { kind: 'exempt' }> => r.kind === 'exempt');
    this.declarations.push(this.exemptFunction(exempts));
    this.model.rules.forEach((r, i) => {
      if (r.kind === 'exempt') this.checks.push(`{ scope: 'none', info: rules[${i}]! }`);
      else if (NOMINEE_KINDS.has(r.kind)) this.checks.push(`{ scope: 'nominee', info: rules[${i}]!, check: ${this.nomineeRule(r, i)} }`);
      else this.checks.push(`{ scope: 'slate', info: rules[${i}]!, check: ${this.slateRule(r, i)} }`);
    });
  }

  private p(pred: Pred): string {
    return this.predicates.compile(pred);
  }

  private fieldList(ids: Iterable<string>): string {
    return `[${[...ids].map((id) => `F(${str(id)})`).join(', ')}]`;
  }

  /** Lines that settle award and `when` conditions before a nominee rule's own check. */
  private preamble(r: RuleModel, i: number): string[] {
    const lines: string[] = [];
    // The verdicts for "another award" and "condition not met" are the same every time: made once.
    if (r.award) {
      const k = this.model.awards.findIndex((a) => a.id === r.award);
      if (!this.otherAward.has(k)) {
        this.otherAward.add(k);
        this.declarations.push(`const OTHER_AWARD${k}: NomineeVerdict = notForAward(schema.awards[${k}]!);`);
      }
      lines.push(`  if (n.award !== ${str(r.award)}) return OTHER_AWARD${k};`);
    }
    if (r.condition.k !== 'const' || !r.condition.value) {
      this.declarations.push(`const NOT_UNDER${i}: NomineeVerdict = notUnderCondition(rules[${i}]!);`);
      lines.push('  const mc: string[] = [];', `  const c = ${this.p(r.condition)}(n, x, mc);`);
      lines.push("  if (c === undefined) return { outcome: 'unknown', missing: [...new Set(mc)] };");
      lines.push(`  if (!c) return NOT_UNDER${i};`);
    }
    return lines;
  }

  private nomineeRule(r: RuleModel, i: number): string {
    const name = `r${i}`;
    const lines = this.preamble(r, i);
    switch (r.kind) {
      case 'scope': case 'require': case 'exclude': {
        const read = [...fieldsOf(r.pred)];
        this.declarations.push(`const FS${i} = ${this.fieldList(read)};`);
        lines.push('  const mp: string[] = [];', `  const v = ${this.p(r.pred)}(n, x, mp);`);
        lines.push("  if (v === undefined) return { outcome: 'unknown', missing: [...new Set(mp)] };");
        lines.push(`  if (${r.kind === 'exclude' ? '!v' : 'v'}) return PASSED;`);
        if (r.kind !== 'scope' && r.unless) {
          lines.push('  const mu: string[] = [];', `  const u = ${this.p(r.unless)}(n, x, mu);`);
          lines.push("  if (u === undefined && mu.includes('@reference')) return { outcome: 'unknown', missing: [...new Set(mu)] };");
          lines.push('  if (u === undefined) {', '    const lacking = [...new Set(mu)];');
          lines.push(`    return { outcome: 'failed', fields: [...new Set([...${lit(read)}, ...lacking])], measured: exceptionNotShown(fieldsText(FS${i}, n.values, x.ref), lacking.map((id) => FIELDS.get(id)).filter((f): f is FieldSchema => !!f)) };`);
          lines.push('  }');
          lines.push('  if (u) return EXCEPTION_APPLIES;');
        }
        lines.push(`  return { outcome: 'failed', fields: ${lit(read)}, measured: fieldsText(FS${i}, n.values, x.ref) };`);
        break;
      }
      case 'attest': {
        lines.push("  const have = (n.values['attested'] as ReadonlySet<string> | undefined) ?? EMPTY;");
        lines.push('  const missing: string[] = [];');
        lines.push(`  return attestVerdict(n, ${this.attestExpr(r.group, 'missing')}, missing);`);
        break;
      }
      case 'route': {
        lines.push(`  const actual = n.values[${str(r.field)}];`);
        for (const c of r.cases) {
          lines.push('  {', '    const mw: string[] = [];', `    const w = ${this.p(c.when)}(n, x, mw);`);
          lines.push("    if (w === undefined) return { outcome: 'unknown', missing: [...new Set(mw)] };");
          lines.push('    if (w) {');
          lines.push(`      if (actual === undefined) return { outcome: 'unknown', missing: [${str(r.field)}] };`);
          lines.push(`      if (actual === ${str(c.target)}) return PASSED;`);
          lines.push(`      return { outcome: 'failed', fields: [${str(r.field)}], measured: valueText(F(${str(r.field)}), actual), required: valueText(F(${str(r.field)}), ${str(c.target)}) };`);
          lines.push('    }', '  }');
        }
        lines.push('  return NO_ROUTE;');
        break;
      }
      case 'publicity': {
        const level = this.model.enums.get('publicity-level')!.values.find((v) => v.id === r.level)!;
        const spec = {
          op: r.op, amount: r.duration.amount, unit: r.duration.unit, level: r.level,
          levelLabel: { zh: level.zh, en: level.en ?? level.id }, each: r.each,
          ...(r.after ? { after: r.after } : {}),
          ...(r.before ? { before: r.before, beforeLabel: (() => { const l = this.model.stages.find((s) => s.id === r.before)?.label ?? r.before; return { zh: l, en: l }; })() } : {}),
        };
        this.declarations.push(`const PUB${i}: PublicitySpec = ${lit(spec)};`);
        lines.push(`  return publicityVerdict(n, PUB${i}, x);`);
        break;
      }
      case 'consult':
        // Made once: the list and the field are the same for every nominee.
        this.declarations.push(`const DEPARTMENTS${i}: readonly string[] = ${lit(r.departments)};`);
        lines.push(`  return consultVerdict(n, DEPARTMENTS${i}, F('consulted'));`);
        break;
      case 'deadline':
        lines.push(`  return deadlineVerdict(n, ${str(r.stage)}, ${r.date});`);
        break;
      case 'material': {
        const specs = r.items.map((m) => ({
          id: m.id, label: { zh: m.label ?? m.id, en: m.label ?? m.id }, required: m.required, electronic: m.electronic,
          ...(m.chars ? { chars: m.chars } : {}), ...(m.copies ? { copies: m.copies } : {}), ...(m.formats ? { formats: m.formats } : {}),
          ...(m.sizeBytes ? { sizeBytes: m.sizeBytes } : {}),
          ...(m.namePattern ? { namePattern: m.namePattern.map((p) => (p.kind === 'text' ? { text: p.text } : { field: p.field, ...(p.format ? { format: p.format } : {}) })) } : {}),
        }));
        this.declarations.push(`const MAT${i}: readonly MaterialSpec[] = ${lit(specs)};`);
        lines.push(`  return materialVerdict(n, MAT${i});`);
        break;
      }
    }
    this.declarations.push(`function ${name}(n: Checked, x: Context): NomineeVerdict {\n${lines.join('\n')}\n}`);
    return name;
  }

  /** An expression for an attest group that appends unconfirmed entries to `missing` when it fails. */
  private attestExpr(g: AttestGroupModel, missing: string | undefined): string {
    const entry = (e: AttestGroupModel['entries'][number]): string => (e.kind === 'item' ? `have.has(${str(e.id)})` : this.attestExpr(e, undefined));
    const name = (e: AttestGroupModel['entries'][number]): string => (e.kind === 'item' ? (e.text ?? e.id) : `(${e.entries.map(name).join(e.mode === 'all' ? ' + ' : ' / ')})`);
    const fn = `att${this.attestCount++}`;
    const lines = [`function ${fn}(have: ReadonlySet<string>, missing: string[] | undefined): boolean {`, `  const results = [${g.entries.map(entry).join(', ')}];`];
    lines.push(`  const ok = results.${g.mode === 'all' ? 'every' : 'some'}(Boolean);`);
    lines.push('  if (!ok && missing) {');
    if (g.mode === 'all') lines.push(`    const names = ${lit(g.entries.map(name))};`, '    results.forEach((r, i) => { if (!r) missing.push(names[i]!); });');
    else lines.push(`    missing.push(${str(g.entries.map(name).join(' / '))});`);
    lines.push('  }', '  return ok;', '}');
    this.declarations.push(lines.join('\n'));
    return `${fn}(have, ${missing ?? 'undefined'})`;
  }

  /**
   * Whether an `exempt … from quota` rule takes a nominee out of the counts: for each award, the
   * exemptions that apply to it (its own and the notice's), any of which may hold (three-valued).
   */
  private exemptFunction(exempts: readonly Extract<RuleModel, { kind: 'exempt' }>[]): string {
    const forAward = (award: string | undefined) => this.p(or(...exempts.filter((r) => !r.award || r.award === award).map((r) => and(r.condition, r.pred))));
    const cases = this.model.awards.map((a) => `    case ${str(a.id)}: return belongs(${forAward(a.id)}, x)(n);`);
    return `/** Nominees an \`exempt … from quota\` rule takes out of the counts. */\nfunction exempt(n: Checked, x: Context): Belongs {\n  switch (n.award) {\n${cases.join('\n')}\n    default: return belongs(${forAward(undefined)}, x)(n);\n  }\n}`;
  }

  /** The field a count or share is split by, as the runtime takes it. */
  private perField(per: string | undefined): string {
    if (!per) return '';
    const fallback = `{ id: ${str(per)}, prop: ${str(per)}, label: t(${str(per)}, ${str(per)}), kind: 'text' }`;
    return `, per: FIELDS.get(${str(per)}) ?? ${fallback}`;
  }

  /** Slate rules: the runtime counts (checkShare, checkCount, …); the module says who belongs. */
  private slateRule(r: RuleModel, i: number): string {
    const name = `s${i}`;
    const award = r.award ? `, award: ${str(r.award)}` : '';
    const awardArg = r.award ? str(r.award) : 'undefined';
    const lines: string[] = [];
    switch (r.kind) {
      case 'cap': {
        const fields = lit([...fieldsOf(r.selector)]);
        if (r.bound === 'controlled') {
          lines.push(`  return checkControlled(ns, ${awardArg}, belongs(${this.p(r.condition)}, x), belongs(${this.p(r.selector)}, x), ${fields});`);
          break;
        }
        const total = `{ which: ${str(r.total.which)}${r.total.award ? `, award: ${str(r.total.award)}` : ''} }`;
        lines.push(`  return checkShare(ns, { total: ${total}${award}${this.perField(r.per)}, op: ${str(r.bound.op)}, percent: ${r.bound.percent}, fields: ${fields} }, belongs(${this.p(and(r.condition, r.selector))}, x), x);`);
        break;
      }
      case 'quota': case 'recommend': {
        const a = r.amount;
        let limit: string;
        if (a.kind === 'number') limit = `{ kind: 'number', value: ${a.value} }`;
        else if (a.kind === 'table') {
          const table = this.model.tables.find((tb) => tb.id === a.table)!;
          // A Map, not an object: a row keyed `constructor` or `__proto__` must not meet Object.prototype.
          this.declarations.push(`const LIMITS${i}: ReadonlyMap<string, number> = new Map<string, number>(${lit(table.rows.map((row) => [row.key, row.values[a.column] ?? 0]))});`);
          limit = `{ kind: 'table', rows: LIMITS${i} }`;
        } else {
          const q = this.model.rules.find((x) => x.kind === 'quota' && x.award === r.award && !x.per && x.amount.kind === 'number');
          const quota = q?.kind === 'quota' && q.amount.kind === 'number' ? `, quota: ${q.amount.value}` : '';
          limit = `{ kind: 'share-of-quota', percent: ${a.percent}${quota} }`;
        }
        const counts = this.p(and(r.condition, r.kind === 'recommend' ? r.where : TRUE));
        lines.push(`  return checkCount(ns, { kind: ${str(r.kind)}${award}${this.perField(r.per)}, op: ${str(r.op)}, limit: ${limit} }, belongs(${counts}, x), (n) => exempt(n, x), x);`);
        break;
      }
      case 'prefer':
        lines.push(`  return checkPreference(ns, ${awardArg}, belongs(${this.p(r.condition)}, x), belongs(${this.p(r.pred)}, x));`);
        break;
    }
    this.declarations.push(`function ${name}(ns: readonly Checked[], x: Context): SlateVerdict {\n${lines.join('\n')}\n}`);
    return name;
  }
}

