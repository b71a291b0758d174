// The calls a run's instruments make, for `society estimate`: every survey asked of every agent it
// goes to at each round it is due (docs/surveys.md), and every rubric judge that is a model scoring
// each target at each round it judges (docs/judges.md; the offline judges cost nothing and call
// nothing). Each batch carries a typical request, rendered and priced by estimate.ts as any other.
import {
  modelNamed,
  type Scenario,
  administeredAt,
  type Survey,
  isOfflineJudge,
  judgesAt,
  type Judging,
} from '../format';
import { questions } from './surveyQuestions';
import type { JudgeRequest, PersonaBrief, SurveyRequest, TranscriptLine } from './types';

export interface InstrumentBatch {
  /** The model's name (a key of `models`). */
  model: string;
  req: SurveyRequest | JudgeRequest;
  calls: number;
  /** Distinct agents asked or judged: each one's first call of a kind shares no persona prefix. */
  callers: number;
}

/** A typical agent's round as a judge reads it (instruments/judges/judges.ts agentRecord). */
const RECORD_LINES = 6;

export interface InstrumentSizes {
  rounds: number;
  /** Every agent and the coach use this model (`--model`): surveys are asked of it too. */
  forced?: string;
  /** Conversations an agent is in per round, on average. */
  conversationsPerAgent: number;
  me: PersonaBrief;
  other: PersonaBrief;
  /** A typical conversation's transcript. */
  transcript: TranscriptLine[];
}

/** Agents per model name among those `accept` takes: personas by id and group, population groups by group. */
export function agentsByModel(
  s: Scenario,
  forced?: string,
  accept: (id: string | undefined, group: string | undefined) => boolean = () => true,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string | undefined, n: number): void => {
    const key = forced ?? (modelNamed(s.models, name) ? name! : 'default');
    counts.set(key, (counts.get(key) ?? 0) + n);
  };
  for (const p of s.personas) if (accept(p.id, p.group)) add(p.model, 1);
  for (const g of s.population) if (accept(undefined, g.group)) add(g.model, g.count);
  return counts;
}

export function instrumentBatches(s: Scenario, z: InstrumentSizes): InstrumentBatch[] {
  return [
    ...(s.surveys ?? []).flatMap((v) => surveyBatches(s, v, z)),
    ...(s.judges ?? []).flatMap((j) => judgeBatches(s, j, z)),
  ];
}

/** Rounds 0 (the start) … rounds at which `due` holds. */
function dueRounds(rounds: number, due: (r: number) => boolean): number {
  let n = 0;
  for (let r = 0; r <= rounds; r++) if (due(r)) n++;
  return n;
}

function surveyBatches(s: Scenario, v: Survey, z: InstrumentSizes): InstrumentBatch[] {
  const times = dueRounds(z.rounds, (r) => administeredAt(v, r, z.rounds));
  if (!times) return [];
  const to = v.to;
  const asked = agentsByModel(
    s,
    z.forced,
    (id, group) => !to || (id !== undefined && to.includes(id)) || (group !== undefined && to.includes(group)),
  );
  const items = questions(v);
  const req: SurveyRequest = {
    kind: 'survey',
    key: 'estimate',
    round: z.rounds,
    setting: s.world.setting,
    persona: z.me,
    memories: [],
    instrument: v.instrument.id,
    title: v.instrument.title,
    ...(v.instrument.instructions ? { instructions: v.instrument.instructions } : {}),
    items,
  };
  return [...asked].map(([model, n]) => ({ model, req, calls: n * times, callers: n }));
}

function judgeBatches(s: Scenario, j: Judging, z: InstrumentSizes): InstrumentBatch[] {
  const times = dueRounds(z.rounds, (r) => judgesAt(j, r, z.rounds));
  const judged = [
    ...agentsByModel(s, undefined, (_, group) => !j.groups || j.groups.includes(group ?? '')).values(),
  ].reduce((a, b) => a + b, 0);
  const targets = j.target === 'agents' ? judged : judged * z.conversationsPerAgent;
  if (!times || !targets) return [];
  const req: JudgeRequest = {
    kind: 'judge',
    key: 'estimate',
    round: z.rounds,
    setting: s.world.setting,
    persona: z.me,
    memories: [],
    judging: j.name,
    judge: '',
    rubric: j.rubric,
    target: j.target === 'agents' ? 'agent' : 'conversation',
    ...(j.target === 'agents'
      ? {
          record: Array.from(
            { length: RECORD_LINES },
            (_, i) => `Talked with ${z.other.name} about their plans (${i + 1}).`,
          ),
        }
      : { partner: z.other, transcript: z.transcript }),
    signals: Object.fromEntries(j.rubric.dimensions.map((d) => [d.name, 0.5])),
  };
  return j.by
    .filter((judge) => !isOfflineJudge(judge) && modelNamed(s.models, judge))
    .map((judge) => ({ model: judge, req: { ...req, judge }, calls: targets * times, callers: judged }));
}
