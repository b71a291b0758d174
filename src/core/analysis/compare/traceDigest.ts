// A trace file's digest (runDigest.ts), read as a stream. A trace that cannot be read, or holds no
// whole round, is refused with its problems named by file and line.
import { readTraceFile, traceProblemsMessage } from '../../trace/reader';
import type { DeclaredOutcomes } from '../metrics/runTally';
import { RunDigestBuilder, type RunDigest } from './runDigest';

export async function digestTraceFile(file: string, declared?: DeclaredOutcomes): Promise<RunDigest> {
  let builder: RunDigestBuilder | undefined;
  const read = await readTraceFile(file, {
    keepEvents: false,
    onHeader: (h) => {
      builder = new RunDigestBuilder(h, declared);
    },
    onEvent: (e) => builder!.add(e),
  });
  if (read.errors.length > 0 || !read.header || !builder) throw new Error(traceProblemsMessage(file, read.errors));
  if (read.lastRound < 0) throw new Error(`${file}: the trace holds no whole round to compare`);
  return builder.finish();
}
