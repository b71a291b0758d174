// A run through a real LLM gateway: Portkey's open-source AI Gateway (from the npm registry, as a
// separate process) balances the calls of a 50-agent run over two local OpenAI-compatible
// servers — stand-ins for two vLLM replicas — that inject faults (429s, 500s, truncated bodies,
// hangs, prose instead of JSON). The gateway retries what it can; what reaches our client is
// retried by the provider layer. Not one turn may be lost. (LiteLLM's proxy is the gateway the
// scaling guide names first; it is a Python package, and PyPI is out of this machine's reach.)
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { faultMix, startFakeOpenAI, type FakeOpenAI, type InjectedFault } from '../../support/fakeOpenAI';
import { modelConfig, persona, scenario, allowKeysOf } from '../../support/llmFixtures';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { TraceWriter } from '../../../src/core/trace/writer';
import type { TraceEvent } from '../../../src/core/trace/events';

const gatewayScript = path.resolve(__dirname, '../../../node_modules/@portkey-ai/gateway/build/start-server.js');

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the gateway and waits until it answers HTTP. */
async function startGateway(): Promise<{ url: string; process: ChildProcess; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [gatewayScript, `--port=${port}`, '--headless'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}): ${log}`);
    const up = await fetch(url).then(
      () => true,
      () => false,
    );
    if (up) return { url, process: child, log: () => log };
    if (tries > 150) throw new Error(`the gateway did not start in 30 s: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a 50-agent run through a real LLM gateway (Portkey AI Gateway) in front of two faulty replicas', function () {
  let replicas: FakeOpenAI[] = [];
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  before(async () => {
    replicas = [await startFakeOpenAI(), await startFakeOpenAI()];
    gateway = await startGateway();
  });
  after(async () => {
    gateway?.process.kill();
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('completes with every turn answered although the replicas fail one call in ten', async () => {
    const mixes = replicas.map((r, i) => {
      const mix = faultMix(0.1, i + 1);
      // A re-ask after prose ("That answer could not be used…") is answered properly: a model
      // that heeds the reminder. Our client re-asks once (llmAgentModel.ts); a second prose answer
      // to the same decision would be a model fault, not a gateway's or a transport's.
      r.script = (req) =>
        req.body?.messages?.some((m: { role: string }) => m.role === 'assistant') ? undefined : mix.script(req);
      r.latencyMs = 5;
      return mix;
    });
    // The gateway's own retries and load balancing, as a deployment would configure them.
    const gatewayConfig = {
      strategy: { mode: 'loadbalance' },
      retry: { attempts: 3, on_status_codes: [408, 429, 500, 502, 503] },
      request_timeout: 1_500,
      // Each target names its replica and the key for it, as Portkey's config schema requires.
      targets: replicas.map((r) => ({
        provider: 'openai',
        api_key: 'sk-replica',
        custom_host: `${r.url}/v1`,
        weight: 1,
      })),
    };
    const names = Array.from({ length: 50 }, (_, i) => `agent${String(i).padStart(2, '0')}`);
    const sc = scenario(
      {},
      {
        personas: names.map((n) => persona(n)),
        world: { ...scenario({}).world, rounds: 2, conversation: { turns: 2 } },
        models: {
          default: modelConfig('default', {
            base_url: `${gateway!.url}/v1`,
            api_key_env: 'FAKE_KEY',
            headers: { 'x-portkey-config': JSON.stringify(gatewayConfig) },
            concurrency: 32,
            timeout_ms: 10_000,
            retries: 4,
            on_error: 'skip',
          }),
        },
      },
    );
    const backoff = { baseMs: 5, maxMs: 50, maxRetryAfterMs: 200 };
    const registry = new ModelRegistry(sc, { secrets: () => 'sk-test', allowKeys: allowKeysOf(sc), backoff });
    const out = new PassThrough();
    const lines: string[] = [];
    let rest = '';
    out.on('data', (c: Buffer) => {
      const parts = (rest + c.toString('utf8')).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
    const writer = TraceWriter.toStream(out);
    const sim = Simulation.create(sc, { modelFactory: registry.factory, calls: registry.calls });
    writer.header(sim.header);
    sim.on(writer.listener);
    assert.equal((await sim.run()).status, 'completed');
    await writer.close();
    const events = lines.filter(Boolean).map((l) => JSON.parse(l) as TraceEvent);

    if (process.env.DEBUG_GATEWAY) {
      console.log(
        JSON.stringify({
          served: replicas.map((r) => r.count),
          injected: mixes.map((m) => m.injected),
          client_recoveries: lines.filter((l) => l.includes('"type":"error"')).length,
          messages: lines.filter((l) => l.includes('"type":"message"')).length,
        }),
      );
    }
    const injected = (kind: InjectedFault) => mixes.reduce((sum, m) => sum + m.injected[kind], 0);
    const faults = mixes.reduce((sum, m) => sum + Object.values(m.injected).reduce((a, b) => a + b, 0), 0);
    assert.ok(faults >= 20, `faults injected: ${faults}`);
    assert.ok(injected('rate_limited') > 0 && injected('timeout') > 0 && injected('server_error') > 0);
    assert.ok(
      replicas.every((r) => r.count > 50),
      `both replicas served: ${replicas.map((r) => r.count)}`,
    );

    const errors = events.filter((e): e is Extract<TraceEvent, { type: 'error' }> => e.type === 'error');
    const lost = errors.filter((e) => e.handling !== 'recovered');
    assert.deepEqual(
      lost.map((e) => `${e.kind} ${e.reason}: ${e.message}`),
      [],
      'no decision skipped or answered offline',
    );
    // Every conversation has all its turns.
    const encounters = events.filter((e) => e.type === 'encounter');
    const messages = events.filter((e) => e.type === 'message');
    assert.ok(encounters.length >= 50, `encounters: ${encounters.length}`);
    assert.equal(messages.length, encounters.length * 2, 'two turns per conversation');
    // The gateway absorbed faults our client never saw: fewer recoveries than injected faults.
    const recoveredByUs = errors.length;
    assert.ok(recoveredByUs < faults, `client-side recoveries ${recoveredByUs} < faults ${faults}`);
  });
});
