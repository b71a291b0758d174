// Headless Chromium for the view's tests and benchmark: builds the view bundle in memory (so
// tests never run a stale dist/), and opens pages that embed a trace the way `society report` does.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import type { HostMessage } from '../../src/core/protocol/viewMessages';
import { viewEmbed, type ViewAssets } from '../../src/core/protocol/viewPage';
import { escapeMarkup } from '../../src/core/text/markup';
import { pageHtml } from '../../src/extension/views/pageShell';

const root = path.resolve(__dirname, '..', '..');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

let assets: Promise<ViewAssets> | undefined;

/** The view bundle and stylesheet, built once per process exactly as esbuild.mjs builds them. */
export function viewAssets(): Promise<ViewAssets> {
  assets ??= (async () => {
    const build = async (entry: string) => {
      const out = await esbuild.build({
        entryPoints: [path.join(root, entry)],
        bundle: true,
        minify: true,
        write: false,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        legalComments: 'none',
        logLevel: 'error',
      });
      return out.outputFiles[0].text;
    };
    const [script, style] = await Promise.all([build('webview/main.ts'), build('webview/styles.css')]);
    return { script, style };
  })();
  return assets;
}

/** Opens the standalone view of `trace` and waits for its first render. */
/** A new page of the given size, collecting its page errors and console errors. */
async function watchedPage(
  browser: Browser,
  opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
    ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

/**
 * A page that is nothing but the view of one trace: the bundle and stylesheet allowed by their
 * hashes (the CSP `society report` gives them), the view filling the window.
 */
function viewPageHtml(assets: ViewAssets, trace: EmbeddedTrace): string {
  const v = viewEmbed(assets, trace);
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${v.scriptHash}; style-src ${v.styleHash}; img-src data: blob:"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${escapeMarkup(trace.header.scenario.name)}</title>
${v.style}
</head>
<body class="society-page">
${v.mount}
${[...v.data()].join('')}
${v.script}
</body>
</html>
`;
}

/**
 * A headless Chromium for the enclosing describe: launched before its tests (test-results/ made for
 * their screenshots), closed after them.
 */
export function useChromium(): { readonly browser: Browser } {
  const held = {} as { browser: Browser };
  before(async () => {
    held.browser = await launchChromium();
    mkdirSync(testResults, { recursive: true });
  });
  after(async () => {
    await held.browser?.close();
  });
  return held;
}

export async function openView(
  browser: Browser,
  trace: EmbeddedTrace,
  opts: { width?: number; height?: number; init?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await watchedPage(browser, opts);
  if (opts.init) await page.addInitScript(opts.init);
  await page.setContent(viewPageHtml(await viewAssets(), trace), { waitUntil: 'load' });
  await page.waitForSelector('#society-app[data-ready="true"]', { timeout: 20000 });
  // tsx compiles functions handed to page.evaluate with esbuild's keepNames helper.
  await page.evaluate('globalThis.__name = (f) => f');
  return { page, errors };
}

/**
 * What VS Code puts in every webview (src/vs/workbench/contrib/webview/browser/pre/index.html): the
 * default stylesheet it prepends to the page's head (the rules that size or space anything), and
 * the theme's variables (a few of the Dark Modern theme's; VS Code sets them on <html>).
 */
export const VSCODE_WEBVIEW_DEFAULT_STYLE = `
html { scrollbar-color: var(--vscode-scrollbarSlider-background) var(--vscode-editor-background); }
body {
  overscroll-behavior-x: none; background-color: transparent; color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family); font-weight: var(--vscode-font-weight); font-size: var(--vscode-font-size);
  margin: 0;
  padding: 0 20px;
}
img, video { max-width: 100%; max-height: 100%; }
::-webkit-scrollbar { width: 10px; height: 10px; }
::-webkit-scrollbar-corner { background-color: var(--vscode-editor-background); }
::-webkit-scrollbar-thumb { background-color: var(--vscode-scrollbarSlider-background); }`;
const VSCODE_THEME = {
  '--vscode-font-family':
    "-apple-system, BlinkMacSystemFont, 'Segoe WPC', 'Segoe UI', 'Ubuntu', 'Droid Sans', sans-serif",
  '--vscode-font-weight': 'normal',
  '--vscode-font-size': '13px',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-editor-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-input-background': '#313131',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-input-border': '#3c3c3c',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#313131',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-scrollbarSlider-background': 'rgba(121, 121, 121, 0.4)',
  '--vscode-scrollbar-shadow': '#000000',
};

/**
 * The society view as VS Code shows it: the extension's own page (pageShell.ts, with its CSP and
 * the bundle and stylesheet loaded from the webview's origin), VS Code's default stylesheet and
 * the theme's variables prepended to its head, before the CSP, as VS Code's webview does, and
 * acquireVsCodeApi stubbed; the host then loads `trace` into it. Waits for the first render.
 */
export async function openWebview(
  browser: Browser,
  trace: EmbeddedTrace,
  opts: { width?: number; height?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await watchedPage(browser, opts);
  const origin = 'https://webview.society.test';
  const { script, style } = await viewAssets();
  const theme = Object.entries(VSCODE_THEME)
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
  const html = pageHtml({
    cspSource: origin,
    script: `${origin}/dist/webview.js`,
    style: `${origin}/dist/webview.css`,
    root: 'society-app',
    title: 'Society',
    images: true,
  })
    // Before the CSP meta (which covers only what follows it), as VS Code prepends it.
    .replace('<head>', `<head><style id="_defaultStyles">:root { ${theme} }${VSCODE_WEBVIEW_DEFAULT_STYLE}</style>`)
    .replace('<body>', '<body class="vscode-dark" role="document">');
  await page.route(`${origin}/**`, (route) => {
    const file = new URL(route.request().url()).pathname;
    const body =
      file === '/index.html'
        ? html
        : file === '/dist/webview.js'
          ? script
          : file === '/dist/webview.css'
            ? style
            : undefined;
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    return body === undefined
      ? route.fulfill({ status: 404 })
      : route.fulfill({ status: 200, contentType: `${type}; charset=utf-8`, body });
  });
  await page.addInitScript(
    // What the view posts is kept in window.__posted for the tests to read.
    'window.acquireVsCodeApi = () => ({ postMessage(m) { (window.__posted ??= []).push(m); }, getState() { return undefined; }, setState() {} });',
  );
  await page.goto(`${origin}/index.html`, { waitUntil: 'load' });
  await page.evaluate('globalThis.__name = (f) => f');
  const load: HostMessage = {
    type: 'load',
    source: trace.source,
    header: trace.header,
    events: trace.events,
    live: false,
    ...(trace.state ? { state: trace.state } : {}),
    ...(trace.design ? { design: trace.design } : {}),
  };
  await page.evaluate((m) => window.postMessage(m, '*'), load);
  await page.waitForSelector('#society-app[data-ready="true"]', { timeout: 20000 });
  return { page, errors };
}

export const testResults = path.join(root, 'test-results');

type Clip = { x: number; y: number; width: number; height: number };

/**
 * Keeps a picture for the human reader of test-results/. A picture is evidence, not a check: on a
 * busy machine Chromium can miss a frame for long (a force layout still ticking), so a picture
 * is tried a few times with a bounded wait and, failing that, skipped with a warning rather than
 * failing the assertions the test has already made.
 */
export async function keepScreenshot(
  target: { screenshot(options: { path: string; timeout: number; clip?: Clip }): Promise<unknown> },
  file: string,
  options: { clip?: Clip } = {},
): Promise<void> {
  const shot = { ...options, path: path.join(testResults, file), timeout: 10000 };
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await target.screenshot(shot);
      return;
    } catch (err) {
      if (attempt === 3) console.warn(`    (no picture ${file}: ${(err as Error).message.split('\n')[0]})`);
    }
  }
}
