// What an action phase keeps of a turn: the phase running and the agent's choice, which waits
// until every agent of a simultaneous phase has chosen (act/resolve.ts).
import type { ActPhase } from '../../../format';
import type { ActRequest, DecisionResponse } from '../../../llm/types';
import { slot } from '../slot';

export interface ActTurn {
  /** The action phase now running (society/roundPlan.ts). */
  phase?: ActPhase;
  /** The choice, applied when the phase resolves it. */
  chosen?: DecisionResponse<ActRequest>;
}

export const ACT_TURN = slot<ActTurn>(() => ({}));
