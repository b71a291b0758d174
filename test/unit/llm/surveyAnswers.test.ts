// Survey answers from an LLM (issue 48): the prompt lists each item with its scale (never the
// offline rule's trait or keying), the structured-output schema has one answer per item on its
// scale, an answer off its scale is re-asked, and twice unusable is a ModelCallError, which the
// engine records as missing answers without stopping the run.
import * as assert from 'node:assert/strict';
import { reply } from '../../support/fakeOpenAI';
import { registryFor, requests, useFakeEndpoint } from '../../support/llmFixtures';
import { ModelCallError } from '../../../src/core/llm/errors';
import { renderPrompt } from '../../../src/core/llm/prompts/render';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import type { SurveyRequest } from '../../../src/core/llm/types';

const survey = (): SurveyRequest => ({
  ...requests.choose(),
  kind: 'survey',
  key: 'survey:0:maya:mood',
  instrument: 'mood',
  title: 'Mood check',
  instructions: 'Say how you feel.',
  items: [
    {
      id: 'm1',
      text: 'I am happy.',
      response: { type: 'likert', points: 5, anchors: ['No', 'Hardly', 'Some', 'Mostly', 'Yes'] },
      trait: 'extraversion',
    },
    { id: 'm2', text: 'How many friends?', response: { type: 'numeric', min: 0, max: 10 }, reverse: true },
    { id: 'm3', text: 'Tea or coffee?', response: { type: 'choice', options: ['tea', 'coffee'] } },
  ],
});

describe('survey answers (LLM)', () => {
  const fake = useFakeEndpoint();
  const model = () => registryFor(fake.server.url, {}, { onCall: fake.onCall }).model('gpt');

  it('the prompt lists the items and their scales, not the trait or keying', () => {
    const [system, user] = renderPrompt(survey(), {}, { rounds: 5 });
    // The questionnaire is the same for everyone asked: it goes before the persona (prefix caches).
    assert.match(system.content, /You are Maya/);
    const questionnaire = system.content.slice(0, system.content.indexOf('The person: '));
    assert.match(questionnaire, /questionnaire: Mood check/);
    assert.match(
      questionnaire,
      /- m1: I am happy\. \(answer a whole number: 1 = No, 2 = Hardly, 3 = Some, 4 = Mostly, 5 = Yes\)/,
    );
    assert.match(questionnaire, /- m2: How many friends\? \(answer a number from 0 to 10\)/);
    assert.match(questionnaire, /- m3: Tea or coffee\? \(answer one of: "tea", "coffee"\)/);
    assert.doesNotMatch(`${questionnaire}\n${user.content}`, /extraversion|reverse/);
    assert.match(user.content, /Things you remember/);
  });

  it('the strict schema has one answer per item on its scale', () => {
    const s = responseSchema(survey(), true) as any;
    assert.deepEqual(s.required, ['answers']);
    assert.deepEqual(s.properties.answers.required, ['m1', 'm2', 'm3']);
    assert.equal(s.properties.answers.additionalProperties, false);
    assert.deepEqual(s.properties.answers.properties.m1, {
      type: 'integer',
      minimum: 1,
      maximum: 5,
      description: '1 to 5',
    });
    assert.deepEqual(s.properties.answers.properties.m2, { type: 'number', minimum: 0, maximum: 10 });
    assert.deepEqual(s.properties.answers.properties.m3, { type: 'string', enum: ['tea', 'coffee'] });
  });

  it('sends the schema, re-asks an answer off its scale, then takes the good one', async () => {
    fake.server.script = (r) =>
      r.n === 0
        ? reply.json({ answers: { m1: 6, m2: 3, m3: 'tea' } })
        : reply.json({ answers: { m1: 4, m2: 3.5, m3: 'coffee' } });
    const res = await model().decide(survey());
    assert.deepEqual(res.answers, { m1: 4, m2: 3.5, m3: 'coffee' });
    const first = fake.server.requests[0].body;
    assert.equal(first.response_format?.json_schema?.name, 'survey');
    assert.match(fake.server.requests[1].body.messages.at(-1).content, /"answers" needs a valid answer for m1/);
  });

  it('twice unusable: a ModelCallError (the engine records the answers as missing)', async () => {
    fake.server.script = () => reply.json({ answers: { m1: 'lots' } });
    const err = await model()
      .decide(survey())
      .then(
        () => undefined,
        (e) => e,
      );
    assert.ok(err instanceof ModelCallError);
    assert.equal(err.kind, 'survey');
  });
});
