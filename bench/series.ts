// What a run's series over rounds costs (issue 45, "outcomes over time"): the RunTally that
// `society run`, the report and every experiment run feed measures the tie network at every
// round's end. A made-up trace of 1,000 agents × 200 rounds (each agent ending with ≈ 9 ties,
// 40 changing every round) is fed through it; Louvain is measured every round.
// SOCIETY_BENCH_SERIES_SIZE=AxR changes the size (e.g. 2000x100).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../src/core/format/project/load';
import { Simulation } from '../src/core/engine/kernel/simulation';
import { RunTally } from '../src/core/analysis/metrics/runTally';
import { seededRandom } from '../src/core/random/seededRandom';
import type { TraceEvent, TraceHeader } from '../src/core/trace/events';
import { scenarioWithInlinePersonas } from './generate';

const STATS = { agents: 0, encounters: 0, messages: 0, ties: 0, mean_reward: 0.5 };
const USAGE = { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 };

/** The header and setup of a generated society (its agent_added events), then `rounds` rounds of tie changes. */
function madeUpTrace(header: TraceHeader, setup: TraceEvent[], agents: number, rounds: number): TraceEvent[] {
  const rnd = seededRandom(45);
  const events: TraceEvent[] = [...setup, { type: 'round_end', round: 0, stats: { ...STATS, usage: USAGE } }];
  const pick = (): string => `p${Math.floor(rnd() * agents)}`;
  for (let r = 1; r <= rounds; r++) {
    events.push({ type: 'round_start', round: r, agents });
    // 40 new or strengthened ties a round: ≈ 8 per agent by the end.
    for (let i = 0; i < agents / 25; i++) {
      const from = pick(),
        to = pick();
      if (from !== to) events.push({ type: 'tie', round: r, from, to, strength: 0.3 + rnd() * 0.7 } as TraceEvent);
    }
    events.push({ type: 'round_end', round: r, stats: { ...STATS, usage: USAGE } });
  }
  return events;
}

function timed(header: TraceHeader, events: TraceEvent[]): number {
  const t = performance.now();
  const tally = new RunTally(header);
  for (const e of events) tally.add(e);
  tally.series();
  return performance.now() - t;
}

export async function run(): Promise<void> {
  const [agents, rounds] = (process.env.SOCIETY_BENCH_SERIES_SIZE ?? '1000x200').split('x').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bench-series-'));
  try {
    const file = path.join(dir, 'generated.society');
    fs.writeFileSync(file, scenarioWithInlinePersonas(agents));
    const { scenario } = await loadScenarioFile(file, { root: dir });
    if (!scenario) throw new Error('series bench: the generated scenario does not load');
    // Setup only (round 0): the header and the agents as a run's trace has them.
    const sim = Simulation.create({ ...scenario, world: { ...scenario.world, rounds: 0 } });
    const setup: TraceEvent[] = [];
    sim.on((e) => {
      if (e.type === 'agent_added' || e.type === 'round_start' || e.type === 'tie') setup.push(e);
    });
    await sim.run();
    const events = madeUpTrace(sim.header, setup, agents, rounds);
    const label = `series: ${agents.toLocaleString('en')} agents × ${rounds} rounds`;
    const ms = timed(sim.header, events);
    console.log(
      `${label}: ${(ms / 1000).toFixed(2)} s, ${(ms / (rounds + 1)).toFixed(1)} ms a round (Louvain every round)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
