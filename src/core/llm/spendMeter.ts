// The one meter of spending (issue 87: 2). Every model call that can cost money asks it first
// (limits/resilientClient.ts): the limit is for the whole command — a run, every run of an
// experiment, a validation, a calibration, a study, an assistant's tool — and a call starts only
// while what was spent plus what the calls in flight may spend is under it. Before, `run` alone
// was metered, after its rounds; `experiment --max-cost 10` spent $384 against an endpoint
// reporting 20k tokens a call. The counts live in a SharedArrayBuffer, so the worker threads of
// an experiment meter against the same total (attach() in the worker, from `port`).
import { costUsd } from './usage';
import type { ChatTokens } from './chat';
import type { Price } from './price';

/** A call refused before it was made: the command's spending has reached its limit. Fatal to a run. */
export class SpendLimitReached extends Error {
  override readonly name = 'SpendLimitReached';
  constructor(
    readonly limitUsd: number,
    readonly spentUsd: number,
  ) {
    super(
      `the cost limit of $${limitUsd.toFixed(2)} is reached: the model calls so far cost $${spentUsd.toFixed(2)} (the tokens the endpoint reported, at the model's price), with the calls under way; no further call is made`,
    );
  }
}

/** What a worker thread needs to meter against the same total (posted with its task). */
export interface SpendMeterPort {
  buffer: SharedArrayBuffer;
  limitUsd: number;
}

/** Dollars are kept as integer picodollars: sums of tiny prices stay exact, $9M fits. */
const PICO = 1e12;
const [LOCK, SPENT, RESERVED, LARGEST, CALLS, REFUSED, INFLIGHT, CUT_OFF] = [0, 0, 1, 2, 3, 4, 5, 6];
const SLOTS = 7;

/** One call under way: `end` books what it cost (its reserve given back). */
export interface MeteredCall {
  /**
   * `cutOff`: the call was aborted by a stop while under way. The endpoint may bill it, but reported
   * nothing: it is counted apart, so the stop says so instead of leaving it out.
   */
  end(tokens: ChatTokens | undefined, price: Price | undefined, cutOff?: boolean): void;
}

export class SpendMeter {
  private readonly lock: Int32Array;
  private readonly n: BigInt64Array;

  private constructor(readonly port: SpendMeterPort) {
    this.lock = new Int32Array(port.buffer, 0, 2);
    this.n = new BigInt64Array(port.buffer, 8, SLOTS);
  }

  /** A meter for a command with a limit in dollars. */
  static create(limitUsd: number): SpendMeter {
    return new SpendMeter({ buffer: new SharedArrayBuffer(8 + 8 * SLOTS), limitUsd });
  }

  /** The same meter in another thread. */
  static attach(port: SpendMeterPort): SpendMeter {
    return new SpendMeter(port);
  }

  get limitUsd(): number {
    return this.port.limitUsd;
  }

  /** What the finished calls cost. */
  get spentUsd(): number {
    return Number(Atomics.load(this.n, SPENT)) / PICO;
  }

  /** Calls metered (finished). */
  get calls(): number {
    return Number(Atomics.load(this.n, CALLS));
  }

  /** Spent has reached the limit, or a call was refused: a run stops at its round's end, no call starts. */
  get reached(): boolean {
    return Atomics.load(this.n, REFUSED) > 0n || Atomics.load(this.n, SPENT) >= this.limitPico();
  }

  private limitPico(): bigint {
    return BigInt(Math.round(this.port.limitUsd * PICO));
  }

  private locked<T>(f: () => T): T {
    while (Atomics.compareExchange(this.lock, LOCK, 0, 1) !== 0) Atomics.wait(this.lock, LOCK, 1, 1);
    try {
      return f();
    } finally {
      Atomics.store(this.lock, LOCK, 0);
      Atomics.notify(this.lock, LOCK, 1);
    }
  }

  /**
   * Before a call: refused (SpendLimitReached) when spent plus the calls in flight reach the limit.
   * Each call in flight holds the largest cost a call has had so far, so the limit is passed by at
   * most one call per thread making calls one at a time (before any call has ended, by the first
   * calls in flight).
   */
  begin(): MeteredCall {
    const call = this.tryBegin();
    if (call === 'wait') throw new Error('SpendMeter.begin: a call is in flight before any cost is known; use admit()');
    return call;
  }

  /**
   * Before a call, waiting where needed: until some call has ended no cost is known to reserve, so
   * the first calls go one at a time (else a wave of them in flight, each of unknown cost, could
   * pass the limit by as many calls: issue 87's bound is one call).
   */
  async admit(signal?: AbortSignal): Promise<MeteredCall> {
    for (;;) {
      const call = this.tryBegin();
      if (call !== 'wait') return call;
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private tryBegin(): MeteredCall | 'wait' {
    const reserve = this.locked(() => {
      const n = this.n;
      const r = n[LARGEST];
      if (n[SPENT] + n[RESERVED] >= this.limitPico()) {
        n[REFUSED] = 1n;
        return undefined;
      }
      // No call has ended, so none has a cost to reserve: one call at a time until one has.
      if (n[CALLS] === 0n && n[INFLIGHT] > 0n) return 'wait' as const;
      n[RESERVED] += r;
      n[INFLIGHT] += 1n;
      return r;
    });
    if (reserve === 'wait') return 'wait';
    if (reserve === undefined) throw new SpendLimitReached(this.port.limitUsd, this.spentUsd);
    let ended = false;
    return {
      end: (tokens, price, cutOff) => {
        if (ended) return;
        ended = true;
        const cost = BigInt(Math.round((tokens ? costUsd(tokens, price) : 0) * PICO));
        this.locked(() => {
          const n = this.n;
          n[RESERVED] -= reserve;
          n[INFLIGHT] -= 1n;
          n[SPENT] += cost;
          if (cutOff && !tokens) n[CUT_OFF] += 1n;
          else n[CALLS] += 1n;
          if (cost > n[LARGEST]) n[LARGEST] = cost;
        });
      },
    };
  }

  /**
   * Calls a stop cut off while under way: the endpoint may bill them, though it reported nothing.
   * Those aborted in this process ended as cut off; those still in flight never ended (a worker
   * thread ended with its call under way): read after the command stopped, both are counted.
   */
  get cutOff(): number {
    return Number(Atomics.load(this.n, CUT_OFF) + Atomics.load(this.n, INFLIGHT));
  }

  /** The most one call has cost so far. */
  get largestUsd(): number {
    return Number(Atomics.load(this.n, LARGEST)) / PICO;
  }

  /** Why the command stopped, for the person who set the limit. */
  reason(): string {
    return `its model calls cost $${this.spentUsd.toFixed(2)} (the tokens the endpoint reported, at the model's price), reaching the cost limit of $${this.limitUsd.toFixed(2)}`;
  }

  /**
   * The calls a stop cut off, said at the end of a stopped command's message (after a `; `), so
   * they are not left out of what was spent; empty when there were none.
   */
  cutOffNote(): string {
    const cut = this.cutOff;
    if (!cut) return '';
    return `; ${cut} call${cut === 1 ? ' was' : 's were'} cut off under way by the stop and may be billed too (at most about $${this.largestUsd.toFixed(2)} each, the costliest call so far)`;
  }
}
