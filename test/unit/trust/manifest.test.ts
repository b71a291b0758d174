// The manifest's side of workspace trust: declared with a reason, settings that could point the
// extension at an endpoint or a folder ignored from an untrusted workspace's settings, and
// gated commands hidden from context menus there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const GATED = ['society.run', 'society.runWithModel', 'society.runExperiment', 'society.setApiKey'];

describe('workspace trust in the manifest', () => {
  const trust = pkg.capabilities?.untrustedWorkspaces;

  it('declares limited support with a reason', () => {
    assert.equal(trust?.supported, 'limited');
    assert.match(trust.description, /Restricted Mode/);
    assert.ok(pkg.capabilities.virtualWorkspaces?.description);
  });

  it('restricts every declared setting that names an endpoint, a folder, a key or a spending cap, and only declared ones', () => {
    const props = Object.keys(pkg.contributes.configuration.properties ?? {});
    const restricted: string[] = trust.restrictedConfigurations ?? [];
    for (const r of restricted) assert.ok(props.includes(r), `${r} is not a declared setting`);
    // A workspace could otherwise point runs at its own endpoint or folder, pick the key sent
    // there, or raise the cost cap a run asks before exceeding.
    const risky = props.filter((p) => /url|endpoint|folder|path|dir|host|apikey|cost/i.test(p));
    assert.ok(risky.includes('society.runsFolder'));
    assert.deepEqual(
      risky.filter((p) => !restricted.includes(p)),
      [],
    );
  });

  it('hides gated commands from context menus in an untrusted workspace', () => {
    for (const [menu, items] of Object.entries(
      pkg.contributes.menus as Record<string, { command: string; when?: string }[]>,
    )) {
      if (menu === 'editor/title' || menu === 'commandPalette') continue; // visible on purpose: they explain the refusal
      for (const item of items) {
        if (GATED.includes(item.command)) {
          assert.match(item.when ?? '', /isWorkspaceTrusted/, `${menu}: ${item.command}`);
        }
      }
    }
  });
});
