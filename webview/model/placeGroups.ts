// Where people are, in the society view (issue 44 point 7): with places in the trace, each node
// knows its place at the round shown, the layout pulls it toward its place's anchor (anchors on a
// circle, one per place in the scenario's order), and each place with someone there gets a
// caption above its cluster: its label and how many are there. Pure, so it is tested in Node.
import type { WorldState } from '../../src/core/replay/replay';

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

/** A caption per place with someone there: its text, centred above the highest of its circles. */
export function placeCaptions(
  nodes: readonly { x: number; y: number; radius: number; place?: string }[],
  shown: PlacesShown,
): { id: string; text: string; x: number; y: number }[] {
  const out: { id: string; text: string; x: number; y: number }[] = [];
  for (const p of shown.places) {
    const here = nodes.filter((n) => n.place === p.id && Number.isFinite(n.x));
    if (!here.length) continue;
    const x = here.reduce((s, n) => s + n.x, 0) / here.length;
    const top = Math.min(...here.map((n) => n.y - n.radius));
    out.push({ id: p.id, text: `${p.label} · ${here.length}`, x, y: top - 12 });
  }
  return out;
}
