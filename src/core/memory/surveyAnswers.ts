// The memory inspector's survey section (issue 48): an agent's answers to every survey
// administered up to the round shown, newest first, with each scale's score scored as the run
// report scores it (reverse-keyed items reversed). Plain data: the webview renders it as text.
import { scaleScore } from '../analysis';
import type { SurveyAnswerRow } from '../protocol/memoryMessages';
import type { TraceEvent } from '../trace/events';
import type { ItemText } from '../trace/itemTexts';

export function surveyAnswers(
  events: readonly TraceEvent[],
  agent: string,
  round: number,
  itemOf: ItemText = () => undefined,
): SurveyAnswerRow[] {
  const rows: SurveyAnswerRow[] = [];
  for (const e of events) {
    if (e.type !== 'survey' || e.agent !== agent || e.round > round) continue;
    const scales = Object.entries(e.scales ?? {}).map(([name, def]) => [name, scaleScore(e.answers, def) ?? null]);
    const questions = Object.keys(e.answers).flatMap((item): [string, string][] => {
      const text = itemOf(e.instrument, item);
      return text === undefined ? [] : [[item, text]];
    });
    rows.push({
      round: e.round,
      instrument: e.instrument,
      answers: e.answers,
      ...(questions.length ? { questions } : {}),
      ...(scales.length ? { scores: Object.fromEntries(scales) as Record<string, number | null> } : {}),
      ...(e.error ? { error: e.error } : {}),
    });
  }
  return rows.reverse();
}
