// How fast a local model ran on this machine, kept for `society estimate` to turn tokens into
// seconds (issue 71: "expected seconds from measured tokens per second"). Speed depends on the
// model file, the threads and the batch, so it is measured by runs, not guessed: each run of a
// local model records its prompt and answer tokens per second in the cache folder
// (`<cache>/local-speeds.json`, beside the runtime and the models; never in a project).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { societyCache } from './settings';
import { writeFileSafely } from '../../files/safeWrite';
import { nameRecord, owns } from '../../text/nameRecord';
import { TYPICAL_OUTPUT_TOKENS } from '../answerBudget';

export interface MeasuredSpeed {
  /**
   * Prompt tokens a second until the first answer token, every prompt token counted: those a
   * sequence held from an earlier call cost nothing, so this is the rate such a run gets.
   */
  prompt_per_s: number;
  /** Answer tokens generated a second. */
  answer_per_s: number;
  /** Calls the figures come from (of earlier runs, at most REMEMBERED_CALLS). */
  calls: number;
  /** When (ISO date): the latest run's. */
  measured: string;
  /** Runs averaged into the figures, when more than one (issue 86: not only the last run's). */
  runs?: number;
  /**
   * Answer tokens a call, by decision kind, as this model answered on this machine (issue 86: a
   * 135M model's answers ran twice the lengths the estimate assumed), with the calls behind each.
   */
  answers?: Record<string, { calls: number; tokens: number }>;
}

/** Below this many answers of a kind, its measured length does not replace the typical one. */
export const MIN_KIND_ANSWERS = 3;

/** Calls of earlier runs a new run is averaged with, at most: a machine's older speeds fade. */
export const REMEMBERED_CALLS = 200;

/**
 * A new run's speed averaged with what earlier runs measured: as time a token (a harmonic mean of
 * the rates), each side weighted by its calls, the earlier side by at most REMEMBERED_CALLS. One
 * run on a busy machine then moves the estimate without replacing it.
 */
export function averagedSpeed(before: MeasuredSpeed | undefined, now: MeasuredSpeed): MeasuredSpeed {
  if (!before) return now;
  const w0 = Math.min(before.calls, REMEMBERED_CALLS);
  const w1 = now.calls;
  const rate = (a: number, b: number): number => (w0 + w1) / (w0 / a + w1 / b);
  const answers = averagedAnswers(before.answers, now.answers);
  return {
    prompt_per_s: rate(before.prompt_per_s, now.prompt_per_s),
    answer_per_s: rate(before.answer_per_s, now.answer_per_s),
    calls: w0 + w1,
    measured: now.measured,
    runs: (before.runs ?? 1) + (now.runs ?? 1),
    ...(answers ? { answers } : {}),
  };
}

/** Each kind's answer length over both sides, the earlier side's calls counted up to REMEMBERED_CALLS. */
function averagedAnswers(
  before: MeasuredSpeed['answers'],
  now: MeasuredSpeed['answers'],
): MeasuredSpeed['answers'] | undefined {
  if (!before && !now) return undefined;
  const out = nameRecord<{ calls: number; tokens: number }>();
  for (const [kind, a] of knownAnswers(before)) {
    const calls = Math.min(a.calls, REMEMBERED_CALLS);
    out[kind] = { calls, tokens: (a.tokens / a.calls) * calls };
  }
  for (const [kind, a] of knownAnswers(now)) {
    const b = owns(out, kind) ? out[kind] : { calls: 0, tokens: 0 };
    out[kind] = { calls: b.calls + a.calls, tokens: b.tokens + a.tokens };
  }
  return out;
}

/**
 * A record's kinds that are decision kinds of a fixed typical length (a survey's and a judge's grow
 * with their items: not one length) with a sane count; the file is read from disk.
 */
function knownAnswers(r: MeasuredSpeed['answers']): [string, { calls: number; tokens: number }][] {
  if (!r || typeof r !== 'object') return [];
  return Object.entries(r).filter(
    ([kind, a]) =>
      owns(TYPICAL_OUTPUT_TOKENS, kind) &&
      kind !== 'survey' &&
      kind !== 'judge' &&
      Number.isFinite(a?.calls) &&
      a.calls > 0 &&
      Number.isFinite(a?.tokens) &&
      a.tokens >= 0,
  );
}

/** The measured answer tokens a call of this kind, when enough calls stand behind it. */
export function measuredAnswerTokens(speed: MeasuredSpeed | undefined, kind: string): number | undefined {
  const a = knownAnswers(speed?.answers).find(([k]) => k === kind)?.[1];
  return a && a.calls >= MIN_KIND_ANSWERS ? a.tokens / a.calls : undefined;
}

/** What a local model's calls took (localEngine.ts's figures; its own shape, so neither imports the other). */
export interface RunFigures {
  calls: number;
  promptTokens: number;
  answerTokens: number;
  /** Summed time of the calls, and of it, until each call's first answer token. */
  ms: number;
  promptMs: number;
}

/** What a speed belongs to: the model file's name, threads a sequence and batch size. */
export interface SpeedKey {
  file: string;
  threads: number;
  batchSize: number;
}

/** At most this many settings are kept (the oldest measurements go first). */
const KEPT = 200;
/** The file is ours and small; a larger one is not read (a stranger's, or damaged). */
const MAX_BYTES = 256 * 1024;
/** Below this many calls a run's figures are too few to stand for the model's speed. */
const MIN_CALLS = 4;

const keyOf = (k: SpeedKey): string => `${path.basename(k.file)} threads=${k.threads} batch=${k.batchSize}`;
const fileIn = (cache: string): string => path.join(cache, 'local-speeds.json');

function readAll(cache: string): Map<string, MeasuredSpeed> {
  try {
    const file = fileIn(cache);
    if (fs.statSync(file).size > MAX_BYTES) return new Map();
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (!json || typeof json !== 'object' || Array.isArray(json)) return new Map();
    const out = new Map<string, MeasuredSpeed>();
    for (const [k, v] of Object.entries(json as Record<string, MeasuredSpeed>)) {
      if (v && Number(v.prompt_per_s) > 0 && Number(v.answer_per_s) > 0) out.set(k, v);
    }
    return out;
  } catch {
    return new Map();
  }
}

/** The speed measured for these settings, if a run measured one. */
export function measuredSpeed(k: SpeedKey, cache = societyCache()): MeasuredSpeed | undefined {
  return readAll(cache).get(keyOf(k));
}

/** A run's figures as speeds, when they are enough to say anything (at least a few calls, time in both parts). */
export function speedOf(
  f: RunFigures,
  now = new Date(),
  byKind?: ReadonlyMap<string, { calls: number; tokens: number }>,
): MeasuredSpeed | undefined {
  const answerMs = f.ms - f.promptMs;
  if (f.calls < MIN_CALLS || f.promptMs <= 0 || answerMs <= 0 || f.promptTokens <= 0 || f.answerTokens <= 0) return;
  const answers = byKind?.size
    ? Object.assign(nameRecord<{ calls: number; tokens: number }>(), Object.fromEntries(byKind))
    : undefined;
  return {
    prompt_per_s: f.promptTokens / (f.promptMs / 1000),
    answer_per_s: f.answerTokens / (answerMs / 1000),
    calls: f.calls,
    measured: now.toISOString().slice(0, 10),
    ...(answers ? { answers } : {}),
  };
}

/**
 * Keeps a run's speed for its settings, averaged with the earlier runs' (averagedSpeed); written
 * whole, then renamed: a reader never sees half.
 */
export function recordSpeed(k: SpeedKey, speed: MeasuredSpeed, cache = societyCache()): void {
  const all = readAll(cache);
  const before = all.get(keyOf(k));
  all.delete(keyOf(k));
  all.set(keyOf(k), averagedSpeed(before, speed));
  const kept = [...all].slice(-KEPT);
  fs.mkdirSync(cache, { recursive: true });
  const file = fileIn(cache);
  writeFileSafely(file, JSON.stringify(Object.fromEntries(kept), null, 1));
}
