// What an assistant may spend: only what the user allowed (issue 87: 3). `society mcp` without
// --cost-limit once started a $568 run with the provider's own key, no one asked. Now both hosts
// hold a budget for the whole session — $1 unless the user says otherwise (`society mcp
// --cost-limit USD`, the editor's `society.assistant.costLimit` user setting) — never raised by a
// tool argument. Each run tool is given what is left as its child's --max-cost (metered before
// every call, llm/spendMeter.ts) and charged what it spent; a refusal says how to ask the user.
import { ToolRefusal, type AssistantBudget, type ToolHost } from './tool';

export type { AssistantBudget } from './tool';

/** The session's limit when the user has said nothing. */
export const ASSISTANT_COST_LIMIT_USD = 1;

export function assistantBudget(limitUsd: number, howToRaise: string): AssistantBudget {
  return { limitUsd, spentUsd: 0, howToRaise };
}

/** What the session may still spend (dollars), or undefined when the user lifted the limit. */
export function allowance(host: ToolHost): number | undefined {
  if (host.budget) return Math.max(0, host.budget.limitUsd - host.budget.spentUsd);
  return host.costLimitUsd > 0 ? host.costLimitUsd : undefined;
}

/** A refusal about money: what happened, and that only the user can change it, and how. */
export function spendingRefusal(host: ToolHost, why: string): ToolRefusal {
  const how = host.budget?.howToRaise ?? 'raise the cost limit where they started this assistant';
  return new ToolRefusal(
    `${why}. The cost limit is the user's: no tool argument raises it. Ask the user to ${how}; do not try to work around it.`,
  );
}

/** Before a run tool: refused when the session has nothing left to spend. */
export function checkAllowance(host: ToolHost): void {
  const left = allowance(host);
  if (left !== undefined && left <= 0) {
    throw spendingRefusal(
      host,
      `this session's tools have spent $${host.budget!.spentUsd.toFixed(2)} of the user's limit of $${host.budget!.limitUsd.toFixed(2)}`,
    );
  }
}

/**
 * After a run tool: what its command spent, from its JSON summary (a run's usage, an
 * experiment's spent_usd); unknown (no summary) counts as all it was allowed.
 */
export function charge(host: ToolHost, allowed: number | undefined, summary: unknown): void {
  if (!host.budget) return;
  const s = summary as {
    spent_usd?: unknown;
    usage?: { total?: { cost_usd?: unknown }; cached?: { total?: { cost_usd?: unknown } } };
  };
  const run =
    typeof s?.usage?.total?.cost_usd === 'number'
      ? s.usage.total.cost_usd -
        (typeof s.usage.cached?.total?.cost_usd === 'number' ? s.usage.cached.total.cost_usd : 0)
      : undefined;
  const spent = typeof s?.spent_usd === 'number' ? s.spent_usd : run;
  host.budget.spentUsd += spent ?? allowed ?? 0;
}
