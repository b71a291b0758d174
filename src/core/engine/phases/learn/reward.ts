// The `reward` step: score what happened since the agent's previous reward phase (the five
// behavioral rewards, society/rewards.ts); the agent observes the result as a memory.
import { DRIVERS, type Driver } from '../../../format';
import type { StateChange } from '../../flow/stateChange';
import { computeRewards, emptyWindow, type RewardResult } from '../../society/rewards';
import type { PhaseContext } from '../context';
import { own } from '../slot';
import type { Turn } from '../turn';
import { LEARN_TURN } from './learnState';

/** An agent's reward total, for the round's statistics (at the stage's commit). */
export interface RewardChange extends StateChange {
  kind: 'reward';
  total: number;
}

/** Commits a reward total to the round's statistics. */
export function countReward(world: PhaseContext, c: RewardChange): void {
  world.roundStats.rewardSum += c.total;
  world.roundStats.rewardCount++;
}

/** The driver with the largest weighted shortfall w_d·(1 − raw_d). */
export function weakest(r: RewardResult, w: Record<Driver, number>): Driver {
  let best: Driver = DRIVERS[0],
    gap = -Infinity;
  for (const d of DRIVERS) {
    const g = w[d] * (1 - r.raw[d]);
    if (g > gap + 1e-12) {
      gap = g;
      best = d;
    }
  }
  return best;
}

/** Reward: score what happened since the previous reward phase; the agent observes the result. */
export function reward(world: PhaseContext, t: Turn): void {
  const a = t.agent;
  const r = computeRewards(a.window, world.settings.rewards, a.persona.motivations);
  const l = own(t, LEARN_TURN);
  l.rewards = r;
  l.previous = a.lastRewards;
  l.recentPartners = [...a.window.partners];
  a.lastRewards = { raw: r.raw, total: r.total };
  t.tape.say({
    type: 'reward',
    round: world.round,
    agent: a.id,
    raw: r.raw,
    weighted: r.weighted,
    total: r.total,
    basis: r.basis,
  });
  t.tape.later<RewardChange>({ kind: 'reward', total: r.total });
  const low = weakest(r, r.weights);
  const parts = DRIVERS.map((d) => `${d} ${r.raw[d].toFixed(2)}`).join(', ');
  // "socializing", not "social": a noun, with the stem relevance already counts for "social 0.55".
  world.remember(
    a,
    'observation',
    `How I fared lately: ${parts}; overall ${r.total.toFixed(2)}. I got too little ${low === 'social' ? 'socializing' : low}.`,
    3,
    { driver: low },
    t.tape,
  );
  a.window = emptyWindow();
}
