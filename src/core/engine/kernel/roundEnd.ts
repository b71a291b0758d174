// The kernel's own end-of-round hooks (issue 59), in order at their moment: once the world's round
// has closed (the phases' `closeRound`), one generation makes way for the next; at the round's end
// (after its step point), unused ties decay. Instruments (instruments/table.ts) run beside them.
import { TIE_FLOOR } from '../society/ties';
import { nextGeneration } from './generations';
import type { World } from './world';

export interface RoundEndHook {
  readonly name: string;
  /** `closed`: after the world's round closes, before the round's end step point; `ended`: after it. */
  readonly at: 'closed' | 'ended';
  run(world: World, round: number): void;
}

export const ROUND_END: readonly RoundEndHook[] = [
  // The round's last word on the state is out; then one generation makes way for the next.
  { name: 'generations', at: 'closed', run: (w) => nextGeneration(w) },
  { name: 'tie decay', at: 'ended', run: decayTies },
];

/** Ties not renewed decay toward the floor; those that fall below the threshold dissolve. */
function decayTies(w: World, r: number): void {
  const cfg = w.settings.ties;
  const dissolved = w.ties.decay(r, cfg.decay, cfg.threshold, TIE_FLOOR);
  w.emit({ type: 'tie_decay', round: r, rate: cfg.decay, floor: TIE_FLOOR, dissolved });
}

/** Runs the hooks of moment `at` for round `r`. */
export function endOfRound(w: World, r: number, at: RoundEndHook['at']): void {
  for (const h of ROUND_END) if (h.at === at) h.run(w, r);
}
