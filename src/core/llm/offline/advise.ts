// The offline coach: find the driver with the largest weighted shortfall and turn it into one
// concrete, actionable piece of advice. It changes nothing itself; the agent must remember and act.
import { DRIVERS, DRIVER_LABELS, type Driver } from '../../format';
import type { AdviceAction } from '../../trace/events';
import type { AdviseRequest, AdviseResponse, WarmContact } from '../types';

/** d* = argmax_d w_d·(1 − raw_d) (first in paper order on ties). */
export function weakestDriver(req: AdviseRequest): Driver {
  let best: Driver = DRIVERS[0],
    gap = -Infinity;
  for (const d of DRIVERS) {
    const g = req.weights[d] * (1 - req.rewards.raw[d]);
    if (g > gap + 1e-12) {
      gap = g;
      best = d;
    }
  }
  return best;
}

export function adviseAction(d: Driver, req: AdviseRequest): AdviceAction {
  switch (d) {
    case 'social':
      return req.warm_contacts.length ? 'reciprocate' : 'explore';
    case 'information':
      return 'ask';
    case 'presentation':
      return 'share';
    case 'coordination':
      return 'plan';
    case 'support':
      return 'support';
  }
}

// Advice is remembered, and memory relevance counts its content words, so each wording of a count
// keeps the same content words (numbers, "no" and stopwords do not count): "You asked no questions"
// where it said "You asked 0 questions" changes what reads well, not what an agent recalls.
const count = (n: number, noun: string): string => (n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`);

/** How many of the agent's contributions got a response, in four content words: only (or none), contribution(s), got, response. */
function responses(acknowledged: number, shares: number): string {
  if (shares === 0) return 'You got no response, as there were only 0 contributions from you';
  if (shares === 1) {
    return acknowledged ? 'Your only contribution got a response' : 'Your only contribution got no response';
  }
  if (acknowledged === 0) return `None of your ${shares} contributions got a response`;
  if (acknowledged === shares) return `Only ${shares} contributions from you, and all got a response`;
  return `Only ${acknowledged} of your ${shares} contributions got a response`;
}

/** The concrete step for an action, worded from the agent's reward basis (only the one given is built). */
function tip(action: AdviceAction, req: AdviseRequest): string {
  const b = req.rewards.basis;
  switch (action) {
    case 'reciprocate':
      return `Go back to people who enjoyed talking with you (${req.warm_contacts.slice(0, 3).join(', ')}) and follow up on what they said.`;
    case 'explore':
      return 'Reach out to someone new who shares one of your interests.';
    case 'ask':
      return `You asked ${count(b.questions_asked, 'question')}; ask others about their interests and listen to the answers.`;
    case 'share':
      return `${responses(b.shares_acknowledged, b.shares)}; share what you care about and connect it to the other person.`;
    case 'plan':
      return `You agreed on ${count(b.plans_agreed, 'plan')}; propose doing something concrete around a shared interest.`;
    case 'support':
      return `You received support ${b.support_received} time${b.support_received === 1 ? '' : 's'}; respond warmly when others open up, and they will do the same.`;
  }
}

/** The warmest contact not seen lately, else the warmest. */
function buddyOf(warm: readonly WarmContact[] | undefined): WarmContact | undefined {
  if (!warm) return undefined;
  for (const c of warm) if (!c.recent) return c;
  return warm[0];
}

export function advise(req: AdviseRequest): AdviseResponse {
  const d = weakestDriver(req);
  const action = adviseAction(d, req);
  const now = req.rewards.raw[d],
    before = req.previous?.raw[d];
  const trend =
    before === undefined
      ? ''
      : now < before - 0.05
        ? ' and it went down'
        : now > before + 0.05
          ? ', though it is improving'
          : ' and it did not change';
  const label = `${DRIVER_LABELS[d]} ${now.toFixed(2)}`;
  // Point at the warmest contact not seen lately: keeping several good relationships going is how
  // ties grow (a tie decays when unused).
  const buddy = action === 'explore' ? undefined : buddyOf(req.warm);
  const withWhom = buddy
    ? ` ${buddy.name} enjoyed talking with you (${buddy.rating.toFixed(2)}); talk with them again.`
    : '';
  const res: AdviseResponse = {
    driver: d,
    action,
    text: `Coach: your weakest need is ${d} (${label})${trend}. ${tip(action, req)}${withWhom}`,
  };
  if (buddy) res.partner = buddy.id;
  return res;
}
