// The folder includes may not leave, on the command line: the repository's top folder wherever the
// command is run from, else the working directory, and `--root` on every command that loads a
// scenario (QA: `cd scenarios && society run s.society` refused `../personas/*.society` that
// `society run scenarios/s.society` from one folder up accepted, and only `check` took --root).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultRoot } from '../../../src/core/format/project/load';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const society = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), ...args], { cwd, encoding: 'utf8' });

/** proj/scenarios/s.society includes proj/personas/*.society. */
function project(): string {
  const proj = scratchDir('society-root-');
  fs.mkdirSync(path.join(proj, 'scenarios'));
  fs.mkdirSync(path.join(proj, 'personas'));
  fs.writeFileSync(path.join(proj, 'personas', 'ana.society'), 'kind: persona\nid: ana\nname: Ana\n');
  fs.writeFileSync(path.join(proj, 'personas', 'bo.society'), 'kind: persona\nid: bo\nname: Bo\n');
  fs.writeFileSync(
    path.join(proj, 'scenarios', 's.society'),
    'kind: scenario\nname: S\npersonas:\n  - include: ../personas/*.society\nworld: { rounds: 2 }\n',
  );
  return proj;
}

describe('CLI root folder', () => {
  it('is the nearest repository folder holding the files, else the working directory holding them, else their folder', () => {
    const marked = (dirs: string[]) => (d: string) => dirs.includes(d);
    assert.equal(defaultRoot(['/p/scenarios/s.society'], '/p/scenarios', marked(['/p'])), '/p');
    assert.equal(defaultRoot(['s.society'], '/p/scenarios', marked(['/p'])), '/p', 'relative to the working directory');
    assert.equal(defaultRoot(['/p/scenarios/s.society'], '/elsewhere', marked(['/p'])), '/p');
    assert.equal(
      defaultRoot(['/p/a/x.society', '/p/b/y.society'], '/q', marked(['/p/a', '/p'])),
      '/p',
      'holding every file',
    );
    assert.equal(defaultRoot(['/p/scenarios/s.society'], '/p', marked([])), '/p');
    assert.equal(defaultRoot(['/p/scenarios/s.society'], '/q', marked([])), '/p/scenarios');
    // A folder target starts from itself, so it gets the root its files get (QA: `check proj` took
    // proj's parent and missed proj/.git, passing an include that `run` then refused).
    const folders = (dirs: string[]) => (p: string) => dirs.includes(p);
    assert.equal(defaultRoot(['/q/proj'], '/w', marked(['/q/proj']), folders(['/q/proj'])), '/q/proj');
    assert.equal(defaultRoot(['/q/proj'], '/w', marked([]), folders(['/q/proj'])), '/q/proj');
    assert.equal(defaultRoot(['/q/proj/s.society'], '/w', marked([]), folders(['/q/proj'])), '/q/proj');
  });

  it('checks a repository folder against the same root as its files, from outside it', function () {
    const top = scratchDir('society-root-folder-');
    const proj = path.join(top, 'proj');
    fs.mkdirSync(path.join(proj, '.git'), { recursive: true });
    fs.writeFileSync(path.join(top, 'outside.society'), 'kind: persona\nid: o\nname: O\n');
    fs.writeFileSync(
      path.join(proj, 's.society'),
      'kind: scenario\nname: X\npersonas:\n  - include: ../outside.society\n  - { id: a, name: A }\nworld: { rounds: 2 }\n',
    );
    for (const target of [proj, path.join(proj, 's.society')]) {
      const r = society(['check', target], repo);
      assert.equal(r.status, 1, `${target}: ${r.stdout}`);
      assert.match(r.stdout, /SOC032 Include '\.\.\/outside\.society' leaves the workspace folder/, target);
    }
  });

  it('gives a file the same verdict from any folder of a repository, and takes --root on estimate, run and experiment', function () {
    const proj = project();
    const file = path.join(proj, 'scenarios', 's.society');
    // No repository: the working directory is the limit, and the note says how to move it.
    const inside = society(['estimate', 's.society'], path.join(proj, 'scenarios'));
    assert.equal(inside.status, 1, inside.stderr);
    assert.match(inside.stderr, /SOC032 Include '\.\.\/personas\/\*\.society' leaves the workspace folder/);
    assert.match(
      inside.stderr,
      /^note: includes may not leave \. \(the repository's top folder, else the working directory when it holds the file, else the file's folder\); set it with --root DIR$/m,
    );
    assert.equal(society(['estimate', 'scenarios/s.society'], proj).status, 0);
    for (const cmd of ['estimate', 'run', 'experiment']) {
      const args =
        cmd === 'estimate'
          ? []
          : cmd === 'run'
            ? ['--out', path.join(proj, 'out-run'), '--quiet']
            : ['--out', path.join(proj, 'out-exp'), '--seeds', '1', '--quiet'];
      const r = society([cmd, file, '--root', proj, ...args], path.join(proj, 'scenarios'));
      assert.equal(r.status, 0, `${cmd}: ${r.stderr}`);
    }
    // In a repository: its top folder, from anywhere.
    fs.mkdirSync(path.join(proj, '.git'));
    for (const cwd of [path.join(proj, 'scenarios'), proj, repo]) {
      const r = society(['estimate', file], cwd);
      assert.equal(r.status, 0, `${cwd}: ${r.stderr}`);
    }
  });
});
