// The pages the CLI writes (experiment.html, report.html, compare.html) as the editor shows them:
// kept free of the vscode API so the policy is unit tested. A page is read as a guarded user path
// (symlinks resolved, a regular file, at most SAVED_PAGE_MAX_BYTES) and shown with scripts off
// under a CSP of our own placed first, so it holds whatever the file says: nothing loads, no
// script runs, its <style> blocks (ours carry the theme) are allowed by a fresh nonce and nothing
// else is. A page with the interactive view (a run's report) shows its no-script picture; the
// view itself is the run's trace, opened beside (PageEditorProvider's "Open Society View").
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMPARE_FILES, REPORT_FILES } from '../../core/analysis';
import { EXPERIMENT_FILES } from '../../core/experiment/experimentReport';

/** The file names the page editor opens, from the writers' own tables. */
export const SAVED_PAGES = [EXPERIMENT_FILES.html, REPORT_FILES.html, COMPARE_FILES.html] as const;

/** A report with its interactive view embeds the trace (64 MB by default): room for that, and no more. */
export const SAVED_PAGE_MAX_BYTES = 96 * 1024 * 1024;

/** The page's text, or why it is not shown. */
export function readSavedPage(file: string): { html: string } | { problem: string } {
  let real: string;
  let size: number;
  try {
    real = fs.realpathSync(file);
    const st = fs.statSync(real);
    if (!st.isFile()) return { problem: `${path.basename(file)} is not a regular file.` };
    size = st.size;
  } catch (err) {
    return { problem: `${path.basename(file)} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}.` };
  }
  if (size > SAVED_PAGE_MAX_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    return { problem: `${path.basename(file)} is ${mb(size)}, over the ${mb(SAVED_PAGE_MAX_BYTES)} a page may be.` };
  }
  return { html: fs.readFileSync(real, 'utf8') };
}

/** The policy placed first in the page: with the page's own, both hold. */
export function savedPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    'font-src data:',
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The page as the webview shows it: our CSP first in its head, a nonce on each <style> tag, and no
 * `<meta http-equiv="refresh">` (a CSP does not stop one from navigating).
 */
export function sandboxedPage(html: string, nonce = randomBytes(18).toString('base64')): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${savedPageCsp(nonce)}">`;
  const body = html
    .replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi, '')
    .replace(/<style\b/gi, `<style nonce="${nonce}"`);
  const head = /<head\b[^>]*>/i.exec(body);
  // Before anything else of the page, so no element of it comes before the policy.
  if (head) return body.slice(0, head.index + head[0].length) + meta + body.slice(head.index + head[0].length);
  return `<!DOCTYPE html><html><head>${meta}</head><body>${body}</body></html>`;
}
