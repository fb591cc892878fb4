/**
 * End to end over real stdio JSON-RPC: the built server (`node bin/awardrules-lsp.js --stdio`) and
 * `awardc lsp --stdio`, driven by vscode-languageserver-protocol's client connection. Diagnostics are
 * compared with `awardc check --format json` code for code, range for range, message for message.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction, CompletionList, Diagnostic, Hover, Location, SemanticTokens, SemanticTokensLegend, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { formatText } from '@awardrules/language';
import { BackgroundChecker } from '@awardrules/language-server';
import { awardc } from '../support.js';
import {
  applyEdits, AWARDC_BIN, EXAMPLE_NAMES, exampleText, exampleUri, find, rangeText, ROOT, SERVER_BIN, spawnServer, type TestClient,
} from './support.js';

interface CliDiagnostic {
  code: string;
  message: string;
  hint?: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

/** `awardc check --format json` for some files, keyed by file. */
function cliCheck(files: string[], lang: 'zh' | 'en'): Map<string, CliDiagnostic[]> {
  const r = awardc(['check', '--format', 'json', '--lang', lang, ...files]);
  const out = JSON.parse(r.stdout) as { files: { file: string; diagnostics: CliDiagnostic[] }[] };
  return new Map(out.files.map((f) => [f.file, f.diagnostics]));
}

/** A CLI diagnostic as the server must publish it: 0-based range, the hint under the message. */
function asLsp(d: CliDiagnostic, lang: 'zh' | 'en') {
  const hint = lang === 'zh' ? '提示' : 'hint';
  return {
    code: d.code,
    range: { start: { line: d.range.start.line - 1, character: d.range.start.column - 1 }, end: { line: d.range.end.line - 1, character: d.range.end.column - 1 } },
    message: d.hint ? `${d.message}\n${hint}: ${d.hint}` : d.message,
  };
}
const essentials = (d: Diagnostic) => ({ code: d.code, range: d.range, message: d.message });

const BROKEN_EDITS: [string, string][] = [
  ['exclude rank >= vice-bureau #J23-EXCLUDE-2', 'exclude rank >= vice-bureu #J23-EXCLUDE-2'],
  ['cap rank = county-level <= 15% of selected #J23-CAP-1', 'cap rank = county-level <= 115% of selected'],
  ['publicity >= 5 workdays at province after', 'publicity >= 5 workdays at provinse after'],
  ['  quota <= 30 #J23-QUOTA-1 @二(二)', '  quota <= 30 #J23-QUOTA-1 @二(二)\n  exlude body = enterprise'],
  ['require inspections-passed #J23-REQUIRE-2', 'require inspections-passed >= #J23-REQUIRE-2'],
];

let dir: string;
let brokenFile: string;
let brokenText: string;

beforeAll(() => {
  // A broken copy beside a copy of its table, so the table is read relative to the rule file as the CLI does.
  dir = mkdtempSync(join(tmpdir(), 'awardrules-lsp-'));
  mkdirSync(join(dir, 'tables'));
  copyFileSync(`${ROOT}examples/tables/jilin-2023-social-orgs.allocation.csv`, join(dir, 'tables', 'jilin-2023-social-orgs.allocation.csv'));
  brokenText = BROKEN_EDITS.reduce((t, [from, to]) => t.replace(from, to), exampleText('jilin-2023-social-orgs'));
  brokenFile = join(dir, '破损 copy.award'); // a space and Chinese in the path: the URI is percent-encoded
  writeFileSync(brokenFile, brokenText);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['zh', 'en'] as const)('the built server over stdio, in %s', (lang) => {
  let client: TestClient & { stderr: string[] };
  let legend: SemanticTokensLegend;

  beforeAll(async () => {
    client = spawnServer();
    const init = await client.initialize(lang === 'zh' ? 'zh-cn' : 'en-us');
    legend = init.capabilities.semanticTokensProvider!.legend;
    expect(init.serverInfo?.name).toBe('awardrules-lsp');
  });
  afterAll(() => client.shutdown());

  it('publishes no diagnostics for the five example notices', async () => {
    for (const name of EXAMPLE_NAMES) expect(await client.open(exampleUri(name), exampleText(name)), name).toEqual([]);
  });

  it('publishes exactly what awardc check reports for a broken copy', async () => {
    const published = await client.open(pathToFileURL(brokenFile).href, brokenText);
    const cli = cliCheck([brokenFile], lang).get(brokenFile)!;
    expect(cli.map((d) => d.code)).toEqual(['AR2001', 'AR2001', 'AR1010', 'AR1003', 'AR2008']);
    expect(published.map(essentials)).toEqual(cli.map((d) => asLsp(d, lang)));
    expect(published.every((d) => d.source === 'awardrules' && d.severity === 1)).toBe(true);
  });

  it('matches awardc check on every file of the negative corpus', async () => {
    const files = readdirSync(`${ROOT}test/negative`).filter((n) => n.endsWith('.award')).map((n) => `${ROOT}test/negative/${n}`);
    const cli = cliCheck(files, lang);
    for (const file of files) {
      const published = await client.open(pathToFileURL(file).href, readFileSync(file, 'utf8'));
      expect(published.map(essentials), file).toEqual((cli.get(file) ?? []).map((d) => asLsp(d, lang)));
      await client.close(pathToFileURL(file).href);
    }
  });

  it('completes, hovers, navigates, renames, formats and fixes', async () => {
    const uri = exampleUri('jilin-2023-social-orgs');
    const text = exampleText('jilin-2023-social-orgs');
    // Completion after `at` in a publicity rule, and by pinyin.
    const levels = await client.request<CompletionList>('textDocument/completion', client.at(uri, find(text, 'at unit before submission', 3)));
    expect(levels.items.map((i) => i.label)).toEqual(expect.arrayContaining(['unit', '本单位', 'province', 'each']));
    const pinyinDoc = `${text}\nexclude rank >= fut`;
    await client.change(uri, [{ text: pinyinDoc }]);
    const byPinyin = await client.request<CompletionList>('textDocument/completion', client.at(uri, { line: pinyinDoc.split('\n').length - 1, character: 19 }));
    expect(byPinyin.items.find((i) => i.label === '副厅级')?.filterText).toBe('futingji');
    await client.change(uri, [{ text }]);

    const hover = await client.request<Hover>('textDocument/hover', client.at(uri, find(text, 'vice-bureau #J23', 1)));
    expect((hover.contents as { value: string }).value).toContain(lang === 'zh' ? '(职级的取值) `vice-bureau` — 副厅级' : '(value of rank) `vice-bureau` — 副厅级');

    const defs = await client.request<Location[]>('textDocument/definition', client.at(uri, find(text, 'before decision', 8)));
    expect(defs.map((d) => d.range.start.line)).toEqual([find(text, 'stage decision').line]);
    const refs = await client.request<Location[]>('textDocument/references', { ...client.at(uri, find(text, 'stage submission', 7)), context: { includeDeclaration: true } });
    expect(refs).toHaveLength(4);

    const renamed = await client.request<WorkspaceEdit>('textDocument/rename', { ...client.at(uri, find(text, 'stage submission', 7)), newName: 'city-submission' });
    const afterRename = applyEdits(text, renamed.changes![uri]!);
    expect(afterRename.match(/city-submission/g)).toHaveLength(4);
    expect(afterRename).not.toMatch(/(?<![\w-])submission(?![\w-])/);

    const messy = text.replace('exclude rank >= vice-bureau', 'exclude   rank ≥ vice-bureau');
    await client.change(uri, [{ range: { start: find(text, 'exclude rank'), end: find(text, 'exclude rank >= vice-bureau', 27) }, text: 'exclude   rank ≥ vice-bureau' }]);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = formatText(messy);
    expect(formatted.ok && applyEdits(messy, edits)).toBe(text);

    // Completion in the broken copy, on the line with a misspelt level: the levels, by the parser's say.
    const brokenUri = pathToFileURL(brokenFile).href;
    const inBroken = await client.request<CompletionList>('textDocument/completion', client.at(brokenUri, find(brokenText, 'at provinse', 3)));
    expect(inBroken.items.map((i) => i.label)).toEqual(expect.arrayContaining(['unit', 'province', '省级']));
    const diags = client.published.get(brokenUri)!.diagnostics;
    const fixes = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: brokenUri }, range: diags.find((d) => d.code === 'AR1010')!.range, context: { diagnostics: [], only: ['quickfix'] } });
    expect(applyEdits(brokenText, fixes[0]!.edit!.changes![brokenUri]!)).toContain('\n  exclude body = enterprise\n');

    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const first = { line: tokens.data[0], character: tokens.data[1], length: tokens.data[2], type: legend.tokenTypes[tokens.data[3]!] };
    expect(first).toEqual({ line: 0, character: 0, length: text.indexOf('\n'), type: 'comment' });
    expect(rangeText(text, defs[0]!.range)).toBe('decision');
  });

  it('has logged no error', () => {
    expect(client.logs.filter((l) => /failed/.test(l))).toEqual([]);
    expect(client.stderr.join('')).toBe('');
  });
});

describe('awardc lsp --stdio', () => {
  it('answers initialize and publishes diagnostics, from the CLI bundle', async () => {
    const client = spawnServer([AWARDC_BIN, 'lsp', '--stdio', `--clientProcessId=${process.pid}`]);
    const init = await client.initialize('zh-cn');
    expect(init.capabilities.completionProvider).toBeTruthy();
    const diags = await client.open('file:///tmp/awardc-lsp.award', 'notice "x" { issued 2024-01-02 }\nexclude rank >= 副厅局\n');
    expect(diags.map((d) => d.message)).toEqual(['未知的职级“副厅局”。\n提示: 您是否想写 “副厅级”（vice-bureau）？']);
    await client.shutdown();
  });
});

describe('the background checker', () => {
  // The worker runs the program the server runs in, with its arguments: each must serve checks.
  it.each([[SERVER_BIN, ['--stdio']], [AWARDC_BIN, ['lsp', '--stdio']]])('runs in %s as a worker thread and answers checks', async (bin, argv) => {
    const errors: unknown[] = [];
    const checker = new BackgroundChecker(pathToFileURL(bin), (what, e) => errors.push([what, e]), argv);
    try {
      const text = 'notice "x" { issued 2024-01-02 }\nexclude rank >= 副厅局\n';
      const diagnostics = await checker.check('untitled:w.award', text, {});
      expect(diagnostics?.map((d) => d.code)).toEqual(['AR2001']);
      expect(await checker.check('untitled:w.award', 'notice "x" { issued 2024-01-02 }\n', {})).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      checker.stop();
    }
  });

  it('is started again when its worker stops, and reports that once', async () => {
    const errors: [string, unknown][] = [];
    const checker = new BackgroundChecker(pathToFileURL(SERVER_BIN), (what, e) => errors.push([what, e]), ['--stdio']);
    const worker = () => (checker as unknown as { worker: { terminate(): Promise<number> } }).worker;
    try {
      const text = 'notice "x" { issued 2024-01-02 }\nexclude rank >= 副厅局\n';
      expect((await checker.check('untitled:r.award', text, {}))?.map((d) => d.code)).toEqual(['AR2001']);
      for (let stop = 1; stop <= 3; stop++) {
        await worker().terminate();
        expect(errors.length).toBe(stop);
        expect(checker.failed).toBe(false);
        expect((await checker.check('untitled:r.award', text, {}))?.map((d) => d.code)).toEqual(['AR2001']);
      }
      // After three restarts, the server checks on its own thread only.
      await worker().terminate();
      expect(checker.failed).toBe(true);
      expect(await checker.check('untitled:r.award', text, {})).toBeUndefined();
      expect(errors.map(([what]) => what)).toEqual(Array(4).fill('the background checker'));
    } finally {
      checker.stop();
    }
  });
});
