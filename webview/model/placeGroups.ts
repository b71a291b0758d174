// Where people are, in the society view (issue 44 point 7): with places in the trace, each node
// knows its place at the round shown, the layout pulls it toward its place's anchor (anchors on a
// circle, one per place in the scenario's order), and each place with someone there gets a
// caption above its cluster: its label and how many are there. Pure, so it is tested in Node.
import type { WorldState } from '../../src/core/replay/replay';
import { maxOf, minOf } from '../../src/core/stats/extremes';

/** The places shown at a round: each with its label and how many are there; the part of the day. */
export interface PlacesShown {
  /** The day and its part: "day 2, afternoon". */
  when: string;
  places: { id: string; label: string; count: number }[];
}

/** Places at the replayed round, or undefined for a trace without places. */
export function placesShown(state: WorldState): PlacesShown | undefined {
  const p = state.places;
  if (!p) return undefined;
  const counts = new Map<string, number>();
  for (const [id, place] of p.at) if (state.agents.get(id)?.active) counts.set(place, (counts.get(place) ?? 0) + 1);
  const declared = state.header.places ?? [...new Set(p.at.values())].map((id) => ({ id, label: id }));
  return {
    when: `day ${p.day}, ${p.part}`,
    places: declared.map((d) => ({ id: d.id, label: d.label, count: counts.get(d.id) ?? 0 })),
  };
}

/** Layout units between a place's anchor and the centre, for `n` places (0 for one). */
export function anchorRadius(n: number): number {
  return n <= 1 ? 0 : 60 + 40 * n;
}

/** Each place's anchor: on a circle around the centre, the first at the top, in the given order. */
export function placeAnchors(ids: readonly string[]): Map<string, [number, number]> {
  const r = anchorRadius(ids.length);
  return new Map(
    ids.map((id, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
      // `+ 0`: a centred anchor is 0, not -0.
      return [id, [Math.round(r * Math.cos(a) * 10) / 10 + 0, Math.round(r * Math.sin(a) * 10) / 10 + 0]];
    }),
  );
}

/** A caption's width per character of its text, in ems (bold UI text; generous, so none touch). */
export const CAPTION_CHAR_EM = 0.62;

export interface PlaceCaption {
  id: string;
  text: string;
  /** Centre of the text's baseline, in layout units. */
  x: number;
  y: number;
}

/**
 * A caption per place with someone there: its text, centred above the highest of its circles.
 * With `em` (the captions' font size in layout units) no two overlap (issue 61): the most
 * crowded place keeps its spot, and each other caption that would touch one placed already goes
 * above it (or, when that leaves its cluster far behind, below its cluster).
 */
export function placeCaptions(
  nodes: readonly { x: number; y: number; radius: number; place?: string }[],
  shown: PlacesShown,
  em?: number,
): PlaceCaption[] {
  const out: (PlaceCaption & { bottom: number; count: number })[] = [];
  for (const p of shown.places) {
    const here = nodes.filter((n) => n.place === p.id && Number.isFinite(n.x));
    if (!here.length) continue;
    const x = here.reduce((s, n) => s + n.x, 0) / here.length;
    const top = minOf(here.map((n) => n.y - n.radius));
    const bottom = maxOf(here.map((n) => n.y + n.radius));
    out.push({ id: p.id, text: `${p.label} · ${here.length}`, x, y: top - 12, bottom, count: here.length });
  }
  if (em !== undefined && em > 0) separate(out, em);
  return out.map(({ id, text, x, y }) => ({ id, text, x, y }));
}

/** Moves captions (most people first keeps its place) until no two boxes overlap. */
function separate(captions: (PlaceCaption & { bottom: number; count: number })[], em: number): void {
  const height = em * 1.25;
  const half = (c: PlaceCaption) => (c.text.length * CAPTION_CHAR_EM * em) / 2;
  // Touching is not overlapping: a caption just moved above another sits `height` from it, give or
  // take the last bit of a float (which must not count as a hit again).
  const hits = (a: PlaceCaption, b: PlaceCaption) =>
    Math.abs(a.x - b.x) < half(a) + half(b) && Math.abs(a.y - b.y) < height * (1 - 1e-9);
  const placed: PlaceCaption[] = [];
  const order = [...captions].sort((a, b) => b.count - a.count);
  for (const c of order) {
    const above = c.y;
    // Up past whatever it hits, until it hits nothing (each step clears one caption: ≤ n steps).
    for (let i = 0; i <= placed.length; i++) {
      const hit = placed.find((p) => hits(c, p));
      if (!hit) break;
      c.y = hit.y - height;
    }
    // Far above its cluster: try just under the cluster instead.
    if (above - c.y > 3 * height) {
      const under = { ...c, y: c.bottom + height };
      if (!placed.some((p) => hits(under, p))) c.y = under.y;
    }
    placed.push(c);
  }
}
