// `society run <scenario>`: run a society headless, writing runs/<name>/trace.jsonl and
// checkpoints (every round for small societies, less often for large ones); Ctrl-C finishes the
// round, checkpoints and stops, and `--resume` continues to the same trace an uninterrupted run
// would have written. LLM models come from the provider layer (keys from the environment variable named by
// `api_key_env`); `--cache DIR` records every answer and `--replay` reruns from the cache alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../command';
import { integerOption, knownModel, loadScenario, lockOutputFolder, onePositional, outputFolder, parseCommandArgs, shown, wroteFiles } from '../options';
import { ioReason } from '../../core/files/ioReason';
import { resumeProblem, unfinishedRun } from '../../core/engine/resumePoint';
import { modelNamed, type Scenario } from '../../core/format/model';
import { slug } from '../../core/format/slug';
import { Simulation } from '../../core/engine/simulation';
import { FaultTally } from '../../core/trace/faultTally';
import { checkpointDue, checkpointInterval, checkpointModel, parseCheckpoint, writeCheckpoint, type Checkpoint } from '../../core/engine/checkpoint';
import { RewardTally, formatSummary, summarizeRun } from '../../core/analysis/runSummary';
import { TraceWriter } from '../../core/trace/writer';
import { OFFLINE_LABEL } from '../../core/llm/offline';
import { MissingKeyError, ModelRegistry, usedModelNames } from '../../core/llm/registry';
import { SessionSpend } from '../../core/engine/sessionSpend';
import type { CallRecord } from '../../core/llm/callRecord';
import type { MemoryRecord, TraceEvent } from '../../core/trace/events';
import { memoriesFromTrace, TraceMemoryError } from '../../core/replay/traceMemories';
import { counted } from '../../core/text/counted';
import { printable } from '../../core/text/printable';
import { MIN_SEED } from '../../core/random/rng';
import { unpricedModels } from '../../core/llm/usage';
import { clearForFreshRun, heldRun, CHECKPOINT_FILE, TRACE_FILE } from '../outFolder';
import { resumeCommand } from '../resumeHint';
import { shellWord } from '../shellWord';
import { scenarioWarnings } from '../scenarioWarnings';
import { unusedCacheNote } from '../unusedCache';
import { ReadProgress } from '../readProgress';
import { InterruptPresses } from '../interruptPresses';
import { isInstant } from '../../core/format/providers';

export const runCommand: Command = {
  name: 'run',
  usage: 'run <scenario> [--scenario NAME] [--root DIR] [--rounds N] [--seed S] [--out DIR] [--model NAME] [--cache DIR] [--replay] [--resume | --overwrite] [--checkpoint-every N] [--json]',
  summary: 'Run a society headless and write its trace (JSONL) and checkpoints',
  options: [
    ['<scenario>', 'the scenario .society file'],
    ['--scenario NAME', 'which scenario, when the file holds several (default: the first)'],
    ['--root DIR', "folder includes may not leave (default: the repository's top folder, else the working directory when it holds the file)"],
    ['--rounds N', "rounds to run (default: the scenario's world.rounds)"],
    ['--seed S', "seed of every random stream (default: the scenario's seed)"],
    ['--out DIR', 'folder for trace.jsonl and checkpoint.json (default: runs/<scenario name>)'],
    ['--model NAME', "every agent and the coach use this model config of the scenario (default: each persona's model, else default; the coach: coaching.model)"],
    ['--cache DIR', 'keep every model answer in DIR (content-addressed) and reuse it'],
    ['--replay', 'answer only from the cache (--cache, else <out>/cache): no network; a missing answer stops the run'],
    ['--resume', "continue the run in --out from its checkpoint; the trace is the uninterrupted run's"],
    ['--overwrite', 'replace the run --out holds, finished or not, and the report files made from it (without it, that run is kept: resume it or choose another --out)'],
    ['--checkpoint-every N', 'rounds between checkpoints (default: every round up to 200 agents, one more per 200)'],
    ['--json', 'print the closing summary as JSON'],
    ['-q, --quiet', "no progress bar, notes or the scenario's warnings on standard error"],
  ],
  async run(args) {
    const parsed = parseCommandArgs('run', runCommand.usage, args, {
      scenario: { type: 'string' }, root: { type: 'string' }, rounds: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, model: { type: 'string' },
      resume: { type: 'boolean' }, overwrite: { type: 'boolean' }, 'checkpoint-every': { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' },
      cache: { type: 'string' }, replay: { type: 'boolean' },
    });
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (values.resume && values.overwrite) { console.error(`society run: --resume continues the run in --out, --overwrite starts it over: give one\nusage: society ${runCommand.usage}`); return 2; }
    const scenarioArg = onePositional('run', runCommand.usage, positionals, 'scenario file');
    if (scenarioArg === undefined) return 2;
    const rounds = integerOption('rounds', values.rounds, 1);
    const seed = integerOption('seed', values.seed, MIN_SEED);
    const everyFlag = integerOption('checkpoint-every', values['checkpoint-every'], 1);

    const file = path.resolve(scenarioArg);
    const loaded = await loadScenario(file, 'run', values.scenario, values.quiet, values.root);
    if (!loaded) return 1;
    const { scenario } = loaded;
    if (!knownModel(scenario, values.model, 'run')) return 2;

    const out = path.resolve(values.out ?? path.join('runs', slug(scenario.name, 'run')));
    // A folder made here goes again if the run stops before its trace is begun (nothing to
    // resume, no API key, no cache to replay): a failed command leaves nothing behind.
    const made = outputFolder(out, 'run');
    if (!made) return 1;
    const lock = lockOutputFolder(out, 'run');
    if (!lock) { made.removeEmpty(); return 1; }
    try {
      const tracePath = path.join(out, TRACE_FILE);
      const checkpointPath = path.join(out, CHECKPOINT_FILE);

      let cp: Checkpoint | undefined;
      let memories: Map<string, MemoryRecord[]> | undefined;
      if (values.resume) {
        if (!fs.existsSync(checkpointPath) || !fs.existsSync(tracePath)) { console.error(`society run: nothing to resume in ${out}`); return 1; }
        const cannot = (why: string, file = checkpointPath): number => { console.error(`society run: cannot resume from ${shown(file)}: ${why}`); return 1; };
        try {
          cp = parseCheckpoint(fs.readFileSync(checkpointPath, 'utf8'));
        } catch (err) {
          return cannot(err instanceof Error && !(err as NodeJS.ErrnoException).code ? err.message : ioReason(err));
        }
        // Another scenario's run (another --scenario of the same file): said as such, not as a changed content hash.
        const ran = cp.header.scenario?.name;
        if (typeof ran === 'string' && ran !== scenario.name) {
          const pick = loaded.scenarios.includes(ran) ? `; resume it with --scenario ${shellWord(ran)}` : '';
          console.error(`society run: ${shown(out)} holds a run of scenario '${printable(ran)}', not '${printable(scenario.name)}'${pick}`);
          return 1;
        }
        const problem = resumeProblem(tracePath, cp);
        if (problem) return cannot(problem, tracePath);
        if (cp.memories_in_trace) {
          // The agents' memories are in the trace (a 10,000-agent run's: seconds to read back).
          const reading = new ReadProgress(tracePath, !values.quiet && process.stderr.isTTY === true, cp.trace!.bytes);
          try {
            memories = memoriesFromTrace(tracePath, cp.trace!.bytes, reading.listener);
          } catch (err) {
            return cannot(err instanceof TraceMemoryError ? `its memories could not be read back: ${err.message}` : ioReason(err), tracePath);
          } finally {
            reading.done();
          }
        }
        // The run goes on with its own seed and rounds: the same values may be repeated (the command
        // that was interrupted, plus --resume), other values are refused.
        const differs = [seed !== undefined && seed !== cp.header.seed ? `seed ${cp.header.seed}` : '', rounds !== undefined && rounds !== cp.header.rounds ? `rounds ${cp.header.rounds}` : ''].filter(Boolean);
        if (differs.length) {
          console.error(`society run: --resume continues the run with its own ${differs.join(' and ')} (from its checkpoint): leave out ${differs.map((d) => `--${d.split(' ')[0]}`).join(' and ')}`);
          return 2;
        }
      } else if (!values.overwrite) {
        // A fresh run keeps what the folder holds, finished or not, unless told to --overwrite.
        const unfinished = unfinishedRun(checkpointPath);
        if (unfinished) {
          console.error(`society run: ${shown(out)} holds an unfinished run (${unfinished}); continue it with --resume, start it over with --overwrite, or choose another --out`);
          return 1;
        }
        const held = heldRun(out);
        if (held) {
          console.error(`society run: ${shown(out)} holds ${held}; replace it with --overwrite, or choose another --out`);
          return 1;
        }
      }
      // The model every agent gets: on resume the checkpoint's (a checkpoint from before it was
      // recorded: --model as given), so agents added after the resume get what they would have.
      const recorded = cp ? checkpointModel(cp) : undefined;
      if (recorded !== undefined && values.model !== undefined && values.model !== (recorded ?? undefined)) {
        console.error(`society run: --resume continues the run with its own model (from its checkpoint: ${recorded === null ? "each persona's model, no --model" : `--model ${recorded}`}): leave out --model`);
        return 2;
      }
      const model = recorded !== undefined ? recorded ?? undefined : values.model;
      if (!values.quiet) for (const line of scenarioWarnings(loaded.warnings, scenario, cp?.header.rounds ?? rounds ?? scenario.world.rounds)) console.error(line);

      // Models: offline, or an LLM behind the limiter, retries and (optionally) the response cache.
      // Prompts and offline streams must see the run's own rounds and seed (a resumed run: the header's).
      const cacheDir = values.cache !== undefined ? path.resolve(values.cache) : values.replay ? path.join(out, 'cache') : undefined;
      if (values.replay && (!cacheDir || !fs.existsSync(cacheDir))) { console.error(`society run: --replay needs a response cache (${cacheDir ?? '--cache DIR'} does not exist)`); return 1; }
      // "calls" in the usage are decisions; the HTTP requests behind them (retries and re-asks
      // included, answers from the cache not) are counted here, to reconcile with the provider's bill.
      let httpRequests = 0;
      const session = new SessionSpend(unpricedModels(scenario));
      const onCall = (r: CallRecord): void => { if (!r.cached) httpRequests += r.attempts; session.listener(r); };
      const registry = new ModelRegistry(scenario, { cacheDir, replay: values.replay, rounds: cp?.header.rounds ?? rounds, seed: cp?.header.seed ?? seed, onCall });
      try {
        for (const name of usedModelNames(scenario, model)) registry.model(name);
      } catch (err) {
        if (err instanceof MissingKeyError) { console.error(`society run: ${err.message.replace(/ \(in VS Code.*\)$/, '')}`); return 1; }
        throw err;
      }
      const modelFactory = registry.factory;

      // The header names the scenario relative to the run folder, so a trace says where its
      // scenario is from where it lies, and the same command gives the same bytes from any directory.
      const scenarioFile = path.relative(out, file);
      let sim: Simulation;
      let writer: TraceWriter;
      if (cp) {
        try {
          sim = Simulation.restore(scenario, cp, { file: scenarioFile, model, modelFactory, relevance: registry.memoryRelevance, calls: registry.calls, memories });
        } catch (err) {
          console.error(`society run: cannot resume from ${shown(checkpointPath)}: ${err instanceof Error ? err.message : String(err)}`);
          return 1;
        }
        const opened = openTrace(() => TraceWriter.appendToFile(tracePath, cp!.trace!));
        if (!opened) return 1;
        writer = opened;
        if (!values.quiet) console.error(cp.ended ? `${printable(scenario.name)} already ran all ${cp.header.rounds} rounds in ${out}; nothing to resume` : `resuming ${printable(scenario.name)} after round ${cp.completed} of ${cp.header.rounds}`);
      } else {
        sim = Simulation.create(scenario, { seed, rounds, file: scenarioFile, model, modelFactory, relevance: registry.memoryRelevance, calls: registry.calls });
        // A trace that cannot be written says so (exit 1) before anything of the old run is removed.
        const opened = openTrace(() => { clearForFreshRun(out, values.overwrite === true); return TraceWriter.toFile(tracePath); });
        if (!opened) return 1;
        writer = opened;
        writer.header(sim.header);
      }
      if (!values.quiet) {
        const models = new Set([model ?? 'default', ...(model ? [] : scenario.personas.map((p) => p.model ?? 'default'))]);
        for (const m of models) {
          const cfg = modelNamed(scenario.models, m);
          if (cfg) console.error(`model '${printable(m)}': ${isInstant(cfg) ? OFFLINE_LABEL : registry.model(m).label}${values.replay && !isInstant(cfg) ? ' (replay from cache)' : ''}`);
        }
        const unusedCache = values.cache !== undefined ? unusedCacheNote(scenario, model, values.cache) : undefined;
        if (unusedCache) console.error(unusedCache);
      }
      let every = everyFlag;

      sim.on(writer.listener);
      const tally = new RewardTally(cp?.reward_tally);
      sim.on(tally.listener);
      const faults = new FaultTally();
      sim.on(faults.listener);
      const progress = new Progress(sim.rounds, !values.quiet && process.stderr.isTTY === true);
      sim.on(progress.listener);
      // Ctrl-C once: finish the round, checkpoint, stop. Twice: stop now (the round is dropped).
      // SIGTERM and SIGHUP (docker stop, a CI timeout, a closed terminal) stop at once too: whoever
      // sends them will not wait for a round to end.
      const controller = new AbortController();
      // `dropped`: the run stopped at once before the round being finished was checkpointed.
      let stopping = false, stoppedAtRoundEnd = false, dropped = false;
      let signal: 'SIGTERM' | 'SIGHUP' | undefined;
      const stopNow = (): void => { dropped = !stoppedAtRoundEnd; controller.abort(); };
      const presses = new InterruptPresses();
      const onSigint = (): void => {
        const meaning = presses.press(performance.now());
        if (meaning === 'same-press') return;
        if (meaning === 'stop-now') { stopNow(); return; }
        stopping = true;
        if (!values.quiet) console.error('\nstopping after this round (Ctrl-C again to stop at once)');
      };
      const onSigterm = (): void => { signal = 'SIGTERM'; stopNow(); };
      const onSighup = (): void => { signal = 'SIGHUP'; stopNow(); };
      // The round of the newest checkpoint, where --resume goes on from.
      let checkpointed = cp?.completed;
      sim.afterRound = async (round, final) => {
        await writer.flush();
        every ??= checkpointInterval(sim.world.agents.size); // set up (round 0) or restored: everyone is placed
        if (stopping || checkpointDue(round, final, every, sim.rounds)) {
          const snap = sim.snapshot();
          snap.trace = { bytes: writer.bytes, lines: writer.lines };
          snap.reward_tally = tally.toJSON();
          writeCheckpoint(checkpointPath, snap);
          checkpointed = round;
        }
        if (stopping && !final) { stoppedAtRoundEnd = true; controller.abort(); }
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigterm);
      process.on('SIGHUP', onSighup);
      // Every option the resume needs to load the same scenario and answer as this run did.
      const resumeHint = (): string => `continue with: ${resumeCommand({ file, out, scenario: values.scenario ?? (loaded.scenarios.length > 1 ? scenario.name : undefined), root: values.root, cache: values.cache, replay: values.replay })}`;
      // Where the trace ends, and what --resume will do from the newest checkpoint.
      const endsAfter = (round: number): string => `${tracePath} ends after round ${round}${checkpointed !== undefined && checkpointed < round ? ` (its checkpoint is at round ${checkpointed}: --resume cuts it back and redoes ${round - checkpointed === 1 ? `round ${round}` : `rounds ${checkpointed + 1}–${round}`})` : ''}`;
      let result;
      try {
        result = await sim.run(controller.signal);
      } catch (err) {
        // A run that cannot go on (e.g. a replay cache miss): the trace stays valid up to the last round.
        writer.discard();
        await writer.close();
        // A checkpoint write that failed (a full disk) leaves its temporary file: not the space to keep.
        fs.rmSync(`${checkpointPath}.tmp`, { force: true });
        console.error(`society run: ${(err as NodeJS.ErrnoException)?.code ? ioReason(err) : err instanceof Error ? err.message : String(err)}`);
        console.error(`${endsAfter(sim.completed)}${checkpointed !== undefined ? `; ${resumeHint()}` : ''}`);
        return 1;
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
        process.off('SIGHUP', onSighup);
        progress.done();
      }
      if (result.status === 'aborted') {
        writer.discard();
        await writer.close();
        if (dropped) {
          // The dropped round's answers were billed but are in no trace: what this process paid for.
          if (session.spent) console.error(`${session.format()}\n  (this session's calls, the dropped round's included: billed, though --resume asks them again; calls cut off by the stop are not counted)`);
        } else if (sim.world.usage.spent) console.error(sim.world.usage.format(unpricedModels(scenario)));
        console.error(`${signal ? `stopped by ${signal}` : 'interrupted'}: ${endsAfter(result.completed)}; ${resumeHint()}`);
        return signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 130;
      }
      await writer.close();

      const summary = summarizeRun(sim, tally);
      const usage = sim.world.usage;
      const spent = usage.spent;
      // Embedding calls are not part of the trace's usage (which texts one call embedded depends on
      // how the stage's retrievals interleaved); they are reported here.
      const embeddings = registry.embeddingUsage();
      if (values.json) console.log(JSON.stringify({ trace: tracePath, rounds: sim.rounds, summary, usage: usage.toJSON(), ...(httpRequests ? { http_requests: httpRequests } : {}), ...(embeddings.requests || embeddings.failed || embeddings.faults.length ? { embeddings } : {}) }, null, 2));
      else {
        console.log(`${printable(scenario.name)}: ${counted(sim.rounds, 'round')}, seed ${sim.seed} → ${path.relative(process.cwd(), tracePath) || tracePath}`);
        console.log(formatSummary(summary));
        if (spent) console.log(usage.format(unpricedModels(scenario)));
      if (httpRequests) console.log(`  HTTP requests: ${httpRequests} (a call is one decision; retries and re-asks are requests too${cp ? '; this session only' : ''})`);
        if (embeddings.requests || embeddings.failed) console.log(`  memory relevance by embeddings: ${embeddings.requests} request(s), ${embeddings.tokens} tokens${embeddings.failed ? `; ${embeddings.failed} failed (lexical relevance instead)` : ''}${cp ? ' (this session; the run before --resume is not counted)' : ''}`);
        // Faults an embeddings call got past are not in the trace (which retrieval met them depends on timing): said here.
        const ef = embeddings.faults;
        if (ef.length && !values.quiet) console.error(`warning: embeddings calls got past ${counted(ef.length, 'fault')}: ${ef.map((f) => `${f.reason}${f.status ? ` ${f.status}` : ''}`).join(', ')} (last: ${ef[ef.length - 1].message})`);
        if (cp && !cp.reward_tally) console.log('  (reward means cover the resumed part of the run only: the checkpoint predates reward tallies)');
      }
      const faultText = faults.describe();
      // Every decision failed (a wrong key, a dead endpoint): the trace is whole but says nothing of
      // the scenario's model, so a batch script must not take it for a result.
      if (faults.nothingAnswered) {
        console.error(`error: ${faultText}`);
        return 3;
      }
      if (faultText && !values.quiet) console.error(`${faults.failed ? 'warning: ' : ''}${faultText}`);
      return 0;
    } finally {
      lock.release();
      made.removeEmpty();
    }
  },
};

/**
 * The trace writer `open` makes. When the file system refuses (a read-only trace, a folder in its
 * place), says which file in a sentence and gives undefined: exit 1, as for a read-only folder.
 */
function openTrace(open: () => TraceWriter): TraceWriter | undefined {
  let writer: TraceWriter | undefined;
  return wroteFiles('run', () => { writer = open(); }) ? writer : undefined;
}

/** A one-line progress bar on stderr: round, agent-turns per second, ETA. */
class Progress {
  private turns = 0;
  private round = 0;
  private last = 0;
  private readonly start = Date.now();
  constructor(private readonly rounds: number, private readonly enabled: boolean) {}
  readonly listener = (e: TraceEvent): void => {
    if (!this.enabled) return;
    if (e.type === 'reward') this.turns++;
    else if (e.type === 'round_end') this.round = e.round;
    else return;
    const now = Date.now();
    if (now - this.last < 100 && e.type !== 'round_end') return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? this.turns / secs : 0;
    const frac = this.rounds ? this.round / this.rounds : 1;
    const eta = frac > 0 ? (secs / frac) * (1 - frac) : NaN;
    const width = 24, filled = Math.round(frac * width);
    process.stderr.write(`\r  round ${this.round}/${this.rounds} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${rate.toFixed(0)} agent-turns/s  ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)}s` : '?'}   `);
  };
  done(): void { if (this.enabled) process.stderr.write('\n'); }
}
