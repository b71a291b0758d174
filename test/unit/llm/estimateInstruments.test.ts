// `society estimate` counts what a run's instruments ask: every survey of every agent it goes to at
// each round it is due, every model judge's score of each target at each round it judges (offline
// judges cost nothing), and a world's `act` decisions (left out before: a commons run looked
// cheaper than it was).
import * as assert from 'node:assert/strict';
import { estimateRun } from '../../../src/core/llm/estimate';
import { JUDGE_TOKENS, SURVEY_TOKENS } from '../../../src/core/llm/answerBudget';
import { example, scenarioFromText } from '../engine/traceHelpers';

const BASE = `kind: scenario
name: Measured
seed: 3
models:
  default: { provider: openai, model: gpt-4o-mini, price: { input: 0.15, output: 0.6 } }
  critic: { provider: openai, model: gpt-4o, price: { input: 2.5, output: 10 } }
world: { rounds: 6, encounters: { mode: random, per_round: 1 }, conversation: { turns: 2 } }
personas:
  - { id: ana, name: Ana, group: a, interests: [x] }
  - { id: bo, name: Bo, group: a, interests: [x] }
  - { id: cy, name: Cy, group: b, interests: [x] }
`;

const SURVEYS = `instruments:
  mood:
    title: Mood
    items:
      - { id: m1, text: I am outgoing. }
      - { id: m2, text: I keep to myself. }
      - { id: m3, text: How many friends?, response: { type: numeric, min: 0, max: 10 } }
surveys:
  - { instrument: mood, at: [start, 2, end] }
  - { instrument: mini-ipip, at: [end], to: [b] }
`;

const JUDGES = `judges:
  - { name: talk, rubric: sotopia, target: conversations, rounds: [3, 6], by: [critic, offline] }
  - name: presence
    rubric:
      dimensions:
        busy: { description: How much they did, min: 1, max: 5, offline: activity }
    target: agents
    groups: [a]
    rounds: every
    by: [critic, "offline:second"]
`;

describe('estimate: surveys, judges and actions', () => {
  it('counts every survey asked: its agents × the rounds it is due, answers sized by its items', async () => {
    const plain = estimateRun(await scenarioFromText(BASE));
    const e = estimateRun(await scenarioFromText(BASE + SURVEYS));
    const survey = e.models.find((m) => m.name === 'default')!.by_kind.survey!;
    // mood: 3 agents × (start, round 2, end); mini-ipip: group b (1 agent) at the end.
    assert.equal(survey.calls, 3 * 3 + 1);
    assert.equal(
      survey.output_tokens,
      9 * (SURVEY_TOKENS.base + 3 * SURVEY_TOKENS.item) + (SURVEY_TOKENS.base + 20 * SURVEY_TOKENS.item),
    );
    assert.ok(survey.input_tokens / survey.calls > 100, 'the questionnaire is rendered, not guessed');
    assert.equal(e.total.calls, plain.total.calls + survey.calls);
    assert.ok(e.total.cost_usd > plain.total.cost_usd);
    assert.match(e.assumptions.join('\n'), /surveys: every agent a survey goes to/);
  });

  it('counts a model judge per target and round it judges; an offline judge adds nothing', async () => {
    const e = estimateRun(await scenarioFromText(BASE + JUDGES));
    const critic = e.models.find((m) => m.name === 'critic')!;
    assert.deepEqual(Object.keys(critic.by_kind), ['judge'], 'the critic only judges');
    // talk: 3 agents × 2 conversations each a round (random encounters, per_round 1) × rounds 3 and 6;
    // presence: group a's 2 agents × every round (6).
    assert.equal(critic.calls, 3 * 2 * 2 + 2 * 6);
    const sotopia = 7,
      presence = 1;
    assert.equal(
      critic.output_tokens,
      12 * (JUDGE_TOKENS.base + sotopia * JUDGE_TOKENS.dimension) +
        12 * (JUDGE_TOKENS.base + presence * JUDGE_TOKENS.dimension),
    );
    assert.ok(critic.cost_usd > 0);
    assert.equal(e.models.find((m) => m.name === 'default')!.by_kind.judge, undefined);
  });

  it('counts a world’s act decisions: one per agent and round', async () => {
    const e = estimateRun(await example('commons/commons.society'));
    const act = e.models.flatMap((m) => (m.by_kind.act ? [m.by_kind.act] : []));
    assert.equal(act.length, 1);
    assert.equal(act[0].calls, e.agents * e.rounds);
  });
});
