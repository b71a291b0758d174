// A finding carried by one driver is flagged (studyResult.ts singleDriver): one rule behind at least
// 90% of at least 20 decisions on the side the effect expects larger, and at most 10% on the other.
// Written against tallies, since the offline model's talk effect no longer has one driver (issue 85).
import * as assert from 'node:assert/strict';
import { pushCarried, ruleContrasts, singleDriver, type Mechanism } from '../../../src/core/study/studyResult';
import type { StudyHypothesis } from '../../../src/core/format';

const side = (condition: string, s: number, drivers: [string, number][], decisions = 40): Mechanism => ({
  condition,
  side: s,
  decisions,
  drivers: drivers.map(([driver, count]) => ({ driver, count })),
  push_per_decision: {},
  messages: 0,
  messages_on_the_decision: 0,
});

describe('study: a finding carried by a single driver', () => {
  it('flags one rule behind nearly every decision on the expected side and few on the other', () => {
    const said = singleDriver(
      [side('talk', 1, [['rule: agreement', 38]]), side('silent', -1, [['rule: conformity', 40]])],
      'higher',
      true,
    );
    assert.match(
      said ?? '',
      /^38 of 40 decisions in 'talk' come from the offline model's agreement rule, against 0 of 40/,
    );
  });

  it('flags nothing where the drivers are shared, too few decide, or the rule drives the other side too', () => {
    assert.equal(
      singleDriver(
        [
          side('talk', 1, [
            ['rule: agreement', 30],
            ['rule: concern', 10],
          ]),
        ],
        'higher',
        true,
      ),
      undefined,
    );
    assert.equal(singleDriver([side('talk', 1, [['rule: agreement', 10]], 10)], 'higher', true), undefined);
    assert.equal(
      singleDriver(
        [side('talk', 1, [['rule: agreement', 40]]), side('silent', -1, [['rule: agreement', 20]])],
        'higher',
        true,
      ),
      undefined,
    );
  });

  it("weighs each rule's push per decision as the effect weighs the conditions, and flags one rule that makes the difference", () => {
    const h: StudyHypothesis = {
      id: 'h',
      text: 'h',
      metric: 'm',
      effect: { of: ['talk', 'silent'] },
      expect: 'higher',
      smallest_effect: 1,
    };
    const ms: Mechanism[] = [
      { ...side('talk', 1, []), push_per_decision: { agreement: 0.9, concern: 0.3 } },
      { ...side('silent', -1, []), push_per_decision: { concern: 0.28 } },
    ];
    const rc = ruleContrasts(ms, h);
    assert.deepEqual(
      rc.map((r) => r.rule),
      ['agreement', 'concern'],
    );
    assert.ok(Math.abs(rc[0].contrast - 0.9) < 1e-12 && Math.abs(rc[1].contrast - 0.02) < 1e-12);
    assert.match(pushCarried(rc, 'higher') ?? '', /98% of the difference .* agreement rule/);
    // Two rules sharing the difference: no single one carries it.
    const shared = ruleContrasts([{ ...ms[0], push_per_decision: { agreement: 0.5, concern: 0.5 } }, ms[1]], h);
    assert.equal(pushCarried(shared, 'higher'), undefined);
    // The rule pushes the other way than the effect expects: not what carries it.
    assert.equal(pushCarried(rc, 'lower'), undefined);
  });
});
