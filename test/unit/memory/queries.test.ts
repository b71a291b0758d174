import * as assert from 'node:assert/strict';
import { filterMemories, latestMemories, matches, mostImportant } from '../../../src/core/memory/queries';
import type { LedgerEntry } from '../../../src/core/memory/ledger';
import type { MemoryRecord } from '../../../src/core/trace/events';

const stream: MemoryRecord[] = [
  { id: 0, round: 0, kind: 'seed', text: 'I want to find people to climb with.', importance: 7 },
  { id: 1, round: 1, kind: 'conversation', text: 'Talked with Leo Park about bouldering and jazz.', importance: 4 },
  { id: 2, round: 1, kind: 'evaluation', text: 'I rated my conversation with Leo Park 0.71: warm', importance: 5 },
  { id: 3, round: 2, kind: 'advice', text: 'Ask more questions about weekend plans.', importance: 7 },
  { id: 4, round: 3, kind: 'reflection', text: 'I enjoy talking with Leo Park.', importance: 7 },
  { id: 5, round: 3, kind: 'observation', text: 'My rewards: information was weakest.', importance: 3 },
];
const entries: LedgerEntry[] = stream.map((memory) => ({ agent: 'maya', memory }));

describe('memory queries', () => {
  it('filters by kind, round range and words (all words, any case), newest first', () => {
    const ids = (f: Parameters<typeof filterMemories>[1]) => filterMemories(entries, f).map((e) => e.memory.id);
    assert.deepEqual(ids({}), [5, 4, 3, 2, 1, 0]);
    assert.deepEqual(ids({ kinds: ['advice', 'reflection'] }), [4, 3]);
    assert.deepEqual(ids({ kinds: [] }), [], 'no kind ticked shows none (absent kinds: every kind)');
    assert.deepEqual(ids({ from: 1, to: 2 }), [3, 2, 1]);
    assert.deepEqual(ids({ text: 'leo PARK' }), [4, 2, 1]);
    assert.deepEqual(ids({ text: 'leo jazz' }), [1]);
    assert.deepEqual(ids({ text: '  ' }), [5, 4, 3, 2, 1, 0]);
    assert.deepEqual(ids({ kinds: ['conversation', 'evaluation', 'reflection'], from: 2, text: 'leo' }), [4]);
    assert.equal(matches(stream[0], { to: -1 }), false);
  });

  it('latest: newest round and id first; most important: importance, then newer', () => {
    assert.deepEqual(
      latestMemories(stream, 3).map((m) => m.id),
      [5, 4, 3],
    );
    assert.deepEqual(
      mostImportant(stream, 4).map((m) => m.id),
      [4, 3, 0, 2],
    );
    assert.deepEqual(latestMemories([], 3), []);
    assert.deepEqual(
      stream.map((m) => m.id),
      [0, 1, 2, 3, 4, 5],
      'inputs are not reordered',
    );
  });
});
