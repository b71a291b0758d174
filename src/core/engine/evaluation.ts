// After a conversation each side rates the other. The rating moves the rater's directed tie,
// becomes an evaluation memory (with a valence the agent later acts on), and is fed back to the
// rated agent (its rewards and what it knows about the rater).
import type { TranscriptLine } from '../llm/types';
import type { Agent } from './agent';
import { recordRating } from './rewards';
import { tieTarget, updatedStrength } from './ties';
import { usageField, type World } from './world';
import type { RetrievedMemory } from '../llm/types';

export async function evaluatePartner(
  world: World, rater: Agent, ratee: Agent, encounter: string, transcript: TranscriptLine[], initiatedBy: string,
  memories: RetrievedMemory[], signal?: AbortSignal,
): Promise<void> {
  const tie = world.ties.get(rater.id, ratee.id);
  const res = await world.decide(rater.model, {
    kind: 'evaluate', key: `evaluate:${encounter}:${rater.id}:${ratee.id}`, round: world.round,
    setting: world.settings.world.setting, persona: rater.brief, memories, partner: ratee.brief, transcript,
    initiated_by: initiatedBy, met_before: rater.met.get(ratee.id) ?? 0, tie,
  }, 'evaluate', rater.id, signal);
  if (!res) return;
  const clamp = (x: number): number => (Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0);
  const reasons = { reciprocity: clamp(res.reasons.reciprocity), novelty: clamp(res.reasons.novelty), affect: clamp(res.reasons.affect) };
  const rating = clamp(res.rating);
  world.emit({ type: 'evaluation', round: world.round, encounter, from: rater.id, to: ratee.id, rating, reasons, text: res.text, ...usageField(res.usage) });

  const cfg = world.settings.ties;
  const strength = updatedStrength(tie, tieTarget(reasons, cfg.weights), cfg);
  world.ties.set(rater.id, ratee.id, strength, world.round);
  world.emit({ type: 'tie', round: world.round, from: rater.id, to: ratee.id, previous: tie, strength, exists: strength >= cfg.threshold, cause: 'evaluation' });

  // Importance grows with how far the rating is from indifferent (0.5).
  const valence = 2 * rating - 1;
  const topic = transcript.find((l) => l.from === ratee.id && l.topic)?.topic;
  world.remember(rater, 'evaluation', `I rated my conversation with ${ratee.persona.name} ${rating.toFixed(2)}: ${res.text}`,
    3 + 5 * Math.abs(valence), { partner: ratee.id, valence, ...(topic ? { topic } : {}) });

  ratee.ratedBy.set(rater.id, rating);
  recordRating(ratee.window, rating);
}
