// The built-in phase `evaluate`, the barrier: every conversation of the round's `meet` is rated —
// the rooms' and the ones each agent started — against the ties as they stood at the barrier;
// tie changes are committed in turn order.
import { after } from '../../flow/step';
import { inOrder } from '../../flow/tape';
import type { PhaseKind, PhaseStep } from '../kind';
import { roomTalks } from '../meet/meet';
import { MEET_TURN } from '../meet/meetState';
import type { Conversation } from '../meet/talk';
import { own } from '../slot';
import type { Turn } from '../turn';
import { commitRating, countMeeting, evaluateConversation, type MetChange, type RatingChange } from './evaluation';

/**
 * Evaluate: both sides of each conversation the agent started rate each other. Rated, the
 * conversations are let go (a round has one `evaluate`, and nothing after it reads them): their
 * transcripts and recalled memories (≈ 0.8 KB an agent) would otherwise wait for the barrier
 * beside every rating, at the round's peak.
 */
const EVALUATE_STEP: PhaseStep = {
  name: 'evaluate',
  run: (world, t) => {
    const m = own(t, MEET_TURN);
    return after(
      inOrder(m.conversations, t.tape, (conv, tape) => evaluateConversation(world, conv, tape, t.signal)),
      () => {
        m.conversations = [];
      },
    );
  },
};

export const EVALUATE: PhaseKind = {
  kind: 'evaluate',
  steps: [EVALUATE_STEP],
  events: ['evaluation', 'tie', 'memory', 'error'],
  changes: {
    rating: (world, c: RatingChange) => commitRating(world, c),
    met: (world, c: MetChange) => countMeeting(world, c.members),
  },
  async run(world, r) {
    const units: ({ conv: Conversation } | { turn: Turn; i: number })[] = [
      ...roomTalks(r).map((conv) => ({ conv })),
      ...r.turns.map((turn, i) => ({ turn, i })),
    ];
    await r.stage(units, (u, tape) =>
      'conv' in u ? evaluateConversation(world, u.conv, tape, r.signal) : r.steps(u.turn, tape, u.i, [EVALUATE_STEP]),
    );
  },
};
