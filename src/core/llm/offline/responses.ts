// An option a partner answers in a later phase of the round (engine/phases/act/lookahead.ts): what
// the answers bring, at their expected value, is part of what the option is foreseen to bring.
import type { ActRequest } from '../types';

/**
 * The request with each option's later responses folded into its foreseen changes (their expected
 * value), so the comparison, the amounts' reference and cooperative end see them; unchanged without.
 */
export function anticipated(req: ActRequest): ActRequest {
  if (!req.options.some((o) => o.responses?.length)) return req;
  const options = req.options.map((o) => {
    if (!o.responses?.length) return o;
    const foreseen: Record<string, number> = { ...o.foreseen };
    for (const r of o.responses) {
      for (const [k, x] of Object.entries(r.changes)) foreseen[k] = (foreseen[k] ?? 0) + r.p * x;
    }
    return { ...o, foreseen };
  });
  return { ...req, options };
}
