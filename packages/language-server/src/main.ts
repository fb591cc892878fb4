/**
 * The language server as a program: speaks LSP over stdio (`--stdio`), node IPC (`--node-ipc`) or a
 * socket (`--socket=N`), as vscode-languageserver reads them from the command line. Bundled on its
 * own by the VS Code extension, and run by bin/awardrules-lsp.js.
 */
import { runServer } from './node.js';

runServer();
