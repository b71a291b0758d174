// What an action divided, and how far short of an equal split it fell (docs/model.md, "Norms that
// observers enforce"; issue 85). The world declares a division with the action itself: one number
// argument whose declared range (`min`..`max` as numbers) is what may be handed over, and effects
// under which more of it lowers the actor's own valued quantity and raises the same quantity of
// other agents (`me.tokens - args.amount`, `to.tokens + args.amount`). Among whom: the actor and
// those others. The equal split hands each of them the same share of the range, so the actor keeps
// 1/(k + 1) of it with k recipients; the breach is how far the amount fell below that, 0 at the
// equal split or above, 1 at nothing (Fehr & Fischbacher 2004: third parties sanction a dictator
// the more the further its transfer falls below half). No game is named: a bound written as an
// expression or an action of two amounts declares no division. A common effort is declared alike:
// one number argument whose most lowers the actor's valued quantity and raises a world quantity (a
// pot) and no other agent's; its fair share is what the others who took the same action in that
// round (of the actor's match group, with one) put in on average (effortSeen).
import type { ActionArg } from '../../format';

export interface Division {
  /** The amount handed over, in the argument's units. */
  amount: number;
  /** What an equal split would have handed over. */
  fair: number;
  /** How far short of the equal split, 0..1. */
  breach: number;
  /** Who it was divided among: the actor, then the recipients. */
  parties: string[];
}

/** A contribution to a common effort: its action, amount and the least it could have been, in its round. */
export interface Effort {
  action: string;
  amount: number;
  min: number;
  round: number;
}

/** The one number argument with a declared numeric range, if the action has exactly one. */
function dividedArg(args: readonly ActionArg[]): ActionArg | undefined {
  const numbers = args.filter((a) => a.type === 'number');
  if (numbers.length !== 1) return undefined;
  const [a] = numbers;
  return a.min !== undefined && a.max !== undefined && a.max > a.min ? a : undefined;
}

/**
 * The division an action of `actor` makes with `args`, or undefined when it divides nothing.
 * `changesAt(args)` gives its changes (`<owner>.<q>` or `me.<q>`, valued quantities only) at other
 * arguments: at the most of its range, where the direction of what is handed over shows.
 */
export function divisionOf(
  actor: string,
  specArgs: readonly ActionArg[],
  args: Readonly<Record<string, number | string>>,
  changesAt: (args: Record<string, number | string>) => Readonly<Record<string, number>> | undefined,
): Division | undefined {
  const arg = dividedArg(specArgs);
  const amount = arg ? args[arg.name] : undefined;
  if (!arg || typeof amount !== 'number') return undefined;
  const most = changesAt({ ...args, [arg.name]: arg.max! });
  if (!most) return undefined;
  const own = (key: string): string | undefined =>
    key.startsWith('me.') ? key.slice(3) : key.startsWith(`${actor}.`) ? key.slice(actor.length + 1) : undefined;
  const lost = new Set<string>();
  for (const [key, x] of Object.entries(most)) {
    const q = own(key);
    if (q !== undefined && x < 0) lost.add(q);
  }
  const recipients: string[] = [];
  for (const [key, x] of Object.entries(most)) {
    const dot = key.indexOf('.');
    const owner = key.slice(0, dot);
    if (x <= 0 || owner === 'me' || owner === 'world' || owner === actor || !lost.has(key.slice(dot + 1))) continue;
    if (!recipients.includes(owner)) recipients.push(owner);
  }
  if (!recipients.length) return undefined;
  const span = arg.max! - arg.min!;
  const fair = arg.min! + (span * recipients.length) / (recipients.length + 1);
  const breach = Math.min(1, Math.max(0, (fair - amount) / (fair - arg.min!)));
  return { amount, fair, breach, parties: [actor, ...recipients] };
}

/**
 * The contribution to a common effort an action of `actor` makes with `args`, or undefined: one
 * number argument with a declared numeric range whose most lowers the actor's own valued quantity
 * and raises a world quantity, raising no other agent's (that would be a division). `changesAt`
 * gives its changes to valued quantities (`me.q`, `<id>.q`, `world.q`).
 */
export function effortOf(
  actor: string,
  action: string,
  specArgs: readonly ActionArg[],
  args: Readonly<Record<string, number | string>>,
  round: number,
  changesAt: (args: Record<string, number | string>) => Readonly<Record<string, number>> | undefined,
): Effort | undefined {
  const arg = dividedArg(specArgs);
  const amount = arg ? args[arg.name] : undefined;
  if (!arg || typeof amount !== 'number') return undefined;
  const most = changesAt({ ...args, [arg.name]: arg.max! });
  if (!most) return undefined;
  let lost = false,
    pooled = false;
  for (const [key, x] of Object.entries(most)) {
    const owner = key.slice(0, key.indexOf('.'));
    if (owner === 'world') pooled ||= x > 0;
    else if (owner === 'me' || owner === actor) lost ||= x < 0;
    else if (x > 0) return undefined;
  }
  return lost && pooled ? { action, amount, min: arg.min!, round } : undefined;
}
