// Predicts how much of a kind's input a prefix cache serves, from the prompt layout (render.ts):
// the handbook that opens every system message is the same for every call of a run, so it is
// served from the cache on all but the first; the rest of the system message (the setting and
// the persona) repeats on every call of an agent's kind, so after each agent's first call of a
// kind it is served too; both in whole 64-character blocks as a vLLM-style cache keys them
// (OpenAI's: 128-token steps past 1,024). The per-call user message is counted as never cached,
// so the share is a floor.
import type { ChatMessage } from './chat';

const BLOCK = 64;
const blocks = (chars: number): number => Math.floor(chars / BLOCK) * BLOCK;
const total = (messages: ChatMessage[]): number => messages.reduce((n, m) => n + m.content.length, 0);
const systemChars = (messages: ChatMessage[]): number => messages.find((m) => m.role === 'system')?.content.length ?? 0;

/** The share of a prompt's characters in its stable prefix (the system message), whole blocks only. */
export function stablePrefixShare(messages: ChatMessage[]): number {
  const all = total(messages);
  return all ? blocks(systemChars(messages)) / all : 0;
}

/**
 * The cached share of `calls` calls by `agents` agents: the first `shared` characters (the
 * run-wide handbook) on all calls but one, the rest of the system message on all but each
 * agent's first.
 */
export function predictedCacheShare(messages: ChatMessage[], calls: number, agents: number, shared = 0): number {
  const all = total(messages);
  if (calls <= 0 || !all) return 0;
  const run = blocks(Math.min(shared, systemChars(messages)));
  const agent = blocks(systemChars(messages)) - run;
  return (run * Math.max(0, calls - 1) + agent * Math.max(0, calls - agents)) / (calls * all);
}
