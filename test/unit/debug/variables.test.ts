import * as assert from 'node:assert/strict';
import { Lazy } from '../../../src/core/debug/lazy';
import { VariableStore } from '../../../src/debug/variables';

describe('debug variables', () => {
  const agents = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, text: `memory ${i}` }));

  it('lists the requested page of a large array, and gives handles to its items only', () => {
    const store = new VariableStore();
    const ref = store.ref({ agents });
    const [list] = store.children(ref);
    assert.equal(list.indexedVariables, 10_000);
    const page = store.children(list.variablesReference, { start: 9_900, count: 100 });
    assert.deepEqual([page[0].name, page[99].name, page.length], ['9900', '9999', 100]);
    assert.equal(page[5].value, '"memory 9905"');
    // Handles are numbered in order: the next one comes right after the page's hundred.
    assert.equal(store.ref({}), 0, 'an empty object does not expand');
    assert.equal(store.ref({ x: 1 }), page[99].variablesReference + 1);
  });

  it('takes a missing or zero count as "the rest", and a page past the end as empty', () => {
    const store = new VariableStore();
    const ref = store.ref(agents);
    assert.equal(store.children(ref, { start: 9_998 }).length, 2);
    assert.equal(store.children(ref, { start: 9_998, count: 0 }).length, 2);
    assert.equal(store.children(ref, { start: 20_000, count: 100 }).length, 0);
    assert.equal(store.children(ref).length, 10_000);
  });

  it('works out a lazy value when it is expanded, once, and pages a lazy list by its known length', () => {
    const store = new VariableStore();
    let computed = 0;
    const ref = store.ref({
      metrics: new Lazy('density, …', () => {
        computed++;
        return { density: 0.25 };
      }),
      ties: new Lazy('3 ties', () => [1, 2, 3], 3),
    });
    const [metrics, ties] = store.children(ref);
    assert.deepEqual(
      [metrics.value, ties.value, ties.indexedVariables, metrics.indexedVariables],
      ['density, …', '3 ties', 3, undefined],
    );
    assert.equal(computed, 0, 'listing the scope computes nothing');
    assert.deepEqual(
      store.children(metrics.variablesReference).map((v) => [v.name, v.value]),
      [['density', '0.25']],
    );
    store.children(metrics.variablesReference);
    assert.equal(computed, 1);
    assert.deepEqual(
      store.children(ties.variablesReference, { start: 1, count: 1 }).map((v) => v.value),
      ['2'],
    );
  });
});
