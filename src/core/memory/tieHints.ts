// Inlay hints after relationship references: the tie strength between the persona holding the
// relationship and the one it names, both ways, at the round the source shows. What the
// researcher wrote as the initial `tie:` sits next to what the society made of it.
import type { Position } from '../format';
import type { WorldState } from '../replay/replay';
import type { PersonaPlace } from './personaPlaces';
import { nameOf } from './memoryHover';

export interface TieHint {
  position: Position;
  label: string;
  tooltip: string;
}

export function tieHints(state: WorldState, places: readonly PersonaPlace[]): TieHint[] {
  const threshold = state.settings.ties.threshold;
  const out: TieHint[] = [];
  for (const p of places) {
    if (!p.owner || !state.agents.has(p.owner) || !state.agents.has(p.id)) continue;
    const there = state.ties.get(p.owner, p.id);
    const back = state.ties.get(p.id, p.owner);
    const holds = (s: number) => (s >= threshold ? 'a tie' : `below the threshold ${threshold}`);
    // People by name: the ids are on the line the hint sits on.
    const owner = nameOf(state, p.owner),
      other = nameOf(state, p.id);
    out.push({
      position: p.range.end,
      label: `→ ${there.toFixed(2)} · ← ${back.toFixed(2)}`,
      tooltip: `Tie strength at round ${state.round}: ${owner} → ${other} ${there.toFixed(3)} (${holds(there)}); ${other} → ${owner} ${back.toFixed(3)} (${holds(back)})`,
    });
  }
  return out;
}
