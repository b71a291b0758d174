// An act request as the engine hands it to a model, for tests of the offline model's rules: one
// builder, so a field the request gains is added once. Its actions are those its options name.
import type { ActOption, ActRequest } from '../../src/core/llm/types';
import { brief } from './briefs';

/** A request of round 1 with `options`; `extra` sets or replaces any field (`n` defaults to the others + 1). */
export function actRequest(options: ActOption[], extra: Partial<ActRequest> = {}): ActRequest {
  const others = extra.others ?? [];
  return {
    kind: 'act',
    key: 'k',
    round: 1,
    setting: '',
    memories: [],
    persona: brief(),
    world: [],
    own: [],
    others,
    actions: [...new Set(options.map((o) => o.action))].map((name) => ({
      name,
      description: '',
      args: [],
      effects: [],
    })),
    n: others.length + 1,
    options,
    ...extra,
  };
}
