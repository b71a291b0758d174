// The typed model of `instruments:` and `surveys:` (issue 48): questionnaires with response scales
// and scored scales, and when which agents answer them. Built from the validated scenario value;
// buildSurveys.ts makes them; an instrument is declared in the scenario or shipped (instruments/).
import type { SourceLocation } from './position';

export type ResponseScale =
  | { type: 'likert'; points: number; anchors?: string[] }
  | { type: 'numeric'; min: number; max: number }
  | { type: 'choice'; options: string[] }
  | { type: 'text' };

export interface SurveyItem {
  id: string;
  text: string;
  response: ResponseScale;
}

export type BigFiveTrait = 'openness' | 'conscientiousness' | 'extraversion' | 'agreeableness' | 'neuroticism';

export interface SurveyScale {
  name: string;
  items: string[];
  /** Reverse-keyed items: scored min + max − answer. */
  reverse: string[];
  measures?: BigFiveTrait;
}

export interface Instrument {
  id: string;
  title: string;
  instructions?: string;
  citation?: string;
  items: SurveyItem[];
  scales: SurveyScale[];
}

/** When, relative to the run: `start` (round 0, after the agents join), a round's end, `end` (the last). */
export type SurveyTime = 'start' | 'end' | number;

export interface Survey {
  instrument: Instrument;
  at: SurveyTime[];
  every?: number;
  /** Persona ids and groups who answer; undefined: everyone. */
  to?: string[];
  remember: boolean;
  source?: SourceLocation;
}

/** An answer: a number (Likert, numeric), an option or text, or null when missing. */
export type SurveyAnswer = number | string | null;

const LIKERT5: ResponseScale = { type: 'likert', points: 5 };

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A response scale as written, with a Likert's default points. */
export function responseOf(raw: Obj | undefined): ResponseScale {
  if (!raw) return LIKERT5;
  switch (raw.type) {
    case 'numeric':
      return { type: 'numeric', min: raw.min ?? 0, max: raw.max ?? 10 };
    case 'choice':
      return { type: 'choice', options: raw.options ?? [] };
    case 'text':
      return { type: 'text' };
    default:
      return { type: 'likert', points: raw.points ?? 5, ...(raw.anchors ? { anchors: raw.anchors } : {}) };
  }
}

/** Whether a survey is administered after round `round` of `last` (round 0: the start). */
export function administeredAt(s: Survey, round: number, last: number): boolean {
  if (round === 0) return s.at.includes('start');
  if (s.at.includes(round)) return true;
  if (round === last && s.at.includes('end')) return true;
  return !!s.every && round % s.every === 0;
}
