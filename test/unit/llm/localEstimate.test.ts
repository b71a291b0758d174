// Issue 71, "fits before it runs": the estimate of a local model counts its prompts as the model's
// tokenizer does (given here as a counter; the model stage gives the real one), says which prompt
// does not fit which context, and turns tokens into seconds at the speed runs measured on this
// machine, which runs keep in the cache folder (never a project's).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile, type ModelConfig, type Scenario } from '../../../src/core/format';
import { estimateRun } from '../../../src/core/llm/estimate';
import { localFit } from '../../../src/core/llm/local/localFit';
import { DEFAULT_ANSWER_TOKENS, localAnswerCap } from '../../../src/core/llm/local/settings';
import {
  measuredAnswerTokens,
  measuredSpeed,
  recordSpeed,
  speedOf,
  type MeasuredSpeed,
} from '../../../src/core/llm/local/speeds';
import { scratchDir } from '../../support/scratch';
import { modelConfig } from '../../support/llmFixtures';

const repo = path.resolve(__dirname, '../../..');

async function onLocal(local: ModelConfig['local'] = {}): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(path.join(repo, 'validation/public-goods.society'));
  assert.ok(scenario);
  const model = modelConfig('default', { provider: 'local', model: 'm.gguf', concurrency: 2, local });
  return { ...scenario, models: { default: model } };
}

const speed: MeasuredSpeed = { prompt_per_s: 100, answer_per_s: 20, calls: 30, measured: '2026-11-28' };

describe('a local model in the estimate', () => {
  it('prices prompts at its tokenizer’s count, without the schema (a grammar, not prompt text)', async () => {
    const s = await onLocal();
    const counted = estimateRun(s, { promptTokens: new Map([['default', () => 500]]) });
    const m = counted.models[0];
    assert.equal(m.input_tokens, 500 * m.calls);
    assert.deepEqual(m.local?.largest, { kind: 'act', tokens: 500 });
    assert.equal(m.local?.counted, 'tokenizer');
    const guessed = estimateRun(s).models[0];
    assert.equal(guessed.local?.counted, 'characters');
    assert.deepEqual(localFit(counted), { errors: [], warnings: [] });
  });

  it("gives a long survey's answer room: the local cap grows with its items, unless the config sets one (issue 86)", async () => {
    const { scenario } = await loadScenarioFile(path.join(repo, 'examples/friends/friends.society'));
    assert.ok(scenario?.surveys);
    const local = (max_tokens?: number): Scenario => ({
      ...scenario,
      models: {
        default: modelConfig('default', { provider: 'local', model: 'm.gguf', ...(max_tokens ? { max_tokens } : {}) }),
      },
    });
    // The largest cap of its kinds: a reflection's 150 × 4 = 600 (the Mini-IPIP survey's, 20 items,
    // (10 + 6 × 20) × 4 = 520), both past the default 256, which cut them before.
    assert.equal(estimateRun(local()).models[0].local?.answer, 600);
    assert.equal(estimateRun(local(300)).models[0].local?.answer, 300);
    assert.equal(localAnswerCap(undefined, 100), DEFAULT_ANSWER_TOKENS);
    assert.equal(localAnswerCap(undefined, 520), 520);
    assert.equal(localAnswerCap(64, 520), 64);
  });

  it('says which prompt does not fit which context, and when answers would be cut', async () => {
    const s = await onLocal({ context_size: 512 });
    const none = localFit(estimateRun(s, { promptTokens: new Map([['default', () => 700]]) }));
    assert.equal(none.errors.length, 1);
    assert.match(
      none.errors[0],
      /model 'default': the act prompt is 700 tokens and its context holds 512: raise `local.context_size`/,
    );
    const tight = localFit(estimateRun(s, { promptTokens: new Map([['default', () => 400]]) }));
    assert.deepEqual(tight.errors, []);
    assert.match(tight.warnings[0], /answers over 112 tokens will be cut \(max_tokens 256\)/);
  });

  it('gives seconds at the measured speed, over the calls answered at once (concurrency and sequences)', async () => {
    const one = estimateRun(await onLocal(), {
      promptTokens: new Map([['default', () => 500]]),
      speeds: new Map([['default', speed]]),
    });
    const m = one.models[0];
    const serial = m.input_tokens / 100 + m.output_tokens / 20;
    assert.ok(Math.abs(m.local!.seconds! - serial) < 1e-9, `${m.local!.seconds} vs ${serial}`);
    const two = estimateRun(await onLocal({ sequences: 4 }), {
      promptTokens: new Map([['default', () => 500]]),
      speeds: new Map([['default', speed]]),
    });
    assert.ok(Math.abs(two.models[0].local!.seconds! - serial / 2) < 1e-9, 'two in flight (concurrency 2)');
    assert.equal(estimateRun(await onLocal()).models[0].local?.seconds, undefined, 'no speed, no seconds');
  });
});

describe('answer lengths a local model measured (issue 86)', () => {
  it('replace the typical length of a kind with enough answers behind it, and say so', async () => {
    const s = await onLocal();
    const opts = (answers?: MeasuredSpeed['answers']) => ({
      promptTokens: new Map([['default', () => 500]]),
      speeds: new Map([['default', { ...speed, ...(answers ? { answers } : {}) }]]),
    });
    const typical = estimateRun(s, opts()).models[0].by_kind.act!;
    // Acts measured at 90 tokens a call over 12 calls: the estimate's act answers are 90 a call.
    const measured = estimateRun(s, opts({ act: { calls: 12, tokens: 1080 } })).models[0].by_kind.act!;
    assert.equal(measured.output_tokens, Math.round(measured.calls * 90));
    assert.notEqual(measured.output_tokens, typical.output_tokens);
    // Two answers are too few to stand for the kind; a survey's length grows with its items.
    assert.equal(
      estimateRun(s, opts({ act: { calls: 2, tokens: 180 } })).models[0].by_kind.act!.output_tokens,
      typical.output_tokens,
    );
    assert.equal(
      measuredAnswerTokens({ ...speed, answers: { survey: { calls: 9, tokens: 900 } } }, 'survey'),
      undefined,
    );
  });

  it('are kept from a run by kind, averaged with earlier runs, and nothing else in the file is read as one', () => {
    const cache = scratchDir('society-speeds-');
    const key = { file: '/models/a.gguf', threads: 1, batchSize: 128 };
    const figures = { calls: 10, promptTokens: 5000, reusedTokens: 0, answerTokens: 400, ms: 70_000, promptMs: 50_000 };
    const first = speedOf(figures, new Date(), new Map([['speak', { calls: 4, tokens: 200 }]]))!;
    recordSpeed(key, first, cache);
    recordSpeed(key, speedOf(figures, new Date(), new Map([['speak', { calls: 4, tokens: 400 }]]))!, cache);
    assert.equal(measuredAnswerTokens(measuredSpeed(key, cache), 'speak'), 75);
    const file = path.join(cache, 'local-speeds.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json['a.gguf threads=1 batch=128'].answers = JSON.parse(
      '{"__proto__": {"calls": 5, "tokens": 5}, "speak": {"calls": -3, "tokens": 9}, "act": {"calls": 4, "tokens": "x"}}',
    );
    fs.writeFileSync(file, JSON.stringify(json));
    const read = measuredSpeed(key, cache);
    for (const kind of ['__proto__', 'speak', 'act']) assert.equal(measuredAnswerTokens(read, kind), undefined, kind);
  });
});

describe('measured local speeds', () => {
  const figures = {
    calls: 10,
    promptTokens: 5000,
    reusedTokens: 1000,
    answerTokens: 400,
    ms: 70_000,
    promptMs: 50_000,
  };

  it('come from a run’s figures: prompt tokens until the first answer token, answer tokens after', () => {
    const s = speedOf(figures, new Date('2026-11-28T10:00:00Z'))!;
    assert.equal(s.prompt_per_s, 100);
    assert.equal(s.answer_per_s, 20);
    assert.equal(s.measured, '2026-11-28');
    assert.equal(speedOf({ ...figures, calls: 2 }), undefined, 'too few calls to stand for a speed');
    assert.equal(speedOf({ ...figures, promptMs: 70_000 }), undefined, 'no time left for the answers');
  });

  it('average a run with the earlier runs, weighted by calls (the earlier ones at most 200), not only the last (issue 86)', () => {
    const cache = scratchDir('society-speeds-');
    const key = { file: '/models/a.gguf', threads: 1, batchSize: 128 };
    const run = (prompt: number, answer: number, calls: number, day: string): MeasuredSpeed => ({
      prompt_per_s: prompt,
      answer_per_s: answer,
      calls,
      measured: day,
    });
    recordSpeed(key, run(100, 20, 10, '2026-11-27'), cache);
    recordSpeed(key, run(50, 10, 10, '2026-11-28'), cache);
    // Equal calls: time a token averaged, so the rate is the harmonic mean (2 / (1/100 + 1/50)).
    const two = measuredSpeed(key, cache)!;
    assert.ok(Math.abs(two.prompt_per_s - 200 / 3) < 1e-9, String(two.prompt_per_s));
    assert.ok(Math.abs(two.answer_per_s - 40 / 3) < 1e-9);
    assert.deepEqual([two.calls, two.runs, two.measured], [20, 2, '2026-11-28']);
    // A long history weighs at most 200 calls: a new run of 200 calls moves it halfway (in time a token).
    recordSpeed(key, run(50, 10, 1000, '2026-11-28'), cache);
    recordSpeed(key, run(100, 20, 200, '2026-11-29'), cache);
    const later = measuredSpeed(key, cache)!;
    const before = 1 / ((20 / two.prompt_per_s + 1000 / 50) / 1020);
    assert.ok(Math.abs(later.prompt_per_s - 400 / (200 / before + 200 / 100)) < 1e-9, String(later.prompt_per_s));
    assert.equal(later.runs, 4);
  });

  it('are kept per model file, threads and batch, in the cache folder; what is not ours is not read', () => {
    const cache = scratchDir('society-speeds-');
    const key = { file: '/models/a.gguf', threads: 1, batchSize: 128 };
    assert.equal(measuredSpeed(key, cache), undefined);
    recordSpeed(key, speed, cache);
    assert.deepEqual(measuredSpeed(key, cache), speed);
    assert.deepEqual(
      measuredSpeed({ ...key, file: '/elsewhere/a.gguf' }, cache),
      speed,
      'the file’s name, not its folder',
    );
    assert.equal(measuredSpeed({ ...key, threads: 2 }, cache), undefined);
    const file = path.join(cache, 'local-speeds.json');
    fs.writeFileSync(file, '{"__proto__": {"prompt_per_s": 1, "answer_per_s": 1}, "x": "not a speed"}');
    assert.equal(measuredSpeed(key, cache), undefined);
    recordSpeed(key, speed, cache);
    assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8'))), [
      '__proto__',
      'a.gguf threads=1 batch=128',
    ]);
    fs.writeFileSync(file, ' '.repeat(300 * 1024));
    assert.equal(measuredSpeed(key, cache), undefined, 'a file over the size cap is not read');
  });
});
