// How `society run` runs its harness to the end, and what it says when the run stops early (Ctrl-C,
// SIGTERM, SIGHUP) or fails (a replay cache miss, a full disk): where the trace ends, what
// --resume will do, and the command that continues it.
import * as fs from 'node:fs';
import { ioReason } from '../../core/files/ioReason';
import { EndpointDownError } from '../../core/llm/limits/endpointHealth';
import { SpendLimitReached } from '../../core/llm/spendMeter';
import type { SessionSpend } from '../../core/engine';
import type { SpendLimit } from '../../core/llm/spendLimit';
import { unpricedModels } from '../../core/llm/usage';
import type { RunHarness } from '../../core/run/runHarness';
import type { LoadedScenario } from '../options';
import { resumeCommand } from '../resumeHint';
import type { Progress } from './progress';
import type { StopSignals } from './stopSignals';

export interface RunValues {
  scenario?: string;
  root?: string;
  model?: string;
  cache?: string;
  'no-prompts'?: boolean;
  replay?: boolean;
  resume?: boolean;
  overwrite?: boolean;
  json?: boolean;
  quiet?: boolean;
  'allow-module'?: boolean;
  'module-time-limit'?: string;
  play?: string;
  'play-timeout'?: string;
  'play-fallback'?: string;
  'play-kinds'?: string;
  answers?: string;
}

export interface Stopping {
  file: string;
  out: string;
  tracePath: string;
  checkpointPath: string;
  values: RunValues;
  loaded: LoadedScenario;
  session: SessionSpend;
  /** --max-cost, metered: a run it stopped says so and exits COST_LIMIT_EXIT. */
  limit?: SpendLimit;
}

/** The exit code of a run stopped by --max-cost (checkpointed: --resume with a higher limit goes on). */
export const COST_LIMIT_EXIT = 4;

/** Runs until the end (undefined) or a stop or failure (its exit code, after saying where the trace ends). */
export async function runToEnd(
  harness: RunHarness,
  signals: StopSignals,
  progress: Progress,
  s: Stopping,
): Promise<number | undefined> {
  const { values } = s;
  // Every option the resume needs to load the same scenario and answer as this run did.
  const resumeHint = (): string =>
    `continue with: ${resumeCommand({ file: s.file, out: s.out, scenario: values.scenario ?? (s.loaded.scenarios.length > 1 ? s.loaded.scenario.name : undefined), root: values.root, cache: values.cache, replay: values.replay, allowModule: values['allow-module'], moduleTimeLimit: values['module-time-limit'], play: playOptions(values) })}`;
  // Where the trace ends, and what --resume will do from the newest checkpoint.
  const endsAfter = (round: number): string => {
    const at = harness.checkpointed;
    return `${s.tracePath} ends after round ${round}${at !== undefined && at < round ? ` (its checkpoint is at round ${at}: --resume cuts it back and redoes ${round - at === 1 ? `round ${round}` : `rounds ${at + 1}–${round}`})` : ''}`;
  };
  signals.listen();
  let result;
  try {
    result = await harness.run(signals.controller.signal);
  } catch (err) {
    // A run that cannot go on (e.g. a replay cache miss): the trace stays valid up to the last round.
    // A checkpoint write that failed (a full disk) leaves its temporary file: not the space to keep.
    fs.rmSync(`${s.checkpointPath}.tmp`, { force: true });
    console.error(
      `society run: ${(err as NodeJS.ErrnoException)?.code ? ioReason(err) : err instanceof Error ? err.message : String(err)}`,
    );
    console.error(
      `${endsAfter(harness.sim.completed)}${harness.checkpointed !== undefined ? `; ${resumeHint()}` : ''}`,
    );
    // The cost limit reached mid-round (a call refused before it was made): resumable, as at a round's end.
    if (err instanceof SpendLimitReached) {
      console.error(s.session.format());
      console.error(`${resumeHint()} --max-cost USD (a limit holds for the calls of the command given it)`);
      return COST_LIMIT_EXIT;
    }
    // An endpoint never reached is "no model answer" (exit 3), as when every call failed.
    return err instanceof EndpointDownError ? 3 : 1;
  } finally {
    signals.stopListening();
    progress.done();
  }
  if (result.status !== 'aborted') return undefined;
  if (harness.stoppedAtRoundEnd && !signals.stopping && s.limit?.reached) {
    console.error(`society run: ${s.limit.reason(result.completed)}`);
    console.error(s.session.format());
    console.error(
      `${endsAfter(result.completed)}; ${resumeHint()} --max-cost USD (a limit holds for the calls of the command given it)`,
    );
    return COST_LIMIT_EXIT;
  }
  if (signals.dropped) {
    // The dropped round's answers were billed but are in no trace: what this process paid for.
    if (s.session.spent) {
      console.error(
        `${s.session.format()}\n  (this session's calls, the dropped round's included: billed, though --resume asks them again; calls cut off by the stop are not counted)`,
      );
    }
  } else if (harness.sim.world.usage.spent) {
    console.error(harness.sim.world.usage.format(unpricedModels(s.loaded.scenario)));
  }
  // Stopped before setup (round 0) ended: no checkpoint, nothing to resume (it said "ends after round -1").
  const where =
    result.completed < 0
      ? `stopped before its setup (round 0) ended, so ${s.tracePath} holds no round and there is nothing to resume: run it again`
      : `${endsAfter(result.completed)}; ${resumeHint()}`;
  console.error(`${signals.signal ? `stopped by ${signals.signal}` : 'interrupted'}: ${where}`);
  return signals.exitCode;
}

/** The --play options as given, for the resume command (none when no one played). */
function playOptions(v: RunValues): Record<string, string | undefined> | undefined {
  if (v.play === undefined) return undefined;
  const { play, 'play-timeout': timeout, 'play-fallback': fallback, 'play-kinds': kinds } = v;
  return { play, 'play-timeout': timeout, 'play-fallback': fallback, 'play-kinds': kinds };
}
