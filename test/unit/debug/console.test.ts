// The Debug Console's commands: usage help when their arguments are missing, and an interview
// only where it can be recorded.
import * as assert from 'node:assert/strict';
import { runConsole } from '../../../src/core/debug/console';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { makeScenario } from '../engine/scenarioFixture';

describe('debug console commands', () => {
  let sim: Simulation;
  before(async () => {
    sim = Simulation.create(makeScenario(2), { rounds: 1 });
    await sim.run();
  });

  it('gives usage help for a command without its arguments', async () => {
    await assert.rejects(
      runConsole('memories', sim, undefined),
      /^Error: memories needs an agent: memories <agent> \[query…\]/,
    );
    await assert.rejects(
      runConsole('ask maya', sim, undefined),
      /^Error: ask needs an agent and a question: ask <agent> "<question>"/,
    );
    await assert.rejects(runConsole('ask', sim, undefined), /ask needs an agent and a question/);
  });

  it('refuses an empty question, and one whose closing quote is missing', async () => {
    for (const q of ['ask maya ""', "ask maya '  '"]) {
      await assert.rejects(runConsole(q, sim, undefined), /ask needs an agent and a question/, q);
    }
    for (const q of ['ask maya "', 'ask maya "How are you?', "ask maya 'Hi"]) {
      await assert.rejects(
        runConsole(q, sim, undefined),
        /^Error: The question's closing ["'] is missing\. ask needs/,
        q,
      );
    }
  });

  it('refuses an interview with the reason the session gives (run ended, not paused), before asking anyone', async () => {
    let asked = 0;
    const spy = Object.assign(Object.create(sim) as Simulation, {
      interview: async () => {
        asked++;
        return 'hi';
      },
    });
    await assert.rejects(
      runConsole('ask maya "How are you?"', spy, undefined, { noInterview: 'The simulation has ended.' }),
      /^Error: The simulation has ended\.$/,
    );
    assert.equal(asked, 0);
    assert.match((await runConsole('ask maya "How are you?"', spy, undefined)).text, /^Maya Chen: hi$/);
    assert.equal(asked, 1);
  });
});
