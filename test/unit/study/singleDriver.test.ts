// A finding carried by one driver is flagged (studyResult.ts singleDriver): one rule behind at least
// 90% of at least 20 decisions on the side the effect expects larger, and at most 10% on the other.
// Written against tallies, since the offline model's talk effect no longer has one driver (issue 85).
import * as assert from 'node:assert/strict';
import { singleDriver, type Mechanism } from '../../../src/core/study/studyResult';

const side = (condition: string, s: number, drivers: [string, number][], decisions = 40): Mechanism => ({
  condition,
  side: s,
  decisions,
  drivers: drivers.map(([driver, count]) => ({ driver, count })),
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
});
