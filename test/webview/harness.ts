// Headless Chromium for the view's tests and benchmark: builds the view bundle in memory (so
// tests never run a stale dist/), and opens pages that embed a trace the way `society report` does.
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { viewPageHtml, type ViewAssets } from '../../src/core/protocol/viewPage';

const root = path.resolve(__dirname, '..', '..');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

let assets: Promise<ViewAssets> | undefined;

/** The view bundle and stylesheet, built once per process exactly as esbuild.mjs builds them. */
export function viewAssets(): Promise<ViewAssets> {
  assets ??= (async () => {
    const build = async (entry: string) => {
      const out = await esbuild.build({ entryPoints: [path.join(root, entry)], bundle: true, minify: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', legalComments: 'none', logLevel: 'error' });
      return out.outputFiles[0].text;
    };
    const [script, style] = await Promise.all([build('webview/main.ts'), build('webview/styles.css')]);
    return { script, style };
  })();
  return assets;
}

/** Opens the standalone view of `trace` and waits for its first render. */
export async function openView(browser: Browser, trace: EmbeddedTrace, opts: { width?: number; height?: number; init?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (opts.init) await page.addInitScript(opts.init);
  await page.setContent(viewPageHtml(await viewAssets(), trace), { waitUntil: 'load' });
  await page.waitForSelector('#society-app[data-ready="true"]', { timeout: 20000 });
  // tsx compiles functions handed to page.evaluate with esbuild's keepNames helper.
  await page.evaluate('globalThis.__name = (f) => f');
  return { page, errors };
}

export const testResults = path.join(root, 'test-results');
