// The phases a round runs, in order (issue 34). A scenario may declare them (`round:`); without it
// the round is the friend-making loop's three built-in stages — meet, evaluate, learn — then, for
// a scenario with actions, one phase offering every action (named `world`, as before). The
// default is what the engine always ran, so a scenario that writes its round out as the default
// runs byte for byte the same trace (test/unit/engine/roundPlan.test.ts).
import { expressionEnvironment } from '../../format';
import { BUILTIN_PHASES, type Mechanics, type RoundPhase } from '../../format';
import type { Scenario } from '../../format';
import { compileCondition, type Condition } from './compiledMechanics';

/** The name of the default action phase (and of the debugger's phase for every action phase). */
export const WORLD_PHASE = 'world';

export type PlannedPhase = RoundPhase & {
  /** The phase's `when`, compiled (world quantities, `n`, `round`). */
  runs?: Condition;
};

const NO_MECHANICS: Mechanics = { world: [], agents: [], actions: [] };

export function defaultRound(m: Mechanics | undefined): RoundPhase[] {
  const phases: RoundPhase[] = BUILTIN_PHASES.map((name) => ({ kind: 'builtin', name }));
  if (m?.actions.length) {
    phases.push({ kind: 'act', name: WORLD_PHASE, actions: m.actions.map((a) => a.name), order: 'simultaneous' });
  }
  return phases;
}

/** The phases of every round of `scenario`, each `when` compiled. */
export function roundPlan(scenario: Scenario): PlannedPhase[] {
  const m = scenario.mechanics ?? NO_MECHANICS;
  const env = expressionEnvironment(m, { kind: 'world' });
  return (scenario.round ?? defaultRound(scenario.mechanics)).map((p, i): PlannedPhase => {
    if (p.when === undefined) return p;
    return { ...p, runs: compileCondition(env, p.when, `round[${i}].when`) };
  });
}
