// A round's opening, after its `round_start`: a branch's edits, the timed events, where everyone
// is this part of the day, and who plays with whom — before any phase draws partners or reads
// `.place` or `partner`.
import type { WorldEdit } from '../../trace/edits';
import { applyEdits } from './edits';
import { fireEvents } from './timed-events';
import type { World } from './world';

export function openRound(w: World, r: number, edits: readonly WorldEdit[] | undefined, model?: string): void {
  if (edits) applyEdits(w, edits);
  fireEvents(w, w.scenario.events, model);
  if (w.places) w.emit(w.places.placeRound(r, [...w.agents.values()]));
  const matches = w.state?.matches;
  if (matches) {
    w.emit(
      matches.draw(
        r,
        [...w.agents.values()].map((a) => ({ id: a.id, group: a.persona.group })),
      ),
    );
  }
}
