// `society metrics`: the network metrics of a tie network (a graph JSON file or a run's trace),
// under the key names of the NetworkX reference fixtures.
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption, onePositional, usableAttribute } from '../options';
import {
  formatMetricValue,
  computeNetworkMetrics,
  DEFAULT_ATTRIBUTE,
  type NetworkMetrics,
  loadTieNetwork,
} from '../../core/analysis';
import { seededRandom } from '../../core/random/seededRandom';
import { MIN_SEED } from '../../core/random/rng';
import { maxOf } from '../../core/stats/extremes';

const USAGE = 'metrics <graph.json|trace.jsonl> [--json] [--attribute NAME] [--round N] [--seed N]';

/** The metrics as an aligned two-column table. */
export function formatMetricsTable(metrics: NetworkMetrics): string {
  const entries = Object.entries(metrics);
  const width = maxOf(entries.map(([key]) => key.length));
  return entries.map(([key, value]) => `${key.padEnd(width)}  ${formatMetricValue(key, value)}`).join('\n');
}

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  [
    '<graph.json|trace.jsonl>',
    'a tie network as graph JSON: {"nodes": [{"id", attributes…}], "edges": [{"source", "target", "weight"?}]} (NetworkX node_link_data with edges="edges"), or a run\'s trace',
  ],
  ['--json', 'print JSON (the same keys as the NetworkX fixtures\' "expected")'],
  ['--attribute NAME', `node attribute for homophily (default ${DEFAULT_ATTRIBUTE})`],
  ['--round N', 'for a trace: the ties at the end of round N (default: its last round)'],
  ['--seed N', 'seed of the Louvain community search (default 0)', { default: '0' }],
] as const satisfies readonly OptionRow[];

export const metricsCommand = command({
  name: 'metrics',
  usage: USAGE,
  summary: "Network metrics of a tie network (graph JSON, or a trace's final ties)",
  options: OPTIONS,
  async run(parsed): Promise<number> {
    if (!usableAttribute(parsed.values.attribute, 'metrics')) return 2;
    const { values, positionals } = parsed;
    const graphFile = onePositional('metrics', USAGE, positionals, 'graph or trace file');
    if (graphFile === undefined) return 2;
    const seed = integerOption('seed', values.seed, MIN_SEED)!;
    const round = integerOption('round', values.round, 0);
    const network = await loadTieNetwork(graphFile, { round });
    if (network.note) console.error(`society metrics: note: ${network.note}`);
    const attribute = values.attribute ?? DEFAULT_ATTRIBUTE;
    if (
      values.attribute !== undefined &&
      !network.graph.someNode((_n, attrs) => attrs[attribute] !== undefined && attrs[attribute] !== null)
    ) {
      console.error(
        `society metrics: note: no agent has the attribute '${attribute}': ${attribute}_assortativity and ${attribute}_modularity are n/a`,
      );
    }
    const metrics = computeNetworkMetrics(network.graph, { attribute, rng: seededRandom(seed) });
    if (values.json) {
      console.log(JSON.stringify(metrics, null, 2));
    } else {
      console.log(`${network.description}\n`);
      console.log(formatMetricsTable(metrics));
    }
    return 0;
  },
});
