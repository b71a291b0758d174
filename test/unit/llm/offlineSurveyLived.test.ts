// Issue 57: offline survey answers to an attitude item (one that measures no trait) move with what
// the agent lived through — the valence of the memories the item's words recall, and how it fares
// against the others — so an instrument given before and after a run can measure change. Trait
// items keep to the trait (moved only by mood, as before).
import * as assert from 'node:assert/strict';
import { answerSurvey, attitude, expectedPosition, recalledValence } from '../../../src/core/llm/offline/survey';
import { stream } from '../../../src/core/random/rng';
import type { SurveyQuestion, SurveyRequest } from '../../../src/core/llm/types';
import { brief } from '../../support/briefs';

const trust: SurveyQuestion = {
  id: 'trust',
  text: 'How much do you trust the other players?',
  response: { type: 'likert', points: 7 },
};
const trait: SurveyQuestion = { ...trust, id: 'a1', text: 'I sympathize with others', trait: 'agreeableness' };

function request(lived?: SurveyRequest['lived'], mood?: number): SurveyRequest {
  return {
    kind: 'survey',
    key: 's',
    round: 3,
    setting: '',
    memories: [],
    persona: brief({ agreeableness: 0.6, neuroticism: 0.5 }),
    instrument: 'i',
    title: 'I',
    items: [trust, trait],
    ...(lived ? { lived } : {}),
    ...(mood !== undefined ? { mood } : {}),
  };
}

const meanAnswer = (req: SurveyRequest) =>
  Array.from({ length: 300 }, (_, i) => Number(answerSurvey(req, stream(1, 's', i)).answers.trust)).reduce(
    (s, x) => s + x,
    0,
  ) / 300;

describe('offline survey: attitudes move with what the agent lived through (issue 57)', () => {
  it('an agent that fared worse than the others trusts them less, one that fared better more', () => {
    const behind = meanAnswer(request({ memories: [], fortune: -1 })),
      level = meanAnswer(request({ memories: [], fortune: 0 })),
      ahead = meanAnswer(request({ memories: [], fortune: 1 }));
    assert.ok(behind < level - 0.5 && level < ahead - 0.5, `behind ${behind}, level ${level}, ahead ${ahead}`);
  });

  it('memories the item recalls move it by their valence; memories it does not recall do not', () => {
    const betrayed = { text: 'The other players kept everything and I trusted them for nothing', valence: -1 };
    const unrelated = { text: 'A sunny morning at the harbour', valence: 1 };
    assert.equal(recalledValence(trust.text, [betrayed, unrelated]), -1);
    assert.equal(recalledValence(trust.text, [unrelated]), undefined);
    assert.ok(attitude(request({ memories: [betrayed, unrelated] }), trust) < 0.5);
    // Nothing recalled: the mood stands in; nothing at all: the middle.
    assert.ok(attitude(request({ memories: [unrelated] }, 1), trust) > 0.5);
    assert.equal(attitude(request(), trust), 0.5);
  });

  it('a trait item keeps to its trait, whatever the agent fared', () => {
    assert.equal(expectedPosition(request({ memories: [], fortune: -1 }), trait), 0.6);
    assert.equal(expectedPosition(request({ memories: [], fortune: 1 }), trait), 0.6);
  });
});
