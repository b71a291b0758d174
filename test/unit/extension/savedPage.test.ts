// Issue 61: the pages the CLI writes open rendered in the editor, as files are opened here: a
// guarded read (symlinks resolved, a regular file, a size cap), our CSP first whatever the file
// says (no script, nothing loaded, no refresh), its own styles by a nonce, the page otherwise as
// written — tried on a real experiment page and on a hostile one.
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
    assert.deepEqual([...SAVED_PAGES], ['experiment.html', 'report.html', 'compare.html']);
    assert.equal(page.priority, 'default');
  });

  it("puts its policy first and a nonce on the page's own styles, leaving the rest as written", () => {
    const html = experimentPage();
    const shown = sandboxedPage(html, 'N0nce');
    const head = shown.slice(0, shown.indexOf('</head>'));
    const policies = [...head.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(policies[0], savedPageCsp('N0nce'), 'ours first');
    assert.equal(policies.length, 2, "and the page's own, which holds too");
    assert.match(policies[0], /script-src 'none'/);
    assert.match(policies[0], /default-src 'none'/);
    assert.ok(shown.indexOf(policies[0]) < shown.indexOf('<style'));
    assert.equal((shown.match(/<style nonce="N0nce">/g) ?? []).length, (html.match(/<style/g) ?? []).length);
    assert.equal(
      shown.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*" *>/, '').replace(/ nonce="N0nce"/g, ''),
      html,
    );
  });

  it('a hostile page: refresh dropped, its scripts and remote loads blocked by the first policy', () => {
    const hostile =
      '<html><HEAD><meta http-equiv=refresh content="0;url=https://evil.example"><script>alert(1)</script>' +
      '<STYLE>body{background:url(https://evil.example/x.png)}</STYLE></HEAD><body onload="x()">hi</body></html>';
    const shown = sandboxedPage(hostile, 'abc');
    assert.doesNotMatch(shown, /refresh/i);
    assert.match(
      shown,
      /^<html><HEAD><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc'; img-src data:/,
    );
    assert.match(shown, /<style nonce="abc">body/);
    // No head at all: one is made, the policy in it.
    assert.match(
      sandboxedPage('<p>bare</p>', 'n'),
      /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"[^>]*><\/head><body><p>bare<\/p>/,
    );
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
