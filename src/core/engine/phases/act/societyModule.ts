// The escape hatch for mechanics that outgrow expressions (issue 34): a scenario may name a
// JavaScript module (`module: ./market.mjs`) whose hooks the engine calls during the run. A module
// runs with the rights of the process that loads it, so it is loaded only to run — never to
// validate, complete or hover — and only when the host says the code may run: a trusted
// workspace in VS Code, `--allow-module` on the command line.
//
// What a module may touch is this API (ModuleWorld, phases/act/moduleHooks.ts), and nothing of the engine's own: the declared quantities
// (every write bounded like an action's), ties (as `tie` events with cause `module`), memories,
// and a random stream seeded by the run, so a run with a module is as reproducible as one
// without. Keep any state the module needs in declared quantities: checkpoints hold those, not a
// module's variables, and a resumed run calls the same hooks from there on.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stream, type Rng } from '../../../random/rng';
import type { PhaseContext } from '../context';
import type { ModuleWorld, SocietyModule } from './moduleHooks';
import { printable } from '../../../text/printable';

/** Thrown when a scenario names a module the host has not allowed to run. */
export class ModuleNotAllowed extends Error {}

/** The module file a scenario names, resolved against the scenario's own file. */
export function modulePath(scenarioFile: string | undefined, module: string): string {
  return path.resolve(scenarioFile ? path.dirname(scenarioFile) : process.cwd(), module);
}

/** Imports the module (its default export, or its named hooks) and checks its shape. */
export async function loadSocietyModule(file: string): Promise<SocietyModule> {
  const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown> & { default?: unknown };
  const hooks = (loaded.default && typeof loaded.default === 'object' ? loaded.default : loaded) as Record<
    string,
    unknown
  >;
  const out: SocietyModule = {};
  for (const name of ['afterAction', 'endRound', 'afterConversation'] as const) {
    const hook = hooks[name];
    if (hook === undefined) continue;
    if (typeof hook !== 'function') throw new Error(`${file}: '${name}' must be a function`);
    // An async hook's changes after its first `await` would land outside its call, in whatever the
    // engine does next: a run that is no longer reproducible. Refused before the run begins.
    if (/^Async/.test(hook.constructor.name)) {
      throw new Error(
        `${file}: '${name}' is async: hooks must be synchronous (the run calls them and goes on, so changes after an await would land outside the hook)`,
      );
    }
    out[name] = hook as never;
  }
  if (!out.afterAction && !out.endRound && !out.afterConversation) {
    throw new Error(
      `${file} exports no hook: export afterAction(world, action), endRound(world) and/or afterConversation(world, conversation)`,
    );
  }
  return out;
}

/** The API a hook call gets, over the run's world. */
export function moduleWorld(world: PhaseContext, hook: string): ModuleWorld {
  const state = world.state;
  const need = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`module: ${what}`);
    return x;
  };
  const worldQuantity = (q: string): string =>
    state?.worldQuantities.has(q) ? q : need<string>(undefined, `no world quantity '${q}'`);
  const agentQuantity = (q: string): string =>
    state?.agentQuantities.has(q) ? q : need<string>(undefined, `no agent quantity '${q}'`);
  const agentId = (id: string): string => (world.agents.has(id) ? id : need<string>(undefined, `no agent '${id}'`));
  let rng: Rng | undefined;
  return {
    round: world.round,
    agents: [...world.agents.values()]
      .map((a) => ({ id: a.id, name: a.persona.name, group: a.persona.group, traits: { ...a.persona.traits } }))
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    world: (q) => state!.world[worldQuantity(q)],
    setWorld: (q, x) => void state!.setWorld(worldQuantity(q), finite(x)),
    quantity: (id, q) => state!.of(agentId(id))[agentQuantity(q)],
    setQuantity: (id, q, x) => void state!.setAgent(agentId(id), agentQuantity(q), finite(x)),
    tie: (from, to) => world.ties.get(agentId(from), agentId(to)),
    moveTie: (from, to, delta) => world.moveTie(agentId(from), agentId(to), finite(delta), 'module'),
    // A file's text may hold no control character (SOC006) but a module's is never checked: its
    // memories get them as escapes, so they reach prompts, traces and terminals as harmless text.
    remember: (id, text, importance = 4) =>
      void world.remember(world.agents.get(agentId(id))!, 'observation', printable(String(text)), importance),
    random: () => (rng ??= stream(world.seed, 'module', hook, world.round)).next(),
    knows: (id, item) => state?.knowledge?.knows(agentId(id), String(item)) ?? false,
  };
}

function finite(x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`module: ${String(x)} is not a finite number`);
  return x;
}
