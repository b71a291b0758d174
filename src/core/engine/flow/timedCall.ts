// A module's hook runs in the engine's thread (in VS Code, the extension host's): a hook that
// never returns would hold the run, and every signal and command, for ever. A call made from a
// `node:vm` script with a `timeout` is stopped by V8 when the time is up, whichever realm the code
// it calls belongs to, a loop included (a hook cannot catch it). Each call costs ≈ 0.3 ms more
// for the watchdog thread Node starts for it, measured: a module's calls are few per agent.
import * as vm from 'node:vm';

/** Longest one hook call may run unless the host says otherwise (`--module-time-limit`). */
export const HOOK_TIME_LIMIT_MS = 2000;

/** A call stopped at its time limit. */
export class CallOverran extends Error {
  constructor(readonly limitMs: number) {
    super(`ran longer than ${limitMs / 1000} s (its time limit): stopped`);
  }
}

const holder = vm.createContext({ call: undefined as (() => unknown) | undefined });
const script = new vm.Script('call()', { filename: 'society-module-hook' });

/** `f()`, stopped with CallOverran once it has run `limitMs`. */
export function timedCall<T>(f: () => T, limitMs: number): T {
  const outer = holder.call as (() => unknown) | undefined;
  holder.call = f;
  try {
    return script.runInContext(holder, { timeout: limitMs }) as T;
  } catch (err) {
    if ((err as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new CallOverran(limitMs);
    throw err;
  } finally {
    holder.call = outer;
  }
}

/** Whether a value is a promise (or any thenable): what an `async` function gives. */
export const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  (typeof x === 'object' || typeof x === 'function') &&
  x !== null &&
  typeof (x as PromiseLike<unknown>).then === 'function';
