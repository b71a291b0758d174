// The Debug Console and the Watch view: a console line (an interview among its commands) or a
// watch expression, evaluated where the run stands. No DAP here: session.ts sends the answer.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { runConsole, type ConsoleResult } from '../core/debug/console';
import { evaluateExpression } from '../core/debug/expression';
import { stateScope } from '../core/debug/stateScope';
import type { DebugRun } from './debugRun';
import { preview } from './variables';

/** The answer to `args`; `noInterview` says why the console cannot interview now (asked only for console lines). */
export async function evaluateIn(
  run: DebugRun,
  args: DebugProtocol.EvaluateArguments,
  noInterview: () => string | undefined,
): Promise<ConsoleResult> {
  const at = run.runtime.position;
  if (args.context === 'repl') {
    return runConsole(args.expression, run.sim, at, { noInterview: noInterview(), events: () => run.events });
  }
  const value = evaluateExpression(args.expression, stateScope(run.sim, at));
  return { text: preview(value), value };
}

/** Why the console cannot interview now (`ended`: the run's trace is closed): an interview is recorded where a paused run stands. */
export function interviewRefusal(run: DebugRun, ended: boolean): string | undefined {
  if (ended) {
    return 'The simulation has ended and its trace is closed, so the interview would not be recorded: restart to ask during the run.';
  }
  if (!run.runtime.paused) {
    return 'Pause the simulation first: an interview is recorded at the step where the run is stopped.';
  }
  return undefined;
}
