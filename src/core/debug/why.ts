// The Debug Console's `why`: the chain of events that moved a tie (`why maya sam`, `why maya sam
// both` for the pair) or a declared quantity (`why maya.wealth`, `why world.fish`) up to where
// the run stands, from the events the session kept (core/analysis/explain, as `society explain`).
import type { TraceEvent } from '../trace/events';
import { EXPLAIN_USAGE, explainAsked, explanationText, type Explanation } from '../analysis';
import { ExpressionError } from './expression';

export const WHY_USAGE = `why needs what to explain: why ${EXPLAIN_USAGE.replace(' (a tie)', ' [both] (a tie)')}, e.g. why maya sam`;

export function why(args: string, events: readonly TraceEvent[]): { text: string; value: Explanation } {
  const words = args.split(/\s+/).filter(Boolean);
  const both = words.length === 3 && /^(--)?both$/.test(words[2]);
  if (both) words.pop();
  if (words.length < 1 || words.length > 2) throw new ExpressionError(WHY_USAGE);
  const asked = explainAsked({ events }, words, { both });
  if ('problem' in asked) throw new ExpressionError(asked.problem);
  return { text: explanationText(asked.explanation), value: asked.explanation };
}
