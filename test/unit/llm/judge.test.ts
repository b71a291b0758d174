// The LLM rubric judge against a real HTTP endpoint (the fake OpenAI server): its prompt holds the
// rubric (ranges, anchors) and the transcript, not the agents' system prompt; its structured
// output names every dimension with its range; a score outside the range is re-asked once, then
// the decision fails (the engine records it as missing). The offline judge's rule and noise.
import * as assert from 'node:assert/strict';
import { reply } from '../../support/fakeOpenAI';
import { persona, registryFor, useFakeEndpoint } from '../../support/llmFixtures';
import { ModelCallError } from '../../../src/core/llm/errors';
import { OfflineModel } from '../../../src/core/llm/offline/index';
import { personaBrief, type JudgeRequest } from '../../../src/core/llm/types';
import { SHIPPED_RUBRICS } from '../../../src/core/format/model/rubrics';

const request = (over: Partial<JudgeRequest> = {}): JudgeRequest => ({
  kind: 'judge',
  key: 'judge:social:critic:2:maya:2:maya:0',
  round: 2,
  setting: 'A climbing gym.',
  persona: personaBrief(persona('maya', { style: 'curious, brief' })),
  memories: [],
  judging: 'social',
  judge: 'critic',
  rubric: {
    description: 'How it went.',
    dimensions: [
      { name: 'warmth', description: 'How warm they were', min: 1, max: 5, anchors: { 1: 'cold', 5: 'very warm' } },
      { name: 'relationship', description: 'Whether the relationship improved', min: -5, max: 5 },
    ],
  },
  target: 'conversation',
  partner: personaBrief(persona('ali')),
  transcript: [
    { from: 'maya', name: 'Maya', act: 'greet', text: 'Hi Ali, fancy a route?' },
    { from: 'ali', name: 'Ali', act: 'accept', text: 'Gladly!' },
  ],
  signals: { warmth: 0.8, relationship: 0.6, activity: 0.5 },
  ...over,
});

const good = {
  scores: { warmth: { score: 4, reason: 'friendly' }, relationship: { score: 2, reason: 'they agreed' } },
};

describe('the LLM rubric judge (real HTTP)', () => {
  const fake = useFakeEndpoint();
  const model = () => registryFor(fake.server.url, {}, { onCall: fake.onCall }).model('gpt');

  it('sends the rubric and the transcript, and a strict schema of every dimension in its range', async () => {
    fake.server.script = () => reply.json(good);
    const res = await model().decide(request());
    assert.deepEqual(res.scores, good.scores);
    const body = fake.server.requests[0].body;
    const [system, user] = body.messages;
    assert.match(system.content, /^You are an impartial judge/);
    assert.doesNotMatch(system.content, /Stay in character/);
    assert.match(user.content, /Judge Maya .* with Ali/);
    assert.match(user.content, /Maya: Hi Ali, fancy a route\?\nAli: Gladly!/);
    assert.match(user.content, /- warmth \(1 to 5\): How warm they were \[1 = cold; 5 = very warm\]/);
    assert.match(user.content, /"warmth" 1 to 5, "relationship" -5 to 5/);
    const schema = body.response_format.json_schema.schema;
    assert.deepEqual(schema.properties.scores.required, ['warmth', 'relationship']);
    assert.deepEqual(
      [
        schema.properties.scores.properties.relationship.properties.score.minimum,
        schema.properties.scores.properties.relationship.properties.score.maximum,
      ],
      [-5, 5],
    );
  });

  it('an agent judged on its record gets the record, not a transcript', async () => {
    fake.server.script = () => reply.json(good);
    await model().decide(
      request({
        target: 'agent',
        transcript: undefined,
        partner: undefined,
        record: ['Round 2: work — on it', 'Now: skill 0.5'],
      }),
    );
    const user = fake.server.requests[0].body.messages[1].content;
    assert.match(user, /Their record:\nRound 2: work — on it\nNow: skill 0\.5/);
  });

  it('a score outside its range is re-asked once, naming the range; twice is a failed decision', async () => {
    const bad = { scores: { warmth: { score: 9, reason: 'x' }, relationship: { score: 2, reason: 'y' } } };
    fake.server.script = () => reply.json(bad);
    const err = await model()
      .decide(request())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.equal(fake.server.requests.length, 2);
    assert.match(
      fake.server.requests[1].body.messages.at(-1).content,
      /"scores\.warmth\.score" must be a whole number from 1 to 5, not 9/,
    );
  });

  it('a missing dimension is re-asked too; a good second answer is taken', async () => {
    fake.server.script = (r) =>
      r.n === 0 ? reply.json({ scores: { warmth: { score: 3, reason: 'ok' } } }) : reply.json(good);
    const res = await model().decide(request());
    assert.equal(res.scores.relationship.score, 2);
    assert.match(fake.server.requests[1].body.messages.at(-1).content, /"scores" is missing "relationship"/);
  });
});

describe('the offline rubric judge', () => {
  it('places each signal on its range, with a rater noise seeded by the decision', () => {
    const offline = new OfflineModel('offline', 7);
    const a = offline.decideNow(request({ key: 'k1' }));
    assert.deepEqual(a, offline.decideNow(request({ key: 'k1' })), 'deterministic');
    assert.ok(a.scores.warmth.score >= 1 && a.scores.warmth.score <= 5);
    assert.equal(a.scores.warmth.reason, 'offline rule: warmth reads 0.80');
    // the Sotopia rubric: every dimension, in its range
    const s = offline.decideNow(
      request({ rubric: SHIPPED_RUBRICS.sotopia, signals: { secret: 1, goal: 0, activity: 0.5 } }),
    );
    assert.equal(Object.keys(s.scores).length, 7);
    assert.ok(s.scores.secret.score <= 0 && s.scores.secret.score >= -10);
    assert.match(s.scores.believability.reason, /activity reads 0\.50/, 'no signal of its name: activity');
    // over many decisions the noise averages out: the mean score sits at the signal's place
    let sum = 0;
    for (let i = 0; i < 400; i++) sum += offline.decideNow(request({ key: `n${i}` })).scores.relationship.score;
    assert.ok(Math.abs(sum / 400 - 1) < 0.3, `mean ${sum / 400}`); // -5 + 10 * 0.6 = 1
  });
});
