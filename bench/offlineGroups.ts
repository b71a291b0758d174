// Offline decisions by group size (issue 87): examples/public-goods-matching at 400 agents × 2
// rounds in match groups of 4, 100 and 400, and 1,600 agents in groups of 4 (its updates read
// `agents`: a decision's foresight reads everyone), run in this process (no trace written), CPU
// time of each. Printed: the CPU a decision takes per size; the cost per agent from the two sizes
// in groups of 4, and the line base + per member × group fitted (least squares) to the 400-agent
// runs less it; and the estimate's seconds (OFFLINE_SECONDS in src/core/llm/estimateOffline.ts,
// which this bench's fit is written into) against the measured. Target: the estimate within 2× of
// the measured at every size; the cost per member is what a run in large groups pays.
import * as path from 'node:path';
import { loadScenarioFile } from '../src/core/format/project/load';
import type { Scenario } from '../src/core/format/model/model';
import { Simulation } from '../src/core/engine/kernel/simulation';
import { estimateRun } from '../src/core/llm/estimate';
import { OFFLINE_SECONDS } from '../src/core/llm/estimateOffline';

const ROUNDS = 2;
/** Agents and group size: the line by group at 400 agents, then the cost per agent from 1,600. */
const SIZES: readonly (readonly [number, number])[] = [
  [400, 4],
  [400, 100],
  [400, 400],
  [1600, 4],
];

async function cpuOf(s: Scenario): Promise<number> {
  const sim = Simulation.create(s);
  const cpu = process.cpuUsage();
  await sim.run();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1e6;
}

function sized(base: Scenario, agents: number, group: number): Scenario {
  const s: Scenario = structuredClone(base);
  s.population = s.population.map((g) => ({ ...g, count: agents }));
  s.world = { ...s.world, rounds: ROUNDS };
  s.mechanics = { ...s.mechanics!, matching: { ...s.mechanics!.matching!, size: group } };
  return s;
}

/** Least squares y = a + b x. */
function line(xs: number[], ys: number[]): { a: number; b: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const b = sxx ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

export async function run(): Promise<void> {
  const file = path.join(__dirname, '..', 'examples', 'public-goods-matching', 'public-goods-matching.society');
  const { scenario } = await loadScenarioFile(file);
  if (!scenario?.mechanics?.matching) throw new Error('examples/public-goods-matching does not load with a matching');
  await cpuOf(sized(scenario, 400, 4)); // warm-up: JIT
  const perDecision: number[] = [];
  for (const [agents, group] of SIZES) {
    const s = sized(scenario, agents, group);
    const offline = estimateRun(s).models.find((m) => m.offline)?.offline;
    if (!offline) throw new Error('the estimate gives no offline time');
    const seconds = await cpuOf(s);
    perDecision.push(seconds / offline.acts);
    console.log(
      `offline groups: ${agents} agents × ${ROUNDS} rounds in groups of ${group}: ${seconds.toFixed(2)} s CPU, ` +
        `${((1000 * seconds) / offline.acts).toFixed(2)} ms a decision (${offline.acts} decisions); ` +
        `the estimate says ${offline.seconds.toFixed(1)} s (${(offline.seconds / seconds).toFixed(2)}× the measured)`,
    );
  }
  const perAgent = (perDecision[3] - perDecision[0]) / (SIZES[3][0] - SIZES[0][0]);
  const groups = SIZES.slice(0, 3).map(([, g]) => g);
  const fit = line(
    groups,
    perDecision.slice(0, 3).map((x) => x - perAgent * 400),
  );
  const o = OFFLINE_SECONDS;
  console.log(
    `offline groups: fitted ${(fit.a * 1000).toFixed(2)} ms a decision + ${(fit.b * 1e6).toFixed(1)} µs per member + ${(perAgent * 1e6).toFixed(2)} µs per agent; ` +
      `OFFLINE_SECONDS has ${(o.base * 1000).toFixed(2)} ms + ${(o.per_member * 1e6).toFixed(1)} µs + ${(o.per_agent * 1e6).toFixed(2)} µs (${o.measured})`,
  );
}
