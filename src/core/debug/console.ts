// The Debug Console: `memories <agent> [query…]` ranks an agent's memories for a query with the
// engine's retrieval scores, `ask <agent> "<question>"` interviews the agent in character (the
// interview is recorded in the trace as an `intervention` event), `why maya sam` lists the events that
// moved a tie (or `why maya.wealth` a quantity), anything else is an expression over the state.
import { makeQuery, scoreMemories } from '../engine';
import type { Simulation, StepPoint } from '../engine';
import { evaluateExpression, ExpressionError } from './expression';
import { resolveAgent, stateScope } from './stateScope';
import { display } from './breakpoints';
import type { TraceEvent } from '../trace/events';
import { why, WHY_USAGE } from './why';

export interface Interview {
  agent: string;
  question: string;
  answer: string;
  round: number;
}

export interface ConsoleResult {
  text: string;
  /** Structured result, shown expandable when it is an object. */
  value?: unknown;
  interview?: Interview;
}

export interface ConsoleOptions {
  /** Why an interview cannot happen now (the run has ended, or is not paused); unset when it can. */
  noInterview?: string;
  /** The run's events so far (what its trace holds, in order), for `why`. */
  events?: () => readonly TraceEvent[];
}

const MEMORIES_USAGE = 'memories needs an agent: memories <agent> [query…], e.g. memories maya weekend plans';
const ASK_USAGE = 'ask needs an agent and a question: ask <agent> "<question>", e.g. ask maya "How was your week?"';

export const CONSOLE_HELP = [
  "memories <agent> [query…]   rank the agent's memories for a query (retrieval scores)",
  'ask <agent> "<question>"    interview the agent in character (recorded as an intervention)',
  'why <from> <to> [both]      the events that moved a tie so far, each with its trace line',
  'why <agent>.<quantity>      the same for a declared quantity (or world.<quantity>)',
  '<expression>                e.g. round >= 5 && tie("maya", "leo") > 0.6; functions: tie, reward, memories, met, rating, ties, contains',
].join('\n');

export async function runConsole(
  input: string,
  sim: Simulation,
  at: StepPoint | undefined,
  opts: ConsoleOptions = {},
): Promise<ConsoleResult> {
  const line = input.trim();
  if (line === 'help' || line === '?') return { text: CONSOLE_HELP };
  // The commands by their first word: without their arguments they would read as an unknown name.
  if (line === 'memories') throw new ExpressionError(MEMORIES_USAGE);
  const mem = /^memories\s+(\S+)(?:\s+(.*))?$/.exec(line);
  if (mem) return memories(sim, mem[1], mem[2] ?? '');
  if (/^why(?:\s|$)/.test(line)) {
    if (!opts.events) throw new ExpressionError("why needs the run's events, which this session does not keep.");
    if (line === 'why') throw new ExpressionError(WHY_USAGE);
    return why(line.slice(3), opts.events());
  }
  if (/^ask(?:\s|$)/.test(line)) {
    const ask = /^ask\s+(\S+)\s+(.+)$/.exec(line);
    if (!ask) throw new ExpressionError(ASK_USAGE);
    const question = unquote(ask[2]).trim();
    if (!question) throw new ExpressionError(ASK_USAGE);
    if (opts.noInterview) throw new ExpressionError(opts.noInterview);
    const agent = resolveAgent(sim, ask[1]);
    const answer = (await sim.interview(agent.id, question, undefined, { record: true })) ?? '(no answer)';
    return {
      text: `${agent.persona.name}: ${answer}`,
      interview: { agent: agent.id, question, answer, round: sim.world.round },
    };
  }
  const value = evaluateExpression(line, stateScope(sim, at));
  return { text: display(value), value };
}

function memories(sim: Simulation, who: string, query: string): ConsoleResult {
  const a = resolveAgent(sim, who);
  const w = sim.world;
  // No query: what the agent's own interests bring to mind (the start of every retrieval).
  const q = makeQuery(...(query.trim() ? [query] : a.persona.interests));
  const ranked = scoreMemories(a.memories.records(), q, w.round, w.settings.memory).slice(0, w.settings.memory.top_k);
  const value = ranked.map((s) => ({
    score: r3(s.score),
    recency: r3(s.recency),
    importance: r3(s.importance),
    relevance: r3(s.relevance),
    id: s.memory.id,
    round: s.memory.round,
    kind: s.memory.kind,
    text: s.memory.text,
  }));
  const rescaled =
    w.settings.memory.normalize === 'minmax' ? ' (components rescaled per query: memory.normalize minmax)' : '';
  const head = `${a.id}: top ${value.length} of ${a.memories.length} memories for "${query.trim() || a.persona.interests.join(', ')}"${rescaled}`;
  const rows = value.map((m) => `  ${m.score.toFixed(3)}  #${m.id} r${m.round} ${m.kind}  ${m.text}`);
  return { text: [head, ...rows].join('\n'), value };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
/** A question as typed, without its surrounding quotes; an opening quote without its closing one is refused (it would ask `"`). */
function unquote(s: string): string {
  const t = s.trim();
  const q = t[0];
  if (q !== '"' && q !== "'") return t;
  if (t.length < 2 || t[t.length - 1] !== q) {
    throw new ExpressionError(`The question's closing ${q} is missing. ${ASK_USAGE}`);
  }
  return t.slice(1, -1);
}
