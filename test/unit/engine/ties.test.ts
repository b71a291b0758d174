import * as assert from 'node:assert/strict';
import { TieTable, tieTarget, updatedStrength } from '../../../src/core/engine/society/ties';

const cfg = { threshold: 0.6, decay: 0.1, learning_rate: 0.3, weights: { reciprocity: 1, novelty: 0.5, affect: 1 } };

describe('ties', () => {
  it('moves towards the weighted target of the evaluation', () => {
    const target = tieTarget({ reciprocity: 1, novelty: 0, affect: 0.5 }, cfg.weights);
    assert.equal(target, (1 + 0 + 0.5) / 2.5);
    assert.equal(updatedStrength(0.2, target, cfg), 0.2 + 0.3 * (target - 0.2));
  });

  it('decays only unused ties, reports dissolved ones and drops negligible ones', () => {
    const t = new TieTable();
    t.set('a', 'b', 0.62, 1);
    t.set('a', 'c', 0.9, 2);
    t.set('b', 'a', 0.0105, 1);
    const dissolved = t.decay(2, cfg.decay, cfg.threshold);
    assert.deepEqual(dissolved, [['a', 'b']]);
    assert.equal(t.get('a', 'b'), 0.62 * 0.9);
    assert.equal(t.get('a', 'c'), 0.9);
    assert.equal(t.get('b', 'a'), 0);
    assert.equal(t.countExisting(0.6), 1);
  });

  it('round-trips through JSON in the same order and forgets removed agents', () => {
    const t = new TieTable();
    t.set('x', 'y', 0.5, 1);
    t.set('a', 'x', 0.7, 1);
    t.set('x', 'a', 0.3, 2);
    assert.deepEqual(TieTable.fromJSON(JSON.parse(JSON.stringify(t.toJSON()))).toJSON(), t.toJSON());
    t.removeAgent('x');
    assert.deepEqual(t.toJSON(), []);
  });
});
