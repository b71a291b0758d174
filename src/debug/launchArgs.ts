// Checks a launch configuration before anything is loaded: launch.json is typed by hand, and a
// wrong value (rounds: -1, seed: "x", no scenario) otherwise launches a run that is not what was
// asked for, writes a trace no reader accepts, or fails with a stack trace.
import { MIN_SEED } from '../core/random/rng';

/** The sentence saying what is wrong with the launch arguments, or undefined when they are usable. */
export function launchArgsProblem(args: Record<string, unknown>): string | undefined {
  const { scenario, rounds, seed, model, trace, root, play } = args;
  if (typeof scenario !== 'string' || !scenario.trim()) {
    return 'The launch configuration needs "scenario": the path of the .society file to debug.';
  }
  if (rounds !== undefined && !(Number.isSafeInteger(rounds) && (rounds as number) >= 1)) {
    return `"rounds" must be a whole number of rounds, 1 or more (got ${JSON.stringify(rounds)}).`;
  }
  // The same range as `society run --seed`.
  if (seed !== undefined && !(Number.isSafeInteger(seed) && (seed as number) >= MIN_SEED)) {
    return `"seed" must be a whole number (got ${JSON.stringify(seed)}).`;
  }
  if (model !== undefined && typeof model !== 'string') {
    return `"model" must be the name of one of the scenario's models (got ${JSON.stringify(model)}).`;
  }
  if (trace !== undefined && (typeof trace !== 'string' || !trace.trim())) {
    return `"trace" must be the path of the trace file to write (got ${JSON.stringify(trace)}).`;
  }
  if (root !== undefined && (typeof root !== 'string' || !root.trim())) {
    return `"root" must be the folder includes may reach (got ${JSON.stringify(root)}).`;
  }
  if (play !== undefined && (typeof play !== 'string' || !play.trim())) {
    return `"play" must be the id of the agent you play (got ${JSON.stringify(play)}).`;
  }
  return undefined;
}
