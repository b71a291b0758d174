// Experiment conditions change a scenario by dotted parameter paths (`coaching.enabled: true`),
// the same paths timed `set` events use, by the same rules (format/schema/settings.ts applySet: own keys
// or optional leaves of the schema, the schema's defaults, then its checks). Applied to a copy
// before the run starts, so `world.rounds` may change too; so are a feed's, a phase's and an
// action's fields (structureOverrides.ts).
import { type Scenario, applySet } from '../format';
import { applyWorldOverrides, isWorldOverride } from './worldOverrides';
import { applyStructureOverrides, isStructurePath } from './structureOverrides';

export function withOverrides(scenario: Scenario, set: Record<string, unknown>): Scenario {
  const copy = structuredClone(scenario);
  const world = Object.fromEntries(Object.entries(set).filter(([path]) => isWorldOverride(path)));
  const rules = Object.fromEntries(Object.entries(set).filter(([path]) => isStructurePath(path)));
  const settings = Object.fromEntries(
    Object.entries(set).filter(([path]) => !isWorldOverride(path) && !isStructurePath(path)),
  );
  const errors = [
    ...applyWorldOverrides(copy, world),
    // After the quantities: an expression a condition sets is checked against the state it declares.
    ...applyStructureOverrides(copy, rules),
    ...applySet(copy, settings, { models: Object.keys(scenario.models), frozen: new Set(), noun: 'parameter' }),
  ];
  if (errors.length) throw new Error(errors[0]);
  return copy;
}
