// The report's "Judges" numbers (docs/judges.md), from a run's judgement events: per judging and
// dimension, the mean score with its 95 % CI and the distribution of scores, per judge and all
// judges together; with several judges, their agreement on the targets they all scored —
// Krippendorff's alpha (interval) and ICC(2,1) — per dimension. Missing scores are counted, not scored.
import type { JudgementEvent, TraceEvent } from '../../trace/events';
import { icc21, krippendorffInterval } from '../../stats/agreement';
import { meanInterval, type MeanInterval } from '../../stats/meanInterval';

export interface DimensionSummary {
  dimension: string;
  /** All judges together. */
  all: MeanInterval;
  byJudge: Record<string, MeanInterval>;
  /** Score → how many times it was given (all judges). */
  distribution: [number, number][];
  missing: number;
  /** With two or more judges: agreement over the targets every judge scored. */
  alpha?: number | null;
  icc?: number | null;
  /** Targets in the agreement. */
  units?: number;
}

export interface JudgingSummary {
  judging: string;
  judges: string[];
  /** Targets scored (judge × target counted once per target). */
  targets: number;
  dimensions: DimensionSummary[];
}

/** A judgement's target: what two judges scoring the same thing share. */
const unitOf = (e: JudgementEvent): string => `${e.round}:${e.agent}:${e.encounter ?? ''}`;

export class JudgesCollector {
  private readonly events = new Map<string, JudgementEvent[]>();

  add(e: TraceEvent): void {
    if (e.type !== 'judgement') return;
    const list = this.events.get(e.judging) ?? [];
    list.push(e);
    this.events.set(e.judging, list);
  }

  /** The summaries up to round `last`; undefined without judgements. */
  finish(last: number): JudgingSummary[] | undefined {
    const out = [...this.events].map(([judging, all]) =>
      summarise(
        judging,
        all.filter((e) => e.round <= last),
      ),
    );
    return out.some((s) => s.targets) ? out : undefined;
  }
}

export function summarise(judging: string, events: readonly JudgementEvent[]): JudgingSummary {
  const judges = [...new Set(events.map((e) => e.judge))];
  const units = [...new Set(events.map(unitOf))];
  const dimensions = [...new Set(events.flatMap((e) => Object.keys(e.scores)))];
  return {
    judging,
    judges,
    targets: units.length,
    dimensions: dimensions.map((d) => dimension(d, events, judges, units)),
  };
}

function dimension(d: string, events: readonly JudgementEvent[], judges: string[], units: string[]): DimensionSummary {
  const given = (list: readonly JudgementEvent[]): number[] =>
    list.map((e) => e.scores[d]).filter((x): x is number => typeof x === 'number');
  const counts = new Map<number, number>();
  for (const s of given(events)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const out: DimensionSummary = {
    dimension: d,
    all: meanInterval(given(events)),
    byJudge: Object.fromEntries(judges.map((j) => [j, meanInterval(given(events.filter((e) => e.judge === j)))])),
    distribution: [...counts].sort((a, b) => a[0] - b[0]),
    missing: events.filter((e) => d in e.scores && typeof e.scores[d] !== 'number').length,
  };
  if (judges.length < 2) return out;
  const at = new Map(units.map((u, i) => [u, i]));
  const ratings = judges.map((j) => {
    const row: (number | null)[] = units.map(() => null);
    for (const e of events) if (e.judge === j && typeof e.scores[d] === 'number') row[at.get(unitOf(e))!] = e.scores[d];
    return row;
  });
  return {
    ...out,
    alpha: krippendorffInterval(ratings),
    icc: icc21(ratings),
    units: units.filter((_, u) => ratings.every((r) => r[u] !== null)).length,
  };
}
