// The pages the CLI writes (experiment.html, report.html, compare.html) as the editor shows them:
// kept free of the vscode API so the policy is unit tested. A page is read as a guarded user path
// (symlinks resolved, a regular file, at most SAVED_PAGE_MAX_BYTES) and shown inside a shell of
// our own: the page is the `srcdoc` of a sandboxed iframe (no scripts, no forms, no navigation of
// the view, no meta refresh), escaped as one attribute value so nothing in it can reach the shell,
// and it inherits the shell's CSP (nothing loads, no frame navigates, only its <style> blocks by a
// nonce). The policy once went in by finding `<head` with a pattern, and 6 of 7 hostile pages (a
// script before the head, a `<head` in a comment, a <base>…) loaded remote resources or navigated
// (issue 70). A page with the interactive view (a run's report) shows its no-script picture; the
// view itself is the run's trace, opened beside (PageEditorProvider's "Open Society View").
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMPARE_FILES, REPORT_FILES } from '../../core/analysis';
import { EXPERIMENT_FILES } from '../../core/experiment';
import { STUDY_FILES } from '../../core/study/studyRun';
import { escapeMarkup } from '../../core/text/markup';

/** The file names the page editor opens, from the writers' own tables. */
export const SAVED_PAGES = [EXPERIMENT_FILES.html, REPORT_FILES.html, COMPARE_FILES.html, STUDY_FILES.html] as const;

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

/** The shell's policy, which the page's frame inherits (with the page's own, both hold). */
export function savedPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    'font-src data:',
    "script-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The frame's sandbox: every permission off (scripts, forms, popups, top navigation, same origin). */
export const PAGE_SANDBOX = '';

/**
 * The page as the webview shows it: our shell, the page whole in its sandboxed frame. The page's
 * own <style> tags get the nonce (the only thing taken from its text, and all it can gain is a
 * style); whatever else it holds stays inside the escaped attribute.
 */
export function sandboxedPage(html: string, nonce = randomBytes(18).toString('base64')): string {
  const page = html.replace(/<style\b/gi, `<style nonce="${nonce}"`);
  return (
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${savedPageCsp(nonce)}">` +
    `<style nonce="${nonce}">html,body{margin:0;padding:0;height:100%;overflow:hidden}` +
    'iframe{display:block;border:0;width:100%;height:100%}</style></head>' +
    `<body><iframe sandbox="${PAGE_SANDBOX}" title="page" srcdoc="${escapeMarkup(page)}"></iframe></body></html>`
  );
}
