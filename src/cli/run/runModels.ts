// What `society run` says about its models: offline, or an LLM behind the limiter, retries and
// (optionally) the response cache. The run harness builds them with the run's own rounds and seed
// (a resumed run: its header's), every one the run uses before anything is written, so a missing
// key stops the command with nothing left behind (MissingKeyError, said by missingKey below).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { longWaitSayer } from '../../core/llm/limits/longWait';
import { modelNamed, type Scenario, isInstant, isProvider, traitsOf } from '../../core/format';
import type { CallRecord } from '../../core/llm/callRecord';
import { OFFLINE_LABEL } from '../../core/llm/offline';
import { MissingKeyError, usedModelNames, type ModelRegistry } from '../../core/llm/registry';
import { KeyRouteError } from '../../core/llm/keyRoute';
import type { RunModels } from '../../core/run/runModels';
import { unpricedModels } from '../../core/llm/usage';
import { SessionSpend } from '../../core/engine';
import { SpendLimit } from '../../core/llm/spendLimit';
import { printable } from '../../core/text/printable';
import { unusedCacheNote } from '../unusedCache';

export interface RunModelsRequest {
  scenario: Scenario;
  out: string;
  /** --model: every agent and the coach use it. */
  model?: string;
  cache?: string;
  replay?: boolean;
  /** --threads (ModelOptions.threads). */
  threads?: number;
  /** A person plays an agent (--play, or a replay of a played run): --replay needs no cache when every model is offline. */
  played?: boolean;
  /** --max-cost in USD: metered over this session's calls. */
  maxCost?: number;
}

export interface RunModelChoice {
  /** For the run harness (RunPlan.models). */
  options: RunModels;
  /** What this session's calls were billed for (a dropped round's included). */
  session: SessionSpend;
  /** HTTP requests so far (retries and re-asks included, answers from the cache not; a local model's calls are none). */
  httpRequests(): number;
  /** --max-cost, metered (spendLimit.ts). */
  limit?: SpendLimit;
}

/** What the run's models are built with, or the exit code after saying why they cannot be had. */
export function runModels(r: RunModelsRequest): RunModelChoice | number {
  const cacheDir = r.cache !== undefined ? path.resolve(r.cache) : r.replay ? path.join(r.out, 'cache') : undefined;
  // A played run on offline models made no calls, so it has no cache: its replay needs the answers alone.
  const offlineOnly = usedModelNames(r.scenario, r.model).every((m) => isInstant(modelNamed(r.scenario.models, m)!));
  if (r.replay && (!cacheDir || !fs.existsSync(cacheDir)) && !(r.played && offlineOnly)) {
    console.error(`society run: --replay needs a response cache (${cacheDir ?? '--cache DIR'} does not exist)`);
    return 1;
  }
  // "calls" in the usage are decisions; the HTTP requests behind them are counted here, to
  // reconcile with the provider's bill. Only an endpoint's attempts are requests: a local model's
  // re-asks are calls in this process, and VS Code's language models are the editor's.
  let requests = 0;
  const endpoint = (model: string): boolean => {
    const provider = modelNamed(r.scenario.models, model)?.provider;
    return provider !== undefined && isProvider(provider) && traitsOf(provider).endpoint;
  };
  const session = new SessionSpend(unpricedModels(r.scenario));
  const limit = r.maxCost !== undefined ? new SpendLimit(r.maxCost) : undefined;
  const onCall = (c: CallRecord): void => {
    if (!c.cached && endpoint(c.model)) requests += c.attempts;
    session.listener(c);
  };
  const options: RunModels = {
    cacheDir,
    replay: r.replay,
    threads: r.threads,
    onCall,
    ...(limit ? { meter: () => limit.meter } : {}),
    // Said even with --quiet: a run standing still for minutes must say why.
    onLongWait: longWaitSayer((line) => process.stderr.write(`\n${line}\n`), 'run'),
    buildFirst: true,
  };
  return { options, session, httpRequests: () => requests, ...(limit ? { limit } : {}) };
}

/**
 * Says that a model's key is missing, or may not go where the model sends it (true), as the CLI
 * words it; false for any other error.
 */
export function missingKey(err: unknown): boolean {
  if (err instanceof KeyRouteError) {
    console.error(`society run: ${err.message}`);
    return true;
  }
  if (!(err instanceof MissingKeyError)) return false;
  console.error(`society run: ${err.message.replace(/ \(in VS Code.*\)$/, '')}`);
  return true;
}

/** Says on standard error which model each agent gets, and when a --cache will hold nothing. */
export function announceModels(r: RunModelsRequest, registry: ModelRegistry): void {
  const { scenario, model } = r;
  const models = new Set([model ?? 'default', ...(model ? [] : scenario.personas.map((p) => p.model ?? 'default'))]);
  for (const m of models) {
    const cfg = modelNamed(scenario.models, m);
    if (cfg) {
      console.error(
        `model '${printable(m)}': ${isInstant(cfg) ? OFFLINE_LABEL : registry.model(m).label}${r.replay && !isInstant(cfg) ? ' (replay from cache)' : ''}`,
      );
    }
  }
  const unusedCache = r.cache !== undefined ? unusedCacheNote(scenario, model, r.cache) : undefined;
  if (unusedCache) console.error(unusedCache);
}
