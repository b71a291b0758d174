import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AROUND,
  around,
  byLabelPriority,
  declutter,
  labelAnchor,
  type LabelBounds,
  type LabelBox,
  type LabelObstacle,
  type LabelPlaces,
} from '../../../src/core/analysis/report/labelPlacement';
import { overlaps, type Rect } from '../../../src/core/analysis/report/rectGrid';

/** declutter's rule written as plainly as possible: every test a scan of every box. */
function declutterByScan(
  boxes: readonly LabelBox[],
  always: ReadonlySet<string>,
  obstacles: readonly LabelObstacle[],
  bounds?: LabelBounds,
): LabelPlaces {
  const kept: Rect[] = [],
    places: LabelPlaces = new Map();
  const circles = obstacles.map((o) => ({ id: o.id, x: o.x - o.r, y: o.y, w: 2 * o.r, h: 2 * o.r }));
  for (const b of boxes) {
    const rects = b.at.map((p) => ({ x: p.x, y: p.y, w: b.w, h: b.h }));
    const free = (r: Rect) => !kept.some((o) => overlaps(r, o));
    const inside = (r: Rect) =>
      !bounds || (r.x >= 0 && r.x + r.w <= bounds.width && r.y - r.h / 2 >= 0 && r.y + r.h / 2 <= bounds.height);
    const clear = (r: Rect) => !circles.some((c) => c.id !== b.id && overlaps(r, c));
    let i = always.has(b.id) && rects.length ? 0 : rects.findIndex((r) => free(r) && inside(r) && clear(r));
    if (i < 0) i = rects.findIndex((r) => free(r) && inside(r));
    if (i < 0) i = rects.findIndex(free);
    if (i < 0) continue;
    kept.push(rects[i]);
    places.set(b.id, i);
  }
  return places;
}

const box = (id: string, x: number, y: number, w = 40, h = 10, ...more: { x: number; y: number }[]): LabelBox => ({
  id,
  w,
  h,
  at: [{ x, y }, ...more],
});

describe('network labels', () => {
  it('keeps a label only where it overlaps none already kept, in priority order', () => {
    const shown = declutter([box('a', 0, 0), box('b', 20, 4), box('c', 45, 0), box('d', 0, 11), box('e', 10, -9)]);
    assert.deepEqual([...shown.keys()].sort(), ['a', 'c', 'd']);
  });

  it('always writes the focused names, and they take their room', () => {
    const shown = declutter([box('hub', 0, 0), box('me', 10, 2), box('other', 30, 20)], new Set(['me']));
    assert.deepEqual([...shown.keys()].sort(), ['hub', 'me', 'other']);
    assert.deepEqual([...declutter([box('me', 10, 2), box('x', 12, 3)], new Set(['me'])).keys()], ['me']);
  });

  it('moves a label to the first of its other places that is free', () => {
    const places = declutter([
      box('a', 100, 0),
      box('b', 110, 2, 40, 10, { x: 40, y: 2 }),
      box('c', 120, 4, 40, 10, { x: 95, y: 4 }),
      box('d', 100, 5, 40, 10, { x: 100, y: 8 }, { x: 100, y: 30 }),
    ]);
    assert.deepEqual(
      [...places],
      [
        ['a', 0],
        ['b', 1],
        ['d', 2],
      ],
      'c is taken in both places; d goes below, its third',
    );
  });

  it('offers right, left, above and below an agent, each clear of its circle', () => {
    const [right, left, above, below] = around(100, 50, 10, 3, 40, 12);
    assert.deepEqual(right, { x: 113, y: 50 });
    assert.deepEqual(left, { x: 47, y: 50 });
    assert.deepEqual(above, { x: 80, y: 31 }, 'centred, its bottom edge 3 above the circle');
    assert.deepEqual(below, { x: 80, y: 69 });
    // Two agents side by side and close: the lower one's name goes below when both sides are taken.
    const a = { id: 'a', w: 40, h: 12, at: around(100, 50, 10, 3, 40, 12) };
    const b = { id: 'b', w: 40, h: 12, at: around(100, 60, 10, 3, 40, 12) };
    const wide = { id: 'w', w: 40, h: 12, at: around(40, 62, 10, 3, 40, 12) };
    assert.deepEqual(
      [...declutter([a, wide, b])],
      [
        ['a', 0],
        ['w', 0],
        ['b', 3],
      ],
    );
  });

  it('takes a corner when every side would cover another agent, with the anchor written where the box was placed', () => {
    const at = around(100, 50, 10, 3, 40, 12);
    assert.equal(at.length, AROUND.length);
    // Agents right, left, above and below the places beside `me` (a crowd), none off its corners.
    const crowd = [
      { x: 133, y: 50, r: 8 },
      { x: 67, y: 50, r: 8 },
      { x: 100, y: 31, r: 5 },
      { x: 100, y: 69, r: 5 },
    ].map((c, k) => ({ id: `c${k}`, ...c }));
    const places = declutter([{ id: 'me', w: 40, h: 12, at }], new Set(), [
      { id: 'me', x: 100, y: 50, r: 10 },
      ...crowd,
    ]);
    assert.equal(places.get('me'), 4, 'upper right, the first corner clear of every circle');
    // The anchor of the corner place: text starting at the box's left edge, centred on its middle.
    const a = labelAnchor(4, 100, 50, 13, 6);
    assert.equal(a.align, 'start');
    assert.ok(Math.abs(a.x - at[4].x) < 1e-9 && Math.abs(a.y - at[4].y) < 1e-9, JSON.stringify([a, at[4]]));
    const ll = labelAnchor(7, 100, 50, 13, 6);
    assert.ok(
      ll.align === 'end' && Math.abs(ll.x - (at[7].x + 40)) < 1e-9 && Math.abs(ll.y - at[7].y) < 1e-9,
      JSON.stringify([ll, at[7]]),
    );
  });

  it("keeps names off other agents' circles where it can, and over one rather than not at all", () => {
    const me = { id: 'me', x: 100, y: 50, r: 10 },
      next = { id: 'next', x: 135, y: 50, r: 10 };
    const box = { id: 'me', w: 40, h: 12, at: around(me.x, me.y, me.r, 3, 40, 12) };
    assert.deepEqual([...declutter([box], new Set(), [me, next])], [['me', 1]], 'right would cover next: left');
    // Circles on every side and every corner of `me`'s places.
    const ring = box.at.map((p, i) => ({ id: `o${i}`, x: p.x + 20, y: p.y, r: 10 }));
    assert.deepEqual(
      [...declutter([box], new Set(), [me, ...ring])],
      [['me', 0]],
      'every place covers a circle: the first',
    );
    assert.deepEqual(
      [...declutter([box], new Set(['me']), [me, next])],
      [['me', 0]],
      'a focused name keeps its first place',
    );
  });

  it('keeps names inside the panel where a place inside is free', () => {
    const edge = { id: 'e', w: 60, h: 12, at: around(20, 100, 8, 3, 60, 12) };
    assert.deepEqual(
      [...declutter([{ ...edge, at: [edge.at[1], edge.at[0]] }], new Set(), [], { width: 400, height: 300 })],
      [['e', 1]],
      'left of an agent at the left edge runs off: right',
    );
    assert.deepEqual(
      [...declutter([{ ...edge, at: [edge.at[1]] }], new Set(), [], { width: 400, height: 300 })],
      [['e', 0]],
      'no place inside: still written (panning brings it in)',
    );
  });

  it('puts focused agents first, then the best connected, then by name', () => {
    const n = (id: string, ties: number) => ({ id, name: id.toUpperCase(), inDegree: ties, outDegree: 0 });
    const order = byLabelPriority([n('a', 1), n('b', 5), n('c', 5), n('d', 0)], new Set(['d'])).map((x) => x.id);
    assert.deepEqual(order, ['d', 'b', 'c', 'a']);
  });

  it('places every name as a scan of every kept name and every circle would (the grid only narrows the search)', () => {
    // Coordinates from far off screen to a few cells, sizes from a dot to a circle zoomed far in.
    const coord = fc.oneof(
      fc.double({ min: -50, max: 450, noNaN: true }),
      fc.double({ min: -2e6, max: 2e6, noNaN: true }),
    );
    const agent = fc.record({
      x: coord,
      y: coord,
      r: fc.oneof(
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.double({ min: 100, max: 400, noNaN: true }),
        fc.double({ min: 500, max: 5000, noNaN: true }),
      ),
      w: fc.double({ min: 5, max: 200, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(agent, { maxLength: 60 }), fc.boolean(), fc.nat(5), (agents, bounded, focused) => {
        const boxes = agents.map((a, k) => ({ id: `n${k}`, w: a.w, h: 12, at: around(a.x, a.y, a.r, 3, a.w, 12) }));
        const obstacles = agents.map((a, k) => ({ id: `n${k}`, x: a.x, y: a.y, r: a.r }));
        const always = new Set(agents.slice(0, focused).map((_, k) => `n${k}`));
        const bounds = bounded ? { width: 400, height: 300 } : undefined;
        assert.deepEqual(
          [...declutter(boxes, always, obstacles, bounds)],
          [...declutterByScan(boxes, always, obstacles, bounds)],
        );
      }),
      { numRuns: 300 },
    );
  });
});
