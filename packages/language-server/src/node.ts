/** Starting the server in a Node process, on the transport its command line names (--stdio, --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerOptions } from './server.js';

export function runServer(options: ServerOptions = {}): void {
  startServer(createConnection(ProposedFeatures.all), options);
}
