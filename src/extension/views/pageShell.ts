// The HTML shell of the extension's webviews, kept free of the vscode API so its policy is unit
// tested: a bundle and stylesheet, a fresh nonce per page, and a CSP that allows exactly those
// (no inline script or style, no remote content). Every page, even a bare message, has a CSP.
import { randomBytes } from 'node:crypto';
import { escapeMarkup } from '../../core/text/markup';

export interface PageShell {
  /** The webview's `cspSource` (where its own resources are served from). */
  cspSource: string;
  script: string;
  style: string;
  /** Id of the element the bundle renders into. */
  root: string;
  title: string;
  /** Whether the page draws images (PNG export, canvas snapshots): data: and blob: URLs. */
  images?: boolean;
}

export function pageHtml(page: PageShell, nonce = randomBytes(18).toString('base64')): string {
  const csp = [
    "default-src 'none'",
    ...(page.images ? [`img-src ${page.cspSource} data: blob:`] : []),
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(page.title)}</title>
<link rel="stylesheet" href="${escapeMarkup(page.style)}">
</head>
<body>
<div id="${escapeMarkup(page.root)}"></div>
<script nonce="${nonce}" src="${escapeMarkup(page.script)}"></script>
</body>
</html>`;
}

/** A page with nothing but a message (a file that could not be shown, a run that is gone): it loads nothing at all. */
export function messageHtml(message: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escapeMarkup(message)}</p></body></html>`;
}
