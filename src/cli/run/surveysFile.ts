// `society run` writes surveys.csv next to the trace when the scenario has surveys: read from the
// whole trace (a resumed run's too), line by line, so a large trace is never held at once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { SURVEYS_CSV_HEADER, surveyCsvRows, SurveyTally, surveyLines } from '../../core/analysis';
import type { SurveyEvent } from '../../core/trace/events';
import { openForWriting } from '../../core/files/safeWrite';

export const SURVEYS_CSV = 'surveys.csv';

/** Writes `out`/surveys.csv from the trace's `survey` events; returns its path and the psychometrics' summary lines. */
export async function writeSurveysCsv(tracePath: string, out: string): Promise<{ file: string; summary: string[] }> {
  const tally = new SurveyTally();
  const file = path.join(out, SURVEYS_CSV);
  const sink = fs.createWriteStream('', { fd: openForWriting(file, 'replace') });
  sink.write(SURVEYS_CSV_HEADER + '\n');
  const lines = readline.createInterface({ input: fs.createReadStream(tracePath), crlfDelay: Infinity });
  for await (const line of lines) {
    // Traits for persona adherence come with each agent's arrival.
    if (line.includes('"type":"agent_added"')) tally.add(JSON.parse(line));
    if (!line.includes('"type":"survey"')) continue;
    const e = JSON.parse(line) as SurveyEvent;
    if (e.type !== 'survey') continue;
    sink.write(surveyCsvRows(e));
    tally.add(e);
  }
  await new Promise<void>((resolve, reject) => sink.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { file, summary: surveyLines(tally.finish() ?? []) };
}
