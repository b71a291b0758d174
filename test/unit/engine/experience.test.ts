// The experience book's rule (engine/society/experience.ts; docs/model.md "Learning from
// consequences"): surprise against one's usual payoff, credited to the choices behind it with
// eligibility, others' experience by openness, losses by neuroticism, in units that cancel.
import * as assert from 'node:assert/strict';
import { ELIGIBILITY, ExperienceBook, optionKey } from '../../../src/core/engine/society/experience';
import type { Traits } from '../../../src/core/format/model/model';

const traits = (t: Partial<Traits> = {}): Traits => ({
  openness: 0,
  conscientiousness: 0.5,
  extraversion: 0.5,
  agreeableness: 0.5,
  neuroticism: 0,
  ...t,
});

/** Two agents; `a` chooses per round as given, `b` always 'rest'; coins after each round as given. */
function play(rounds: { a: string; coins: [number, number] }[], t: Partial<Traits> = {}, scale = 1): ExperienceBook {
  const book = new ExperienceBook();
  book.enter('a', () => ({ coins: 0 }));
  book.enter('b', () => ({ coins: 0 }));
  for (const r of rounds) {
    book.chose('a', r.a);
    book.chose('b', 'rest');
    book.close([
      { id: 'a', traits: traits(t), held: { coins: r.coins[0] * scale } },
      { id: 'b', traits: traits(t), held: { coins: r.coins[1] * scale } },
    ]);
  }
  return book;
}

describe('experience book (learning from consequences)', () => {
  it('keys an option by its action and its number and place arguments, not whom it names', () => {
    const spec = [
      { name: 'amount', type: 'number' as const, min: 0, max: 10 },
      { name: 'to', type: 'agent' as const },
      { name: 'where', type: 'place' as const },
    ];
    assert.equal(optionKey('give', { amount: 5, to: 'bo', where: 'cafe' }, spec), 'give(amount=5,where=cafe)');
    // An amount chosen on the continuum is learned under the nearest value options are weighed at (0, 5, 10).
    assert.equal(optionKey('give', { amount: 4, to: 'bo', where: 'cafe' }, spec), 'give(amount=5,where=cafe)');
    assert.equal(optionKey('give', { amount: 2, to: 'bo', where: 'cafe' }, spec), 'give(amount=0,where=cafe)');
    assert.equal(optionKey('rest', {}, []), 'rest');
  });

  it('a first payoff teaches nothing; a later one above the usual raises the option chosen', () => {
    // Round 1: both +1 (the usual). Round 2: a plants and gets +1 again, then +5 in round 3.
    const book = play([
      { a: 'rest', coins: [1, 1] },
      { a: 'plant', coins: [2, 2] },
      { a: 'plant', coins: [7, 3] },
    ]);
    assert.ok(book.attraction('a', 'plant')!.coins > 0);
    assert.ok(book.attraction('a', 'plant')!.coins > book.attraction('a', 'rest')!.coins);
  });

  it('credits a payoff that arrives a round later to the choice before it, λ times as much', () => {
    const start = [
      { a: 'rest', coins: [1, 2] as [number, number] },
      { a: 'rest', coins: [2, 3] as [number, number] },
      { a: 'plant', coins: [2, 5] as [number, number] }, // the field costs now...
    ];
    const costly = play(start).attraction('a', 'plant')!.coins;
    const paid = play([...start, { a: 'rest', coins: [12, 6] }]).attraction('a', 'plant')!.coins; // ...and pays the round after
    assert.ok(costly < 0, `before the harvest ${costly}`);
    assert.ok(paid > 0, `after the harvest ${paid}`);
    assert.ok(ELIGIBILITY > 0 && ELIGIBILITY < 1);
  });

  it('learns from what others’ choices brought them by openness only', () => {
    const rounds = [
      { a: 'rest', coins: [1, 1] as [number, number] },
      { a: 'rest', coins: [2, 2] as [number, number] },
      { a: 'rest', coins: [3, 8] as [number, number] }, // b's rest paid well
    ];
    assert.ok(
      play(rounds, { openness: 1 }).attraction('a', 'rest')!.coins >
        play(rounds, { openness: 0 }).attraction('a', 'rest')!.coins,
    );
  });

  it('is the same in any unit: coins or cents teach the same lesson, in their own units', () => {
    const rounds = [
      { a: 'rest', coins: [1, 1] as [number, number] },
      { a: 'plant', coins: [3, 2] as [number, number] },
      { a: 'rest', coins: [3, 4] as [number, number] },
      { a: 'plant', coins: [6, 5] as [number, number] },
    ];
    const coins = play(rounds);
    const cents = play(rounds, {}, 100);
    // Attractions are in the quantity's own units: a hundred times as many cents.
    for (const k of ['plant', 'rest']) {
      assert.ok(Math.abs(100 * coins.attraction('a', k)!.coins - cents.attraction('a', k)!.coins) < 1e-9);
    }
  });

  it('survives a checkpoint: the book read back learns on exactly as before', () => {
    const book = play([
      { a: 'rest', coins: [1, 1] },
      { a: 'plant', coins: [4, 2] },
    ]);
    const copy = ExperienceBook.fromJSON(JSON.parse(JSON.stringify(book.toJSON())));
    for (const b of [book, copy]) {
      b.chose('a', 'plant');
      b.close([
        { id: 'a', traits: traits(), held: { coins: 9 } },
        { id: 'b', traits: traits(), held: { coins: 3 } },
      ]);
    }
    assert.deepEqual(copy.toJSON(), book.toJSON());
  });

  it('forgets an agent that left', () => {
    const book = play([{ a: 'plant', coins: [1, 1] }]);
    book.close([{ id: 'b', traits: traits(), held: { coins: 1 } }]);
    assert.equal(book.experienced('a'), false);
  });
});
