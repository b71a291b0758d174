// `state:` and `actions:` of a validated scenario -> Mechanics (mechanics.ts), defaults filled in
// and each quantity and action with its source location. Undefined when the scenario has neither.
import type { Locator } from './locate';
import type { Action, ActionArg, Generations, Mechanics, Quantity } from './mechanics';
import { applyDefaults, societySchema } from './schema';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function quantities(raw: Obj | undefined, side: 'world' | 'agents', at: Locator): Quantity[] {
  return Object.entries(raw ?? {}).map(([name, q]) => ({
    name,
    ...(applyDefaults(societySchema.$defs.quantity, q) as Obj),
    source: at.location(['state', side, name]),
  })) as Quantity[];
}

function action(name: string, raw: Obj, at: Locator): Action {
  const v = applyDefaults(societySchema.$defs.action, raw) as Obj;
  const args: ActionArg[] = Object.entries((v.args ?? {}) as Obj).map(([argName, a]) => {
    const arg = { name: argName, ...(applyDefaults(societySchema.$defs.actionArg, a) as Obj) } as ActionArg;
    // A number without a ceiling ranges one unit above its floor, for every model alike.
    if (arg.type === 'number' && arg.max === undefined) arg.max = (arg.min ?? 0) + 1;
    return arg;
  });
  return {
    name,
    description: v.description,
    args,
    ...(v.when !== undefined ? { when: v.when } : {}),
    effects: Object.entries((v.effects ?? {}) as Record<string, string>).map(([target, expression]) => ({
      target,
      expression,
    })),
    ...(v.remember !== undefined ? { remember: v.remember } : {}),
    source: at.location(['actions', name]),
  };
}

export function buildMechanics(v: Obj, at: Locator): Mechanics | undefined {
  const world = quantities(v.state?.world, 'world', at);
  const agents = quantities(v.state?.agents, 'agents', at);
  const actions = Object.entries((v.actions ?? {}) as Obj).map(([name, a]) => action(name, a, at));
  const generations = v.generations
    ? (applyDefaults(societySchema.$defs.scenario.properties!.generations, v.generations) as Generations)
    : undefined;
  if (!world.length && !agents.length && !actions.length && !generations) return undefined;
  return { world, agents, actions, ...(generations ? { generations } : {}) };
}
