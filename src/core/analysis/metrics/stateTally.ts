// Outcomes of a scenario's declared state (`state:`), for experiments and runs: per world quantity its
// final value and its survival (rounds until it first sat at its floor; every round when it never
// did), per agent quantity the mean and the Gini coefficient of its final values (0: all equal).
// "Does the lake last longer, and are catches more equal, where the village is altruistic?" is a
// comparison of `world.fish.survival` and `agents.catch.gini` across conditions.
import { type Mechanics, STATE_METRIC, writtenWorldQuantities } from '../../format';
import type { StateEvent } from '../../trace/events';
import { nameRecord } from '../../text/nameRecord';

export { STATE_METRIC };

/** Gini coefficient of non-negative values: mean absolute difference over twice the mean. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (!n) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  // Σ_i (2i − n − 1)·x_(i) / (n·Σx), i from 1: the sorted-order form of Σ|x_i − x_j| / (2n²·mean).
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (2 * (i + 1) - n - 1) * sorted[i];
  return weighted / (n * total);
}

/** Collects a run's state events and gives its state outcomes at the end. */
export class StateTally {
  private readonly series = new Map<string, { round: number; value: number }[]>();
  private readonly agents = new Map<string, Record<string, number>>();
  /** Each agent's values when the current generation began (`generations:`). */
  private generationStart = new Map<string, Record<string, number>>();
  private readonly perGeneration: Record<string, number | null> = nameRecord();

  /** `module`: the scenario names a module, which may write any world quantity. */
  constructor(
    private readonly mechanics: Mechanics,
    private readonly o: { module: boolean },
  ) {}

  add(e: StateEvent): void {
    for (const [name, value] of Object.entries(e.world)) {
      let s = this.series.get(name);
      if (!s) this.series.set(name, (s = []));
      s.push({ round: e.round, value });
    }
    for (const [id, values] of Object.entries(e.agents)) this.agents.set(id, { ...this.agents.get(id), ...values });
    const g = this.mechanics.generations;
    if (g && e.round > 0 && e.round % g.every === 0) this.closeGeneration(e.round / g.every);
  }

  /**
   * Per agent quantity, what the generation's agents gained in it on average during the
   * generation (from its start, or from the initial value for those born in it): with a tally of
   * what was given, a generation's cooperation (`agents.given.gain.g2`).
   */
  private closeGeneration(k: number): void {
    for (const q of this.mechanics.agents) {
      const gains = [...this.agents].map(
        ([id, v]) => v[q.name] - (this.generationStart.get(id)?.[q.name] ?? q.initial),
      );
      const finite = gains.filter((x) => Number.isFinite(x));
      this.perGeneration[`agents.${q.name}.gain.g${k}`] = finite.length
        ? finite.reduce((a, b) => a + b, 0) / finite.length
        : null;
    }
    this.generationStart = new Map([...this.agents].map(([id, v]) => [id, { ...v }]));
  }

  removeAgent(id: string): void {
    this.agents.delete(id);
  }

  /**
   * The declared state as it stands, for a run's series (runSeries.ts): each reported world
   * quantity (`world.<q>`), and per agent quantity the mean, the population standard deviation
   * (the agents are the whole society, not a sample of it) and the Gini over the agents present.
   */
  current(): Record<string, number | null> {
    const out: Record<string, number | null> = nameRecord();
    for (const q of writtenWorldQuantities(this.mechanics, this.o)) {
      const s = this.series.get(q.name);
      out[`world.${q.name}`] = s?.length ? s[s.length - 1].value : null;
    }
    for (const q of this.mechanics.agents) {
      const values = [...this.agents.values()].map((v) => v[q.name]).filter((x) => Number.isFinite(x));
      const n = values.length;
      const mean = n ? values.reduce((a, b) => a + b, 0) / n : null;
      out[`agents.${q.name}.mean`] = mean;
      out[`agents.${q.name}.sd`] =
        mean === null ? null : Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
      out[`agents.${q.name}.gini`] = values.every((x) => x >= 0) ? gini(values) : null;
    }
    return out;
  }

  metrics(rounds: number): Record<string, number | null> {
    const out: Record<string, number | null> = nameRecord();
    // A world quantity nothing writes (a condition's switch) has no course to report; its values
    // come from the state events, whoever wrote them (an update, an effect, the module).
    for (const q of writtenWorldQuantities(this.mechanics, this.o)) {
      const s = this.series.get(q.name) ?? [];
      out[`world.${q.name}.final`] = s.length ? s[s.length - 1].value : null;
      if (q.min !== undefined) {
        const gone = s.find((x) => x.round > 0 && x.value <= q.min!);
        out[`world.${q.name}.survival`] = gone ? gone.round : rounds;
      }
    }
    for (const q of this.mechanics.agents) {
      const values = [...this.agents.values()].map((v) => v[q.name]).filter((x) => Number.isFinite(x));
      out[`agents.${q.name}.mean`] = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      out[`agents.${q.name}.gini`] = values.every((x) => x >= 0) ? gini(values) : null;
    }
    return { ...out, ...this.perGeneration };
  }
}
