// Issue 33, defect 11: a dead endpoint is found at once, not at the end. 20 agents × 3 rounds
// against nothing listening took 28 s and 720 connection attempts before exit 3; a circuit breaker
// (llm/limits/endpointHealth.ts) stops the run after a few refused connections, with the endpoint
// named, exit 3, and a trace that stays valid.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { scratchDir } from '../../support/scratch';
import { closedPort } from '../../support/deadEndpoint';
import { CONNECTION_FAILURES } from '../../../src/core/llm/limits/endpointHealth';
import { readTrace } from '../../../src/core/trace/reader';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/society.js');

function scenario(dir: string, port: number, concurrency: number): string {
  const personas = Array.from(
    { length: 20 },
    (_, i) => `  - { id: p${i}, name: Person ${i}, interests: [chess, hiking] }`,
  );
  const file = path.join(dir, 'dead.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: Dead endpoint',
      'personas:',
      ...personas,
      'world: { rounds: 3 }',
      `models: { default: { provider: openai, model: m, base_url: "http://127.0.0.1:${port}/v1", retries: 2, concurrency: ${concurrency}, on_error: offline } }`,
    ].join('\n') + '\n',
  );
  return file;
}

describe('a dead endpoint stops the run at once (issue 33: 11)', function () {
  it('society run: exit 3 after a few refused connections, naming the endpoint; the trace is valid', async () => {
    const dir = scratchDir('society-dead-');
    const port = await closedPort();
    const file = scenario(dir, port, 4);
    const out = path.join(dir, 'out');
    const r = spawnSync(process.execPath, [bin, 'run', file, '--out', out], {
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, OPENAI_API_KEY: 'x' },
    });
    assert.equal(r.status, 3, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(
        `the model endpoint http://127\\.0\\.0\\.1:${port}/v1 refused or dropped ${CONNECTION_FAILURES} connections in a row and has not answered once`,
      ),
    );
    // "At once" is held by what happened, not by a clock (a busy machine doubles any time): no
    // round ended past the first here, and the next test counts the connection attempts.
    // Only whole rounds in the trace: it reads back without a problem.
    const trace = readTrace(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8'));
    assert.deepEqual(trace.errors, []);
    assert.ok(!trace.events.some((e) => e.type === 'round_end' && e.round > 0), 'stopped in round 1');
  });

  it("makes at most the breaker's count of attempts plus the calls already in flight", async () => {
    // Count connections with a server that accepts and resets each at once (a dropped connection).
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const dir = scratchDir('society-dead-');
      const file = scenario(dir, port, 4);
      const child = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [bin, 'run', file, '--out', path.join(dir, 'out')], {
          env: { ...process.env, OPENAI_API_KEY: 'x' },
        });
        let stderr = '';
        p.stderr.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
        });
        p.on('close', (status: number | null) => resolve({ status, stderr }));
      });
      assert.equal(child.status, 3, child.stderr);
      assert.ok(connections <= CONNECTION_FAILURES + 4, `${connections} connections`);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
