// The reward drivers come from one table (format/model/model.ts DRIVERS): every place that lists them
// either derives from it, is a Record the compiler checks, or is checked here — so a sixth driver
// missed anywhere fails a test or the build.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DRIVER_LABELS, DRIVERS, type DriverWeights } from '../../../src/core/format/model/model';
import { computeRewards, emptyWindow, rawRewards } from '../../../src/core/engine/society/rewards';
import { RESPONSE_FORMATS } from '../../../src/core/llm/types';

const repo = path.resolve(__dirname, '../../..');
const only = (d: string, value = 1): DriverWeights =>
  Object.fromEntries(DRIVERS.map((x) => [x, x === d ? value : 0])) as DriverWeights;

describe('the reward drivers table', () => {
  it('counts every driver in the weighted total (the sums are written out for speed)', () => {
    const w = emptyWindow();
    Object.assign(w.basis, {
      conversations: 3,
      rating_received: 0.8,
      answers_received: 2,
      new_topics: 1,
      shares_acknowledged: 2,
      plans_agreed: 1,
      support_received: 1,
      support_given: 2,
    });
    const raw = rawRewards(w.basis);
    for (const d of DRIVERS) {
      assert.ok(raw[d] > 0, `${d} has a raw reward`);
      const r = computeRewards(w, only(d), only(d, 0.5));
      assert.ok(
        Math.abs(r.total - raw[d]) < 1e-12,
        `with only ${d} weighted, the total is its raw reward (${r.total} vs ${raw[d]})`,
      );
    }
    assert.deepEqual(Object.keys(raw), [...DRIVERS]);
    assert.deepEqual(Object.keys(DRIVER_LABELS), [...DRIVERS]);
  });

  it('is what the schema lists for rewards and motivations', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/society.schema.json'), 'utf8'));
    const found: string[][] = [];
    const walk = (node: unknown, key?: string): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if ((key === 'rewards' || key === 'motivations') && props) found.push(Object.keys(props));
      for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(schema);
    assert.ok(found.length >= 2, 'rewards and motivations found in the schema');
    for (const keys of found) assert.deepEqual([...keys].sort(), [...DRIVERS].sort());
  });

  it('is highlighted as keys by the grammar and offered to the coach in its answer format', () => {
    const grammar = fs.readFileSync(path.join(repo, 'syntaxes/society.tmLanguage.json'), 'utf8');
    for (const d of DRIVERS) assert.match(grammar, new RegExp(`[|(:]${d}[|)]`), `${d} in the grammar's key list`);
    assert.ok(RESPONSE_FORMATS.advise.includes(`"driver": "${DRIVERS.join('|')}"`));
  });
});
