/**
 * The diff as people read it: a plan-like summary (how many rules were added, removed, tightened,
 * loosened, changed in meaning), then each change with its reason and a witness. The same lines serve
 * the terminal (with colour) and Markdown (headings and lists) through a small style table.
 */
import type { Localized } from '@awardrules/runtime';
import type { ChangeKind, DiffResult, RuleChange, RuleRef, Witness } from '../types.js';
import { verdictText } from '../witness.js';
import type { ImpactResult } from '../impact.js';

export type Locale = 'zh' | 'en';

export interface Style {
  heading(s: string): string;
  kind(kind: ChangeKind, s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const PLAIN: Style = { heading: (s) => s, kind: (_k, s) => s, dim: (s) => s, bold: (s) => s };

/** Markdown emphasis for a review memo (headings and lists come from the renderer). */
export const MARKDOWN: Style = { heading: (s) => s, kind: (_k, s) => `**${s}**`, dim: (s) => `_${s}_`, bold: (s) => `**${s}**` };

const KIND_WORDS: Record<ChangeKind, Localized> = {
  added: { en: 'added', zh: '新增' },
  removed: { en: 'removed', zh: '删除' },
  tightened: { en: 'tightened', zh: '收紧' },
  loosened: { en: 'loosened', zh: '放宽' },
  changed: { en: 'changed in meaning', zh: '含义改变' },
  reworded: { en: 'reworded (no change in meaning)', zh: '仅表述改变（含义不变）' },
};

const ORDER: readonly ChangeKind[] = ['tightened', 'loosened', 'changed', 'added', 'removed', 'reworded'];

export function kindWord(k: ChangeKind, locale: Locale): string {
  return KIND_WORDS[k][locale];
}

function ruleName(r: RuleRef | undefined, locale: Locale): string {
  if (!r) return '—';
  const tag = r.tags.length ? r.tags.map((t) => `#${t}`).join(' ') : locale === 'zh' ? `第 ${r.line} 行` : `line ${r.line}`;
  return r.clause ? `${tag} @${r.clause}` : tag;
}

export function witnessLine(w: Witness, locale: Locale): string {
  const zh = locale === 'zh';
  const what = w.description[locale];
  const before = w.noteBefore ? w.noteBefore[locale] : verdictText(w.before)[locale];
  const after = w.noteAfter ? w.noteAfter[locale] : verdictText(w.after)[locale];
  return zh ? `例：${what}。此前${before}，现在${after}。` : `e.g. ${what}: ${before} before, ${after} now.`;
}

export function summaryLine(d: DiffResult, locale: Locale): string {
  const c = d.counts;
  return locale === 'zh'
    ? `新增 ${c.added} 条，删除 ${c.removed} 条，收紧 ${c.tightened} 条，放宽 ${c.loosened} 条，含义改变 ${c.changed} 条，仅表述改变 ${c.reworded} 条，未变 ${c.unchanged} 条。`
    : `${c.added} added, ${c.removed} removed, ${c.tightened} tightened, ${c.loosened} loosened, ${c.changed} changed in meaning, ${c.reworded} reworded, ${c.unchanged} unchanged.`;
}

function changeLines(c: RuleChange, locale: Locale, style: Style, bullet: string, indent: string): string[] {
  const zh = locale === 'zh';
  const names = c.kind === 'added' ? ruleName(c.new, locale) : c.kind === 'removed' ? ruleName(c.old, locale)
    : ruleName(c.old, locale) === ruleName(c.new, locale) ? ruleName(c.new, locale) : `${ruleName(c.old, locale)} → ${ruleName(c.new, locale)}`;
  const lines = [`${bullet}${style.bold(names)}  ${c.summary[locale]}${c.kind === 'reworded' ? '' : `: ${style.kind(c.kind, kindWord(c.kind, locale))}`}`];
  for (const d of c.details.slice(c.kind === 'reworded' ? 0 : 2)) lines.push(`${indent}${d[locale]}`);
  if (c.kind === 'added' || c.kind === 'removed') lines.push(`${indent}${style.dim((c.kind === 'added' ? c.new! : c.old!).text[locale])}`);
  for (const w of c.witnesses) lines.push(`${indent}${witnessLine(w, locale)}`);
  if (!c.exhaustive) lines.push(`${indent}${style.dim(zh ? '（情形过多，结论基于抽样）' : '(too many cases to try them all: this rests on a sample)')}`);
  return lines;
}

function header(d: DiffResult, locale: Locale): string {
  const name = (f: DiffResult['old']) => [f.code, f.file].filter(Boolean).join(' ');
  return locale === 'zh' ? `规则比较：${name(d.old)} → ${name(d.new)}` : `Rule changes: ${name(d.old)} → ${name(d.new)}`;
}

function renameLines(d: DiffResult, locale: Locale): string[] {
  const what: Record<string, Localized> = { award: { en: 'award', zh: '奖项' }, field: { en: 'field', zh: '字段' }, value: { en: 'value', zh: '取值' }, stage: { en: 'stage', zh: '环节' }, material: { en: 'material', zh: '材料' }, table: { en: 'table', zh: '名额表' } };
  return d.renames.map((r) => `${what[r.what]![locale]} ${r.oldLabel} (${r.old}) ↔ ${r.newLabel} (${r.new})`);
}

function noticeLines(d: DiffResult, locale: Locale): string[] {
  const words: Record<string, Localized> = {
    reference: { en: 'reference date (基准日) for look-back rules', zh: '基准日（近N年、满N年的计算截止日）' }, code: { en: 'document number', zh: '文号' }, title: { en: 'title', zh: '标题' },
    issued: { en: 'issued', zh: '印发日期' }, issuers: { en: 'issued by', zh: '印发单位' },
  };
  return d.notice.map((n) => `${words[n.what]![locale]}: ${n.before ?? '—'} → ${n.after ?? '—'}`);
}

/** The report, as terminal text (`markdown: false`) or Markdown. */
export function renderDiff(d: DiffResult, locale: Locale, style: Style, markdown: boolean, impact?: ImpactResult): string {
  const zh = locale === 'zh';
  const out: string[] = [];
  const h = (level: number, s: string) => out.push(markdown ? `${'#'.repeat(level)} ${s}` : style.heading(s));
  h(1, header(d, locale));
  out.push('', summaryLine(d, locale));
  const renames = renameLines(d, locale);
  if (renames.length) { out.push(''); h(2, zh ? '对应关系' : 'Matched under new names'); for (const r of renames) out.push(`${markdown ? '- ' : '  '}${r}`); }
  const notice = noticeLines(d, locale);
  if (notice.length) { out.push(''); h(2, zh ? '通知' : 'The notice'); for (const r of notice) out.push(`${markdown ? '- ' : '  '}${r}`); }
  for (const kind of ORDER) {
    const list = d.changes.filter((c) => c.kind === kind);
    if (!list.length) continue;
    out.push('');
    h(2, `${kindWord(kind, locale).replace(/^./, (x) => x.toUpperCase())} (${list.length})`);
    for (const c of list) out.push(...changeLines(c, locale, style, markdown ? '- ' : '  ', markdown ? '  - ' : '      '));
  }
  if (impact) out.push('', ...renderImpact(impact, locale, style, markdown));
  return `${out.join('\n')}\n`;
}

export function renderImpact(impact: ImpactResult, locale: Locale, style: Style, markdown: boolean): string[] {
  const zh = locale === 'zh';
  const out: string[] = [];
  const h = (level: number, s: string) => out.push(markdown ? `${'#'.repeat(level)} ${s}` : style.heading(s));
  const b = markdown ? '- ' : '  ';
  const i = markdown ? '  - ' : '      ';
  h(2, zh ? `对名单的影响：${impact.slate}（${impact.nominees} 名）` : `Effect on the slate ${impact.slate} (${impact.nominees} nominees)`);
  const groups: [string, typeof impact.nomineeChanges][] = [
    [zh ? '新增不符合' : 'Newly failing', impact.nomineeChanges.filter((c) => c.after === 'fails' && c.before !== 'fails')],
    [zh ? '不再不符合' : 'No longer failing', impact.nomineeChanges.filter((c) => c.before === 'fails' && c.after !== 'fails')],
    [zh ? '新增警告' : 'New warnings', impact.nomineeChanges.filter((c) => c.after === 'warning' && c.before === 'passes')],
    [zh ? '警告解除' : 'Warnings gone', impact.nomineeChanges.filter((c) => c.before === 'warning' && c.after === 'passes')],
  ];
  for (const [title, list] of groups) {
    if (!list.length) continue;
    out.push('', `${style.bold(title)} (${list.length})`);
    // Nominees with the same reasons are listed together, the reasons once.
    const byCause = new Map<string, typeof list[number][]>();
    for (const c of list) {
      const key = c.because.map((x) => `${x.appears}|${x.rule}|${x.message[locale].replace(/实际：.*|Found: .*/, '')}`).join('\n');
      byCause.set(key, [...(byCause.get(key) ?? []), c]);
    }
    for (const members of byCause.values()) {
      const who = members.map((c) => `${c.id} ${c.name}${c.row !== undefined ? (zh ? `（第 ${c.row} 行）` : ` (row ${c.row})`) : ''}`);
      const shown = who.length > 12 ? [...who.slice(0, 10), zh ? `等 ${who.length} 名` : `and ${who.length - 10} more`] : who;
      out.push(`${b}${shown.join(zh ? '、' : ', ')}`);
      for (const x of members[0]!.because) {
        const text = members.length > 1 ? x.message[locale].replace(/\s*(实际：|Found: ).*$/, '') : x.message[locale];
        out.push(`${i}${x.appears ? '' : zh ? '不再：' : 'no longer: '}${x.rule}: ${text}`);
      }
    }
  }
  if (impact.slateChanges.length) {
    out.push('', style.bold(zh ? '整份名单' : 'The whole slate'));
    for (const s of impact.slateChanges) out.push(`${b}${s.appears ? (zh ? '出现' : 'appears') : (zh ? '消失' : 'disappears')} ${s.rule}: ${s.message[locale]}`);
  }
  if (!impact.nomineeChanges.length && !impact.slateChanges.length) out.push('', zh ? '名单的审核结果没有变化。' : 'No nominee and no slate-level finding changes.');
  return out;
}
