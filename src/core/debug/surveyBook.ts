// Each agent's survey answers and the judgements of it, folded from the run's `survey` and
// `judgement` events as the engine emits them (issue 48), for the Variables view: per
// administration its answers per item and its scale scores, reverse-keyed items reversed as the
// run report scores them (analysis/report/surveyPsychometrics.ts).
import { keyed, scaleScore } from '../analysis';
import type { JudgementEvent, SurveyEvent, TraceEvent } from '../trace/events';

export class SurveyBook {
  private readonly surveys = new Map<string, SurveyEvent[]>();
  private readonly judgements = new Map<string, JudgementEvent[]>();

  add(e: TraceEvent): void {
    if (e.type === 'survey') push(this.surveys, e.agent, e);
    else if (e.type === 'judgement') push(this.judgements, e.agent, e);
  }

  /** `surveys` and `judgements` entries for the agent's Variables, newest first; none when it has none. */
  entries(agent: string): Record<string, unknown> {
    const s = this.surveys.get(agent) ?? [];
    const j = this.judgements.get(agent) ?? [];
    return {
      ...(s.length
        ? {
            surveys: Object.fromEntries(
              [...s].reverse().map((e) => [`r${e.round} ${e.instrument}`, administration(e)]),
            ),
          }
        : {}),
      ...(j.length
        ? {
            judgements: Object.fromEntries(
              [...j].reverse().map((e) => [`r${e.round} ${e.judging} by ${e.judge}`, judgement(e)]),
            ),
          }
        : {}),
    };
  }
}

function push<T>(m: Map<string, T[]>, key: string, v: T): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

function administration(e: SurveyEvent): Record<string, unknown> {
  const scales = Object.entries(e.scales ?? {}).map(([name, def]) => [
    name,
    {
      score: scaleScore(e.answers, def) ?? null,
      ...(def.measures ? { measures: def.measures } : {}),
      // The items as scored: a reverse-keyed answer x counts as min + max − x.
      keyed: Object.fromEntries(def.items.map((id) => [id, keyed(e.answers[id], id, def) ?? null])),
      ...(def.reverse.length ? { reverse: def.reverse } : {}),
    },
  ]);
  return {
    round: e.round,
    instrument: e.instrument,
    answers: e.answers,
    ...(scales.length ? { scales: Object.fromEntries(scales) } : {}),
    ...(e.error ? { error: e.error } : {}),
  };
}

function judgement(e: JudgementEvent): Record<string, unknown> {
  return {
    judging: e.judging,
    judge: e.judge,
    round: e.round,
    ...(e.encounter ? { encounter: e.encounter } : {}),
    ...(e.partner ? { partner: e.partner } : {}),
    scores: e.scores,
    reasons: e.reasons,
    ...(e.error ? { error: e.error } : {}),
  };
}
