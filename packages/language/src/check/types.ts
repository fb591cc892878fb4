/** How fields, values and quantities are described in type errors, in both languages. */
import type * as A from '../syntax/ast.js';
import { englishLabel } from '../vocabulary/names.js';
import type { FieldType } from '../vocabulary/types.js';
import type { FieldModel } from '../model/types.js';
import type { CheckContext } from './context.js';

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

const UNIT_WORDS: Record<string, Bilingual> = {
  years: { en: 'years', zh: '年' }, months: { en: 'months', zh: '月' }, days: { en: 'days', zh: '日' },
  workdays: { en: 'working days', zh: '工作日' }, KB: { en: 'KB', zh: 'KB' }, MB: { en: 'MB', zh: 'MB' }, '%': { en: '%', zh: '%' },
};

/** `a rank`, `an evaluation grade`, `an honour`, `a unit category`: an English noun phrase with its article. */
export function withArticle(phrase: string): string {
  const an = /^(?:[aeio]|u(?!ni|s[eu])|hon|hour)/i.test(phrase) && !/^(?:one|eu)/i.test(phrase);
  return `${an ? 'an' : 'a'} ${phrase}`;
}

export function unitWord(unit: string): Bilingual {
  return UNIT_WORDS[unit] ?? { en: unit, zh: unit };
}

export function typeLabel(ctx: CheckContext, t: FieldType): Bilingual {
  const enumOf = (id: string) => ctx.enums.get(id)?.def;
  switch (t.kind) {
    case 'bool': return { en: 'yes or no', zh: '是/否' };
    case 'number': return { en: 'a number', zh: '数字' };
    case 'percent': return { en: 'a percentage', zh: '百分比' };
    case 'text': return { en: 'text', zh: '文字' };
    case 'date': return { en: 'a date', zh: '日期' };
    case 'duration': return { en: `a number of ${t.unit}`, zh: `${unitWord(t.unit).zh}数` };
    case 'tenure': return { en: 'a start date, counted in full years', zh: '起始日期（按满N年计算）' };
    case 'enum': {
      const e = enumOf(t.enum);
      return e ? { en: withArticle(englishLabel(e)), zh: e.zh } : { en: t.enum, zh: t.enum };
    }
    case 'set': {
      const e = enumOf(t.enum);
      return e ? { en: `several ${englishLabel(e)} values`, zh: `多个${e.zh}` } : { en: t.enum, zh: t.enum };
    }
    case 'events': {
      const e = enumOf(t.enum);
      return e ? { en: `dated ${englishLabel(e)} records`, zh: `带日期的${e.zh}记录` } : { en: t.enum, zh: t.enum };
    }
    case 'record': return { en: 'records', zh: '记录' };
  }
}

export function valueLabel(v: A.Value): Bilingual {
  switch (v.kind) {
    case 'name': return { en: `the name '${v.name.text}'`, zh: `名称“${v.name.text}”` };
    case 'date': return { en: `the date ${v.date.text}`, zh: `日期${v.date.text}` };
    case 'bool': return v.value ? { en: "'yes'", zh: '“是”' } : { en: "'no'", zh: '“否”' };
    case 'quantity': {
      const q = v.quantity;
      if (!q.unit) return { en: `the number ${q.amount.text}`, zh: `数字${q.amount.text}` };
      const u = unitWord(q.unit);
      return q.unit === '%' ? { en: `${q.amount.text}%`, zh: `${q.amount.text}%` } : { en: `${q.amount.text} ${u.en}`, zh: `${q.amount.text}${u.zh}` };
    }
  }
}

/** What a value of this field looks like, for the hint of a type error. */
export function typeHint(ctx: CheckContext, f: FieldModel): Bilingual {
  const t = f.type;
  switch (t.kind) {
    case 'enum': {
      const e = ctx.enums.get(t.enum);
      const sample = e?.values[Math.min(e.values.length - 1, Math.floor(e.values.length / 2))];
      // On a scale, a comparison is the natural example (评估等级3A级以上); on a list, equality.
      const op = e?.def.ordered ? '>=' : '=';
      return sample
        ? { en: `Compare it with ${withArticle(`${englishLabel(e!.def)} name`)}, e.g.  ${f.id} ${op} ${sample.id} .`, zh: `请与${e!.def.zh}名称比较，例如  ${f.zh} ${op} ${sample.zh}。` }
        : { en: `Compare it with one of the values declared for ${t.enum}.`, zh: `请与${t.enum}中声明的取值比较。` };
    }
    case 'tenure': return { en: `Write a length of time, e.g.  ${f.id} >= 5 years .`, zh: `请写时长，例如  ${f.zh} >= 5 years。` };
    case 'duration': return { en: `Write a length of time, e.g.  ${f.id} >= 3 ${t.unit} .`, zh: `请写时长，例如  ${f.zh} >= 3 ${t.unit}。` };
    case 'percent': return { en: `Write a percentage, e.g.  ${f.id} >= 20% .`, zh: `请写百分比，例如  ${f.zh} >= 20%。` };
    case 'number': return { en: `Write a plain number, e.g.  ${f.id} >= 3 .`, zh: `请写数字，例如  ${f.zh} >= 3。` };
    case 'date': return { en: `Write a date, e.g.  ${f.id} <= 2024-03-15 .`, zh: `请写日期，例如  ${f.zh} <= 2024-03-15。` };
    case 'bool': return { en: `Write it on its own ( ${f.id} ) or with not ( not ${f.id} ).`, zh: `请直接写数据项（${f.zh}），或写 not ${f.zh}。` };
    case 'text': return { en: `Compare it with quoted text, e.g.  ${f.id} = "…" .`, zh: `请与带引号的文字比较，例如  ${f.zh} = "…"。` };
    default: return { en: '', zh: '' };
  }
}
