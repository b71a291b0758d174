// What model calls cost: one call's usage, who decided it, and a run's totals.

/** Token and cost accounting of one model call; omitted from events when all zero (offline model). */
export interface Usage {
  model: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  cached?: boolean;
  /**
   * Who decided, when a person plays the agent (llm/human/): carried with the usage from the
   * decision to its event, where it is written as the event's `by`, never inside `usage`.
   */
  by?: Decider;
  /** Of `input_tokens`, those the endpoint's prompt cache served (only when it reported any). */
  cached_input_tokens?: number;
}

/**
 * Who made a decision of an agent a person plays (`society run --play`, "Play an Agent…"):
 * 'human' the person; 'timeout:model' / 'timeout:offline' the agent's own model or the offline
 * model, because the person did not answer in time. Absent: the agent's model, as always.
 */
export type Decider = 'human' | 'timeout:model' | 'timeout:offline';

export interface UsageTotals {
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  /** Of `input_tokens`, those served from a prompt cache (only when any were). */
  cached_input_tokens?: number;
}
