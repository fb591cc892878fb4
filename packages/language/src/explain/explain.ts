/**
 * Every rule as a plain sentence a policy officer would recognise, in Chinese or English, with its
 * tag and clause, grouped by award. Hover in the language server shows the same sentences.
 */
import { formatDay } from '@awardrules/runtime';
import type { Locale } from '../diagnostics/render.js';
import type { AttestGroupModel, MaterialModel, Model, RuleModel, Total } from '../model/types.js';
import { Phrases } from './phrases.js';

export interface ExplainedRule {
  readonly rule: RuleModel;
  readonly text: string;
}

export interface ExplainedSection {
  /** The award, or undefined for rules that apply to every award. */
  readonly award?: string;
  readonly heading: string;
  readonly rules: readonly ExplainedRule[];
}

export interface Explanation {
  readonly heading: string;
  readonly sections: readonly ExplainedSection[];
}

export function explain(model: Model, locale: Locale): Explanation {
  const ph = new Phrases(model, locale);
  const zh = locale === 'zh';
  const n = model.notice;
  const heading = [n.code, n.title, n.issued !== undefined ? (zh ? `（${formatDay(n.issued)}）` : `(${formatDay(n.issued)})`) : undefined]
    .filter(Boolean).join(zh ? '' : ' ');
  const sections: ExplainedSection[] = [];
  const common = model.rules.filter((r) => !r.award);
  if (common.length) sections.push({ heading: zh ? '适用于全部奖项' : 'All awards', rules: common.map((rule) => ({ rule, text: explainRule(model, rule, locale, ph) })) });
  for (const a of model.awards) {
    const rules = model.rules.filter((r) => r.award === a.id);
    const kind = zh ? (a.kind === 'collective' ? '集体' : '个人') : a.kind;
    const title = zh ? (a.zh ?? a.id) : (a.en ?? a.zh ?? a.id);
    sections.push({ award: a.id, heading: zh ? `${title}（${kind}）` : `${title} (${kind})`, rules: rules.map((rule) => ({ rule, text: explainRule(model, rule, locale, ph) })) });
  }
  return { heading, sections };
}

/** Plain text of an explanation, as `awardc explain` prints it. */
export function explanationText(e: Explanation, locale: Locale): string {
  const lines = [e.heading, ''];
  for (const s of e.sections) {
    lines.push(s.heading);
    for (const { rule, text } of s.rules) lines.push(`  ${ruleLabel(rule, locale)} ${text}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function ruleLabel(rule: RuleModel, locale: Locale): string {
  const tags = rule.tags.map((t) => `#${t}`).join(' ') || (locale === 'zh' ? '（无编号）' : '(untagged)');
  return rule.clause ? `[${tags} ${locale === 'zh' ? '条款' : 'clause'} ${rule.clause}]` : `[${tags}]`;
}

export function explainRule(model: Model, r: RuleModel, locale: Locale, phrases = new Phrases(model, locale)): string {
  const ph = phrases.forRule(r);
  const zh = locale === 'zh';
  const body = ruleBody(model, r, ph);
  const when = r.condition.k === 'const' ? '' : zh ? `${ph.pred(r.condition)}的，` : `For nominees where ${ph.pred(r.condition)}: `;
  const soft = r.soft ? (zh ? '原则上' : 'In principle (a warning, not an error): ') : '';
  return zh ? `${when}${soft}${body}` : `${when}${soft}${body}`;
}

function totalText(ph: Phrases, t: Total): string {
  const award = t.award ? ph.model.awards.find((a) => a.id === t.award) : undefined;
  const title = award ? (ph.zh ? (award.zh ?? award.id) : (award.en ?? award.id)) : undefined;
  if (ph.zh) return `${title ?? ''}${t.which === 'recommended' ? '推荐总数' : '评选总数'}`;
  return `${t.which === 'recommended' ? 'all recommended' : 'all selected'} nominees${title ? ` of ${title}` : ''}`;
}

function ruleBody(model: Model, r: RuleModel, ph: Phrases): string {
  const zh = ph.zh;
  switch (r.kind) {
    case 'scope': return zh ? `评选范围：${ph.pred(r.pred)}。` : `Scope: only nominees where ${ph.pred(r.pred)}.`;
    case 'exclude': {
      const unless = r.unless ? (zh ? `；但${ph.pred(r.unless)}的除外` : `, unless ${ph.pred(r.unless)}`) : '';
      return zh ? `${ph.pred(r.pred)}的，不参加评选${unless}。` : `Excluded: nominees where ${ph.pred(r.pred)}${unless}.`;
    }
    case 'require': {
      const unless = r.unless ? (zh ? `（${ph.pred(r.unless)}的除外）` : `, unless ${ph.pred(r.unless)}`) : '';
      return zh ? `须${ph.pred(r.pred)}${unless}。` : `Required: ${ph.pred(r.pred)}${unless}.`;
    }
    case 'attest': return attest(ph, r.group) + (zh ? '' : '.');
    case 'cap': {
      const who = ph.pred(r.selector);
      if (r.bound === 'controlled') return zh ? `${who}的，比例从严控制（提请审核）。` : `The share of nominees where ${who} is strictly controlled (flagged for review).`;
      const per = r.per ? (zh ? `（按${ph.field(r.per)}分别计算）` : `, in each ${ph.field(r.per)}`) : '';
      const zhOp = { '<=': '不超过', '<': '低于', '>=': '不低于', '>': '高于', '=': '等于' }[r.bound.op];
      const enOp = { '<=': 'at most', '<': 'less than', '>=': 'at least', '>': 'more than', '=': 'exactly' }[r.bound.op];
      return zh ? `${who}的人数${zhOp}${totalText(ph, r.total)}的${r.bound.percent}%${per}。`
        : `Nominees where ${who} make up ${enOp} ${r.bound.percent}% of ${totalText(ph, r.total)}${per}.`;
    }
    case 'quota': case 'recommend': {
      const per = r.per ? (zh ? `每个${ph.field(r.per)}的` : `per ${ph.field(r.per)}, `) : '';
      const what = r.kind === 'quota' ? (zh ? '表彰名额' : 'awards') : zh ? '推荐人数' : 'nominees recommended';
      const zhOp = { '<=': '不超过', '<': '少于', '>=': '不少于', '>': '多于', '=': '为' }[r.op];
      const enOp = { '<=': 'at most', '<': 'fewer than', '>=': 'at least', '>': 'more than', '=': 'exactly' }[r.op];
      const a = r.amount;
      const award = model.awards.find((x) => x.id === r.award);
      const measure = zh && a.kind === 'number' ? (r.kind === 'recommend' || award?.kind === 'individual' ? '名' : '个') : '';
      const amount = a.kind === 'number' ? `${a.value}${measure}`
        : a.kind === 'share-of-quota' ? (zh ? `表彰名额的${a.percent}%` : `${a.percent}% of the award quota`)
        : (() => {
          const t = model.tables.find((x) => x.id === a.table);
          const label = t?.label ?? a.table;
          return zh ? `“${label}”所列数额` : `the number listed in “${label}”`;
        })();
      const where = r.kind === 'recommend' && r.where.k !== 'const' ? (zh ? `（只计${ph.pred(r.where)}的对象）` : ` (counting nominees where ${ph.pred(r.where)})`) : '';
      if (zh) return `${per}${what}${zhOp}${amount}${where}。`;
      const lead = per ? `${per.replace(/^./, (c) => c.toUpperCase())}${what}` : what.replace(/^./, (c) => c.toUpperCase());
      return `${lead}: ${enOp} ${amount}${where}.`;
    }
    case 'exempt': return zh ? `${ph.pred(r.pred)}的对象不占名额。` : `Nominees where ${ph.pred(r.pred)} do not count against the quota.`;
    case 'route': {
      const enumId = ph.enumOfField(r.field)!;
      const cases = r.cases.map((c) => (zh ? `${ph.pred(c.when)}的，${ph.field(r.field)}为${ph.value(enumId, c.target)}` : `${ph.pred(c.when)} → ${ph.value(enumId, c.target)}`));
      return zh ? `${cases.join('；')}。` : `${ph.field(r.field)} by nominee: ${cases.join('; ')}.`;
    }
    case 'publicity': {
      const level = ph.value('publicity-level', r.level);
      const unit = r.duration.unit === 'workdays' ? (zh ? '个工作日' : ' working days') : zh ? '日（自然日）' : ' calendar days';
      const zhOp = { '>=': '不少于', '>': '多于', '=': '' }[r.op];
      const enOp = { '>=': 'at least ', '>': 'more than ', '=': '' }[r.op];
      const stage = (id: string | undefined) => {
        const s = id ? model.stages.find((x) => x.id === id) : undefined;
        return s ? (zh ? `“${s.label ?? s.id}”` : `“${s.label ?? s.id}”`) : '';
      };
      const each = r.each ? (zh ? '（多重身份的，在每个所在单位同时公示）' : ', at each of the nominee\'s units at the same time') : '';
      const timing = zh
        ? `${r.after ? `${stage(r.after)}之后、` : ''}${r.before ? `${stage(r.before)}之前，` : ''}`
        : `${r.after ? ` after ${stage(r.after)}` : ''}${r.before ? ` before ${stage(r.before)}` : ''}`;
      return zh ? `${timing}在${level}公示${zhOp}${r.duration.amount}${unit}${each}。` : `Publicised at ${r.level === 'unit' ? level : `${level} level`} for ${enOp}${r.duration.amount}${unit}${timing}${each}.`;
    }
    case 'consult': {
      const d = r.departments.map((x) => ph.value('department', x));
      return zh ? `须征求${d.join('、')}意见。` : `Opinions on file from: ${ph.list(d, 'and')}.`;
    }
    case 'deadline': {
      const s = model.stages.find((x) => x.id === r.stage);
      return zh ? `${s?.label ?? r.stage}：${formatDay(r.date)}前完成。` : `${s?.label ?? r.stage}: by ${formatDay(r.date)}.`;
    }
    case 'material': return r.items.map((m) => material(ph, m)).join(zh ? '；' : '; ') + (zh ? '。' : '.');
    case 'prefer': return zh ? `优先考虑${r.text ? `：${r.text}` : `${ph.pred(r.pred)}的对象`}（不作硬性要求）。` : `Preferred (not a requirement): ${r.text ?? `nominees where ${ph.pred(r.pred)}`}.`;
  }
}

function attest(ph: Phrases, g: AttestGroupModel, depth = 0): string {
  const zh = ph.zh;
  const items = g.entries.map((e) => (e.kind === 'item' ? (e.text ?? e.id) : attest(ph, e, depth + 1)));
  if (zh) return `${g.mode === 'all' ? '须同时具备' : '须具备下列条件之一'}：${items.join('；')}${depth === 0 ? '。' : ''}`;
  return `${g.mode === 'all' ? 'all of' : 'any one of'}: ${items.join('; ')}`.replace(/^./, (c) => (depth === 0 ? `Must meet ${c}` : c));
}

function material(ph: Phrases, m: MaterialModel): string {
  const zh = ph.zh;
  const parts: string[] = [];
  const label = m.label ?? m.id;
  const opZh = { '<=': '不超过', '<': '少于', '>=': '不少于', '>': '多于', '=': '' } as const;
  const opEn = { '<=': 'at most ', '<': 'fewer than ', '>=': 'at least ', '>': 'more than ', '=': '' } as const;
  if (m.chars) parts.push('about' in m.chars ? (zh ? `${m.chars.about}字左右` : `about ${m.chars.about} characters`) : zh ? `${opZh[m.chars.op]}${m.chars.value}字` : `${opEn[m.chars.op]}${m.chars.value} characters`);
  // 一式3份 (copies >= 3) is how notices ask for copies; other bounds are said in words.
  const plainCopies = m.copies?.op === '>=' || m.copies?.op === '=';
  if (m.copies) parts.push(zh ? `一式${plainCopies ? '' : opZh[m.copies.op]}${m.copies.value}份` : `${plainCopies ? '' : opEn[m.copies.op]}${m.copies.value} copies`);
  if (m.formats) parts.push(zh ? `${m.formats.map((f) => ph.value('file-format', f)).join('或')}格式` : `${m.formats.map((f) => ph.value('file-format', f)).join(' or ')} format`);
  if (m.sizeBytes) parts.push(zh ? `文件大小${size(m.sizeBytes.min)}至${size(m.sizeBytes.max)}` : `between ${size(m.sizeBytes.min)} and ${size(m.sizeBytes.max)}`);
  if (m.namePattern) {
    const pattern = m.namePattern.map((p) => (p.kind === 'text' ? p.text : `{${ph.field(p.field)}${p.format ? `:${p.format}` : ''}}`)).join('');
    parts.push(zh ? `文件命名为“${pattern}”` : `file named “${pattern}”`);
  }
  if (m.electronic) parts.push(zh ? '附电子版' : 'with an electronic copy');
  const optional = m.required ? '' : zh ? '（如有）' : ' (if any)';
  const details = parts.length ? (zh ? `：${parts.join('，')}` : `: ${parts.join(', ')}`) : '';
  return zh ? `${label}${optional}${details}` : `${label}${optional}${details}`;
}

function size(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}
