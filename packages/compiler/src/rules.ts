/**
 * Each rule compiled to a check function with the same verdicts as the reference interpreter
 * (packages/interpreter/src/interpret.ts): nominee rules return a NomineeVerdict, slate rules a
 * SlateVerdict. Conditions go through the predicate compiler; counting and wording use the runtime.
 */
import { formatDay } from '@awardrules/runtime';
import { fieldsOf, type AttestGroupModel, type Model, type Pred, type RuleModel } from '@awardrules/language';
import { PredicateCompiler } from './predicates.js';
import { lit, str } from './names.js';

const NOMINEE_KINDS = new Set(['scope', 'exclude', 'require', 'attest', 'route', 'publicity', 'consult', 'deadline', 'material']);

export class RuleCompiler {
  readonly declarations: string[] = [];
  /** One `RuleCheck` expression per rule, in order. */
  readonly checks: string[] = [];
  readonly predicates: PredicateCompiler;
  private attestCount = 0;

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
    if (r.award) lines.push(`  if (n.award !== ${str(r.award)}) return notForAward(schema.awards[${this.model.awards.findIndex((a) => a.id === r.award)}]!);`);
    if (r.condition.k !== 'const' || !r.condition.value) {
      lines.push('  const mc: string[] = [];', `  const c = ${this.p(r.condition)}(n, x, mc);`);
      lines.push("  if (c === undefined) return { outcome: 'unknown', missing: [...new Set(mc)] };");
      lines.push(`  if (!c) return notUnderCondition(rules[${i}]!);`);
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
          lines.push("  if (u === undefined) return { outcome: 'unknown', missing: [...new Set(mu)] };");
          lines.push('  if (u) return EXCEPTION_APPLIES;');
        }
        lines.push(`  return { outcome: 'failed', fields: ${lit(read)}, measured: fieldsText(FS${i}, n.values, x.ref) };`);
        break;
      }
      case 'attest': {
        lines.push("  const have = (n.values['attested'] as ReadonlySet<string> | undefined) ?? EMPTY;");
        lines.push('  const missing: string[] = [];');
        lines.push(`  if (${this.attestExpr(r.group, 'missing')}) return PASSED;`);
        lines.push("  return { outcome: 'failed', fields: ['attested'], measured: notConfirmed(missing) };");
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
        lines.push(`  const res = checkPublicity(n, PUB${i}, x.calendar, x.deadlines);`);
        lines.push("  if (res.outcome === 'passed') return res.measured ? { outcome: 'passed', reason: res.measured } : { outcome: 'passed' };");
        lines.push(`  if (res.outcome === 'not-due') return notDue(PUB${i}.beforeLabel);`);
        lines.push("  if (res.outcome === 'single-unit') return SINGLE_UNIT;");
        lines.push("  if (res.outcome === 'unknown') return { outcome: 'no-calendar', year: res.missingYear! };");
        lines.push("  return { outcome: 'failed', fields: ['publicity-records'], ...(res.measured ? { measured: res.measured } : {}), ...(res.required ? { required: res.required } : {}) };");
        break;
      }
      case 'consult': {
        lines.push("  const have = (n.values['consulted'] as ReadonlySet<string> | undefined) ?? EMPTY;");
        lines.push(`  const missing = ${lit(r.departments)}.filter((d) => !have.has(d));`);
        lines.push('  if (missing.length === 0) return PASSED;');
        lines.push("  return { outcome: 'failed', fields: ['consulted'], measured: noOpinion(missing.map((d) => valueText(F('consulted'), d))) };");
        break;
      }
      case 'deadline': {
        lines.push(`  const day = n.submitted[${str(r.stage)}];`);
        lines.push('  if (day === undefined) return NO_SUBMISSION;');
        lines.push(`  if (day <= ${r.date}) return PASSED;`);
        lines.push(`  return { outcome: 'failed', fields: ['submitted'], measured: t(\`submitted \${formatDay(day)}\`, \`报送于\${formatDay(day)}\`), required: t(${str(`by ${formatDay(r.date)}`)}, ${str(`${formatDay(r.date)}前`)}) };`);
        break;
      }
      case 'material': {
        const specs = r.items.map((m) => ({
          id: m.id, label: { zh: m.label ?? m.id, en: m.label ?? m.id }, required: m.required, electronic: m.electronic,
          ...(m.chars ? { chars: m.chars } : {}), ...(m.copies ? { copies: m.copies } : {}), ...(m.formats ? { formats: m.formats } : {}),
          ...(m.sizeBytes ? { sizeBytes: m.sizeBytes } : {}),
          ...(m.namePattern ? { namePattern: m.namePattern.map((p) => (p.kind === 'text' ? { text: p.text } : { field: p.field, ...(p.format ? { format: p.format } : {}) })) } : {}),
        }));
        this.declarations.push(`const MAT${i}: readonly MaterialSpec[] = ${lit(specs)};`);
        lines.push('  const problems: Localized[] = [];', '  const missing: string[] = [];');
        lines.push(`  for (const spec of MAT${i}) {`, '    const res = checkMaterial(n, spec);', '    problems.push(...res.problems);', '    missing.push(...res.missingFields);', '  }');
        lines.push("  if (missing.length) return { outcome: 'unknown', missing: [...new Set(missing)] };");
        lines.push('  if (problems.length === 0) return PASSED;');
        lines.push("  return { outcome: 'failed', fields: ['materials'], measured: t(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；')) };");
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

  private exemptFunction(exempts: readonly Extract<RuleModel, { kind: 'exempt' }>[]): string {
    const tests = exempts.map((r) => {
      const award = r.award ? `n.award === ${str(r.award)} && ` : '';
      return `(${award}${this.p(r.condition)}(n, x, []) === true && ${this.p(r.pred)}(n, x, []) === true)`;
    });
    return `/** Nominees an \`exempt … from quota\` rule takes out of the counts. */\nfunction exempt(n: Checked, x: Context): boolean {\n  void n; void x;\n  return ${tests.length ? tests.join(' ||\n    ') : 'false'};\n}`;
  }

  private slateRule(r: RuleModel, i: number): string {
    const name = `s${i}`;
    const award = r.award ? str(r.award) : 'undefined';
    const cond = this.p(r.condition);
    const lines: string[] = [];
    switch (r.kind) {
      case 'cap': {
        const sel = this.p(r.selector);
        const selFields = lit([...fieldsOf(r.selector)]);
        if (r.bound === 'controlled') {
          lines.push(`  const all = collect(ns, ${award}, x, [${cond}]);`, `  const group = collect(ns, ${award}, x, [${cond}, ${sel}]);`);
          lines.push('  const unknown = [...all.unknown, ...group.unknown.filter((u) => !all.unknown.some((a) => a.nominee === u.nominee))];');
          lines.push('  if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };');
          lines.push("  if (group.members.length === 0) return { failures: [], unknown: [], reason: t('none on the slate', '名单中没有') };");
          lines.push('  const share = shareText(group.members.length, all.members.length);');
          lines.push('  const names = group.members.map((n) => n.ref.name || n.ref.id);');
          lines.push(`  return { failures: [{ fields: ${selFields}, measured: t(\`\${share.en}: \${names.join(', ')}\`, \`\${share.zh}：\${names.join('、')}\`) }], unknown: [], reason: share };`);
          break;
        }
        const b = r.bound;
        const total = r.total;
        if (total.which === 'selected') lines.push('  if (!x.hasSelection) return { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };');
        const inTotal = [`!!n.award`, ...(total.award ? [`n.award === ${str(total.award)}`] : []), ...(total.which === 'selected' ? ['n.selected === true'] : [])].join(' && ');
        lines.push(`  const population = ns.filter((n) => ${inTotal});`);
        lines.push(`  const group = collect(population, ${award}, x, [${cond}, ${sel}]);`);
        lines.push('  const unknown = [...group.unknown];');
        lines.push('  const groups = new Map<string, Checked[]>();');
        lines.push('  for (const n of population) {');
        if (r.per) {
          lines.push(`    const v = n.values[${str(r.per)}];`);
          lines.push(`    if (v === undefined) { if (!unknown.some((u) => u.nominee === n)) unknown.push({ nominee: n, missing: [${str(r.per)}] }); continue; }`);
          lines.push('    const key = String(v);');
        } else lines.push("    const key = '';");
        lines.push('    const list = groups.get(key);', '    if (list) list.push(n); else groups.set(key, [n]);', '  }');
        lines.push('  if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };');
        lines.push('  const inGroup = new Set(group.members);');
        lines.push('  const failures: Failure[] = [];');
        lines.push('  for (const [key, people] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {');
        lines.push('    const count = people.filter((n) => inGroup.has(n)).length;');
        lines.push(`    if (shareWithin(count, people.length, ${str(b.op)}, ${b.percent})) continue;`);
        lines.push('    const share = shareText(count, people.length);');
        lines.push(r.per
          ? `    const where = valueText(F(${str(r.per)}), key);\n    failures.push({ fields: ${selFields}, measured: t(\`\${where.en}: \${share.en}\`, \`\${where.zh}：\${share.zh}\`), required: REQ${i} });`
          : `    void key;\n    failures.push({ fields: ${selFields}, measured: share, required: REQ${i} });`);
        lines.push('  }');
        lines.push('  return { failures, unknown: [], reason: shareText(group.members.length, population.length) };');
        this.declarations.push(`const REQ${i}: Localized = t(\`\${OP_WORDS[${str(b.op)}]!.en} ${b.percent}%\`, \`\${OP_WORDS[${str(b.op)}]!.zh}${b.percent}%\`);`);
        break;
      }
      case 'quota': case 'recommend': {
        if (r.kind === 'quota') lines.push('  if (!x.hasSelection) return { failures: [], unknown: [], needsSelection: true, reason: NO_SELECTION };');
        const pool = r.kind === 'quota' ? 'ns.filter((n) => n.selected === true)' : 'ns';
        const where = r.kind === 'recommend' && r.where.k !== 'const' ? `, ${this.p(r.where)}` : '';
        lines.push(`  const scoped = collect(${pool}, ${award}, x, [${cond}${where}]);`);
        lines.push('  const unknown = [...scoped.unknown];');
        lines.push('  const counted = scoped.members.filter((n) => !exempt(n, x));');
        lines.push('  const groups = new Map<string, number>();');
        lines.push('  for (const n of counted) {');
        if (r.per) {
          lines.push(`    const v = n.values[${str(r.per)}];`, `    if (v === undefined) { unknown.push({ nominee: n, missing: [${str(r.per)}] }); continue; }`, '    const key = String(v);');
        } else lines.push("    const key = '';");
        lines.push('    groups.set(key, (groups.get(key) ?? 0) + 1);', '  }');
        lines.push('  if (unknown.length) return { failures: [], unknown, reason: UNCLASSIFIED };');
        const a = r.amount;
        let limits = '';
        if (a.kind === 'table') {
          const table = this.model.tables.find((tb) => tb.id === a.table)!;
          // A Map, not an object: a row keyed `constructor` or `__proto__` must not meet Object.prototype.
          const rows = table.rows.map((row) => [row.key, row.values[a.column] ?? 0]);
          this.declarations.push(`const LIMITS${i}: ReadonlyMap<string, number> = new Map<string, number>(${lit(rows)});`);
          lines.push(`  for (const key of LIMITS${i}.keys()) if (!groups.has(key)) groups.set(key, 0);`);
          limits = `LIMITS${i}.get(key) ?? 0`;
        }
        if (!r.per) lines.push("  if (!groups.has('')) groups.set('', 0);");
        lines.push('  const failures: Failure[] = [];');
        lines.push('  for (const [key, count] of [...groups].sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))) {');
        const op = str(r.op);
        if (a.kind === 'share-of-quota') {
          const q = this.model.rules.find((x) => x.kind === 'quota' && x.award === r.award && !x.per && x.amount.kind === 'number');
          const quota = q && q.kind === 'quota' && q.amount.kind === 'number' ? q.amount.value : undefined;
          if (quota === undefined) lines.push('    void key; void count; continue;');
          else {
            lines.push(`    if (compare(count * 1_000_000, ${op}, ${Math.round(a.percent * 10_000)} * ${quota})) continue;`);
            lines.push(`    const required = t(\`\${OP_WORDS[${op}]!.en} ${a.percent}% of the quota of ${quota}\`, \`\${OP_WORDS[${op}]!.zh}表彰名额${quota}的${a.percent}%\`);`);
          }
        } else {
          lines.push(`    const limit = ${a.kind === 'number' ? String(a.value) : limits};`);
          lines.push(`    if (compare(count, ${op}, limit)) continue;`);
          lines.push(`    const required = t(\`\${OP_WORDS[${op}]!.en} \${limit}\`, \`\${OP_WORDS[${op}]!.zh}\${limit}\`);`);
        }
        if (!(a.kind === 'share-of-quota' && !this.model.rules.some((x) => x.kind === 'quota' && x.award === r.award && !x.per && x.amount.kind === 'number'))) {
          if (r.per) {
            const field = this.model.fields.get(r.per);
            const schemaField = field ? `F(${str(r.per)})` : `{ id: ${str(r.per)}, prop: ${str(r.per)}, label: t(${str(r.per)}, ${str(r.per)}), kind: 'text' }`;
            lines.push(`    const label = valueText(FIELDS.get(${str(r.per)}) ?? ${schemaField}, key);`);
            lines.push(`    failures.push({ fields: [${str(r.per)}], measured: t(\`\${label.en}: \${count}\`, \`\${label.zh}：\${count}\`), required });`);
          } else lines.push('    failures.push({ fields: [], measured: t(String(count), String(count)), required });');
        }
        lines.push('  }');
        lines.push("  return { failures, unknown: [], reason: t(`${counted.length} counted`, `计 ${counted.length} 名`) };");
        break;
      }
      case 'prefer': {
        const pred = this.p(r.pred);
        lines.push(`  const all = collect(ns, ${award}, x, [${cond}]);`, `  const preferred = collect(ns, ${award}, x, [${cond}, ${pred}]);`);
        lines.push('  if (all.unknown.length || preferred.unknown.length) {');
        lines.push('    return { failures: [], unknown: [...all.unknown, ...preferred.unknown.filter((u) => !all.unknown.some((a) => a.nominee === u.nominee))], reason: UNCLASSIFIED };');
        lines.push('  }');
        lines.push("  if (all.members.length === 0) return { failures: [], unknown: [], reason: t('no nominee it concerns', '没有相关推荐对象') };");
        lines.push('  const share = shareText(preferred.members.length, all.members.length);');
        lines.push('  return { failures: [], unknown: [], note: share, reason: share };');
        break;
      }
    }
    this.declarations.push(`function ${name}(ns: readonly Checked[], x: Context): SlateVerdict {\n${lines.join('\n')}\n}`);
    return name;
  }
}

