// The trace table's change text for categorical quantities (`labels:`): an action's change of
// `t14.place` from 0 to 2 reads "home → park", as the author named the values.
import type { StateDeclarations } from '../../src/core/protocol/viewMessages';
import { labelOf } from './labelCounts';

/** A changed value's label: `key` is a change's target (`world.<q>`, `<agent>.<q>`). */
export type ChangeLabel = (key: string, value: number) => string | undefined;

/** Undefined when the scenario declares no categorical quantity. */
export function changeLabels(state: StateDeclarations | undefined): ChangeLabel | undefined {
  const world = new Map((state?.world ?? []).filter((q) => q.labels?.length).map((q) => [q.name, q.labels!]));
  const agents = new Map((state?.agents ?? []).filter((q) => q.labels?.length).map((q) => [q.name, q.labels!]));
  if (!world.size && !agents.size) return undefined;
  return (key, value) => {
    const dot = key.lastIndexOf('.');
    const name = key.slice(dot + 1);
    return labelOf(value, key.slice(0, dot) === 'world' ? world.get(name) : agents.get(name));
  };
}
