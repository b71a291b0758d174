// Shapes shared by the SVG and canvas renderers and the SVG export: node radius from degree, tie
// width from strength, and a directed tie as a gentle curve ending in a chevron at the target's
// rim. The curve bends to the left of its direction, so A→B and B→A never overlap.

export interface Point {
  x: number;
  y: number;
}

/** Radius by total degree: area grows with the number of ties. */
export function nodeRadius(degree: number): number {
  return 4 + 2.2 * Math.sqrt(degree);
}

/** Stroke width by tie strength (0..1). */
export function tieWidth(strength: number): number {
  return 0.6 + 2.6 * Math.max(0, Math.min(1, strength));
}

const BEND = 0.14;
const ARROW = 6;

export interface TieShape {
  start: Point;
  control: Point;
  end: Point;
  /** Chevron: two wing points around the tip. */
  tip: Point;
  wingA: Point;
  wingB: Point;
}

/** Geometry of a tie from `s` (radius rs) to `t` (radius rt); undefined when the ends coincide. */
export function tieShape(s: Point, t: Point, rs: number, rt: number, width = 1): TieShape | undefined {
  const dx = t.x - s.x,
    dy = t.y - s.y;
  const d = Math.hypot(dx, dy);
  if (d < 1e-6) return undefined;
  const control = { x: (s.x + t.x) / 2 - dy * BEND, y: (s.y + t.y) / 2 + dx * BEND };
  const toward = (from: Point, to: Point, by: number): Point => {
    const ux = to.x - from.x,
      uy = to.y - from.y,
      ul = Math.hypot(ux, uy) || 1;
    return { x: from.x + (ux / ul) * by, y: from.y + (uy / ul) * by };
  };
  const start = toward(s, control, rs);
  const tip = toward(t, control, rt + 1);
  const size = ARROW + width;
  const ux = tip.x - control.x,
    uy = tip.y - control.y,
    ul = Math.hypot(ux, uy) || 1;
  const bx = tip.x - (ux / ul) * size,
    by = tip.y - (uy / ul) * size;
  const px = (-uy / ul) * size * 0.5,
    py = (ux / ul) * size * 0.5;
  const end = { x: tip.x - (ux / ul) * width * 0.5, y: tip.y - (uy / ul) * width * 0.5 };
  return { start, control, end, tip, wingA: { x: bx + px, y: by + py }, wingB: { x: bx - px, y: by - py } };
}

const f = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The tie and its chevron as one SVG path (stroked, not filled). */
export function tiePath(shape: TieShape): string {
  const { start, control, end, tip, wingA, wingB } = shape;
  return `M${f(start.x)},${f(start.y)}Q${f(control.x)},${f(control.y)} ${f(end.x)},${f(end.y)}M${f(wingA.x)},${f(wingA.y)}L${f(tip.x)},${f(tip.y)}L${f(wingB.x)},${f(wingB.y)}`;
}

/** The same path traced onto a canvas path (the caller strokes). */
export function traceTie(ctx: CanvasRenderingContext2D | Path2D, shape: TieShape): void {
  const { start, control, end, tip, wingA, wingB } = shape;
  ctx.moveTo(start.x, start.y);
  ctx.quadraticCurveTo(control.x, control.y, end.x, end.y);
  ctx.moveTo(wingA.x, wingA.y);
  ctx.lineTo(tip.x, tip.y);
  ctx.lineTo(wingB.x, wingB.y);
}
