// A run's rubric judgements as a tidy CSV (judgements.csv, docs/judges.md): one row per score —
// judging, judge, round, agent, the conversation and partner (empty when an agent was judged on
// its round), dimension, score (empty: missing) and the judge's reason. RFC 4180 (text/csv.ts).
import type { JudgementEvent } from '../../trace/events';
import { csvLine } from '../../text/csv';
import { own } from '../../text/nameRecord';
import { pushAll } from '../../text/pushAll';

export const JUDGEMENTS_FILE = 'judgements.csv';

export const JUDGEMENT_COLUMNS = [
  'judging',
  'judge',
  'round',
  'agent',
  'encounter',
  'partner',
  'dimension',
  'score',
  'reason',
] as const;

export function judgementRows(e: JudgementEvent): string[] {
  return Object.entries(e.scores).map(([dimension, score]) =>
    csvLine([
      e.judging,
      e.judge,
      e.round,
      e.agent,
      e.encounter ?? '',
      e.partner ?? '',
      dimension,
      score,
      own(e.reasons, dimension) ?? e.error ?? '',
    ]),
  );
}

export function judgementsCsv(events: Iterable<JudgementEvent>): string {
  const lines = [csvLine([...JUDGEMENT_COLUMNS])];
  for (const e of events) pushAll(lines, judgementRows(e));
  return lines.join('\n') + '\n';
}
