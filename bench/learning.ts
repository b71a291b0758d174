// Learning from consequences (issue 45): what it costs an offline run. The public goods example
// grown to 1,000 players × 40 rounds (a world of actions only, so choosing is most of the run and
// learning's share the largest it gets), run with and without learning (SimulationOptions.learning),
// alternating, in one process. Target: learning costs at most 10% of the run's time.
import * as path from 'node:path';
import { loadScenarioFile } from '../src/core/format/language/load';
import type { Scenario } from '../src/core/format/language/model';
import { Simulation } from '../src/core/engine/kernel/simulation';

const PLAYERS = 1000;
const ROUNDS = 40;
const REPEATS = 3;

async function timeRun(s: Scenario, learning: boolean): Promise<{ ms: number; events: number }> {
  const sim = Simulation.create(s, { learning });
  let events = 0;
  sim.on(() => events++);
  const t = performance.now();
  await sim.run();
  return { ms: performance.now() - t, events };
}

export async function run(): Promise<void> {
  const file = path.join(__dirname, '..', 'examples', 'public-goods', 'public-goods.society');
  const { scenario } = await loadScenarioFile(file);
  if (!scenario) throw new Error('examples/public-goods does not load');
  const s: Scenario = structuredClone(scenario);
  s.population = s.population.map((g) => ({ ...g, count: PLAYERS }));
  s.world = { ...s.world, rounds: ROUNDS };
  await timeRun(s, true); // warm-up: JIT
  const on: number[] = [];
  const off: number[] = [];
  let lines = { on: 0, off: 0 };
  for (let i = 0; i < REPEATS; i++) {
    const a = await timeRun(s, false);
    const b = await timeRun(s, true);
    off.push(a.ms);
    on.push(b.ms);
    lines = { on: b.events, off: a.events };
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const cost = median(on) / median(off) - 1;
  console.log(
    `learning: public goods, ${PLAYERS.toLocaleString('en')} players × ${ROUNDS} rounds (offline, actions only): ` +
      `${(median(off) / 1000).toFixed(2)} s without learning, ${(median(on) / 1000).toFixed(2)} s with ` +
      `(median of ${REPEATS}; ${lines.off.toLocaleString('en')} → ${lines.on.toLocaleString('en')} events, the added ones ` +
      `remembered consequences): learning costs ${(cost * 100).toFixed(1)}% (target ≤ 10%: ${cost <= 0.1 ? 'met' : 'MISSED'})`,
  );
}

if (require.main === module) void run();
