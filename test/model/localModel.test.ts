// A real language model drives societies: SmolLM2-135M-Instruct (Apache-2.0), fetched into the
// cache outside the repository by scripts/local-model.mjs (`npm run test:model` runs it first),
// in-process through node-llama-cpp on a worker thread. Every other LLM test meets a fake
// endpoint with canned answers; here the prompts meet a real context window and a real model's
// answers meet the parse path.
//
// The examples are cut to fit the stage's budget (4 agents; the friends loop with one one-turn
// conversation a day and no coach); what is run is each example's own round, rules and prompts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { closeLocalEngines } from '../../src/core/llm/local/localEngine';
import { findRuntime } from '../../src/core/llm/local/runtime';
import { societyCache } from '../../src/core/llm/local/settings';
import type { Scenario } from '../../src/core/format/model/model';
import { estimateRun } from '../../src/core/llm/estimate';
import { localEstimateInputs } from '../../src/core/llm/local/localEstimate';
import { SMOLLM2, cutExample, friendsCut, localModel, runLocal, type LocalRun } from '../support/localModelRun';

const local = localModel();

/** Every decision answered, or failed and recorded as such in the trace; the figures for the log. */
function everyDecisionAccountedFor(r: LocalRun, label: string): void {
  assert.ok(r.calls.length > 0, `${label}: no decision reached the model`);
  for (const c of r.calls) assert.ok(c.outcome === 'ok' || c.outcome === 'failed');
  const failed = r.calls.filter((c) => c.outcome === 'failed');
  for (const c of r.calls.filter((c) => c.faults?.length)) {
    console.log('      fault:', JSON.stringify(c.faults).slice(0, 300));
  }
  const recorded = r.lines.filter((l) => l.type === 'error' && l.handling === 'skipped');
  assert.equal(recorded.length, failed.length, `${label}: failed decisions and the trace's skipped ones`);
  const ok = r.calls.length - failed.length;
  // A model that answers nothing usable is a broken path, not a small model.
  assert.ok(ok >= r.calls.length / 2, `${label}: only ${ok} of ${r.calls.length} decisions answered`);
  const input = r.calls.reduce((n, c) => n + (c.usage.input_tokens ?? 0), 0);
  const output = r.calls.reduce((n, c) => n + (c.usage.output_tokens ?? 0), 0);
  for (const c of r.calls) assert.equal(c.usage.cost_usd, 0);
  console.log(
    `      ${label}: ${r.calls.length} decisions (${failed.length} failed) in ${r.seconds.toFixed(1)} s, ` +
      `${(r.seconds / r.calls.length).toFixed(2)} s each; ${input} prompt tokens ` +
      `(${r.figures.reusedTokens} of ${r.figures.promptTokens} over ${r.figures.calls} calls reused from a sequence), ` +
      `${output} answer tokens`,
  );
}

/**
 * `society estimate` counts a local model's prompts with its own tokenizer and chat template: per
 * decision kind, the mean prompt the run sent is from half to 1.5× the typical prompt it prices (a
 * 2-round run's prompts hold few memories; the typical one, a longer run's: measured 0.69–0.92).
 */
async function estimateCountsAsTheModelDoes(s: Scenario, r: LocalRun): Promise<void> {
  const local = await localEstimateInputs(s);
  try {
    const e = estimateRun(s, { promptTokens: local.promptTokens });
    const m = e.models[0];
    assert.equal(m.local?.counted, 'tokenizer', JSON.stringify(local.notes));
    const sent = new Map<string, { calls: number; tokens: number }>();
    for (const c of r.calls) {
      const k = sent.get(c.kind) ?? { calls: 0, tokens: 0 };
      k.calls += c.calls;
      k.tokens += c.usage.input_tokens ?? 0;
      sent.set(c.kind, k);
    }
    const rows: string[] = [];
    for (const [kind, k] of sent) {
      const est = m.by_kind[kind as keyof typeof m.by_kind];
      assert.ok(est && est.calls > 0, `the estimate has no ${kind} calls`);
      const ratio = k.tokens / k.calls / (est.input_tokens / est.calls);
      rows.push(`${kind} ${ratio.toFixed(2)}`);
      assert.ok(
        ratio > 1 / 1.5 && ratio < 1.5,
        `${kind}: sent ${k.tokens / k.calls} a call, estimated ${est.input_tokens / est.calls}`,
      );
    }
    console.log(`      prompt tokens a call, sent ÷ estimated: ${rows.join(', ')}`);
  } finally {
    await local.close();
  }
}

describe('a real small instruct model (SmolLM2-135M-Instruct, in-process) drives societies', function () {
  // A hang guard, not a clock (the stage's wall time is what npm test's table reports).
  this.timeout(900_000);

  before(() => {
    assert.ok(
      fs.existsSync(SMOLLM2) && findRuntime(),
      `the model or node-llama-cpp is missing from ${societyCache()}: run \`node scripts/local-model.mjs\``,
    );
  });
  after(() => closeLocalEngines());

  // One run, not two: at about 6 s a decision on one thread of the CI machines, the friends rerun
  // alone would take the stage's whole budget; the rerun below checks the same reproducibility.
  it('the friends loop, 4 agents × 2 rounds: talk, ratings, ties and memories from its answers', async () => {
    // Memories ranked by the model's own embeddings (a worker of their own on the same file).
    const withEmbeddings = { ...local, embeddings: { model: SMOLLM2 } };
    const s = await cutExample('friends/friends.society', 4, 2, withEmbeddings, friendsCut);
    const first = await runLocal(s);
    everyDecisionAccountedFor(first, 'friends');
    const fellBack = first.lines.filter((l) => l.type === 'error' && l.kind === 'embed');
    assert.deepEqual(fellBack, [], 'a retrieval fell back to the lexical relevance');
    assert.ok(first.embeddings.requests > 0 && first.embeddings.tokens > 0, JSON.stringify(first.embeddings));
    assert.equal(first.embeddings.failed, 0);
    console.log(`      embeddings: ${first.embeddings.requests} requests, ${first.embeddings.tokens} tokens`);
    await estimateCountsAsTheModelDoes(s, first);
    const messages = first.lines.filter((l) => l.type === 'message');
    assert.ok(messages.length > 0, 'nobody spoke');
    for (const m of messages) assert.ok(typeof m.text === 'string' && m.text.trim().length > 0, JSON.stringify(m));
    const ratings = first.lines.filter((l) => l.type === 'evaluation');
    assert.ok(ratings.length > 0, 'no conversation was rated');
    for (const e of ratings) assert.ok(e.rating >= 0 && e.rating <= 1, JSON.stringify(e));
    // Ties move from the model's ratings.
    const rated = new Set(ratings.map((e) => `${e.from}>${e.to}`));
    const moved = first.lines.filter((l) => l.type === 'tie' && l.cause === 'evaluation');
    assert.ok(
      moved.length > 0 && moved.every((t) => rated.has(`${t.from}>${t.to}`)),
      'ties did not follow the ratings',
    );
    // What the model wrote about a conversation is remembered in its own words.
    const remembered = first.lines.filter((l) => l.type === 'memory').map((l) => String(l.memory.text));
    const said = ratings.map((e) => String(e.text).trim().slice(0, 30)).filter((t) => t.length > 0);
    assert.ok(
      said.some((t) => remembered.some((text) => text.includes(t))),
      'no memory holds what the model wrote',
    );
  });
  // The public goods game (4 × 1), its contributions and its rerun in another process: surfaces.test.ts.
});
