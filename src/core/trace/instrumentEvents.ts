// What the instruments record: a rubric judge's scores and an agent's survey answers.
import type { EventBase } from './eventBase';
import type { Usage } from './usage';

/**
 * A rubric judge's scores (`judges:`, docs/judges.md): one judge, one agent — in one conversation
 * (`encounter`, with `partner`) or on its round — at the end of the round. A score the judge did
 * not give in range (after one re-ask) is null, and `error` says why.
 */
export interface JudgementEvent extends EventBase {
  type: 'judgement';
  judging: string;
  judge: string;
  agent: string;
  encounter?: string;
  partner?: string;
  scores: Record<string, number | null>;
  reasons: Record<string, string>;
  error?: string;
  usage?: Usage;
}

/**
 * An agent answered a survey's instrument (`surveys:`, engine/instruments/surveys/surveys.ts): its answer per
 * item id — a number, an option, text, or null when missing (an answer off the item's scale, or a
 * failed call: `error` says why). Round 0 is the start; otherwise after that round's phases.
 */
export interface SurveyEvent extends EventBase {
  type: 'survey';
  agent: string;
  instrument: string;
  answers: Record<string, number | string | null>;
  /**
   * The instrument's scales, so a report scores them from the trace alone: their items, the
   * reverse-keyed ones, the trait measured, and the response range reversing uses (min + max − x).
   */
  scales?: Record<string, SurveyScaleDef>;
  usage?: Usage;
  error?: string;
}
export interface SurveyScaleDef {
  items: string[];
  reverse: string[];
  measures?: string;
  min: number;
  max: number;
}
