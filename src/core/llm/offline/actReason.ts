// The reason an offline agent gives for its action. The consequence it names is worded by the
// engine from the change as applied (engine/phases/act/consequenceSaid.ts), never from the
// amount it weighed: the state may have moved, or a bound cut it, by the time its turn came, and a
// reason that states another number than the change made is wrong (issue 85).
import type { ActOption, ActRequest, ActResponse } from '../types';
import { platformReason } from './platform';
import { moveReason } from './move';
import { agreedAmount, agreedChoice } from './agreed';
import { normClause, normWeight } from './norm';

/** What its group agreed in talk, when the amount was held to it (continuum.ts agreedAmount). */
function agreedReason(req: ActRequest, action: string, arg: string | undefined): string {
  const amount = arg !== undefined ? agreedAmount(req, action, arg) : undefined;
  if (amount) return `; my group agreed on ${Math.round(amount.amount * 100) / 100} each when we talked`;
  const choice = arg === undefined ? agreedChoice(req) : undefined;
  if (!choice) return '';
  return choice.action === action
    ? '; my group agreed on it when we talked'
    : `; though my group agreed to ${choice.action}`;
}

/** Whose division the norm the agent holds judged in this option, by taking from them (norm.ts), with that division's numbers. */
function normReason(req: ActRequest, o: ActOption): string {
  let out = '';
  for (const other of req.others) {
    if (!normWeight(req, other)) continue;
    if (Object.entries(o.changes).some(([k, x]) => x < 0 && k.startsWith(`${other.id}.`))) out += normClause(other);
  }
  return out;
}

/**
 * The reason: the largest consequence the agent weighed (`about`, a key of its changes, which the
 * engine words from the change made) or the social one, then what its group agreed.
 */
export function reasonFor(
  req: ActRequest,
  o: ActOption,
  numberArg: string | undefined,
): Pick<ActResponse, 'reason' | 'about'> {
  const agreed = agreedReason(req, o.action, numberArg) + normReason(req, o);
  const entries = Object.entries(o.changes).filter(([, x]) => x !== 0);
  const social = platformReason(req, o) ?? moveReason(o);
  if (social && !entries.length) return { reason: social + agreed };
  if (!entries.length) return { reason: `${o.action} changes nothing I care about, and that suits me now${agreed}` };
  const [target] = entries.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
  return { reason: agreed, about: target };
}
