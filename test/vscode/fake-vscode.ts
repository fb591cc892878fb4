/**
 * Just enough of the `vscode` module for the bundled client (dist/extension.js, with
 * vscode-languageclient inside) to activate, start the real bundled server over IPC, open documents
 * and receive diagnostics. What a test looks at is real (settings, the display language, open
 * documents, diagnostic collections, commands, configuration events); every other API member is an
 * inert stand-in that can be called, constructed and disposed, so that the client's feature
 * registrations (completion, hover, …) succeed without being modelled one by one.
 */
import Module from 'node:module';

type AnyFunction = (...args: unknown[]) => unknown;
type Listener = (event: unknown) => void;

/** A value that can be read, called, constructed and disposed, and is never a promise. */
function inert(name: string): unknown {
  const target = function () {};
  return new Proxy(target, {
    get(_target, key) {
      if (key === 'then') return undefined;
      if (key === 'dispose') return () => {};
      if (key === Symbol.toPrimitive) return () => `[${name}]`;
      if (key === Symbol.iterator) return function* () {};
      return inert(`${name}.${String(key)}`);
    },
    apply: () => inert(`${name}()`),
    construct: () => inert(`new ${name}`) as object,
  });
}

/** `object`, with an inert stand-in for every member it does not have. */
function lenient<T extends object>(name: string, object: T): T {
  return new Proxy(object, {
    get(target, key, receiver) {
      if (key in target) return Reflect.get(target, key, receiver);
      if (key === 'then') return undefined;
      return inert(`${name}.${String(key)}`);
    },
  });
}

class Disposable {
  constructor(private readonly onDispose?: () => void) {}
  dispose(): void {
    this.onDispose?.();
  }
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
}
const noEvent = (): Disposable => new Disposable();

class EventEmitter {
  private readonly listeners: Listener[] = [];
  readonly event = (listener: Listener): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => this.listeners.splice(this.listeners.indexOf(listener), 1));
  };
  fire(event: unknown): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {}
}

class Uri {
  readonly scheme: string;
  readonly fsPath: string;
  readonly path: string;
  constructor(private readonly text: string) {
    this.scheme = text.slice(0, text.indexOf(':'));
    this.fsPath = decodeURIComponent(text.replace(/^file:\/\//, ''));
    this.path = this.fsPath;
  }
  static parse(text: string): Uri {
    return new Uri(text);
  }
  static file(path: string): Uri {
    return new Uri(`file://${path}`);
  }
  with(): Uri {
    return this;
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

class Position {
  constructor(readonly line: number, readonly character: number) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}
class Diagnostic {
  code?: unknown;
  constructor(readonly range: Range, readonly message: string, readonly severity?: number) {}
}

export interface FakeDocument {
  readonly uri: Uri;
  readonly languageId: string;
  readonly version: number;
  readonly isClosed: boolean;
  readonly lineCount: number;
  readonly fileName: string;
  getText(): string;
}

export interface FakeVscode {
  /** The module object the client gets from `require('vscode')`. */
  readonly api: Record<string, unknown>;
  /** Settings by full key (`awardrules.locale`); change them, then call `changeConfiguration`. */
  readonly settings: Record<string, unknown>;
  /** The last diagnostics set for each URI, by any diagnostic collection. */
  readonly diagnostics: Map<string, Diagnostic[]>;
  readonly commands: Map<string, AnyFunction>;
  /** Everything written to output channels, and error messages shown. */
  readonly log: string[];
  /** Every output channel made, in order, and whether it has been disposed. */
  readonly channels: { readonly name: string; disposed: boolean }[];
  open(uri: string, text: string, languageId?: string): FakeDocument;
  /** Fires onDidChangeConfiguration for these keys. */
  changeConfiguration(...keys: string[]): void;
  /** Makes `require('vscode')` return this fake; returns the function that undoes it. */
  install(): () => void;
}

export function fakeVscode(options: { language: string; settings?: Record<string, unknown> }): FakeVscode {
  const settings: Record<string, unknown> = { ...options.settings };
  const diagnostics = new Map<string, Diagnostic[]>();
  const commands = new Map<string, AnyFunction>();
  const log: string[] = [];
  const channels: { name: string; disposed: boolean }[] = [];
  const documents: FakeDocument[] = [];
  const configuration = new EventEmitter();
  /** A setting, or the object of the settings below a section (`awardrules` → { locale, trace: { server } }). */
  const setting = (key: string): unknown => {
    if (key in settings) return settings[key];
    let found = false;
    const object: Record<string, unknown> = {};
    for (const [full, value] of Object.entries(settings)) {
      if (!full.startsWith(`${key}.`)) continue;
      found = true;
      const path = full.slice(key.length + 1).split('.');
      let at = object;
      for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
      at[path.at(-1)!] = value;
    }
    return found ? object : undefined;
  };

  const outputChannel = (name: string) => {
    const write = (level: string) => (message: unknown) => void log.push(`[${name}] ${level}: ${String(message)}`);
    const made = { name, disposed: false };
    channels.push(made);
    return lenient('outputChannel', {
      name, logLevel: 3, onDidChangeLogLevel: noEvent,
      append: write('append'), appendLine: write('line'), replace: write('replace'),
      trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'),
      show() {}, hide() {}, clear() {},
      dispose() {
        made.disposed = true;
      },
    });
  };
  const showMessage = (level: string) => async (message: unknown) => {
    log.push(`[window] ${level}: ${String(message)}`);
    return undefined;
  };

  const api = lenient('vscode', {
    version: '1.91.0',
    env: lenient('env', { language: options.language, appName: 'Fake VS Code', uiKind: 1 }),
    EventEmitter, Disposable, Uri, Position, Range, Diagnostic,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    CancellationError: class CancellationError extends Error {},
    CancellationTokenSource: class {
      readonly token = { isCancellationRequested: false, onCancellationRequested: noEvent };
      cancel(): void {}
      dispose(): void {}
    },
    window: lenient('window', {
      createOutputChannel: outputChannel,
      showErrorMessage: showMessage('error'), showWarningMessage: showMessage('warning'), showInformationMessage: showMessage('info'),
      onDidChangeActiveTextEditor: noEvent, onDidChangeVisibleTextEditors: noEvent, visibleTextEditors: [], activeTextEditor: undefined,
      tabGroups: lenient('tabGroups', { all: [], onDidChangeTabs: noEvent, onDidChangeTabGroups: noEvent }),
    }),
    workspace: lenient('workspace', {
      getConfiguration: (section?: string) => ({
        get: (key: string, fallback?: unknown) => setting(section ? `${section}.${key}` : key) ?? fallback,
        has: (key: string) => setting(section ? `${section}.${key}` : key) !== undefined,
        inspect: () => undefined,
        update: async () => {},
      }),
      onDidChangeConfiguration: configuration.event,
      get textDocuments() {
        return documents;
      },
      notebookDocuments: [], workspaceFolders: undefined,
      onDidOpenTextDocument: noEvent, onDidCloseTextDocument: noEvent, onDidChangeTextDocument: noEvent,
      onDidSaveTextDocument: noEvent, onWillSaveTextDocument: noEvent, onDidChangeWorkspaceFolders: noEvent,
      onDidOpenNotebookDocument: noEvent, onDidCloseNotebookDocument: noEvent, onDidChangeNotebookDocument: noEvent, onDidSaveNotebookDocument: noEvent,
      onDidCreateFiles: noEvent, onDidRenameFiles: noEvent, onDidDeleteFiles: noEvent,
      onWillCreateFiles: noEvent, onWillRenameFiles: noEvent, onWillDeleteFiles: noEvent,
      createFileSystemWatcher: () => lenient('watcher', { onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
    }),
    languages: lenient('languages', {
      createDiagnosticCollection: (name?: string) => lenient('diagnosticCollection', {
        name,
        set: (uri: Uri, list: Diagnostic[] | undefined) => void diagnostics.set(String(uri), list ?? []),
        delete: (uri: Uri) => void diagnostics.delete(String(uri)),
        get: (uri: Uri) => diagnostics.get(String(uri)),
        has: (uri: Uri) => diagnostics.has(String(uri)),
        clear() {}, forEach() {}, dispose() {},
      }),
      match: (selector: unknown, document: FakeDocument) =>
        ([] as unknown[]).concat(selector).some((s) => {
          const filter = typeof s === 'string' ? { language: s } : (s as { language?: string; scheme?: string });
          return filter.language === document.languageId && (!filter.scheme || filter.scheme === document.uri.scheme);
        }) ? 10 : 0,
    }),
    commands: lenient('commands', {
      registerCommand: (id: string, handler: AnyFunction) => {
        commands.set(id, handler);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async () => undefined,
      getCommands: async () => [...commands.keys()],
    }),
  });

  return {
    api, settings, diagnostics, commands, log, channels,
    open(uri, text, languageId = 'award') {
      const document: FakeDocument = { uri: Uri.parse(uri), languageId, version: 1, isClosed: false, lineCount: text.split('\n').length, fileName: uri, getText: () => text };
      documents.push(document);
      return document;
    },
    changeConfiguration(...keys) {
      configuration.fire({ affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(`${section}.`)) });
    },
    install() {
      const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
      const original = loader._load;
      loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
        return request === 'vscode' ? api : original.call(this, request, ...rest);
      };
      return () => {
        loader._load = original;
      };
    },
  };
}
