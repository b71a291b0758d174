// People read by name: a change's target as its owner's quantity, the id only where it helps.
import * as assert from 'node:assert/strict';
import { distinctLabels, nameWithId, quantityOf } from '../../../src/core/text/personNames';

const names: Record<string, string> = {
  t14: 'Abigail Chen',
  t3: 'Bea Lund',
  r1: 'Ryan',
  r2: 'Ryan',
  e: 'Eve\u202eRTL',
};
const nameOf = (id: string) => names[id];

describe('person names', () => {
  it("reads an agent's quantity as its owner's, by name", () => {
    assert.equal(quantityOf('t14.place', nameOf), "Abigail Chen's place");
    assert.equal(quantityOf('t3.catch_total', nameOf), "Bea Lund's catch_total");
  });

  it("keeps the world's quantities, and targets whose owner names nobody, as written", () => {
    assert.equal(quantityOf('world.pot', nameOf), 'world.pot');
    assert.equal(quantityOf('ghost.wealth', nameOf), 'ghost.wealth');
    assert.equal(quantityOf('nodot', nameOf), 'nodot');
    assert.equal(quantityOf('.odd', nameOf), '.odd');
  });

  it('isolates a name with a direction override, so it cannot reverse what follows', () => {
    assert.equal(quantityOf('e.wealth', nameOf), "\u2068Eve\u202eRTL\u2069's wealth");
    assert.equal(nameWithId('e', names.e), '\u2068Eve\u202eRTL\u2069 (e)');
  });

  it('puts the id after the name for tooltips, and alone when there is no other name', () => {
    assert.equal(nameWithId('t14', 'Abigail Chen'), 'Abigail Chen (t14)');
    assert.equal(nameWithId('x', undefined), 'x');
    assert.equal(nameWithId('ana', 'ana'), 'ana');
  });

  it('labels a list of people by name, adding the id only where two share a name', () => {
    const labels = distinctLabels(['t14', 'r1', 'r2', 'nobody'], nameOf);
    assert.deepEqual(Object.fromEntries(labels), {
      t14: 'Abigail Chen',
      r1: 'Ryan (r1)',
      r2: 'Ryan (r2)',
      nobody: 'nobody',
    });
  });
});
