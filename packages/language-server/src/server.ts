/**
 * The server: documents and settings in, features out. Every check is the language's own pipeline
 * (documents.ts); every feature is a small function of a checked document (features/), registered
 * here behind the one error-catching wrapper (guard.ts).
 *
 * Settings, from `initializationOptions` or the client's `awardrules` configuration section:
 * `locale` ('auto' | 'zh' | 'en'; auto follows the client's display language) and `catalog` (a
 * CATALOG.md whose IDs tags are checked against, as `awardc check --catalog`; relative to the
 * workspace folder).
 */
import { isAbsolute, join } from 'node:path';
import { LineMap, type Locale } from '@awardrules/language';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind,
  type CompletionList, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { BackgroundChecker } from './background.js';
import { DocumentStore, QUICK_CHECK_MS, type Checked, type Snapshot } from './documents.js';
import { pathOfUri, readCatalog } from './files.js';
import { guard, guardNotification, reportError } from './guard.js';
import { chooseLocale } from './locale.js';
import { say } from './messages.js';
import { codeActions } from './features/code-actions.js';
import { complete } from './features/completion/completion.js';
import { loadPinyin, pinyinReady } from './features/completion/pinyin.js';
import { lspDiagnostics } from './features/diagnostics.js';
import { formatDocument } from './features/formatting.js';
import { hover } from './features/hover.js';
import { definition, highlights, references } from './features/navigation.js';
import { documentSymbols, foldingRanges } from './features/outline.js';
import { prepareRename, rename } from './features/rename.js';
import { SEMANTIC_LEGEND, semanticTokens } from './features/semantic-tokens.js';

export interface ServerOptions {
  /** How long after the last edit a document is checked again (ms). */
  readonly debounceMs?: number;
  /** A document whose checks take at most this long (ms) has the first edit after a pause checked at once. */
  readonly quickCheckMs?: number;
  /**
   * The program to run in a worker thread that checks edited texts in the background: the one the
   * server runs in, whose entry point calls `serveChecks` when `isCheckWorker()` (see background.ts).
   * Without it, every check runs on the server's thread.
   */
  readonly checkerScript?: URL;
}

/** The background checker, if a script for it is given and a worker can be started. */
function backgroundChecker(connection: Connection, script: URL | undefined): { background?: BackgroundChecker } {
  if (!script) return {};
  try {
    return { background: new BackgroundChecker(script, (what, e) => reportError(connection, what, e)) };
  } catch (e) {
    reportError(connection, 'starting the background checker', e);
    return {};
  }
}

interface Settings {
  readonly locale?: unknown;
  readonly catalog?: unknown;
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return a === b || (!!a && !!b && a.size === b.size && [...a].every((x) => b.has(x)));
}

const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  let locale: Locale = 'en';
  let clientLocale: string | undefined;
  let folder: string | undefined;
  let settings: Settings = {};
  let catalog: ReadonlySet<string> | undefined;
  let pullsConfiguration = false;
  let registersConfiguration = false;
  let watchesFiles = false;

  const publish = (c: Checked) => {
    connection.sendDiagnostics({ uri: c.uri, version: c.version, diagnostics: lspDiagnostics(c, locale) }).catch((e) => reportError(connection, 'diagnostics', e));
  };
  const store = new DocumentStore({
    settings: () => (catalog ? { catalog } : {}),
    publish,
    onError: (what, e) => reportError(connection, what, e),
    debounceMs: options.debounceMs ?? 150,
    quickCheckMs: options.quickCheckMs ?? QUICK_CHECK_MS,
    ...backgroundChecker(connection, options.checkerScript),
  });

  /** Applies settings; checks everything again if they change what is reported. */
  const apply = (next: Settings, force = false) => {
    settings = { ...settings, ...next };
    const nextLocale = chooseLocale(settings.locale, clientLocale);
    const path = typeof settings.catalog === 'string' && settings.catalog ? (isAbsolute(settings.catalog) || !folder ? settings.catalog : join(folder, settings.catalog)) : undefined;
    const nextCatalog = path ? readCatalog(path) : undefined;
    if (path && !nextCatalog) connection.console.warn(`AwardRules: cannot read the catalog ${path}`);
    const changed = force || nextLocale !== locale || !sameSet(nextCatalog, catalog);
    locale = nextLocale;
    catalog = nextCatalog;
    if (changed) store.rebuildAll();
  };

  const pullSettings = async () => {
    if (!pullsConfiguration) return;
    const [section] = await connection.workspace.getConfiguration([{ section: 'awardrules' }]) as [Settings | null];
    if (section) apply(section);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    folder = pathOfUri(params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? '');
    const init = (params.initializationOptions ?? {}) as Settings;
    apply(init);
    pullsConfiguration = !!params.capabilities.workspace?.configuration;
    registersConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    watchesFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' ', '#'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'awardrules-lsp', version: '0.1.0' },
    };
  });

  connection.onInitialized(guardNotification(connection, 'initialized', () => {
    // Load pinyin now, in the background, rather than on the first completion.
    setImmediate(() => loadPinyin().catch((e) => reportError(connection, 'loading pinyin', e)));
    // Each step on its own: a client that refuses one registration still gets the others.
    const step = (what: string, f: () => Promise<unknown>) => { f().catch((e) => reportError(connection, what, e)); };
    if (pullsConfiguration && registersConfiguration) step('registering for settings', () => connection.client.register(DidChangeConfigurationNotification.type, { section: 'awardrules' }));
    // Tables (and the catalog) live beside the rule files: a change to one changes the diagnostics.
    if (watchesFiles) step('watching table files', () => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{csv,CSV,md}' }] }));
    step('reading settings', pullSettings);
  }));

  connection.onShutdown(guardNotification(connection, 'shutdown', () => store.clear()));
  connection.onDidOpenTextDocument(guardNotification(connection, 'didOpen', (p) => {
    store.open(p.textDocument.uri, p.textDocument.text, p.textDocument.version);
  }));
  connection.onDidChangeTextDocument(guardNotification(connection, 'didChange', (p) => {
    store.change(p.textDocument.uri, p.contentChanges, p.textDocument.version);
  }));
  connection.onDidCloseTextDocument(guardNotification(connection, 'didClose', (p) => {
    if (store.close(p.textDocument.uri)) void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
  }));
  connection.onDidChangeConfiguration(guardNotification(connection, 'configuration', async (p) => {
    const pushed = (p.settings as { awardrules?: Settings } | null)?.awardrules;
    if (pushed) apply(pushed);
    else await pullSettings();
  }));
  connection.onDidChangeWatchedFiles(guardNotification(connection, 'watched files', () => apply({}, true)));

  /** Runs `f` on the checked state of the current text, or answers `empty` for an unknown document. */
  const withDoc = <R>(uri: string, empty: R, f: (s: Snapshot) => R): R => {
    const snap = store.current(uri);
    return snap ? f(snap) : empty;
  };

  connection.onCompletion(guard(connection, 'completion', EMPTY_COMPLETION, async (p) => {
    // Only a completion before the background load finished waits for pinyin.
    if (!pinyinReady()) await loadPinyin();
    const d = store.get(p.textDocument.uri);
    if (!d) return EMPTY_COMPLETION;
    const td = d.text;
    return complete({
      text: td.getText(), offset: td.offsetAt(p.position), built: d.built.doc, unchangedPrefix: d.unchangedPrefix,
      rangeOf: (start, end) => ({ start: td.positionAt(start), end: td.positionAt(end) }),
      ...(catalog ? { catalog } : {}),
    }, locale);
  }));
  connection.onHover(guard(connection, 'hover', null, (p) => withDoc(p.textDocument.uri, null, (s) => hover(s, p.position, locale))));
  connection.onDefinition(guard(connection, 'definition', [], (p) => withDoc(p.textDocument.uri, [], (s) => definition(s, p.position))));
  connection.onReferences(guard(connection, 'references', [], (p) => withDoc(p.textDocument.uri, [], (s) => references(s, p.position, p.context.includeDeclaration))));
  connection.onDocumentHighlight(guard(connection, 'highlight', [], (p) => withDoc(p.textDocument.uri, [], (s) => highlights(s, p.position))));
  connection.onPrepareRename(guard(connection, 'prepare rename', null, (p) => withDoc(p.textDocument.uri, null, (s) => prepareRename(s, p.position, locale))));
  connection.onRenameRequest(guard(connection, 'rename', null, (p) => withDoc(p.textDocument.uri, null, (s) => rename(s, p.position, p.newName, locale))));
  connection.onDocumentSymbol(guard(connection, 'document symbols', [], (p) => withDoc(p.textDocument.uri, [], (s) => documentSymbols(s.doc, locale))));
  connection.onFoldingRanges(guard(connection, 'folding', [], (p) => withDoc(p.textDocument.uri, [], (s) => foldingRanges(s.doc))));
  connection.languages.semanticTokens.on(guard(connection, 'semantic tokens', { data: [] }, (p) => withDoc(p.textDocument.uri, { data: [] }, (s) => semanticTokens(s.doc))));
  connection.onCodeAction(guard(connection, 'code actions', [], (p) => withDoc(p.textDocument.uri, [], (s) => codeActions(s, p.range, p.context.only, locale))));
  connection.onDocumentFormatting(guard(connection, 'formatting', [], (p) => {
    const d = store.get(p.textDocument.uri);
    if (!d) return [];
    const text = d.text.getText();
    const lines = new LineMap(text);
    const result = formatDocument(text, lines);
    if (result.ok) return result.edits;
    // A notification, not a request: nothing to wait for, and a client without message boxes is no error.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: say(locale, 'cannotFormat', lines.position(result.firstErrorOffset).line + 1) })
      .catch((e) => reportError(connection, 'formatting', e));
    return [];
  }));

  // For tests and tools: the text as the server has it (to check that edits stay in sync), and a ping.
  connection.onRequest('awardrules/text', guard(connection, 'text', null, (p: { uri: string }) => {
    const d = store.get(p.uri);
    return d ? { version: d.text.version, text: d.text.getText() } : null;
  }));
  connection.onRequest('awardrules/ping', guard(connection, 'ping', null, () => 'pong'));

  connection.listen();
}
