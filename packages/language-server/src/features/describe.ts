/**
 * What a symbol is, in a few lines of Markdown in the user's language: a field's type, a value with
 * its list and both names, an award's kind, a stage's deadline, a table's shape. Hover shows it;
 * completion uses the one-line summaries.
 */
import { formatDay } from '@awardrules/runtime';
import {
  englishLabel, explainRule, KEYWORD_BY_NAME, ruleLabel,
  type EnumModel, type FieldModel, type FieldType, type Locale, type MaterialModel, type Model, type RuleModel,
} from '@awardrules/language';
import { say } from '../messages.js';
import { parseKey, termOf } from '../symbols.js';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** "职级" / "rank": a list's name for the user. */
export function listName(e: EnumModel | undefined, id: string, locale: Locale): string {
  if (!e) return id;
  return locale === 'zh' ? e.zh : englishLabel(e);
}

function gloss(keyword: string, locale: Locale): string {
  return KEYWORD_BY_NAME.get(keyword)?.[locale] ?? keyword;
}

export function typeText(model: Model, t: FieldType, locale: Locale): string {
  const list = (id: string) => {
    const e = model.enums.get(id);
    return locale === 'zh' || !e ? listName(e, id, locale) : `${listName(e, id, locale)} (${e.zh})`;
  };
  switch (t.kind) {
    case 'bool': return `yes/no — ${gloss('YesNo', locale)}`;
    case 'number': return `number — ${gloss('NumberType', locale)}`;
    case 'percent': return `percent — ${gloss('PercentType', locale)}`;
    case 'text': return `text — ${gloss('TextType', locale)}`;
    case 'date': return `date — ${gloss('DateType', locale)}`;
    case 'duration': return `${t.unit} — ${gloss(t.unit === 'years' ? 'Years' : t.unit === 'months' ? 'Months' : 'Days', locale)}`;
    case 'tenure': return `tenure — ${gloss('TenureType', locale)}${t.since ? ` (${t.since})` : ''}`;
    case 'enum': return `${code(t.enum)}${t.validity ? ' valid' : ''} — ${list(t.enum)}`;
    case 'set': return `set of ${code(t.enum)} — ${gloss('SetType', locale)}: ${list(t.enum)}`;
    case 'events': return `events of ${code(t.enum)} — ${gloss('EventsType', locale)}: ${list(t.enum)}`;
    case 'record': return t.record;
  }
}

/** The values of a list, low to high for a scale, with `mark` in bold. */
function valuesLine(e: EnumModel, locale: Locale, mark?: string): string {
  const shown = e.values.slice(0, 24).map((v) => (v.id === mark ? `**${v.zh}**` : v.zh));
  const more = e.values.length > shown.length ? ` ${say(locale, 'more', e.values.length)}` : '';
  return shown.join(e.ordered ? ' < ' : locale === 'zh' ? '、' : ', ') + more;
}

function heading(kind: string, id: string, name: string | undefined): string {
  return `(${kind}) ${code(id)}${name && name !== id ? ` — ${name}` : ''}`;
}

function aliasesLine(aliases: readonly string[] | undefined, locale: Locale): string[] {
  return aliases?.length ? [`${say(locale, 'aliases')}: ${aliases.join(locale === 'zh' ? '、' : ', ')}`] : [];
}

function fieldText(model: Model, f: FieldModel, locale: Locale): string[] {
  return [
    heading(f.span ? say(locale, 'field') : say(locale, 'standardField'), f.id, locale === 'zh' ? f.zh : `${f.zh} (${englishLabel(f)})`),
    `${say(locale, 'type')}: ${typeText(model, f.type, locale)}`,
    ...aliasesLine(f.aliases, locale),
    ...(f.description ? [f.description[locale]] : []),
  ];
}

function materialOf(model: Model, id: string): MaterialModel | undefined {
  for (const r of model.rules) if (r.kind === 'material') for (const m of r.items) if (m.id === id) return m;
  return undefined;
}

/** One rule in plain language, with its tag and clause. */
export function ruleText(model: Model, rule: RuleModel, locale: Locale): string {
  return `**${ruleLabel(rule, locale)}** ${explainRule(model, rule, locale)}`;
}

/** Markdown lines describing the symbol with this key; empty if the model does not know it. */
export function describeSymbol(model: Model, symbol: string, locale: Locale): string[] {
  const key = parseKey(symbol);
  const zh = locale === 'zh';
  switch (key.kind) {
    case 'field': {
      const f = model.fields.get(key.id);
      return f ? fieldText(model, f, locale) : [];
    }
    case 'value': case 'group': {
      if (key.enumId === 'award') return describeSymbol(model, `award:${key.id}`, locale);
      const e = model.enums.get(key.enumId!);
      const t = termOf(e, key.id);
      if (!e || !t) return [];
      const list = listName(e, e.id, locale);
      const group = e.groups.find((g) => g.id === t.id);
      if (e.id === 'condition') return [heading(say(locale, 'condition'), t.id, t.zh), say(locale, 'declaredHere')];
      const lines = [
        heading(say(locale, group ? 'group' : 'value', list), t.id, zh ? t.zh : `${t.zh} (${englishLabel(t)})`),
        ...aliasesLine(t.aliases, locale),
      ];
      if (group) lines.push(`${say(locale, 'members')}: ${group.members.map((m) => termOf(e, m)?.zh ?? m).join(zh ? '、' : ', ')}`);
      else lines.push(`${list}: ${valuesLine(e, locale, t.id)}`);
      lines.push(e.declared.has(t.id) ? say(locale, 'declaredHere') : say(locale, 'standardVocabulary'));
      return lines;
    }
    case 'enum': {
      const e = model.enums.get(key.id);
      if (!e) return [];
      return [
        heading(say(locale, 'valueList'), e.id, zh ? e.zh : `${e.zh} (${englishLabel(e)})`),
        say(locale, e.ordered ? 'orderedList' : 'plainList'),
        `${say(locale, 'values')}: ${valuesLine(e, locale)}`,
        ...(e.groups.length ? [`${zh ? '分组' : 'groups'}: ${e.groups.map((g) => g.zh).join(zh ? '、' : ', ')}`] : []),
      ];
    }
    case 'award': {
      const a = model.awards.find((x) => x.id === key.id);
      if (!a) return [];
      const kind = zh ? (a.kind === 'collective' ? '集体' : '个人') : a.kind;
      const title = zh ? (a.zh ?? a.id) : `${a.en ?? a.zh ?? a.id}`;
      const quotas = model.rules.filter((r) => r.award === a.id && (r.kind === 'quota' || r.kind === 'recommend'));
      return [heading(say(locale, 'award'), a.id, `${title}${zh ? `（${kind}）` : ` (${kind})`}`), ...quotas.map((r) => explainRule(model, r, locale))];
    }
    case 'stage': {
      const s = model.stages.find((x) => x.id === key.id);
      if (!s) return [];
      return [
        heading(say(locale, 'stage'), s.id, s.label),
        ...aliasesLine(s.aliases, locale),
        `${say(locale, 'deadline')}: ${s.deadline !== undefined ? formatDay(s.deadline) : say(locale, 'noDeadline')}`,
        say(locale, 'order', s.order + 1, model.stages.length),
      ];
    }
    case 'table': {
      const t = model.tables.find((x) => x.id === key.id);
      if (!t) return [];
      const total = t.rows.reduce((sum, r) => sum + r.values.reduce((a, b) => a + b, 0), 0);
      return [
        heading(say(locale, 'table'), t.id, t.label),
        `${say(locale, 'keyedBy')}: ${code(t.keyField)}${t.columns.length ? ` · ${say(locale, 'columns')}: ${t.columns.join(zh ? '、' : ', ')}` : ''}`,
        say(locale, 'rows', t.rows.length, total),
        ...(t.source ? [`${say(locale, 'source')}: ${code(t.source)}`] : []),
      ];
    }
    case 'material': {
      const m = materialOf(model, key.id);
      return m ? [heading(say(locale, 'material'), m.id, m.label), ...aliasesLine(m.aliases, locale), ...(m.clause ? [`${say(locale, 'clause')} ${m.clause}`] : [])] : [];
    }
    case 'tag': {
      const rules = model.rules.filter((r) => r.tags.includes(key.id));
      return [`(${say(locale, 'tag')}) ${code(`#${key.id}`)}`, ...rules.map((r) => ruleText(model, r, locale))];
    }
    case 'tags': return [`(${say(locale, 'tagPrefix')}) ${code(key.id)}`];
  }
}

export function keywordText(name: string, locale: Locale): string | undefined {
  const kw = KEYWORD_BY_NAME.get(name);
  if (!kw) return undefined;
  const others = kw.spellings.slice(1);
  return `(${say(locale, 'keyword')}) ${code(kw.spellings[0]!)} — ${kw[locale]}${others.length ? ` · ${say(locale, 'aliases')}: ${others.join(', ')}` : ''}`;
}
