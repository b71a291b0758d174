// The one page shell of every HTML report the studio writes (a run's report, an experiment's, a
// comparison, a validation): self-contained (no remote content, no script but an embedded view's,
// allowed by hash), its style allowed by hash in a file or by a nonce in the editor's webview (a
// fresh nonce per page is the house rule), the reports' theme (light, dark, VS Code's), and the
// title escaped. Each page adds only its own rules after the kit's.
import { createHash } from 'node:crypto';
import { escapeMarkup as e } from '../../text/markup';
import { themeCss, themed } from './reportTheme';
import { SORT_SCRIPT_HASH, SORT_STYLE } from './sortableTables';

/** An interactive view embedded in the page (protocol/viewPage.ts): its script and style by hash. */
export interface EmbeddedViewHead {
  scriptHash: string;
  styleHash: string;
  /** Its `<style>` element, as written. */
  style: string;
}

export interface ReportPageHead {
  /** Plain text (a user's part already through isolated()): escaped here. */
  title: string;
  /** The text column's widest, in pixels. */
  width: number;
  /** The page's own rules, after the kit's (a rule of the same weight there wins). */
  style: string;
  /** In the editor's webview: the style allowed by this nonce instead of its hash. */
  nonce?: string;
  view?: EmbeddedViewHead;
  /** The page has tables a reader sorts (sortableTables.ts): its script is allowed by hash, and must end the body. */
  sortable?: boolean;
}

/** What every report shares: the theme, the type, tables, notes, code and charts that fit. */
const KIT_STYLE = `${themeCss()}body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; line-height: 1.45; padding: 0 1rem; }
bdi { unicode-bidi: isolate; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid ${themed('rule')}; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg { max-width: 100%; height: auto; }
.note { background: ${themed('noteBackground')}; border-left: 4px solid ${themed('noteBorder')}; padding: 0.5rem 0.8rem; }
code { font-size: 0.85em; color: ${themed('muted')}; }
.caption { color: ${themed('muted')}; font-size: 0.9rem; }
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page up to and including `<body>` and a line break. */
export function reportPageHead(head: ReportPageHead): string {
  const style = `${KIT_STYLE}body { max-width: ${head.width}px; }\n${head.sortable ? SORT_STYLE : ''}${head.style}`;
  const styleSource = head.nonce ? `'nonce-${head.nonce}'` : sha256(style);
  const scripts = [...(head.view ? [head.view.scriptHash] : []), ...(head.sortable ? [SORT_SCRIPT_HASH] : [])];
  const scriptSrc = scripts.length ? ` script-src ${scripts.join(' ')};` : '';
  const csp = head.view
    ? `default-src 'none';${scriptSrc} style-src ${styleSource} ${head.view.styleHash}; img-src data: blob:`
    : `default-src 'none';${scriptSrc} style-src ${styleSource}; img-src data:`;
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="${csp}"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${e(head.title)}</title>
<style${head.nonce ? ` nonce="${e(head.nonce)}"` : ''}>${style}</style>${head.view ? `\n${head.view.style}` : ''}
</head>
<body>
`;
}

/** What closes every report page. */
export const REPORT_PAGE_END = '\n</body>\n</html>\n';

/** A whole page around `body`. */
export function reportPage(head: ReportPageHead, body: string): string {
  return `${reportPageHead(head)}${body}${REPORT_PAGE_END}`;
}
