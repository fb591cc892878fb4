/** Everything the language server itself says, in both languages (diagnostics have their own table). */
import type { Locale } from '@awardrules/language';

const M = {
  hint: { en: 'hint', zh: '提示' },
  // ── rename ──────────────────────────────────────────────────────────────────────────────
  renameNothing: { en: 'There is no name here that this file declares.', zh: '此处没有本文件声明的名称。' },
  renameStandard: { en: "'{0}' is a name of the standard vocabulary ({1}); only names this file declares can be renamed.", zh: '“{0}”是标准词汇（{1}）中的名称，只能重命名本文件声明的名称。' },
  renameInvalid: { en: "'{0}' is not a valid name: a name is letters, Chinese characters, digits and hyphens, starting with a letter or a Chinese character.", zh: '“{0}”不是有效的名称：名称由字母、汉字、数字和连字符组成，以字母或汉字开头。' },
  renameReserved: { en: "'{0}' is a reserved word of the language.", zh: '“{0}”是语言的保留字。' },
  renameClash: { en: "'{0}' is already a name of {1}.", zh: '“{0}”已是{1}的名称。' },
  renameSyntax: { en: 'The file has syntax errors; fix them before renaming.', zh: '文件有语法错误，请先修正再重命名。' },
  // ── formatting ──────────────────────────────────────────────────────────────────────────
  cannotFormat: { en: 'AwardRules: the file has syntax errors (line {0}) and was not formatted.', zh: 'AwardRules：文件有语法错误（第 {0} 行），未格式化。' },
  // ── code actions ────────────────────────────────────────────────────────────────────────
  replaceWith: { en: "Change to '{0}'", zh: '改为“{0}”' },
  addTag: { en: 'Add the tag {0}', zh: '标注条目编号 {0}' },
  writeAs: { en: "Write '{0}' as '{1}'", zh: '将“{0}”写作“{1}”' },
  writeAllAs: { en: "Write every '{0}' in this file as '{1}'", zh: '将本文件中所有“{0}”写作“{1}”' },
  // ── hover ───────────────────────────────────────────────────────────────────────────────
  field: { en: 'field', zh: '数据项' },
  standardField: { en: 'standard field', zh: '标准数据项' },
  value: { en: 'value of {0}', zh: '{0}的取值' },
  group: { en: 'group of {0}', zh: '{0}的分组' },
  valueList: { en: 'value list', zh: '取值表' },
  orderedList: { en: 'ordered scale, low to high', zh: '有先后顺序的等级，从低到高' },
  plainList: { en: 'list without order', zh: '无先后顺序的取值表' },
  award: { en: 'award', zh: '奖项' },
  stage: { en: 'stage', zh: '环节' },
  table: { en: 'quota table', zh: '名额表' },
  material: { en: 'material', zh: '申报材料' },
  condition: { en: 'attested condition', zh: '需确认具备的条件' },
  tag: { en: 'catalog tag', zh: '条目编号' },
  tagPrefix: { en: "prefix of this notice's catalog tags", zh: '本通知条目编号的前缀' },
  type: { en: 'type', zh: '类型' },
  values: { en: 'values', zh: '取值' },
  members: { en: 'stands for', zh: '包括' },
  aliases: { en: 'also written', zh: '也可写作' },
  deadline: { en: 'deadline', zh: '截止日期' },
  noDeadline: { en: 'no deadline', zh: '无截止日期' },
  order: { en: 'stage {0} of {1}', zh: '第 {0} 个环节（共 {1} 个）' },
  keyedBy: { en: 'rows by', zh: '按此分行' },
  columns: { en: 'columns', zh: '列' },
  rows: { en: '{0} row(s), {1} in all', zh: '{0} 行，合计 {1}' },
  source: { en: 'from', zh: '来自' },
  declaredHere: { en: 'declared in this file', zh: '本文件声明' },
  standardVocabulary: { en: 'standard vocabulary', zh: '标准词汇' },
  keyword: { en: 'keyword', zh: '关键字' },
  untagged: { en: '(untagged)', zh: '（无编号）' },
  clause: { en: 'clause', zh: '条款' },
  more: { en: '… and {0} more', zh: '……等共 {0} 个' },
  // ── completion ──────────────────────────────────────────────────────────────────────────
  nextTag: { en: 'next free tag of this kind of rule', zh: '此类规则的下一个可用编号' },
  catalogTag: { en: 'in the catalog, not used yet', zh: '目录中尚未使用的编号' },
  operator: { en: 'comparison', zh: '比较' },
  yearsBefore: { en: 'the {0} years before the notice: {1}–{2}', zh: '通知前{0}年：{1}年至{2}年' },
  yearBefore: { en: 'the year before the notice: {0}', zh: '通知前一年：{0}年' },
  sinceYear: { en: 'since 1 January {0}', zh: '自{0}年1月1日起' },
  throughYear: { en: 'through 31 December {0}', zh: '至{0}年12月31日' },
  // ── document symbols ────────────────────────────────────────────────────────────────────
  notice: { en: 'notice', zh: '通知' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type MessageKey = keyof typeof M;

export function say(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  return M[key][locale].replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}
