// The line alignment between a .society file as the debugged run parsed it and as it is now.
import * as assert from 'node:assert/strict';
import { lineMap } from '../../../src/core/debug/lineMap';

describe('debug line map (a file edited during a session)', () => {
  const before = ['kind: persona', 'id: maya', 'name: Maya', 'interests: [a]', 'bio: x'];

  it('is the identity for the same text', () => {
    const m = lineMap(before, [...before]);
    assert.equal(m.same, true);
    assert.deepEqual(
      [0, 1, 4].map((l) => m.toCurrent(l)),
      [0, 1, 4],
    );
    assert.equal(m.toLaunch(3), 3);
  });

  it('follows lines inserted above and in between, both ways', () => {
    const after = ['# a', '# b', 'kind: persona', 'id: maya', 'name: Maya', '# new', 'interests: [a]', 'bio: x'];
    const m = lineMap(before, after);
    assert.equal(m.same, false);
    assert.deepEqual(
      before.map((_, l) => m.toCurrent(l)),
      [2, 3, 4, 6, 7],
    );
    assert.equal(m.toLaunch(3), 1);
    assert.equal(m.toLaunch(5), 2, 'a new line stands for the unchanged line above it');
    assert.equal(m.toLaunch(0), 0, 'new lines at the top stand for the first unchanged line');
  });

  it('has no current line for a line that was edited or removed', () => {
    const m = lineMap(before, ['kind: persona', 'id: maya2', 'name: Maya', 'bio: x']);
    assert.equal(m.toCurrent(1), undefined);
    assert.equal(m.toCurrent(3), undefined);
    assert.equal(m.toCurrent(2), 2);
    assert.equal(m.toCurrent(4), 3);
  });

  it('ignores trailing spaces and CR', () => {
    const m = lineMap(
      before,
      before.map((l) => `${l}  `),
    );
    assert.equal(m.same, true);
  });
});
