// Issue 88, item 4: Run Simulation with Model… started a run on the picked local model with no
// word of what it would take (an 8 × 20 run started by mistake took ~35 minutes), and the fit
// check printed nothing. The run's estimate now says calls, tokens, cost and, for a local model,
// the expected time at the speed measured here (or that it is unknown), and asks first when the
// run is long, untimed with many calls, or costly with no cost limit set; an offline run never asks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile, type Scenario } from '../../../src/core/format';
import { estimateRun } from '../../../src/core/llm/estimate';
import { duration, LONG_RUN_SECONDS, runForecast, UNTIMED_CALLS } from '../../../src/core/llm/runForecast';
import type { MeasuredSpeed } from '../../../src/core/llm/local/speeds';
import { contextSummary, localContextFit } from '../../../src/core/llm/local/contextFit';
import { checkModelFile } from '../../../src/core/llm/local/modelFile';
import { localFitBeforeRun } from '../../../src/core/llm/local/localEstimate';
import { applyModelChoice, OVERRIDE_MODEL, type ModelChoice } from '../../../src/extension/run/modelChoice';
import { modelConfig } from '../../support/llmFixtures';
import { ggufFile, SMOLLM2_META } from '../../support/ggufFile';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const SMOL = '/models/SmolLM2-135M-Instruct-Q8_0.gguf';
const GB = 2 ** 30;

async function publicGoods(): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(path.join(repo, 'validation/public-goods.society'));
  assert.ok(scenario);
  return scenario;
}

/** The estimate Run with Model… makes for this choice, at this speed measured on the machine. */
async function estimateFor(choice: ModelChoice, rounds: number, speed?: MeasuredSpeed) {
  const { scenario, model } = applyModelChoice(await publicGoods(), choice);
  return estimateRun(scenario, { rounds, model, ...(speed ? { speeds: new Map([[OVERRIDE_MODEL, speed]]) } : {}) });
}

const slow: MeasuredSpeed = { prompt_per_s: 60, answer_per_s: 4, calls: 160, measured: '2026-11-28' };
const fast: MeasuredSpeed = { prompt_per_s: 1e7, answer_per_s: 1e6, calls: 40, measured: '2026-11-28' };
const local: ModelChoice = { kind: 'local', file: SMOL, label: 'SmolLM2-135M-Instruct-Q8_0.gguf' };

describe('the estimate before a run in the editor (issue 88)', () => {
  it('a long local run says its expected time and asks: "Run — about N min on SmolLM2…"', async () => {
    const e = await estimateFor(local, 20, slow);
    const m = e.models.find((x) => x.name === OVERRIDE_MODEL)!;
    const seconds = m.local!.seconds!;
    assert.ok(seconds > LONG_RUN_SECONDS, `${seconds} s`);
    const f = runForecast(e);
    assert.ok(f.ask, 'a long run asks');
    assert.equal(f.ask.button, `Run — about ${duration(seconds)} on SmolLM2-135M-Instruct-Q8_0`);
    assert.match(
      f.ask.message,
      /This run of .* \(4 agents × 20 rounds, [\d,]+ model calls\) is expected to take about/,
    );
    assert.match(f.ask.message, /on SmolLM2-135M-Instruct-Q8_0\.gguf\.$/);
    const line = f.lines.find((l) => l.startsWith(`  ${OVERRIDE_MODEL} (local`));
    assert.ok(line, f.lines.join('\n'));
    assert.match(
      line,
      /free \(in-process\); expected ≈ \d+ min at 60 prompt and 4\.0 answer tokens a second \(measured 2026-11-28 over 160 calls\)/,
    );
    assert.ok(
      f.lines.some((l) =>
        /prompts: the largest typical \(\w+\) is [\d,]+ tokens \(as characters \/ 4\) of a [\d,]+-token context/.test(
          l,
        ),
      ),
    );
  });

  it('a short timed local run says its time and does not ask', async () => {
    const f = runForecast(await estimateFor(local, 20, fast));
    assert.equal(f.ask, undefined);
    assert.ok(
      f.lines.some((l) => l.includes('expected ≈ 1 s')),
      f.lines.join('\n'),
    );
  });

  it('no speed measured: the time is said unknown, and many calls ask; a few do not', async () => {
    const many = await estimateFor(local, 20);
    assert.ok(many.total.calls > UNTIMED_CALLS);
    const f = runForecast(many);
    assert.ok(f.lines.some((l) => l.includes('expected time unknown: no speed measured yet')));
    assert.equal(f.ask?.button, 'Run — time unknown on SmolLM2-135M-Instruct-Q8_0');
    assert.match(f.ask.message, /a local model with no speed measured on this machine yet/);
    const few = await estimateFor(local, 1);
    assert.ok(few.total.calls <= UNTIMED_CALLS, `${few.total.calls} calls`);
    assert.equal(runForecast(few).ask, undefined);
  });

  it('an offline run never asks, however long; it says its time and warns past a minute (issue 87)', async () => {
    const f = runForecast(await estimateFor({ kind: 'offline' }, 100_000), { costLimitUsd: undefined });
    assert.equal(f.ask, undefined);
    assert.equal(f.lines.length, 2);
    assert.equal(
      f.lines[0],
      'Estimate for "Linear public goods (Fehr & Gächter 2000)" (4 agents × 100,000 rounds): the offline rule-based model only, no LLM calls, nothing spent',
    );
    assert.match(
      f.lines[1],
      /^ {2}editor-choice \(offline\): ≈ \d+ min of CPU \(400,000 action decisions, each reading 3 others offered; measured /,
    );
    assert.match(
      f.warning ?? '',
      /^This run of Linear public goods .* is expected to take about \d+ min of CPU on the offline model/,
    );
    assert.equal(runForecast(await estimateFor({ kind: 'offline' }, 10)).warning, undefined);
  });

  it('a priced run past a small cost asks when no cost limit is set; a set limit is the cost check’s', async () => {
    const s = await publicGoods();
    const priced = modelConfig('paid', { price: { input: 50, output: 150 } });
    const e = estimateRun({ ...s, models: { paid: priced } }, { rounds: 20, model: 'paid' });
    assert.ok(e.total.cost_usd > 1, `$${e.total.cost_usd}`);
    const f = runForecast(e);
    assert.equal(f.ask?.button, `Run — about $${e.total.cost_usd.toFixed(2)}`);
    assert.ok(
      f.lines.some((l) => l.includes(`$${e.total.cost_usd.toFixed(2)}`) && l.includes('paid (openai fake-model)')),
    );
    assert.equal(runForecast(e, { costLimitUsd: 1000 }).ask, undefined);
    const cheap = estimateRun({ ...s, models: { paid: priced } }, { rounds: 1, model: 'paid' });
    assert.ok(cheap.total.cost_usd <= 1, `$${cheap.total.cost_usd}`);
    assert.equal(runForecast(cheap).ask, undefined);
  });

  it('a long local run beside a costly one says both; an untimed local model beside a timed one makes it "longer"', async () => {
    const timed = await estimateFor(local, 20, slow);
    const untimed = await estimateFor({ kind: 'local', file: '/models/Other-1B.gguf' }, 1);
    const s = await publicGoods();
    const priced = estimateRun(
      { ...s, models: { paid: modelConfig('paid', { price: { input: 50, output: 150 } }) } },
      { rounds: 20, model: 'paid' },
    );
    // One run's estimate with the three models, as a scenario naming them gives it.
    const both = (extra: typeof timed) => ({
      ...timed,
      models: [...timed.models, ...extra.models.map((m) => ({ ...m, name: `${m.name}-2` }))],
      total: {
        ...timed.total,
        calls: timed.total.calls + extra.total.calls,
        cost_usd: timed.total.cost_usd + extra.total.cost_usd,
      },
    });
    const costly = runForecast(both(priced)).ask;
    assert.match(
      costly?.message ?? '',
      /expected to take about \d+ min on SmolLM2.* It is estimated to cost \$\d+\.\d\d \(no cost limit is set\)\.$/,
    );
    assert.doesNotMatch(runForecast(both(priced), { costLimitUsd: 1000 }).ask?.message ?? '', /cost/);
    const longer = runForecast(both(untimed)).ask;
    assert.match(longer?.message ?? '', /, and longer: no speed is measured yet for Other-1B\.$/);
  });

  it('durations read as people say them', () => {
    assert.deepEqual([0.2, 45, 89, 90, 2100, 5340, 7800].map(duration), [
      '1 s',
      '45 s',
      '89 s',
      '2 min',
      '35 min',
      '89 min',
      '2 h 10 min',
    ]);
  });
});

describe("the fit check's result, said also when nothing is wrong (issue 88)", () => {
  it('names the context against the trained one and the KV cache against the memory', () => {
    const dir = scratchDir('fit-');
    const file = path.join(dir, 'm.gguf');
    fs.writeFileSync(file, ggufFile(SMOLLM2_META));
    const info = checkModelFile(file);
    assert.match(
      contextSummary({ name: 'default', local: { context_size: 2048 } }, info, 16 * GB),
      /^model 'default': local\.context_size 2,048 of the 8,192 tokens the model was trained on; KV cache about 0\.044 GB beside the [\d.e-]+ GB model, of this machine's 16 GB of memory$/,
    );
  });

  it('localFitBeforeRun gives each local model its line and the estimate the run uses', async () => {
    const dir = scratchDir('fit-');
    const file = path.join(dir, 'SmolLM2.gguf');
    fs.writeFileSync(file, ggufFile(SMOLLM2_META));
    const { scenario, model } = applyModelChoice(await publicGoods(), { kind: 'local', file });
    const check = await localFitBeforeRun(scenario, { model, rounds: 2 });
    assert.deepEqual(check.errors, []);
    assert.equal(check.lines.length, 1);
    assert.match(check.lines[0], /^model 'editor-choice': local\.context_size [\d,]+ of the 8,192 tokens/);
    assert.ok(check.estimate);
    assert.equal(check.estimate.rounds, 2);
    assert.ok(check.estimate.models.find((m) => m.name === OVERRIDE_MODEL)?.local);
    // A file that cannot be read is said as unchecked, not passed over in silence.
    const missing = applyModelChoice(await publicGoods(), { kind: 'local', file: path.join(dir, 'gone.gguf') });
    assert.match(localContextFit(missing.scenario).lines[0], /^model 'editor-choice': context not checked: /);
  });
});
