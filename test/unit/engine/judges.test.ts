// Rubric judges in a run (issue 48): the offline judge scores conversations and agents at the
// declared rounds by the documented rule, every score in its range; two offline judges disagree
// only by their rater noise; a run is the same with and without judges but for judgement events.
import * as assert from 'node:assert/strict';
import type { JudgementEvent, TraceEvent } from '../../../src/core/trace/events';
import { scenarioFromText, traceOf } from './traceHelpers';
import { countByRound, usageApart } from '../../support/usageApart';
import { OfflineModel } from '../../../src/core/llm/offline';
import type { AgentModel, DecisionRequest } from '../../../src/core/llm/types';

const SCENARIO = (judges: string) => `kind: scenario
name: Judged
seed: 5
personas:
  - { id: ann, name: Ann, group: town, traits: { extraversion: 0.9 } }
  - { id: bo, name: Bo, group: town, traits: { extraversion: 0.2 } }
  - { id: cy, name: Cy, group: guests, traits: { extraversion: 0.5 } }
world:
  setting: A small town.
  rounds: 3
${judges}`;

const JUDGES = `judges:
  - { name: social, rubric: sotopia, target: conversations, rounds: every, by: [offline, "offline:second"] }
  - name: presence
    rubric:
      dimensions:
        busy: { description: How much they did, min: 1, max: 5, offline: activity }
        ties: { description: How close they are to others, min: 0, max: 4, offline: relationship }
    groups: [town]
    rounds: [2, 3]
`;

const lines = (trace: string): TraceEvent[] =>
  trace
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TraceEvent);

describe('rubric judges in a run', () => {
  let plain: TraceEvent[], judged: TraceEvent[];
  before(async () => {
    plain = lines(await traceOf(await scenarioFromText(SCENARIO(''))));
    judged = lines(await traceOf(await scenarioFromText(SCENARIO(JUDGES))));
  });

  it('adds judgement events and changes nothing else but the usage, which counts their calls', () => {
    const judgements = judged.filter((e): e is JudgementEvent => e.type === 'judgement');
    assert.ok(judgements.length > 0);
    // the header names the scenario's hash: usageApart compares the events after it
    const withJudges = usageApart(judged.filter((e) => e.type !== 'judgement'));
    const without = usageApart(plain);
    assert.deepEqual(withJudges.rest, without.rest);
    const added = countByRound(judgements);
    for (const [round, calls] of without.callsByRound) {
      assert.equal(withJudges.callsByRound.get(round), calls + (added.get(round) ?? 0), `round ${round}'s calls`);
    }
    assert.equal(withJudges.calls, without.calls + judgements.length);
  });

  it('scores each conversation member every round, by each judge, in range', () => {
    const social = judged.filter((e): e is JudgementEvent => e.type === 'judgement' && e.judging === 'social');
    const talks = plain.filter((e) => e.type === 'encounter').length;
    assert.ok(talks > 0);
    assert.equal(social.length, talks * 2 * 2);
    const ranges: Record<string, [number, number]> = {
      believability: [0, 10],
      relationship: [-5, 5],
      secret: [-10, 0],
      goal: [0, 10],
    };
    for (const e of social) {
      assert.ok(e.encounter && e.partner);
      assert.equal(Object.keys(e.scores).length, 7);
      for (const [d, [lo, hi]] of Object.entries(ranges)) {
        const s = e.scores[d]!;
        assert.ok(Number.isInteger(s) && s >= lo && s <= hi, `${d} ${s}`);
      }
      assert.match(e.reasons.goal, /^offline rule: goal reads \d\.\d\d$/);
    }
    // two offline judges read the same signals and differ by their noise only
    const first = social.filter((e) => e.judge === 'offline');
    const second = social.filter((e) => e.judge === 'offline:second');
    assert.deepEqual(
      first.map((e) => e.reasons),
      second.map((e) => e.reasons),
    );
    assert.notDeepEqual(
      first.map((e) => e.scores),
      second.map((e) => e.scores),
    );
  });

  it('judges agents of the groups named at the rounds named, at the round end', () => {
    const presence = judged.filter((e): e is JudgementEvent => e.type === 'judgement' && e.judging === 'presence');
    assert.deepEqual(presence.map((e) => `${e.round}:${e.agent}`).sort(), ['2:ann', '2:bo', '3:ann', '3:bo']);
    for (const e of presence) {
      assert.ok(e.scores.busy! >= 1 && e.scores.busy! <= 5 && e.scores.ties! >= 0 && e.scores.ties! <= 4);
      const at = judged.indexOf(e);
      assert.equal(judged.slice(at).find((x) => x.type === 'round_end')?.round, e.round);
    }
  });

  it("keeps a model judge's calls within the model's concurrency, and books what they spent", async () => {
    const text = SCENARIO(`models:
  critic: { provider: openai, model: gpt-4o, concurrency: 2 }
judges:
  - { name: social, rubric: sotopia, target: conversations, rounds: every, by: [critic] }
`);
    let inFlight = 0,
      most = 0;
    // The critic answers as the offline judge would, after a wait, and says what it spent.
    const modelFactory = (cfg: { name: string }, seed: number): AgentModel => {
      const offline = new OfflineModel(cfg.name, seed);
      if (cfg.name !== 'critic') return offline;
      return {
        name: 'critic',
        provider: 'openai',
        label: 'critic',
        decide: async (req: DecisionRequest) => {
          most = Math.max(most, ++inFlight);
          await new Promise((r) => setTimeout(r, 2));
          inFlight--;
          const res = await offline.decide(req);
          return { ...res, usage: { model: 'critic', input_tokens: 500, output_tokens: 80, cost_usd: 0.002 } };
        },
      } as AgentModel;
    };
    const events = lines(await traceOf(await scenarioFromText(text), { modelFactory: modelFactory as never }));
    const judgements = events.filter((e): e is JudgementEvent => e.type === 'judgement');
    assert.ok(judgements.length > 4);
    assert.equal(most, 2, 'at most the critic’s concurrency in flight, and that many used');
    const end = events.at(-1)!;
    assert.ok(end.type === 'run_end');
    assert.equal(end.usage.input_tokens, 500 * judgements.length);
  });

  it('is deterministic', async () => {
    const again = lines(await traceOf(await scenarioFromText(SCENARIO(JUDGES))));
    assert.deepEqual(again.slice(1), judged.slice(1));
  });
});
