// A run's world, made fresh from a scenario or restored from a checkpoint: the two ways a
// Simulation begins. A checkpoint must be the scenario's, and its run's model override holds.
import { modelNamed, type Scenario } from '../../format';
import type { MemoryRecord, RunSettings } from '../../trace/events';
import type { CallLog } from '../../llm/callLog';
import type { RelevanceScorer } from '../../llm/embeddings';
import { agentFromJSON, type AgentJSON } from '../society/agent';
import { compileMechanics } from '../society/compiledMechanics';
import { scenarioHash } from '../society/header';
import { TieTable } from '../society/ties';
import { UsageBook } from '../society/usageBook';
import { WorldState } from '../society/worldState';
import { PlaceBook } from '../society/places';
import { MatchBook } from '../society/matching';
import { checkpointModel, type Checkpoint } from '../persist/checkpoint';
import { offlineOnlyFactory, World, type ModelFactory } from './world';

/** What a world is built with besides the scenario. */
export interface WorldModels {
  /** Builds non-offline models (LLM providers). Defaults to offline only. */
  modelFactory?: ModelFactory;
  /** Memory relevance by model name (endpoint embeddings); undefined keeps the lexical relevance. */
  relevance?: (modelName: string) => RelevanceScorer | undefined;
  /** The provider layer's call records: recovered faults reach the trace. */
  calls?: CallLog;
}

/** Throws unless `model` (a `--model` override) names one of the scenario's models. */
export function checkModel(scenario: Scenario, model: string | undefined): void {
  if (model && !modelNamed(scenario.models, model)) {
    throw new Error(`unknown model '${model}' (scenario models: ${Object.keys(scenario.models).join(', ')})`);
  }
}

/** Throws unless the checkpoint was written by a run of `scenario` as it is now. */
export function checkScenario(scenario: Scenario, cp: Checkpoint): void {
  if (scenarioHash(scenario) !== cp.header.scenario.hash) {
    throw new Error('the scenario changed since the checkpoint was written (content hash differs)');
  }
}

/** A fresh world for `scenario` with the run's seed and settings. */
export function newWorld(scenario: Scenario, seed: number, settings: RunSettings, m: WorldModels): World {
  const world = new World(scenario, seed, settings, m.modelFactory ?? offlineOnlyFactory, m.calls, m.relevance);
  if (scenario.mechanics) world.state = presentIn(world, new WorldState(compileMechanics(scenario.mechanics)));
  if (scenario.places) world.places = new PlaceBook(scenario.places, scenario.population, seed);
  return world;
}

/** `state` ranging `agents` in expressions over the world's agents as they come and go. */
function presentIn(world: World, state: WorldState): WorldState {
  state.present = () =>
    [...world.agents.values()].map((a) => ({
      id: a.id,
      group: a.persona.group,
      // With places, '' for someone away, so `a.place` always reads.
      ...(world.places ? { place: world.places.placeOf(a.id) ?? '' } : {}),
    }));
  // `me.place` and an agent argument's `.place` in a `when`, an effect or an update.
  if (world.scenario.places) state.placeOf = (id) => world.places?.placeOf(id) ?? '';
  // Who plays with whom: drawn at each round's start (kernel/rounds.ts), from the run's seed.
  const matching = world.scenario.mechanics?.matching;
  if (matching) state.matches = new MatchBook(matching, world.seed);
  return state;
}

/**
 * The model override a restored run goes on with: the checkpoint's (`model` may only repeat it);
 * checkpoints written before it was recorded take `model` as given.
 */
export function restoredModel(cp: Checkpoint, model: string | undefined): string | undefined {
  const recorded = checkpointModel(cp);
  if (recorded === undefined) return model;
  if (model !== undefined && model !== (recorded ?? undefined)) {
    throw new Error(
      `the run ${recorded === null ? 'gave every agent its own model' : `used --model ${recorded}`}; it cannot go on with model '${model}'`,
    );
  }
  return recorded ?? undefined;
}

/** The world as the checkpoint left it; memory streams from the trace when the checkpoint keeps them there. */
export function restoredWorld(
  scenario: Scenario,
  cp: Checkpoint,
  m: WorldModels,
  memories: ReadonlyMap<string, MemoryRecord[]> | undefined,
): World {
  const world = new World(
    scenario,
    cp.header.seed,
    structuredClone(cp.settings),
    m.modelFactory ?? offlineOnlyFactory,
    m.calls,
    m.relevance,
  );
  for (const a of cp.agents) {
    world.agentIndex.of(a.persona.id);
    world.agents.set(
      a.persona.id,
      agentFromJSON(cp.memories_in_trace ? withTraceMemories(a, memories) : structuredClone(a), world),
    );
  }
  world.ties = TieTable.fromJSON(cp.ties, world.agentIndex);
  if (scenario.mechanics) {
    const compiled = compileMechanics(scenario.mechanics);
    world.state = presentIn(
      world,
      cp.world_state ? WorldState.fromJSON(compiled, cp.world_state) : new WorldState(compiled),
    );
    if (cp.world_state?.matches) world.state.matches?.restoreKept(cp.world_state.matches);
  }
  if (scenario.places) {
    world.places = new PlaceBook(scenario.places, scenario.population, cp.header.seed);
    for (const [agent, move] of Object.entries(cp.held_moves ?? {})) world.places.held.set(agent, { ...move });
  }
  world.usage = cp.usage_book
    ? UsageBook.fromJSON(cp.usage_book)
    : UsageBook.fromJSON({ total: { ...cp.usage }, by_agent: {}, by_phase: {}, by_model: {}, failed: {} });
  world.round = cp.completed;
  return world;
}

/** A checkpoint agent with its memory stream from the trace, which must hold as many memories as the checkpoint counts. */
function withTraceMemories(a: AgentJSON, memories: ReadonlyMap<string, MemoryRecord[]> | undefined): AgentJSON {
  const id = a.persona.id;
  if (!memories) {
    throw new Error("the checkpoint keeps the agents' memories in its trace: read them from it (memoriesFromTrace)");
  }
  const stream = memories.get(id) ?? [];
  const newest = stream.length ? stream[stream.length - 1].id : -1;
  if (stream.length !== a.memory_count || newest >= a.nextMemoryId) {
    throw new Error(
      `the trace holds ${stream.length} memories of agent '${id}' (the newest #${newest}) where the checkpoint counts ${a.memory_count} (the next #${a.nextMemoryId}): the trace is not the checkpoint's`,
    );
  }
  const { memory_count: _count, ...rest } = structuredClone(a);
  return { ...rest, memories: stream };
}
