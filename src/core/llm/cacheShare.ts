// Predicts how much of a kind's input a prefix cache serves, from the prompt layout (render.ts):
// the system message (the handbook, the setting, then the persona) repeats on every call of
// an agent's kind, so after each agent's first call of a kind it is served from the cache, in
// whole 64-character blocks as a vLLM-style cache keys them (OpenAI's: 128-token steps past
// 1,024). The per-call user message is counted as never cached, so the share is a floor.
import type { ChatMessage } from './chat';

const BLOCK = 64;

/** The share of a prompt's characters in its stable prefix (the system message), whole blocks only. */
export function stablePrefixShare(messages: ChatMessage[]): number {
  const total = messages.reduce((n, m) => n + m.content.length, 0);
  const system = messages.find((m) => m.role === 'system')?.content.length ?? 0;
  return total ? (Math.floor(system / BLOCK) * BLOCK) / total : 0;
}

/** The cached share of `calls` calls by `agents` agents: all but each agent's first call hit. */
export function predictedCacheShare(messages: ChatMessage[], calls: number, agents: number): number {
  if (calls <= 0) return 0;
  return stablePrefixShare(messages) * Math.max(0, 1 - agents / calls);
}
