// What `society run --resume` continues from: the checkpoint in --out, checked against its trace,
// the scenario and the options given; the agents' memories read back from the trace when the
// checkpoint keeps them there. Every refusal is said in one sentence, with the exit code.
import * as fs from 'node:fs';
import { ioReason } from '../../core/files/ioReason';
import { resumeProblem } from '../../core/engine';
import { parseCheckpoint, type Checkpoint } from '../../core/engine';
import type { MemoryRecord } from '../../core/trace/events';
import { memoriesFromTrace, TraceMemoryError } from '../../core/replay/traceMemories';
import { printable } from '../../core/text/printable';
import { shellWord } from '../../core/text/shellWord';
import { ReadProgress } from '../readProgress';
import { shown, type LoadedScenario } from '../options';

export interface ResumePoint {
  cp: Checkpoint;
  memories?: Map<string, MemoryRecord[]>;
}

export interface ResumeRequest {
  out: string;
  tracePath: string;
  checkpointPath: string;
  loaded: LoadedScenario;
  seed?: number;
  rounds?: number;
  quiet?: boolean;
}

/** The checkpoint to resume from, or the exit code after saying why there is none. */
export function resumeFrom(r: ResumeRequest): ResumePoint | number {
  const { out, tracePath, checkpointPath, loaded } = r;
  if (!fs.existsSync(checkpointPath) || !fs.existsSync(tracePath)) {
    console.error(`society run: nothing to resume in ${out}`);
    return 1;
  }
  const cannot = (why: string, file = checkpointPath): number => {
    console.error(`society run: cannot resume from ${shown(file)}: ${why}`);
    return 1;
  };
  let cp: Checkpoint;
  try {
    cp = parseCheckpoint(fs.readFileSync(checkpointPath, 'utf8'));
  } catch (err) {
    return cannot(err instanceof Error && !(err as NodeJS.ErrnoException).code ? err.message : ioReason(err));
  }
  // Another scenario's run (another --scenario of the same file): said as such, not as a changed content hash.
  const ran = cp.header.scenario?.name;
  const scenario = loaded.scenario;
  if (typeof ran === 'string' && ran !== scenario.name) {
    const pick = loaded.scenarios.includes(ran) ? `; resume it with --scenario ${shellWord(ran)}` : '';
    console.error(
      `society run: ${shown(out)} holds a run of scenario '${printable(ran)}', not '${printable(scenario.name)}'${pick}`,
    );
    return 1;
  }
  const problem = resumeProblem(tracePath, cp);
  if (problem) return cannot(problem, tracePath);
  let memories: Map<string, MemoryRecord[]> | undefined;
  if (cp.memories_in_trace) {
    // The agents' memories are in the trace (a 10,000-agent run's: seconds to read back).
    const reading = new ReadProgress(tracePath, !r.quiet && process.stderr.isTTY === true, cp.trace!.bytes);
    try {
      memories = memoriesFromTrace(tracePath, cp.trace!.bytes, reading.listener);
    } catch (err) {
      return cannot(
        err instanceof TraceMemoryError ? `its memories could not be read back: ${err.message}` : ioReason(err),
        tracePath,
      );
    } finally {
      reading.done();
    }
  }
  // The run goes on with its own seed and rounds: the same values may be repeated (the command
  // that was interrupted, plus --resume), other values are refused.
  const differs = [
    r.seed !== undefined && r.seed !== cp.header.seed ? `seed ${cp.header.seed}` : '',
    r.rounds !== undefined && r.rounds !== cp.header.rounds ? `rounds ${cp.header.rounds}` : '',
  ].filter(Boolean);
  if (differs.length) {
    console.error(
      `society run: --resume continues the run with its own ${differs.join(' and ')} (from its checkpoint): leave out ${differs.map((d) => `--${d.split(' ')[0]}`).join(' and ')}`,
    );
    return 2;
  }
  return { cp, memories };
}
