// `society import` and `society export` end to end through bin/society.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../analysis/sharedFixtures';
import { reportScenario, runTrace, toJsonl } from '../analysis/runTrace';
import { parseStrictXml } from '../analysis/xml';
import { interopFixtures } from './fixtures';

const root = repoRoot();
const society = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'society.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('society import', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-cli-import-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a folder of TinyTroupe agents with a scenario, prints files and warnings, and the result checks clean', () => {
    const out = path.join(dir, 'tt');
    const result = society(
      'import',
      'tinytroupe',
      path.join(interopFixtures, 'tinytroupe'),
      '--out',
      out,
      '--scenario',
      'Night shift',
    );
    assert.equal(result.status, 0, result.stderr);
    const written = result.stdout
      .trim()
      .split('\n')
      .map((f) => path.resolve(root, f));
    assert.deepEqual(
      written.map((f) => path.relative(out, f)),
      [
        'personas/ana_folau.society',
        'personas/rafael_mendes.society',
        'personas/kenji_sato.society',
        'night_shift.society',
      ],
    );
    assert.match(result.stderr, /warning: .*Somewhat agreeable/);
    assert.match(result.stderr, /3 personas from 4 files: 3 initial ties, \d+ seed memories, 4 warnings/);
    const check = society('check', out);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stderr, /4 files checked: 0 errors, 0 warnings/);
  });

  it('imports OASIS CSV follow lists as relationships, and refuses to overwrite without --force', () => {
    const out = path.join(dir, 'oasis');
    const csv = path.join(interopFixtures, 'oasis', 'twitter_profiles.csv');
    assert.equal(society('import', 'oasis', csv, '--out', out).status, 0);
    assert.match(
      readFileSync(path.join(out, 'personas', 'user0.society'), 'utf8'),
      /relationships:\n {2}- with: user1\n {4}tie: 0.75/,
    );
    const again = society('import', 'oasis', csv, '--out', out);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exist already.*--force/);
    assert.equal(society('import', 'oasis', csv, '--out', out, '--force').status, 0);
  });

  it('fails clearly on bad usage and missing files', () => {
    const unknown = society('import', 'nope', 'x.json');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^society import: unknown format 'nope' \(formats: tinytroupe, oasis\)\nUsage: /);
    const none = society('import', 'oasis');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^society import: missing the oasis files\n/);
    const missing = society('import', 'oasis', path.join(dir, 'missing.csv'), '--out', dir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /missing\.csv/);
    // A folder without agent files, and files with no agents in them, say what was read and what is expected.
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const nothing = society('import', 'tinytroupe', empty, '--out', dir);
    assert.equal(nothing.status, 1);
    assert.equal(nothing.stderr, `society import: no .json file in ${empty}\n`);
    writeFileSync(path.join(empty, 'notes.json'), '{"title": "not an agent"}');
    const noAgents = society('import', 'tinytroupe', empty, '--out', dir);
    assert.equal(noAgents.status, 1);
    assert.match(
      noAgents.stderr,
      /society import: no personas found in 1 file.*; tinytroupe reads \*\.agent\.json specs/,
    );
  });
});

describe('society export', function () {
  let dir: string;
  let traceFile: string;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'society-cli-export-'));
    traceFile = path.join(dir, 'trace.jsonl');
    writeFileSync(traceFile, toJsonl(await runTrace(reportScenario(10, 4))));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes GEXF by default to standard output, and GraphML or CSV by --format or the --out extension', () => {
    const gexf = society('export', traceFile);
    assert.equal(gexf.status, 0, gexf.stderr);
    assert.equal(parseStrictXml(gexf.stdout).documentElement!.nodeName, 'gexf');
    const graphml = path.join(dir, 'ties.graphml');
    assert.equal(society('export', traceFile, '--out', graphml).status, 0);
    assert.equal(parseStrictXml(readFileSync(graphml, 'utf8')).documentElement!.nodeName, 'graphml');
    const csv = society('export', traceFile, '--format', 'csv', '--round', '0');
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout.split('\r\n')[0], 'Source,Target,Type,Weight');
  });

  it('writes a dynamic GEXF over rounds', () => {
    const out = path.join(dir, 'dynamic.gexf');
    const result = society('export', traceFile, '--dynamic', '--round', '3', '--out', out);
    assert.equal(result.status, 0, result.stderr);
    const graph = parseStrictXml(readFileSync(out, 'utf8')).getElementsByTagName('graph')[0];
    assert.equal(graph.getAttribute('mode'), 'dynamic');
    assert.equal(graph.getAttribute('end'), '3');
  });

  it('refuses bad combinations', () => {
    assert.equal(society('export', traceFile, '--format', 'pdf').status, 2);
    assert.equal(society('export', traceFile, '--format', 'csv', '--dynamic').status, 2);
    assert.equal(society('export', traceFile, '--round', '-1').status, 2);
    assert.equal(society('export', traceFile, '--round', '99').status, 1);
    assert.equal(society('export', path.join(dir, 'nope.jsonl')).status, 1);
    assert.ok(!existsSync(path.join(dir, 'nope.gexf')));
  });

  it('will not guess a format from an extension that names none, and says plainly why it cannot write', () => {
    const txt = society('export', traceFile, '--out', path.join(dir, 'ties.txt'));
    assert.equal(txt.status, 2);
    assert.match(
      txt.stderr,
      /^society export: --format takes gexf, graphml, csv, and ties\.txt names none of them \(add --format\)/,
    );
    assert.ok(!existsSync(path.join(dir, 'ties.txt')));
    assert.equal(society('export', traceFile, '--out', path.join(dir, 'ties.txt'), '--format', 'csv').status, 0);
    const nested = path.join(dir, 'new', 'folder', 'ties.gexf');
    assert.equal(society('export', traceFile, '--out', nested).status, 0, 'creates the folder');
    assert.ok(existsSync(nested));
    const folder = society('export', traceFile, '--out', dir);
    assert.equal(folder.status, 1);
    assert.match(
      folder.stderr,
      /^society export: cannot write .+: it is a folder, and Society Studio writes only regular files/m,
    );
    const under = society('export', traceFile, '--out', path.join(traceFile, 'ties.csv'));
    assert.equal(under.status, 1);
    assert.match(under.stderr, /^society export: cannot write .+trace\.jsonl\/ties\.csv: a file is in the way$/m);
  });
});
