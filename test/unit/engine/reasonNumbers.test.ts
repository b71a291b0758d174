// Issue 85: an offline reason states the change the action made, never another number. Every shipped
// example (examples/**/*.society) is run for a few rounds at two seeds, and every action reason
// that names a consequence ("give: lowers Bea Lund's coins by 4.5") is read against the event's
// own `changes`. Before, the reason was worded from the amount weighed when the agent chose, so a
// bound that cut the amount, or a state moved by the others' turns, left it stating another number
// ("raises Jo Dahl's coins by 5.5" for a gift cut to 4.5). Each push the decision records names a
// rule of the offline model's table.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { PUSH_RULES } from '../../../src/core/llm/offline/pushRules';
import { shownNumber } from '../../../src/core/engine/phases/act/shownNumber';
import { runToText } from '../../support/runToText';
import { traceLines } from './traceHelpers';

const EXAMPLES = path.join(__dirname, '../../../examples');
const ROUNDS = 3;
const SEEDS = [1, 3];

function societies(dir: string): string[] {
  return (
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((d) =>
        d.isDirectory()
          ? societies(path.join(dir, d.name))
          : d.name.endsWith('.society')
            ? [path.join(dir, d.name)]
            : [],
      )
      // A file of personas another brings in (examples/friends/personas) has no world to run.
      .filter((f) => /^kind: scenario/m.test(fs.readFileSync(f, 'utf8')))
  );
}

const CONSEQUENCE = /^([^:]+): (raises|lowers) (my|the|.+'s) (\S+) by (-?[\d.]+)/;

describe('offline reasons state the change made (issue 85)', () => {
  const tally = { reasons: 0, pushed: 0, examples: 0 };
  for (const file of societies(EXAMPLES)) {
    it(`${path.relative(EXAMPLES, file)}: every consequence a reason states is the change in its event`, async function () {
      const { scenario, diagnostics } = await loadScenarioFile(file);
      assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
      // Without declared actions (census, friends) a run has no action to give a reason for.
      if (!scenario.mechanics?.actions.length) return;
      tally.examples++;
      const wrong: string[] = [];
      for (const seed of SEEDS) {
        const rounds = Math.min(ROUNDS, scenario.world.rounds);
        const { trace } = await runToText({ ...scenario, seed, world: { ...scenario.world, rounds } });
        for (const e of traceLines(trace)) {
          if (e.type !== 'action') continue;
          for (const p of e.pushes ?? []) {
            assert.ok(Object.hasOwn(PUSH_RULES, p.rule), `a push by no rule of the table: ${p.rule}`);
            assert.ok(Number.isFinite(p.size) && p.size !== 0, `${p.rule}: ${p.size}`);
          }
          if (e.pushes?.length) tally.pushed++;
          const m = CONSEQUENCE.exec(e.reason ?? '');
          if (!m) continue;
          tally.reasons++;
          const [, , verb, whose, name, said] = m;
          // The quantity it names, of the agent, the world or the other named.
          const key = Object.keys(e.changes).find((k) =>
            whose === 'the'
              ? k === `world.${name}`
              : whose === 'my'
                ? k === `${e.agent}.${name}`
                : k.endsWith(`.${name}`) && k !== `${e.agent}.${name}` && !k.startsWith('world.'),
          );
          const [before, after] = key ? e.changes[key] : [0, 0];
          const change = after - before;
          if (shownNumber(Math.abs(change)) !== said || change > 0 !== (verb === 'raises')) {
            wrong.push(`seed ${seed} round ${e.round} ${e.agent}: "${e.reason}" against ${JSON.stringify(e.changes)}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  }
  after(() => {
    // Not an assertion on a count that could drift: that the test read something at all.
    assert.ok(tally.examples >= 12 && tally.reasons > 100 && tally.pushed > 100, JSON.stringify(tally));
  });
});
