// Tokens and cost. A call's cost is its tokens at the model's price (USD per million tokens) from
// the scenario's `price:` or a configurable price table; a model without a price costs 0 and is
// reported as unpriced. The ledger totals usage per agent, phase and model, and separates what
// the run actually spent from what cached answers would have cost.
import type { ModelConfig } from '../format/model';
import type { Usage, UsageTotals } from '../trace/events';
import type { ChatTokens } from './chat';
import type { DecisionKind } from './types';

export interface Price { input: number; output: number }
/** Prices by endpoint model name (e.g. "gpt-4o-mini") or scenario model name. */
export type PriceTable = Record<string, Price>;

export function priceOf(cfg: ModelConfig, table: PriceTable = {}): Price | undefined {
  return cfg.price ?? (cfg.model !== undefined ? table[cfg.model] : undefined) ?? table[cfg.name];
}

/** USD, rounded to 1e-9 so sums print cleanly and stay identical across runs. */
export function costUsd(tokens: ChatTokens, price: Price | undefined): number {
  if (!price) return 0;
  return Math.round((tokens.input_tokens * price.input + tokens.output_tokens * price.output) * 1e3) / 1e9;
}

export function usageOf(model: string, tokens: ChatTokens, price: Price | undefined): Usage {
  return { model, input_tokens: tokens.input_tokens, output_tokens: tokens.output_tokens, cost_usd: costUsd(tokens, price) };
}

/** The engine phase a decision belongs to (trace `Phase` names; `interview` happens outside rounds). */
export const PHASE_OF: Record<DecisionKind, string> = {
  choose_partner: 'decide', speak: 'act', evaluate: 'evaluate', advise: 'coach', reflect: 'reflect', interview: 'interview',
};

export interface LedgerTotals extends UsageTotals {
  /** Calls answered from the cache, and what they would have cost. */
  cached_calls: number;
  cached_cost_usd: number;
}

function empty(): LedgerTotals {
  return { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0, cached_calls: 0, cached_cost_usd: 0 };
}

function add(t: LedgerTotals, u: Usage, cached: boolean): void {
  t.calls++;
  t.input_tokens += u.input_tokens;
  t.output_tokens += u.output_tokens;
  if (cached) { t.cached_calls++; t.cached_cost_usd += u.cost_usd; } else t.cost_usd += u.cost_usd;
}

export class UsageLedger {
  readonly total = empty();
  readonly byAgent = new Map<string, LedgerTotals>();
  readonly byPhase = new Map<string, LedgerTotals>();
  readonly byModel = new Map<string, LedgerTotals>();

  record(agent: string, kind: DecisionKind, usage: Usage, cached = false): void {
    add(this.total, usage, cached);
    for (const [map, k] of [[this.byAgent, agent], [this.byPhase, PHASE_OF[kind]], [this.byModel, usage.model]] as const) {
      let t = map.get(k);
      if (!t) map.set(k, (t = empty()));
      add(t, usage, cached);
    }
  }

  /** A short text summary: totals, then per model and per phase (agents are in the JSON). */
  summary(): string {
    const line = (label: string, t: LedgerTotals): string =>
      `${label}: ${t.calls} call${t.calls === 1 ? '' : 's'}, ${t.input_tokens} in + ${t.output_tokens} out tokens, $${t.cost_usd.toFixed(4)}` +
      (t.cached_calls ? ` (${t.cached_calls} from cache, $${t.cached_cost_usd.toFixed(4)} saved)` : '');
    const lines = [line('model calls', this.total)];
    for (const [m, t] of [...this.byModel].sort()) lines.push(line(`  model ${m}`, t));
    for (const [p, t] of [...this.byPhase].sort()) lines.push(line(`  phase ${p}`, t));
    return lines.join('\n');
  }

  toJSON(): Record<string, unknown> {
    const obj = (m: Map<string, LedgerTotals>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { total: this.total, by_model: obj(this.byModel), by_phase: obj(this.byPhase), by_agent: obj(this.byAgent) };
  }
}
