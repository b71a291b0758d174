// Issue 70: the estimate against the spend, for every shipped example and validation entry, on a
// local OpenAI-compatible server (test/support/localOpenAIServer.ts) whose answers come from a real
// model (SmolLM2-135M-Instruct) and whose `usage` is counted by that model's tokenizer. Each
// scenario is cut to 4 agents (per population group) × ROUNDS rounds, priced at gpt-4o-mini's list
// price, estimated with `estimateRun` exactly as cut, then run through `provider: openai`; the
// spend is what the endpoint reported. Goal: spend ÷ estimate within 1/1.5 .. 1.5 for every row.
// Skipped when the model or runtime is missing (`node scripts/local-model.mjs` fetches both).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ModelConfig, Scenario } from '../src/core/format/model/model';
import { estimateRun, type RunEstimate } from '../src/core/llm/estimate';
import { closeLocalEngines, localEngine } from '../src/core/llm/local/localEngine';
import { findRuntime } from '../src/core/llm/local/runtime';
import { SMOLLM2, cutExample, runLocal } from '../test/support/localModelRun';
import { startLocalOpenAIServer } from '../test/support/localOpenAIServer';

const ROUNDS = Number(process.env.ESTIMATE_SPEND_ROUNDS ?? 2);
const AGENTS = 4;
const PRICE = { input: 0.15, output: 0.6 };
const root = path.resolve(__dirname, '..');

/** Every shipped example and validation entry, as paths relative to examples/. */
function scenarios(): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(path.join(root, 'examples')).sort()) {
    const dir = path.join(root, 'examples', d);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      // Scenarios only: a folder's persona or population files are included by them.
      if (f.endsWith('.society') && /^kind: scenario/m.test(fs.readFileSync(path.join(dir, f), 'utf8'))) {
        out.push(`${d}/${f}`);
      }
    }
  }
  for (const f of fs.readdirSync(path.join(root, 'validation')).sort()) {
    if (f.endsWith('.society')) out.push(`../validation/${f}`);
  }
  const only = process.env.ESTIMATE_SPEND_ONLY;
  return only ? out.filter((f) => only.split(',').some((o) => f.includes(o))) : out;
}

/** Every model the scenario names becomes the endpoint's (coach and judges too), priced alike. */
function onEndpoint(s: Scenario, model: ModelConfig): void {
  s.models = Object.fromEntries(Object.keys(s.models).map((name) => [name, { ...model, name }]));
  if (!s.models.default) s.models.default = model;
}

/** `society …` as a user runs it, in a child process (this one serves the endpoint meanwhile). */
function society(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/society.js'), ...args], { env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/**
 * A run stopped by its cost limit, then resumed, from the command line: the commons cut to 4
 * fishers × 2 rounds with `max_tokens: 256` (a user's choice the estimate cannot see past: it
 * prices typical answers, and this model talks to the cap), `--max-cost` just above the estimate.
 */
async function limitAndResume(baseUrl: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-limit-'));
  // The example's folder whole: the scenario reads its observed data beside it.
  fs.cpSync(path.join(root, 'examples/commons'), dir, { recursive: true });
  const text = fs
    .readFileSync(path.join(root, 'examples/commons/commons.society'), 'utf8')
    .replace(/count: 20\b/, 'count: 4');
  const models =
    `\nmodels:\n  default: { provider: openai, base_url: "${baseUrl}", model: smollm2-135m-instruct, ` +
    `price: { input: ${PRICE.input}, output: ${PRICE.output} }, max_tokens: 256, seed: 11, concurrency: 2, retries: 1 }\n`;
  const file = path.join(dir, 'commons.society');
  fs.writeFileSync(file, text + models);
  const out = path.join(dir, 'run');
  const est = await society(['estimate', file, '--rounds', '2', '--json']);
  if (est.code !== 0) throw new Error(`society estimate: ${est.err}`);
  const e = (JSON.parse(est.out) as RunEstimate).total.cost_usd;
  const limit = (e * 1.05).toFixed(6);
  const first = await society(['run', file, '--rounds', '2', '--out', out, '--quiet', '--max-cost', limit]);
  console.log(`\nlimit and resume: commons, 4 fishers × 2 rounds, estimate $${e.toFixed(6)}, --max-cost ${limit}`);
  console.log(`  run: exit ${first.code}: ${first.err.trim().split('\n').join(' / ')}`);
  const again = await society(['run', file, '--rounds', '2', '--out', out, '--quiet', '--resume', '--max-cost', '1']);
  const ends = fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8').includes('"type":"run_end"');
  console.log(`  --resume --max-cost 1: exit ${again.code}, the trace ${ends ? 'ends' : 'does not end'}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function run(): Promise<void> {
  const runtime = findRuntime();
  if (!fs.existsSync(SMOLLM2) || !runtime) {
    console.log('estimateSpend: skipped (no model or runtime: node scripts/local-model.mjs)');
    return;
  }
  const engine = localEngine({
    file: SMOLLM2,
    runtime,
    contextSize: 2048,
    threads: 1,
    batchSize: 128,
    sequences: 4,
    reusePrefix: true,
    purpose: 'chat',
  });
  await engine.loaded;
  const server = await startLocalOpenAIServer(engine);
  const model: ModelConfig = {
    name: 'default',
    provider: 'openai',
    base_url: server.baseUrl,
    model: 'smollm2-135m-instruct',
    price: PRICE,
    seed: 11,
    temperature: 0.7,
    concurrency: 2,
    timeout_ms: 120_000,
    retries: 1,
    on_error: 'skip',
  };
  console.log(`\nestimateSpend: ${AGENTS} agents a group × ${ROUNDS} rounds, SmolLM2-135M behind ${server.baseUrl}`);
  console.log(
    '| scenario | calls est/spent | input tok est/spent | output tok est/spent | $ est | $ spent | spent ÷ est |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const ratios: number[] = [];
  for (const file of scenarios()) {
    try {
      const s = await cutExample(file, AGENTS, ROUNDS, model, (x) => onEndpoint(x, model));
      const e = estimateRun(s).total;
      // ESTIMATE_SPEND_DRY=1: the estimates alone (the spend of the same cut is the same run's).
      if (process.env.ESTIMATE_SPEND_DRY) {
        console.log(`| ${file} | ${e.calls} | ${e.input_tokens} | ${e.output_tokens} | ${e.cost_usd.toFixed(5)} |`);
        continue;
      }
      const r = await runLocal(s);
      let calls = 0,
        input = 0,
        output = 0,
        usd = 0;
      for (const c of r.calls) {
        calls += c.calls;
        input += c.usage.input_tokens ?? 0;
        output += c.usage.output_tokens ?? 0;
        usd += c.usage.cost_usd ?? 0;
      }
      const ratio = e.cost_usd > 0 ? usd / e.cost_usd : NaN;
      if (Number.isFinite(ratio)) ratios.push(ratio);
      const name = file.replace(/^\.\.\//, '').replace(/\.society$/, '');
      console.log(
        `| ${name} | ${e.calls} / ${calls} | ${e.input_tokens} / ${input} | ${e.output_tokens} / ${output} | ` +
          `${e.cost_usd.toFixed(5)} | ${usd.toFixed(5)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'} |`,
      );
    } catch (err) {
      console.log(`| ${file} | failed: ${(err as Error).message.split('\n')[0]} |  |  |  |  |  |`);
    }
  }
  const within = ratios.filter((x) => x <= 1.5 && x >= 1 / 1.5).length;
  console.log(`within 1.5× either way: ${within} of ${ratios.length}`);
  // ESTIMATE_SPEND_ONLY=limit: only this part.
  if (!process.env.ESTIMATE_SPEND_ONLY || process.env.ESTIMATE_SPEND_ONLY === 'limit') {
    await limitAndResume(server.baseUrl);
  }
  await server.close();
  await closeLocalEngines();
}
