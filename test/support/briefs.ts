// The persona brief a model request carries, for tests of the offline model's rules: every trait
// and motivation at ½ (neuroticism 0: the least noise) unless a test says otherwise.
import type { ActRequest } from '../../src/core/llm/types';

type Brief = ActRequest['persona'];

export function brief(traits: Partial<Brief['traits']> = {}): Brief {
  return {
    id: 'me',
    name: 'Me',
    interests: [],
    traits: { openness: 0.5, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0, ...traits },
    motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
  };
}
