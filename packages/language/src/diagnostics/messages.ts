/**
 * Every diagnostic the language reports, in one table: a stable code, a severity, and the message and
 * hint in Chinese and English with `{0}`-style placeholders. Codes are grouped by phase:
 * 1xxx syntax, 2xxx names and types, 3xxx rule semantics, 4xxx calendar, 6xxx files and tools.
 * A test checks that both languages are present and use the same placeholders.
 */
import type { Severity } from './diagnostic.js';

export interface Localized {
  readonly en: string;
  readonly zh: string;
}

export interface MessageDef extends Localized {
  readonly severity: Severity;
  readonly hint?: Localized;
}

export const MESSAGES = {
  // ── 1xxx syntax ───────────────────────────────────────────────────────────────────────────
  AR1001: { severity: 'error', en: "Unexpected character '{0}'.", zh: '无法识别的字符“{0}”。',
    hint: { en: 'Names are letters, Chinese characters, digits and hyphens; text goes in double quotes.', zh: '名称由字母、汉字、数字和连字符组成；文字内容请放在双引号中。' } },
  AR1002: { severity: 'error', en: 'Expected {0} but found {1}.', zh: '此处应为{0}，实际为{1}。' },
  AR1003: { severity: 'error', en: 'Expected {0} but found {1}.', zh: '此处应为{0}，实际为{1}。',
    hint: { en: 'Check this line and the one above for a missing word or bracket.', zh: '请检查此行和上一行是否缺少词语或括号。' } },
  AR1004: { severity: 'error', en: 'Expected at least one {0} but found {1}.', zh: '此处至少应有一个{0}，实际为{1}。' },
  AR1005: { severity: 'error', en: 'Unexpected {0}: this is not the start of a declaration or rule.', zh: '多余的{0}：这里不是声明或规则的开头。',
    hint: { en: 'A rule starts with a keyword such as scope, exclude, require, cap or publicity.', zh: '规则以 scope、exclude、require、cap、publicity 等关键字开头。' } },
  AR1006: { severity: 'error', en: 'This text has no closing quote.', zh: '文字缺少结尾的引号。',
    hint: { en: 'Add " at the end of the text, on the same line.', zh: '请在同一行的文字末尾加上 "。' } },
  AR1007: { severity: 'error', en: 'This comment is never closed.', zh: '注释没有结束标记。',
    hint: { en: 'Close it with */.', zh: '请用 */ 结束注释。' } },
  AR1008: { severity: 'error', en: "Unknown escape '\\{0}' in text.", zh: '文字中有无法识别的转义“\\{0}”。',
    hint: { en: 'Use \\" for a quote, \\\\ for a backslash, \\n for a new line.', zh: '引号写作 \\"，反斜杠写作 \\\\，换行写作 \\n。' } },
  AR1009: { severity: 'error', en: 'Brackets or negations are nested more than {0} deep here; the rest of the file was not read.', zh: '此处括号或否定嵌套超过 {0} 层，文件其余部分未读取。',
    hint: { en: 'Simplify the condition, or split it into several rules.', zh: '请简化条件，或拆分为多条规则。' } },
  AR1010: { severity: 'error', en: "Unknown word '{0}'.", zh: '无法识别的词“{0}”。',
    hint: { en: "Did you mean '{1}'?", zh: '您是否想写“{1}”？' } },
  AR1011: { severity: 'error', en: "'{0}' is a reserved word; choose another name (e.g. {1}).", zh: '“{0}”是保留字，不能用作名称；请另取名称（例如 {1}）。',
    hint: { en: 'The words of the language cannot name things; they are listed in VOCABULARY.md (reserved words).', zh: '语言的关键字不能用作名称，完整列表见 VOCABULARY.md（保留字）。' } },
  AR1101: { severity: 'error', en: "The date {0} does not exist.", zh: '日期 {0} 不存在。',
    hint: { en: 'Check the month and the day (February has 28 days, or 29 in a leap year).', zh: '请检查月份和日期（二月为28天，闰年29天）。' } },
  AR1102: { severity: 'error', en: "'{0}' is not a number with a unit.", zh: '“{0}”不是带单位的数量。',
    hint: { en: 'Write a number and a unit: 5 years, 5年, 5 workdays, 5个工作日, 500 KB.', zh: '请写数字加单位，例如 5年、5个工作日、5 years、500 KB。' } },
  AR1103: { severity: 'error', en: 'The number {0} is too large.', zh: '数字 {0} 过大。' },

  // ── 2xxx names and types ──────────────────────────────────────────────────────────────────
  AR2001: { severity: 'error', en: "Unknown {0} '{1}'.", zh: '未知的{0}“{1}”。',
    hint: { en: 'Did you mean {2}?', zh: '您是否想写 {2}？' } },
  AR2002: { severity: 'error', en: "Unknown {0} '{1}'.", zh: '未知的{0}“{1}”。',
    hint: { en: '{2}', zh: '{2}' } },
  AR2003: { severity: 'error', en: "'{0}' is declared twice.", zh: '“{0}”重复声明。',
    hint: { en: 'Rename one of them, or remove the repetition.', zh: '请给其中一个改名，或删除重复的声明。' } },
  AR2004: { severity: 'error', en: "'{0}' already means {1} in {2}.", zh: '“{0}”在{2}中已表示{1}。',
    hint: { en: 'Use a different name, or write it as an alias of that value with = .', zh: '请换一个名称，或用 = 声明为该取值的别名。' } },
  AR2005: { severity: 'error', en: 'Cannot compare {0} ({1}) with {2}.', zh: '{0}（{1}）不能与{2}比较。',
    hint: { en: '{3}', zh: '{3}' } },
  AR2006: { severity: 'error', en: "'{0}' has no order, so '{1}' cannot be used with it.", zh: '{0}的取值没有先后顺序，不能使用“{1}”。',
    hint: { en: '{2}', zh: '{2}' } },
  AR2007: { severity: 'error', en: 'Expected a quantity in {0}, but found {1}.', zh: '此处的数量应以{0}为单位，实际为{1}。' },
  AR2008: { severity: 'error', en: 'A share must be between 0% and 100%, not {0}%.', zh: '比例应在 0% 到 100% 之间，而不是 {0}%。' },
  AR2009: { severity: 'error', en: "The field '{0}' holds {1}, which cannot be tested in a condition.", zh: '数据项“{0}”是{1}，不能直接用于条件判断。',
    hint: { en: 'Use the rule made for it ({2}).', zh: '请使用专门的规则（{2}）。' } },
  AR2010: { severity: 'error', en: "'valid' needs a field with a validity period; '{0}' has none.", zh: '“valid”只能用于有有效期的数据项，“{0}”没有有效期。',
    hint: { en: 'Declare the field as  <enum> valid , e.g.  field rating: grade valid .', zh: '声明数据项时写 <取值表> valid，例如 field rating: grade valid。' } },
  AR2011: { severity: 'error', en: "'{0}' holds one value; 'has' is for fields that hold several.", zh: '“{0}”只有一个取值，“has”只用于可有多个取值的数据项。',
    hint: { en: "Use '=' or 'in'.", zh: '请使用“=”或“in”。' } },
  AR2012: { severity: 'error', en: "'{0}' may hold several values, so it cannot be compared with '{1}'.", zh: '“{0}”可有多个取值，不能用“{1}”比较。',
    hint: { en: "Use 'has', 'has any {…}' or 'has all {…}'.", zh: '请使用 has、has any {…} 或 has all {…}。' } },
  AR2013: { severity: 'error', en: "'{2}' needs dates; '{0}' holds {1}.", zh: '“{2}”只能用于日期或带日期的记录，“{0}”是{1}。' },
  AR2014: { severity: 'error', en: "'{0}' is not {1}.", zh: '“{0}”不是{1}。' },
  AR2015: { severity: 'error', en: "'{0}' is a standard value list that cannot be replaced; use 'extend {0}' to add to it.", zh: '“{0}”是标准取值表，不能重新定义；请用“extend {0}”增加取值。' },
  AR2016: { severity: 'error', en: 'The file has no notice header.', zh: '文件缺少 notice 通知声明。',
    hint: { en: 'Start the file with  notice "文号" { title "…" issued 2024-01-01 } .', zh: '请在文件开头写  notice "文号" { title "…" issued 2024-01-01 }。' } },
  AR2017: { severity: 'error', en: 'The notice is declared more than once.', zh: 'notice 通知声明重复。' },
  AR2018: { severity: 'error', en: "The notice property '{0}' is given twice.", zh: '通知属性“{0}”重复。' },
  AR2019: { severity: 'error', en: 'Cannot read the table file {0}: {1}.', zh: '无法读取名额表文件 {0}：{1}。' },
  AR2020: { severity: 'error', en: "The table '{0}' has no column for the award '{1}'.", zh: '名额表“{0}”中没有奖项“{1}”对应的列。',
    hint: { en: 'Name a column after the award, or give the table a single column.', zh: '请用奖项名称作列名，或只保留一列数字。' } },
  AR2021: { severity: 'error', en: "A '{0}' rule belongs {1}.", zh: '“{0}”规则应写在{1}。' },
  AR2022: { severity: 'error', en: "An award is for 'collective' or 'individual', not '{0}'.", zh: '奖项对象应为 collective（集体）或 individual（个人），而不是“{0}”。' },
  AR2023: { severity: 'error', en: 'Expected a whole number, not {0}.', zh: '此处应为整数，而不是 {0}。' },
  AR2024: { severity: 'error', en: 'The range {0}..{1} is empty.', zh: '范围 {0}..{1} 为空。',
    hint: { en: 'Write the lower bound first.', zh: '请把下限写在前面。' } },
  AR2025: { severity: 'error', en: "The file-name pattern uses '{0}', which is not a field.", zh: '文件命名格式中的“{0}”不是数据项。' },
  AR2026: { severity: 'error', en: "The table row '{0}' has {1} number(s) but the table has {2} column(s).", zh: '名额表中“{0}”一行有 {1} 个数字，但表有 {2} 列。' },
  AR2028: { severity: 'error', en: "A date pattern may only use yyyy, MM and dd, not '{0}'.", zh: '日期格式只能使用 yyyy、MM 和 dd，不能使用“{0}”。' },
  AR2029: { severity: 'error', en: 'The table file {0} has a problem on line {1}: {2}.', zh: '名额表文件 {0} 第 {1} 行有问题：{2}。' },
  AR2030: { severity: 'error', en: "'{0}' is an ordered scale, so a new name needs a place on it.", zh: '“{0}”是有先后顺序的等级，新名称须说明其在等级中的位置。',
    hint: { en: 'Write it as an equivalent of an existing value, e.g.  {1} "…" = {2} .', zh: '请写成已有取值的等同名称，例如  {1} "…" = {2}。' } },
  AR2032: { severity: 'error', en: "'{0}' is a {1}, not a field.", zh: '“{0}”是{1}的取值，不是数据项。',
    hint: { en: 'Compare a field with it, e.g.  {2} .', zh: '请用数据项与它比较，例如  {2}。' } },
  AR2033: { severity: 'error', en: "'{0}' cannot bound a {1} rule.", zh: '{1} 规则不能使用“{0}”。',
    hint: { en: 'Use one of: {2}.', zh: '请使用：{2}。' } },
  AR2034: { severity: 'error', en: 'This must be more than 0.', zh: '此处应大于 0。' },
  AR2035: { severity: 'error', en: "A share of the award's quota ({0}) can only bound a recommend rule inside an award.", zh: '表彰名额的比例（{0}）只能用于奖项之内的 recommend（推荐名额）规则。' },
  AR2039: { severity: 'error', en: 'A period is written with dates or years, not {0}.', zh: '期间应以日期或年份表示，而不是 {0}。',
    hint: { en: 'Write  during 2018..2020,  during 2021-07-01..2021-12-31  or  since 2020-01-01 ; a length of time counted back from the reference date is  within 3 years .', zh: '请写作  during 2018..2020、during 2021-07-01..2021-12-31  或  since 2020-01-01 ；从基准日往前计算的时长请写作  within 3 years 。' } },
  AR2040: { severity: 'error', en: "'within' takes a length of time counted back from the reference date, not years of the calendar ({0}).", zh: 'within 后应为从基准日往前计算的时长，而不是日历年份（{0}）。',
    hint: { en: 'The years themselves are a period:  during 2018..2020 ; a length of time is  within 3 years .', zh: '年份本身是一个期间，请写作  during 2018..2020 ；时长请写作  within 3 years 。' } },
  AR2031: { severity: 'error', en: "'{0}' is already the standard field '{1}'.", zh: '“{0}”已是标准数据项“{1}”。',
    hint: { en: 'Use the standard field, or give yours another name.', zh: '请直接使用标准数据项，或给新数据项另起名称。' } },
  AR2036: { severity: 'error', en: "'{0}' is a kind of record in more than one field: {1}.", zh: '“{0}”同时是多个记录数据项中的类别：{1}。',
    hint: { en: 'Name the field you mean: {2}.', zh: '请写明所指的数据项：{2}。' } },
  AR2037: { severity: 'error', en: "'{0}' is already a name of the {1} '{2}'.", zh: '“{0}”已是{1}“{2}”的名称。',
    hint: { en: 'Give this {1} a name of its own.', zh: '请为此{1}另取名称。' } },
  AR2038: { severity: 'error', en: "In a slate, the field '{0}' would be the property '{1}', which already holds {2}.", zh: '在推荐名单中，数据项“{0}”的属性名为“{1}”，而{2}已使用该属性名。',
    hint: { en: "Give the field another id: a slate names a field by its id in camelCase (foo-bar → fooBar).", zh: '请给数据项另取标识：推荐名单以驼峰式的标识作为数据项的属性名（foo-bar → fooBar）。' } },

  // ── 3xxx rule semantics ───────────────────────────────────────────────────────────────────
  AR3001: { severity: 'warning', en: 'This rule never applies: {0} already excludes every nominee it concerns.', zh: '此规则永远不会适用：{0}已排除了它涉及的全部推荐对象。',
    hint: { en: 'Remove the rule, or narrow the exclusion.', zh: '请删除此规则，或缩小排除范围。' } },
  AR3002: { severity: 'error', en: 'Two caps on the same group and total disagree: {0} here, {1} on line {2}.', zh: '同一类对象、同一总数的两个比例限制不一致：此处为{0}，第 {2} 行为{1}。',
    hint: { en: 'Keep the one the notice states.', zh: '请只保留通知规定的那一个。' } },
  AR3003: { severity: 'error', en: 'No slate can meet these rules together: {0}', zh: '没有任何推荐名单能同时满足这些规则：{0}' },
  AR3004: { severity: 'error', en: 'The tag {0} is already used on line {1}.', zh: '条目编号 {0} 已在第 {1} 行使用。',
    hint: { en: 'A catalog tag marks one rule per award, or one per group of nominees that do not overlap; check which rule it belongs to.', zh: '同一奖项中，一个条目编号只标注一条规则（或互不重叠的各类对象各一条），请核对它属于哪条规则。' } },
  AR3005: { severity: 'error', en: 'The tag {0} is not a catalog tag of this notice: {1}', zh: '{0} 不是本通知的条目编号：{1}' },
  AR3006: { severity: 'error', en: 'The tag {0} is not in the catalog.', zh: '条目编号 {0} 不在目录中。' },
  AR3007: { severity: 'error', en: "The deadline of '{0}' ({1}) comes before that of the earlier stage '{2}' ({3}).", zh: '环节“{0}”的截止日期（{1}）早于其前一环节“{2}”（{3}）。',
    hint: { en: 'Stages are listed in the order they happen; check the dates.', zh: '环节按先后顺序声明，请核对日期。' } },
  AR3008: { severity: 'error', en: 'The deadline {0} is before the notice was issued ({1}).', zh: '截止日期 {0} 早于通知发文日期（{1}）。' },
  AR3009: { severity: 'error', en: "Publicity of {0} cannot fit before '{1}' ({2}): from {4}, the earliest day it can start, there are only {3} until then.", zh: '{0}的公示无法在“{1}”（{2}）之前完成：自最早可开始的{4}起，截止前只有{3}。' },
  AR3010: { severity: 'error', en: 'The quotas of table {0} add up to {1}, more than the {2} awards of {3}.', zh: '名额表{0}合计 {1} 个，超过了奖项{3}的 {2} 个名额。' },
  AR3011: { severity: 'warning', en: "The table {0} has no row for {1}.", zh: '名额表{0}中没有“{1}”一行。',
    hint: { en: 'Add a row (0 if the region gets no quota).', zh: '请补充该行（没有名额的写 0）。' } },
  AR3012: { severity: 'warning', en: 'This rule has no catalog tag.', zh: '此规则没有标注条目编号。',
    hint: { en: 'Add the tag of the constraint it encodes, e.g. #{0}-{1}-{2}.', zh: '请标注其对应的条目编号，例如 #{0}-{1}-{2}。' } },
  AR3013: { severity: 'warning', en: "This rule counts back from the reference date, but the notice declares none.", zh: '此规则需要从基准日往前计算，但通知没有声明基准日。',
    hint: { en: 'Add  reference <date or stage>  to the notice header; otherwise each slate must give its own.', zh: '请在 notice 中加上 reference <日期或环节>；否则每份名单须自行提供基准日。' } },
  AR3014: { severity: 'warning', en: 'This condition is never true, so the rule {0}.', zh: '此条件永远不成立，因此该规则{0}。' },
  AR3015: { severity: 'error', en: 'This condition is always true, so the rule {0}.', zh: '此条件永远成立，因此该规则{0}。' },
  AR3016: { severity: 'warning', en: 'The same rule is stated on line {0}.', zh: '第 {0} 行已有相同的规则。' },
  AR3017: { severity: 'warning', en: 'This route is never taken: the routes above it already cover every nominee it matches.', zh: '此分流条件永远不会生效：上面的条件已覆盖其全部对象。' },
  AR3018: { severity: 'warning', en: "'soft' has no effect on a {0} rule.", zh: '“soft/原则上”对 {0} 规则不起作用。',
    hint: { en: "Remove it: {1}.", zh: '请删除：{1}。' } },
  AR3019: { severity: 'error', en: "The stage '{0}' has two deadlines.", zh: '环节“{0}”有两个截止日期。' },
  AR3021: { severity: 'error', en: 'This scope admits no nominee of {0}: its condition is never true for them.', zh: '此评选范围不接受{0}的任何推荐对象：其条件对这些对象永远不成立。' },
  AR3022: { severity: 'error', en: "The tag prefix '{0}' must be letters and digits only, such as J23.", zh: '条目编号前缀“{0}”只能由字母和数字组成，例如 J23。' },
  AR3023: { severity: 'warning', en: "The reference stage '{0}' has no deadline, so there is no reference date: rules that count back from it cannot be counted.", zh: '基准环节“{0}”没有截止日期，因此没有基准日，需从基准日计算的规则无法计算。',
    hint: { en: 'Give the stage a deadline ( deadline {0} "…" by <date> ), or write  reference <date>  in the notice.', zh: '请为该环节规定截止日期（deadline {0} "…" by <日期>），或在 notice 中写 reference <日期>。' } },
  AR3020: { severity: 'error', en: 'The sum of table {0} ({1}) cannot reach the {2} nominees that {3} requires.', zh: '名额表{0}合计 {1} 个，达不到{3}要求的 {2} 个推荐对象。' },

  // ── 4xxx calendar ─────────────────────────────────────────────────────────────────────────
  AR4001: { severity: 'warning', en: 'The working-day calendar has no schedule for {0}, so this could not be checked.', zh: '工作日历中没有 {0} 年的节假日安排，因此无法检查此项。',
    hint: { en: 'Pass a calendar file for {0} with --calendar.', zh: '请用 --calendar 提供 {0} 年的日历文件。' } },

  // ── 6xxx files and tools ──────────────────────────────────────────────────────────────────
  AR6001: { severity: 'error', en: 'Cannot read {0}: {1}.', zh: '无法读取 {0}：{1}。' },
  AR6002: { severity: 'error', en: 'The file {0} is not UTF-8 text.', zh: '文件 {0} 不是 UTF-8 文本。',
    hint: { en: 'Save the rule file as UTF-8.', zh: '请以 UTF-8 编码保存规则文件。' } },
  AR6003: { severity: 'error', en: 'The file {0} is too large to check ({1} bytes; the limit is {2}).', zh: '文件 {0} 过大（{1} 字节，上限 {2}）。' },
  AR6004: { severity: 'error', en: 'Cannot read the catalog {0}: {1}.', zh: '无法读取条目目录 {0}：{1}。' },
} as const satisfies Record<string, MessageDef>;

export type MessageCode = keyof typeof MESSAGES;

/**
 * Hints that depend on the case, for the codes whose hint is a placeholder (AR2002 `{2}`, AR2006 `{2}`,
 * AR3018 `{1}`): the checker picks one and fills it in with {@link hintText}. Kept here so that every
 * sentence the user reads is in this file; a test checks both languages use the same placeholders.
 */
export const HINT_VARIANTS = {
  /** AR2002: names of this kind exist. */
  'unknown-pick': { en: 'Declare it first, or pick one of: {0}.', zh: '请先声明，或从以下选择：{0}。' },
  /** AR2002: nothing of this kind is declared yet. */
  'unknown-declare': { en: 'Nothing is declared yet; declare it with  {0} .', zh: '尚未声明任何取值，请先声明：{0}。' },
  /** AR2006 on a list of values. */
  'unordered-list': { en: 'Use =, != or in {…}.', zh: '请使用 =、!= 或 in {…}。' },
  /** AR2006 on a yes/no field. */
  'unordered-yes-no': { en: 'A yes/no field is a condition by itself: write  {0}  or  not {0} .', zh: '是/否类数据项本身就是条件：请写 {0} 或 not {0}。' },
  /** AR2006 on a text field. */
  'unordered-text': { en: 'Use = or != with quoted text.', zh: '请使用 = 或 !=，与带引号的文字比较。' },
  /** AR3018 on `prefer`. */
  'soft-prefer': { en: 'a preference is only ever a note', zh: '倾斜、优先条款只作提示' },
  /** AR3018 on `cap … controlled`. */
  'soft-controlled': { en: 'a controlled share is always a warning', zh: '从严控制的比例始终只给出警告' },
} as const satisfies Record<string, Localized>;

export type HintVariant = keyof typeof HINT_VARIANTS;

/** A case-dependent hint in both languages, with `{0}`… filled in (an argument may differ by language). */
export function hintText(variant: HintVariant, ...args: (string | Localized)[]): Localized {
  const fill = (template: string, locale: 'en' | 'zh') =>
    template.replace(/\{(\d+)\}/g, (m, i: string) => {
      const a = args[Number(i)];
      return a === undefined ? m : typeof a === 'string' ? a : a[locale];
    });
  const v: Localized = HINT_VARIANTS[variant];
  return { en: fill(v.en, 'en'), zh: fill(v.zh, 'zh') };
}

export function messageDef(code: MessageCode): MessageDef {
  return MESSAGES[code];
}
