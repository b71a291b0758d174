// Offline survey answers, by a documented rule (docs/surveys.md). For an item of a scale that
// measures a Big Five trait t (0..1): the trait is shifted by the agent's mood — the mean valence
// m (−1..1) of its latest memories that carry one — t' = clamp(t + 0.1·m, 0, 1), or t − 0.1·m for
// neuroticism; reversed (1 − t') for a reverse-keyed item; and placed on the scale: a Likert
// answer is round(1 + t'·(points − 1) + noise), noise ~ Normal(0, 0.6), clamped to 1..points; a
// numeric one min + t'·(max − min) + Normal(0, 0.1·(max − min)), clamped, to 2 decimals. An item
// that measures no trait (an attitude: trust, satisfaction, fairness) moves with what the agent
// lived through (issue 57): t = ½ + ATTITUDE_SHIFT·(½·v + ½·f), v the valence of the memories the
// item's words recall (overlap-weighted; the mood when none share a word; 0 without either) and f
// how the agent fares against the others (−1..1) — people who fared well, and whose memories of
// the thing asked about are good, rate it higher (trust after others cooperated: Glaeser et al.
// 2000; satisfaction with relative payoff: Clark & Oswald 1996), so an instrument given before and
// after a run measures what happened. A choice item takes an option at random; a text item says
// the agent's view in one line. Each item draws from the decision's own stream (seed, key), so
// answering changes no other draw of the run.
import type { Rng } from '../../random/rng';
import type { SurveyAnswer } from '../../format';
import type { SurveyQuestion, SurveyRequest, SurveyResponse } from '../types';
import { nameRecord } from '../../text/nameRecord';

/** How far a fully good or bad mood moves a trait's expected answer (in trait units). */
export const MOOD_SHIFT = 0.1;
/** How far what an agent lived through moves an attitude item's expected answer (share of the scale). */
export const ATTITUDE_SHIFT = 0.35;
/** Likert noise (sd in points) and numeric noise (sd as a share of the range). */
export const LIKERT_NOISE = 0.6;
export const NUMERIC_NOISE = 0.1;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The item's position 0..1 on its scale before noise: trait, mood, keying. */
export function expectedPosition(req: SurveyRequest, q: SurveyQuestion): number {
  const t = q.trait ? req.persona.traits[q.trait] : attitude(req, q);
  const mood = q.trait ? (req.mood ?? 0) * MOOD_SHIFT * (q.trait === 'neuroticism' ? -1 : 1) : 0;
  const shifted = clamp(t + mood, 0, 1);
  return q.reverse ? 1 - shifted : shifted;
}

/** Content words of a text: lower case, 4 letters or more, a plural's s left off. */
function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}]{4,}/gu) ?? []) out.add(w.endsWith('s') ? w.slice(0, -1) : w);
  return out;
}

/** The valence of the memories an item's words recall, overlap-weighted; undefined when none with a valence shares a word. */
export function recalledValence(
  item: string,
  memories: readonly { text: string; valence?: number }[],
): number | undefined {
  const asked = words(item);
  let sum = 0,
    weight = 0;
  for (const m of memories) {
    if (m.valence === undefined) continue;
    let shared = 0;
    for (const w of words(m.text)) if (asked.has(w)) shared++;
    sum += shared * m.valence;
    weight += shared;
  }
  return weight > 0 ? sum / weight : undefined;
}

/** An attitude item's position before keying: ½ moved by what the agent lived through. */
export function attitude(req: SurveyRequest, q: SurveyQuestion): number {
  const v = recalledValence(q.text, req.lived?.memories ?? []) ?? req.mood ?? 0;
  const f = req.lived?.fortune ?? 0;
  return clamp(0.5 + ATTITUDE_SHIFT * (0.5 * v + 0.5 * f), 0, 1);
}

function answer(req: SurveyRequest, q: SurveyQuestion, rng: Rng): SurveyAnswer {
  const s = q.response;
  const p = expectedPosition(req, q);
  switch (s.type) {
    case 'likert':
      return clamp(Math.round(1 + p * (s.points - 1) + LIKERT_NOISE * rng.normal()), 1, s.points);
    case 'numeric': {
      const span = s.max - s.min;
      const x = clamp(s.min + p * span + NUMERIC_NOISE * span * rng.normal(), s.min, s.max);
      return Math.round(x * 100) / 100;
    }
    case 'choice':
      return rng.pick(s.options);
    case 'text':
      return `As ${req.persona.name}, ${p >= 0.5 ? 'I mostly agree' : 'I am not sure I agree'}: "${q.text}"`;
  }
}

export function answerSurvey(req: SurveyRequest, rng: Rng): SurveyResponse {
  const answers = nameRecord<SurveyAnswer>();
  for (const q of req.items) answers[q.id] = answer(req, q, rng);
  return { answers };
}
