// The seeded random source of the analysis layer (random baselines, Louvain, layout starts), so
// every metric and picture is reproducible from a seed. graphology's packages take an `rng`
// function but ship no seeded one; this adapts the project's seeded streams (random/rng.ts).
import { stream } from './rng';

/** Uniform floats in [0, 1); the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  const rng = stream('analysis', seed);
  return () => rng.next();
}
