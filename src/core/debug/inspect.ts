// The state the Variables view shows, as plain data: the acting agent (persona, rewards, ties,
// the memories retrieved for its latest decision with their scores, the prompt and the reply)
// and the world (round, agents, ties, network metrics). The adapter makes it expandable.
import { computeNetworkMetrics } from '../analysis/networkMetrics';
import { graphFromTies } from '../analysis/graphFromTies';
import type { Simulation } from '../engine/simulation';
import { promptOf, type DecisionLog } from './decisionLog';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function agentState(sim: Simulation, id: string, log: DecisionLog): Record<string, unknown> {
  const w = sim.world;
  const a = sim.agent(id);
  if (!a) return { removed: id };
  const tiesOut: Record<string, number> = {};
  for (const [to, t] of w.ties.outgoing(id)) tiesOut[to] = round3(t.strength);
  const tiesIn: Record<string, number> = {};
  for (const other of w.agents.keys()) { const s = w.ties.get(other, id); if (s > 0) tiesIn[other] = round3(s); }
  const decisions = log.of(id).map((d) => ({
    kind: d.kind, round: d.round, model: `${d.model} (${d.provider})`,
    // The offline model reads the request, not a prompt: say what an LLM would have been sent.
    [d.provider === 'offline' ? 'prompt (rendered; the offline model is not sent one)' : 'prompt']: promptOf(d, w.scenario.prompts, sim.rounds),
    [d.provider === 'offline' ? 'reply (offline model, structured)' : 'reply']: d.response,
    retrieved: d.request.memories,
  }));
  const latest = log.last(id);
  return {
    id, name: a.persona.name, model: a.model,
    persona: a.brief,
    rewards: { last: a.lastRewards ?? null, window: a.window },
    ties: { out: tiesOut, in: tiesIn },
    met: Object.fromEntries(a.met), ratedBy: Object.fromEntries(a.ratedBy),
    retrieved: latest ? latest.request.memories.map((m) => ({ score: round3(m.score), id: m.id, round: m.round, kind: m.kind, importance: m.importance, text: m.text })) : [],
    memories: [...a.memories].reverse(),
    decisions,
  };
}

export function worldState(sim: Simulation): Record<string, unknown> {
  const w = sim.world;
  const threshold = w.settings.ties.threshold;
  const ties = w.ties.existing(threshold).map(([from, to, strength]) => ({ from, to, strength: round3(strength) }));
  let metrics: unknown;
  try {
    const nodes = [...w.agents.values()].map((a) => ({ id: a.id, attrs: { group: a.persona.group } }));
    metrics = computeNetworkMetrics(graphFromTies(nodes, ties.filter((t) => w.agents.has(t.from) && w.agents.has(t.to)), threshold));
  } catch (err) { metrics = { error: err instanceof Error ? err.message : String(err) }; }
  return {
    round: w.round, rounds: sim.rounds, seed: sim.seed, completed: sim.completed,
    agents: Object.fromEntries([...w.agents.values()].map((a) => [a.id, { name: a.persona.name, memories: a.memories.length, reward: a.lastRewards?.total ?? null }])),
    ties, metrics, usage: w.totalUsage,
  };
}
