// Separate groups: connected components of the undirected projection, weak and strong ones of the
// directed network.
import type { ComponentSummary } from '../components';
import { COUNT, type Metric } from './metric';

// Generic in the name, so the table (and NetworkMetrics, read off it) knows each entry's key.
const component = <Name extends keyof ComponentSummary>(name: Name, label: string, description: string) =>
  ({
    name,
    label,
    description,
    kind: 'count',
    bounds: COUNT,
    needs: ['ties'],
    network: (n) => n.components[name],
    baseline: false,
  }) as const satisfies Metric;

export const COMPONENTS = [
  component('connected_components', 'Components', 'Separate groups in the undirected network.'),
  component('largest_component', 'Largest component', 'Agents in the largest connected group.'),
  component('weakly_connected_components', 'Weak components', 'Components ignoring tie direction.'),
  component(
    'strongly_connected_components',
    'Strong components',
    'Components where every agent reaches every other along tie directions.',
  ),
] as const satisfies readonly Metric[];
