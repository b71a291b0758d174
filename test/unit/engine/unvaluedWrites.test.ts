// `valued: false` means the offline model never weighs a quantity, in any term (issue 62): a number
// nobody reads, written by a proposer on a responder (0 against 1000), moved the responders'
// rejection rate through the conduct term. Each case below writes an unvalued quantity where one
// term of the model would see it (act.ts, engine/society/conduct.ts, experience.ts), and the run's
// every choice — each action and its arguments — must be the same whatever is written.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';

/** The term a write would reach, and the effect lines that write it (W: the amount written). */
interface Case {
  term: string;
  give?: string;
  take?: string;
  harvest?: string;
  keep?: string;
  update?: string;
}

const CASES: Case[] = [
  { term: 'own changes (me.*)', keep: 'me.mark: "me.mark + W"' },
  { term: 'world changes and scarcity (world.*)', harvest: 'world.tally: "world.tally + W"' },
  { term: "care for others' quantities", give: 'recipient.mark: "recipient.mark + W"' },
  { term: 'conduct (what an action gave others)', take: 'target.mark: "target.mark + W"' },
  { term: 'pressure (what others took from an agent)', give: 'recipient.mark: "recipient.mark - W"' },
  { term: 'imitation of those ahead', give: 'me.mark: "me.mark + W"' },
  { term: 'experience (what followed a choice)', update: 'update: "me.wealth * W"' },
];

function society(c: Case, w: number): string {
  const extra = (line?: string) => (line ? `\n      ${line.replace(/W/g, `${w}.0`)}` : '');
  return `kind: scenario
name: Unvalued writes
seed: 5
personas:
${Array.from({ length: 8 }, (_, i) => `  - { id: a${i}, name: Agent ${i} }`).join('\n')}
world: { rounds: 8 }
state:
  world:
    stock: { initial: 60, min: 0, max: 100 }
    tally: { initial: 0, valued: false }
  agents:
    wealth: { initial: 10, min: 0 }
    mark:
      initial: 0
      valued: false${c.update ? `\n      ${c.update.replace(/W/g, `${w}.0`)}` : ''}
actions:
  give:
    description: Give one unit; the recipient gets two.
    args: { recipient: { type: agent } }
    when: "me.wealth >= 1.0"
    effects:
      me.wealth: "me.wealth - 1.0"
      recipient.wealth: "recipient.wealth + 2.0"${extra(c.give)}
  take:
    description: Take one unit from someone.
    args: { target: { type: agent } }
    effects:
      target.wealth: "target.wealth - 1.0"
      me.wealth: "me.wealth + 1.0"${extra(c.take)}
  harvest:
    description: Take five from the common stock for one unit of your own.
    effects:
      world.stock: "world.stock - 5.0"
      me.wealth: "me.wealth + 1.0"${extra(c.harvest)}
  keep:
    description: Do nothing.${c.keep ? `\n    effects:${extra(c.keep)}` : ''}
round:
  - phase: play
`;
}

/** Every choice of a run: who did what, with which arguments, in order. */
async function choices(text: string): Promise<string[]> {
  const lines = traceLines(await traceOf(await scenarioFromText(text)));
  return lines
    .filter((e) => e.type === 'action')
    .map((e) => `${e.round} ${e.agent} ${e.action} ${JSON.stringify(e.args)}`);
}

describe('valued: false: the offline model never weighs the quantity, in any term (issue 62)', function () {
  for (const c of CASES) {
    it(`an unvalued write moves no choice through ${c.term}`, async () => {
      const none = await choices(society(c, 0));
      assert.equal(none.length, 8 * 8);
      assert.ok(new Set(none.map((x) => x.split(' ')[2])).size >= 3, `the agents choose among the actions: ${none}`);
      for (const w of [1000, -1000]) assert.deepEqual(await choices(society(c, w)), none, `written ${w}`);
    });
  }
});
