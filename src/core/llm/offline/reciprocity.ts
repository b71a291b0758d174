// Direct reciprocity, the shadow of the future: what an agent expects back, while rounds remain,
// from those its choice gives to (docs/model.md, "The shadow of the future").
import type { ActOption, ActRequest } from '../types';

/**
 * Direct reciprocity, the shadow of the future: while rounds remain, the share of what an agent
 * gives another that it expects back, times (1 + that other's latest conduct, −1..1): people
 * cooperate in a repeated game for what cooperation brings back and stop when no round is left
 * (the end-game fall: Selten & Stoecker 1986; Dal Bó & Fréchette 2018). A partner returns
 * about half the gift when they are conditional cooperators, as about half of people are
 * (Fischbacher, Gächter & Fehr 2001).
 */
export const RECIPROCATION = 1 / 2;

/**
 * How much of reciprocity's worth the rounds left hold: 1 − CONTINUATION^L for L turns left. A
 * gift is returned in the rounds that follow; with many left cooperation is worth nearly all it
 * can be, with one left little, with none nothing. So a longer known horizon raises cooperation
 * from the first round and it falls as the end nears (Selten & Stoecker 1986; Embrey, Fréchette &
 * Yuksel 2018; Dal Bó & Fréchette 2018: cooperation rises with the length of the game).
 */
export const CONTINUATION = 0.7;

export function shadowOfFuture(laterTurns: number | undefined): number {
  return laterTurns ? 1 - CONTINUATION ** laterTurns : 0;
}

/**
 * What the agent expects back from those its option gives to directly, in own units: RECIPROCATION
 * × (1 + their latest conduct) × what they gain (in the unit of the quantity's name), while rounds remain.
 */
export function expectedBack(req: ActRequest, option: ActOption, unitOf: (target: string) => number): number {
  if (!req.later_turns) return 0;
  const gains = new Map<string, number>();
  const add = (target: string, change: number) => {
    const dot = target.indexOf('.');
    const owner = target.slice(0, dot);
    if (owner === 'me' || owner === 'world') return;
    gains.set(owner, (gains.get(owner) ?? 0) + change / unitOf(target));
  };
  // What it gives another directly, and what its choice brings one other at the close (a payoff
  // table's partner): a gift with one recipient is answered in kind. A return spread over many (a
  // public good's) is nobody's gift: reciprocity needs someone to reciprocate (Nowak & Sigmund 2005).
  // Where the partner answers later in the round, its answer is reckoned itself (lookahead.ts).
  for (const [target, change] of Object.entries(option.changes)) add(target, change);
  const recipient = option.responses?.length ? undefined : soleRecipient(option.foreseen);
  if (recipient) {
    for (const [target, change] of Object.entries(option.foreseen!)) {
      if (target.startsWith(`${recipient}.`)) add(target, change);
    }
  }
  if (!gains.size) return 0;
  let back = 0;
  for (const o of req.others) {
    const g = gains.get(o.id);
    if (g && g > 0) back += RECIPROCATION * (1 + (o.conduct ?? 0)) * g;
  }
  return shadowOfFuture(req.later_turns) * back;
}

/** The one other agent an option's foreseen changes reach, if exactly one. */
function soleRecipient(foreseen: Record<string, number> | undefined): string | undefined {
  let who: string | undefined;
  for (const [target, change] of Object.entries(foreseen ?? {})) {
    const owner = target.slice(0, target.indexOf('.'));
    if (owner === 'me' || owner === 'world' || !change) continue;
    if (who !== undefined && who !== owner) return undefined;
    who = owner;
  }
  return who;
}
