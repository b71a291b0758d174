// How much of each prompt a prefix cache could serve: runs examples on one LLM config against the
// local fake OpenAI-compatible server, records every chat request, and measures, in 64-character
// blocks as a vLLM-style prefix cache sees them, the share of each request's prompt characters
// that is a prefix already sent in an earlier request. Overall and per decision kind (the
// request's response_format name), with the input cost at a cached-input price.
// Standalone: `node --import tsx bench/promptCache.ts [friends|commons|forum …]`.
import type { PromptLayout } from '../src/core/llm/prompts/layout';
import * as path from 'node:path';
import { startFakeOpenAI, type FakeRequest } from '../test/support/fakeOpenAI';
import { modelConfig } from '../test/support/llmFixtures';
import { loadScenarioFile } from '../src/core/format';
import { ModelRegistry } from '../src/core/llm/registry';
import { Simulation } from '../src/core/engine';

const BLOCK = 64;
const ROUNDS = 5;
/** gpt-4o-mini's rates, $ per 1M tokens; ≈ 4 characters a token. */
const PRICE = { input: 0.15, output: 0.6, cached_input: 0.075 };
const CHARS_PER_TOKEN = 4;

const EXAMPLES: Record<string, string> = {
  friends: 'examples/friends/friends.society',
  commons: 'examples/commons/commons.society',
  forum: 'examples/forum/forum.society',
};

/** A request's prompt as a server's chat template lays it out: role then content, in order. */
function promptText(body: { messages?: { role: string; content: unknown }[] }): string {
  return (body.messages ?? []).map((m) => `<|${m.role}|>\n${String(m.content)}\n`).join('');
}

export interface CacheShare {
  chars: number;
  cached: number;
  /** What OpenAI's automatic cache would serve: nothing below 1,024 tokens, then 128-token steps. */
  openai: number;
}

/** OpenAI's rule on a cached prefix of `chars` characters (≈ 4 a token). */
export function openaiCached(chars: number): number {
  const min = 1024 * CHARS_PER_TOKEN,
    step = 128 * CHARS_PER_TOKEN;
  return chars < min ? 0 : min + Math.floor((chars - min) / step) * step;
}

/**
 * Per kind, the prompt characters and those a prefix cache would hold: the leading full blocks
 * whose whole prefix was sent before (a block's key is everything up to its end, as in vLLM).
 */
export function prefixShares(prompts: { kind: string; text: string }[]): Map<string, CacheShare> {
  const seen = new Set<string>();
  const out = new Map<string, CacheShare>();
  for (const { kind, text } of prompts) {
    let cached = 0;
    let hit = true;
    for (let end = BLOCK; end <= text.length; end += BLOCK) {
      const key = text.slice(0, end);
      if (hit && seen.has(key)) cached = end;
      else hit = false;
      seen.add(key);
    }
    const s = out.get(kind) ?? { chars: 0, cached: 0, openai: 0 };
    s.chars += text.length;
    s.cached += cached;
    s.openai += openaiCached(cached);
    out.set(kind, s);
  }
  return out;
}

function agentsOf(sc: { personas: unknown[]; population: { count: number }[] }): number {
  return sc.personas.length + sc.population.reduce((n, p) => n + p.count, 0);
}

/** Input dollars for `chars` prompt characters of which `cached` are served from a cache. */
function dollars(chars: number, cached: number): string {
  const t = (n: number): number => n / CHARS_PER_TOKEN;
  return `$${((t(chars - cached) * PRICE.input + t(cached) * PRICE.cached_input) / 1e6).toFixed(4)}`;
}

/** One line per example: the share (overall, per kind), the input tokens and what they cost three ways. */
export function report(name: string, size: string, requests: number, shares: Map<string, CacheShare>): string {
  let chars = 0,
    cached = 0,
    openai = 0;
  for (const s of shares.values()) {
    chars += s.chars;
    cached += s.cached;
    openai += s.openai;
  }
  const perKind = [...shares]
    .sort((a, b) => b[1].chars - a[1].chars)
    .map(
      ([k, s]) => `${k} ${(s.cached / s.chars).toFixed(2)} (${Math.round(s.chars / CHARS_PER_TOKEN / 1000)}k tokens)`,
    );
  return (
    `prompt cache, ${name} (${size}, ${requests} requests, ${Math.round(chars / requests)} chars a prompt): ` +
    `prefix-cache share ${(cached / chars).toFixed(3)} at ${BLOCK}-char blocks (OpenAI's rule: ${(openai / chars).toFixed(3)}); ` +
    `per kind: ${perKind.join(', ')}; input ≈ ${Math.round(chars / CHARS_PER_TOKEN).toLocaleString('en')} tokens: ` +
    `${dollars(chars, 0)} uncached, ${dollars(chars, cached)} with a prefix cache, ${dollars(chars, openai)} with OpenAI's ` +
    `(cached input at $${PRICE.cached_input}/1M)`
  );
}

async function measure(name: string, file: string, layout: PromptLayout): Promise<string> {
  const server = await startFakeOpenAI();
  try {
    const { scenario } = await loadScenarioFile(path.resolve(file));
    if (!scenario) throw new Error(`${file} does not load`);
    const cfg = modelConfig('bench', {
      base_url: server.url,
      api_key_env: 'BENCH_KEY',
      concurrency: 8,
      price: { input: PRICE.input, output: PRICE.output },
      prompt_layout: layout,
    });
    const sc = { ...scenario, models: { ...scenario.models, bench: cfg } };
    const registry = new ModelRegistry(sc, { secrets: () => 'sk-bench' });
    const sim = Simulation.create(sc, { modelFactory: registry.factory, model: 'bench', rounds: ROUNDS });
    await sim.run();
    const chats = server.chatRequests().sort((a: FakeRequest, b: FakeRequest) => a.n - b.n);
    const prompts = chats.map((r) => ({
      kind: String(r.body?.response_format?.json_schema?.name ?? 'chat'),
      text: promptText(r.body),
    }));
    return report(
      `${name}, ${layout}`,
      `${agentsOf(sc)} agents × ${ROUNDS} rounds`,
      prompts.length,
      prefixShares(prompts),
    );
  } finally {
    await server.close();
  }
}

export async function run(only: string[] = []): Promise<void> {
  for (const [name, file] of Object.entries(EXAMPLES)) {
    if (only.length && !only.includes(name)) continue;
    // Both layouts (llm/prompts/layout.ts): the handbook's larger share against per_kind's fewer tokens.
    for (const layout of ['per_kind', 'handbook'] as const) console.log(await measure(name, file, layout));
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
