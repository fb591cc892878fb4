/**
 * The AwardRules extension: starts the AwardRules language server (bundled as dist/server.js) for
 * `.award` documents and keeps it in the user's language. Highlighting, brackets and comments come
 * from the manifest (the TextMate grammar and language-configuration.json), not from this file.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The client id: VS Code reads `awardrules.trace.server` by it. */
const CLIENT_ID = 'awardrules';
const CLIENT_NAME = 'AwardRules';

/** The languages the server speaks. */
export type Locale = 'zh' | 'en';

/**
 * The locale the server should use: the `awardrules.locale` setting, or, when it is `auto`, VS Code's
 * display language (`zh-cn`, `zh-tw`, … are Chinese; everything else is English), the rule the CLI
 * applies to `LANG` and the server to `auto`.
 */
export function resolveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'zh' || setting === 'en') return setting;
  return /^zh/i.test(displayLanguage) ? 'zh' : 'en';
}

/**
 * What the server is started with: the `awardrules` settings it reads (server.ts), with the locale
 * already resolved. The initialize request's own `locale` stays VS Code's display language, as LSP
 * means it: the server resolves a later `auto` against it.
 */
function initializationOptions(): { locale: Locale; catalog: string } {
  const settings = vscode.workspace.getConfiguration('awardrules');
  return {
    locale: resolveLocale(settings.get<string>('locale'), vscode.env.language),
    catalog: settings.get<string>('catalog') ?? '',
  };
}

let client: LanguageClient | undefined;

/**
 * The AwardRules output channel, made once for the life of the extension and lent to every client.
 * A client that made its own would dispose it when stopped, so a restart would drop the channel the
 * Output view shows (the view moves to another channel) and the log level the user set on it
 * (Trace, which turns the message trace on).
 */
let output: vscode.LogOutputChannel | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'award' },
      { scheme: 'untitled', language: 'award' },
    ],
    initializationOptions: initializationOptions(),
    ...(output ? { outputChannel: output } : {}),
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** Starts a fresh client (a new server process); a server that fails to start is reported by the client itself. */
async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const started = createClient(context);
  client = started;
  try {
    await started.start();
  } catch {
    // The client has already shown the error and written it to the AwardRules output channel;
    // the restart command stays available.
  }
}

/** Stops the running client and its server, if any; a server that is already gone is not an error. */
async function stopClient(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (!stopping) return;
  try {
    await stopping.dispose();
  } catch {
    // Already stopped or never started.
  }
}

/** Restarts run one after another, so that quick successive setting changes leave exactly one server. */
let restarting: Promise<void> = Promise.resolve();

function restartClient(context: vscode.ExtensionContext): Promise<void> {
  restarting = restarting.then(async () => {
    await stopClient();
    await startClient(context);
  });
  return restarting;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  // Changed settings need no restart: the server registers for configuration changes and reads the
  // `awardrules` section again (locale, catalog), then checks the open documents again.
  context.subscriptions.push(vscode.commands.registerCommand('awardrules.restartServer', () => restartClient(context)));
  await startClient(context);
}

export function deactivate(): Promise<void> {
  return stopClient();
}
