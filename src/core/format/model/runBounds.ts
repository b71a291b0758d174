// Bounds on a run as a whole, not per part (issue 87: 7). The population's cap was per group: 50
// groups of 1,000,000 agents passed `check`, and `run` then spent 60 s and 1.1 GB writing nothing;
// 1M agents × 100k rounds were accepted by the MCP run tool. The total across groups and personas,
// and agents × rounds, are held here, and the error says both numbers and the bound.

/** Agents in one run, every group and persona together. */
export const MAX_AGENTS = 1_000_000;
/** Agents × rounds in one run: a million agents for a thousand rounds. */
export const MAX_AGENT_ROUNDS = 1_000_000_000;

/** Why a run of `agents` agents for `rounds` rounds is too large, or undefined when it is not. */
export function runTooLarge(agents: number, rounds: number): string | undefined {
  const n = (x: number): string => x.toLocaleString('en-US');
  if (agents > MAX_AGENTS) {
    return `the run would have ${n(agents)} agents across its groups and personas, above the ${n(MAX_AGENTS)} a run holds (the cap is on the total, not per group)`;
  }
  if (agents * rounds > MAX_AGENT_ROUNDS) {
    return `the run would take ${n(agents)} agents through ${n(rounds)} rounds, ${n(agents * rounds)} agent-rounds, above the ${n(MAX_AGENT_ROUNDS)} a run may take: fewer rounds or agents`;
  }
  return undefined;
}

/** The agents a scenario starts with: its personas and every population group's count. */
export function scenarioAgents(s: { personas: readonly unknown[]; population: readonly { count: number }[] }): number {
  return s.personas.length + s.population.reduce((sum, g) => sum + (g.count > 0 ? g.count : 0), 0);
}
