// SpendLimit sums what calls cost as reported, leaves cached answers out, and is reached only past the limit.
import * as assert from 'node:assert/strict';
import { SpendLimit } from '../../../src/core/llm/spendLimit';
import type { CallRecord } from '../../../src/core/llm/callRecord';

const record = (cost: number, cached = false): CallRecord => ({
  model: 'm',
  kind: 'speak',
  key: 'k',
  agent: 'a',
  outcome: 'ok',
  calls: 1,
  attempts: 1,
  faults: [],
  repairs: [],
  usage: { model: 'm', input_tokens: 1, output_tokens: 1, cost_usd: cost },
  cached,
});

describe('spend limit', () => {
  it('is reached once the calls cost more than the limit, cached answers not counted', () => {
    const limit = new SpendLimit(1);
    limit.listener(record(0.6));
    limit.listener(record(5, true));
    assert.equal(limit.reached, false);
    limit.listener(record(0.4));
    assert.equal(limit.reached, false, 'at the limit is within it');
    limit.listener(record(0.01));
    assert.equal(limit.reached, true);
    assert.match(
      limit.reason(3),
      /^stopped after round 3: its model calls cost \$1\.01 .* past the cost limit of \$1\.00$/,
    );
  });
});
