// The real engine on an LLM: 200 agents × 5 rounds of the Simulation itself (not a phase driver)
// against the local OpenAI-compatible server in a worker thread, 100 ms per call, concurrency 64.
// Wall time is compared with the lower bound of the run it actually made, from its own trace:
// per round and stage, max(longest chain of dependent calls, calls / concurrency) × latency.
import { RemoteFakeOpenAI } from '../test/support/fakeOpenAIWorker';
import { endpointSociety, FAST_BACKOFF } from '../test/support/llmFixtures';
import { ModelRegistry } from '../src/core/llm/registry';
import { Simulation } from '../src/core/engine';
import type { TraceEvent } from '../src/core/trace/events';

const AGENTS = 200,
  ROUNDS = 5,
  TURNS = 4,
  LATENCY = 100,
  CONCURRENCY = 64;

/** Σ over rounds and stages of max(chain, ⌈calls / concurrency⌉) × latency, from the trace. */
function boundMs(events: TraceEvent[]): { bound: number; calls: number; chain: number } {
  let bound = 0,
    calls = 0,
    chain = 0;
  for (let r = 1; r <= ROUNDS; r++) {
    const of = (type: TraceEvent['type']) => events.filter((e) => e.round === r && e.type === type);
    // Stage A: each agent chooses (per_round calls in sequence), then talks (turns in sequence).
    const a = of('encounter').length + of('message').length;
    // Stage B: every evaluation at once. Stage C: advice, then a reflection where one is due.
    const b = of('evaluation').length;
    const reflecting = new Set(of('reflection').map((e) => (e as { agent: string }).agent)).size;
    const c = of('advice').length + reflecting;
    const stages: [number, number][] = [
      [a, 1 + TURNS],
      [b, 1],
      [c, reflecting ? 2 : 1],
    ];
    for (const [n, depth] of stages) {
      bound += Math.max(depth, Math.ceil(n / CONCURRENCY)) * LATENCY;
      calls += n;
      chain += depth;
    }
  }
  return { bound, calls, chain };
}

export async function run(): Promise<void> {
  const server = await RemoteFakeOpenAI.start();
  try {
    await server.configure({ latencyMs: LATENCY });
    const sc = endpointSociety(server.url, { agents: AGENTS, rounds: ROUNDS, turns: TURNS, concurrency: CONCURRENCY });
    for (const width of [undefined, 64]) {
      const registry = new ModelRegistry(sc, { backoff: FAST_BACKOFF });
      const sim = Simulation.create(sc, { modelFactory: registry.factory, ...(width ? { concurrency: width } : {}) });
      const events: TraceEvent[] = [];
      sim.on((e) => events.push(e));
      await server.reset();
      const start = performance.now();
      await sim.run();
      const wall = performance.now() - start;
      const { bound, calls, chain } = boundMs(events);
      const fallbacks = events.filter((e) => e.type === 'error' && e.handling === 'fallback').length;
      const peak = (await server.stats()).maxInFlight;
      console.log(
        `llm engine: ${AGENTS} agents × ${ROUNDS} rounds through the Simulation (${calls} calls, ${LATENCY} ms, concurrency ${CONCURRENCY}, ` +
          `${width ? `stage width ${width}, as before` : 'default stage width: every agent'}): wall ${(wall / 1000).toFixed(2)} s / lower bound ${(bound / 1000).toFixed(2)} s = ${(wall / bound).toFixed(3)}` +
          `  (target ≤ 1.10: ${wall / bound <= 1.1 ? 'met' : 'MISSED'}); dependency chain alone ${((chain * LATENCY) / 1000).toFixed(2)} s; peak in flight ${peak}; ${fallbacks} fallbacks`,
      );
    }
  } finally {
    await server.close();
  }
}
