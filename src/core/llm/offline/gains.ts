// What an option gives the others and the agent itself, and which end of an amount's range serves
// the others: read by the amounts' reference (continuum.ts) and by an agreement's keeping (agreed.ts).
import type { ActOption } from '../types';

/** Σ of an option's changes (and what it brings back) to the world and the other agents, and to the agent itself. */
export function gains(o: ActOption): { others: number; own: number; ownAtOnce: number } {
  let others = 0,
    ownAtOnce = 0;
  for (const [k, x] of Object.entries(o.changes)) {
    if (k.startsWith('me.')) ownAtOnce += x;
    else others += x;
  }
  let own = ownAtOnce;
  for (const [k, x] of Object.entries(o.foreseen ?? {})) {
    if (k.startsWith('me.')) own += x;
    else others += x;
  }
  return { others, own, ownAtOnce };
}

/** The end of the range that serves the others, if either does (the top when giving more gives, the bottom when more takes). */
export function cooperativeEnd(samples: readonly { x: number; option: ActOption }[]): number | undefined {
  const lo = samples[0].x,
    hi = samples[samples.length - 1].x;
  const forOthers = gains(samples[samples.length - 1].option).others - gains(samples[0].option).others;
  return forOthers > 0 ? hi : forOthers < 0 ? lo : undefined;
}
