// Issue 58, kind 3: the schema a model is sent and the validator its answer meets are one
// description (src/core/llm/parse/schemas.ts, relaxed.ts). Every decision kind, judges and surveys
// included, is answered with random instances of its own sent schema (test/support/schemaInstance.ts)
// through the response parser, and none may be refused: a judge's `score` went as `number` and
// every 9.107 was refused as "must be a whole number" (16 of 16 judgements lost).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAnswer } from '../../../src/core/llm/parse';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import {
  personaBrief,
  type ActRequest,
  type DecisionRequest,
  type JudgeRequest,
  type SurveyRequest,
} from '../../../src/core/llm/types';
import { stream } from '../../../src/core/random/rng';
import { persona, requests } from '../../support/llmFixtures';
import { randomInstance } from '../../support/schemaInstance';

const judge = (): JudgeRequest => ({
  ...requests.choose(),
  kind: 'judge',
  key: 'judge:social:critic:2:maya:2:maya:0',
  judging: 'social',
  judge: 'critic',
  rubric: {
    dimensions: [
      { name: 'warmth', description: 'How warm', min: 1, max: 10 },
      { name: 'relationship', description: 'Whether it improved', min: -5, max: 5 },
    ],
  },
  target: 'conversation',
  partner: personaBrief(persona('ali')),
  transcript: [{ from: 'ali', name: 'Ali', act: 'greet', text: 'Hi!' }],
  signals: { warmth: 0.5, relationship: 0.5, activity: 0.5 },
});

const survey = (): SurveyRequest => ({
  ...requests.choose(),
  kind: 'survey',
  key: 'survey:0:maya:mood',
  instrument: 'mood',
  title: 'Mood',
  items: [
    { id: 'm1', text: 'Happy?', response: { type: 'likert', points: 7 } },
    { id: 'm2', text: 'How many?', response: { type: 'numeric', min: -2.5, max: 10 } },
    { id: 'm3', text: 'Which?', response: { type: 'choice', options: ['tea', 'coffee'] } },
    { id: 'm4', text: 'Why?', response: { type: 'text' } },
  ],
});

const act = (): ActRequest =>
  ({
    ...requests.choose(),
    kind: 'act',
    key: 'act:2:maya',
    world: [],
    own: [],
    others: [
      { id: 'ali', name: 'Ali', tie: 0.2, state: {} },
      { id: 'sam', name: 'Sam', tie: 0, state: {} },
    ],
    actions: [
      { name: 'rest', description: 'rest', args: [], effects: [] },
      {
        name: 'gift',
        description: 'give',
        args: [
          { name: 'to', type: 'agent' },
          { name: 'amount', type: 'number', min: 0, max: 3.5 },
          { name: 'count', type: 'number', min: -2, max: 4, integer: true },
        ],
        effects: [],
      },
      { name: 'go', description: 'move', args: [{ name: 'where', type: 'place' }], effects: [] },
      { name: 'share', description: 'post', args: [{ name: 'of', type: 'post' }], effects: [], post: 'main' },
    ],
    posts: [{ id: 'p1', feed: 'main', author: 'ali', name: 'Ali', text: 'hello', round: 1, likes: 0, replies: 0 }],
    places: [
      { id: 'home', label: 'Home' },
      { id: 'cafe', label: 'Cafe' },
    ],
    options: [],
    n: 3,
  }) as unknown as ActRequest;

const NEWS = { id: 'party', text: 'p', kind: 'news', known_by: [], about: [], appeal: 0.6, source: 'a' };
const KINDS: DecisionRequest[] = [
  requests.choose(),
  requests.speak(),
  { ...requests.speak(), news: [NEWS], heard: [{ ...NEWS, id: 'rumour' }] } as DecisionRequest,
  requests.evaluate(),
  requests.advise(),
  { ...requests.advise(), warm: [] },
  requests.reflect(),
  requests.interview(),
  act(),
  judge(),
  survey(),
];

describe('every answer within the schema sent is taken (issue 58: 3)', () => {
  it('covers every decision kind', () => {
    const kinds = new Set(KINDS.map((r) => r.kind));
    const all: Record<DecisionRequest['kind'], true> = {
      choose_partner: true,
      speak: true,
      evaluate: true,
      advise: true,
      reflect: true,
      interview: true,
      act: true,
      judge: true,
      survey: true,
    };
    assert.deepEqual([...kinds].sort(), Object.keys(all).sort());
  });

  for (const req of KINDS) {
    it(`${req.kind}${req.kind === 'speak' && 'news' in req ? ' (with news)' : ''}: random instances of its schema`, () => {
      const schema = responseSchema(req, true);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
          const answer = randomInstance(schema, stream(seed, 'schema answer'));
          const parsed = parseAnswer(req, JSON.stringify(answer));
          assert.ok(parsed.ok, `${JSON.stringify(answer)}: ${parsed.ok ? '' : parsed.error}`);
        }),
        { seed: 58, numRuns: 300 },
      );
    });
  }

  it('a judge is told a score is a whole number, and a fractional one is re-asked', () => {
    const schema = responseSchema(judge(), true) as any;
    assert.equal(schema.properties.scores.properties.warmth.properties.score.type, 'integer');
    const parsed = parseAnswer(
      judge(),
      JSON.stringify({ scores: { warmth: { score: 9.107, reason: 'x' }, relationship: { score: 1, reason: 'y' } } }),
    );
    assert.ok(!parsed.ok);
    assert.match(parsed.error, /"scores\.warmth\.score" must be a whole number from 1 to 10, not 9\.107/);
  });
});
