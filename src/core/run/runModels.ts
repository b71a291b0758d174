// A run's models, built by the run harness (run/runHarness.ts) from the scenario with the run's own
// seed and rounds (a resumed run: its checkpoint's) and handed to the simulation together with the
// registry's memory relevance and call log. Hosts bring only what they alone know (keys, VS Code
// models, the response cache, call listeners), so none wires the registry or the seed twice.
import type { Scenario } from '../format';
import { ModelRegistry, usedModelNames, type ModelOptions } from '../llm/registry';
import type { ModelFactory } from '../engine';
import type { SimulationOptions } from '../engine';

/** What a host says about a run's models; their seed and rounds are the run's. */
export interface RunModels extends Omit<ModelOptions, 'seed' | 'rounds'> {
  /**
   * Put around the registry's factory (the debugger records every decision: DecisionLog.wrap).
   * A model that answers at once must still do so when wrapped (AgentModel.decideNow).
   */
  wrap?: (factory: ModelFactory) => ModelFactory;
  /**
   * Build every model the run uses when it opens, so a missing key throws before anything is
   * written (`society run`, the editor's Run); otherwise each is built at its first decision.
   */
  buildFirst?: boolean;
}

/** What the simulation takes from its models: always the harness's, never a host's. */
export type ModelWiring = Required<Pick<SimulationOptions, 'modelFactory' | 'relevance' | 'calls'>>;

/** The run as the simulation will have it: seed, rounds and the model every agent uses (`--model`). */
export interface RunFigures {
  seed?: number;
  rounds?: number;
  model?: string;
}

/** The registry of a run's models, and what the simulation takes from it. */
export function runModels(
  scenario: Scenario,
  run: RunFigures,
  options: RunModels = {},
): { registry: ModelRegistry; wiring: ModelWiring } {
  const { wrap, buildFirst, ...given } = options;
  const registry = new ModelRegistry(scenario, { ...given, seed: run.seed, rounds: run.rounds });
  if (buildFirst) {
    for (const name of usedModelNames(scenario, run.model)) {
      // Its embeddings client too: a missing key or embedding model file stops the run here.
      registry.memoryRelevance(name);
      registry.model(name);
    }
  }
  return {
    registry,
    wiring: {
      modelFactory: wrap ? wrap(registry.factory) : registry.factory,
      relevance: registry.memoryRelevance,
      calls: registry.calls,
    },
  };
}
