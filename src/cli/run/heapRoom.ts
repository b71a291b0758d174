// Node gives a process ≈ 4 GB of JavaScript heap whatever the machine holds, and a society needs
// ≈ 5 KB of it per agent after one round (more as memories accumulate): past ≈ 500,000 agents a
// run would die of "heap out of memory" partway through. `society run` and `society experiment`
// therefore start themselves once more with room for the population (at most three quarters of
// the machine's memory) before they begin, unless the user set the limit themselves.
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import type { Scenario } from '../../core/format';

/** How long a relaunched run has to end after SIGTERM or SIGHUP before it is killed (ms). */
export const STOP_GRACE_MS = 4000;
/** Set in the relaunched process, so it never relaunches again. */
export const RELAUNCHED = 'SOCIETY_HEAP_RELAUNCHED';
const MB = 1 << 20;
/** Heap of the program itself and its parsers, before any agent. */
const BASE_MB = 256;
/**
 * Heap per agent, with the garbage a round leaves between collections. Measured at 100,000 and
 * 200,000 agents × 1 round (bench/engineChild.ts): ≈ 5 KB live per agent after the round,
 * ≈ 9 KB at the peak of a round; each further round adds ≈ 1.5 KB of memories.
 */
const FIRST_ROUND_KB = 10;
const ROUND_KB = 1.5;

/** The agents a scenario starts with: its personas and its population groups. */
export function agentCount(s: Pick<Scenario, 'personas' | 'population'>): number {
  return s.personas.length + s.population.reduce((n, g) => n + g.count, 0);
}

/** Heap (MB) a run of `agents` × `rounds` is expected to need at its peak. */
export function heapNeededMb(agents: number, rounds: number): number {
  return Math.ceil(BASE_MB + (agents * (FIRST_ROUND_KB + ROUND_KB * Math.max(0, rounds - 1))) / 1024);
}

export interface HeapPlan {
  /** The heap limit to relaunch with (MB), or undefined to keep Node's. */
  relaunchMb?: number;
  /** The young generation's semi-space to relaunch with (MB), or undefined to keep Node's. */
  youngMb?: number;
  /** V8's heap growing factor to relaunch with (1 + this / 100), or undefined to keep V8's own. */
  growingPercent?: number;
  /** Said on stderr before the run: what was decided and why. */
  note?: string;
}

interface Machine {
  limitMb: number;
  totalMb: number;
  /** The user already chose a limit (a --max-old-space-size flag or NODE_OPTIONS). */
  chosen: boolean;
  /** The user already chose the young generation's size (--max-semi-space-size). */
  youngChosen?: boolean;
  /** The user already chose how the heap grows (--heap-growing-percent). */
  growingChosen?: boolean;
  relaunched: boolean;
}

/**
 * From this many agents a run gets a 64 MB semi-space (Node's is 16 MB). A round's changes and
 * conversations live until its stages' barriers; past a few hundred thousand agents the small
 * young generation promotes all of them, and each collection of it costs more as the old one
 * grows (18 ms a scavenge at 300,000 agents against 7 ms at 10,000). Measured at 300,000 × 1, two
 * pairs alternating: 175/187 s → 159/150 s wall, engine thread 115/127 s → 102/119 s CPU, peak RSS
 * 2.47–2.49 → 2.38–2.40 GiB; at 1,000,000 × 1 CPU 1,104 → 954 s and peak RSS 6.89 → 6.57 GiB.
 * At 100,000 it gave 7% less time for 20% more peak RSS, and at 10,000 nothing measurable, so
 * smaller worlds keep Node's default.
 */
export const LARGE_WORLD = 200_000;
const YOUNG_MB = 64;

/**
 * A large world on a machine it would crowd (its heap more than half the machine's memory, as on a
 * laptop) grows its heap by 20% over what a full collection leaves, not by V8's own factor. Past a
 * few hundred thousand agents V8 lets the heap reach ≈ 1.5× the live data before collecting: at
 * 1,000,000 × 1, 5.6 GB used over 3.5 GB live. Measured there: peak RSS 6.58 → 5.82 GiB, the
 * engine's thread 506 → 556 s of CPU (the process's 836 → 1,032 s, beside other work), 23 → 40 full
 * collections. At 300,000 × 1 it cut 11% for 37% more CPU: where memory is plentiful, speed wins.
 */
const LEAN_GROWING_PERCENT = 20;

function thisMachine(): Machine {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  return {
    limitMb: Math.floor(v8.getHeapStatistics().heap_size_limit / MB),
    totalMb: Math.floor(os.totalmem() / MB),
    chosen: /--max-old-space-size|--max_old_space_size/.test(flags),
    youngChosen: /--max-semi-space-size|--max_semi_space_size/.test(flags),
    growingChosen: /--heap-growing-percent|--heap_growing_percent/.test(flags),
    relaunched: process.env[RELAUNCHED] === '1',
  };
}

/** Whether to relaunch with a larger heap for `agents` × `rounds` (pure: tested with made-up machines). */
export function heapPlan(agents: number, rounds: number, m: Machine = thisMachine()): HeapPlan {
  const plan = oldSpacePlan(agents, rounds, m);
  if (agents >= LARGE_WORLD && !m.relaunched) {
    if (!m.youngChosen) plan.youngMb = YOUNG_MB;
    if (!m.growingChosen && heapNeededMb(agents, rounds) > m.totalMb / 2) plan.growingPercent = LEAN_GROWING_PERCENT;
  }
  return plan;
}

function oldSpacePlan(agents: number, rounds: number, m: Machine): HeapPlan {
  const need = heapNeededMb(agents, rounds);
  if (need <= m.limitMb) return {};
  const size = `${agents.toLocaleString('en')} agents × ${rounds} round${rounds === 1 ? '' : 's'} need about ${(need / 1024).toFixed(1)} GB of heap`;
  const allowed = `Node allows ${(m.limitMb / 1024).toFixed(1)} GB`;
  if (m.chosen || m.relaunched) {
    return { note: `${size}; ${allowed} (as set). The run may stop with "heap out of memory".` };
  }
  const cap = Math.floor(m.totalMb * 0.75);
  if (cap <= m.limitMb) {
    return { note: `${size}; ${allowed} and this machine has ${(m.totalMb / 1024).toFixed(1)} GB in all.` };
  }
  const relaunchMb = Math.min(cap, Math.max(need + (need >> 2), m.limitMb));
  const short =
    need > cap
      ? ` (more than three quarters of this machine's ${(m.totalMb / 1024).toFixed(1)} GB: it may not be enough)`
      : '';
  return {
    relaunchMb,
    note: `${size}; running with a ${(relaunchMb / 1024).toFixed(1)} GB heap instead of ${(m.limitMb / 1024).toFixed(1)} GB${short}.`,
  };
}

/** The Node flags of a relaunch as `plan` says (the engine bench starts its child with them too). */
export function heapArgs(plan: HeapPlan): string[] {
  return [
    ...(plan.relaunchMb ? [`--max-old-space-size=${plan.relaunchMb}`] : []),
    ...(plan.youngMb ? [`--max-semi-space-size=${plan.youngMb}`] : []),
    ...(plan.growingPercent ? [`--heap-growing-percent=${plan.growingPercent}`] : []),
  ];
}

/** Whether `plan` asks for a relaunch. */
export function relaunches(plan: HeapPlan): boolean {
  return heapArgs(plan).length > 0;
}

/**
 * Run this same command again in a child with `mb` of heap (heapArgs), and end as it ends.
 * SIGINT, SIGTERM and SIGHUP sent to this process are passed on (after SIGTERM or SIGHUP the child
 * has STOP_GRACE_MS to end, then it is killed). A Ctrl-C in a terminal reaches
 * the child twice then (from the terminal and from here, within milliseconds): the run counts it
 * as one press (interruptPresses.ts), as it does for `timeout` and other wrappers.
 */
export function relaunchWithHeap(plan: HeapPlan): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...heapArgs(plan), ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, [RELAUNCHED]: '1' },
    });
    let last: NodeJS.Timeout | undefined;
    const pass = (signal: NodeJS.Signals) => (): void => {
      child.kill(signal);
      // SIGTERM and SIGHUP stop at once: a child that has not ended in a few seconds is held by
      // something no signal reaches, and is killed. Its checkpoint is the last round's, whole.
      if (signal !== 'SIGINT' && !last) last = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
    };
    const handlers: [NodeJS.Signals, () => void][] = [
      ['SIGINT', pass('SIGINT')],
      ['SIGTERM', pass('SIGTERM')],
      ['SIGHUP', pass('SIGHUP')],
    ];
    for (const [s, h] of handlers) process.on(s, h);
    const done = (): void => {
      clearTimeout(last);
      for (const [s, h] of handlers) process.off(s, h);
    };
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      done();
      // A child ended by a signal: 128 + its number, as a shell reports it.
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}
