// judgements.csv in the run folder (docs/judges.md) for a scenario with `judges:`, read back from
// the whole trace once the run has ended, so a resumed run's file holds every round's judgements.
import * as path from 'node:path';
import { JUDGEMENTS_FILE, judgementsCsv } from '../../core/analysis';
import type { Scenario } from '../../core/format';
import { readTraceFile, traceProblemsMessage } from '../../core/trace/reader';
import type { JudgementEvent } from '../../core/trace/events';
import { writePiecesSync } from '../../core/trace/writePieces';

/**
 * Writes judgements.csv next to the trace; the path written, or undefined without judges. The run
 * checked before it started that the file is not a user's, and lists it as ours (runInFolder.ts).
 */
export async function writeJudgementsFile(
  scenario: Scenario,
  tracePath: string,
  out: string,
): Promise<string | undefined> {
  if (!scenario.judges?.length) return undefined;
  const events: JudgementEvent[] = [];
  const read = await readTraceFile(tracePath, {
    keepEvents: false,
    onEvent: (e) => {
      if (e.type === 'judgement') events.push(e);
    },
  });
  if (read.errors.length) throw new Error(traceProblemsMessage(tracePath, read.errors));
  const file = path.join(out, JUDGEMENTS_FILE);
  writePiecesSync(file, [judgementsCsv(events)]);
  return file;
}
