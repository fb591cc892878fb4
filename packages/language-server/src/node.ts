/** Starting the server in a Node process, on the transport its command line names (--stdio, --node-ipc, --socket=N). */
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isCheckWorker, serveChecks } from './background.js';
import { startServer, type ServerOptions } from './server.js';

/**
 * Runs the server, with a background checker running this same program (`process.argv[1]`), or, in
 * that checker's thread, serves checks. A program that calls this must call nothing else first.
 */
export function runServer(options: ServerOptions = {}): void {
  if (isCheckWorker()) {
    serveChecks();
    return;
  }
  const program = process.argv[1];
  startServer(createConnection(ProposedFeatures.all), { ...(program ? { checkerScript: pathToFileURL(program) } : {}), ...options });
}
