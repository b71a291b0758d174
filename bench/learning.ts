// Learning from consequences (issue 45): what it costs an offline run. The public goods example
// grown to 1,000 players × 40 rounds (a world of actions only, so choosing is most of the run and
// learning's share the largest it gets), run with and without learning (SimulationOptions.learning),
// alternating, in one process. Target: learning costs at most 10% of the run's time.
import * as path from 'node:path';
import { loadScenarioFile } from '../src/core/format/project/load';
import type { Scenario } from '../src/core/format/model/model';
import { Simulation } from '../src/core/engine/kernel/simulation';

const PLAYERS = 1000;
const ROUNDS = 40;
const REPEATS = 3;

/** Wall and CPU time of one run (CPU moves far less than wall time on a shared machine). */
async function timeRun(s: Scenario, learning: boolean): Promise<{ ms: number; cpuMs: number; events: number }> {
  const sim = Simulation.create(s, { learning });
  let events = 0;
  sim.on(() => events++);
  const t = performance.now();
  const cpu = process.cpuUsage();
  await sim.run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, events };
}

export async function run(): Promise<void> {
  const file = path.join(__dirname, '..', 'examples', 'public-goods', 'public-goods.society');
  const { scenario } = await loadScenarioFile(file);
  if (!scenario) throw new Error('examples/public-goods does not load');
  const s: Scenario = structuredClone(scenario);
  s.population = s.population.map((g) => ({ ...g, count: PLAYERS }));
  s.world = { ...s.world, rounds: ROUNDS };
  await timeRun(s, true); // warm-up: JIT
  const on: { ms: number; cpuMs: number }[] = [];
  const off: { ms: number; cpuMs: number }[] = [];
  let lines = { on: 0, off: 0 };
  for (let i = 0; i < REPEATS; i++) {
    const a = await timeRun(s, false);
    const b = await timeRun(s, true);
    off.push(a);
    on.push(b);
    lines = { on: b.events, off: a.events };
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const wall = [median(off.map((x) => x.ms)), median(on.map((x) => x.ms))];
  const cpu = [median(off.map((x) => x.cpuMs)), median(on.map((x) => x.cpuMs))];
  const cost = cpu[1] / cpu[0] - 1;
  const s1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `learning: public goods, ${PLAYERS.toLocaleString('en')} players × ${ROUNDS} rounds (offline, actions only; median of ${REPEATS}): ` +
      `without learning ${s1(wall[0])} (CPU ${s1(cpu[0])}), with ${s1(wall[1])} (CPU ${s1(cpu[1])}); ` +
      `${lines.off.toLocaleString('en')} events without, ${lines.on.toLocaleString('en')} with (remembered consequences add some; the choices differ): ` +
      `learning costs ${(cost * 100).toFixed(1)}% of the CPU time (target ≤ 10%: ${cost <= 0.1 ? 'met' : 'MISSED'})`,
  );
}

if (require.main === module) void run();
