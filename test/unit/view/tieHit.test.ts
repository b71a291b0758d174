// Clicking a tie opens the tie under the pointer (issue 73, "Where am I?"): the nearest drawn tie
// by distance to its curve within the tolerance, never the one drawn on top of it, and a point
// anywhere on a long tie hits it (sampled points left gaps wider than the tolerance).
import assert from 'node:assert/strict';
import { tieShape, tieWidth, type Point } from '../../../webview/network/geometry';
import { distanceToTie, tieAt } from '../../../webview/network/tieHit';

interface Node extends Point {
  id: string;
  radius: number;
}
const node = (id: string, x: number, y: number): Node => ({ id, x, y, radius: 6 });
const tie = (source: Node, target: Node, strength = 0.5) => ({ source, target, strength });
const name = (l: ReturnType<typeof tie> | undefined) => (l ? `${l.source.id}→${l.target.id}` : 'none');

/** The point at `t` along the drawn curve of the tie. */
function onCurve(l: ReturnType<typeof tie>, t: number): Point {
  const s = tieShape(l.source, l.target, l.source.radius, l.target.radius, tieWidth(l.strength))!;
  const u = 1 - t;
  return {
    x: u * u * s.start.x + 2 * u * t * s.control.x + t * t * s.end.x,
    y: u * u * s.start.y + 2 * u * t * s.control.y + t * t * s.end.y,
  };
}

describe('tie hit test', () => {
  it('selects the lower of two overlapping ties at a point nearer to it, not the one drawn on top', () => {
    // Two ties 4 units apart, the upper (drawn later) shifted along: a point on the lower one lies
    // within the tolerance of both; it is nearer the lower.
    const lower = tie(node('a', 0, 0), node('b', 600, 0));
    const upper = tie(node('c', 12.5, 4), node('d', 612.5, 4));
    for (const t of [0.5 / 24, 0.3 + 0.5 / 24, 0.5 + 0.5 / 24, 0.9]) {
      const p = onCurve(lower, t);
      assert.equal(name(tieAt([lower, upper], p.x, p.y, 5)), 'a→b', `at t = ${t}`);
    }
  });

  it('reaches both ties of a pair drawn apart (a → b and b → a), each at its own curve', () => {
    const a = node('a', 0, 0),
      b = node('b', 600, 0);
    const ab = tie(a, b),
      ba = tie(b, a, 0.9);
    for (const t of [0.02, 0.1, 0.25, 0.5 + 0.5 / 24, 0.8, 0.97]) {
      const p = onCurve(ab, t),
        q = onCurve(ba, t);
      assert.equal(name(tieAt([ab, ba], p.x, p.y, 5)), 'a→b', `a → b at t = ${t}`);
      assert.equal(name(tieAt([ab, ba], q.x, q.y, 5)), 'b→a', `b → a at t = ${t}`);
      assert.equal(name(tieAt([ba, ab], p.x, p.y, 5)), 'a→b', `a → b drawn first, at t = ${t}`);
    }
  });

  it('hits nothing beyond the tolerance, and measures the distance to the curve', () => {
    const l = tie(node('a', 0, 0), node('b', 600, 0));
    const mid = onCurve(l, 0.5);
    // The curve bends to the left of a → b (downward on screen here): 7 units off its middle, outward.
    assert.equal(tieAt([l], mid.x, mid.y + 7, 5), undefined);
    assert.equal(name(tieAt([l], mid.x, mid.y + 4, 5)), 'a→b');
    const shape = tieShape(l.source, l.target, 6, 6, tieWidth(0.5))!;
    assert.ok(Math.abs(distanceToTie(shape, { x: mid.x, y: mid.y + 4 }, 5) - 4) < 0.25);
    assert.equal(tieAt([tie(node('a', 1, 1), node('b', 1, 1))], 1, 1, 5), undefined);
  });
});
