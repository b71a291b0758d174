// A run on a local model stopped by SIGTERM ends the process promptly with its own message and
// nothing native (issue 86: "terminate called after throwing an instance of 'Napi::Error'"): the
// model's worker is asked to close, aborts its calls, lets native work finish and frees the model,
// whether the stop comes while the model loads or while a call is being answered.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from '../support/scratch';
import { SMOLLM2 } from '../support/localModelRun';

const root = path.resolve(__dirname, '../..');

function scenario(dir: string): void {
  fs.writeFileSync(
    path.join(dir, 's.society'),
    [
      'kind: scenario',
      'name: Stopped',
      'personas:',
      '  - { id: maya, name: Maya, interests: [climbing] }',
      '  - { id: tom, name: Tom, interests: [chess] }',
      '  - { id: ana, name: Ana, interests: [films] }',
      '  - { id: raj, name: Raj, interests: [cooking] }',
      'world: { rounds: 20 }',
      'models:',
      `  default: { provider: local, model: ${JSON.stringify(SMOLLM2)}, max_tokens: 64, local: { context_size: 2048, threads: 1 } }`,
    ].join('\n') + '\n',
  );
}

/** Starts `society run`, sends SIGTERM once `ready` holds, and says how it ended and how fast. */
async function stopWhen(
  dir: string,
  ready: (stderr: string) => boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; afterMs: number }> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'society.js'), 'run', 's.society', '--out', 'out'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  // A state, not a clock: polled until it holds (or the run ends first, which the test then says).
  let exited = false;
  void ended.then(() => (exited = true));
  while (!exited && !ready(stderr)) await new Promise((r) => setTimeout(r, 50));
  assert.ok(!exited, `the run ended before the stop:\n${stderr}`);
  const sent = Date.now();
  child.kill('SIGTERM');
  const { code, signal } = await ended;
  return { code, signal, stderr, afterMs: Date.now() - sent };
}

function endedCleanly(r: Awaited<ReturnType<typeof stopWhen>>, when: string): void {
  console.log(`      SIGTERM ${when}: ended ${r.afterMs} ms later, exit ${r.code ?? r.signal}`);
  assert.equal(r.signal, null, `the process ended by itself, not by ${r.signal}:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /Napi::Error|terminate called/);
  assert.match(r.stderr, /stopped by SIGTERM/);
  // The goal is 10 s (measured 2–4 s on 2 busy cores); the bound here is a hang guard that a
  // machine many times oversubscribed still meets (before the fix the process could abort or hang).
  assert.ok(r.afterMs < 30_000, `${r.afterMs} ms after SIGTERM`);
}

describe('a run on a local model stopped by SIGTERM', function () {
  // A hang guard, not a clock.
  this.timeout(180_000);

  it('while the model loads, and while a call is answered: ends by itself, promptly, nothing native printed', async () => {
    const loading = scratchDir('stop-local-');
    scenario(loading);
    // The run names its model on stderr as its worker starts loading it.
    endedCleanly(await stopWhen(loading, (said) => /local model/.test(said)), 'while loading');

    const answering = scratchDir('stop-local-');
    scenario(answering);
    const prompts = path.join(answering, 'out', 'prompts.jsonl');
    // One call answered and recorded: the next ones are under way.
    const oneAnswered = (): boolean => {
      try {
        return fs.readFileSync(prompts, 'utf8').includes('\n');
      } catch {
        return false;
      }
    };
    endedCleanly(await stopWhen(answering, oneAnswered), 'mid-call');
  });
});
