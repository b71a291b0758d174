// Several runs against several, paired by seed: a parent run per seed and its branch per seed, or
// two settings over the same seeds. Per outcome the paired contrast B − A with its 95% CI (a paired
// t-interval on the per-seed differences, statistics.ts seedContrast), and per series the mean
// difference round by round with its CI. A seed in one set only (or twice in one) is named and left out.
import { appliesKey, checkHeaders, eitherWorld, type RunDigest, unionNames, type WorldFacts } from '../../analysis';
import { estimate, seedContrast, type Contrast, type Estimate } from '../statistics';
import { ruleBasedModels } from '../effectSizeNote';

export interface LabelledDigest {
  label: string;
  digest: RunDigest;
}

export interface PairedOutcome {
  /** Pairs in which both runs have a value. */
  n: number;
  a: Estimate;
  b: Estimate;
  /** Mean of the per-seed differences B − A, its 95% CI and p (paired t, from two pairs on). */
  difference: Contrast;
}

export interface PairedSeries {
  rounds: number[];
  metrics: Record<string, { a: Estimate[]; b: Estimate[]; difference: Estimate[] }>;
}

export interface PairedComparison {
  kind: 'paired';
  scenario: string;
  a: { label: string; runs: number };
  b: { label: string; runs: number };
  pairs: { seed: number; a: string; b: string }[];
  /** Runs left out: their seed is in one set only, or more than once in a set. */
  leftOut: { side: 'A' | 'B'; seed: number; label: string; why: 'unpaired' | 'seed repeated' }[];
  notes: string[];
  outcomes: Record<string, PairedOutcome>;
  series: PairedSeries;
  /** Every model the runs name is the offline rule-based model (what Hedges' g means, effectSizeNote.ts). */
  rule_based: boolean;
  /** The experiment's own outcomes (`metrics:`), when the sides are its conditions: their series are drawn first. */
  declared?: string[];
}

type Side = 'A' | 'B';

/** Each seed's one run, and the runs left out because their seed repeats. */
function bySeed(runs: readonly LabelledDigest[], side: Side, leftOut: PairedComparison['leftOut']) {
  const seen = new Map<number, LabelledDigest[]>();
  for (const r of runs) seen.set(r.digest.header.seed, [...(seen.get(r.digest.header.seed) ?? []), r]);
  const out = new Map<number, LabelledDigest>();
  for (const [seed, rs] of seen) {
    if (rs.length === 1) out.set(seed, rs[0]);
    else for (const r of rs) leftOut.push({ side, seed, label: r.label, why: 'seed repeated' });
  }
  return out;
}

function pairUp(a: readonly LabelledDigest[], b: readonly LabelledDigest[]) {
  const leftOut: PairedComparison['leftOut'] = [];
  const ma = bySeed(a, 'A', leftOut),
    mb = bySeed(b, 'B', leftOut);
  for (const [seed, r] of ma) if (!mb.has(seed)) leftOut.push({ side: 'A', seed, label: r.label, why: 'unpaired' });
  for (const [seed, r] of mb) if (!ma.has(seed)) leftOut.push({ side: 'B', seed, label: r.label, why: 'unpaired' });
  const seeds = [...ma.keys()].filter((s) => mb.has(s)).sort((x, y) => x - y);
  return { pairs: seeds.map((s) => [s, ma.get(s)!, mb.get(s)!] as const), leftOut };
}

const finite = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** The contrast over the pairs where both runs have a value (a pair missing one is no pair for it). */
function pairedOutcome(values: readonly [number | null | undefined, number | null | undefined][]): PairedOutcome {
  const both = values.filter((v): v is [number, number] => finite(v[0]) && finite(v[1]));
  const ma = new Map(both.map((v, i) => [i, v[0]])),
    mb = new Map(both.map((v, i) => [i, v[1]]));
  return {
    n: both.length,
    a: estimate(values.map((v) => v[0] ?? null)),
    b: estimate(values.map((v) => v[1] ?? null)),
    difference: seedContrast(ma, mb),
  };
}

function pairedSeries(
  pairs: readonly (readonly [number, LabelledDigest, LabelledDigest])[],
  world: WorldFacts,
): PairedSeries {
  const all = pairs.flatMap(([, x, y]) => [x.digest.series, y.digest.series]);
  const rounds = [...new Set(all.flatMap((s) => s.rounds))].sort((x, y) => x - y);
  const names = all
    .reduce<string[]>((n, s) => unionNames(n, Object.keys(s.metrics)), [])
    .filter((n) => appliesKey(n, world));
  const valueAt = (d: RunDigest, name: string, round: number) => {
    const i = d.series.rounds.indexOf(round);
    return i < 0 ? null : (d.series.metrics[name]?.[i] ?? null);
  };
  const metrics: PairedSeries['metrics'] = {};
  for (const name of names) {
    const at = rounds.map((r) => pairs.map(([, x, y]) => [valueAt(x.digest, name, r), valueAt(y.digest, name, r)]));
    metrics[name] = {
      a: at.map((vs) => estimate(vs.map((v) => v[0]))),
      b: at.map((vs) => estimate(vs.map((v) => v[1]))),
      difference: at.map((vs) => estimate(vs.filter((v) => finite(v[0]) && finite(v[1])).map((v) => v[1]! - v[0]!))),
    };
  }
  return { rounds, metrics };
}

/** The paired comparison of run sets A and B (labels name the sets). Throws NotComparable for two scenarios. */
export function comparePaired(
  a: { label: string; runs: readonly LabelledDigest[] },
  b: { label: string; runs: readonly LabelledDigest[] },
  /** `conditions`: A and B are two conditions of one experiment, set apart by design; `declared`: its own outcomes. */
  o: { conditions?: boolean; declared?: readonly string[] } = {},
): PairedComparison {
  const { pairs, leftOut } = pairUp(a.runs, b.runs);
  const notes = new Set<string>();
  const designed = new Set<string>();
  for (const [, x, y] of pairs) {
    // Seeds are equal within a pair; the rest (an edited branch, another setting) is said once.
    const header = checkHeaders(x.digest.header, y.digest.header, { designed: o.conditions });
    for (const n of header.notes) notes.add(n);
    if (o.conditions) for (const p of header.settings) designed.add(p);
  }
  if (designed.size) notes.add(`the conditions set ${[...designed].sort().join(', ')} differently, by design`);
  for (const [seed, x, y] of pairs) {
    for (const [side, d] of [
      ['A', x],
      ['B', y],
    ] as const) {
      if (!d.digest.complete) {
        notes.add(`${side}'s run of seed ${seed} (${d.label}) is unfinished (round ${d.digest.lastRound})`);
      }
    }
  }
  // What either side's worlds provide: no tie rows for a game without ties, no reward rows without rewards.
  const world = [...a.runs, ...b.runs].reduce<WorldFacts>((w, r) => eitherWorld(w, r.digest.world), {
    ties: false,
    rewards: false,
  });
  const names = pairs
    .reduce<string[]>(
      (n, [, x, y]) => unionNames(unionNames(n, Object.keys(x.digest.outcomes)), Object.keys(y.digest.outcomes)),
      [],
    )
    .filter((n) => appliesKey(n, world));
  const outcomes = Object.fromEntries(
    names.map((name) => [
      name,
      pairedOutcome(pairs.map(([, x, y]) => [x.digest.outcomes[name], y.digest.outcomes[name]])),
    ]),
  );
  const first = pairs[0]?.[1] ?? a.runs[0] ?? b.runs[0];
  return {
    kind: 'paired',
    scenario: first?.digest.header.scenario.name ?? '',
    a: { label: a.label, runs: a.runs.length },
    b: { label: b.label, runs: b.runs.length },
    pairs: pairs.map(([seed, x, y]) => ({ seed, a: x.label, b: y.label })),
    leftOut: leftOut.sort((x, y) => x.seed - y.seed || x.side.localeCompare(y.side)),
    notes: [...notes],
    outcomes,
    series: pairedSeries(pairs, world),
    rule_based: ruleBasedModels([...a.runs, ...b.runs].map((r) => r.digest.header.models)),
    ...(o.declared?.length ? { declared: [...o.declared] } : {}),
  };
}
