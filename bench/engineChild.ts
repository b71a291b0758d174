// The engine benchmark's child process (bench/engine.ts bundles and starts it): one size of
// society run as `society run` runs it with its defaults — the JSONL trace to a file, checkpoints at
// the default interval (engine/persist/checkpoint.ts checkpointInterval) plus the final one, and the closing
// summary — then one line of JSON with the figures. The size comes in SOCIETY_BENCH_ENGINE (AxR).
// With SOCIETY_BENCH_KEEP_TRACE=FILE the trace (and its index, FILE's .index.json) is kept there
// (bench/traceRead.ts reads it back), else it goes with the scratch folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scenario } from '../src/core/format/model/model';
import { Simulation } from '../src/core/engine';
import { checkpointDue, checkpointInterval, writeCheckpoint } from '../src/core/engine';
import { TraceWriter } from '../src/core/trace/writer';
import { OffThreadTraceWriter } from '../src/core/trace/offThreadWriter';
import type { TraceOutput } from '../src/core/trace/traceOutput';
import { engineThreads, traceOffThread } from '../src/core/run/engineThreads';
import { indexPathOf } from '../src/core/trace/roundIndex';
import { RewardTally, summarizeRun } from '../src/core/analysis/report/runSummary';
import { PerformanceObserver } from 'node:perf_hooks';

export const CHILD = 'SOCIETY_BENCH_ENGINE';
export const KEEP_TRACE = 'SOCIETY_BENCH_KEEP_TRACE';
const INTERESTS = Array.from({ length: 60 }, (_, i) => `topic${i}`);

function benchScenario(agents: number, rounds: number): Scenario {
  return {
    name: 'bench',
    seed: 1,
    personas: [],
    population: [
      {
        group: 'crowd',
        count: agents,
        id_prefix: 'a',
        names: ['Ana', 'Bo', 'Chen', 'Dee', 'Eli', 'Fay'],
        occupations: ['student', 'nurse', 'engineer'],
        interests: { pool: INTERESTS, per_agent: 3 },
        traits: {
          openness: { beta: { alpha: 2, beta: 2 } },
          extraversion: { beta: { alpha: 2, beta: 2 } },
          agreeableness: { beta: { alpha: 2, beta: 2 } },
          conscientiousness: { uniform: { min: 0, max: 1 } },
          neuroticism: { uniform: { min: 0, max: 1 } },
        },
        motivations: {
          social: { uniform: { min: 0, max: 1 } },
          information: { uniform: { min: 0, max: 1 } },
          presentation: { uniform: { min: 0, max: 1 } },
          coordination: { uniform: { min: 0, max: 1 } },
          support: { uniform: { min: 0, max: 1 } },
        },
      },
    ],
    world: {
      setting: 'A large online forum.',
      rounds,
      encounters: { mode: 'recommend', per_round: 1, exploration: 0.2 },
      conversation: { turns: 4 },
      rooms: [],
    },
    rewards: { social: 1, information: 1, presentation: 1, coordination: 1, support: 1 },
    coaching: { enabled: true, every: 1 },
    ties: { threshold: 0.6, decay: 0.05, learning_rate: 0.3, weights: { reciprocity: 1, novelty: 1, affect: 1 } },
    memory: { recency: 1, importance: 1, relevance: 1, top_k: 8, reflect_at: 150, decay: 0.995 },
    models: {
      default: {
        name: 'default',
        provider: 'offline',
        concurrency: 8,
        timeout_ms: 60000,
        retries: 3,
        on_error: 'skip',
      },
    },
    prompts: {},
    events: [],
  };
}

async function child(agents: number, rounds: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bench-'));
  const file = path.join(dir, 'trace.jsonl'),
    cpFile = path.join(dir, 'checkpoint.json');
  const t0 = performance.now();
  // SOCIETY_BENCH_PHASES=1: where the time goes — each phase (its units, commits and the trace
  // lines it writes), the commits, the trace writer and the collector's pauses, on stderr.
  const phases = process.env.SOCIETY_BENCH_PHASES ? new Map<string, number>() : undefined;
  const sim = Simulation.create(benchScenario(agents, rounds), { phaseTimes: phases });
  const file0 = TraceWriter.toFile(file);
  file0.header(sim.header);
  // As `society run` does (core/run/runHarness.ts): on a thread of its own with 2 or more engine
  // threads ($SOCIETY_ENGINE_THREADS; default 1).
  const threads = engineThreads();
  const writer: TraceOutput = traceOffThread(threads) ? new OffThreadTraceWriter(file0) : file0;
  const gc = phases ? gcPauses() : undefined;
  let traceMs = 0;
  sim.on(
    phases
      ? (e) => {
          const t = performance.now();
          writer.listener(e);
          traceMs += performance.now() - t;
        }
      : writer.listener,
  );
  const tally = new RewardTally();
  sim.on(tally.listener);
  const every = checkpointInterval(agents);
  let checkpoints = 0,
    checkpointMs = 0;
  // SOCIETY_BENCH_PROBE=1: peak RSS so far at each round's end, checkpoint and the summary, on
  // stderr (where a large run's peak comes from).
  const probe = (what: string): void => {
    if (!process.env.SOCIETY_BENCH_PROBE) return;
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024),
      heapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
    console.error(`${what}: peak RSS so far ${peakMb} MB, heap used ${heapMb} MB`);
  };
  sim.afterRound = async (round, final) => {
    probe(`round ${round} end`);
    await writer.flush();
    if (!checkpointDue(round, final, every, sim.rounds)) return;
    const t = performance.now();
    const cp = sim.checkpointDraft();
    cp.trace = { bytes: writer.bytes, lines: writer.lines };
    writeCheckpoint(cpFile, cp);
    checkpoints++;
    checkpointMs += performance.now() - t;
    probe(`checkpoint ${round}`);
  };
  await sim.run();
  await writer.close();
  const s0 = performance.now();
  sim.forgetMemories(); // as `society run` does before its closing summary (cli/run/closingReport.ts)
  summarizeRun(sim, tally);
  const summaryMs = performance.now() - s0;
  probe('summary');
  const ms = performance.now() - t0;
  if (phases) printPhases(phases, { trace: traceMs, gc: gc!.ms(), checkpoints: checkpointMs, summary: summaryMs }, ms);
  const bytes = fs.statSync(file).size;
  const keep = process.env[KEEP_TRACE];
  if (keep) {
    fs.renameSync(file, keep);
    fs.renameSync(indexPathOf(file), indexPathOf(keep));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const cpu = process.cpuUsage();
  const mainCpuMs = mainThreadCpuMs();
  const usage = process.resourceUsage();
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      lines: writer.lines,
      threads,
      mainCpuMs,
      bytes,
      checkpoints,
      checkpointMs,
      summaryMs,
      maxRssKb: usage.maxRSS,
      pageFaults: usage.minorPageFault,
    }) + '\n',
  );
}

/**
 * CPU time of the main thread alone (the engine's; Linux /proc, else undefined): with the trace on
 * a thread of its own, what the engine's thread was spared shows here, not in the process's CPU.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks (100 Hz).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** The collector's pauses (ms) from now on, by V8's own account. */
function gcPauses(): { ms(): number } {
  let total = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) total += e.duration;
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    ms: () => {
      obs.disconnect();
      return total;
    },
  };
}

function printPhases(phases: Map<string, number>, other: Record<string, number>, ms: number): void {
  const pct = (x: number): string => `${((100 * x) / ms).toFixed(1)}%`;
  const rows = [...phases].map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s (${pct(v)})`);
  rows.push(...Object.entries(other).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s (${pct(v)})`));
  console.error(`phases of ${(ms / 1000).toFixed(2)} s: ${rows.join(', ')}`);
}

const spec = process.env[CHILD];
if (spec) {
  const [a, r] = spec.split('x').map(Number);
  child(a, r).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
