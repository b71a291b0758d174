// In how many rounds a phase's `when` holds, for the estimate (issue 70). A `when` over world
// quantities nothing changes — no update, no action's effect, no timed `set`, no code module — and
// `round` and `n` is known before the run: evaluated at each round, it is exact (the public goods
// example's sanction phase never runs without punishment; it was estimated at every round, twice
// the calls). Any other `when` is taken to hold every round: an upper bound.
import { compileExpression, expressionEnvironment, type Scenario } from '../format';
import { nameRecord } from '../text/nameRecord';

const WORLD_READ = /\bworld\.([A-Za-z_]\w*)/g;

/** The world quantities something may change during the run (every one, with a module or a timed `set`). */
function changing(s: Scenario): Set<string> | 'all' {
  if (s.module || s.events.some((e) => 'set' in e)) return 'all';
  const out = new Set<string>();
  const m = s.mechanics;
  for (const q of m?.world ?? []) if (q.update !== undefined) out.add(q.name);
  for (const a of m?.actions ?? []) {
    for (const e of a.effects) if (e.target.startsWith('world.')) out.add(e.target.slice('world.'.length));
  }
  return out;
}

/** Rounds of 1..rounds in which `when` holds; `rounds` when that cannot be known before the run. */
export function roundsHeld(s: Scenario, when: string | undefined, rounds: number, agents: number): number {
  if (when === undefined || !s.mechanics) return rounds;
  const moving = changing(s);
  if (moving === 'all') return rounds;
  for (const [, q] of when.matchAll(WORLD_READ)) if (moving.has(q)) return rounds;
  try {
    const holds = compileExpression(expressionEnvironment(s.mechanics, { kind: 'world' }), when);
    const world = nameRecord<number>();
    for (const q of s.mechanics.world) world[q.name] = q.initial;
    let held = 0;
    // CEL ints are BigInts (as the engine passes them).
    for (let round = 1; round <= rounds; round++) {
      if (
        holds({ world, n: BigInt(agents) as unknown as number, round: BigInt(round) as unknown as number }) === true
      ) {
        held++;
      }
    }
    return held;
  } catch {
    return rounds;
  }
}
