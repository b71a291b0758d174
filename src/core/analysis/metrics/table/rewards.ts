// The rewards of the friend-making loop's `learn` phase: the motivation-weighted total and each
// driver's raw mean over every agent-round.
import { DRIVERS } from '../../../format/pure';
import { SHARE, type Metric } from './metric';

export const MEAN_REWARD = {
  name: 'mean_reward',
  label: 'Mean reward',
  description:
    "Mean total reward (each agent's motivation-weighted mean of the five drivers) over every agent-round: the mean of the rounds' mean_reward.",
  kind: 'real',
  // Every raw reward is sat(x, k) in [0, 1) (SOC times 0.5 + 0.5 · a rating in [0, 1]), and the
  // total a weighted mean of them.
  bounds: SHARE,
  needs: ['rewards'],
  outcome: { order: 9, of: (r) => r.rewards.total },
  series: { order: 7, of: (r) => r.meanReward, chart: 6 },
  baseline: false,
} as const satisfies Metric;

// Typed without `network`: these are not measured on a tie network (a `network` here is a compile
// error, since NetworkMetrics is read off the entries' types and this map's could not say it).
export const DRIVER_REWARDS: readonly Omit<Metric, 'network'>[] = DRIVERS.map((d, i): Omit<Metric, 'network'> => ({
  name: `reward_${d}`,
  label: `${d} reward`,
  description: `Mean raw ${d} reward (0..1, before motivation weights) over every agent-round.`,
  kind: 'real',
  bounds: SHARE,
  needs: ['rewards'],
  outcome: { order: 10 + i, of: (r) => r.rewards.means[d] },
  baseline: false,
}));
