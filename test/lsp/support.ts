/**
 * A small LSP client for the tests: over real stdio to the built server (`node bin/awardrules-lsp.js
 * --stdio`, or `awardc lsp --stdio`), or in-process over a pair of streams for speed. It records the
 * diagnostics the server publishes and what it logs, and waits for the ones a test needs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type InitializeResult, type Position, type ProtocolConnection, type Range, type TextDocumentContentChangeEvent, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from '@awardrules/language-server';
import { ROOT } from '../support.js';

export { ROOT };
export const SERVER_BIN = `${ROOT}packages/language-server/bin/awardrules-lsp.js`;
export const AWARDC_BIN = `${ROOT}packages/cli/bin/awardc.cjs`;
export const EXAMPLE_NAMES = ['jilin-2020-judicial-covid', 'jilin-2023-social-orgs', 'qinghai-2021-petition', 'sichuan-2017-public-security', 'national-2021-government-affairs'];

export const exampleUri = (name: string) => pathToFileURL(`${ROOT}examples/${name}.award`).href;
export const exampleText = (name: string) => readFileSync(`${ROOT}examples/${name}.award`, 'utf8');

export interface Published {
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

export class TestClient {
  readonly published = new Map<string, Published>();
  /** Every version of each document that diagnostics were published for, in order. */
  readonly publishedVersions = new Map<string, (number | undefined)[]>();
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();

  constructor(readonly connection: ProtocolConnection, private readonly stop: () => void) {
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.published.set(p.uri, { ...(p.version !== undefined ? { version: p.version } : {}), diagnostics: p.diagnostics });
      this.publishedVersions.set(p.uri, [...(this.publishedVersions.get(p.uri) ?? []), p.version]);
      for (const w of this.waiters.splice(0)) w();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    connection.onNotification('window/showMessage', (p: { message: string }) => this.messages.push(p.message));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.listen();
  }

  async initialize(locale: string, initializationOptions: object = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: null, rootUri: pathToFileURL(ROOT).href, locale, initializationOptions,
      capabilities: {
        textDocument: { completion: { completionItem: { snippetSupport: false } }, rename: { prepareSupport: true }, publishDiagnostics: { relatedInformation: true } },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      workspaceFolders: null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'award', version: 1, text } });
    return this.diagnostics(uri, 1);
  }

  /** Sends edits; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics of `uri` once the server has published them for `version` (or any version). */
  async diagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.published.get(uri);
      if (p && (version === undefined || p.version === version)) return p.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms (have ${p?.version})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  at(uri: string, position: Position) {
    return { textDocument: { uri }, position };
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
    } finally {
      this.stop();
    }
  }
}

/** The built server as a separate process speaking over stdio (the default: bin/awardrules-lsp.js). */
export function spawnServer(args: string[] = [SERVER_BIN, '--stdio']): TestClient & { readonly process: ChildProcess; readonly stderr: string[] } {
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new TestClient(connection, () => {
    void connection.sendNotification('exit').catch(() => undefined);
    setTimeout(() => proc.kill(), 200).unref();
  });
  return Object.assign(client, { process: proc, stderr });
}

/** The server in this process, over a pair of streams: the same code, without process start-up. */
export function inProcessServer(debounceMs = 150, options: ServerOptions = {}): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, { debounceMs, ...options });
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return new TestClient(connection, () => {
    connection.dispose();
    toServer.end();
    toClient.end();
  });
}

/** Text with a `<|>` cursor marker: the text without it, and where it was. */
export function cursor(marked: string): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 3);
  return { text, offset, position: positionAt(text, offset) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: offset - (lastBreak + 1) };
}

export function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text[i++];
    if (c === '\r' && text[i] === '\n') i++;
    if (c === '\n' || c === '\r') line++;
  }
  return i + p.character;
}

/** The position of the `n`th occurrence of `needle` in `text` (plus `delta` characters). */
export function find(text: string, needle: string, delta = 0, n = 1): Position {
  let at = -1;
  for (let k = 0; k < n; k++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`'${needle}' not found`);
  return positionAt(text, at + delta);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

export function rangeText(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}
