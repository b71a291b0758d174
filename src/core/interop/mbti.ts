// MBTI types → Big Five traits. MBTI's four scales correlate with four of the Big Five (McCrae &
// Costa, 1989: E–I with extraversion, S–N with openness, T–F with agreeableness, J–P with
// conscientiousness); a type gives the pole, not the strength, so each letter sets the trait to a
// moderate 0.3 or 0.7 (T–F, the weakest correlation, to 0.35/0.65). The 16Personalities suffix
// -A/-T (assertive/turbulent) sets neuroticism 0.3/0.7; without it neuroticism keeps its default.
import type { TraitName } from '../format';

const LETTERS: Record<string, [TraitName, number]> = {
  E: ['extraversion', 0.7],
  I: ['extraversion', 0.3],
  N: ['openness', 0.7],
  S: ['openness', 0.3],
  F: ['agreeableness', 0.65],
  T: ['agreeableness', 0.35],
  J: ['conscientiousness', 0.7],
  P: ['conscientiousness', 0.3],
};

/** Traits for a type like "ENTP" or "INFJ-T"; undefined when it is not an MBTI type. */
export function traitsFromMbti(type: string): Partial<Record<TraitName, number>> | undefined {
  const match = /^\s*([EI])([NS])([FT])([JP])(?:-([AT]))?\s*$/i.exec(type);
  if (!match) return undefined;
  const traits: Partial<Record<TraitName, number>> = {};
  for (const letter of match.slice(1, 5)) {
    const [trait, value] = LETTERS[letter.toUpperCase()];
    traits[trait] = value;
  }
  if (match[5]) traits.neuroticism = match[5].toUpperCase() === 'T' ? 0.7 : 0.3;
  return traits;
}
