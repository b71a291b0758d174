// `--max-cost USD` of the commands that spend (else SOCIETY_COST_LIMIT, as `society mcp` and
// `validate` read it): refused at once when the estimate is above it, and metered as the calls
// are made (core/llm/spendLimit.ts).
import type { OptionRow } from './optionRows';
import { printable } from '../core/text/printable';

export const MAX_COST_ROW = [
  '--max-cost USD',
  "refuse to start when the estimate is above USD, and stop (checkpointed, resumable) at the end of the round in which the calls' reported tokens, at the model's price, cost more (default: $SOCIETY_COST_LIMIT, else no limit)",
] as const satisfies OptionRow;

/** The limit in dollars, undefined for none, or false after saying the text is not dollars (exit 2). */
export function maxCostOption(command: string, text: string | undefined): number | undefined | false {
  const t = text ?? process.env.SOCIETY_COST_LIMIT;
  if (t === undefined || t.trim() === '') return undefined;
  const x = Number(t);
  if (/^\s*\d+(\.\d+)?\s*$/.test(t) && Number.isFinite(x)) return x > 0 ? x : undefined;
  console.error(`society ${command}: --max-cost takes dollars (e.g. 2.5), not '${printable(t)}'`);
  return false;
}
