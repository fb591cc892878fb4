/**
 * The standard vocabulary as a Markdown reference (grammar/VOCABULARY.md): every value list with its
 * values, groups and bands, every standard field with its type, and the reserved words. Generated from
 * the same data the checker reads (standard.ts, keywords.ts), so the page cannot drift from the tool;
 * `npm run vocabulary` rewrites it and a test checks that the committed file is current.
 */
import { KEYWORDS, type KeywordCategory } from '../syntax/keywords.js';
import { englishLabel } from './names.js';
import { DERIVED_ENUMS, STANDARD_ENUMS, STANDARD_FIELDS } from './standard.js';
import type { EnumDef, FieldDef, FieldType, Group, Term } from './types.js';

/** Text for a table cell: no line breaks, and `|` escaped so it does not end the cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text}\``;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => (c === '' ? '—' : c)).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}

function aliases(t: Term): string {
  return cell((t.aliases ?? []).join(', '));
}

/** Link to a value list's section on this page. */
function enumLink(id: string): string {
  return `[${code(id)}](#${id})`;
}

function enumKind(e: EnumDef): string {
  if (e.perNotice) return 'each notice lists its own values (`extend ' + e.id + ' { … }`); there are no standard values';
  if (e.ordered) return 'ordered scale, lowest first: `<`, `<=`, `>`, `>=` and bands (`a..b`) work; a rule file may only add equivalents (`new "…" = value`)';
  return 'list without order: use `=`, `!=`, `in {…}`; a rule file may add values with `extend ' + e.id + '`';
}

function groupRows(e: EnumDef, groups: readonly Group[]): string[][] {
  const position = (id: string) => e.values.findIndex((v) => v.id === id);
  return groups.map((g) => {
    const members = e.ordered && g.members.length > 1 && g.members.every((m, i) => i === 0 || position(m) === position(g.members[i - 1]!) + 1)
      ? `${code(g.members[0]!)} .. ${code(g.members[g.members.length - 1]!)}`
      : g.members.map(code).join(', ');
    return [code(g.id), cell(g.zh), cell(englishLabel(g)), aliases(g), members];
  });
}

function enumSection(e: EnumDef): string[] {
  const out = [`### ${e.id}`, '', `${cell(e.zh)} · ${cell(englishLabel(e))} · ${enumKind(e)}.`, ''];
  if (e.values.length) {
    const header = e.ordered ? ['#', 'id', '中文', 'English', 'other names (aka)'] : ['id', '中文', 'English', 'other names (aka)'];
    out.push(...table(header, e.values.map((v, i) => {
      const cells = [code(v.id), cell(v.zh), cell(englishLabel(v)), aliases(v)];
      return e.ordered ? [String(i + 1), ...cells] : cells;
    })), '');
  }
  const groups = e.groups ?? [];
  if (groups.length) {
    out.push(e.ordered ? 'Bands (a name for a stretch of the scale):' : 'Groups (a name for several values):', '');
    out.push(...table(['id', '中文', 'English', 'other names (aka)', 'members'], groupRows(e, groups)), '');
  }
  return out;
}

/** How a field's type is written in a rule file, with links to value lists. */
export function typeText(t: FieldType): string {
  switch (t.kind) {
    case 'bool': return code('yes/no');
    case 'number': case 'percent': case 'text': case 'date': return code(t.kind);
    case 'duration': return code(t.unit);
    case 'tenure': return t.since ? `${code('tenure')}, counted from ${code(t.since)}` : code('tenure');
    case 'enum': return t.validity ? `${enumLink(t.enum)} ${code('valid')}` : enumLink(t.enum);
    case 'set': return `${code('set of')} ${enumLink(t.enum)}`;
    case 'events': return `${code('events of')} ${enumLink(t.enum)}`;
    case 'record': return `records (${t.record})`;
  }
}

/** What a condition may do with a field of this type. */
function usage(f: FieldDef): string {
  const t = f.type;
  switch (t.kind) {
    case 'bool': return `on its own: ${code(f.id)}, ${code(`not ${f.id}`)}`;
    case 'number': return `${code(`${f.id} >= 3`)}`;
    case 'percent': return `${code(`${f.id} >= 20%`)}`;
    case 'text': return `${code(`${f.id} = "…"`)}; or grouping with ${code('per')}`;
    case 'date': return `${code(`${f.id} <= 2024-03-15`)}, ${code(`${f.id} within 5 years`)}, ${code(`${f.id} during 2018..2020`)}`;
    case 'duration': return `${code(`${f.id} >= 3 ${t.unit}`)}`;
    case 'tenure': return `full years, months or days on the reference date: ${code(`${f.id} >= 5 years`)}`;
    case 'enum': {
      const ordered = STANDARD_ENUMS.find((e) => e.id === t.enum)?.ordered ?? false;
      const base = `${code('=')}, ${code('!=')}, ${code('in {…}')}, ${code('not in {…}')}${ordered ? `, ${code('<')}, ${code('<=')}, ${code('>')}, ${code('>=')}` : ''}`;
      return t.validity ? `${base}; ${code(`${f.id} valid`)}, ${code(`${f.id} >= 4A valid`)}` : base;
    }
    case 'set': return `${code('has')}, ${code('has any {…}')}, ${code('has all {…}')}`;
    case 'events': return `${code('has')} (with ${code('within')}, ${code('since')} or ${code('during')}), ${code(`${f.id} within 5 years`)}, ${code('no …')}`;
    case 'record': {
      const rule = { publicity: 'publicity', materials: 'material', submissions: 'deadline', units: 'publicity … at each' }[t.record];
      return `not in conditions; read by ${code(rule)} rules`;
    }
  }
}

function fieldRows(): string[][] {
  return STANDARD_FIELDS.map((f) => {
    const described = f.description ? `${cell(f.description.en)} (${cell(f.description.zh)}). ` : '';
    return [code(f.id), cell(f.zh), cell(englishLabel(f)), typeText(f.type), aliases(f), `${described}${usage(f)}`];
  });
}

const CATEGORY_TITLES: Record<KeywordCategory, string> = {
  declaration: 'declarations', rule: 'rules', connective: 'conditions and connectives', total: 'totals of a share',
  material: 'material requirements', unit: 'units', type: 'field types', literal: 'literals',
};

function keywordRows(): string[][] {
  const order = Object.keys(CATEGORY_TITLES) as KeywordCategory[];
  return [...KEYWORDS]
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))
    .map((k) => [code(k.spellings[0]!), k.spellings.slice(1).map(code).join(', '), CATEGORY_TITLES[k.category], cell(k.zh), cell(k.en)]);
}

/** The whole of grammar/VOCABULARY.md. */
export function vocabularyMarkdown(): string {
  const lines: string[] = [
    '# AwardRules standard vocabulary',
    '',
    '<!-- Generated from packages/language/src/vocabulary/standard.ts and syntax/keywords.ts by `npm run vocabulary`. Do not edit: a test checks that this file is current. -->',
    '',
    'Every name on this page can be used in a rule file without declaring it. The id, the Chinese name, the',
    'English label and every other name (aka) of a value all mean the same value, and names are compared',
    'after NFKC normalisation, ignoring case and spaces, so `副厅（局、师）级` and `副厅(局、师)级` are one name.',
    'A rule file adds its own values with `extend` and its own fields with `field`; see',
    '[the language reference](REFERENCE.md).',
    '',
    '- [Value lists](#value-lists): ' + [...STANDARD_ENUMS.map((e) => e.id), ...Object.values(DERIVED_ENUMS).map((e) => e.id)].map(enumLink).join(', '),
    '- [Standard fields](#standard-fields)',
    '- [Reserved words](#reserved-words)',
    '',
    '## Value lists',
    '',
  ];
  for (const e of STANDARD_ENUMS) lines.push(...enumSection(e));
  const derived = DERIVED_ENUMS;
  lines.push(
    `### ${derived.award.id}`, '',
    `${derived.award.zh} · ${derived.award.en} · the notice's own awards, one value per \`award\` declaration (its id and its Chinese and English names).`, '',
    `### ${derived.condition.id}`, '',
    `${derived.condition.zh} · ${derived.condition.en} · the conditions listed in the file's \`attest\` groups, one value per item.`, '',
    '## Standard fields',
    '',
    'What a slate (the list of nominees) may say about each nominee. A rule file declares any other field',
    'it needs with `field`; a declared field may not reuse one of these names.',
    '',
    ...table(['field', '中文', 'English', 'type', 'other names (aka)', 'description; how conditions use it'], fieldRows()),
    '',
    '## Reserved words',
    '',
    'These words are part of the language, so they cannot be used as names of values, fields, awards or',
    'stages (`AR1011`). The standard field `award` may be written as it is in a condition',
    '(`when award = advanced-person`); elsewhere a standard name that is also a reserved word is written',
    'with its Chinese name (`申报奖项`) or in quotes. A longer word that contains a reserved word is a name',
    'like any other: `attested`, `年度`, `工作日志`.',
    '',
    ...table(['word', 'other spellings', 'kind', '中文', 'meaning'], keywordRows()),
    '',
  );
  return lines.join('\n');
}
