// A branch's edits applied at the start of its round, after `round_start` and before anything of
// the round happens: one `intervention` event says what the researcher changed, then each change
// is made the engine's own way and leaves the event readers already fold (a memory remembered is a
// `memory` event, a tie a `tie` event with cause `edit`, quantities a `state` event). An edit that
// cannot apply stops the run with a sentence: a branch must be the world it says it is.
import { personaBrief } from '../../llm/types';
import { applySet } from '../../format';
import type { WorldEdit } from '../../trace/edits';
import { BROADCAST_IMPORTANCE } from './timed-events';
import type { World } from './world';
import { nameRecord } from '../../text/nameRecord';

export class EditError extends Error {}

/** Applies `edits` to the world at its current round; the events go out in order. */
export function applyEdits(world: World, edits: readonly WorldEdit[]): void {
  if (!edits.length) return;
  // Settings are checked and filled (a room's defaults) first, so the event records what applied.
  const recorded = edits.map((e) => (e.edit === 'setting' ? { ...e, value: appliedSetting(world, e) } : e));
  world.emit({ type: 'intervention', round: world.round, kind: 'edit', edits: recorded });
  let quantities = false;
  for (const e of recorded) {
    if (e.edit === 'quantity') quantities = true;
    applyOne(world, e);
  }
  if (quantities && world.state) world.emit(world.state.peek(world.round));
}

function applyOne(world: World, e: WorldEdit): void {
  switch (e.edit) {
    case 'remember':
      world.remember(agentOf(world, e.agent), 'observation', e.text, e.importance);
      return;
    case 'forget': {
      const a = agentOf(world, e.agent);
      const at = a.memories.indexOfId(e.memory);
      if (at < 0) throw new EditError(`${e.agent} has no memory #${e.memory} at round ${world.round}`);
      a.memories.removeAt(at);
      return;
    }
    case 'quantity':
      setQuantity(world, e);
      return;
    case 'trait':
    case 'persona': {
      const a = agentOf(world, e.agent);
      a.persona =
        e.edit === 'trait'
          ? { ...a.persona, traits: { ...a.persona.traits, [e.trait]: e.value } }
          : { ...a.persona, [e.field]: e.value };
      a.brief = personaBrief(a.persona);
      return;
    }
    case 'tie':
      setTie(world, e.from, e.to, e.strength);
      return;
    case 'setting':
      return; // applied when recorded (appliedSetting)
    case 'broadcast':
      for (const a of world.agents.values()) {
        world.remember(a, 'observation', `News for everyone: ${e.text}`, BROADCAST_IMPORTANCE);
      }
      return;
  }
}

function agentOf(world: World, id: string) {
  const a = world.agents.get(id);
  if (!a) throw new EditError(`no agent '${id}' is in the society at round ${world.round}`);
  return a;
}

function setQuantity(world: World, e: Extract<WorldEdit, { edit: 'quantity' }>): void {
  const state = world.state;
  const declared = e.agent === undefined ? state?.compiled.mechanics.world : state?.compiled.mechanics.agents;
  if (!state || !declared?.some((q) => q.name === e.quantity)) {
    throw new EditError(
      `the scenario declares no ${e.agent === undefined ? 'world' : 'agent'} quantity '${e.quantity}'`,
    );
  }
  if (e.agent === undefined) state.setWorld(e.quantity, e.value);
  else state.setAgent(agentOf(world, e.agent).id, e.quantity, e.value);
}

function setTie(world: World, from: string, to: string, strength: number): void {
  agentOf(world, from);
  agentOf(world, to);
  if (from === to) throw new EditError(`a tie needs two agents, not ${from} twice`);
  const previous = world.ties.get(from, to);
  world.ties.set(from, to, strength, world.round);
  world.emit({
    type: 'tie',
    round: world.round,
    from,
    to,
    previous,
    strength,
    exists: strength >= world.settings.ties.threshold,
    cause: 'edit',
  });
}

/** The setting's value as applied (defaults filled in); a value that does not fit stops the branch. */
function appliedSetting(world: World, e: Extract<WorldEdit, { edit: 'setting' }>): unknown {
  const applied: Record<string, unknown> = nameRecord();
  const rejected = applySet(
    world.settings,
    { [e.path]: e.value },
    { models: Object.keys(world.scenario.models), applied },
  );
  if (rejected.length) throw new EditError(rejected.join('; '));
  return Object.hasOwn(applied, e.path) ? applied[e.path] : e.value;
}
