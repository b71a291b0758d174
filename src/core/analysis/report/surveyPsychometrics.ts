// The psychometrics of a run's surveys, from its `survey` and `agent_added` events (issue 48): per
// instrument, scale and administration (round) Cronbach's α of the keyed items and the mean
// score; test–retest (the scale score at the first administration against the last, across
// agents); and persona adherence — the correlation, across agents, of a scale's score with the
// declared trait it `measures`. Correlations carry Fisher 95% intervals (src/core/stats).
import { cronbachAlpha } from '../../stats/cronbachAlpha';
import { pearson, type Correlation } from '../../stats/correlation';
import { testRetest } from '../../stats/testRetest';
import type { SurveyScaleDef, TraceEvent } from '../../trace/events';

export interface ScaleAdministration {
  round: number;
  /** Respondents with every item of the scale answered. */
  n: number;
  alpha: number | null;
  mean: number | null;
  /** Score against the declared trait (`measures`), across agents. */
  adherence?: Correlation;
  /** Of the `n`, respondents who gave every item of the instrument the same answer (a straight line). */
  straight_lined: number;
  /** What makes the score doubtful, said beside it: straight-lined answers, an α below 0. */
  flags?: string[];
}
export interface ScalePsychometrics {
  instrument: string;
  scale: string;
  measures?: string;
  administrations: ScaleAdministration[];
  /** First administration against the last (when there are two or more). */
  retest?: Correlation & { from: number; to: number };
}

type Answers = Record<string, number | string | null>;

export class SurveyTally {
  /** instrument → round → agent → answers */
  private readonly answers = new Map<string, Map<number, Map<string, Answers>>>();
  private readonly scales = new Map<string, Record<string, SurveyScaleDef>>();
  private readonly traits = new Map<string, Record<string, number>>();

  add(e: TraceEvent): void {
    if (e.type === 'agent_added') this.traits.set(e.agent.id, e.agent.traits as unknown as Record<string, number>);
    if (e.type !== 'survey') return;
    if (e.scales) this.scales.set(e.instrument, e.scales);
    let byRound = this.answers.get(e.instrument);
    if (!byRound) this.answers.set(e.instrument, (byRound = new Map()));
    let byAgent = byRound.get(e.round);
    if (!byAgent) byRound.set(e.round, (byAgent = new Map()));
    byAgent.set(e.agent, e.answers);
  }

  /** Undefined when the run has no scored survey. */
  finish(lastRound = Infinity): ScalePsychometrics[] | undefined {
    const out: ScalePsychometrics[] = [];
    for (const [instrument, byRound] of this.answers) {
      const rounds = [...byRound.keys()].filter((r) => r <= lastRound).sort((a, b) => a - b);
      for (const [scale, def] of Object.entries(this.scales.get(instrument) ?? {})) {
        const scores = rounds.map((r) => scoresOf(byRound.get(r)!, def));
        const administrations = rounds.map((round, k) =>
          this.administration(round, byRound.get(round)!, def, scores[k]),
        );
        const retest = rounds.length > 1 ? testRetest(scores[0], scores[scores.length - 1]) : undefined;
        out.push({
          instrument,
          scale,
          ...(def.measures ? { measures: def.measures } : {}),
          administrations,
          ...(retest ? { retest: { ...retest, from: rounds[0], to: rounds[rounds.length - 1] } } : {}),
        });
      }
    }
    return out.length ? out : undefined;
  }

  private administration(
    round: number,
    byAgent: Map<string, Answers>,
    def: SurveyScaleDef,
    scores: Map<string, number>,
  ): ScaleAdministration {
    const rows = [...byAgent.values()].map((a) => def.items.map((id) => keyed(a[id], id, def)));
    const alpha = cronbachAlpha(rows);
    const values = [...scores.values()];
    let straight = 0;
    for (const id of scores.keys()) if (straightLine(byAgent.get(id)!)) straight++;
    const flags = [
      ...(straight ? [`${straight} of ${values.length} answered every item the same`] : []),
      ...(alpha !== undefined && alpha < 0 ? ['α below 0: the items do not measure one thing here'] : []),
    ];
    const ids = [...scores.keys()];
    const adherence = def.measures
      ? pearson(
          ids.map((id) => scores.get(id)),
          ids.map((id) => this.traits.get(id)?.[def.measures!]),
        )
      : undefined;
    return {
      round,
      n: values.length,
      alpha: alpha ?? null,
      mean: values.length ? values.reduce((s, x) => s + x, 0) / values.length : null,
      ...(adherence ? { adherence } : {}),
      straight_lined: straight,
      ...(flags.length ? { flags } : {}),
    };
  }
}

/** Every item of the instrument answered, and all alike (two items or more): a straight line. */
export function straightLine(a: Answers): boolean {
  const xs = Object.values(a);
  return xs.length > 1 && xs.every((x) => x !== null && x === xs[0]);
}

/** An item's answer as the scale scores it: reversed (min + max − x) when reverse-keyed. */
export function keyed(x: number | string | null | undefined, id: string, def: SurveyScaleDef): number | undefined {
  if (typeof x !== 'number') return undefined;
  return def.reverse.includes(id) ? def.min + def.max - x : x;
}

/** Each agent's scale score: the mean of its keyed items, for agents who answered them all. */
function scoresOf(byAgent: Map<string, Answers>, def: SurveyScaleDef): Map<string, number> {
  const out = new Map<string, number>();
  for (const [agent, a] of byAgent) {
    const score = scaleScore(a, def);
    if (score !== undefined) out.set(agent, score);
  }
  return out;
}

/** One respondent's scale score: the mean of its keyed items; undefined unless it answered them all. */
export function scaleScore(a: Answers, def: SurveyScaleDef): number | undefined {
  const xs = def.items.map((id) => keyed(a[id], id, def));
  return xs.every((x) => x !== undefined) ? (xs as number[]).reduce((s, x) => s + x, 0) / xs.length : undefined;
}
