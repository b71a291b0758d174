// Model calls per second from one run: the Simulation against the local OpenAI-compatible server
// (in a worker thread) at 20 ms per answer, concurrency 256, with the calls made in this thread
// (`threads: 1`) and from a pool of worker threads (`threads: 2`). Also the main thread's busy
// time per call (its event-loop utilization: the engine, prompts, parsing, the client or the
// messages to the pool).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { RemoteFakeOpenAI } from '../test/support/fakeOpenAIWorker';
import { endpointSociety, FAST_BACKOFF } from '../test/support/llmFixtures';
import { ModelRegistry } from '../src/core/llm/registry';
import { Simulation } from '../src/core/engine';

const AGENTS = Number(process.env.TP_AGENTS ?? 1000),
  ROUNDS = Number(process.env.TP_ROUNDS ?? 2),
  LATENCY = 20,
  CONCURRENCY = 256;

/** CPU time of each thread of this process so far, ms by thread id (Linux /proc; empty elsewhere). */
function threadCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      try {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime, fields 14 and 15 of the line (11 and 12 after the name), in clock ticks.
        out.set(Number(tid), ((Number(f[11]) + Number(f[12])) * 1000) / TICKS);
      } catch {
        /* the thread ended */
      }
    }
  } catch {
    /* not Linux */
  }
  return out;
}
const TICKS = 100;
/** Threads that were there before any chat pool: the main thread, the server's, Node's helpers. */
let before = new Set<number>();

export interface Throughput {
  calls: number;
  wallMs: number;
  perSecond: number;
  /** Main-thread CPU per call, ms (its event loop's busy time where /proc is missing). */
  mainMsPerCall: number;
  /** CPU of the chat pool's worker threads per call, ms. */
  poolMsPerCall: number;
  /** Process CPU (every thread, the server's included) per call, ms. */
  cpuMsPerCall: number;
}

export async function throughput(server: RemoteFakeOpenAI, threads: number): Promise<Throughput> {
  const sc = endpointSociety(server.url, { agents: AGENTS, rounds: ROUNDS, turns: 4, concurrency: CONCURRENCY });
  const registry = new ModelRegistry(sc, { backoff: FAST_BACKOFF, threads });
  const sim = Simulation.create(sc, { modelFactory: registry.factory });
  await server.reset();
  const elu = performance.eventLoopUtilization();
  const threads0 = threadCpuMs();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await sim.run();
  const wallMs = performance.now() - start;
  const busy = performance.eventLoopUtilization(elu).active;
  const threads1 = threadCpuMs();
  const spent = (pick: (tid: number) => boolean): number => {
    let ms = 0;
    for (const [tid, t] of threads1) if (pick(tid)) ms += t - (threads0.get(tid) ?? 0);
    return ms;
  };
  const main = threads1.size ? spent((tid) => tid === process.pid) : busy;
  const used = process.cpuUsage(cpu);
  const calls = (await server.stats()).count;
  return {
    calls,
    wallMs,
    perSecond: (calls / wallMs) * 1000,
    mainMsPerCall: main / calls,
    poolMsPerCall: spent((tid) => !before.has(tid)) / calls,
    cpuMsPerCall: (used.user + used.system) / 1000 / calls,
  };
}

const fmt = (t: Throughput): string =>
  `${Math.round(t.perSecond).toLocaleString('en')} calls/s (${t.calls} calls in ${(t.wallMs / 1000).toFixed(2)} s; CPU per call: main thread ${(t.mainMsPerCall * 1000).toFixed(0)} µs, pool ${(t.poolMsPerCall * 1000).toFixed(0)} µs, process (the server's thread included) ${(t.cpuMsPerCall * 1000).toFixed(0)} µs/call)`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const server = await RemoteFakeOpenAI.start();
  try {
    await server.configure({ latencyMs: LATENCY });
    before = new Set(threadCpuMs().keys());
    const list = (process.env.TP_THREADS ?? '1,2').split(',').map(Number);
    const pairs = Number(process.env.TP_PAIRS ?? 3);
    for (const threads of list) await throughput(server, threads); // warm-up: JIT, connections, workers
    const results = new Map<number, Throughput[]>(list.map((t) => [t, []]));
    // Interleaved, so a busy spell of the machine falls on both.
    for (let i = 0; i < pairs; i++) {
      for (const threads of list) {
        const t = await throughput(server, threads);
        results.get(threads)!.push(t);
        console.log(
          `llm throughput: ${AGENTS} agents × ${ROUNDS} rounds through the Simulation, ${LATENCY} ms per answer, concurrency ${CONCURRENCY}, ` +
            `threads ${threads}${threads >= 2 ? ' (worker pool)' : ' (calls in the main thread)'}: ${fmt(t)}`,
        );
      }
    }
    const per = (threads: number) => median(results.get(threads)!.map((t) => t.perSecond));
    const main = (threads: number) => median(results.get(threads)!.map((t) => t.mainMsPerCall));
    const [one, two] = [list[0], list[1]];
    if (two !== undefined) {
      const ratio = per(two) / per(one);
      console.log(
        `llm throughput: median ${Math.round(per(one)).toLocaleString('en')} calls/s with ${one} thread, ${Math.round(per(two)).toLocaleString('en')} with ${two}: ` +
          `${ratio.toFixed(2)}×  (goal ≥ 1.8×: ${ratio >= 1.8 ? 'met' : 'MISSED'}); main thread ${(main(one) * 1000).toFixed(0)} → ${(main(two) * 1000).toFixed(0)} µs per call` +
          (ratio >= 1.8
            ? ''
            : ` — the engine's own per-call work (prompts, parsing the answer, the turn) stays on the main thread and the ` +
              `workers and the server share the same ${os.availableParallelism()} cores`),
      );
    }
  } finally {
    await server.close();
  }
}

if (require.main === module) void run();
