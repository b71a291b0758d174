// The compare report's page: self-contained (no script, no remote content), its style allowed by
// hash in a file (`society compare --out`) or by a nonce in the editor's webview, where a fresh
// nonce per page is the house rule. Colours are the reports' theme (light, dark, VS Code's).
import { createHash } from 'node:crypto';
import { escapeMarkup as e } from '../../text/markup';
import { isolated } from '../../text/isolated';
import { themeCss, themed } from '../report/reportTheme';

export const COMPARE_FILES = { json: 'compare.json', series: 'series.csv', html: 'compare.html' } as const;

const STYLE = `
${themeCss()}body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; line-height: 1.45; padding: 0 1rem; }
h1, p, bdi { overflow-wrap: anywhere; }
bdi { unicode-bidi: isolate; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; display: block; max-width: 100%; overflow-x: auto; }
th, td { border-bottom: 1px solid ${themed('rule')}; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 480px), 1fr)); gap: 1rem; }
.charts figure { margin: 0; min-width: 0; }
.charts figcaption { font-weight: 600; margin-bottom: 0.2rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.3rem; }
svg { max-width: 100%; height: auto; }
.note { background: ${themed('noteBackground')}; border-left: 4px solid ${themed('noteBorder')}; padding: 0.5rem 0.8rem; }
ul.note, .note ul { padding-left: 2rem; }
code, .line { font-size: 0.85em; color: ${themed('muted')}; }
.line { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.caption { color: ${themed('muted')}; font-size: 0.9rem; }
`;

/** A user-provided string (a scenario, a path, an agent) in HTML: escaped and bidi-isolated. */
export const u = (s: string): string => `<bdi>${e(s)}</bdi>`;

/** The whole page around `body`; with `nonce`, its style is allowed by that nonce instead of its hash. */
export function comparePage(title: string, body: string, nonce?: string): string {
  const style = nonce ? `'nonce-${nonce}'` : `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${style}; img-src data:"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${e(isolated(title))}</title>
<style${nonce ? ` nonce="${e(nonce)}"` : ''}>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
