// Issue 61: the pages the CLI writes open rendered in the editor, as files are opened here: a
// guarded read (symlinks resolved, a regular file, a size cap), and the page in a sandboxed frame
// of a shell whose CSP it inherits whatever the file says (no script, nothing loaded, no
// navigation), its own styles by a nonce, the page otherwise as written — tried on a real
// experiment page and on a set of hostile ones (issue 70).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeExperiment, renderExperimentHtml } from '../../../src/core/experiment';
import { outcome } from '../experiment/fixtures';
import {
  readSavedPage,
  sandboxedPage,
  SAVED_PAGE_MAX_BYTES,
  SAVED_PAGES,
  savedPageCsp,
} from '../../../src/extension/views/savedPage';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { customEditors: { viewType: string; selector: { filenamePattern: string }[]; priority: string }[] };
};

/**
 * The shell's parts, or a failure when it is not exactly ours: the policy, a frame with every
 * sandbox permission off, and the page as the frame's srcdoc (an attribute value holding no
 * quote or angle bracket, so nothing in it can end the attribute or start an element).
 */
function shell(shown: string): { policy: string; page: string } {
  const m =
    /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="([^"<>]*)"><style nonce="[^"]*">[^<]*<\/style><\/head><body><iframe sandbox="" title="page" srcdoc="([^"<>]*)"><\/iframe><\/body><\/html>$/.exec(
      shown,
    );
  assert.ok(m, `not our shell: ${shown.slice(0, 300)}`);
  const page = m[2]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return { policy: m[1], page };
}

function experimentPage(): string {
  const r = analyzeExperiment(
    'Coaching',
    [
      { name: 'off', set: { 'coaching.enabled': false } },
      { name: 'on', set: { 'coaching.enabled': true } },
    ],
    [1, 2],
    [outcome('off', 1, {}), outcome('off', 2, {}), outcome('on', 1, {}), outcome('on', 2, {})],
  );
  return renderExperimentHtml(r, { model: 'offline', rounds: 3, wallSeconds: 1 });
}

describe('pages the CLI wrote, in the editor (issue 61)', () => {
  it('the manifest opens exactly the writers’ page names with the page editor, by default', () => {
    const page = manifest.contributes.customEditors.find((c) => c.viewType === 'society.page')!;
    assert.deepEqual(
      page.selector.map((s) => s.filenamePattern),
      [...SAVED_PAGES],
    );
    assert.deepEqual([...SAVED_PAGES], ['experiment.html', 'report.html', 'compare.html', 'study.html']);
    assert.equal(page.priority, 'default');
  });

  it('shows the page whole in a sandboxed frame, under a policy of the shell it cannot reach', () => {
    const html = experimentPage();
    const { policy, page } = shell(sandboxedPage(html, 'N0nce'));
    assert.equal(policy, savedPageCsp('N0nce'));
    for (const d of [
      "default-src 'none'",
      "script-src 'none'",
      "frame-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      assert.ok(policy.split('; ').includes(d), d);
    }
    assert.equal((page.match(/<style nonce="N0nce">/g) ?? []).length, (html.match(/<style/g) ?? []).length);
    assert.equal(page.replace(/ nonce="N0nce"/g, ''), html, 'the page otherwise as written');
  });

  it('hostile pages stay inside the frame, whatever they hold (issue 70)', () => {
    const hostile = [
      '<meta http-equiv=refresh content="0;url=https://evil.example"><p>refresh before any head</p>',
      '<base href="https://evil.example/"><img src="x.png">',
      '<script>fetch("https://evil.example")</script><html><head></head><body>script before the head</body></html>',
      '<!-- <head> --><html><head><link rel=stylesheet href=https://evil.example/a.css></head></html>',
      '<HTML><HEAD><META HTTP-EQUIV="REFRESH" CONTENT="0;URL=https://evil.example"></HEAD></HTML>',
      '<html><head title="<head>"><meta http-equiv="Content-Security-Policy" content="default-src *"></head></html>',
      '"></iframe><script>alert(1)</script><iframe srcdoc="',
      "'></iframe><img src=https://evil.example/'>&quot;&lt;/iframe&gt;",
      '<form action="https://evil.example"><button>go</button></form><a href="https://evil.example" target=_top>x</a>',
      '<svg><style>@import "https://evil.example/x.css";</style></svg><object data="https://evil.example"></object>',
    ];
    for (const html of hostile) {
      const shown = sandboxedPage(html, 'n');
      const { policy, page } = shell(shown);
      assert.equal(policy, savedPageCsp('n'), html);
      assert.equal(page.replace(/ nonce="n"/g, ''), html, html);
    }
  });

  it('reads a regular file through its symlink, and refuses a folder or a file over the cap', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saved-page-'));
    try {
      fs.writeFileSync(path.join(dir, 'real.html'), '<p>page</p>');
      fs.symlinkSync(path.join(dir, 'real.html'), path.join(dir, 'experiment.html'));
      assert.deepEqual(readSavedPage(path.join(dir, 'experiment.html')), { html: '<p>page</p>' });
      fs.mkdirSync(path.join(dir, 'report.html'));
      assert.deepEqual(readSavedPage(path.join(dir, 'report.html')), { problem: 'report.html is not a regular file.' });
      const big = path.join(dir, 'compare.html');
      fs.writeFileSync(big, '');
      fs.truncateSync(big, SAVED_PAGE_MAX_BYTES + 1);
      assert.match((readSavedPage(big) as { problem: string }).problem, /^compare\.html is 96 MB, over the 96 MB/);
      assert.match((readSavedPage(path.join(dir, 'gone.html')) as { problem: string }).problem, /ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
