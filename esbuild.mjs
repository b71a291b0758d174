// Bundles the entry points: the extension (Node, CommonJS, `vscode` external), the CLI, and the
// webview app (browser IIFE, minified: `society report` inlines it) with its stylesheet.
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const watch = process.argv.includes('--watch');
// `tsx/cjs` stays a runtime name: the experiment pool resolves it only when it runs from the
// TypeScript sources (tests), never from a bundle; bundling it printed a warning on every build.
// `@duckdb/node-api` too: its native binding is one package per platform, so it is loaded only
// where `society sql` / `export --format parquet` run, from node_modules (core/query/duckdb.ts).
const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  external: ['tsx/cjs', '@duckdb/node-api'],
};
const targets = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // Experiment runs in worker threads; the pool looks for this file beside the bundle that uses it.
  {
    ...common,
    entryPoints: ['src/core/experiment/worker.ts'],
    outfile: 'dist/experiment-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // The trace written on a thread of its own (src/core/trace/offThreadWriter.ts looks for it beside the bundle).
  {
    ...common,
    entryPoints: ['src/core/trace/traceWorker.ts'],
    outfile: 'dist/trace-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // A `local` model's thread (src/core/llm/local/localEngine.ts looks for it beside the bundle).
  {
    ...common,
    entryPoints: ['src/core/llm/local/localWorker.ts'],
    outfile: 'dist/local-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  // Model calls from worker threads (src/core/llm/openai/chatPool.ts looks for it beside the bundle).
  {
    ...common,
    entryPoints: ['src/core/llm/openai/chatWorker.ts'],
    outfile: 'dist/chat-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];
if (existsSync('src/extension/extension.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'tsx/cjs', '@duckdb/node-api'],
  });
}
// The stdio debug adapter (DebugClient tests, other DAP clients); the extension runs it inline.
if (existsSync('src/debug/adapterMain.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/debug/adapterMain.ts'],
    outfile: 'dist/debugAdapter.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  });
}
if (existsSync('webview/main.ts')) {
  targets.push({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
  });
}
if (existsSync('webview/styles.css')) {
  targets.push({ ...common, entryPoints: ['webview/styles.css'], outfile: 'dist/webview.css', minify: true });
}
// The memory inspector's webview (its own small bundle: it renders what the host computes).
if (existsSync('webview/memory/main.ts')) {
  targets.push({
    ...common,
    entryPoints: ['webview/memory/main.ts'],
    outfile: 'dist/memory.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
  });
  targets.push({ ...common, entryPoints: ['webview/memory/memory.css'], outfile: 'dist/memory.css', minify: true });
}
// The play panel's webview ("Play an Agent…": the question asked of a person and the answer form).
if (existsSync('webview/play/main.ts')) {
  targets.push({
    ...common,
    entryPoints: ['webview/play/main.ts'],
    outfile: 'dist/play.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
  });
  targets.push({ ...common, entryPoints: ['webview/play/play.css'], outfile: 'dist/play.css', minify: true });
}
if (watch) {
  for (const t of targets) await (await esbuild.context(t)).watch();
} else {
  // Each file written beside its place and renamed over it: a test stage running `society` from
  // dist/ while another stage rebuilds (npm test runs stages side by side) reads the old bundle or
  // the new one, never half of one.
  const built = await Promise.all(targets.map((t) => esbuild.build({ ...t, write: false })));
  for (const { outputFiles } of built) {
    for (const f of outputFiles) {
      mkdirSync(dirname(f.path), { recursive: true });
      const part = `${f.path}.${process.pid}.part`;
      writeFileSync(part, f.contents);
      renameSync(part, f.path);
    }
  }
}
