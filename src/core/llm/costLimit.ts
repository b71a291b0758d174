// The cost limit: whether a run (or a whole experiment, or a validation) estimated before it starts
// may go ahead under a limit in USD, and if not, why, in words the editor's dialog and the CLI
// both show. No vscode here: the editor asks with a dialog, the CLI refuses (validate --max-cost).
import type { RunEstimate } from './estimate';
import { traitsOf } from '../format';

/** What a cost check is about, for its message: a run (the default), a debug run, an experiment. */
export interface CostSubject {
  /** Follows "This " / "this ": `run of friends`. */
  what: string;
  /** Follows "your limit of $X": ` per run`, or how the limit is applied to many runs. */
  per: string;
}

/**
 * Why a run needs the user's go-ahead under the cost limit, or undefined when it does not: its
 * estimated cost is above the limit, or an OpenAI-compatible model has no price to estimate
 * with. (VS Code language models are billed by their subscription, the offline model is free.)
 */
export function costLimitReason(
  estimate: RunEstimate,
  limitUsd: number | undefined,
  subject: CostSubject = { what: `run of ${estimate.scenario}`, per: ' per run' },
): string | undefined {
  if (limitUsd === undefined) return undefined;
  const usd = (x: number): string => `$${x.toFixed(2)}`;
  const tokens = estimate.total.input_tokens + estimate.total.output_tokens;
  const size = `${estimate.total.calls.toLocaleString('en-US')} model calls, about ${tokens.toLocaleString('en-US')} tokens`;
  if (estimate.total.cost_usd > limitUsd) {
    return `This ${subject.what} is estimated to cost ${usd(estimate.total.cost_usd)} (${size}), above your limit of ${usd(limitUsd)}${subject.per}.`;
  }
  const unpriced = estimate.models
    .filter((m) => traitsOf(m.provider).priced && !m.priced && m.calls > 0)
    .map((m) => m.name);
  if (unpriced.length) {
    const which = `${unpriced.length === 1 ? 'model' : 'models'} ${unpriced.map((n) => `'${n}'`).join(', ')} ${unpriced.length === 1 ? 'has' : 'have'}`;
    return `The cost of this ${subject.what} (${size}) cannot be checked against your limit of ${usd(limitUsd)}: ${which} no price (set price: in the model).`;
  }
  return undefined;
}
