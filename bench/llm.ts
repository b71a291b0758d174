// Provider-layer benchmarks against a local OpenAI-compatible server (in a worker thread, so it
// does not share the client's event loop): throughput of 200 agents × 5 rounds issued phase by
// phase as the engine does, and a run with 25% injected faults.
import { RemoteFakeOpenAI } from '../test/support/fakeOpenAIWorker';
import { INJECTED_FAULTS } from '../test/support/fakeOpenAI';
import { registryFor } from '../test/support/llmFixtures';
import { capacityBoundMs, drive } from '../test/support/phaseDriver';
import type { CallRecord } from '../src/core/llm/callRecord';

const AGENTS = 200,
  ROUNDS = 5,
  TURNS = 4,
  LATENCY = 100,
  CONCURRENCY = 64;

export async function run(): Promise<void> {
  const server = await RemoteFakeOpenAI.start();
  try {
    await server.configure({ latencyMs: LATENCY });
    const model = registryFor(server.url, { concurrency: CONCURRENCY }).model('gpt');
    await drive(model, { agents: 64, rounds: 1, turns: TURNS }); // warm-up: JIT, connections

    const r = await drive(model, { agents: AGENTS, rounds: ROUNDS, turns: TURNS });
    const chain = r.dependentCalls * LATENCY;
    const bound = capacityBoundMs(r, ROUNDS, TURNS, CONCURRENCY, LATENCY);
    const ratio = r.wallMs / bound;
    const peak = (await server.stats()).maxInFlight;
    console.log(
      `llm: ${AGENTS} agents × ${ROUNDS} rounds (${r.decisions} calls, ${LATENCY} ms latency, concurrency ${CONCURRENCY}): ` +
        `wall ${(r.wallMs / 1000).toFixed(2)} s / lower bound ${(bound / 1000).toFixed(2)} s = ${ratio.toFixed(3)}` +
        `  (target ≤ 1.10: ${ratio <= 1.1 ? 'met' : 'MISSED'})  — bound = Σ phases max(dependent calls, calls / concurrency) × latency; ` +
        `the dependency chain alone is ${(chain / 1000).toFixed(2)} s (ratio ${(r.wallMs / chain).toFixed(2)}, unreachable at concurrency ${CONCURRENCY}); peak in flight ${peak}`,
    );

    await server.configure({ latencyMs: 20, faults: { rate: 0.25, seed: 11 } });
    await server.reset();
    const records: CallRecord[] = [];
    const faulty = registryFor(
      server.url,
      { concurrency: CONCURRENCY, timeout_ms: 1000, retries: 8, on_error: 'offline' },
      { onCall: (c) => records.push(c) },
    ).model('gpt');
    const f = await drive(faulty, { agents: AGENTS, rounds: ROUNDS, turns: TURNS });
    const stats = await server.stats();
    const recorded = Object.fromEntries(INJECTED_FAULTS.map((k) => [k, 0])) as Record<string, number>;
    for (const c of records) for (const x of c.faults) recorded[x.reason] = (recorded[x.reason] ?? 0) + 1;
    const injected = INJECTED_FAULTS.reduce((n, k) => n + stats.injected![k], 0);
    const recordedTotal = Object.values(recorded).reduce((a, b) => a + b, 0);
    const answered = records.filter((c) => c.outcome === 'ok').length + f.fallbacks.length;
    // On a busy machine a slow answer can also time out on the client: an extra, recorded fault.
    // Decision-slot accounting: every choice, message, evaluation, advice and reflection either
    // answered by the model or recorded and answered by the fallback, none lost.
    const slots = Object.entries(f.byKind)
      .map(([kind, k]) => `${kind} ${k.decisions - k.fallbacks}+${k.fallbacks}`)
      .join(', ');
    const reflections = f.byKind.reflect;
    const accounted =
      Object.values(f.byKind).reduce((n, k) => n + k.decisions, 0) === f.decisions && records.length === f.decisions;
    const reflectionsLikeOthers =
      reflections !== undefined &&
      reflections.fallbacks / reflections.decisions <= 2 * (f.fallbacks.length / f.decisions) + 0.01;
    const ok = recordedTotal >= injected && answered === f.decisions && accounted && reflectionsLikeOthers;
    console.log(
      `llm: 25% injected faults, ${stats.count} requests: ${f.decisions} decisions, ${answered} answered (${f.fallbacks.length} by the offline fallback) in ${(f.wallMs / 1000).toFixed(1)} s; ` +
        `faults injected/recorded: ${INJECTED_FAULTS.map((k) => `${k} ${stats.injected![k]}/${recorded[k]}`).join(', ')}; ` +
        `decision slots (model + fallback): ${slots}` +
        `  (every fault recorded, every slot answered or recorded, reflections as the rest: ${ok ? 'met' : 'MISSED'})`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await server.close();
  }
}
