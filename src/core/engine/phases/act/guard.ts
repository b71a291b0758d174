// How the action phases' mechanics fail: an expression that fails is an error event and the part
// of the phase it belonged to is skipped; one past its budget of steps, or a module hook that
// overran or went async, stops the run (RunFailure).
import type { ErrorEvent } from '../../../trace/events';
import type { PlannedPhase } from '../../society/roundPlan';
import { WORLD_PHASE } from '../../society/roundPlan';
import { ExpressionFailure } from '../../society/compiledMechanics';
import { RunFailure } from '../../flow/runFailure';
import { CallOverran, isThenable, timedCall } from '../../flow/timedCall';
import type { PhaseContext } from '../context';
import { lazyAgents } from '../../../format';
import type { SocietyModule } from './moduleHooks';

/** Whose step failed, and in which action phase (its declared name; `world` when none is given). */
export interface Where {
  agent?: string;
  phase?: string;
}

/**
 * Runs `work`; an expression that fails on the way becomes an error event (the part of the
 * world phase it belonged to is skipped, the run goes on). One that passed its budget of steps
 * stops the run (RunFailure). Other errors are the engine's own.
 */
export function guarded<T>(
  world: PhaseContext,
  say: (e: ErrorEvent) => void,
  { agent, phase }: Where,
  work: () => T,
): T | undefined {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    report(say, expressionError(world, { agent, phase }, err));
    return undefined;
  }
}

/** The error event of an expression that failed in the world phase (what was skipped is in `message`). */
export function expressionError(
  world: PhaseContext,
  { agent, phase }: Where,
  err: ExpressionFailure,
  message = err.message,
): ErrorEvent {
  return {
    type: 'error',
    round: world.round,
    ...(agent ? { agent } : {}),
    phase: phase ?? WORLD_PHASE,
    message,
    handling: err.fatal ? 'fatal' : 'skipped',
    reason: 'expression',
  };
}

/** Says an expression's error event; one that passed its budget of steps stops the run. */
export function report(say: (e: ErrorEvent) => void, event: ErrorEvent): void {
  say(event);
  if (event.handling === 'fatal') throw new RunFailure({ ...event, handling: 'fatal' });
}

/** `, with tonnes 0.5` for the arguments an effect failed for; nothing when there are none. */
export const argsText = (args?: Record<string, number | string>): string =>
  args && Object.keys(args).length
    ? `, with ${Object.entries(args)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`
    : '';

/**
 * Calls a hook of the scenario's module. A hook that throws is an error event (`reason: module`,
 * the rest of that hook skipped) and the run goes on, as with an expression that fails: what it
 * changed before it threw stays changed. A hook that runs past its time limit, or hands back a
 * promise (work left for after the call, outside the round it belongs to), stops the run
 * (RunFailure): its round is dropped, the checkpoint before it stands.
 */
export function callHook(
  world: PhaseContext,
  hook: string,
  { agent, phase }: Where,
  call: (m: SocietyModule) => unknown,
): void {
  const say = (message: string, fatal: boolean): ErrorEvent => {
    const event = {
      type: 'error',
      round: world.round,
      ...(agent ? { agent } : {}),
      phase: phase ?? WORLD_PHASE,
      message: `module ${hook}: ${message}`,
      handling: fatal ? 'fatal' : 'skipped',
      reason: 'module',
    } as const;
    world.emit(event);
    if (fatal) throw new RunFailure({ ...event, handling: 'fatal' });
    return event;
  };
  let result: unknown;
  try {
    result = timedCall(() => call(world.module!), world.moduleTimeLimitMs);
  } catch (err) {
    if (err instanceof CallOverran) say(err.message, true);
    say(err instanceof Error ? err.message.split('\n')[0] : String(err), false);
    return;
  }
  if (isThenable(result)) {
    // Whatever it does later is not the run's; a rejection must not end the process.
    Promise.resolve(result).catch(() => undefined);
    say("returned a promise: hooks must be synchronous (an async hook's changes would land after its call)", true);
  }
}

/** Whether a phase with a `when` runs this round; a failing condition is an error event and the phase is skipped. */
export function phaseRuns(world: PhaseContext, phase: PlannedPhase): boolean {
  if (!phase.runs) return true;
  const context = {
    world: { ...(world.state?.world ?? {}) },
    n: BigInt(world.agents.size) as unknown as number,
    round: BigInt(world.round) as unknown as number,
  };
  lazyAgents(context, () => world.state?.rows() ?? []);
  return (
    guarded(
      world,
      (e) => world.emit(e),
      { phase: phase.name },
      () => phase.runs!(context) === true,
    ) ?? false
  );
}
