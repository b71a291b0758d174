// What an expression may cost (issue 41): nine nested `exists` over a list of ten passed the check
// and never finished round 1 (10⁹ steps, no signal heard). The check now refuses what it can
// estimate too costly (SOC075, at the outermost macro, saying how many steps and the limit), and
// an evaluation that slips past the estimate stops at its budget of steps, quickly, whatever
// CEL's error absorption does with the error inside a quantifier.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { compileExpression, expressionEnvironment } from '../../../src/core/format/expressions/expressions';
import { expressionCost } from '../../../src/core/format/expressions/expressionCost';
import {
  MAX_EXPRESSION_STEPS,
  StepsExceeded,
  withStepBudget,
} from '../../../src/core/format/expressions/expressionSteps';
import type { Mechanics } from '../../../src/core/format/model/mechanics';
import { Environment } from '@marcbachmann/cel-js';
import { nestedExists, splitOf, TEN } from './costlyExpressions';

const file = path.resolve('/virtual/cost/s.society');
async function diagnosticsOf(update: string) {
  const text = [
    'kind: scenario',
    'name: S',
    'personas:',
    '  - { id: ana, name: Ana }',
    'state:',
    '  world:',
    `    x: { initial: 1, max: 100, update: "${update}" }`,
    '',
  ].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics;
}

const world = { world: [{ name: 'x' }], agents: [], actions: [] } as unknown as Mechanics;

describe('what an expression may cost', () => {
  it('the check refuses nine nested exists over ten (SOC075), at the outermost one, with the estimate and the limit', async () => {
    const update = `${nestedExists(9)} ? world.x + 1.0 : world.x`;
    const all = await diagnosticsOf(update);
    assert.equal(all.length, 1, all.map((d) => d.message).join('\n'));
    const d = all[0];
    assert.equal(d.code, 'SOC075');
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 6);
    assert.equal(d.range.start.character, '    x: { initial: 1, max: 100, update: "'.length);
    assert.match(
      d.message,
      /^The update of world quantity 'x' could take 8\.\de9 steps in one evaluation, more than the 100,000/,
    );
  });

  it('refuses `matches`, whose backtracking no budget or stop can interrupt (SOC075, at the call)', async () => {
    // 'aaaa…!'.matches('(a+)+$') takes 2^30 backtracking steps inside one native call.
    const update = `'${'a'.repeat(30)}!'.matches('(a+)+$') ? world.x + 1.0 : world.x`;
    const all = await diagnosticsOf(update);
    assert.equal(all.length, 1, all.map((d) => d.message).join('\n'));
    assert.equal(all[0].code, 'SOC075');
    assert.equal(all[0].range.start.character, '    x: { initial: 1, max: 100, update: "'.length);
    assert.match(all[0].message, /`matches` is not available in mechanics/);
  });

  it('a few nested macros over short lists are fine; the estimate is an upper bound of the steps counted', async () => {
    assert.deepEqual(await diagnosticsOf(`${nestedExists(3)} ? 1.0 : 0.0`), []);
    const env = new Environment();
    for (const text of [
      nestedExists(3).replace(/world\.x/g, '1.0'),
      `${TEN}.map(a, a * 2).filter(b, b > 4).size() > 0`,
    ]) {
      const estimate = expressionCost(env.parse(text).ast).steps;
      assert.throws(() => withStepBudget(() => env.evaluate(text), 1), StepsExceeded, 'its steps are counted');
      assert.doesNotThrow(() => withStepBudget(() => env.evaluate(text), estimate), `${text}: over ${estimate}`);
    }
  });

  it('a list the check cannot size counts as the longest one allowed, and the run counts the rest', async () => {
    // Estimated at 100 × 100 elements: under the limit, so it checks clean...
    const update = `${splitOf(400)}.exists(a, ${splitOf(400)}.exists(b, a == 'y')) ? 1.0 : 0.0`;
    assert.deepEqual(await diagnosticsOf(update), []);
    // ...but it is 400 × 400: its evaluation stops at the budget (160,000 steps would be the whole).
    const evaluate = compileExpression(expressionEnvironment(world, { kind: 'world' }), update);
    assert.throws(
      () => evaluate({ world: { x: 1 }, n: 1, round: 1 }),
      (err: Error) => err instanceof StepsExceeded && /more than 100,000 steps/.test(err.message),
    );
  });

  it('the budget holds inside a quantifier, which goes on past an error in one element', () => {
    // `exists` absorbs an error in one element when another is true: the budget is not absorbed.
    const env = new Environment();
    const text = `${TEN}.exists(a, a == 10 || ${TEN}.exists(b, ${TEN}.exists(c, false)))`;
    assert.equal(env.evaluate(text), true, 'unbounded, it is true');
    assert.throws(() => withStepBudget(() => env.evaluate(text), 200), StepsExceeded);
    assert.equal(
      withStepBudget(() => env.evaluate(text)),
      true,
      'within the default budget, true again',
    );
    assert.ok(MAX_EXPRESSION_STEPS >= 10_000);
  });
});
