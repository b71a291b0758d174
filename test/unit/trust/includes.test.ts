// SOC034: a file system that refuses a path (the editor in Restricted Mode) makes an include a
// warning saying why, and the refused files are never read.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { includeRefusal } from '../../../src/extension/trust/policy';
import { realPath } from '../../../src/extension/trust/realPath';

/** The disk, refusing what an untrusted editor refuses, and recording what it read. */
class UntrustedFs extends NodeFileSystem {
  readonly read: string[] = [];
  constructor(private readonly folders: string[]) {
    super();
  }
  override async readFile(file: string): Promise<string | undefined> {
    this.read.push(file);
    return super.readFile(file);
  }
  async refusal(p: string): Promise<string | undefined> {
    return includeRefusal(await realPath(p), this.folders, false);
  }
}

describe('includes in an untrusted workspace', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'society-trust-')));
  const ws = path.join(tmp, 'ws');
  const outside = path.join(tmp, 'outside');
  before(() => {
    fs.mkdirSync(path.join(ws, 'p'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'p/leo.society'), 'kind: persona\nid: leo\nname: Leo\n');
    fs.writeFileSync(path.join(outside, 'maya.society'), 'kind: persona\nid: maya\nname: Maya\n');
    fs.symlinkSync(outside, path.join(ws, 'linked'));
    fs.symlinkSync(path.join(outside, 'maya.society'), path.join(ws, 'maya.society'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const scenario = (includes: string[]) =>
    `kind: scenario\nname: S\npersonas:\n${includes.map((i) => `  - include: ${i}\n`).join('')}`;

  it('loads includes inside the folder and refuses symlinks leading out, without reading them', async () => {
    fs.writeFileSync(path.join(ws, 's.society'), scenario(['p/*.society', 'linked/*.society', 'maya.society']));
    const files = new UntrustedFs([ws]);
    const r = await new SocietyWorkspace(files, ws).resolveScenario(path.join(ws, 's.society'), undefined, {
      build: false,
    });
    assert.deepEqual(
      r.personas.map((p) => (p.raw as { id: string }).id),
      ['leo'],
    );
    const refused = r.diagnostics.filter((d) => d.code === 'SOC034');
    assert.equal(refused.length, 2);
    assert.ok(refused.every((d) => d.severity === 'warning'));
    assert.match(
      refused[0].message,
      new RegExp(
        `^Include 'linked/\\*\\.society' was not loaded: ${outside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is outside the workspace folder and the workspace is not trusted`,
      ),
    );
    assert.match(refused[1].message, /^Include 'maya\.society' was not loaded: .*outside the workspace folder/);
    assert.equal(refused[1].range.start.line, 5);
    assert.ok(
      !files.read.some((f) => f.startsWith(outside) || f.endsWith('maya.society')),
      `read ${files.read.join(', ')}`,
    );
  });

  it('refuses every include of a file opened from outside the workspace folders', async () => {
    fs.writeFileSync(path.join(outside, 'world.society'), scenario(['maya.society']));
    const files = new UntrustedFs([ws]);
    // The editor roots such a file's project at its own folder.
    const r = await new SocietyWorkspace(files, outside).resolveScenario(
      path.join(outside, 'world.society'),
      undefined,
      { build: false },
    );
    assert.deepEqual(r.diagnostics.map((d) => d.code).sort(), ['SOC034', 'SOC053']);
    assert.deepEqual(files.read, [path.join(outside, 'world.society')]);
  });

  it('refuses nothing inside when the file system refuses nothing (CLI, trusted editor), and still no link out', async () => {
    const r = await new SocietyWorkspace(new NodeFileSystem(), ws).resolveScenario(
      path.join(ws, 's.society'),
      undefined,
      { build: false },
    );
    // Issue 58: links leading out are confined in a trusted workspace too (includeLinks.test.ts).
    assert.deepEqual(
      r.personas.map((p) => (p.raw as { id: string }).id),
      ['leo'],
    );
    assert.equal(r.diagnostics.filter((d) => d.code === 'SOC034').length, 0);
    assert.equal(r.diagnostics.filter((d) => d.code === 'SOC032').length, 2);
  });
});
