// The webview pages' HTML: a nonce-only script policy, nothing remote, persona text escaped.
import * as assert from 'node:assert/strict';
import { messageHtml, pageHtml } from '../../../src/extension/views/pageShell';

const SHELL = {
  cspSource: 'https://file+.vscode-resource.example',
  script: 'https://r.example/dist/webview.js',
  style: 'https://r.example/dist/webview.css',
  root: 'society-app',
  title: 'Friends',
};

function csp(html: string): string {
  const m = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  assert.ok(m, 'the page has a CSP');
  return m[1];
}

describe('webview page shell', () => {
  it("allows only its own resources and the script carrying this page's nonce", () => {
    const html = pageHtml(SHELL, 'N0nce');
    const policy = csp(html);
    assert.match(policy, /^default-src 'none'/);
    assert.match(policy, /script-src 'nonce-N0nce'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!file\+)/);
    assert.doesNotMatch(policy, /img-src/, 'no images unless the page draws them');
    assert.match(html, /<script nonce="N0nce" src="https:\/\/r\.example\/dist\/webview\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'no inline script');
  });

  it('gives pages that draw images data: and blob: only', () => {
    assert.match(
      csp(pageHtml({ ...SHELL, images: true }, 'n')),
      /img-src https:\/\/file\+\.vscode-resource\.example data: blob:;/,
    );
  });

  it('uses a fresh nonce for every page', () => {
    const a = /nonce-([^']+)'/.exec(pageHtml(SHELL))![1],
      b = /nonce-([^']+)'/.exec(pageHtml(SHELL))![1];
    assert.notEqual(a, b);
    assert.ok(a.length >= 16);
  });

  it('escapes a scenario name used as the title', () => {
    const html = pageHtml({ ...SHELL, title: '</title><script>alert(1)</script>' }, 'n');
    assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('shows a message with a policy that loads nothing', () => {
    const html = messageHtml('bad <img src=x onerror=alert(1)> & more');
    assert.equal(csp(html), "default-src 'none'");
    assert.match(html, /<p>bad &lt;img src=x onerror=alert\(1\)&gt; &amp; more<\/p>/);
  });
});
