// The checks of one scenario across its files, in the order a reader meets what they check: ids,
// references, models, prompts, weights, events, the experiment, the timeline, the population, the
// mechanics. One entry a check, each in its own file; the order is the order of the diagnostics.
import type { Check } from './checkContext';
import { relationshipsCheck } from './relationshipsCheck';
import { referencesCheck } from './referencesCheck';
import { encountersCheck } from './encountersCheck';
import { modelNamesCheck } from './modelNamesCheck';
import { templatesCheck } from './templatesCheck';
import { weightsCheck } from './weightsCheck';
import { eventsCheck } from './eventsCheck';
import { timedPostsCheck } from './timedPostCheck';
import { knowledgeCheck } from './knowledgeCheck';
import { judgesCheck } from './judgeCheck';
import { surveysCheck } from './surveyCheck';
import { experimentCheck } from './experimentCheck';
import { timelineCheck } from './timelineCheck';
import { populationCheck } from './populationCheck';
import { runSizeCheck } from './runSizeCheck';
import { startValuesCheck } from './startStateCheck';
import { placesCheck } from './placesCheck';
import { someoneCheck } from './someoneCheck';
import { mechanicsCheck } from './mechanicsCheck';

export const CHECKS: readonly Check[] = [
  relationshipsCheck,
  referencesCheck,
  encountersCheck,
  modelNamesCheck,
  templatesCheck,
  weightsCheck,
  eventsCheck,
  timedPostsCheck,
  knowledgeCheck,
  judgesCheck,
  surveysCheck,
  experimentCheck,
  timelineCheck,
  populationCheck,
  runSizeCheck,
  startValuesCheck,
  placesCheck,
  someoneCheck,
  mechanicsCheck,
];
