// Completion and hover of the metrics an experiment names (`experiment.metrics`, a claim's
// `metric`): the network's, the declared state's outcomes, and the outcomes over time of every
// series the run has as patterns to fill in (`knowledge.news.share.reaches.${0.5}`), so the
// names offered are those `society check` accepts (SOC078, SOC103–SOC105).
import type { Mechanics } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import { networkMetrics } from '../checks/claimCheck';
import { stateOutcomeNames } from '../model/stateOutcomeNames';
import { describeTimeOutcome, seriesNames } from '../model/timeOutcomeNames';
import type { CursorContext } from './cursor';
import type { CompletionItem, CompletionSources, Hover } from './types';
import type { Token } from './tokenAt';
import { orderedValue } from './orderedValue';

/** Whether a value at `path` of a scenario names a metric: a claim's `metric` or an item of `experiment.metrics`. */
export function isMetricPath(path: readonly PathSegment[]): boolean {
  if (path[0] !== 'experiment') return false;
  if (path.length === 3 && path[1] === 'metrics' && typeof path[2] === 'number') return true;
  return path.length === 4 && path[1] === 'claims' && typeof path[2] === 'number' && path[3] === 'metric';
}

const TIME_PATTERNS: readonly { suffix: string; snippet: string; words: string }[] = [
  { suffix: 'reaches.…', snippet: 'reaches.${1:0.5}', words: 'first round at or above a level (rounds + 1 if never)' },
  { suffix: 'falls.…', snippet: 'falls.${1:0.5}', words: 'first round at or below a level (rounds + 1 if never)' },
  { suffix: 'at.r…', snippet: 'at.r${1:5}', words: 'value after round k (r0: the start)' },
];

/** The completions at a metric's value (but those the list already holds), else undefined (other completions apply). */
export function metricCompletions(
  ctx: CursorContext,
  sources: CompletionSources,
  written: () => ReadonlySet<string>,
): CompletionItem[] | undefined {
  // An empty block item (`- `) reads as a key being typed; the list's items are names, never mappings.
  const item0 = ctx.role === 'key' && ctx.path[1] === 'metrics';
  if (ctx.kind !== 'scenario' || (ctx.role !== 'value' && !item0) || !isMetricPath(ctx.path)) return undefined;
  const m: Mechanics = sources.mechanics?.() ?? { world: [], agents: [], actions: [] };
  const entry = (label: string, i: number, extra: Partial<CompletionItem>): CompletionItem =>
    orderedValue(label, i, ctx.replace, extra);
  const plain = [...networkMetrics(), ...stateOutcomeNames(m, { module: false })].filter((n) => !written().has(n));
  const out = plain.map((name, i) => entry(name, i, { detail: 'metric' }));
  for (const series of seriesNames(m)) {
    for (const p of TIME_PATTERNS) {
      out.push(
        entry(`${series}.${p.suffix}`, out.length, {
          kind: 'snippet',
          detail: 'over time',
          documentation: `\`${series}.${p.snippet.replace(/\$\{\d:([^}]*)\}/, '$1')}\`: ${series}'s ${p.words}.`,
          insertText: `${series}.${p.snippet}`,
          snippet: true,
        }),
      );
    }
  }
  return out;
}

/** Hover on an outcome over time where a metric is named: what it measures, in words. */
export function metricHover(token: Token): Hover | undefined {
  if (token.role !== 'value' || token.doc.kind !== 'scenario' || typeof token.value !== 'string') return undefined;
  if (!isMetricPath(token.path)) return undefined;
  const words = describeTimeOutcome(token.value);
  return words ? { markdown: `**\`${token.value}\`** · outcome over time\n\n${words}`, range: token.range } : undefined;
}
