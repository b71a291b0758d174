// Concern for a gain spread over many: how much each other's foreseen gain weighs when a shared
// pot reaches the agent's whole group (issue 72). Apart from act.ts, which weighs every option.
import type { ActRequest } from '../types';
import { myGroup } from './myGroup';

/**
 * How many others a diffuse return is weighed for in full: concern for what a shared pot brings
 * the others saturates with their number. Up to DIFFUSE_OTHERS others foreseen to gain, each
 * gain counts in full; beyond, k others count as √(DIFFUSE_OTHERS·k), a concave function of the
 * group's size: contributions rise with the others' return less than in proportion to their number
 * (Goeree, Holt & Laury 2002; Isaac, Walker & Williams 1994: at MPCR 0.75 groups of 10 give about
 * what groups of 4 give, at MPCR 0.3 larger groups give more). Four, set once (docs/model.md):
 * pairs and the classic group of four weigh as before; at 3 groups of 10 no longer gave more than
 * groups of 4 at MPCR 0.3, at 6 groups of 40 gave 0.6 there. Only gains saturate: a harm done to
 * many (a shared pool overdrawn) is weighed in full, as hurting weighs more than helping (Offerman 2002).
 */
export const DIFFUSE_OTHERS = 4;

/**
 * The weight of each other's foreseen gain. Foresight works out the return for the first others
 * shown (at most TARGETS_OFFERED); when all of them gain, all of the agent's group gain (its match
 * group, else every other agent): k others foreseen stand for G, and count as G up to
 * DIFFUSE_OTHERS, √(DIFFUSE_OTHERS·G) beyond — divided among the k.
 */
export function diffuseShare(req: ActRequest, foreseen: Readonly<Record<string, number>> | undefined): number {
  if (!foreseen) return 1;
  const owners = new Set<string>();
  for (const [target, change] of Object.entries(foreseen)) {
    const owner = target.slice(0, target.indexOf('.'));
    if (owner !== 'me' && change > 0) owners.add(owner);
  }
  const k = owners.size;
  if (!k) return 1;
  const mates = myGroup(req);
  const all = mates !== req.others ? mates.length : Math.max(req.others.length, (req.n ?? 0) - 1);
  const gainers = k >= Math.min(TARGETS_SHOWN, all) ? Math.max(k, all) : k;
  const weighed = gainers > DIFFUSE_OTHERS ? Math.sqrt(DIFFUSE_OTHERS * gainers) : gainers;
  return weighed / k;
}

/** How many others foresight works the return out for, at most (engine/phases/act/targets.ts TARGETS_OFFERED). */
const TARGETS_SHOWN = 6;
