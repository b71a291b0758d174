// The debug adapter's session bookkeeping over DAP: restarts, breakpoint ids and updates, stops
// that say why, requests for frames or threads that do not exist, and what the console refuses.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { scratchDir } from '../../support/scratch';
import { STATE_WAIT_MS } from '../../support/stateWait';

const repo = path.resolve(__dirname, '../../..');
const TINY = `kind: scenario
name: Tiny
seed: 1
personas:
  - id: ann
    name: Ann Lee
    interests: [chess]
  - id: bob
    name: Bob Ray
    interests: [chess, tea]
world:
  setting: A room.
  rounds: 3
  encounters: { mode: random, per_round: 1 }
  conversation: { turns: 2 }
models:
  default: { provider: offline }
`;
const ANN_LINE = 5; // `- id: ann`, 1-based
const lines = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\n');

describe('society debug adapter: session', function () {
  this.timeout(3 * STATE_WAIT_MS); // a start and two stops may each wait for their state
  let dc: DebugClient;
  let tiny: string;
  let events: string[];

  before(() => {
    tiny = path.join(scratchDir('society-dap-session-'), 'tiny.society');
    fs.writeFileSync(tiny, TINY);
  });
  beforeEach(async () => {
    dc = new DebugClient(process.execPath, path.join(repo, 'src/debug/adapterMain.ts'), 'society', {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
    });
    // The adapter runs its TypeScript through tsx: a cold compile on a busy machine takes longer
    // than the client's 5 s default to say `initialized`. Events are states that must come.
    dc.defaultTimeout = STATE_WAIT_MS;
    await dc.start();
    events = [];
    dc.on('stopped', (e: DebugProtocol.StoppedEvent) => events.push(`stopped:${e.body.reason}`));
    dc.on('terminated', () => events.push('terminated'));
    dc.on('output', (e: DebugProtocol.OutputEvent) => events.push(`output:${e.body.output.trim()}`));
  });
  afterEach(async () => {
    await dc.stop();
  });

  async function launchStopped(
    args: object,
    setup: () => Promise<unknown> = async () => undefined,
  ): Promise<DebugProtocol.StoppedEvent> {
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(setup)
        .then(() => dc.configurationDoneRequest()),
      dc.launch(args),
    ]);
    return stopped;
  }

  it('restart ends the old run quietly: no terminated event, no "aborted" message', async () => {
    await launchStopped({ scenario: tiny, stopOnEntry: true });
    const step = dc.waitForEvent('stopped');
    await dc.nextRequest({ threadId: 1 });
    await step;
    const entry = dc.waitForEvent('stopped');
    await dc.send('restart', {});
    await entry;
    // Run the new session to its end: its own `terminated` arrives then, so an old run's would have
    // been counted too (a wait for "nothing" would pass without checking anything).
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    assert.deepEqual(
      events.filter((e) => !e.startsWith('output:')),
      ['stopped:entry', 'stopped:step', 'stopped:entry', 'terminated'],
    );
    // One run's end was told, the new run's: the old one's would have said "simulation stopped".
    assert.deepEqual(
      events.filter((e) => e.startsWith('output:simulation ')),
      ['output:simulation completed after round 3'],
      events.join('\n'),
    );
    assert.ok(!events.some((e) => /aborted/.test(e)), events.join('\n'));
  });

  it("restart tells the client the thread runs again (continued) before the new run's first stop", async () => {
    await launchStopped({ scenario: tiny, stopOnEntry: true });
    const seen: string[] = [];
    dc.on('continued', (e: DebugProtocol.ContinuedEvent) =>
      seen.push(`continued:${e.body.threadId}:${e.body.allThreadsContinued}`),
    );
    dc.on('stopped', (e: DebugProtocol.StoppedEvent) => seen.push(`stopped:${e.body.reason}`));
    const entry = dc.waitForEvent('stopped');
    await dc.send('restart', {});
    await entry;
    assert.deepEqual(seen, ['continued:1:true', 'stopped:entry']);
  });

  it('each stop tells the society view why it is paused, and a continue or step that it runs again', async () => {
    let resumed = 0;
    dc.on('society.resumed', () => resumed++);
    const paused = async (go: () => Promise<unknown>): Promise<string> => {
      const highlight = dc.waitForEvent('society.highlight');
      await go();
      return (await highlight).body.paused;
    };
    assert.equal(
      await paused(() =>
        launchStopped({ scenario: tiny, stopOnEntry: true }, () =>
          dc.setBreakpointsRequest({ source: { path: tiny }, breakpoints: [{ line: ANN_LINE }] }),
        ),
      ),
      'on entry',
    );
    assert.equal(resumed, 0);
    assert.equal(await paused(() => dc.continueRequest({ threadId: 1 })), 'on breakpoint');
    assert.equal(resumed, 1);
    assert.equal(await paused(() => dc.stepInRequest({ threadId: 1 })), 'after a step');
    assert.equal(resumed, 2);
  });

  it('a logpoint logs at every pass, also where another breakpoint or a step stops', async () => {
    const logged = (): string[] =>
      events.filter((e) => e.startsWith('output:LP')).map((e) => e.slice('output:'.length));
    await launchStopped({ scenario: tiny }, () =>
      dc.setBreakpointsRequest({
        source: { path: tiny },
        breakpoints: [
          { line: ANN_LINE, condition: 'round == 2' },
          { line: ANN_LINE + 1, logMessage: 'LP r{round} {phase}' },
        ],
      }),
    );
    assert.deepEqual(logged(), ['LP r1 perceive', 'LP r2 perceive']);
    // Step through ann's next turn: the logpoint logs where the step stops, once.
    const stop = dc.waitForEvent('stopped');
    await dc.stepOutRequest({ threadId: 1 }); // round 2 end
    await stop;
    let top = '';
    for (let i = 0; i < 20 && top !== 'Ann Lee · perceive'; i++) {
      const s = dc.waitForEvent('stopped');
      await dc.stepInRequest({ threadId: 1 });
      await s;
      top = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].name;
    }
    assert.equal(top, 'Ann Lee · perceive');
    const done = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await done;
    assert.deepEqual(logged(), ['LP r1 perceive', 'LP r2 perceive', 'LP r3 perceive']);
  });

  it('names the agent the paused run stands at (Show Memories offers it first)', async () => {
    await launchStopped({ scenario: tiny, stopOnEntry: true }, () =>
      dc.setBreakpointsRequest({ source: { path: tiny }, breakpoints: [{ line: ANN_LINE }] }),
    );
    assert.equal((await dc.customRequest('society.pausedAgent')).body.agent, undefined, 'setup: no agent');
    const stop = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await stop;
    assert.equal((await dc.customRequest('society.pausedAgent')).body.agent, 'ann');
  });

  it('after an edit to the file, stops show the line where it is now, or say that it cannot be found', async () => {
    const file = path.join(scratchDir('society-dap-edit-'), 'tiny.society');
    fs.writeFileSync(file, TINY);
    const stop1 = await launchStopped({ scenario: file }, () =>
      dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: ANN_LINE }] }),
    );
    assert.equal(stop1.body.description, undefined);
    let frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames[0].line, ANN_LINE);
    // Three lines above: VS Code moves the breakpoint and sends it again once the file is saved.
    const edited = `# a\n# b\n# c\n${TINY}`;
    fs.writeFileSync(file, edited);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const bps = (await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: ANN_LINE + 3 }] })).body
      .breakpoints;
    assert.deepEqual(
      bps.map((b) => [b.verified, b.line]),
      [[true, ANN_LINE + 3]],
    );
    let stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.continueRequest({ threadId: 1 });
    const stop2 = await stopped;
    assert.equal(stop2.body.description, undefined);
    frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames[0].name, 'Ann Lee · perceive');
    assert.equal(frames[0].line, ANN_LINE + 3, 'the id line where it is now');
    assert.equal(lines(file)[frames[0].line - 1], '  - id: ann');
    assert.equal(lines(file)[frames.at(-1)!.line - 1], '  rounds: 3');
    // The id line itself renamed: the run's persona is nowhere in the file, so no line is shown.
    fs.writeFileSync(file, edited.replace('- id: ann', '- id: anna'));
    const later2 = new Date(Date.now() + 10000);
    fs.utimesSync(file, later2, later2);
    stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.continueRequest({ threadId: 1 });
    const stop3 = await stopped;
    assert.match(
      stop3.body.description ?? '',
      /^Paused on breakpoint \(tiny\.society changed since the launch: its line is not shown; restart/,
    );
    frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames[0].name, 'Ann Lee · perceive');
    assert.equal(frames[0].source, undefined);
    assert.equal(lines(file)[frames.at(-1)!.line - 1], '  rounds: 3', 'the lines that are still there are shown');
  });

  it('a logpoint that does not parse is unverified with a sentence, the others set, and restart still works', async () => {
    let bps: DebugProtocol.Breakpoint[] = [];
    await launchStopped({ scenario: tiny, stopOnEntry: true }, async () => {
      bps = (
        await dc.setBreakpointsRequest({
          source: { path: tiny },
          breakpoints: [{ line: ANN_LINE, logMessage: 'hi {round +}' }, { line: ANN_LINE + 1 }],
        })
      ).body.breakpoints;
    });
    assert.deepEqual(
      bps.map((b) => [b.verified, b.message]),
      [
        [false, "log message 'hi {round +}': unexpected end of expression"],
        [true, undefined],
      ],
    );
    const entry = dc.waitForEvent('stopped');
    assert.equal((await dc.send('restart', {})).success, true);
    assert.equal((await entry).body.reason, 'entry');
  });

  it('function breakpoints set before the launch are updated by a breakpoint event with the id the stop names', async () => {
    await dc.initializeRequest();
    const set = (await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'ann.act' }, { name: '.act' }] })).body
      .breakpoints;
    assert.deepEqual(
      set.map((b) => [b.verified, b.message]),
      [
        [false, 'Checked when the simulation starts.'],
        [false, 'Checked when the simulation starts.'],
      ],
    );
    assert.ok(set.every((b) => typeof b.id === 'number'));
    const changed: DebugProtocol.Breakpoint[] = [];
    dc.on('breakpoint', (e: DebugProtocol.BreakpointEvent) => changed.push(e.body.breakpoint));
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await Promise.all([
      dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()),
      dc.launchRequest({ scenario: tiny } as DebugProtocol.LaunchRequestArguments),
    ]);
    const stop = await stopped;
    assert.deepEqual(
      changed.map((b) => [b.id, b.verified]),
      [
        [set[0].id, true],
        [set[1].id, false],
      ],
    );
    assert.match(changed[1].message!, /'\.act' is not a function breakpoint/);
    assert.deepEqual(stop.body.hitBreakpointIds, [set[0].id]);
  });

  it('line breakpoints carry ids the stop names; a condition that fails says why it stopped', async () => {
    let bps: DebugProtocol.Breakpoint[] = [];
    const stop = await launchStopped({ scenario: tiny }, async () => {
      bps = (
        await dc.setBreakpointsRequest({
          source: { path: tiny },
          breakpoints: [{ line: ANN_LINE, condition: 'tie("ann", "nobody") > 0' }],
        })
      ).body.breakpoints;
    });
    assert.equal(typeof bps[0].id, 'number');
    assert.equal(stop.body.reason, 'breakpoint');
    assert.deepEqual(stop.body.hitBreakpointIds, [bps[0].id]);
    assert.equal(stop.body.text, 'breakpoint condition \'tie("ann", "nobody") > 0\' failed: no agent \'nobody\'');
    assert.match(stop.body.description ?? '', /condition failed/);
  });

  it('refuses frames and threads that do not exist, and a second launch', async () => {
    await launchStopped({ scenario: tiny, stopOnEntry: true });
    await assert.rejects(dc.scopesRequest({ frameId: 99 }), /There is no frame 99 at this stop\./);
    await assert.rejects(dc.stackTraceRequest({ threadId: 7 }), /There is no thread 7/);
    assert.deepEqual(
      (await dc.scopesRequest({ frameId: 1 })).body.scopes.map((s) => s.name),
      ['World'],
    );
    await assert.rejects(
      dc.launchRequest({ scenario: tiny } as DebugProtocol.LaunchRequestArguments),
      /already running a simulation/,
    );
  });

  it('the console interviews only a paused run, and says "before round 1" when aborted at setup', async () => {
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([
      dc
        .waitForEvent('initialized')
        .then(async () => {
          // Launched, not yet started: the run is not stopped anywhere an interview could be recorded.
          await assert.rejects(
            dc.evaluateRequest({ expression: 'ask ann "Hello?"', context: 'repl' }),
            /Pause the simulation first/,
          );
        })
        .then(() => dc.configurationDoneRequest()),
      dc.launch({ scenario: tiny, stopOnEntry: true }),
    ]);
    await stopped;
    await assert.rejects(
      dc.evaluateRequest({ expression: 'ask ann', context: 'repl' }),
      /ask needs an agent and a question/,
    );
    const ended = dc.waitForEvent('terminated');
    await dc.terminateRequest({});
    await ended;
    assert.ok(events.includes('output:simulation stopped during setup, before round 1'), events.join('\n'));
    await assert.rejects(
      dc.evaluateRequest({ expression: 'ask ann "Still there?"', context: 'repl' }),
      /The simulation has ended/,
    );
    assert.ok(!events.some((e) => /intervention recorded/.test(e)));
  });

  it('refuses bad launch arguments in a sentence and prints scenario warnings as file:line:col', async () => {
    await assert.rejects(
      dc.launch({ scenario: tiny, rounds: -1 }),
      /"rounds" must be a whole number of rounds, 1 or more \(got -1\)/,
    );
    await dc.stop();
    dc = new DebugClient(process.execPath, path.join(repo, 'src/debug/adapterMain.ts'), 'society', {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
    });
    // The adapter runs its TypeScript through tsx: a cold compile on a busy machine takes longer
    // than the client's 5 s default to say `initialized`. Events are states that must come.
    dc.defaultTimeout = STATE_WAIT_MS;
    await dc.start();
    const out: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e.body.output));
    const empty = path.join(path.dirname(tiny), 'empty.society');
    fs.writeFileSync(empty, 'kind: scenario\nname: Empty\npersonas: []\nworld:\n  setting: A room.\n  rounds: 1\n');
    await Promise.all([dc.configurationSequence(), dc.launch({ scenario: empty }), dc.waitForEvent('terminated')]);
    assert.ok(
      out.some((o) => o.startsWith(`${empty}:3:1: warning SOC053 `)),
      out.join(''),
    );
  });
});
