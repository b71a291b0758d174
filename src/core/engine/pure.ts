// The part of the engine's public surface that loads in a browser: the memory stream's readers and
// the tie table, which replay and the memory views rebuild from a trace inside a webview bundle.
// Nothing here reaches the kernel, the file system or node:crypto. index.ts re-exports it whole.
export { appendMemory, makeQuery, retrieve, scoreMemories } from './memory/memory';
export { TieTable } from './society/ties';
