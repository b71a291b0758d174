import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[], cwd = repo) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], { cwd, encoding: 'utf8' });

describe('society check', () => {
  it('prints file:line:col: severity CODE message and exits 1 on errors', () => {
    const dir = scratchDir('society-check-');
    fs.writeFileSync(path.join(dir, 'maya.society'), 'kind: persona\nid: maya\nnmae: Maya\n');
    const r = society(['check', 'maya.society'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stdout.trim(),
      "maya.society:3:1: error SOC011 Unknown property 'nmae' in persona. Did you mean 'name'?",
    );
  });

  it('fails when there is nothing to check (an empty or mistyped folder), exit 2', () => {
    const dir = scratchDir('society-check-');
    fs.mkdirSync(path.join(dir, 'empty'));
    const r = society(['check', 'empty'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /society check: no \.society files in empty$/m);
    fs.writeFileSync(path.join(dir, 'empty', 'maya.society'), 'kind: persona\nid: maya\nname: Maya\n');
    assert.equal(society(['check', 'empty'], dir).status, 0);
  });

  it('names list items by their id or name, else by position from 0, as kubectl, yq and jq do', () => {
    const dir = scratchDir('society-check-');
    fs.writeFileSync(
      path.join(dir, 's.society'),
      [
        'kind: scenario',
        'name: S',
        'personas:',
        '  - { id: a, name: A }',
        '  - { id: b, name: B, traits: { openness: 2 } }',
        'population:',
        '  - { group: crowd, count: 5, id_prefix: c }',
        '  - { group: more, count: 2000000, id_prefix: m }',
        'world:',
        '  rooms: [{ name: lobby, members: [a, b] }, { size: 1 }]',
        '',
      ].join('\n'),
    );
    const r = society(['check', 's.society'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^s\.society:5:43: error SOC013 'traits\.openness' of persona 'b' must be <= 1, found 2$/m);
    assert.match(
      r.stdout,
      /^s\.society:8:27: error SOC013 'count' of population group 'more' must be <= 1000000, found 2000000$/m,
    );
    assert.match(
      r.stdout,
      /^s\.society:10:53: error SOC013 'world\.rooms\[1\]\.size' must be >= 2, found 1$/m,
      'a room without a name keeps its position',
    );
  });

  it('exits 0 on clean files and reports JSON with --json', () => {
    const dir = scratchDir('society-check-');
    fs.writeFileSync(path.join(dir, 'leo.society'), 'kind: persona\nid: leo\nname: Leo\n');
    const plain = society(['check', '.'], dir);
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    const json = society(['check', '.', '--json'], dir);
    assert.equal(json.status, 0);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.files, 1);
    assert.equal(parsed.errors, 0);
  });

  it('stops quietly when its output is closed early (`| head`), with the usual exit code', async () => {
    const dir = scratchDir('society-check-');
    const prompt = Array.from({ length: 5000 }, (_, i) => `{{v${i}}}`).join(' ');
    fs.writeFileSync(
      path.join(dir, 's.society'),
      `kind: scenario\nname: S\npersonas: [{ id: a, name: A }]\nprompts: { system: "${prompt}" }\n`,
    );
    // console.log hides a write error unless stdout has an error listener already. A stream piped
    // into stdout adds one (a worker's relayed output; tsx's loader when it compiles): then the
    // EPIPE reached nobody and crashed the command. Set that up for certain.
    fs.writeFileSync(path.join(dir, 'relay.js'), "new (require('node:stream').PassThrough)().pipe(process.stdout);\n");
    const child = spawn(
      process.execPath,
      ['-r', path.join(dir, 'relay.js'), path.join(repo, 'bin/society.js'), 'check', 's.society'],
      { cwd: dir },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy()); // a megabyte of problems; the reader wants the first
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Error|at /);
    assert.match(stderr, /^1 file checked: 5000 errors, 0 warnings$/m);
    assert.equal(status, 1);
  });

  it('accepts the shipped examples', () => {
    const r = society(['check', 'examples']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /[1-9]\d* files checked: 0 errors/);
  });
});
