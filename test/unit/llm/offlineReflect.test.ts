// The offline model's reflections (llm/offline/reflect.ts): whom the agent enjoys talking with.
import * as assert from 'node:assert/strict';
import { reflect } from '../../../src/core/llm/offline/reflect';
import type { PersonaBrief, RetrievedMemory } from '../../../src/core/llm/types';
import type { MemoryCues, MemoryKind } from '../../../src/core/trace/events';

const fay: PersonaBrief = {
  id: 'fay',
  name: 'Fay Lee',
  occupation: 'nurse',
  interests: ['jazz', 'climbing'],
  traits: { openness: 0.5, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0.5 },
  motivations: { social: 1, information: 1, presentation: 1, coordination: 1, support: 1 },
};
let nextId = 0;
const mem = (kind: MemoryKind, text: string, cues: MemoryCues): RetrievedMemory => ({
  id: nextId++,
  round: 2,
  kind,
  text,
  importance: 5,
  score: 1,
  cues,
});
const reflectOn = (recent: RetrievedMemory[]): string[] =>
  reflect({
    kind: 'reflect',
    key: 'reflect:2:fay',
    round: 2,
    setting: '',
    persona: fay,
    memories: [],
    recent,
  }).insights.map((i) => i.text);

describe('offline reflections', () => {
  it('enjoys someone it talked with, named as written, not someone it was only introduced to', () => {
    const introduced = mem('observation', 'Ben Kowalski introduced me to Tom Nguyen, who is into board games.', {
      partner: 'tom_nguyen',
      topic: 'board games',
      valence: 0.9,
    });
    const rated = mem('evaluation', 'I rated my conversation with Sofia Rossi 0.70: Sofia engaged with what I said.', {
      partner: 'sofia_rossi',
      topic: 'jazz',
      valence: 0.4,
    });
    const insights = reflectOn([introduced, rated]);
    assert.ok(
      insights.includes('I enjoy talking with Sofia Rossi about jazz; I want to keep in touch.'),
      insights.join(' | '),
    );
    assert.ok(!insights.some((t) => /Tom|tom_nguyen/.test(t)), insights.join(' | '));
  });

  it('draws no such insight from introductions alone', () => {
    const introduced = mem('observation', 'Ben Kowalski introduced me to Tom Nguyen, who is into board games.', {
      partner: 'tom_nguyen',
      topic: 'board games',
      valence: 0.9,
    });
    assert.ok(!reflectOn([introduced]).some((t) => t.startsWith('I enjoy talking with')));
  });
});
