// A small study on the real local model beside the offline one (issue 84): the public goods world
// with talk cut to one group of four, one round, two seeds; the write-up states each model's
// verdict and its data quality (a 135M model's figures are tiny and honest: what it lost is
// counted, not hidden).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadStudyFile } from '../../src/core/format';
import { closeLocalEngines } from '../../src/core/llm/local/localEngine';
import { runStudy } from '../../src/core/study/studyRun';
import { scratchDir } from '../support/scratch';
import { SMOLLM2 } from '../support/localModelRun';

const repo = path.resolve(__dirname, '../..');

/** The shipped world with talk, cut: one group of four, one-turn conversations, its groups-of-4 conditions. */
function cutWorld(): string {
  return (
    fs
      .readFileSync(path.join(repo, 'examples/public-goods-talk/public-goods-talk.society'), 'utf8')
      .replace('count: 16', 'count: 4')
      .replace('conversation: { turns: 4 }', 'conversation: { turns: 1 }')
      // Groups of 8 cannot be made of four agents: those conditions go.
      .replace(/ {4}- name: (silent|talk), groups of 8\n {6}set: .*\n/g, '')
  );
}

const study = (model: string): string => `kind: study
name: Talk on two models
question: Does talk before a round raise contributions, on the offline model and on SmolLM2?
scenario: world.society
rounds: 1
conditions: ["silent, groups of 4", "talk, groups of 4"]
hypotheses:
  - { id: talk, metric: agents.given.mean, higher: "talk, groups of 4", than: "silent, groups of 4", smallest_effect: 1 }
models:
  offline: { provider: offline }
  smollm2:
    provider: local
    model: ${JSON.stringify(model)}
    seed: 11
    temperature: 0.7
    max_tokens: 64
    concurrency: 2
    on_error: skip
    local: { context_size: 2048, threads: 1, batch_size: 128, sequences: 4 }
seeds: { fixed: [1, 2] }
`;

describe('a study on SmolLM2 beside the offline model', function () {
  after(() => closeLocalEngines());

  it('states each model’s verdict and data quality in the write-up', async () => {
    const dir = scratchDir('model-study-');
    fs.writeFileSync(path.join(dir, 'world.society'), cutWorld());
    const file = path.join(dir, 'study.society');
    fs.writeFileSync(file, study(SMOLLM2));
    const loaded = await loadStudyFile(file, { root: dir });
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
      [],
    );
    const started = performance.now();
    const out = await runStudy(
      {
        study: loaded.study!,
        scenario: loaded.scenario!,
        studyFile: file,
        files: loaded.files,
        libraryDir: path.join(repo, 'validation'),
        command: 'society study study.society',
        cwd: dir,
      },
      { outDir: path.join(dir, 'out') },
    );
    assert.ok(!('refused' in out), JSON.stringify(out));
    const h = out.result.hypotheses[0];
    assert.deepEqual(
      h.models.map((m) => m.model),
      ['offline', 'smollm2'],
    );
    const smol = h.models[1];
    assert.equal(smol.offline, false);
    const decisions = smol.data_quality.reduce((n, d) => n + d.model_decisions + d.failed + d.fell_back, 0);
    assert.ok(decisions > 0, 'the local model was asked');
    const local = out.result.methods.models.find((m) => m.name === 'smollm2')!;
    assert.match(local.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.ok(local.usage.calls > 0);
    const md = fs.readFileSync(path.join(dir, 'out', 'study.md'), 'utf8');
    assert.match(md, /\| smollm2 \| talk, groups of 4 \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| [\d.]+% \|/);
    assert.match(md, /\| offline \| /);
    console.log(
      `      ${((performance.now() - started) / 1000).toFixed(1)} s; offline ${h.models[0].verdict} (${h.models[0].effect}), ` +
        `smollm2 ${smol.verdict} (${smol.effect}); smollm2 data quality: ${JSON.stringify(smol.data_quality.map((d) => [d.condition, d.model_decisions, d.failed, d.fell_back, d.reasked]))}`,
    );
  });
});
