// The run's model settings in words, for the report's run table: what a reader needs to know to
// redo the run or to compare two reports (encounters, tie dynamics, retrieval, reward weights).
import { DRIVERS, DRIVER_LABELS } from '../../format';
import type { RunSettings } from '../../trace/events';
import { counted } from '../../text/counted';

export function encountersText(s: RunSettings): string {
  const e = s.world.encounters;
  const policy =
    e.mode === 'random'
      ? 'random partners'
      : e.mode === 'network'
        ? 'partners mostly through ties'
        : 'a recommender (interests, ties, popularity)';
  const exploring = e.mode === 'random' ? '' : `, ${e.exploration} explored at random`;
  const among = e.among === 'match' ? ' within each match group' : '';
  const rooms = s.world.rooms.length ? `; ${counted(s.world.rooms.length, 'room')}` : '';
  return `${policy}${among}, ${counted(e.per_round, 'conversation')} started per agent and round${exploring}; conversations of ${counted(s.world.conversation.turns, 'turn')}${rooms}`;
}

export function tieDynamicsText(s: RunSettings): string {
  const t = s.ties,
    w = t.weights;
  return `learning rate ${t.learning_rate}, decay ${t.decay} per round without talking; target ${w.reciprocity}·reciprocity + ${w.novelty}·novelty + ${w.affect}·affect`;
}

export function memoryText(s: RunSettings): string {
  const m = s.memory;
  const scales = m.normalize === 'minmax' ? 'each rescaled per query (min–max)' : 'fixed 0..1 scales';
  return `top ${m.top_k} by ${m.recency}·recency + ${m.importance}·importance + ${m.relevance}·relevance (${scales}), recency decay ${m.decay} per round; reflection at ${m.reflect_at} importance`;
}

export function rewardWeightsText(s: RunSettings): string {
  return DRIVERS.map((d) => `${DRIVER_LABELS[d]} ${s.rewards[d]}`).join(', ');
}
