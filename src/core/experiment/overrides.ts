// Experiment conditions change a scenario by dotted parameter paths (`coaching.enabled: true`),
// the same paths timed `set` events use, by the same rules (format/language/settings.ts applySet: own keys
// or optional leaves of the schema, the schema's defaults, then its checks). Applied to a copy
// before the run starts, so `world.rounds` may change too.
import type { Scenario } from '../format/language/model';
import { applySet } from '../format/language/settings';
import { applyWorldOverrides, isWorldOverride } from './worldOverrides';

export function withOverrides(scenario: Scenario, set: Record<string, unknown>): Scenario {
  const copy = structuredClone(scenario);
  const world = Object.fromEntries(Object.entries(set).filter(([path]) => isWorldOverride(path)));
  const settings = Object.fromEntries(Object.entries(set).filter(([path]) => !isWorldOverride(path)));
  const errors = [
    ...applyWorldOverrides(copy, world),
    ...applySet(copy, settings, { models: Object.keys(scenario.models), frozen: new Set(), noun: 'parameter' }),
  ];
  if (errors.length) throw new Error(errors[0]);
  return copy;
}
