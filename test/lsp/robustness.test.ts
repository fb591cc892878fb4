/**
 * The server under thousands of random edits (fast-check, fixed seed): keywords, deletions, pasted
 * Chinese notice text, full-width punctuation, surrogate pairs, line breaks, sent as incremental
 * didChange. After every batch the server must answer (text, hover, outline, completion) within a
 * timeout, hold exactly the client's text, log no failure, and publish for the latest version the
 * diagnostics a local buildDocument gives for the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { buildDocument, KEYWORDS, render } from '@awardrules/language';
import { exampleText, inProcessServer, positionAt, ROOT, spawnServer, type TestClient } from './support.js';

const NOTICES = readdirSync(`${ROOT}../shared/notices`).map((n) => readFileSync(`${ROOT}../shared/notices/${n}`, 'utf8'));
const SEED = 20240315;

const snippet = fc.oneof(
  fc.constantFrom(...KEYWORDS.flatMap((k) => k.spellings)).map((w) => ` ${w} `),
  fc.constantFrom('｛', '｝', '（', '）', '，', '：', '％', '≥', '≤', '≠', '→', '“', '”', '；', '。', '、', '\u3000'),
  fc.constantFrom('{', '}', '(', ')', ',', ':', '%', '>=', '<=', '=', '->', '..', '"', '\\', '#J23-CAP-', '@四(二)', '/*', '*/', '//'),
  fc.constantFrom('\n', '\r\n', '\r', '  ', '\t', '5', '120', '2024-03-15', '2024年2月30日', '𠀀', '𠀀区', 'vice-bureau', '副厅级', '县处级'),
  fc.tuple(fc.nat(NOTICES.length - 1), fc.nat(20_000), fc.integer({ min: 1, max: 40 })).map(([i, at, len]) => {
    const t = NOTICES[i]!;
    const from = at % Math.max(1, t.length - len);
    return t.slice(from, from + len);
  }),
);

/** An edit as fractions of the current text, so it applies to whatever the text has become. */
const edit = fc.record({ at: fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 1_000_000), remove: fc.nat(12), insert: fc.oneof(snippet, fc.constant('')) });
type Edit = { at: number; remove: number; insert: string };

/** Never between \r and \n: a position cannot point there, so the client and server could disagree. */
function safeOffset(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset;
}

async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms); });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const essentials = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/** Applies a batch of edits through didChange and checks the server stays alive and in sync. */
async function runBatch(client: TestClient, uri: string, start: string, edits: readonly Edit[], compareDiagnostics: boolean, locale: 'zh' | 'en'): Promise<void> {
  let text = start;
  await client.open(uri, text);
  for (const e of edits) {
    const from = safeOffset(text, Math.floor(e.at * text.length));
    const to = safeOffset(text, Math.min(text.length, from + e.remove));
    const range = { start: positionAt(text, from), end: positionAt(text, to) };
    text = text.slice(0, from) + e.insert + text.slice(to);
    await client.change(uri, [{ range, text: e.insert }]);
  }
  const probe = positionAt(text, Math.floor(edits[0]!.at * text.length));
  const held = await within(5000, 'awardrules/text', client.request<{ text: string; version: number }>('awardrules/text', { uri }));
  expect(held.text).toBe(text);
  await within(5000, 'hover', client.request('textDocument/hover', client.at(uri, probe)));
  await within(5000, 'documentSymbol', client.request('textDocument/documentSymbol', { textDocument: { uri } }));
  await within(5000, 'completion', client.request('textDocument/completion', client.at(uri, probe)));
  await within(5000, 'semantic tokens', client.request('textDocument/semanticTokens/full', { textDocument: { uri } }));
  if (compareDiagnostics) {
    const published = await client.diagnostics(uri, held.version);
    const local = buildDocument(uri, text, { readFile: () => undefined });
    expect(published.map(essentials)).toEqual(local.diagnostics.map((d) => {
      const s = local.lines.position(d.span.start);
      const en = local.lines.position(d.span.end);
      return `${d.code} ${s.line}:${s.character}-${en.line}:${en.character}`;
    }));
    expect(published.map((d) => d.message.split('\n')[0])).toEqual(local.diagnostics.map((d) => render(d, locale).message));
  }
  await client.close(uri);
}

describe('random edits', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = inProcessServer(20);
    await client.initialize('en');
  });
  afterAll(() => client.shutdown());

  it('never crash the server, which always answers and stays in sync (in-process, 3,000 edits)', async () => {
    const start = exampleText('jilin-2023-social-orgs');
    let run = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 5, maxLength: 50, size: 'max' }), async (edits) => {
        run++;
        sent += edits.length;
        await runBatch(client, `untitled:fuzz-${run}`, start, edits, run % 3 === 0, 'en');
      }),
      { seed: SEED, numRuns: 120, endOnFailure: true },
    );
    expect(sent).toBeGreaterThan(2500);
    expect(client.logs.filter((l) => /failed/.test(l))).toEqual([]);
  });
});

describe('random edits over stdio', () => {
  let client: TestClient & { stderr: string[] };
  beforeAll(async () => {
    client = spawnServer();
    await client.initialize('zh-cn');
  });
  afterAll(() => client.shutdown());

  it('leave the server process running and in sync', async () => {
    const start = exampleText('qinghai-2021-petition');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 40 }), async (edits) => {
        run++;
        await runBatch(client, `untitled:stdio-fuzz-${run}`, start, edits, true, 'zh');
      }),
      { seed: SEED + 1, numRuns: 10, endOnFailure: true },
    );
    expect(client.logs.filter((l) => /failed/.test(l))).toEqual([]);
    expect(client.stderr.join('')).toBe('');
  });
});
