// The condition / console expression language: what it computes, what it refuses.
import * as assert from 'node:assert/strict';
import { evaluateExpression, ExpressionError, type ExpressionScope } from '../../../src/core/debug/expression';
import { hitTest, logTemplate } from '../../../src/core/debug/breakpoints';

const scope: ExpressionScope = {
  vars: { round: 5, agent: 'maya', phase: 'coach', state: { ties: [0.2, 0.7], name: 'x' } },
  fns: { tie: (a, b) => (a === 'maya' && b === 'leo' ? 0.65 : 0.1), max: (...xs) => Math.max(...(xs as number[])) },
};
const ev = (s: string): unknown => evaluateExpression(s, scope);

describe('debug expressions', () => {
  it('evaluates arithmetic, comparisons, logic and calls with precedence', () => {
    assert.equal(ev('round >= 5 && tie("maya", "leo") > 0.6'), true);
    assert.equal(ev('round >= 6 || tie(\'maya\', "ana") > 0.6'), false);
    assert.equal(ev('!(round == 5) || phase != "coach"'), false);
    assert.equal(ev('1 + 2 * 3 - -4 / 2'), 9);
    assert.equal(ev('(1 + 2) * 3 % 4'), 1);
    assert.equal(ev('"r" + round'), 'r5');
    assert.equal(ev('max(1, round, 3)'), 5);
    assert.equal(ev('state.ties[1] + state.ties.length'), 2.7);
    assert.equal(ev('state["name"] == "x" && agent.length == 4'), true);
    assert.equal(ev('1e-1 < .2 && true && null == null'), true);
  });

  it('short-circuits so a guarded call does not run', () => {
    let calls = 0;
    const s: ExpressionScope = {
      vars: { round: 1 },
      fns: {
        f: () => {
          calls++;
          return true;
        },
      },
    };
    assert.equal(evaluateExpression('round > 3 && f()', s), false);
    assert.equal(calls, 0);
  });

  it('refuses anything outside the language: globals, methods, prototypes, assignments', () => {
    for (const bad of [
      'process',
      'globalThis.x',
      'agent.constructor',
      'state.__proto__.x',
      'state.toString()',
      'round = 3',
      'tie("a"',
      '1 +',
      'a < b < c',
      '`x`',
    ]) {
      assert.throws(
        () => ev(bad),
        (e: unknown) => e instanceof ExpressionError,
        bad,
      );
    }
    assert.equal(ev('state.toString'), undefined, 'inherited members read as undefined');
  });

  it('hit conditions and logpoint templates', () => {
    const at = (src: string): number[] => [1, 2, 3, 4, 5, 6].filter(hitTest(src));
    assert.deepEqual(at('3'), [3]);
    assert.deepEqual(at('>= 5'), [5, 6]);
    assert.deepEqual(at('% 2'), [2, 4, 6]);
    assert.throws(() => hitTest('often'));
    assert.equal(
      logTemplate('round {round}: {agent} tie {tie("maya", "leo")} {nope}')(scope),
      "round 5: maya tie 0.65 <unknown name 'nope'>",
    );
  });

  it('refuses too deep nesting in a sentence, not a stack overflow', () => {
    for (const deep of [
      '('.repeat(20000) + '1' + ')'.repeat(20000),
      '-'.repeat(100000) + '1',
      '!'.repeat(100000) + 'true',
      '1+'.repeat(100000) + '1',
      'state['.repeat(5000),
    ]) {
      assert.throws(
        () => ev(deep),
        (e: unknown) => e instanceof ExpressionError && /^expression is too deeply nested/.test(e.message),
        deep.slice(0, 10),
      );
    }
    assert.equal(ev('-'.repeat(100) + '1'), 1);
    assert.equal(ev('('.repeat(100) + 'round' + ')'.repeat(100)), 5);
  });

  it('reads JavaScript string escapes', () => {
    assert.equal(ev('"\\u0041\\x42\\u{1F600}\\n\\t\\\\\\"\\q"'), 'AB\u{1F600}\n\t\\"q');
    assert.throws(() => ev('"\\u00"'), /bad escape '\\u' in the string at 1/);
  });

  it('checks how many arguments a function takes', () => {
    assert.throws(() => ev('tie()'), /^Error: tie\(\) takes 2 arguments, not 0$/);
    assert.throws(() => ev('tie("maya")'), /^Error: tie\(\) takes 2 arguments, not 1$/);
    assert.equal(ev('max(1, 2, round, 4)'), 5, 'rest parameters take any number');
  });
});
