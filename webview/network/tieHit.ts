// Which drawn tie a point is on: the nearest by distance to the shape each renderer draws
// (geometry.ts tieShape: the curve and its chevron), within a tolerance, whichever is drawn on top.
// In layout coordinates, so the caller divides the tolerance by the zoom.
//
// Distance to the curve, not to points sampled on it (issue 73): a fixed number of samples left
// gaps wider than the tolerance on a long tie (a click on it hit nothing) and let a tie drawn
// nearby win a click on the tie under the pointer.
import { tieShape, tieWidth, type Point, type TieShape } from './geometry';

interface HitLink {
  source: Point & { radius: number };
  target: Point & { radius: number };
  strength: number;
}

/** Share of the tolerance the straight pieces may stray from the curve. */
const FLATNESS = 0.05;

/** The link nearest to (x, y) within `tolerance`, or undefined. */
export function tieAt<L extends HitLink>(links: readonly L[], x: number, y: number, tolerance: number): L | undefined {
  let best: L | undefined;
  let bestDistance = tolerance;
  const p = { x, y };
  for (const l of links) {
    const shape = tieShape(l.source, l.target, l.source.radius, l.target.radius, tieWidth(l.strength));
    if (!shape) continue;
    const d = distanceToTie(shape, p, tolerance);
    if (d < bestDistance) {
      bestDistance = d;
      best = l;
    }
  }
  return best;
}

/** Distance from `p` to the drawn tie: its curve, flattened finely enough for `tolerance`, and its chevron. */
export function distanceToTie(shape: TieShape, p: Point, tolerance: number): number {
  const { start: a, control: c, end: b } = shape;
  // A quadratic's chords of 1/n of it stray at most |a − 2c + b| / (4n²) from it.
  const bend = Math.hypot(a.x - 2 * c.x + b.x, a.y - 2 * c.y + b.y);
  const n = Math.min(512, Math.max(4, Math.ceil(Math.sqrt(bend / (4 * FLATNESS * Math.max(tolerance, 1e-9))))));
  let best = Math.min(segmentDistance(p, shape.wingA, shape.tip), segmentDistance(p, shape.tip, shape.wingB));
  let prev = a;
  for (let i = 1; i <= n; i++) {
    const t = i / n,
      u = 1 - t;
    const next = { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
    best = Math.min(best, segmentDistance(p, prev, next));
    prev = next;
  }
  return best;
}

/** Distance from `p` to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
