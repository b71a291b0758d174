// What a run is expected to take, said before it starts (issue 88): an 8 × 20 run on a local
// model picked by mistake took ~35 minutes with no word before. From the run's estimate (calls,
// tokens, cost and, for a local model, seconds at the speed measured on this machine): lines for
// the log, always, and whether the person should be asked first — a long or untimed local run, or
// a cost past a small amount when no cost limit is set (a set limit is asked by costLimit.ts).
// No vscode here: the editor shows the lines and asks with a modal.
import * as path from 'node:path';
import type { ModelEstimate, RunEstimate } from './estimate';
import { traitsOf } from '../format';
import { printable } from '../text/printable';
import { pushAll } from '../text/pushAll';
import { clock, offlineLine, offlineWarning } from './estimateOffline';

/** Past this many expected seconds a run asks before it starts. */
export const LONG_RUN_SECONDS = 60;
/** A local model with no measured speed asks past this many calls (at a few seconds a call on a CPU, minutes). */
export const UNTIMED_CALLS = 30;
/** What an untimed local call is taken to need at least, to say a floor (SmolLM2-135M on 2 busy cores: 3–10 s). */
export const UNTIMED_SECONDS_A_CALL = 2;
/** With no cost limit set, a run estimated past this many dollars asks. */
export const SMALL_COST_USD = 1;

export interface RunQuestion {
  /** The modal's message. */
  message: string;
  /** Its go-ahead button ("Run — about 35 min on SmolLM2…"); the other choice is Cancel. */
  button: string;
}

export interface RunForecast {
  /** For the log, every run. */
  lines: string[];
  /** Asked before the run starts; absent: it starts. */
  ask?: RunQuestion;
  /** Said, not asked, as the run starts: a long offline run (it spends nothing; Stop ends it). */
  warning?: string;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
/** "1 call", "3,200 calls", "100,000 rounds". */
const calls = (n: number, noun = 'call'): string => `${int(n)} ${n === 1 ? noun : `${noun}s`}`;

/** "45 s", "35 min", "2 h 10 min". */
export const duration = clock;

/** How a model is named to a person: a local model by its file, else by what it calls. */
export function modelLabel(m: ModelEstimate): string {
  if (!m.model) return printable(m.name);
  return printable(m.local ? path.basename(m.model) : m.model);
}

const shortLabel = (m: ModelEstimate): string => {
  const label = modelLabel(m).replace(/\.gguf$/i, '');
  return label.length > 28 ? `${label.slice(0, 27)}…` : label;
};

function costOf(m: ModelEstimate): string {
  if (m.local) return 'free (in-process)';
  if (m.priced) return `$${m.cost_usd.toFixed(2)}`;
  return traitsOf(m.provider).priced
    ? 'unpriced (set price: in the model)'
    : `not counted (${traitsOf(m.provider).label})`;
}

function timeOf(m: ModelEstimate): string {
  const l = m.local;
  if (!l) return '';
  if (l.seconds === undefined || !l.speed) {
    return '; expected time unknown: no speed measured yet for this file, threads and batch (this run measures one)';
  }
  const s = l.speed;
  return `; expected ≈ ${duration(l.seconds)} at ${int(s.prompt_per_s)} prompt and ${s.answer_per_s.toFixed(1)} answer tokens a second (measured ${s.measured} over ${calls(s.calls)})`;
}

function promptOf(m: ModelEstimate): string[] {
  const l = m.local;
  if (!l) return [];
  const how = l.counted === 'tokenizer' ? 'by its tokenizer' : 'as characters / 4';
  return [
    `  ${printable(m.name)} prompts: the largest typical (${l.largest.kind}) is ${int(l.largest.tokens)} tokens (${how}) of a ${int(l.context)}-token context, answers up to ${int(l.answer)}`,
  ];
}

/** The lines to log and the question to ask, if any, before a run with this estimate starts. */
export function runForecast(e: RunEstimate, o: { costLimitUsd?: number } = {}): RunForecast {
  const used = e.models.filter((m) => m.calls > 0 && !traitsOf(m.provider).instant);
  const head = `Estimate for "${printable(e.scenario)}" (${calls(e.agents, 'agent')} × ${calls(e.rounds, 'round')})`;
  if (!used.length) return offlineOnly(e, head);
  const lines = [
    `${head}: ${calls(e.total.calls, 'model call')}, ${int(e.total.input_tokens)} input + ${int(e.total.output_tokens)} output tokens`,
  ];
  for (const m of used) {
    lines.push(
      `  ${printable(m.name)} (${m.provider} ${modelLabel(m)}): ${calls(m.calls)}, ${int(m.input_tokens)} input + ${int(m.output_tokens)} output tokens, ${costOf(m)}${timeOf(m)}`,
    );
    pushAll(lines, promptOf(m));
  }
  // Agents on the offline model beside a language model: their time said too.
  for (const m of e.models) if (m.offline?.acts) lines.push(offlineLine(printable(m.name), m.offline));
  const ask = question(e, used, o.costLimitUsd);
  return ask ? { lines, ask } : { lines };
}

/** A run on the offline model only: nothing spent and nothing asked, but its time said, and warned of past a minute (issue 87). */
function offlineOnly(e: RunEstimate, head: string): RunForecast {
  const lines = [`${head}: the offline rule-based model only, no LLM calls, nothing spent`];
  const timed = e.models.filter((m) => m.offline?.acts);
  for (const m of timed) lines.push(offlineLine(printable(m.name), m.offline!));
  if (!timed.length) return { lines };
  // Several offline configs read the same groups: their decisions and seconds add up.
  const all = { ...timed[0].offline! };
  for (const m of timed.slice(1)) {
    all.seconds += m.offline!.seconds;
    all.acts += m.offline!.acts;
  }
  const what = `This run of ${printable(e.scenario)} (${calls(e.agents, 'agent')} × ${calls(e.rounds, 'round')})`;
  const warning = offlineWarning(all, what, LONG_RUN_SECONDS);
  return warning ? { lines, warning: `${warning}.` } : { lines };
}

function question(e: RunEstimate, used: ModelEstimate[], costLimitUsd: number | undefined): RunQuestion | undefined {
  const local = used.filter((m) => m.local);
  const timed = local.filter((m) => m.local?.seconds !== undefined);
  const untimed = local.filter((m) => m.local?.seconds === undefined);
  const seconds = timed.reduce((sum, m) => sum + (m.local?.seconds ?? 0), 0);
  const what = `This run of ${printable(e.scenario)} (${calls(e.agents, 'agent')} × ${calls(e.rounds, 'round')}, ${calls(e.total.calls, 'model call')})`;
  // A cost past the small amount is said with the time too, not only when it is the one reason.
  const costly = costLimitUsd === undefined && e.total.cost_usd > SMALL_COST_USD;
  const cost = costly ? ` It is estimated to cost $${e.total.cost_usd.toFixed(2)} (no cost limit is set).` : '';
  if (seconds > LONG_RUN_SECONDS) {
    const slowest = timed.reduce((a, b) => ((b.local?.seconds ?? 0) > (a.local?.seconds ?? 0) ? b : a));
    const more = untimed.length
      ? `, and longer: no speed is measured yet for ${untimed.map(shortLabel).join(', ')}`
      : '';
    return {
      message: `${what} is expected to take about ${duration(seconds)} on ${modelLabel(slowest)}${more}.${cost}`,
      button: `Run — about ${duration(seconds)} on ${shortLabel(slowest)}`,
    };
  }
  const many = untimed.find((m) => m.calls > UNTIMED_CALLS);
  if (many) {
    return {
      message: `This run of ${printable(e.scenario)} (${calls(e.agents, 'agent')} × ${calls(e.rounds, 'round')}) makes ${calls(many.calls)} to ${modelLabel(many)}, a local model with no speed measured on this machine yet: at ${UNTIMED_SECONDS_A_CALL} s a call or more on a CPU, about ${duration(many.calls * UNTIMED_SECONDS_A_CALL)} or more.${cost}`,
      button: `Run — time unknown on ${shortLabel(many)}`,
    };
  }
  if (costly) {
    return {
      message: `${what} is estimated to cost $${e.total.cost_usd.toFixed(2)} (no cost limit is set: Settings › Society Studio › Run: Cost Limit).`,
      button: `Run — about $${e.total.cost_usd.toFixed(2)}`,
    };
  }
  return undefined;
}
