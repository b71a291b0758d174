// What `learn` keeps of a turn: the rewards just computed, the previous ones (the coach's trend)
// and the partners since the previous reward phase (whom the coach may name).
import type { Driver } from '../../../format';
import type { RewardResult } from '../../society/rewards';
import { slot } from '../slot';

export interface LearnTurn {
  rewards?: RewardResult;
  /** The rewards of the agent's previous reward phase, for the coach's trend. */
  previous?: { raw: Record<Driver, number>; total: number };
  /** Partners since the previous reward phase. */
  recentPartners: string[];
}

export const LEARN_TURN = slot<LearnTurn>(() => ({ recentPartners: [] }));
