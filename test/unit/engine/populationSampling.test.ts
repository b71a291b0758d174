// Population sampling: how many interests each sampled persona gets, and distribution clipping.
import * as assert from 'node:assert/strict';
import type { Distribution, PopulationGroup } from '../../../src/core/format/model';
import { drawDistinct, sample, samplePopulation } from '../../../src/core/engine/population';
import { stream, type Rng } from '../../../src/core/engine/rng';

function group(over: Partial<PopulationGroup> = {}): PopulationGroup {
  return {
    group: 'crowd', count: 20, id_prefix: 'a', names: ['Ana', 'Bo'], occupations: [],
    interests: { pool: ['chess', 'jazz', 'film', 'running'], per_agent: 3 }, traits: {}, motivations: {},
    ...over,
  } as PopulationGroup;
}

describe('population sampling', () => {
  it('gives every persona min(per_agent, pool size) distinct interests from the pool', () => {
    const cases: [number, number, number][] = [[4, 3, 3], [4, 4, 4], [3, 3, 3], [2, 3, 2], [6, 5, 5], [4, 0, 0], [0, 3, 0]];
    for (const [poolSize, perAgent, expected] of cases) {
      const pool = ['chess', 'jazz', 'film', 'running', 'poetry', 'birding'].slice(0, poolSize);
      for (const p of samplePopulation(group({ interests: { pool, per_agent: perAgent } }), 7)) {
        assert.equal(p.interests.length, expected, `pool ${poolSize}, per_agent ${perAgent}: ${p.id} got ${p.interests.join(', ')}`);
        assert.equal(new Set(p.interests).size, expected, 'distinct');
        for (const i of p.interests) assert.ok(pool.includes(i));
      }
    }
  });

  it('keeps each persona\'s own draws: adding agents or raising per_agent reshuffles nobody', () => {
    const five = samplePopulation(group({ count: 5 }), 3);
    const six = samplePopulation(group({ count: 6 }), 3);
    assert.deepEqual(six.slice(0, 5).map((p) => p.interests), five.map((p) => p.interests));
    const two = samplePopulation(group({ interests: { pool: group().interests.pool, per_agent: 2 } }), 3);
    const three = samplePopulation(group(), 3);
    two.forEach((p, i) => assert.deepEqual(three[i].interests.slice(0, 2), p.interests));
  });

  it('draws exactly as before wherever the old loop gave the full count (a pool of 60, three each, as in bench/engine.ts)', () => {
    const old = (pool: string[], per: number, rng: Rng): string[] => {
      const left = [...pool], out: string[] = [];
      while (out.length < Math.min(per, left.length)) out.push(left.splice(rng.int(left.length), 1)[0]);
      return out;
    };
    const pool = Array.from({ length: 60 }, (_, i) => `topic${i}`);
    for (let i = 1; i <= 200; i++) {
      assert.deepEqual(drawDistinct(pool, 3, stream(1, 'population', 'crowd', `a${i}`, 'interests')), old(pool, 3, stream(1, 'population', 'crowd', `a${i}`, 'interests')));
    }
    // The case that was wrong: a pool of 4, three each, gave two.
    assert.equal(old(pool.slice(0, 4), 3, stream(1, 'x')).length, 2);
    assert.equal(drawDistinct(pool.slice(0, 4), 3, stream(1, 'x')).length, 3);
  });

  it('clips every distribution family to its min/max, not only normal', () => {
    const families: Distribution[] = [
      { normal: { mean: 0.5, sd: 0.4 }, min: 0.4, max: 0.6 },
      { uniform: { min: 0, max: 1 }, min: 0.4, max: 0.6 } as Distribution,
      { beta: { alpha: 2, beta: 2 }, min: 0.4, max: 0.6 } as Distribution,
    ];
    for (const d of families) {
      const xs = Array.from({ length: 500 }, (_, i) => sample(d, stream(5, 'clip', i)));
      assert.ok(xs.every((x) => x >= 0.4 && x <= 0.6), `${JSON.stringify(d)}: ${Math.min(...xs)}..${Math.max(...xs)}`);
      assert.ok(xs.some((x) => x === 0.4) && xs.some((x) => x === 0.6), `${JSON.stringify(d)} reaches both bounds`);
    }
    // Without min/max nothing changes for draws inside 0..1.
    const plain = sample({ uniform: { min: 0.2, max: 0.3 } }, stream(5, 'plain'));
    assert.ok(plain >= 0.2 && plain <= 0.3);
  });

  it('sampled personas honour the clipping of uniform and beta traits and motivations', () => {
    const people = samplePopulation(group({
      count: 50,
      traits: { openness: { uniform: { min: 0, max: 1 }, max: 0.3 } as Distribution, neuroticism: { beta: { alpha: 2, beta: 2 }, min: 0.7 } as Distribution },
      motivations: { social: { uniform: { min: 0, max: 1 }, min: 0.9 } as Distribution },
    }), 11);
    for (const p of people) {
      assert.ok(p.traits.openness <= 0.3, `${p.id} openness ${p.traits.openness}`);
      assert.ok(p.traits.neuroticism >= 0.7, `${p.id} neuroticism ${p.traits.neuroticism}`);
      assert.ok(p.motivations.social >= 0.9, `${p.id} social ${p.motivations.social}`);
    }
  });
});
