// A study from its file to its write-up, on the offline model, in a scratch copy of the shipped
// public goods world with talk: what study.json holds per hypothesis, a rerun that reads its
// looks back, a hypothesis changed after the runs (a deviation, stated), a preregistration edited
// (stated), a world changed (refused), a bad study (diagnostics where they are written), and a
// write-up name that is a link (refused, nothing written through it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadStudyFile } from '../../../src/core/format';
import { runStudy, type StudyOutcome } from '../../../src/core/study/studyRun';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const world = fs.readFileSync(path.join(repo, 'examples/public-goods-talk/public-goods-talk.society'), 'utf8');

const STUDY = `kind: study
name: Talk in small groups
question: Does talk raise giving?
scenario: world.society
rounds: 3
conditions: ["silent, groups of 4", "talk, groups of 4"]
hypotheses:
  - { id: talk, metric: agents.given.mean, higher: "talk, groups of 4", than: "silent, groups of 4", smallest_effect: 2 }
  - id: none
    metric: agents.coins.mean
    effect: { of: ["talk, groups of 4", "silent, groups of 4"] }
    expect: lower
    smallest_effect: 1
models:
  offline: { provider: offline }
seeds: { fixed: [1, 2, 3] }
validity:
  anchors:
    - { condition: "silent, groups of 4", entry: public-goods, as: no punishment }
`;

async function study(dir: string, out = path.join(dir, 'out')): Promise<StudyOutcome | { refused: string }> {
  const file = path.join(dir, 'study.society');
  const loaded = await loadStudyFile(file, { root: dir });
  assert.deepEqual(
    loaded.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  return runStudy(
    {
      study: loaded.study!,
      scenario: loaded.scenario!,
      studyFile: file,
      files: loaded.files,
      libraryDir: path.join(repo, 'validation'),
      command: 'society study study.society',
      cwd: dir,
    },
    { outDir: out, jobs: 1, now: new Date('2026-01-01T00:00:00Z') },
  );
}

function setUp(): string {
  const dir = scratchDir('study-');
  fs.writeFileSync(path.join(dir, 'world.society'), world);
  fs.writeFileSync(path.join(dir, 'study.society'), STUDY);
  return dir;
}

describe('society study, offline', function () {
  let dir: string;
  let first: StudyOutcome;
  before(async () => {
    dir = setUp();
    const r = await study(dir);
    assert.ok(!('refused' in r));
    first = r;
  });

  it('writes study.json with every hypothesis’s verdict, effect, CI, models, validity, mechanisms and data quality', () => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'study.json'), 'utf8'));
    for (const name of ['study.md', 'study.html', 'study.tex', 'preregistration.json']) {
      assert.ok(fs.existsSync(path.join(dir, 'out', name)), name);
    }
    assert.ok(json.provenance.files.length >= 2);
    assert.match(json.preregistration.hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(json.preregistration.deviations, []);
    const talk = json.hypotheses.find((h: { id: string }) => h.id === 'talk');
    for (const key of ['verdict', 'effect', 'ci', 'models', 'validity', 'mechanisms', 'data_quality']) {
      assert.ok(key in talk, key);
    }
    assert.equal(talk.models[0].n, 3);
    assert.equal(talk.verdict, 'supported');
    // Anchored: the silent condition; the talk condition has no human figure, in the text too.
    assert.deepEqual(
      talk.validity.map((v: { anchored: boolean }) => v.anchored),
      [false, true],
    );
    const md = fs.readFileSync(path.join(dir, 'out', 'study.md'), 'utf8');
    assert.match(md, /'talk, groups of 4' is unanchored/);
    // The mechanisms are the offline model's named pushes (issue 85). Talk now works through an
    // agreement proposed and accepted, beside conformity and concern: no single rule carries it
    // (before, "my group agreed" drove every choice after any talk), and messages name the decision.
    const [talked] = talk.mechanisms.offline;
    assert.equal(talked.condition, 'talk, groups of 4');
    assert.ok(
      talked.drivers.every((d: { driver: string }) => d.driver.startsWith('rule: ')),
      JSON.stringify(talked),
    );
    assert.ok(
      talked.drivers.some((d: { driver: string }) => d.driver === 'rule: agreement'),
      JSON.stringify(talked),
    );
    assert.ok(talked.messages_on_the_decision > 0, JSON.stringify(talked));
    assert.equal(talk.models[0].single_driver, undefined);
    assert.doesNotMatch(md, /the effect is carried by that single rule/);
  });

  it('reads its finished looks back on a rerun: nothing run again, the same verdicts', async () => {
    const trace = fs.readdirSync(path.join(dir, 'out', 'runs', 'offline'));
    const stamp = fs.statSync(path.join(dir, 'out', 'runs', 'offline', trace[0], 'experiment.json')).mtimeMs;
    const again = await study(dir);
    assert.ok(!('refused' in again));
    assert.equal(fs.statSync(path.join(dir, 'out', 'runs', 'offline', trace[0], 'experiment.json')).mtimeMs, stamp);
    assert.deepEqual(
      again.result.hypotheses.map((h) => [h.id, h.verdict, h.effect]),
      first.result.hypotheses.map((h) => [h.id, h.verdict, h.effect]),
    );
    assert.equal(again.result.methods.models[0].looks_reused, 1);
  });

  it('states a hypothesis changed after preregistration as a deviation, and an edited preregistration', async () => {
    fs.writeFileSync(path.join(dir, 'study.society'), STUDY.replace('smallest_effect: 2 }', 'smallest_effect: 3 }'));
    const changed = await study(dir);
    assert.ok(!('refused' in changed));
    assert.deepEqual(
      changed.result.preregistration.deviations.map((d) => d.text),
      ['hypothesis talk changed after preregistration (smallest_effect)'],
    );
    assert.match(fs.readFileSync(path.join(dir, 'out', 'study.md'), 'utf8'), /Deviations from the preregistered plan/);
    const file = path.join(dir, 'out', 'preregistration.json');
    const p = JSON.parse(fs.readFileSync(file, 'utf8'));
    p.plan.hypotheses[0].smallest_effect = 3;
    fs.writeFileSync(file, JSON.stringify(p));
    const edited = await study(dir);
    assert.ok(!('refused' in edited));
    assert.ok(edited.result.preregistration.deviations.some((d) => d.kind === 'edited'));
    fs.writeFileSync(path.join(dir, 'study.society'), STUDY);
  });

  it('refuses to go on when the world changed since preregistration', async () => {
    const other = setUp();
    assert.ok(!('refused' in (await study(other))));
    fs.appendFileSync(path.join(other, 'world.society'), '\n# a comment changes the file\n');
    const r = await study(other);
    assert.ok('refused' in r);
    assert.match(r.refused, /world\.society/);
  });

  it('never writes a write-up through a link', async () => {
    const other = setUp();
    const outside = path.join(scratchDir('outside-'), 'victim.txt');
    fs.writeFileSync(outside, 'mine');
    fs.mkdirSync(path.join(other, 'out'));
    fs.symlinkSync(outside, path.join(other, 'out', 'study.md'));
    await assert.rejects(study(other), /symbolic link/);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'mine');
  });
});

describe('study diagnostics', () => {
  async function problems(text: string): Promise<string[]> {
    const dir = scratchDir('study-bad-');
    fs.writeFileSync(path.join(dir, 'world.society'), world);
    fs.writeFileSync(path.join(dir, 'study.society'), text);
    const r = await loadStudyFile(path.join(dir, 'study.society'), { root: dir });
    assert.equal(r.study, undefined);
    return r.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  }

  it('names a metric the world lacks and a condition it does not have, where the study writes them', async () => {
    const p = await problems(
      STUDY.replace('metric: agents.given.mean', 'metric: agents.gven.mean').replace(
        'than: "silent, groups of 4"',
        'than: "silent groups of 4"',
      ),
    );
    assert.ok(
      p.some((x) =>
        /^SOC161 8:\d+ Unknown metric 'agents\.gven\.mean' in a hypothesis\. Did you mean 'agents\.given\.mean'/.test(
          x,
        ),
      ),
      p.join('\n'),
    );
    assert.ok(
      p.some((x) =>
        /^SOC161 8:\d+ Unknown condition 'silent groups of 4'\. Did you mean 'silent, groups of 4'/.test(x),
      ),
      p.join('\n'),
    );
  });

  it('refuses a seed plan without a cap, or with a cap below its first batch', async () => {
    const noCap = await problems(
      STUDY.replace('seeds: { fixed: [1, 2, 3] }', 'seeds: { sequential: { start: 4, batch: 2 } }'),
    );
    assert.ok(
      noCap.some((x) => /^SOC010 .*max/.test(x)),
      noCap.join('\n'),
    );
    const low = await problems(
      STUDY.replace('seeds: { fixed: [1, 2, 3] }', 'seeds: { sequential: { start: 4, batch: 2, max: 3 } }'),
    );
    assert.ok(
      low.some((x) => /^SOC162 .*below the first batch/.test(x)),
      low.join('\n'),
    );
  });

  it('refuses an effect of a condition against itself, and a scenario outside the workspace', async () => {
    const self = await problems(STUDY.replace('than: "silent, groups of 4"', 'than: "talk, groups of 4"'));
    assert.ok(
      self.some((x) => /^SOC161 .*0 in every run/.test(x)),
      self.join('\n'),
    );
    const out = await problems(STUDY.replace('scenario: world.society', 'scenario: ../../etc/passwd'));
    assert.ok(
      out.some((x) => /^SOC160 4:11 .*leaves the workspace/.test(x)),
      out.join('\n'),
    );
  });

  it('refuses an anchor on a condition the study does not run', async () => {
    const p = await problems(
      STUDY.replace('condition: "silent, groups of 4", entry', 'condition: "talk, groups of 8", entry'),
    );
    assert.ok(
      p.some((x) => /^SOC164 .*does not run/.test(x)),
      p.join('\n'),
    );
  });
});
