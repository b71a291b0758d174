// FakeOpenAI in a worker thread, so a benchmark's client and the server it measures against do
// not share one event loop and one core. Configured with data (latency, fault mix) since
// functions cannot cross threads.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { FakeOpenAI, faultMix, schemaAnswers, type InjectedFault } from './fakeOpenAI';

export interface RemoteConfig {
  latencyMs?: number;
  faults?: { rate: number; seed?: number };
  /** Answer with random instances of each request's JSON schema (faults, if any, come first). */
  schemaAnswers?: { seed?: number };
}
export interface RemoteStats {
  count: number;
  maxInFlight: number;
  inFlight: number;
  injected: Record<InjectedFault, number> | null;
}

type Message =
  { id: number; op: 'configure'; config: RemoteConfig } | { id: number; op: 'stats' } | { id: number; op: 'reset' };

export class RemoteFakeOpenAI {
  url = '';
  private seq = 0;
  private readonly pending = new Map<number, (v: any) => void>();
  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: { id: number; value: any }) => {
      this.pending.get(m.id)?.(m.value);
      this.pending.delete(m.id);
    });
  }

  static async start(): Promise<RemoteFakeOpenAI> {
    // The worker compiles this file with tsx's require hook, however the parent was started.
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true });
    const remote = new RemoteFakeOpenAI(worker);
    remote.url = await new Promise<string>((resolve, reject) => {
      worker.once('message', (m: { url: string }) => resolve(m.url));
      worker.once('error', reject);
    });
    return remote;
  }

  private call(msg: Record<string, unknown>): Promise<any> {
    const id = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...msg, id });
    });
  }

  configure(config: RemoteConfig): Promise<void> {
    return this.call({ op: 'configure', config });
  }
  stats(): Promise<RemoteStats> {
    return this.call({ op: 'stats' });
  }
  reset(): Promise<void> {
    return this.call({ op: 'reset' });
  }
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const server = new FakeOpenAI();
  server.record = false;
  let injected: Record<InjectedFault, number> | null = null;
  void server.start().then(() => port.postMessage({ url: server.url }));
  port.on('message', (m: Message) => {
    if (m.op === 'configure') {
      server.latencyMs = m.config.latencyMs ?? 0;
      const mix = m.config.faults ? faultMix(m.config.faults.rate, m.config.faults.seed) : undefined;
      const answers = m.config.schemaAnswers ? schemaAnswers(m.config.schemaAnswers.seed).script : undefined;
      server.script = mix && answers ? (req) => mix.script(req) ?? answers(req) : (mix?.script ?? answers);
      injected = mix?.injected ?? null;
      port.postMessage({ id: m.id, value: undefined });
    } else if (m.op === 'stats') {
      port.postMessage({
        id: m.id,
        value: { count: server.count, maxInFlight: server.maxInFlight, inFlight: server.inFlight, injected },
      });
    } else {
      const script = server.script;
      server.reset();
      server.script = script;
      if (injected) for (const k of Object.keys(injected) as InjectedFault[]) injected[k] = 0;
      port.postMessage({ id: m.id, value: undefined });
    }
  });
}
