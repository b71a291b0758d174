// The built-in phase `learn`: rewards, coaching and reflection, each agent on its own state.
import { after, type Step } from '../../flow/step';
import type { Tape } from '../../flow/tape';
import type { PhaseKind, PhaseStep } from '../kind';
import { MEET_TURN } from '../meet/meetState';
import { peek } from '../slot';
import { letGo, type Turn } from '../turn';
import { coach } from './coaching';
import { reflect } from './reflection';
import { countReward, reward, type RewardChange } from './reward';

const STEPS: readonly PhaseStep[] = [
  { name: 'reward', run: reward },
  { name: 'coach', run: coach },
  { name: 'reflect', run: reflect },
];

export const LEARN: PhaseKind = {
  kind: 'learn',
  steps: STEPS,
  events: ['reward', 'advice', 'reflection', 'memory', 'error'],
  changes: { reward: (world, c: RewardChange) => countReward(world, c) },
  async run(_world, r) {
    // Conversations are let go first: at 10,000 agents a round's transcripts are worth freeing early.
    for (const t of r.turns) {
      const m = peek(t, MEET_TURN);
      if (!m) continue;
      m.conversations = [];
      m.candidates = [];
    }
    // The round's last phase: each turn lets go of what it holds as soon as it is done.
    const learn = r.last
      ? (t: Turn, tape: Tape, i: number): Step => after(r.steps(t, tape, i, STEPS), () => letGo(t))
      : (t: Turn, tape: Tape, i: number): Step => r.steps(t, tape, i, STEPS);
    await r.stage(r.turns, learn);
  },
};
