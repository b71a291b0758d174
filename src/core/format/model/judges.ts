// The typed model of `judges:` (docs/judges.md): rubric judgings, each scoring conversations or
// agents on a rubric's dimensions at declared rounds, by one or more judges.
import { SHIPPED_RUBRICS, type Rubric, type RubricDimension } from './rubrics';

export type { Rubric, RubricDimension };

export interface Judging {
  name: string;
  /** The shipped rubric's name, when it names one. */
  shipped?: string;
  rubric: Rubric;
  target: 'conversations' | 'agents';
  groups?: string[];
  rounds: 'every' | 'end' | number[];
  /** Judges: `offline`, `offline:<name>` or a key of `models`. */
  by: string[];
}

/** What the offline judge can read from a round (engine/instruments/judges/judgeSignals.ts documents each). */
export const JUDGE_SIGNALS = [
  'believability',
  'relationship',
  'knowledge',
  'secret',
  'social_rules',
  'financial',
  'goal',
  'activity',
] as const;

/** Whether a judge answers by the offline rule without a model of `models`. */
export function isOfflineJudge(judge: string): boolean {
  return judge === 'offline' || judge.startsWith('offline:');
}

/** Whether the judging scores at the end of round `r` of a run of `rounds` rounds. */
export function judgesAt(j: Judging, r: number, rounds: number): boolean {
  if (r < 1) return false;
  if (j.rounds === 'every') return true;
  if (j.rounds === 'end') return r === rounds;
  return j.rounds.includes(r);
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The judgings of a validated scenario value (undefined: none declared). */
export function buildJudges(v: Obj): Judging[] | undefined {
  if (!Array.isArray(v.judges) || !v.judges.length) return undefined;
  return (v.judges as Obj[]).map((j) => {
    const shipped = typeof j.rubric === 'string' ? j.rubric : undefined;
    const rubric: Rubric = shipped
      ? SHIPPED_RUBRICS[shipped]
      : {
          ...(j.rubric.description !== undefined ? { description: j.rubric.description } : {}),
          dimensions: Object.entries(j.rubric.dimensions as Record<string, Obj>).map(
            ([name, d]) => ({ name, ...d }) as RubricDimension,
          ),
        };
    return {
      name: j.name,
      ...(shipped ? { shipped } : {}),
      rubric,
      target: j.target ?? 'agents',
      ...(j.groups ? { groups: j.groups } : {}),
      rounds: j.rounds ?? 'end',
      by: j.by ?? ['offline'],
    };
  });
}
