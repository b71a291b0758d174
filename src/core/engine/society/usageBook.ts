// Token and cost totals of a run, per agent, per phase and per model. Plain JSON so a checkpoint
// carries it and a resumed run reports the whole run. Sums are added in canonical (commit) order,
// so floating-point totals are identical however calls interleaved.
// Decisions answered from the response cache are in the totals (the trace's usage is the same in
// a live run and its replay) and are also counted apart, so the summary can say what was spent now.
import { StreamedRecord } from '../../trace/jsonPieces';
import { isCached } from '../../llm/usage';
import type { Decider, Phase, Usage, UsageTotals } from '../../trace/events';
import { counted } from '../../text/counted';

/** A usage book on its way to a checkpoint file (UsageBook.toDraft): its per-agent record streamed. */
export type UsageBookDraft = Omit<UsageBookJSON, 'by_agent'> & {
  by_agent: Record<string, UsageTotals> | StreamedRecord<UsageTotals>;
};

export interface UsageBookJSON {
  total: UsageTotals;
  by_agent: Record<string, UsageTotals>;
  by_phase: Partial<Record<Phase, UsageTotals>>;
  by_model: Record<string, UsageTotals>;
  /** Decisions that failed (and were skipped or answered offline), by model. */
  failed: Record<string, number>;
  /**
   * Decisions asked a second time after an unusable answer, by model: each one more model call
   * than `calls` (which counts decisions). Absent when none was (and in books from before it).
   */
  reasked?: Record<string, number>;
  /** The part of the totals answered from the response cache (cost: what it saved), when any was. */
  cached?: { total: UsageTotals; by_model: Record<string, UsageTotals>; by_phase: Partial<Record<Phase, UsageTotals>> };
}

export function emptyTotals(): UsageTotals {
  return { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 };
}

export function addUsage(t: UsageTotals, u: Usage, calls = 1): void {
  t.calls += calls;
  t.input_tokens += u.input_tokens;
  t.output_tokens += u.output_tokens;
  t.cost_usd += u.cost_usd;
  if (u.cached_input_tokens) t.cached_input_tokens = (t.cached_input_tokens ?? 0) + u.cached_input_tokens;
}

export class UsageBook {
  total = emptyTotals();
  byAgent = new Map<string, UsageTotals>();
  byPhase = new Map<Phase, UsageTotals>();
  byModel = new Map<string, UsageTotals>();
  failed = new Map<string, number>();
  reasked = new Map<string, number>();
  cached = emptyTotals();
  cachedByModel = new Map<string, UsageTotals>();
  cachedByPhase = new Map<Phase, UsageTotals>();

  /** Books `u`, the usage of `calls` calls. */
  record(agent: string, phase: Phase, u: Usage, calls = 1): void {
    addUsage(this.total, u, calls);
    addUsage(slot(this.byAgent, agent), u, calls);
    addUsage(slot(this.byPhase, phase), u, calls);
    addUsage(slot(this.byModel, u.model), u, calls);
    if (!isCached(u)) return;
    addUsage(this.cached, u, calls);
    addUsage(slot(this.cachedByModel, u.model), u, calls);
    addUsage(slot(this.cachedByPhase, phase), u, calls);
  }

  fail(model: string): void {
    this.failed.set(model, (this.failed.get(model) ?? 0) + 1);
  }

  reask(model: string): void {
    this.reasked.set(model, (this.reasked.get(model) ?? 0) + 1);
  }

  /** Re-asks of every model: model calls made = decisions (`total.calls`) + re-asks. */
  get reasks(): number {
    let n = 0;
    for (const v of this.reasked.values()) n += v;
    return n;
  }

  toJSON(): UsageBookJSON {
    return this.form(sorted(this.byAgent));
  }

  /**
   * The same for a checkpoint file: the per-agent totals are written one agent at a time as the
   * file is (at a million agents, the record made whole was most of the final checkpoint's peak).
   */
  toDraft(): UsageBookDraft {
    const byAgent = this.byAgent;
    let keys: string[] | undefined;
    return this.form(
      new StreamedRecord(function* () {
        keys ??= [...byAgent.keys()].sort(byKey);
        for (const k of keys) yield [k, byAgent.get(k)!] as const;
      }),
    );
  }

  private form<A extends UsageBookDraft['by_agent']>(byAgent: A): Omit<UsageBookJSON, 'by_agent'> & { by_agent: A } {
    return {
      total: { ...this.total },
      by_agent: byAgent,
      by_phase: sorted(this.byPhase),
      by_model: sorted(this.byModel),
      failed: Object.fromEntries([...this.failed].sort(([a], [b]) => byKey(a, b))),
      ...(this.reasked.size ? { reasked: Object.fromEntries([...this.reasked].sort(([a], [b]) => byKey(a, b))) } : {}),
      ...(this.cached.calls
        ? {
            cached: {
              total: { ...this.cached },
              by_model: sorted(this.cachedByModel),
              by_phase: sorted(this.cachedByPhase),
            },
          }
        : {}),
    };
  }

  static fromJSON(j: UsageBookJSON): UsageBook {
    const b = new UsageBook();
    b.total = { ...j.total };
    for (const [k, v] of Object.entries(j.by_agent)) b.byAgent.set(k, { ...v });
    for (const [k, v] of Object.entries(j.by_phase)) b.byPhase.set(k as Phase, { ...v! });
    for (const [k, v] of Object.entries(j.by_model)) b.byModel.set(k, { ...v });
    for (const [k, v] of Object.entries(j.failed)) b.failed.set(k, v);
    for (const [k, v] of Object.entries(j.reasked ?? {})) b.reasked.set(k, v);
    if (j.cached) {
      b.cached = { ...j.cached.total };
      for (const [k, v] of Object.entries(j.cached.by_model)) b.cachedByModel.set(k, { ...v });
      for (const [k, v] of Object.entries(j.cached.by_phase)) b.cachedByPhase.set(k as Phase, { ...v! });
    }
    return b;
  }

  /**
   * A few lines for the CLI: totals, then per model and per phase. The cost is what was spent
   * now; answers from the cache are counted apart with what they saved. `unpriced`: model configs
   * without a price (their cost is unknown, not zero).
   */
  /** Whether anything was spent or failed (what makes the usage worth printing). */
  get spent(): boolean {
    return this.total.input_tokens + this.total.output_tokens > 0 || this.failed.size > 0;
  }

  format(unpriced: ReadonlySet<string> = new Set()): string {
    // With re-asks, a decision is not one call: the first line counts calls and says how many
    // decisions they were; the lines per model and phase count decisions.
    const reasks = this.reasks;
    const unit = reasks ? 'decision' : 'call';
    const line = (
      label: string,
      t: UsageTotals,
      c: UsageTotals | undefined,
      noPrice = false,
      count = counted(t.calls, unit),
    ): string => {
      const spent = Math.max(0, t.cost_usd - (c?.cost_usd ?? 0));
      const fromCache = c?.calls ? ` (${c.calls} from cache${noPrice ? '' : `, $${c.cost_usd.toFixed(4)} saved`})` : '';
      return `  ${label}: ${count}, ${t.input_tokens} in${t.cached_input_tokens ? ` (${t.cached_input_tokens} cached)` : ''} + ${t.output_tokens} out tokens, ${noPrice ? 'unpriced' : `$${spent.toFixed(4)}`}${fromCache}`;
    };
    // A model without `price:` costs 0 in the totals: said, so $0 is not read as free.
    const unpricedUsed = [...this.byModel.keys()].filter((m) => unpriced.has(m)).sort();
    const calls = reasks
      ? `${counted(this.total.calls + reasks, 'call')} (${counted(this.total.calls, 'decision')}, ${reasks} re-asked)`
      : counted(this.total.calls, 'call');
    const out = [
      line('model calls', this.total, this.cached, false, calls) +
        (unpricedUsed.length ? ` (not counting ${unpricedUsed.join(', ')}: no price)` : ''),
    ];
    for (const [m, t] of [...this.byModel].sort()) {
      const failed = this.failed.get(m),
        reasked = this.reasked.get(m);
      out.push(
        line(`  model ${m}`, t, this.cachedByModel.get(m), unpriced.has(m)) +
          (failed ? `, ${failed} failed` : '') +
          (reasked ? `, ${reasked} re-asked` : ''),
      );
    }
    for (const [p, t] of [...this.byPhase].sort()) out.push(line(`  phase ${p}`, t, this.cachedByPhase.get(p)));
    return out.join('\n');
  }
}

function slot<K>(m: Map<K, UsageTotals>, k: K): UsageTotals {
  let t = m.get(k);
  if (!t) m.set(k, (t = emptyTotals()));
  return t;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sorted<K extends string>(m: Map<K, UsageTotals>): Record<K, UsageTotals> {
  return Object.fromEntries([...m].sort(([a], [b]) => byKey(a, b)).map(([k, v]) => [k, { ...v }])) as Record<
    K,
    UsageTotals
  >;
}

/** The usage to attach to an event: omitted when nothing was spent (offline model) or no call was made (random pairing). */
export function usageField(u: Usage | undefined): { usage?: Usage } {
  if (u?.by) return usageField(withoutDecider(u));
  return u && (u.input_tokens || u.output_tokens || u.cost_usd || u.cached) ? { usage: u } : {};
}

/** Who decided, for the event (a played agent's decisions: Usage.by), after its usage. */
export function decidedBy(u: Usage | undefined): { by?: Decider } {
  return u?.by ? { by: u.by } : NOBODY;
}
const NOBODY: { by?: Decider } = Object.freeze({});

function withoutDecider(u: Usage): Usage {
  const { by: _by, ...rest } = u;
  return rest;
}
