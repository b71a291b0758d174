// The phase each decision kind's usage is booked to: one table for a run's totals (the usage book)
// and a session's spend, so a survey or a judge's calls land in the same phase in both.
import type { DecisionKind } from '../../llm/types';
import type { Phase } from '../../trace/events';

/** The phase each kind of decision is made in (engine/phases/table.ts PHASES); interviews happen outside rounds. */
export const PHASE_OF: Record<DecisionKind, Phase> = {
  choose_partner: 'decide',
  speak: 'act',
  evaluate: 'evaluate',
  advise: 'coach',
  reflect: 'reflect',
  interview: 'act',
  act: 'world',
  // a rubric judge scores at the round's end, as the evaluations do
  judge: 'evaluate',
  survey: 'reflect',
};
