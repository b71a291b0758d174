// Traces for the view's tests and benchmark: a real offline run whose personas carry hostile
// strings, and synthetic traces of any size (thousands of agents, 100,000 trace rows).
import { Simulation } from '../../src/core/engine/kernel/simulation';
import { buildHeader } from '../../src/core/engine/society/header';
import type { AgentAddedEvent, TraceEvent, TraceHeader } from '../../src/core/trace/events';
import type { EmbeddedTrace } from '../../src/core/protocol/embeddedTrace';
import { replay } from '../../src/core/replay/replay';
import { makePersona, makeScenario } from '../unit/engine/scenarioFixture';
import path from 'node:path';
import { loadScenarioFile } from '../../src/core/format/project/load';
import type { Scenario } from '../../src/core/format/model/model';
import { societyDesign, stateDeclarations } from '../../src/core/protocol/viewMessages';

/** Strings that would run script if any panel wrote them as markup. */
export const HOSTILE = {
  name: '<img src=x onerror="window.__pwned=\'name\'">',
  close: "</script><script>window.__pwned='close'</script>",
  interest: '<svg onload="window.__pwned=\'interest\'"></svg>',
  bio: '<b onmouseover="window.__pwned=\'bio\'">bold</b> & "quotes"',
};

/** A coached offline run of `n` agents over `rounds` rounds; p0, p1 have hostile names. */
export async function hostileRun(n = 14, rounds = 6): Promise<EmbeddedTrace> {
  const base = makeScenario(1);
  const scenario = makeScenario(n, {
    world: { ...base.world, rounds },
    coaching: { enabled: true, every: 1 },
    ties: { ...base.ties, threshold: 0.45 },
  });
  scenario.name = `Hostile ${HOSTILE.close}`;
  scenario.personas[0].name = HOSTILE.name;
  scenario.personas[1].name = HOSTILE.close;
  scenario.personas[2].interests = [HOSTILE.interest, ...scenario.personas[2].interests.slice(1)];
  scenario.personas[3].bio = HOSTILE.bio;
  const sim = Simulation.create(scenario);
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(structuredClone(e)));
  await sim.run();
  return { source: { kind: 'file', label: 'hostile.jsonl' }, header: sim.header, events };
}

/** Ties at or above the threshold between active agents at the end of `round` (what the view must draw). */
export function expectedTies(trace: EmbeddedTrace, round = Infinity): number {
  const s = replay(trace.header, trace.events, round);
  let n = 0;
  for (const [from, to, strength] of s.ties.entries()) {
    if (
      from !== to &&
      strength >= s.settings.ties.threshold &&
      s.agents.get(from)?.active &&
      s.agents.get(to)?.active
    ) {
      n++;
    }
  }
  return n;
}

export function rowCount(trace: EmbeddedTrace): number {
  return trace.events.filter((e) => e.type === 'message' || e.type === 'evaluation' || e.type === 'advice').length;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  agents: number;
  ties: number;
  rounds?: number;
  messages?: number;
  seed?: number;
}

/**
 * A trace with `agents` agents and `ties` directed ties above the threshold by the last round
 * (community-like: most ties inside one of √n groups, a third reciprocated), plus `messages` rows.
 */
export function syntheticTrace(o: SyntheticOptions): EmbeddedTrace {
  const rounds = o.rounds ?? 4;
  const rnd = random(o.seed ?? 1);
  const scenario = makeScenario(1, { world: { ...makeScenario(1).world, rounds } });
  const header: TraceHeader = buildHeader(scenario, { seed: o.seed ?? 1, rounds });
  const threshold = header.settings.ties.threshold;
  const events: TraceEvent[] = [{ type: 'round_start', round: 0, agents: o.agents }];
  for (let i = 0; i < o.agents; i++) {
    const agent = makePersona(i);
    const added: AgentAddedEvent = { type: 'agent_added', round: 0, agent, model: 'default', reason: 'initial' };
    events.push(added);
  }
  events.push({
    type: 'round_end',
    round: 0,
    stats: {
      agents: o.agents,
      encounters: 0,
      messages: 0,
      ties: 0,
      mean_reward: 0,
      usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    },
  });
  const groups = Math.max(1, Math.round(Math.sqrt(o.agents)));
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  while (pairs.length < o.ties) {
    const a = Math.floor(rnd() * o.agents);
    const local = rnd() < 0.85;
    let b = local
      ? (Math.floor(rnd() * Math.ceil(o.agents / groups)) * groups + (a % groups)) % o.agents
      : Math.floor(rnd() * o.agents);
    if (b === a) b = (a + 1) % o.agents;
    if (!seen.has(`${a}:${b}`)) {
      seen.add(`${a}:${b}`);
      pairs.push([a, b]);
    }
    if (pairs.length < o.ties && rnd() < 0.33 && !seen.has(`${b}:${a}`)) {
      seen.add(`${b}:${a}`);
      pairs.push([b, a]);
    }
  }
  const messages = o.messages ?? 0;
  let tieAt = 0,
    messageAt = 0;
  for (let r = 1; r <= rounds; r++) {
    events.push({ type: 'round_start', round: r, agents: o.agents });
    for (; messageAt < Math.round((messages * r) / rounds); messageAt++) {
      const from = Math.floor(rnd() * o.agents),
        to = (from + 1 + Math.floor(rnd() * (o.agents - 1))) % o.agents;
      events.push({
        type: 'message',
        round: r,
        encounter: `${r}:p${from}:${messageAt}`,
        turn: 0,
        from: `p${from}`,
        to: `p${to}`,
        act: 'share',
        text: `Message ${messageAt} about topic ${messageAt % 97}`,
      });
    }
    for (; tieAt < Math.round((pairs.length * r) / rounds); tieAt++) {
      const [a, b] = pairs[tieAt];
      const strength = threshold + (1 - threshold) * rnd();
      events.push({
        type: 'tie',
        round: r,
        from: `p${a}`,
        to: `p${b}`,
        previous: 0,
        strength,
        exists: true,
        cause: 'evaluation',
      });
    }
    events.push({
      type: 'round_end',
      round: r,
      stats: {
        agents: o.agents,
        encounters: 0,
        messages: 0,
        ties: tieAt,
        mean_reward: 0,
        usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      },
    });
  }
  events.push({
    type: 'run_end',
    round: rounds,
    rounds,
    usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
  });
  return { source: { kind: 'file', label: 'synthetic.jsonl' }, header, events };
}

/**
 * An example scenario (examples/<name>/<name>.society) run offline into a trace with its declared
 * quantities, as the extension sends them (`rounds` cuts it short); `edit` changes the scenario first.
 */
export function exampleRun(
  name: string,
  opts: { rounds?: number; edit?: (s: Scenario) => void } = {},
): Promise<EmbeddedTrace> {
  return scenarioRun(path.join(__dirname, '..', '..', 'examples', name, `${name}.society`), opts);
}

/** The scenario in `file` run offline, as `exampleRun` runs an example. */
export async function scenarioRun(
  file: string,
  opts: { rounds?: number; edit?: (s: Scenario) => void } = {},
): Promise<EmbeddedTrace> {
  const name = path.basename(file, '.society');
  const loaded = await loadScenarioFile(file);
  const scenario = loaded.scenario!;
  opts.edit?.(scenario);
  const sim = Simulation.create(scenario, { rounds: opts.rounds });
  const events: TraceEvent[] = [];
  sim.on((e) => events.push(structuredClone(e)));
  await sim.run();
  return {
    source: { kind: 'file', label: `${name}.jsonl` },
    header: sim.header,
    events,
    state: stateDeclarations(scenario.mechanics),
    design: societyDesign(scenario),
  };
}
