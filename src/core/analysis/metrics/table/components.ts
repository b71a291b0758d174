// Separate groups: connected components of the undirected projection, weak and strong ones of the
// directed network.
import { COUNT, type Metric } from './metric';

const component = (
  name: 'connected_components' | 'largest_component' | 'weakly_connected_components' | 'strongly_connected_components',
  label: string,
  description: string,
): Metric => ({
  name,
  label,
  description,
  kind: 'count',
  bounds: COUNT,
  needs: ['ties'],
  network: (n) => n.components[name],
  baseline: false,
});

export const COMPONENTS: readonly Metric[] = [
  component('connected_components', 'Components', 'Separate groups in the undirected network.'),
  component('largest_component', 'Largest component', 'Agents in the largest connected group.'),
  component('weakly_connected_components', 'Weak components', 'Components ignoring tie direction.'),
  component(
    'strongly_connected_components',
    'Strong components',
    'Components where every agent reaches every other along tie directions.',
  ),
];
