// A census group's members: every combination of categories (a cell) seeded from the joint table
// (or evenly), raked to the marginal shares × count by IPF, integerised by truncate-replicate-
// sample with margins matched to whole targets, and shuffled, all from the group's own seeded stream. Also the coverage: each
// category's target share against the share synthesised.
import { integerise, ipf, matchMargins, wholeTargets } from '../../../stats/ipf';
import { stream } from '../../../random/rng';
import type { CensusData } from '../../model/censusTypes';

export interface CensusMember {
  /** Category index per attribute (the order of `CensusData.attributes`). */
  cell: number[];
  /** The cell's fitted weight: how many agents like it the fit expects. */
  weight: number;
  /** Lines of the joint rows behind the cell (the first few). */
  seedRows?: number[];
}

export interface CategoryCoverage {
  category: string;
  target: number;
  synthesised: number;
}

export interface Coverage {
  attributes: { name: string; categories: CategoryCoverage[] }[];
  /** The largest |synthesised − target| share, and where. */
  largest: { attribute: string; category: string; error: number };
  ipf: { iterations: number; converged: boolean };
}

export interface Synthesis {
  members: CensusMember[];
  coverage: Coverage;
}

const SEED_ROWS_KEPT = 5;

/** Every cell of the attributes' categories, the last attribute fastest. */
function grid(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of sizes) out = out.flatMap((c) => Array.from({ length: n }, (_, k) => [...c, k]));
  return out;
}

/** Each cell's seed weight and the joint rows behind it (every cell 1 without a joint table). */
function seedOf(data: CensusData, cells: readonly number[][]): { weights: number[]; rows: number[][] } {
  const joint = data.joint;
  if (!joint) return { weights: cells.map(() => 1), rows: cells.map(() => []) };
  const byKey = new Map<string, { weight: number; lines: number[] }>();
  for (const r of joint.rows) {
    const key = r.cats.join(',');
    const hit = byKey.get(key) ?? { weight: 0, lines: [] };
    hit.weight += r.weight;
    if (hit.lines.length < SEED_ROWS_KEPT) hit.lines.push(r.line);
    byKey.set(key, hit);
  }
  const hits = cells.map((c) => byKey.get(joint.attributes.map((a) => c[a]).join(',')));
  return { weights: hits.map((h) => h?.weight ?? 0), rows: hits.map((h) => h?.lines ?? []) };
}

const memo = new WeakMap<CensusData, Map<string, Synthesis>>();

/** The `count` members of a census group, the same for the same tables, count, seed and group. */
export function synthesise(data: CensusData, count: number, seed: number, group: string): Synthesis {
  const key = `${count}\u0000${seed}\u0000${group}`;
  const hit = memo.get(data)?.get(key);
  if (hit) return hit;
  const sizes = data.attributes.map((a) => a.categories.length);
  const cells = grid(sizes);
  const seedTable = seedOf(data, cells);
  const shares = data.attributes.map((a) => {
    const total = a.targets.reduce((s, t) => s + t, 0);
    return a.targets.map((t) => (total > 0 ? t / total : 0));
  });
  const fit = ipf(
    seedTable.weights,
    cells,
    shares.map((s) => s.map((x) => x * count)),
    { tolerance: 1e-9 * Math.max(1, count) },
  );
  const rng = stream(seed, 'population', group, 'census');
  const rounded = integerise(fit.weights, count, () => rng.next());
  // Then each margin as close to its target as whole agents allow (TRS alone may miss by a few).
  const counts = matchMargins(
    rounded,
    fit.weights,
    cells,
    shares.map((s) => wholeTargets(s, count)),
  );
  const order: number[] = [];
  counts.forEach((n, c) => {
    for (let i = 0; i < n; i++) order.push(c);
  });
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const members = order.map((c) => ({
    cell: cells[c],
    weight: fit.weights[c],
    ...(data.joint ? { seedRows: seedTable.rows[c] } : {}),
  }));
  const result = { members, coverage: coverageOf(data, shares, members, fit) };
  if (!memo.has(data)) memo.set(data, new Map());
  memo.get(data)?.set(key, result);
  return result;
}

function coverageOf(
  data: CensusData,
  shares: number[][],
  members: readonly CensusMember[],
  fit: { iterations: number; converged: boolean },
): Coverage {
  let largest = { attribute: '', category: '', error: 0 };
  const attributes = data.attributes.map((a, i) => {
    const tally = new Array<number>(a.categories.length).fill(0);
    for (const m of members) tally[m.cell[i]]++;
    const categories = a.categories.map((category, k) => {
      const synthesised = members.length ? tally[k] / members.length : 0;
      const error = Math.abs(synthesised - shares[i][k]);
      if (error > Math.abs(largest.error) || !largest.attribute) {
        largest = { attribute: a.name, category, error: synthesised - shares[i][k] };
      }
      return { category, target: shares[i][k], synthesised };
    });
    return { name: a.name, categories };
  });
  return { attributes, largest, ipf: { iterations: fit.iterations, converged: fit.converged } };
}
