// surveys.csv: the tidy table of a run's survey answers, one row per agent, round, instrument and
// item (issue 48). A missing answer is an empty cell.
import type { SurveyEvent } from '../../trace/events';
import { csvLine } from '../../text/csv';

export const SURVEYS_CSV_HEADER = csvLine(['agent', 'round', 'instrument', 'item', 'answer']);

/** The rows of one `survey` event, each with its line break. */
export function surveyCsvRows(e: SurveyEvent): string {
  return Object.entries(e.answers)
    .map(([item, answer]) => csvLine([e.agent, e.round, e.instrument, item, answer]) + '\n')
    .join('');
}
