import * as assert from 'node:assert/strict';
import { hashKey, stream } from '../../../src/core/random/rng';
import { samplePopulation } from '../../../src/core/engine/society/population';

describe('seeded streams', () => {
  it('are reproducible per key and independent across keys', () => {
    const a = stream(1, 'agent', 'maya', 'speak', 3);
    const b = stream(1, 'agent', 'maya', 'speak', 3);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      Array.from({ length: 5 }, () => b.next()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 5 }, () => stream(1, 'agent', 'leo', 'speak', 3).next()),
      xs,
    );
    assert.notEqual(hashKey(1, 'a'), hashKey(2, 'a'));
  });

  it('draw uniformly enough and respect weights', () => {
    const r = stream(42, 'test');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[r.weighted([1, 2, 0])]++;
    assert.equal(counts[2], 0);
    assert.ok(Math.abs(counts[1] / counts[0] - 2) < 0.15, `ratio ${counts[1] / counts[0]}`);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += r.beta(2, 5);
    assert.ok(Math.abs(sum / 20000 - 2 / 7) < 0.01);
  });

  it('population sampling is seeded per generated agent, so growing a group keeps existing members', () => {
    const g = {
      group: 'students',
      count: 5,
      id_prefix: 's',
      names: ['Ana', 'Bo'],
      occupations: ['student'],
      interests: { pool: ['a', 'b', 'c', 'd'], per_agent: 2 },
      traits: { openness: { normal: { mean: 0.6, sd: 0.2 } } },
      motivations: { social: { uniform: { min: 0.2, max: 0.8 } } },
    };
    const five = samplePopulation(g, 3),
      eight = samplePopulation({ ...g, count: 8 }, 3);
    assert.deepEqual(eight.slice(0, 5), five);
    for (const p of eight) {
      assert.equal(p.interests.length, 2);
      assert.ok(p.traits.openness >= 0 && p.traits.openness <= 1);
      assert.ok(p.motivations.social >= 0.2 && p.motivations.social <= 0.8);
      assert.equal(p.traits.agreeableness, 0.5);
    }
    assert.notDeepEqual(samplePopulation(g, 4), five);
  });
});
