// What homophily a density-matched random graph of the same agents shows: G(n, m) draws whose
// nodes carry the real agents' categories. Near 0, but not exactly (finite size, few categories),
// so a claim of homophily compares with this figure rather than with 0. One function for the run
// report and experiments, so a run's figure is the same in both.
import { attributeAssortativity } from './assortativity';
import { BASELINE_SAMPLES, randomDirectedGnm } from './randomBaseline';
import { seededRandom } from '../../random/seededRandom';
import { undirectedProjection } from './tieGraph';

/**
 * Mean categorical assortativity over `samples` seeded G(n, m) draws, node k carrying
 * `categories[k]` ('' for an agent without one). null when no agent has a category, or when the
 * coefficient is undefined in every draw.
 */
export function assortativityBaseline(
  categories: readonly string[],
  m: number,
  seed: number,
  samples = BASELINE_SAMPLES,
): number | null {
  if (categories.length < 2 || categories.every((c) => c === '')) return null;
  // Without ties no draw has an edge, and assortativity over no edges is undefined.
  if (m === 0) return null;
  // A stream of its own: the reciprocity and clustering draws (randomBaseline) stay as they were.
  const rng = seededRandom(seed ^ 0x5bd1e995);
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const g = randomDirectedGnm(categories.length, m, rng);
    categories.forEach((c, k) => g.setNodeAttribute(String(k), 'category', c));
    const v = attributeAssortativity(undirectedProjection(g), 'category');
    if (v !== null) values.push(v);
  }
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}
