// The society debug adapter over DAP, driven by @vscode/debugadapter-testsupport's DebugClient
// (the adapter runs from source through tsx) on examples/friends with a few rounds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { deadEndpointScenario } from '../../support/deadEndpoint';
import { scratchDir } from '../../support/scratch';
import { STATE_WAIT_MS } from '../../support/stateWait';

const repo = path.resolve(__dirname, '../../..');
const scenario = path.join(repo, 'examples/friends/friends.society');
const maya = path.join(repo, 'examples/friends/personas/maya_chen.society');
const MAYA_ID_LINE = 2; // `id: maya_chen`, 1-based as VS Code sends it
const launch = { scenario, rounds: 3, seed: 7 };

async function topFrames(dc: DebugClient): Promise<DebugProtocol.StackFrame[]> {
  return (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
}
async function stepAndStop(dc: DebugClient, step: 'next' | 'stepIn' | 'stepOut'): Promise<DebugProtocol.StackFrame[]> {
  const stopped = dc.waitForEvent('stopped');
  await (step === 'next'
    ? dc.nextRequest({ threadId: 1 })
    : step === 'stepIn'
      ? dc.stepInRequest({ threadId: 1 })
      : dc.stepOutRequest({ threadId: 1 }));
  await stopped;
  return topFrames(dc);
}
async function expand(dc: DebugClient, ref: number): Promise<Map<string, DebugProtocol.Variable>> {
  return new Map((await dc.variablesRequest({ variablesReference: ref })).body.variables.map((v) => [v.name, v]));
}
/** Launch with these line breakpoints in maya's file and wait for the first stop. */
async function launchWith(
  dc: DebugClient,
  bps: DebugProtocol.SourceBreakpoint[],
  args: object = launch,
): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await Promise.all([
    dc
      .waitForEvent('initialized')
      .then(() => dc.setBreakpointsRequest({ source: { path: maya }, breakpoints: bps }))
      .then(() => dc.configurationDoneRequest()),
    dc.launch(args),
  ]);
  return stopped;
}

describe('society debug adapter (DAP)', function () {
  this.timeout(3 * STATE_WAIT_MS); // a start and two stops may each wait for their state
  let dc: DebugClient;

  beforeEach(async () => {
    dc = new DebugClient(process.execPath, path.join(repo, 'src/debug/adapterMain.ts'), 'society', {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
    });
    // The adapter runs its TypeScript through tsx: a cold compile on a busy machine takes longer
    // than the client's 5 s default to say `initialized`. Events are states that must come.
    dc.defaultTimeout = STATE_WAIT_MS;
    await dc.start();
  });
  afterEach(async () => {
    await dc.stop();
  });

  it("stops on a persona breakpoint at that persona's id line, in its turn", async () => {
    await dc.hitBreakpoint(launch, { path: maya, line: MAYA_ID_LINE });
    const frames = await topFrames(dc);
    assert.deepEqual(
      frames.map((f) => f.name.replace(/\(.*\)/, '').trim()),
      ['Maya Chen · perceive', "Maya Chen's turn", 'round 1'],
    );
    assert.equal(frames[0].source?.path, maya);
    assert.equal(frames[0].line, MAYA_ID_LINE);
    assert.equal(path.resolve(frames[2].source!.path!), scenario);
    assert.match((await dc.evaluateRequest({ expression: 'rounds', context: 'repl' })).body.result, /^3$/);
  });

  it('a breakpoint on a line inside a persona (issue 73: 2) stops with the top frame on that line, not its id line', async () => {
    const NAME_LINE = MAYA_ID_LINE + 1; // `name: Maya Chen`
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    const [bps] = await Promise.all([
      dc.waitForEvent('initialized').then(async () => {
        const r = await dc.setBreakpointsRequest({ source: { path: maya }, breakpoints: [{ line: NAME_LINE }] });
        await dc.configurationDoneRequest();
        return r;
      }),
      dc.launch(launch),
    ]);
    const [verified] = bps.body.breakpoints;
    const stop = await stopped;
    assert.equal(stop.body.reason, 'breakpoint');
    const frames = await topFrames(dc);
    assert.equal(frames[0].name, 'Maya Chen · perceive');
    assert.equal(frames[0].source?.path, maya);
    assert.deepEqual([verified.verified, verified.line], [true, NAME_LINE]);
    assert.equal(frames[0].line, verified.line, "the editor's arrow is on the breakpoint's line");
    assert.equal(frames[1].line, MAYA_ID_LINE, "the turn frame is still the persona's id line");
    // A scenario line that stops at every round start: the round frame is the breakpoint's line too.
    await dc.setBreakpointsRequest({ source: { path: maya }, breakpoints: [] });
    const nameLine =
      fs
        .readFileSync(scenario, 'utf8')
        .split('\n')
        .findIndex((l) => /^name:/.test(l)) + 1;
    const roundBp = (await dc.setBreakpointsRequest({ source: { path: scenario }, breakpoints: [{ line: nameLine }] }))
      .body.breakpoints[0];
    const next = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await next;
    const round = await topFrames(dc);
    assert.deepEqual([round[0].name, roundBp.line], ['round 2 start', nameLine]);
    assert.equal(path.resolve(round[0].source!.path!), scenario);
    assert.equal(round[0].line, nameLine);
  });

  it('steps: into = the next phase of the turn, over = the next agent, out = the end of the round', async () => {
    await launchWith(dc, [{ line: MAYA_ID_LINE }]);
    const into = await stepAndStop(dc, 'stepIn');
    assert.equal(into[0].name, 'Maya Chen · retrieve');
    assert.equal(into[0].line, MAYA_ID_LINE);
    assert.equal((await stepAndStop(dc, 'stepIn'))[0].name, 'Maya Chen · decide');
    const over = await stepAndStop(dc, 'next');
    assert.match(over[0].name, /^(?!Maya Chen)[\w ]+ · perceive$/, over[0].name);
    assert.notEqual(over[0].source?.path, maya);
    assert.equal(over[0].line, 2, "another persona's id line");
    const out = await stepAndStop(dc, 'stepOut');
    assert.deepEqual(
      out.map((f) => f.name),
      ['round 1 end'],
    );
    const rounds = (await dc.evaluateRequest({ expression: 'round', context: 'watch' })).body.result;
    assert.equal(rounds, '1');
  });

  it("shows the agent's memories, retrieved memories with scores, the prompt and the world", async () => {
    await launchWith(dc, [{ line: MAYA_ID_LINE }]);
    await stepAndStop(dc, 'stepIn'); // retrieve
    await stepAndStop(dc, 'stepIn'); // decide
    await stepAndStop(dc, 'stepIn'); // act: the partner choice has been made
    const scopes = (await dc.scopesRequest({ frameId: 3 })).body.scopes;
    assert.deepEqual(
      scopes.map((s) => s.name),
      ['Agent Maya Chen', 'World'],
    );
    const agent = await expand(dc, scopes[0].variablesReference);
    const memories = [...(await expand(dc, agent.get('memories')!.variablesReference)).values()];
    assert.ok(memories.length >= 1);
    assert.ok(
      memories.some((m) => /civic|data|Melbourne|newsroom|journal/i.test(m.value)),
      memories.map((m) => m.value).join('\n'),
    );
    const retrieved = [...(await expand(dc, agent.get('retrieved')!.variablesReference)).values()];
    assert.ok(retrieved.length >= 1);
    const first = await expand(dc, retrieved[0].variablesReference);
    assert.ok(Number(first.get('score')!.value) > 0);
    const decisions = [...(await expand(dc, agent.get('decisions')!.variablesReference)).values()];
    const choose = await expand(dc, decisions[0].variablesReference);
    assert.equal(choose.get('kind')!.value, '"choose_partner"');
    const prompt = [
      ...(
        await expand(dc, choose.get('prompt (rendered; the offline model is not sent one)')!.variablesReference)
      ).values(),
    ];
    assert.deepEqual(
      prompt.map((m) => m.name),
      ['0', '1'],
    );
    assert.match(prompt[0].value, /^system: /);
    assert.ok(choose.has('reply (offline model, structured)'));
    const world = await expand(dc, scopes[1].variablesReference);
    assert.equal(world.get('round')!.value, '1');
    const agents = await expand(dc, world.get('agents')!.variablesReference);
    assert.equal(agents.size, 16);
    assert.ok((await expand(dc, world.get('metrics')!.variablesReference)).has('density'));
  });

  it('a conditional breakpoint stops only when its condition holds', async () => {
    const stop = await launchWith(dc, [{ line: MAYA_ID_LINE, condition: 'round >= 2 && memories("maya") > 0' }]);
    assert.equal(stop.body.reason, 'breakpoint');
    assert.equal((await topFrames(dc)).at(-1)!.name, 'round 2');
    const next = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await next;
    assert.equal((await topFrames(dc)).at(-1)!.name, 'round 3');
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
  });

  it('a condition that is never true never stops; hit counts and logpoints', async () => {
    const never = dc.waitForEvent('stopped', 100_000);
    const out: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e.body.output));
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(() =>
          dc.setBreakpointsRequest({
            source: { path: maya },
            breakpoints: [
              { line: MAYA_ID_LINE, condition: 'tie("maya", "aroha") > 2' },
              { line: 5, logMessage: 'maya in round {round} has {memories("maya")} memories' },
            ],
          }),
        )
        .then((r) =>
          assert.deepEqual(
            r.body.breakpoints.map((b) => b.verified),
            [true, true],
          ),
        )
        .then(() => dc.configurationDoneRequest()),
      dc.launch(launch),
    ]);
    await dc.waitForEvent('terminated');
    assert.equal(
      await Promise.race([never.then(() => 'stopped'), new Promise((r) => setTimeout(() => r('no stop'), 50))]),
      'no stop',
    );
    const logged = out.filter((o) => o.startsWith('maya in round'));
    assert.deepEqual(
      logged.map((l) => l.replace(/has \d+/, 'has N').trim()),
      [1, 2, 3].map((r) => `maya in round ${r} has N memories`),
    );
  });

  it('hit counts and function breakpoints by phase', async () => {
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(() =>
          dc.setFunctionBreakpointsRequest({
            breakpoints: [{ name: 'maya.coach', hitCondition: '2' }, { name: 'nosuchphase' }],
          }),
        )
        .then((r) =>
          assert.deepEqual(
            r.body.breakpoints.map((b) => b.verified),
            [true, false],
          ),
        )
        .then(() => dc.configurationDoneRequest()),
      dc.launch(launch),
    ]);
    await stopped;
    const frames = await topFrames(dc);
    assert.equal(frames[0].name, 'Maya Chen · coach');
    assert.equal(frames.at(-1)!.name, 'round 2');
  });

  it('evaluates expressions and console commands', async () => {
    await dc.hitBreakpoint({ ...launch, stopOnEntry: false }, { path: maya, line: MAYA_ID_LINE });
    const ev = async (expression: string, context = 'repl'): Promise<DebugProtocol.EvaluateResponse['body']> =>
      (await dc.evaluateRequest({ expression, context })).body;
    assert.equal((await ev('agent')).result, 'maya_chen');
    assert.equal((await ev('phase == "perceive" && round == 1')).result, 'true');
    assert.equal(
      (await ev('memories("maya") + 1')).result,
      String(Number((await ev('memories("maya_chen")')).result) + 1),
    );
    const mem = await ev('memories maya data');
    assert.match(mem.result, /^maya_chen: top \d+ of \d+ memories for "data"/);
    assert.ok(mem.variablesReference > 0);
    const intervention = dc.waitForEvent('society.intervention');
    const ask = await ev('ask maya "How do you feel about Aroha?"');
    assert.match(ask.result, /^Maya Chen: ./);
    assert.equal((await intervention).body.agent, 'maya_chen');
    // Expressions are interpreted, never eval'd: no globals, no methods.
    await assert.rejects(dc.evaluateRequest({ expression: 'process.pid', context: 'repl' }), /unknown name 'process'/);
    await assert.rejects(
      dc.evaluateRequest({ expression: 'agent.constructor', context: 'watch' }),
      /cannot read 'constructor' of string/,
    );
    // A failed watch is not a notification (QA: a stale watch toasted at every stop): VS Code shows it in place.
    const responses: DebugProtocol.Response[] = [];
    const client = dc as unknown as { dispatch(body: string): void };
    const dispatch = client.dispatch.bind(dc);
    client.dispatch = (body: string) => {
      const m = JSON.parse(body);
      if (m.type === 'response') responses.push(m);
      dispatch(body);
    };
    for (const context of ['watch', 'hover', 'repl']) {
      await assert.rejects(dc.evaluateRequest({ expression: 'density +', context }));
    }
    client.dispatch = dispatch;
    const failed = responses.filter((r) => r.command === 'evaluate');
    assert.equal(failed.length, 3);
    for (const r of failed) {
      assert.equal((r.body as { error?: DebugProtocol.Message }).error?.showUser, false, r.message);
    }
  });

  it("writes the debugged run's trace with an interview recorded as an intervention where it happened", async () => {
    const trace = path.join(scratchDir('society-debug-'), 'trace.jsonl');
    await dc.hitBreakpoint({ ...launch, rounds: 2, trace }, { path: maya, line: MAYA_ID_LINE });
    const ask = await dc.evaluateRequest({ expression: 'ask maya "Who would you climb with?"', context: 'repl' });
    await dc.setBreakpointsRequest({ source: { path: maya }, breakpoints: [] });
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    const lines = fs
      .readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines[0].type, 'header');
    assert.equal(lines.at(-1).type, 'run_end');
    const interventions = lines.filter((e) => e.type === 'intervention');
    assert.equal(interventions.length, 1);
    assert.deepEqual(
      { ...interventions[0], answer: undefined },
      {
        type: 'intervention',
        round: 1,
        kind: 'interview',
        agent: 'maya_chen',
        question: 'Who would you climb with?',
        answer: undefined,
      },
    );
    assert.equal(`Maya Chen: ${interventions[0].answer}`, ask.body.result);
    // It sits inside round 1, before that round ends.
    const at = lines.indexOf(interventions[0]);
    assert.ok(at < lines.findIndex((e) => e.type === 'round_end' && e.round === 1));
  });

  it('offers exception filters for what happened: failed and retried model calls, ties formed, reflections', async () => {
    const init = await dc.initializeRequest();
    assert.deepEqual(
      init.body?.exceptionBreakpointFilters?.map((f) => [f.filter, f.default]),
      [
        ['failedCall', false],
        ['retriedCall', false],
        ['tieFormed', false],
        ['reflection', false],
        ['action', false],
      ],
    );
    assert.equal(init.body?.supportsExceptionInfoRequest, true);
  });

  it('"Tie formed" stops after a rating lifts a tie to the threshold, at the rater\'s persona, with the tie in an Event scope', async () => {
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(() => dc.setExceptionBreakpointsRequest({ filters: ['tieFormed'] }))
        .then(() => dc.configurationDoneRequest()),
      dc.launch(launch),
    ]);
    const e = await stopped;
    // Not an exception (issue 73: 1): VS Code's Call Stack says "Paused on Tie formed: …", no red widget.
    assert.equal(e.body.reason, 'data breakpoint');
    // People by name (issue 42): "Maya Chen → Leo …", not their ids.
    assert.match(
      e.body.text ?? '',
      /^([^→:_]+ [^→:_]+) → ([^→:_]+ [^→:_]+): tie formed \(0\.\d\d → 0\.\d\d, evaluation\)/,
    );
    assert.equal(e.body.description, `Paused on Tie formed: ${e.body.text}`);
    const info = (await dc.exceptionInfoRequest({ threadId: 1 })).body;
    assert.equal(info.exceptionId, 'Tie formed');
    assert.equal(info.description, e.body.text);
    const frames = await topFrames(dc);
    // The ids: the rater's persona file is named after its id.
    const from = /([\w]+)\.society$/.exec(frames[0].source?.path ?? '')?.[1] ?? '';
    const [, fromName] = /^(.+?) → /.exec(e.body.text!)!;
    const fileName = fs.readFileSync(frames[0].source!.path!, 'utf8').match(/^name:\s*(.+)$/m)?.[1];
    assert.equal(fromName, fileName, 'the text names the rater whose file it is');
    assert.equal(frames[0].name, 'tie formed', 'the persona file beside it says whose');
    assert.match(frames[0].source?.path ?? '', new RegExp(`${from}\\.society$`), "the rater's persona file");
    assert.equal(frames[0].line, 2, 'its id line');
    const scopes = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
    assert.deepEqual(
      scopes.map((x) => x.name),
      ['Event: Tie formed', `Agent ${fromName}`, 'World'],
    );
    const event = await expand(dc, scopes[0].variablesReference);
    assert.deepEqual(
      ['type', 'from', 'to', 'exists', 'cause'].map((k) => event.get(k)?.value),
      ['"tie"', `"${from}"`, event.get('to')?.value, 'true', '"evaluation"'],
    );
    assert.ok(Number(event.get('previous')!.value) < 0.6 && Number(event.get('strength')!.value) >= 0.6);
    // Continue: the next tie that forms stops the run again.
    const next = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await next).body.reason, 'data breakpoint', 'and again at the next one');
  });

  it('"Failed model calls" stops after a call to an unreachable endpoint, naming the agent, the phase and the fallback', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-dap-'));
    try {
      const file = await deadEndpointScenario(dir);
      const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
      await Promise.all([
        dc
          .waitForEvent('initialized')
          .then(() => dc.setExceptionBreakpointsRequest({ filters: ['failedCall'] }))
          .then(() => dc.configurationDoneRequest()),
        dc.launch({ scenario: file }),
      ]);
      const e = await stopped;
      // A model call that went wrong is the one kind of stop that is an exception (the red widget).
      assert.equal(e.body.reason, 'exception');
      assert.equal(e.body.description, 'Failed model calls');
      assert.match(
        e.body.text ?? '',
        /^(Ann|Bob) · decide \(choose_partner\): .*ECONNREFUSED.* — answered by the offline rule-based model/,
      );
      const frames = await topFrames(dc);
      assert.match(
        frames[0].name,
        /^(Ann|Bob): failed model call$/,
        'inline personas: the file does not say whose, the name does',
      );
      assert.equal(path.resolve(frames[0].source!.path!), file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops on entry, pauses, and restarts from round 0', async () => {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ ...launch, stopOnEntry: true }),
      dc.assertStoppedLocation('entry', {}),
    ]);
    assert.deepEqual(
      (await topFrames(dc)).map((f) => f.name),
      ['setup (round 0)'],
    );
    await stepAndStop(dc, 'stepOut');
    await stepAndStop(dc, 'stepIn');
    await stepAndStop(dc, 'stepIn');
    assert.match((await topFrames(dc))[0].name, / · perceive$/);
    const again = dc.waitForEvent('stopped');
    await dc.send('restart', {});
    assert.equal((await again).body.reason, 'entry');
    assert.deepEqual(
      (await topFrames(dc)).map((f) => f.name),
      ['setup (round 0)'],
    );
    const paused = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await dc.pauseRequest({ threadId: 1 });
    assert.equal((await paused).body.reason, 'pause');
  });
});
