// A decision request of every kind, with every world feature that changes its answer schema: the
// schema tests (test/unit/llm/schemaAnswers.test.ts) and the grammar bounds test
// (test/model/grammarBounds.test.ts) go over the same list.
import {
  personaBrief,
  type ActRequest,
  type DecisionRequest,
  type JudgeRequest,
  type SurveyRequest,
} from '../../src/core/llm/types';
import { persona, requests } from './llmFixtures';

export const judge = (): JudgeRequest => ({
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
/** A request of every decision kind, with each feature that changes its schema (news, no warm contacts, every argument type). */
export const DECISION_REQUESTS: DecisionRequest[] = [
  requests.choose(),
  requests.speak(),
  { ...requests.speak(), news: [NEWS], heard: [{ ...NEWS, id: 'rumour' }] } as DecisionRequest,
  requests.evaluate(),
  { ...requests.advise(), warm: [{ id: 'ali', name: 'Ali', rating: 0.8, recent: true }] },
  { ...requests.advise(), warm: [] },
  requests.reflect(),
  requests.interview(),
  act(),
  judge(),
  survey(),
];
