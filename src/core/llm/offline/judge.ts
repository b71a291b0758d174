// The offline rubric judge (docs/judges.md): each dimension reads one signal of what the trace
// holds, 0..1, worked out by the engine (engine/instruments/judges/judgeSignals.ts) — the dimension's
// `offline` signal, else the signal of its name, else `activity` — and places it on the
// dimension's range:
//   score = min + round((max − min) · clamp01(signal + e)),  e ~ N(0, RATER_SD)
// e is the rater's noise, drawn from a stream seeded by the run, the judge's name and the decision,
// so one judge scores a run the same every time and two offline judges (`offline`,
// `offline:second`) disagree as raters do: their agreement is as high as the signal is spread.
import type { Rng } from '../../random/rng';
import type { JudgeRequest, JudgeResponse } from '../types';
import { nameRecord, own, owns } from '../../text/nameRecord';

/** The rater's noise, as a share of the range: two raters of the same signal agree well but not perfectly. */
export const RATER_SD = 0.08;

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

export function judge(req: JudgeRequest, rng: Rng): JudgeResponse {
  const scores: JudgeResponse['scores'] = nameRecord();
  for (const d of req.rubric.dimensions) {
    const name = d.offline ?? (owns(req.signals, d.name) ? d.name : 'activity');
    const signal = own(req.signals, name) ?? 0.5;
    const score = d.min + Math.round((d.max - d.min) * clamp01(signal + RATER_SD * rng.normal()));
    scores[d.name] = { score, reason: `offline rule: ${name} reads ${signal.toFixed(2)}` };
  }
  return { scores };
}
