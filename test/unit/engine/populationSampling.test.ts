// Population sampling: names, how many interests each sampled persona gets, and distribution clipping.
import * as assert from 'node:assert/strict';
import type { Distribution, Persona, PopulationGroup } from '../../../src/core/format/model/model';
import { drawDistinct, drawFirstNames, sample, samplePopulation } from '../../../src/core/engine/society/population';
import { stream, type Rng } from '../../../src/core/random/rng';

function group(over: Partial<PopulationGroup> = {}): PopulationGroup {
  return {
    group: 'crowd',
    count: 20,
    id_prefix: 'a',
    names: ['Ana', 'Bo'],
    occupations: [],
    interests: { pool: ['chess', 'jazz', 'film', 'running'], per_agent: 3 },
    traits: {},
    motivations: {},
    ...over,
  } as PopulationGroup;
}

describe('population sampling', () => {
  it('gives every persona min(per_agent, pool size) distinct interests from the pool', () => {
    const cases: [number, number, number][] = [
      [4, 3, 3],
      [4, 4, 4],
      [3, 3, 3],
      [2, 3, 2],
      [6, 5, 5],
      [4, 0, 0],
      [0, 3, 0],
    ];
    for (const [poolSize, perAgent, expected] of cases) {
      const pool = ['chess', 'jazz', 'film', 'running', 'poetry', 'birding'].slice(0, poolSize);
      for (const p of samplePopulation(group({ interests: { pool, per_agent: perAgent } }), 7)) {
        assert.equal(
          p.interests.length,
          expected,
          `pool ${poolSize}, per_agent ${perAgent}: ${p.id} got ${p.interests.join(', ')}`,
        );
        assert.equal(new Set(p.interests).size, expected, 'distinct');
        for (const i of p.interests) assert.ok(pool.includes(i));
      }
    }
  });

  // Issue 42: 24 distinct names for 24 townsfolk gave three Ryans and no Klaus.
  it('draws first names without replacement: each once before any twice, the same for a seed', () => {
    const names =
      'Abigail Bruno Chiara Dmitri Elif Farid Greta Hiro Ines Jonas Klaus Lena Mateo Nadia Oskar Priya Quentin Ryan Sofia Tariq Uma Viktor Wren Yusuf'.split(
        ' ',
      );
    const first = (count: number, seed = 5, g = group({ names, count })) =>
      samplePopulation({ ...g, count }, seed).map((p) => p.name.replace(/ \d+$/, ''));
    const once = first(24);
    assert.deepEqual([...once].sort(), [...names].sort(), 'every name once, Klaus too');
    const twice = first(48);
    assert.deepEqual(twice.slice(0, 24), once, 'more members only append');
    for (const n of names) assert.equal(twice.filter((x) => x === n).length, 2, n);
    assert.deepEqual(first(24), once, 'the same for the same seed');
    assert.notDeepEqual(first(24, 6), once, 'another order for another seed');
    assert.deepEqual(first(30).slice(24).length, 6);
    // A name listed twice is one name; a group's names are its own (another group draws alike).
    const doubled = samplePopulation(group({ names: ['Ana', 'Ana', 'Bo'], count: 4 }), 1).map((p) => p.name);
    assert.deepEqual(doubled.map((n) => n.split(' ')[0]).sort(), ['Ana', 'Ana', 'Bo', 'Bo']);
    const other = samplePopulation(group({ group: 'other', names, count: 24 }), 5).map((p) => p.name);
    assert.notDeepEqual(
      other,
      samplePopulation(group({ names, count: 24 }), 5).map((p) => p.name),
    );
    assert.deepEqual(drawFirstNames([], 3, stream(1, 'x')), [], 'no names: none drawn');
  });

  // Audit: the forum's sampled students were "Mia 1" and "Mia 7", which read like counts.
  it('names agents by first and family name when the group lists surnames, numbering only a repeated name', () => {
    const surnames = ['Okafor', 'Nguyen', 'Rossi'];
    const plain = samplePopulation(group({ count: 30 }), 5);
    const full = samplePopulation(group({ count: 30, surnames }), 5);
    assert.deepEqual(
      plain.slice(0, 3).map((p) => /^(Ana|Bo) \d+$/.test(p.name)),
      [true, true, true],
      'without surnames: `Ana 12`, as before',
    );
    const names = full.map((p) => p.name);
    assert.equal(new Set(names).size, 30, 'every name distinct');
    const unnumbered = names.filter((n) => /^(Ana|Bo) (Okafor|Nguyen|Rossi)$/.test(n));
    assert.equal(unnumbered.length, 6, 'each of the 2 × 3 combinations once without a number');
    // Twenty first-years from 22 first and 18 family names, as examples/forum: no number at all.
    const forum = samplePopulation(
      group({
        count: 20,
        names: Array.from({ length: 22 }, (_, k) => `F${k}`),
        surnames: Array.from({ length: 18 }, (_, k) => `S${k}`),
      }),
      2024,
    );
    assert.deepEqual(
      forum.filter((p) => /\d+$/.test(p.name.replace(/^F\d+ S\d+$/, ''))).map((p) => p.name),
      [],
    );
    for (const [i, p] of full.entries()) {
      assert.ok(p.name.startsWith(plain[i].name.replace(/ \d+$/, ' ')), 'the same first name as without surnames');
      if (!unnumbered.includes(p.name)) {
        assert.match(p.name, new RegExp(` ${i + 1}$`), 'a repeat carries its number in the group');
      }
    }
    // Surnames have their own stream: nothing else is drawn differently.
    const strip = (p: Persona) => ({ ...p, name: '' });
    assert.deepEqual(full.map(strip), plain.map(strip));
  });

  it('numbers a name only when every combination of first and family name is taken (issue 73)', () => {
    // The ultimatum example: ten members, five first names, two family names: ten combinations.
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const names = samplePopulation(
        group({ count: 10, names: ['Ana', 'Bo', 'Cy', 'Dee', 'Eli'], surnames: ['Amari', 'Brandt'] }),
        seed,
      ).map((p) => p.name);
      assert.deepEqual(
        names.filter((n) => /\d$/.test(n)),
        [],
        `seed ${seed}`,
      );
      assert.equal(new Set(names).size, 10);
    }
  });

  it("keeps each persona's own draws: adding agents or raising per_agent reshuffles nobody", () => {
    const five = samplePopulation(group({ count: 5 }), 3);
    const six = samplePopulation(group({ count: 6 }), 3);
    assert.deepEqual(
      six.slice(0, 5).map((p) => p.interests),
      five.map((p) => p.interests),
    );
    const two = samplePopulation(group({ interests: { pool: group().interests.pool, per_agent: 2 } }), 3);
    const three = samplePopulation(group(), 3);
    two.forEach((p, i) => assert.deepEqual(three[i].interests.slice(0, 2), p.interests));
  });

  it('draws exactly as before wherever the old loop gave the full count (a pool of 60, three each, as in bench/engine.ts)', () => {
    const old = (pool: string[], per: number, rng: Rng): string[] => {
      const left = [...pool],
        out: string[] = [];
      while (out.length < Math.min(per, left.length)) out.push(left.splice(rng.int(left.length), 1)[0]);
      return out;
    };
    const pool = Array.from({ length: 60 }, (_, i) => `topic${i}`);
    for (let i = 1; i <= 200; i++) {
      assert.deepEqual(
        drawDistinct(pool, 3, stream(1, 'population', 'crowd', `a${i}`, 'interests')),
        old(pool, 3, stream(1, 'population', 'crowd', `a${i}`, 'interests')),
      );
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
      assert.ok(
        xs.every((x) => x >= 0.4 && x <= 0.6),
        `${JSON.stringify(d)}: ${Math.min(...xs)}..${Math.max(...xs)}`,
      );
      assert.ok(xs.some((x) => x === 0.4) && xs.some((x) => x === 0.6), `${JSON.stringify(d)} reaches both bounds`);
    }
    // Without min/max nothing changes for draws inside 0..1.
    const plain = sample({ uniform: { min: 0.2, max: 0.3 } }, stream(5, 'plain'));
    assert.ok(plain >= 0.2 && plain <= 0.3);
  });

  it('sampled personas honour the clipping of uniform and beta traits and motivations', () => {
    const people = samplePopulation(
      group({
        count: 50,
        traits: {
          openness: { uniform: { min: 0, max: 1 }, max: 0.3 } as Distribution,
          neuroticism: { beta: { alpha: 2, beta: 2 }, min: 0.7 } as Distribution,
        },
        motivations: { social: { uniform: { min: 0, max: 1 }, min: 0.9 } as Distribution },
      }),
      11,
    );
    for (const p of people) {
      assert.ok(p.traits.openness <= 0.3, `${p.id} openness ${p.traits.openness}`);
      assert.ok(p.traits.neuroticism >= 0.7, `${p.id} neuroticism ${p.traits.neuroticism}`);
      assert.ok(p.motivations.social >= 0.9, `${p.id} social ${p.motivations.social}`);
    }
  });
  it('gives sampled members empty seed memories and relationships, one frozen list for all', () => {
    const people = samplePopulation(group({ count: 3 }), 7);
    for (const p of people) {
      assert.equal(JSON.stringify([p.memories, p.relationships]), '[[],[]]');
      assert.ok(Object.isFrozen(p.memories) && Object.isFrozen(p.relationships));
    }
    assert.equal(people[0].memories, people[2].relationships);
  });
});
