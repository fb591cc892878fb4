/** Everything the CLI itself says, in both languages (diagnostics of rule files have their own table). */
import type { Locale } from '@awardrules/language';

const M = {
  summaryNone: { en: 'No problems found in {0} file(s).', zh: '检查了 {0} 个文件，未发现问题。' },
  summary: { en: 'Found {0} error(s), {1} warning(s) and {2} note(s) in {3} file(s).', zh: '在 {3} 个文件中发现 {0} 个错误、{1} 个警告、{2} 个提示。' },
  hint: { en: 'hint', zh: '提示' },
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  info: { en: 'note', zh: '提示' },
  notFormatted: { en: '{0} is not formatted.', zh: '{0} 的格式不规范。' },
  formatted: { en: 'Formatted {0}.', zh: '已格式化 {0}。' },
  allFormatted: { en: 'All {0} file(s) are formatted.', zh: '全部 {0} 个文件格式规范。' },
  someNotFormatted: { en: '{0} of {1} file(s) need formatting; run awardc fmt --write.', zh: '{1} 个文件中有 {0} 个需要格式化，请运行 awardc fmt --write。' },
  cannotFormat: { en: '{0} has syntax errors and was not formatted.', zh: '{0} 有语法错误，未格式化。' },
  explainErrors: { en: '{0} has errors; fix them before explaining it.', zh: '{0} 有错误，请先修正再生成说明。' },
  internal: { en: 'Internal error: {0}. This is a bug in awardc; please report it with the file that caused it.', zh: '内部错误：{0}。这是 awardc 的缺陷，请连同引起问题的文件一并反馈。' },
  usage: { en: '{0}', zh: '{0}' },
  unknownCommand: { en: "Unknown command '{0}'. Run awardc --help.", zh: '未知命令“{0}”。请运行 awardc --help。' },
  unknownOption: { en: "Unknown option '{0}'. Run awardc --help.", zh: '未知选项“{0}”。请运行 awardc --help。' },
  missingArgument: { en: "Missing argument '{0}'. Run awardc --help.", zh: '缺少参数“{0}”。请运行 awardc --help。' },
  badChoice: { en: "'{0}' is not one of {1}.", zh: '“{0}”不是可选值（{1}）之一。' },
  fmtBothModes: { en: 'Use either --check or --write, not both.', zh: '--check 和 --write 不能同时使用。' },
  // help texts
  helpProgram: { en: 'Check, format and explain AwardRules rule files (.award).', zh: '检查、格式化和解释 AwardRules 规则文件（.award）。' },
  helpCheck: { en: 'check rule files and report problems (exit 0 clean, 1 problems, 2 usage or input error)', zh: '检查规则文件并报告问题（退出码：0 无问题，1 有问题，2 用法或输入错误）' },
  helpFmt: { en: 'print rule files in canonical layout (or --check / --write them)', zh: '按规范格式输出规则文件（或用 --check / --write）' },
  helpExplain: { en: 'explain each rule as a plain sentence, grouped by award', zh: '把每条规则写成通俗的句子，按奖项分组' },
  helpLang: { en: 'language of messages: zh or en (default: from LANG)', zh: '提示语言：zh 或 en（默认取自 LANG）' },
  helpFormat: { en: 'output format', zh: '输出格式' },
  helpCatalog: { en: 'catalog file (CATALOG.md) whose IDs tags must come from', zh: '条目目录文件（CATALOG.md），规则的条目编号须出自其中' },
  helpCalendar: { en: 'extra working-day calendar (JSON) for years not built in', zh: '补充的工作日历文件（JSON），用于内置日历之外的年份' },
  helpCheckFlag: { en: 'exit 1 if a file is not formatted, write nothing', zh: '若有文件格式不规范则以 1 退出，不写入文件' },
  helpWrite: { en: 'rewrite files in place', zh: '直接改写文件' },
  helpColor: { en: 'no colours', zh: '不使用颜色' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type CliMessage = keyof typeof M;

export function say(locale: Locale, key: CliMessage, ...args: (string | number)[]): string {
  return M[key][locale].replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}
