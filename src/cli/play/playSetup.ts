// `society run --play AGENT`: a person plays one agent of the run. The options are checked, the
// session's record opened (`human.jsonl` in the run folder: a header, then one line per decision
// asked), and the person reached on standard input: readable prompts at a terminal, JSON lines
// otherwise (a script). `--replay` on a played run folder (or `--answers FILE`) answers from the
// record with nobody asked, so the trace is the played one byte for byte.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Scenario } from '../../core/format';
import { allPersonas } from '../../core/engine';
import {
  ANSWERS_FILE,
  AnswerBook,
  OPT_IN_KINDS,
  PLAY_FALLBACKS,
  PLAYED_KINDS,
  PlaySession,
  answerLine,
  readAnswers,
  type AnswerRecord,
  type ParticipantPort,
  type PlayFallback,
  type PlayHeader,
} from '../../core/llm/human';
import type { DecisionKind } from '../../core/llm/types';
import { printable } from '../../core/text/printable';
import { shown } from '../options';
import { readOptionFile } from '../optionFile';
import { ioReason } from '../../core/files/ioReason';
import { JsonLinesPort } from './jsonPort';
import { LineReader } from './lineReader';
import { TerminalPort } from './ttyPort';
import { appendSafely, writeFileSafely } from '../../core/files/safeWrite';

export interface PlayValues {
  play?: string;
  'play-timeout'?: string;
  'play-fallback'?: string;
  'play-kinds'?: string;
  answers?: string;
  replay?: boolean;
  resume?: boolean;
}

export interface PlaySetup {
  session: PlaySession;
  /** Answers come from a record: nobody is asked. */
  replaying: boolean;
  /** A person answers at a terminal (the progress bar would write over the prompts). */
  interactive: boolean;
  /** What the person did this session, in a line (undefined when replaying). */
  summary(): string | undefined;
  close(): void;
}

/** Seconds a person has to answer when --play-timeout is not given. */
export const DEFAULT_PLAY_TIMEOUT = 120;

/** The played session, none (no --play, nothing to replay), or the exit code after saying why not. */
export function playSetup(
  values: PlayValues,
  scenario: Scenario,
  out: string,
  run: { rounds: number; seed: number },
  io: { input: Readable; output: Writable; errors: Writable } = {
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
  },
): PlaySetup | undefined | number {
  const context = { rounds: run.rounds };
  const recordPath = path.join(out, ANSWERS_FILE);
  const answers = values.answers ?? (values.replay && fs.existsSync(recordPath) ? recordPath : undefined);
  if (answers !== undefined) {
    const read = readRecord(answers);
    if (typeof read === 'string') return fail(read);
    if (values.play !== undefined && values.play !== read.header.agent) {
      return fail(`--play ${printable(values.play)}, but ${shown(answers)} played '${printable(read.header.agent)}'`);
    }
    const book = new AnswerBook(read.header, true, read.records);
    const session = new PlaySession({ book, templates: scenario.prompts, context });
    const summary = (): string =>
      `replayed ${read.header.agent}'s ${read.records.length} recorded decisions from ${shown(answers)}`;
    return { session, replaying: true, interactive: false, summary, close: () => undefined };
  }
  if (values.play === undefined) {
    // A fresh run in a folder a played run left: its record would make a later --replay play it again.
    if (!values.resume && typeof readRecord(recordPath) !== 'string') fs.rmSync(recordPath);
    return undefined;
  }
  const header = playHeader(values, scenario, run.seed);
  if (typeof header === 'string') return fail(header);
  // A resumed session keeps what was answered: the rounds redone after the checkpoint get the same answers.
  const earlier = values.resume && fs.existsSync(recordPath) ? readRecord(recordPath) : undefined;
  if (typeof earlier === 'string') return fail(earlier);
  if (!earlier) writeFileSafely(recordPath, answerLine(header));
  const tally = { answered: 0, timedOut: 0 };
  const book = new AnswerBook(header, false, earlier?.records ?? [], (r) => {
    appendSafely(recordPath, answerLine(r));
    if (r.by === 'human') tally.answered++;
    else tally.timedOut++;
  });
  const summary = (): string =>
    `you played ${header.agent}: ${tally.answered} decisions answered, ${tally.timedOut} timed out (${header.fallback}); the answers are in ${shown(recordPath)}`;
  const input = io.input;
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  let port: ParticipantPort & { close?(): void };
  if (interactive) port = new TerminalPort(input, io.errors);
  else {
    const reader = new LineReader(input);
    const json = new JsonLinesPort(reader, io.output);
    port = Object.assign(json, { close: () => reader.close() });
  }
  const session = new PlaySession({ book, port, templates: scenario.prompts, context });
  return { session, replaying: false, interactive, summary, close: () => port.close?.() };
}

function fail(why: string): number {
  console.error(`society run: ${why}`);
  return 2;
}

function readRecord(file: string): { header: PlayHeader; records: AnswerRecord[] } | string {
  let text: string;
  try {
    text = readOptionFile(file);
  } catch (err) {
    return `cannot read the recorded answers ${shown(file)}: ${ioReason(err)}`;
  }
  const read = readAnswers(text);
  return typeof read === 'string' ? `${shown(file)} is not a played session's record: ${read}` : read;
}

/** --play and its options as the record's header, or what is wrong with them. */
function playHeader(values: PlayValues, scenario: Scenario, seed: number): PlayHeader | string {
  const agent = values.play!;
  const ids = new Set(allPersonas(scenario.personas, scenario.population, seed).map((p) => p.id));
  for (const e of scenario.events) if ('add' in e) for (const p of e.add) ids.add(p.id);
  if (!ids.has(agent)) {
    const some = [...ids].slice(0, 12).join(', ');
    return `--play: no agent '${printable(agent)}' in ${printable(scenario.name)} (agents: ${some}${ids.size > 12 ? ', …' : ''})`;
  }
  const t = values['play-timeout'];
  const timeout = t === undefined ? DEFAULT_PLAY_TIMEOUT : Number(t);
  if (!Number.isFinite(timeout) || timeout < 0 || (t !== undefined && !t.trim())) {
    return `--play-timeout must be seconds ≥ 0 (0: no limit), got '${printable(t ?? '')}'`;
  }
  const fallback = (values['play-fallback'] ?? 'model') as PlayFallback;
  if (!PLAY_FALLBACKS.includes(fallback)) {
    return `--play-fallback must be one of ${PLAY_FALLBACKS.join(', ')}, got '${printable(fallback)}'`;
  }
  const kinds = values['play-kinds']?.split(',').map((k) => k.trim()) ?? [...PLAYED_KINDS];
  const allowed = [...PLAYED_KINDS, ...OPT_IN_KINDS];
  const unknown = kinds.filter((k) => !allowed.includes(k as DecisionKind));
  if (unknown.length || !kinds.length) {
    return `--play-kinds takes some of ${allowed.join(', ')}, got '${printable(values['play-kinds'] ?? '')}'`;
  }
  return { type: 'play', agent, kinds: kinds as DecisionKind[], ...(timeout ? { timeout } : {}), fallback };
}
