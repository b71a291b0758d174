// An include is confined like every other path a user writes (issue 58): where it leads, symbolic
// links resolved, must be inside the workspace folder, even when the file system refuses nothing
// (the CLI, a trusted editor). A literal include through a link, and a glob whose folder is a link,
// leading out are errors and never read; links that stay inside are followed; a link to a device
// says both what it is and where it leads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';

/** The disk, refusing nothing, recording what it read. */
class RecordingFs extends NodeFileSystem {
  readonly read: string[] = [];
  override async readFile(file: string, role?: Parameters<NodeFileSystem['readFile']>[1]) {
    this.read.push(file);
    return super.readFile(file, role);
  }
}

describe('includes through symbolic links, in a workspace that refuses nothing', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'society-links-')));
  const ws = path.join(tmp, 'ws');
  const outside = path.join(tmp, 'outside');
  before(() => {
    fs.mkdirSync(path.join(ws, 'p'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'p/leo.society'), 'kind: persona\nid: leo\nname: Leo\n');
    fs.writeFileSync(path.join(outside, 'maya.society'), 'kind: persona\nid: maya\nname: Maya\n');
    fs.symlinkSync(outside, path.join(ws, 'linked'));
    fs.symlinkSync(path.join(outside, 'maya.society'), path.join(ws, 'maya.society'));
    fs.symlinkSync(path.join(ws, 'p/leo.society'), path.join(ws, 'leo.society'));
    fs.symlinkSync(path.join(ws, 'p'), path.join(ws, 'people'));
    if (process.platform !== 'win32') fs.symlinkSync('/dev/zero', path.join(ws, 'zero.society'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const resolve = async (includes: string[]) => {
    const file = path.join(ws, 's.society');
    fs.writeFileSync(
      file,
      `kind: scenario\nname: S\npersonas:\n${includes.map((i) => `  - include: ${i}\n`).join('')}`,
    );
    const files = new RecordingFs();
    const r = await new SocietyWorkspace(files, ws).resolveScenario(file, undefined, { build: false });
    return { r, files, ids: r.personas.map((p) => (p.raw as { id: string }).id) };
  };

  it('a literal include through a link leading out is an error at the include, and is never read', async () => {
    const { r, files, ids } = await resolve(['maya.society']);
    assert.deepEqual(ids, []);
    const said = r.diagnostics.filter((d) => d.code === 'SOC032');
    assert.equal(said.length, 1, JSON.stringify(r.diagnostics));
    assert.equal(said[0].severity, 'error');
    assert.equal(said[0].range.start.line, 3);
    assert.match(
      said[0].message,
      /^Include 'maya\.society' leads outside the workspace folder \(.*\) through a symbolic link, to .*outside\/maya\.society/,
    );
    assert.ok(!files.read.some((f) => f.endsWith('maya.society')), files.read.join(', '));
  });

  it('a glob whose folder is a link leading out is refused too, and nothing below it is read', async () => {
    const { r, files, ids } = await resolve(['linked/*.society']);
    assert.deepEqual(ids, []);
    assert.match(
      r.diagnostics.find((d) => d.code === 'SOC032')?.message ?? '',
      /^Include 'linked\/\*\.society' leads outside the workspace folder .* through a symbolic link, to .*outside; only files inside it can be included$/,
    );
    assert.ok(!files.read.some((f) => f.startsWith(outside)), files.read.join(', '));
  });

  it('links that stay inside the workspace are followed', async () => {
    for (const include of ['leo.society', 'people/*.society']) {
      const { r, ids } = await resolve([include]);
      assert.deepEqual(r.diagnostics, [], include);
      assert.deepEqual(ids, ['leo'], include);
    }
  });

  it('a link to /dev/zero says it is a character device and leads out, without reading it', async function () {
    if (process.platform === 'win32') this.skip();
    const { r, files } = await resolve(['zero.society']);
    const said = r.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(said.length, 1, JSON.stringify(r.diagnostics));
    assert.equal(said[0].code, 'SOC004');
    assert.match(
      said[0].message,
      /^Include 'zero\.society': zero\.society is a character device, and leads outside the workspace folder .* through a symbolic link, to \/dev\/zero/,
    );
    assert.ok(!files.read.some((f) => f.endsWith('zero.society')), files.read.join(', '));
  });
});
