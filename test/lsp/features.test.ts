/**
 * The other features, in-process, on the 2023 Jilin notice and small files: hover, definition,
 * references, rename (and its refusals), formatting, code actions, outline, folding, semantic tokens,
 * and UTF-16 positions with a CJK Extension B name.
 */
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction, DocumentSymbol, FoldingRange, Hover, Location, Range, SemanticTokens, SemanticTokensLegend, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { buildDocument, explainRule, formatText } from '@awardrules/language';
import { applyEdits, exampleText, exampleUri, find, inProcessServer, rangeText, SERVER_BIN, type TestClient } from './support.js';

const JILIN = 'jilin-2023-social-orgs';
const uri = exampleUri(JILIN);
const text = exampleText(JILIN);

let en: TestClient;
let zh: TestClient;
let legend: SemanticTokensLegend;

beforeAll(async () => {
  en = inProcessServer();
  zh = inProcessServer();
  legend = (await en.initialize('en')).capabilities.semanticTokensProvider!.legend;
  await zh.initialize('zh-cn');
  expect(await en.open(uri, text)).toEqual([]);
  await zh.open(uri, text);
});
afterAll(async () => {
  await en.shutdown();
  await zh.shutdown();
});

const hoverText = async (c: TestClient, needle: string, delta = 1, nth = 1) => {
  const h = await c.request<Hover | null>('textDocument/hover', c.at(uri, find(text, needle, delta, nth)));
  return h ? (h.contents as { value: string }).value : '';
};

describe('hover', () => {
  it('describes a field, a value with its list and both names, an award, a stage and a table', async () => {
    expect(await hoverText(en, 'exclude rank', 9)).toMatch(/\(standard field\) `rank` — 职级 \(rank\)\n\ntype: `rank` — rank \(职级\)\n\nalso written: 级别/);
    const value = await hoverText(en, 'vice-bureau #J23');
    expect(value).toContain('(value of rank) `vice-bureau` — 副厅级 (vice-bureau level)');
    expect(value).toContain('**副厅级**');
    expect(value).toContain('副厅局级'); // an alias
    expect(await hoverText(zh, 'vice-bureau #J23')).toContain('(职级的取值) `vice-bureau` — 副厅级');
    expect(await hoverText(zh, 'advanced-org "')).toContain('吉林省先进社会组织（集体）');
    expect(await hoverText(en, 'before province-submission', 8)).toMatch(/\(stage\) `province-submission` — 报送省评选表彰工作领导小组办公室[\s\S]*deadline: 2024-03-15/);
    expect(await hoverText(zh, 'region <= allocation', 11)).toMatch(/\(名额表\) `allocation` — 推荐名额分配表[\s\S]*12 行/);
    expect(await hoverText(en, 'social-org-work >=')).toContain('type: tenure');
    expect(await hoverText(en, 'org-leader "')).toContain('declared in this file');
  });

  it('explains a rule in plain language with its tag and clause, as awardc explain does', async () => {
    const doc = buildDocument(uri, text);
    const rule = doc.model.rules.find((r) => r.tags.includes('J23-CAP-1'))!;
    const zhText = await hoverText(zh, 'cap rank = county-level', 1);
    expect(zhText).toContain('(关键字) `cap`');
    expect(zhText).toContain(`**[#J23-CAP-1 条款 四(二)2]** ${explainRule(doc.model, rule, 'zh')}`);
    expect(zhText).toContain('职级为县处级的人数不超过评选总数的15%');
    expect(await hoverText(en, 'cap rank = county-level <=', 24)).toContain('Nominees where rank is county level');
  });
});

describe('navigation', () => {
  it('goes from a use to the declaration and finds every reference', async () => {
    const defs = await en.request<Location[]>('textDocument/definition', en.at(uri, find(text, 'region <= allocation', 12)));
    expect(defs).toHaveLength(1);
    expect(rangeText(text, defs[0]!.range)).toBe('allocation');
    expect(defs[0]!.range.start.line).toBe(find(text, 'table allocation').line);
    const refs = await en.request<Location[]>('textDocument/references', { ...en.at(uri, find(text, 'org-practitioner', 1)), context: { includeDeclaration: true } });
    expect(refs.map((r) => rangeText(text, r.range))).toEqual(['org-practitioner', 'org-practitioner', 'org-practitioner', 'org-practitioner']);
    const uses = await en.request<Location[]>('textDocument/references', { ...en.at(uri, find(text, 'org-practitioner', 1)), context: { includeDeclaration: false } });
    expect(uses).toHaveLength(3);
  });

  it('has no declaration for standard vocabulary', async () => {
    expect(await en.request<Location[]>('textDocument/definition', en.at(uri, find(text, 'vice-bureau #J23', 1)))).toEqual([]);
  });
});

describe('rename', () => {
  const rename = (c: TestClient, needle: string, newName: string, delta = 1) =>
    c.request<WorkspaceEdit | null>('textDocument/rename', { ...c.at(uri, find(text, needle, delta)), newName });

  it('renames the id everywhere it is written as the id, and keeps Chinese spellings', async () => {
    const edit = await rename(en, 'field social-org-work', 'service', 7);
    const edits = edit!.changes![uri]!;
    expect(edits.map((e) => rangeText(text, e.range))).toEqual(['social-org-work', 'social-org-work']);
    const after = applyEdits(text, edits);
    expect(after).toContain('field service "从事社会组织工作"');
    expect(after).toContain('require service >= 5 years');
    expect(buildDocument(uri, after).diagnostics.filter((d) => d.code === 'AR2001' || d.code === 'AR2002')).toEqual([]);
  });

  it('renames an award, also where it names a table column or a value of the award field', async () => {
    const small = 'notice "x" { issued 2024-01-02 }\nextend region { east "东" }\naward a1 "甲" for individual {\n  recommend per region <= t\n}\ntable t "表" by region (a1) {\n  east 3\n}\nwhen award = a1 { require front-line }\nwhen award = 甲 { require grassroots }\n';
    const u = 'file:///tmp/rename-award.award';
    await en.open(u, small);
    const edit = await en.request<WorkspaceEdit>('textDocument/rename', { ...en.at(u, find(small, 'a1', 0)), newName: 'first-award' });
    const after = applyEdits(small, edit.changes![u]!);
    expect(after).toContain('award first-award "甲"');
    expect(after).toContain('(first-award)');
    expect(after).toContain('when award = first-award {');
    expect(after).toContain('when award = 甲 {');
    await en.close(u);
  });

  it('renames attest items and materials, which the file declares', async () => {
    const item = await rename(en, 'party-building "', 'party-work');
    expect(item!.changes![uri]!.map((e) => rangeText(text, e.range))).toEqual(['party-building']);
    const material = await rename(en, 'main-deeds "', 'deeds');
    expect(applyEdits(text, material!.changes![uri]!)).toContain('  deeds "主要事迹材料" chars <= 1500 electronic');
    expect(await hoverText(zh, 'party-building "')).toContain('(需确认具备的条件) `party-building` — 党建工作好');
    expect(await hoverText(en, 'main-deeds "')).toContain('(material) `main-deeds` — 主要事迹材料');
  });

  it('refuses standard names, invalid names, reserved words and names already taken', async () => {
    const refused = async (c: TestClient, needle: string, newName: string, delta = 1) => {
      const error = await rename(c, needle, newName, delta).then(() => undefined, (e: Error) => e.message);
      expect(error, `${needle} → ${newName}`).toBeTruthy();
      return error!;
    };
    expect(await refused(en, 'vice-bureau #J23', 'x')).toContain("'vice-bureau' is a name of the standard vocabulary (rank)");
    expect(await refused(zh, 'vice-bureau #J23', 'x')).toContain('“vice-bureau”是标准词汇（职级）中的名称');
    expect(await refused(en, 'org-leader "', 'not a name')).toContain('is not a valid name');
    expect(await refused(en, 'org-leader "', 'exclude')).toContain('reserved word');
    expect(await refused(en, 'org-leader "', 'org-staff')).toContain("'org-staff' is already a name of identity");
    expect(await refused(en, 'org-leader "', '社会组织专职工作人员')).toContain('already a name');
    // Another stage's or material's other name (aka) is taken too: the rename would make it AR2037.
    const small = 'notice "x" { issued 2024-01-02 }\nstage submission "报送" aka "材料报送"\nstage decision "决定"\n' +
      'material {\n  photo "照片" aka "证件照" copies >= 2\n  deeds "事迹材料" chars <= 1500\n}\n';
    const u = 'file:///tmp/rename-aka.award';
    await en.open(u, small);
    const refusedHere = (needle: string, newName: string) => en.request('textDocument/rename', { ...en.at(u, find(small, needle, 1)), newName }).then(() => undefined, (e: Error) => e.message);
    expect(await refusedHere('decision "', '材料报送')).toContain('already a name');
    expect(await refusedHere('deeds "', '证件照')).toContain('already a name');
    expect(await refusedHere('deeds "', '照片')).toContain('already a name');
    expect(await refusedHere('deeds "', 'deeds-material')).toBeUndefined();
    await en.close(u);
    const prepare = await en.request<{ placeholder: string; range: Range }>('textDocument/prepareRename', en.at(uri, find(text, 'org-leader "', 3)));
    expect(prepare.placeholder).toBe('org-leader');
    expect(rangeText(text, prepare.range)).toBe('org-leader');
  });
});

describe('formatting', () => {
  it('is exactly awardc fmt, with no edit when the file is formatted already', async () => {
    expect(await en.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    const messy = 'notice “x” ｛ issued 2024-01-02 ｝\nexclude   rank ≥ 副厅级\naward a for individual { quota<=5 }\n';
    const u = 'file:///tmp/messy.award';
    await en.open(u, messy);
    const edits = await en.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    const fmt = formatText(messy);
    expect(fmt.ok && applyEdits(messy, edits)).toBe(fmt.ok && fmt.text);
    await en.close(u);
  });

  it('keeps a file\'s CRLF line ends, replacing only what changes', async () => {
    const messy = 'notice "x" {\r\n  issued 2024-01-02\r\n}\r\naward a for individual {\r\n  quota<=5\r\n}\r\n';
    const u = 'file:///tmp/crlf.award';
    await en.open(u, messy);
    const edits = await en.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start.line).toBe(4);
    expect(edits[0]!.range.end.line).toBe(4);
    const fmt = formatText(messy);
    expect(fmt.ok && applyEdits(messy, edits)).toBe(fmt.ok && fmt.text.replace(/\n/g, '\r\n'));
    await en.close(u);
  });

  it('gives a block comment over several lines in a CRLF file no stray carriage return', async () => {
    const messy = 'notice "x" {\r\n  issued 2024-01-02\r\n}\r\n/* line one\r\n   line two */\r\naward a for individual {\r\n  quota<=5\r\n}\r\n';
    const u = 'file:///tmp/crlf-comment.award';
    await en.open(u, messy);
    const edits = await en.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } });
    const after = applyEdits(messy, edits);
    expect(after).not.toContain('\r\r');
    expect(after).toBe(messy.replace('quota<=5', 'quota <= 5'));
    await en.close(u);
  });

  it('refuses a file with syntax errors, saying so', async () => {
    const u = 'file:///tmp/broken-format.award';
    await en.open(u, 'notice "x" { issued 2024-01-02 }\nexclude rank >=\n');
    const before = en.messages.length;
    expect(await en.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await new Promise((r) => setTimeout(r, 50));
    expect(en.messages.slice(before).join()).toContain('syntax errors (line 2)');
    await en.close(u);
  });
});

describe('code actions', () => {
  const actions = async (c: TestClient, u: string, range: Range, only?: string[]) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range, context: { diagnostics: [], ...(only ? { only } : {}) } });

  it('fixes "did you mean" from the diagnostic\'s suggestions, in the spelling typed', async () => {
    const bad = 'notice "x" { issued 2024-01-02 }\nexclude rank >= 副厅局\nexlude body = enterprise\n';
    const u = 'file:///tmp/did-you-mean.award';
    const diags = await en.open(u, bad);
    expect(diags.map((d) => d.code)).toEqual(['AR2001', 'AR1010']);
    const fix = (await actions(en, u, diags[0]!.range)).find((a) => a.kind === 'quickfix')!;
    expect(fix.title).toBe("Change to '副厅级'");
    expect(fix.isPreferred).toBe(true);
    let after = applyEdits(bad, fix.edit!.changes![u]!);
    const keyword = (await actions(en, u, diags[1]!.range)).find((a) => a.kind === 'quickfix')!;
    after = applyEdits(after, keyword.edit!.changes![u]!);
    expect(after).toBe('notice "x" { issued 2024-01-02 }\nexclude rank >= 副厅级\nexclude body = enterprise\n');
    expect(buildDocument(u, after).diagnostics).toEqual([]);
    await en.close(u);
  });

  it('adds the missing catalog tag that AR3012 suggests', async () => {
    const untagged = 'notice "x" {\n  issued 2024-01-02\n  tags X24\n}\nexclude rank >= vice-bureau #X24-EXCLUDE-1\nexclude body = enterprise\n';
    const u = 'file:///tmp/untagged.award';
    const diags = await zh.open(u, untagged);
    expect(diags.map((d) => d.code)).toEqual(['AR3012']);
    const fix = (await actions(zh, u, diags[0]!.range, ['quickfix']))[0]!;
    expect(fix.title).toBe('标注条目编号 #X24-EXCLUDE-2');
    expect(applyEdits(untagged, fix.edit!.changes![u]!)).toContain('exclude body = enterprise #X24-EXCLUDE-2\n');
    await zh.close(u);
  });

  it('writes a name in its other spelling, here or everywhere', async () => {
    const at = find(text, 'exclude rank >= vice-bureau', 16);
    const found = await actions(en, uri, { start: at, end: at }, ['refactor']);
    expect(found.map((a) => a.title)).toEqual(["Write 'vice-bureau' as '副厅级'"]);
    expect(applyEdits(text, found[0]!.edit!.changes![uri]!)).toContain('exclude rank >= 副厅级 #J23-EXCLUDE-2');
    const org = find(text, 'identity has org-practitioner', 13);
    const both = await actions(zh, uri, { start: org, end: org }, ['refactor']);
    expect(both.map((a) => a.title)).toEqual(['将“org-practitioner”写作“社会组织负责人和专职工作人员”', '将本文件中所有“org-practitioner”写作“社会组织负责人和专职工作人员”']);
    expect(both[1]!.edit!.changes![uri]!).toHaveLength(3);
  });
});

describe('outline, folding and semantic tokens', () => {
  it('shows the notice holding awards holding rules named by their tags', async () => {
    const symbols = await en.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(1);
    expect(symbols[0]!.name).toBe('吉人社联〔2023〕165号');
    const award = symbols[0]!.children!.find((s) => s.name === 'advanced-person')!;
    expect(award.detail).toBe('吉林省社会组织工作先进个人');
    expect(award.children!.map((c) => c.name)).toEqual(expect.arrayContaining(['#J23-QUOTA-2', '#J23-CAP-1']));
    expect(award.children!.find((c) => c.name === '#J23-CAP-1')!.detail).toContain('at most 15% of all selected nominees');
    expect(symbols[0]!.children!.map((c) => c.name)).toEqual(expect.arrayContaining(['extend region', 'social-org-work', 'allocation', 'submission', '#J23-DEADLINE-1', 'when kind = individual', '#J23-EXCLUDE-2']));
  });

  it('folds blocks and comment runs', async () => {
    const folds = await en.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const award = find(text, 'award advanced-org').line;
    expect(folds).toContainEqual({ startLine: award, endLine: find(text, 'soft require rating').line });
    expect(folds).toContainEqual({ startLine: 0, endLine: 3, kind: 'comment' });
  });

  it('colours names by what they are, with the legend sent once in the capabilities', async () => {
    const tokens = await en.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded = decode(tokens.data, legend);
    const at = (needle: string, delta = 0) => {
      const p = find(text, needle, delta);
      return decoded.find((t) => t.line === p.line && t.character === p.character);
    };
    expect(at('exclude rank')).toMatchObject({ type: 'keyword', length: 7 });
    expect(at('rank >= vice-bureau')).toMatchObject({ type: 'property', modifiers: ['defaultLibrary'] });
    expect(at('vice-bureau #J23')).toMatchObject({ type: 'enumMember', modifiers: ['defaultLibrary'] });
    expect(at('org-leader "')).toMatchObject({ type: 'enumMember', modifiers: ['declaration'] });
    expect(at('advanced-org "')).toMatchObject({ type: 'class', modifiers: ['declaration'] });
    expect(at('allocation "')).toMatchObject({ type: 'struct' });
    expect(at('#J23-EXCLUDE-2')).toMatchObject({ type: 'label' });
    expect(at('@四(二)2')).toMatchObject({ type: 'decorator' });
    expect(at('2024-03-15')).toMatchObject({ type: 'number', modifiers: ['date'] });
    expect(at('5 workdays', 2)).toMatchObject({ type: 'keyword', modifiers: ['unit'] });
    expect(at('// 吉林省')).toMatchObject({ type: 'comment' });
  });
});

describe('UTF-16 positions with a CJK Extension B name', () => {
  const ext = 'notice "x" { issued 2024-01-02 }\nextend region {\n  𠀀区 "𠀀区"\n  𠀁 "𠀁市"\n}\nexclude region = 𠀀区 or region = 𠀁\n';
  const u = 'file:///tmp/ext-b.award';

  it('finds, highlights and renames names after surrogate pairs', async () => {
    await en.open(u, ext);
    const use = find(ext, '𠀁\n', 0);
    expect(use).toEqual({ line: 5, character: 33 }); // 𠀀 counts two units
    const defs = await en.request<Location[]>('textDocument/definition', en.at(u, use));
    expect(defs[0]!.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 4 } });
    const h = await en.request<Hover>('textDocument/hover', en.at(u, find(ext, '𠀀区 or', 2)));
    expect(h.range).toEqual({ start: { line: 5, character: 17 }, end: { line: 5, character: 20 } });
    const edit = await en.request<WorkspaceEdit>('textDocument/rename', { ...en.at(u, use), newName: '𠀂' });
    expect(applyEdits(ext, edit.changes![u]!)).toBe(ext.replace('  𠀁 "', '  𠀂 "').replace('region = 𠀁\n', 'region = 𠀂\n'));
    await en.close(u);
  });
});

describe('the error-catching wrapper', () => {
  it('logs a failing request to the client and answers it with an empty result; the server goes on', async () => {
    const before = en.logs.length;
    expect(await en.request('textDocument/hover', { textDocument: { uri }, position: null })).toBeNull();
    expect(await en.request('textDocument/references', { textDocument: { uri }, position: null, context: null })).toEqual([]);
    expect(en.logs.slice(before).join('\n')).toMatch(/AwardRules hover failed: TypeError[\s\S]*AwardRules references failed/);
    expect(await en.request('awardrules/ping', {})).toBe('pong');
    en.logs.splice(before); // expected failures: keep the log clean for the other tests
  });
});

describe('when documents are checked', () => {
  it('checks the first edit after a pause at once, and waits while edits keep coming', async () => {
    // A wait after edits far longer than the test: only an immediate check can publish.
    const c = inProcessServer(60_000);
    try {
      await c.initialize('en');
      const u = 'untitled:timing.award';
      await c.open(u, text);
      const quota = find(text, 'quota', 0);
      const insert = () => c.change(u, [{ range: { start: quota, end: quota }, text: ' ' }]);
      const first = await insert();
      await c.diagnostics(u, first);
      // Right after it: not a pause, so these wait (60 s here) for more typing.
      await insert();
      const last = await insert();
      // A request that needs the current text checks it at once.
      await c.request('textDocument/hover', c.at(u, quota));
      await c.diagnostics(u, last);
      expect(c.publishedVersions.get(u)).toEqual([1, first, last]);
    } finally {
      await c.shutdown();
    }
  });

  it('waits after the first edit of a document whose opening check was not quick', async () => {
    // Every check counts as slow (it takes more than 0 ms); the wait after edits is longer than the test.
    const c = inProcessServer(60_000, { quickCheckMs: 0 });
    try {
      await c.initialize('en');
      const u = 'untitled:slow.award';
      await c.open(u, text);
      const quota = find(text, 'quota', 0);
      await c.change(u, [{ range: { start: quota, end: quota }, text: ' ' }]);
      await new Promise((r) => setTimeout(r, 100));
      const last = await c.change(u, [{ range: { start: quota, end: quota }, text: ' ' }]);
      await c.request('textDocument/hover', c.at(u, quota));
      await c.diagnostics(u, last);
      expect(c.publishedVersions.get(u)).toEqual([1, last]);
    } finally {
      await c.shutdown();
    }
  });

  it('publishes the diagnostics of each edit from the background checker, without waiting for the server thread', async () => {
    // The checker runs the built server program in a worker thread; the server's own checks wait 60 s.
    const c = inProcessServer(60_000, { checkerScript: pathToFileURL(SERVER_BIN) });
    try {
      await c.initialize('en');
      const u = 'untitled:background.award';
      await c.open(u, text);
      const at = find(text, 'quota <= ', 9);
      // The first edit after a pause is checked on the server thread at once; the second is not.
      await c.change(u, [{ range: { start: at, end: at }, text: '1' }]);
      const last = await c.change(u, [{ range: { start: at, end: at }, text: 'x' }]);
      const edited = applyEdits(applyEdits(text, [{ range: { start: at, end: at }, newText: '1' }]), [{ range: { start: at, end: at }, newText: 'x' }]);
      const local = buildDocument(u, edited, { readFile: () => undefined });
      expect(local.diagnostics.length).toBeGreaterThan(0);
      expect((await c.diagnostics(u, last)).map((d) => d.code)).toEqual(local.diagnostics.map((d) => d.code));
      expect(c.logs).toEqual([]);
    } finally {
      await c.shutdown();
    }
  });
});

/** Semantic tokens back to absolute positions and names. */
function decode(data: readonly number[], legend: SemanticTokensLegend) {
  const out: { line: number; character: number; length: number; type: string; modifiers: string[] }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const bits = data[i + 4]!;
    out.push({ line, character, length: data[i + 2]!, type: legend.tokenTypes[data[i + 3]!]!, modifiers: legend.tokenModifiers.filter((_, b) => bits & (1 << b)) });
  }
  return out;
}
