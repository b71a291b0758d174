// Issue 73 (1): what the debugger says a stop is. An event filter that is not about a model call
// going wrong ("Action taken", "Tie formed", "Reflection") stops as a data breakpoint whose
// description names the event — VS Code's Call Stack says "Paused on Action taken: …" — and not
// as an exception (VS Code's red "Exception has occurred" widget), which failed calls keep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { EVENT_FILTERS, eventFilter } from '../../../src/core/debug/eventFilters';
import { createRun } from '../../../src/debug/debugRun';
import { SourceFiles } from '../../../src/debug/sources';
import { describeStop, type Stop } from '../../../src/debug/stopEvents';
import { scenarioFiles } from '../../../src/debug/stopViews';
import { scratchDir } from '../../support/scratch';

const GOODS = `kind: scenario
name: Public goods
seed: 5
personas:
  - { id: p1, name: Abigail Chen }
  - { id: p2, name: Klaus Mueller }
world: { rounds: 2 }
state:
  world:
    pot: { description: What the players put in., initial: 0, min: 0 }
  agents:
    wealth: { description: What the player owns., initial: 10, min: 0 }
actions:
  give:
    description: Put some of your wealth in the pot.
    args:
      amount: { type: number, min: 1, max: 3, description: how much to put in }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - args.amount"
      world.pot: "world.pot + args.amount"
round:
  - phase: contribute
    actions: [give]
`;

/** The first stop of a debugged public goods game with "Action taken" checked, as describeStop tells it. */
async function firstActionStop(): Promise<Stop> {
  const file = path.join(scratchDir('society-stop-reasons-'), 'goods.society');
  fs.writeFileSync(file, GOODS);
  const run = await createRun({ scenario: file });
  const sources = new SourceFiles(scenarioFiles(run.scenario));
  const filter = eventFilter('action')!;
  run.runtime.setBreakpoints([{ event: filter.type, tag: filter.id, onEvent: (e) => filter.matches(e, 1) }]);
  const first = new Promise<Stop>((resolve) => {
    run.runtime.onStop((reason, p, detail) => {
      resolve(describeStop(run, sources, reason, p, detail));
      run.abort.abort();
      setImmediate(() => run.runtime.continue());
    });
  });
  const done = run.runtime.start(run.abort.signal);
  const stop = await first;
  await done;
  await run.close();
  return stop;
}

describe('debugger: stop reasons (issue 73: 1)', () => {
  it('only the filters of model calls that went wrong stop as exceptions', () => {
    assert.deepEqual(
      EVENT_FILTERS.map((f) => [f.id, f.reason]),
      [
        ['failedCall', 'exception'],
        ['retriedCall', 'exception'],
        ['tieFormed', 'data breakpoint'],
        ['reflection', 'data breakpoint'],
        ['action', 'data breakpoint'],
      ],
    );
  });

  it('"Action taken" stops as a data breakpoint, paused on the action the text says', async () => {
    const stop = await firstActionStop();
    const body: DebugProtocol.StoppedEvent['body'] = stop.stopped.body;
    assert.equal(body.reason, 'data breakpoint');
    assert.match(
      body.text ?? '',
      /^(Abigail Chen|Klaus Mueller): give \(amount \d(\.\d+)?\) \[contribute\]; .*pot 0 → \d/,
    );
    assert.equal(body.description, `Paused on Action taken: ${body.text}`);
    assert.equal(stop.highlight.paused, 'Action taken');
  });
});
