// The compare report's page: self-contained (no script, no remote content), its style allowed by
// hash in a file (`society compare --out`) or by a nonce in the editor's webview, where a fresh
// nonce per page is the house rule. Colours are the reports' theme (light, dark, VS Code's).
import { escapeMarkup as e } from '../../text/markup';
import { isolated } from '../../text/isolated';
import { themed } from '../report/reportTheme';
import { reportPage } from '../report/reportPage';

export const COMPARE_FILES = { json: 'compare.json', series: 'series.csv', html: 'compare.html' } as const;

/** The comparison's own rules (reportPage.ts has the shared ones). */
const STYLE = `h1, p, bdi { overflow-wrap: anywhere; }
table { margin: 0.5rem 0 1.5rem; display: block; max-width: 100%; overflow-x: auto; }
td.num { white-space: nowrap; }
td.num .ci { color: ${themed('muted')}; font-size: 0.85em; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 480px), 1fr)); gap: 1rem; }
.charts figure { margin: 0; min-width: 0; }
.charts figcaption { font-weight: 600; margin-bottom: 0.2rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.3rem; }
ul.note, .note ul { padding-left: 2rem; }
code, .line { font-size: 0.85em; color: ${themed('muted')}; }
.line { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
`;

/** A user-provided string (a scenario, a path, an agent) in HTML: escaped and bidi-isolated. */
export const u = (s: string): string => `<bdi>${e(s)}</bdi>`;

/** The whole page around `body`; with `nonce`, its style is allowed by that nonce instead of its hash. */
export function comparePage(title: string, body: string, nonce?: string): string {
  return reportPage({ title: isolated(title), width: 1100, style: STYLE, ...(nonce ? { nonce } : {}) }, body);
}
