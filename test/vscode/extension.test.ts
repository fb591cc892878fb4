/**
 * The VS Code extension in editor/vscode: the manifest agrees with the files and the grammar, the
 * language configuration agrees with the lexer, `vsce package` makes a .vsix with the right files
 * and nothing else, the bundled server runs on its own, outside the repository, speaking LSP, and the
 * bundled client, loaded in a stand-in for VS Code (fake-vscode.ts), starts that server and keeps it
 * in the user's language.
 *
 * Packaging runs the manifest's `vscode:prepublish` (the esbuild build), so this file builds the
 * extension itself and does not depend on `npm run build` having done so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lex, tokens } from '@awardrules/language';
import { EXAMPLES, ROOT } from '../support.js';
import { fakeVscode } from './fake-vscode.js';

const require = createRequire(import.meta.url);
type Lsp = typeof import('vscode-languageserver-protocol/node');
const lsp = require('vscode-languageserver-protocol/node') as Lsp;

const EXT = `${ROOT}editor/vscode/`;
const manifest = JSON.parse(readFileSync(`${EXT}package.json`, 'utf8')) as Manifest;
const langConfig = JSON.parse(readFileSync(`${EXT}language-configuration.json`, 'utf8')) as LanguageConfiguration;
const grammar = JSON.parse(readFileSync(`${ROOT}grammar/award.tmLanguage.json`, 'utf8')) as { scopeName: string; fileTypes: string[] };

interface Manifest {
  name: string;
  version: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  files: string[];
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; aliases: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> };
    commands: { command: string }[];
  };
}
interface LanguageConfiguration {
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
}

const scratch: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

// ── Packaging, once for the whole file: `vsce package` with the manifest's own flags ─────────
let vsixPath = '';
let vsixEntries: string[] = [];

beforeAll(() => {
  const [tool, ...args] = manifest.scripts['package']!.split(/\s+/);
  expect(tool).toBe('vsce');
  vsixPath = join(tempDir('awardrules-vsix-'), `${manifest.name}-${manifest.version}.vsix`);
  const r = spawnSync(process.execPath, [`${ROOT}node_modules/@vscode/vsce/vsce`, ...args, '--out', vsixPath], {
    cwd: EXT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  // vsce's warnings would otherwise stop at an interactive question; none may remain.
  expect(r.stdout + r.stderr).not.toMatch(/\bWARNING\b|Do you want to continue/);
  vsixEntries = zipEntries(readFileSync(vsixPath));
}, 60_000);

/** The names in a zip's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// ── (a) The manifest ──────────────────────────────────────────────────────────────────────────
describe('the manifest (editor/vscode/package.json)', () => {
  const language = manifest.contributes.languages[0]!;
  const grammarContribution = manifest.contributes.grammars[0]!;

  it('contributes one language, award, for .award files, activated by it', () => {
    expect(manifest.contributes.languages).toHaveLength(1);
    expect(language.id).toBe('award');
    expect(language.extensions).toEqual(grammar.fileTypes.map((t) => `.${t}`));
    expect(language.aliases).toEqual(['AwardRules', '评选表彰规则']);
    expect(manifest.activationEvents).toEqual([`onLanguage:${language.id}`]);
  });

  it("contributes the repository's grammar under its own scope name, copied by the build", () => {
    expect(manifest.contributes.grammars).toHaveLength(1);
    expect(grammarContribution.language).toBe(language.id);
    expect(grammarContribution.scopeName).toBe(grammar.scopeName);
    const copied = readFileSync(join(EXT, grammarContribution.path), 'utf8');
    expect(copied).toBe(readFileSync(`${ROOT}grammar/award.tmLanguage.json`, 'utf8'));
    expect(JSON.parse(copied).scopeName).toBe(grammarContribution.scopeName);
  });

  it('names only files that exist after the build, and packs them all', () => {
    const paths = [manifest.main, language.configuration, grammarContribution.path, ...manifest.files].map((p) => p.replace(/^\.\//, ''));
    for (const p of paths) {
      expect(existsSync(join(EXT, p)), p).toBe(true);
      expect(manifest.files, `${p} is packed`).toContain(p);
    }
  });

  it('keeps @types/vscode within engines.vscode, and settings and commands in its own namespace', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    expect(manifest.devDependencies['@types/vscode']).toBe(engine);
    for (const key of Object.keys(manifest.contributes.configuration.properties)) expect(key).toMatch(/^awardrules\./);
    expect(manifest.contributes.configuration.properties['awardrules.locale']?.enum).toEqual(['auto', 'zh', 'en']);
    // Every contributed command is registered by the client, and every registered command contributed.
    const source = readFileSync(`${EXT}src/extension.ts`, 'utf8');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
    expect(registered.sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
  });
});

describe('the client source (editor/vscode/src)', () => {
  it('type-checks, strict, against @types/vscode (esbuild bundles it without checking)', () => {
    const r = spawnSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${EXT}tsconfig.json`], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 30_000);
});

// ── The language configuration ────────────────────────────────────────────────────────────────
describe('the language configuration', () => {
  it('pairs the full-width brackets and the curly quotes the language accepts', () => {
    for (const pair of [['{', '}'], ['｛', '｝'], ['(', ')'], ['（', '）']]) expect(langConfig.brackets).toContainEqual(pair);
    const closing = langConfig.autoClosingPairs.map((p) => [p.open, p.close]);
    for (const pair of [['｛', '｝'], ['（', '）'], ['"', '"'], ['“', '”']]) {
      expect(closing).toContainEqual(pair);
      expect(langConfig.surroundingPairs).toContainEqual(pair);
    }
  });

  it('takes every word the lexer reads in the examples as one word (kebab-case ids, Chinese names, 4A, dates)', () => {
    // VS Code compiles the pattern without the `u` flag, as here.
    const word = new RegExp(langConfig.wordPattern, 'y');
    const wordTypes = new Set(['Identifier', 'DigitName', 'DateLiteral']);
    let words = 0;
    for (const name of EXAMPLES) {
      const text = readFileSync(`${ROOT}examples/${name}.award`, 'utf8');
      for (const tok of lex(text).tokens) {
        // Keywords are identifiers the lexer renamed: every token whose image is a word.
        if (!wordTypes.has(tok.tokenType.name) && tokens.identifierLength(tok.image, 0) !== tok.image.length) continue;
        word.lastIndex = tok.startOffset;
        expect(word.exec(text)?.[0], `${name}.award at ${tok.startOffset}`).toBe(tok.image);
        words++;
      }
    }
    expect(words).toBeGreaterThan(1000);
    for (const w of ['vice-bureau', 'org-leader', '副厅（局、师）级', '县（市、区）级', '买买提·艾力', '5A区', '𠀀字']) {
      word.lastIndex = 0;
      expect(word.exec(w)?.[0]).toBe(w);
    }
  });

  it('indents after an opening brace, ASCII or full width, and outdents at a closing one', () => {
    const increase = new RegExp(langConfig.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(langConfig.indentationRules.decreaseIndentPattern);
    for (const line of ['notice "吉人社联〔2023〕165号" {', 'award a "甲" for individual ｛', '  when identity has org-leader {  // 负责人']) {
      expect(line).toMatch(increase);
    }
    for (const line of ['extend region { east "东区" west "西区" }', '// a comment {', 'exclude rank >= vice-bureau']) {
      expect(line).not.toMatch(increase);
    }
    expect('  }').toMatch(decrease);
    expect('｝').toMatch(decrease);
  });
});

// ── (b) The .vsix ─────────────────────────────────────────────────────────────────────────────
describe('the .vsix made by vsce package --no-dependencies', () => {
  it('holds the manifest, both bundles, the grammar, the language configuration, the icon, README and LICENSE', () => {
    for (const file of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/award.tmLanguage.json', 'extension/language-configuration.json', 'extension/images/icon.png', 'extension/readme.md', 'extension/LICENSE.txt']) {
      expect(vsixEntries.map((e) => e.toLowerCase()), file).toContain(file.toLowerCase());
    }
  });

  it('holds no node_modules, sources, scripts or build configuration', () => {
    for (const entry of vsixEntries) {
      expect(entry).not.toMatch(/(^|\/)(node_modules|src|scripts)\//);
      expect(entry).not.toMatch(/tsconfig|\.ts$|\.map$|\.vsix$/);
    }
    expect(vsixEntries.length).toBeLessThan(15);
    expect(statSync(vsixPath).size).toBeLessThan(3 * 1024 * 1024);
  });
});

// ── (c) The bundled server, alone ─────────────────────────────────────────────────────────────
const BROKEN = 'notice "x" {\n  issued 2024-01-02\n}\nexclude rank >= vice-bureu\n';

interface Session {
  readonly connection: import('vscode-languageserver-protocol').ProtocolConnection;
  readonly child: ChildProcess;
  readonly stderr: () => string;
}

/** Starts `node server.js --stdio` in `dir` and connects to it. */
function startServer(dir: string): Session {
  const child = spawn(process.execPath, ['server.js', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout!), new lsp.StreamMessageWriter(child.stdin!));
  connection.listen();
  return { connection, child, stderr: () => stderr };
}

/** Opens `text` and waits for its diagnostics. */
async function diagnose(session: Session, uri: string, text: string): Promise<import('vscode-languageserver-protocol').Diagnostic[]> {
  const published = new Promise<import('vscode-languageserver-protocol').Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server stderr:\n${session.stderr()}`)), 10_000);
    session.connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== uri) return;
      clearTimeout(timer);
      resolve(params.diagnostics);
    });
  });
  await session.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'award', version: 1, text } });
  return published;
}

async function stopServer(session: Session): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => session.child.on('exit', (code) => resolve(code)));
  await session.connection.sendRequest(lsp.ShutdownRequest.type);
  await session.connection.sendNotification(lsp.ExitNotification.type);
  const code = await exited;
  session.connection.dispose();
  return code;
}

describe('the bundled server (dist/server.js) alone, outside the repository', () => {
  it.each([
    ['en', "Unknown rank 'vice-bureu'."],
    ['zh', '未知的职级“vice-bureu”。'],
  ] as const)('speaks LSP over stdio: initialize, diagnostics with AR codes (%s), shutdown', async (locale, message) => {
    const dir = tempDir('awardrules-server-');
    copyFileSync(`${EXT}dist/server.js`, join(dir, 'server.js'));
    const session = startServer(dir);
    try {
      // What the extension sends: the locale both as the LSP locale and in the initialization options.
      const init = await session.connection.sendRequest(lsp.InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
        locale,
        initializationOptions: { locale },
        workspaceFolders: null,
      });
      expect(init.capabilities.textDocumentSync).toBeDefined();
      await session.connection.sendNotification(lsp.InitializedNotification.type, {});
      const uri = `file://${dir}/bad.award`;
      const diagnostics = await diagnose(session, uri, BROKEN);
      const ar2001 = diagnostics.find((d) => d.code === 'AR2001');
      expect(ar2001, JSON.stringify(diagnostics)).toBeDefined();
      expect(ar2001!.message).toContain(message);
      expect(ar2001!.range.start).toEqual({ line: 3, character: 16 });
      for (const d of diagnostics) expect(String(d.code)).toMatch(/^AR\d{4}$/);
      expect(await stopServer(session)).toBe(0);
    } finally {
      session.child.kill();
    }
  }, 20_000);
});

// ── (d) The bundled client, in a stand-in for VS Code ─────────────────────────────────────────
async function until(condition: () => boolean, what: string, log: () => string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${log().join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the bundled client (dist/extension.js) in a stand-in for VS Code', () => {
  it('starts the bundled server for award documents in the display language, follows awardrules.locale, restarts on command', async () => {
    const fake = fakeVscode({ language: 'zh-cn', settings: { 'awardrules.locale': 'auto', 'awardrules.catalog': '', 'awardrules.trace.server': 'messages' } });
    const uri = 'file:///nonexistent/awardrules/bad.award';
    const other = 'file:///nonexistent/awardrules/notes.txt';
    fake.open(uri, BROKEN);
    fake.open(other, BROKEN, 'plaintext');
    const messages = () => (fake.diagnostics.get(uri) ?? []).map((d) => d.message).join('\n');
    const chinese = () => messages().includes('未知的职级“vice-bureu”。');
    const english = () => messages().includes("Unknown rank 'vice-bureu'.");
    const restore = fake.install();
    const subscriptions: { dispose(): unknown }[] = [];
    type Extension = { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
    try {
      const path = `${EXT}dist/extension.js`;
      delete require.cache[path];
      const extension = require(path) as Extension;
      await extension.activate({ subscriptions, asAbsolutePath: (p: string) => join(EXT, p), extensionPath: EXT });
      await until(chinese, 'Chinese diagnostics (display language zh-cn)', () => fake.log);
      expect(fake.diagnostics.has(other)).toBe(false);
      expect([...fake.commands.keys()]).toEqual(manifest.contributes.commands.map((c) => c.command));

      // The setting overrides the display language, and back: no restart, the server reads it again.
      fake.settings['awardrules.locale'] = 'en';
      fake.changeConfiguration('awardrules.locale');
      await until(english, 'English diagnostics after awardrules.locale = en', () => fake.log);
      fake.settings['awardrules.locale'] = 'auto';
      fake.changeConfiguration('awardrules.locale');
      await until(chinese, 'Chinese diagnostics after awardrules.locale = auto', () => fake.log);

      // The restart command: a new server, which checks the open document again.
      fake.diagnostics.clear();
      await fake.commands.get('awardrules.restartServer')!();
      await until(chinese, 'diagnostics from the restarted server', () => fake.log);
      // ... and writes to the same output channel: a channel made and disposed per client would move
      // the Output view off AwardRules and drop the log level set on it (Trace: the message trace).
      expect(fake.channels.filter((c) => c.name === 'AwardRules')).toEqual([{ name: 'AwardRules', disposed: false }]);

      await extension.deactivate();
      // Nothing went wrong on the way: no error shown, none written to the output channel (the server's stderr goes there).
      expect(fake.log.filter((l) => /\] error: /.test(l))).toEqual([]);
    } finally {
      for (const d of subscriptions) d.dispose();
      restore();
    }
    // The channel goes with the extension's subscriptions.
    expect(fake.channels.map((c) => c.disposed)).toEqual(fake.channels.map(() => true));
  }, 20_000);
});
