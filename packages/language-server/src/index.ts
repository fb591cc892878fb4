/** The AwardRules language server: start it on any LSP connection (stdio, IPC, or in-process streams). */
export { startServer, type ServerOptions } from './server.js';
export { runServer } from './node.js';
export { SEMANTIC_LEGEND } from './features/semantic-tokens.js';
export { complete, type CompletionInput } from './features/completion/completion.js';
export { loadPinyin, pinyinMatch } from './features/completion/pinyin.js';
export { BackgroundChecker } from './background.js';
