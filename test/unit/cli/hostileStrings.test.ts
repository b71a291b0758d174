// Issue 33's property test: hostile strings — terminal escapes, control characters, NUL, built-in
// property names, markup, right-to-left overrides, a 1 MB string — as persona and scenario fields,
// through check, run, report and metrics. No command hangs or crashes; no output, written text file
// or report carries a raw control byte; markup from the input stays inert in report.html. Issue 41
// extends it to the mechanics and experiments: quantity and action names, expression text,
// condition names and `set:` keys and values, claim text and targets, and a module that writes
// hostile text through its API, through check, run, report and experiment.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { seededRandom } from '../../../src/core/random/seededRandom';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');
const society = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

/** Refused by check where they are (SOC006, SOC005). */
const CONTROL = [
  '\x1b]0;PWNED\x07',
  '\x1b[31mred\x1b[0m',
  '\x1b[2J\x1b[H',
  'bell\x07',
  'nul\x00byte',
  'back\x08space',
  'del\x7f',
];
/** Allowed text that must stay inert all the way to the report. */
const INERT = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '</script><img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE ties; --",
  '\u202eevil\u202c',
  '{{rounds}}',
];
let reported = 0;
const ONE_MB = 'x'.repeat(1 << 20);
/** Raw control bytes a terminal acts on (tab and line feed aside). */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;
const yamlString = (s: string): string => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

function caseFiles(dir: string, rng: () => number, big: boolean): void {
  const control = rng() < 0.3;
  const pick = (): string =>
    control && rng() < 0.5 ? CONTROL[Math.floor(rng() * CONTROL.length)] : INERT[Math.floor(rng() * INERT.length)];
  const persona = (id: string, other: string): string =>
    [
      'kind: persona',
      `id: ${yamlString(id)}`,
      `name: ${yamlString(`${pick()} ${id}`)}`,
      `bio: ${yamlString(big ? ONE_MB : pick())}`,
      `interests: [${yamlString(pick())}, chess]`,
      `relationships: [{ with: ${yamlString(other)}, tie: 0.5, note: ${yamlString(pick())} }]`,
    ].join('\n') + '\n';
  const ids = [rng() < 0.5 ? pick() : 'ann', 'bob'];
  fs.mkdirSync(path.join(dir, 'personas'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'personas/a.society'), persona(ids[0], ids[1]));
  fs.writeFileSync(path.join(dir, 'personas/b.society'), persona(ids[1], ids[0]));
  fs.writeFileSync(
    path.join(dir, 's.society'),
    [
      'kind: scenario',
      `name: ${yamlString(`${pick()} society`)}`,
      'personas:',
      '  - include: personas/*.society',
      `world: { setting: ${yamlString(pick())}, rounds: 2 }`,
    ].join('\n') + '\n',
  );
}

function assertClean(what: string, r: ReturnType<typeof society>): void {
  assert.equal(r.error, undefined, `${what}: ended`);
  assert.ok(r.status !== null && [0, 1, 2, 3].includes(r.status), `${what}: exit ${r.status}\n${r.stderr}`);
  assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL, `${what}: a raw control byte in its output`);
  assert.doesNotMatch(r.stderr, /^\s+at /m, `${what}: a stack trace\n${r.stderr}`);
}

describe('hostile strings through check, run, report and metrics (issue 33)', function () {
  for (let k = 0; k < 10; k++) {
    it(`case ${k + 1}${k === 9 ? ' (a 1 MB bio)' : ''}`, () => {
      const rng = seededRandom(1000 + k);
      const dir = scratchDir('society-hostile-strings-');
      caseFiles(dir, rng, k === 9);
      const check = society(['check', 's.society'], dir);
      assertClean('check', check);
      if (check.status !== 0) {
        // Refused with a diagnostic where the problem is (control characters, reserved ids, lengths).
        assert.match(check.stdout, /:\d+:\d+: error SOC0(05|06|13|21|23)/, check.stdout);
        return;
      }
      const run = society(['run', 's.society', '--out', 'out', '--quiet'], dir);
      assertClean('run', run);
      assert.equal(run.status, 0, run.stderr);
      const report = society(['report', 'out/trace.jsonl'], dir);
      assertClean('report', report);
      const metrics = society(['metrics', 'out/trace.jsonl'], dir);
      assertClean('metrics', metrics);
      for (const f of fs.readdirSync(path.join(dir, 'out'))) {
        const text = fs.readFileSync(path.join(dir, 'out', f), 'utf8');
        // The trace and JSON files escape control characters as JSON does; none is written raw.
        // (ties.csv ends its lines with CRLF, as RFC 4180 has it.)
        assert.doesNotMatch(text.replace(/\r\n/g, '\n'), RAW_CONTROL, `a raw control byte in ${f}`);
      }
      const html = fs.readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
      assert.ok(!html.includes('<img src=x onerror'), 'markup from the input is escaped in report.html');
      assert.ok(!html.includes('<svg onload'), 'markup from the input is escaped in report.html');
      assert.ok(!/<\/script><img/i.test(html), "no input closes the embedded trace's script element");
      reported++;
    });
  }

  after(() =>
    assert.ok(reported >= 3, `only ${reported} cases reached a report: the generator must exercise run and report too`),
  );
});

/** Built-in property names a quantity or action name can take (the schema allows identifiers only). */
const NAMES = INERT.filter((x) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(x));

/** A scenario with mechanics, an experiment and a module, hostile strings wherever they may go. */
function mechanicsCase(dir: string, rng: () => number): void {
  const control = rng() < 0.3;
  const pick = (): string =>
    control && rng() < 0.4 ? CONTROL[Math.floor(rng() * CONTROL.length)] : INERT[Math.floor(rng() * INERT.length)];
  const name = (fallback: string): string => (rng() < 0.25 ? NAMES[Math.floor(rng() * NAMES.length)] : fallback);
  const [stock, take] = [name('stock'), name('take')];
  const [a, b] = [`${pick()} a`, `${pick()} b`];
  // Hostile text inside an expression: a CEL string literal compared with another (still a condition).
  const when = `world.${stock} > 0.0 || ${JSON.stringify(pick())} == "x"`;
  const setKey = rng() < 0.2 ? `state.world.${pick()}.initial` : `state.world.${stock}.initial`;
  const setValue = rng() < 0.2 ? pick() : 5;
  fs.writeFileSync(
    path.join(dir, 'm.mjs'),
    // The module is never checked: a control character in what it writes must be made harmless downstream.
    `const said = ${JSON.stringify([CONTROL[Math.floor(rng() * CONTROL.length)], pick()])};\n` +
      'export function endRound(w) {\n' +
      `  w.setWorld(${JSON.stringify(stock)}, w.world(${JSON.stringify(stock)}) + 1);\n` +
      '  for (const x of w.agents) w.remember(x.id, said[w.round % 2] + " " + x.name, 3);\n' +
      '}\n',
  );
  fs.writeFileSync(
    path.join(dir, 's.society'),
    [
      'kind: scenario',
      `name: ${yamlString(`${pick()} commons`)}`,
      'personas:',
      `  - { id: ann, name: ${yamlString(pick())} }`,
      '  - { id: bob, name: Bob }',
      'world: { rounds: 2 }',
      'state:',
      '  world:',
      `    ${stock}: { initial: 3, min: 0, max: 100, description: ${yamlString(pick())} }`,
      'actions:',
      `  ${take}:`,
      `    description: ${yamlString(pick())}`,
      `    when: ${yamlString(when)}`,
      `    effects: { world.${stock}: ${yamlString(`world.${stock} - 1.0`)} }`,
      `    remember: ${yamlString(`${pick()} {world.${stock}}`)}`,
      'module: ./m.mjs',
      'experiment:',
      '  seeds: [1, 2]',
      '  conditions:',
      `    - { name: ${yamlString(a)}, set: {} }`,
      `    - { name: ${yamlString(b)}, set: { ${yamlString(setKey)}: ${yamlString(String(setValue))} } }`.replace(
        /: "5" }/,
        ': 5 }',
      ),
      '  claims:',
      `    - { metric: ${yamlString(rng() < 0.2 ? pick() : `world.${stock}.final`)}, higher: ${yamlString(b)}, than: ${yamlString(a)}, text: ${yamlString(pick())} }`,
    ].join('\n') + '\n',
  );
}

/** Every text file under `dir` (the experiment's report, tables, JSON and traces). */
function textFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? textFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function assertNoRawControl(dir: string): void {
  for (const f of textFiles(dir)) {
    const text = fs.readFileSync(f, 'utf8');
    assert.doesNotMatch(text.replace(/\r\n/g, '\n'), RAW_CONTROL, `a raw control byte in ${f}`);
  }
}

function assertInert(html: string, what: string): void {
  assert.ok(!html.includes('<img src=x onerror'), `markup from the input is escaped in ${what}`);
  assert.ok(!html.includes('<svg onload'), `markup from the input is escaped in ${what}`);
  assert.ok(!/<\/script><img/i.test(html), `no input closes a script element of ${what}`);
}

describe('hostile strings through mechanics, experiments, claims and modules (issue 41)', function () {
  let experimented = 0;

  for (let k = 0; k < 4; k++) {
    it(`case ${k + 1}`, () => {
      const dir = scratchDir('society-hostile-mechanics-');
      mechanicsCase(dir, seededRandom(4100 + k));
      const check = society(['check', 's.society'], dir);
      assertClean('check', check);
      if (check.status !== 0) {
        // Every refusal is a diagnostic placed in the file.
        const errors = check.stdout.split('\n').filter((l) => / error /.test(l));
        assert.ok(errors.length > 0, check.stdout + check.stderr);
        for (const l of errors) assert.match(l, /^s\.society:\d+:\d+: error SOC\d{3} /, l);
        return;
      }
      const experiment = society(
        ['experiment', 's.society', '--allow-module', '--jobs', '1', '--quiet', '--out', 'exp'],
        dir,
      );
      assertClean('experiment', experiment);
      assert.equal(experiment.status, 0, experiment.stderr);
      // One run's trace, as `society report` reads it: the module's memories among its events.
      const trace = textFiles(path.join(dir, 'exp', 'traces')).find((f) => f.endsWith('.jsonl'))!;
      const report = society(['report', trace, '--out', 'report'], dir);
      assertClean('report', report);
      assert.equal(report.status, 0, report.stderr);
      assertNoRawControl(path.join(dir, 'exp'));
      assertNoRawControl(path.join(dir, 'report'));
      assertInert(fs.readFileSync(path.join(dir, 'exp', 'experiment.html'), 'utf8'), 'experiment.html');
      assertInert(fs.readFileSync(path.join(dir, 'report', 'report.html'), 'utf8'), 'report.html');
      experimented++;
    });
  }

  after(() => assert.ok(experimented >= 2, `only ${experimented} cases reached an experiment`));
});
