/**
 * Every keyword of the language, once: its token name, its spellings, what kind of word it is and a
 * one-line gloss in both languages. The lexer, the TextMate grammar generator, completion and hover
 * all read this table.
 */

export type KeywordCategory = 'declaration' | 'rule' | 'connective' | 'total' | 'material' | 'unit' | 'type' | 'literal';

export interface KeywordDef {
  /** Token name (PascalCase). */
  readonly name: string;
  /** Spellings; the first is canonical. */
  readonly spellings: readonly string[];
  readonly category: KeywordCategory;
  readonly zh: string;
  readonly en: string;
}

const k = (name: string, spellings: string[], category: KeywordCategory, zh: string, en: string): KeywordDef =>
  ({ name, spellings, category, zh, en });

export const KEYWORDS: readonly KeywordDef[] = [
  // declarations
  k('Notice', ['notice'], 'declaration', '通知：文号、标题、发文日期', 'the notice: document number, title, issue date'),
  k('Title', ['title'], 'declaration', '通知标题', 'title of the notice'),
  k('Issuer', ['issuer'], 'declaration', '发文单位', 'issuing bodies'),
  k('Issued', ['issued'], 'declaration', '发文日期', 'date of issue'),
  k('Tags', ['tags'], 'declaration', '本通知条目编号的前缀', 'prefix of this notice\'s catalog tags'),
  k('Reference', ['reference'], 'declaration', '计算“近N年”“满N年”和有效期的基准日', 'date that "within N years", tenure and validity are counted to'),
  k('Extend', ['extend'], 'declaration', '为词汇表增加本通知的名称', 'add this notice\'s names to a vocabulary'),
  k('Enum', ['enum'], 'declaration', '定义新的取值表', 'declare a new list of values'),
  k('Ordered', ['ordered'], 'declaration', '取值有先后顺序', 'the values are ordered low to high'),
  k('Aka', ['aka'], 'declaration', '别名', 'other names for the same thing'),
  k('Field', ['field'], 'declaration', '声明推荐对象的数据项及其类型', 'declare a nominee data field and its type'),
  k('Table', ['table'], 'declaration', '名额分配表', 'a quota allocation table'),
  k('From', ['from'], 'declaration', '来自', 'from'),
  k('By', ['by'], 'declaration', '按…分列 / 截止于', 'keyed by / due by'),
  k('Stage', ['stage'], 'declaration', '评选程序中的环节', 'a stage of the procedure'),
  k('Deadline', ['deadline'], 'rule', '某环节的截止日期', 'the date a stage is due'),
  k('Award', ['award'], 'declaration', '奖项', 'an award'),
  k('For', ['for'], 'declaration', '评选对象：集体或个人', 'awarded to collectives or individuals'),
  // rules
  k('Scope', ['scope'], 'rule', '评选范围：只有符合条件的对象可以推荐', 'scope: only nominees that satisfy this may be nominated'),
  k('Exclude', ['exclude'], 'rule', '不参加评选的对象', 'nominees that do not take part'),
  k('Unless', ['unless'], 'connective', '例外情形', 'exception'),
  k('Require', ['require'], 'rule', '推荐对象必须具备的条件', 'a condition every nominee must meet'),
  k('Attest', ['attest'], 'rule', '需确认具备的定性条件（全部具备或具备其一）', 'qualitative conditions that are signed off (all of, or any one of)'),
  k('Cap', ['cap', 'share'], 'rule', '某类对象占总数的比例', 'the share of a group in a total'),
  k('Controlled', ['controlled'], 'rule', '从严控制比例（无具体数字）', 'share strictly controlled, with no number'),
  k('Quota', ['quota'], 'rule', '表彰名额', 'number of awards'),
  k('Recommend', ['recommend'], 'rule', '推荐名额', 'number of nominees recommended'),
  k('Exempt', ['exempt'], 'rule', '不占名额的对象', 'nominees that do not count against the quota'),
  k('Route', ['route'], 'rule', '按对象类别确定负责推荐审核的单位', 'which body reviews which nominees'),
  k('Publicity', ['publicity'], 'rule', '公示：时长和范围', 'publicity: how long and where'),
  k('Consult', ['consult'], 'rule', '需征求意见的部门', 'departments whose opinions must be on file'),
  k('Material', ['material'], 'rule', '申报材料要求', 'required materials'),
  k('Prefer', ['prefer'], 'rule', '倾斜、优先考虑（不作硬性要求）', 'a preference, never a hard requirement'),
  k('When', ['when'], 'rule', '只适用于符合条件的对象', 'applies only to nominees that satisfy this'),
  k('Soft', ['soft', '原则上', '一般应为'], 'rule', '原则上 / 一般应为：违反时给出警告而非错误', 'in principle: a warning, not an error'),
  // connectives in predicates and rules
  k('And', ['and'], 'connective', '并且', 'and'),
  k('Or', ['or'], 'connective', '或者', 'or'),
  k('Not', ['not'], 'connective', '不', 'not'),
  k('In', ['in'], 'connective', '属于', 'is one of'),
  k('Has', ['has'], 'connective', '包含', 'includes'),
  k('Any', ['any'], 'connective', '任一', 'any one'),
  k('All', ['all'], 'connective', '全部', 'all'),
  k('Of', ['of'], 'connective', '的', 'of'),
  k('No', ['no'], 'connective', '无 / 否', 'none / no'),
  k('Within', ['within'], 'connective', '近…内', 'within the last'),
  k('Since', ['since'], 'connective', '自…以来', 'on or after a date'),
  k('During', ['during'], 'connective', '在…期间（含首尾两天）', 'in a period of dates or years, both ends included'),
  k('Valid', ['valid'], 'connective', '在有效期内', 'still valid on the reference date'),
  k('At', ['at'], 'connective', '在…范围', 'at'),
  k('Each', ['each'], 'connective', '每一个', 'every'),
  k('Before', ['before'], 'connective', '在…之前', 'before'),
  k('After', ['after'], 'connective', '在…之后', 'after'),
  k('Per', ['per'], 'connective', '每个', 'per'),
  k('Where', ['where'], 'connective', '其中', 'counting only'),
  k('Yes', ['yes'], 'literal', '是', 'yes'),
  // totals that shares are taken of
  k('Recommended', ['recommended'], 'total', '推荐总数', 'all recommended nominees'),
  k('Selected', ['selected'], 'total', '评选总数', 'all selected nominees'),
  // material requirements
  k('Chars', ['chars'], 'material', '字数', 'number of characters'),
  k('Copies', ['copies'], 'material', '份数', 'number of copies'),
  k('About', ['about'], 'material', '左右', 'about'),
  k('Format', ['format'], 'material', '文件格式', 'file format'),
  k('Size', ['size'], 'material', '文件大小', 'file size'),
  k('Named', ['named'], 'material', '文件命名格式', 'file name pattern'),
  k('Electronic', ['electronic'], 'material', '附电子版', 'with an electronic copy'),
  k('Optional', ['optional'], 'material', '如有则提供', 'only if there is one'),
  // units: the Chinese words are units too, written apart or glued to the number (`5 年`, `5个工作日`)
  k('Workdays', ['workdays', 'workday', 'working-days', 'working-day', '工作日', '个工作日'], 'unit', '工作日', 'working days'),
  k('Days', ['days', 'day', '日', '天'], 'unit', '日（自然日）', 'calendar days'),
  k('Years', ['years', 'year', '年'], 'unit', '年', 'years'),
  k('Months', ['months', 'month', '个月', '月'], 'unit', '月', 'months'),
  k('Kilobytes', ['KB', 'kb'], 'unit', 'KB', 'kilobytes'),
  k('Megabytes', ['MB', 'mb'], 'unit', 'MB', 'megabytes'),
  // field types
  k('YesNo', ['yes/no', '是否'], 'type', '是/否', 'yes or no'),
  k('NumberType', ['number'], 'type', '数值', 'a number'),
  k('PercentType', ['percent'], 'type', '百分比', 'a percentage'),
  k('TextType', ['text'], 'type', '文本', 'text'),
  k('DateType', ['date'], 'type', '日期', 'a date'),
  k('TenureType', ['tenure'], 'type', '起始日期（按满N年比较）', 'a start date, compared as full years'),
  k('SetType', ['set'], 'type', '多个取值', 'several values'),
  k('EventsType', ['events'], 'type', '带日期的记录', 'dated occurrences'),
];

/** The keyword whose token name is `name`. */
export const KEYWORD_BY_NAME: ReadonlyMap<string, KeywordDef> = new Map(KEYWORDS.map((kw) => [kw.name, kw]));
