// The society view as part of a plain HTML page (no VS Code): the bundle and stylesheet inlined,
// allowed by a CSP that lists their sha256 hashes and nothing else (no remote content, no other
// script), and the trace embedded as inert JSON. Used by `society report` (the report kit's page, reportPage.ts) and the
// view's tests (test/webview/harness.ts).
// The markup stays well-formed XML: script and style sit in CDATA sections hidden in comments.
import { createHash } from 'node:crypto';
import { embeddedTraceElementChunks, type EmbeddedTrace } from './embeddedTrace';

/** The built view: dist/webview.js and dist/webview.css. */
export interface ViewAssets {
  script: string;
  style: string;
}

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface ViewEmbed {
  /** <style> with the view's stylesheet. */
  style: string;
  /** Mount point; `embedded` sizes the view for a document rather than a whole window. */
  mount: string;
  /** The trace element, in pieces (a large trace is never one string); each call starts over. */
  data: () => Iterable<string>;
  /** <script> with the bundle. */
  script: string;
  /** CSP source expressions for the two elements. */
  styleHash: string;
  scriptHash: string;
}

export function viewEmbed(assets: ViewAssets, trace: EmbeddedTrace, opts: { embedded?: boolean } = {}): ViewEmbed {
  if (assets.script.includes(']]>') || /<\/script/i.test(assets.script)) {
    throw new Error('the view bundle cannot be inlined: it contains "]]>" or "</script"');
  }
  if (assets.style.includes(']]>') || /<\/style/i.test(assets.style)) {
    throw new Error('the view stylesheet cannot be inlined');
  }
  const scriptText = `//<![CDATA[\n${xmlSafeScript(assets.script)}\n//]]>`;
  const styleText = `/*<![CDATA[*/\n${assets.style}\n/*]]>*/`;
  return {
    style: `<style>${styleText}</style>`,
    mount: `<div id="society-app"${opts.embedded ? ' class="embedded"' : ''}></div>`,
    data: () => embeddedTraceElementChunks(trace),
    script: `<script>${scriptText}</script>`,
    styleHash: cspHash(styleText),
    scriptHash: cspHash(scriptText),
  };
}

/**
 * Control characters XML cannot carry, written as JS escapes. A bundle holds them only inside
 * string or regex literals (minifiers print some raw), where the escape means the same character.
 */
function xmlSafeScript(script: string): string {
  return script.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
