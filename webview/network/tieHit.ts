// Which drawn tie a point is on: the curve each renderer draws (geometry.ts tieShape), sampled,
// within a tolerance. In layout coordinates, so the caller divides the tolerance by the zoom.
import { tieShape, tieWidth, type Point } from './geometry';

interface HitLink {
  source: Point & { radius: number };
  target: Point & { radius: number };
  strength: number;
}

const SAMPLES = 24;

/** The link nearest to (x, y) within `tolerance`, or undefined. */
export function tieAt<L extends HitLink>(links: readonly L[], x: number, y: number, tolerance: number): L | undefined {
  let best: L | undefined;
  let bestDistance = tolerance;
  for (const l of links) {
    const shape = tieShape(l.source, l.target, l.source.radius, l.target.radius, tieWidth(l.strength));
    if (!shape) continue;
    const { start: a, control: c, end: b } = shape;
    for (let i = 0; i <= SAMPLES; i++) {
      const t = i / SAMPLES,
        u = 1 - t;
      const px = u * u * a.x + 2 * u * t * c.x + t * t * b.x,
        py = u * u * a.y + 2 * u * t * c.y + t * t * b.y;
      const d = Math.hypot(px - x, py - y);
      if (d < bestDistance) {
        bestDistance = d;
        best = l;
      }
    }
  }
  return best;
}
