// A persona's five traits and five motivations as object literals with their keys in TRAIT_NAMES
// and DRIVERS order. An object filled key by key from `{}` keeps its fifth value outside the object
// (a property array, ≈ 40 B): at a million sampled agents, two of them each, ≈ 80 MB. The keys and
// their order (what JSON, checkpoints and prompts see) are those of the loops over the two lists,
// and the values are drawn in that order too (fixedRecords.test.ts holds both to the lists).
import type { Driver, DriverWeights, TraitName, Traits } from '../../format';

/** `value(t)` for each trait, drawn and keyed in TRAIT_NAMES order. */
export function traitRecord(value: (t: TraitName) => number): Traits {
  return {
    openness: value('openness'),
    conscientiousness: value('conscientiousness'),
    extraversion: value('extraversion'),
    agreeableness: value('agreeableness'),
    neuroticism: value('neuroticism'),
  };
}

/** `value(d)` for each driver, drawn and keyed in DRIVERS order. */
export function driverRecord(value: (d: Driver) => number): DriverWeights {
  return {
    social: value('social'),
    information: value('information'),
    presentation: value('presentation'),
    coordination: value('coordination'),
    support: value('support'),
  };
}
