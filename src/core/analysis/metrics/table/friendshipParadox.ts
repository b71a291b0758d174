// "Your friends have more friends than you", on the undirected projection.
import { ANY_REAL, SHARE, type Metric } from './metric';

export const FRIENDSHIP_PARADOX = [
  {
    name: 'friendship_paradox_mean_gap',
    label: 'Friendship paradox gap',
    description: "Mean of (contacts' mean degree − own degree) over connected agents.",
    kind: 'real',
    bounds: ANY_REAL,
    needs: ['ties'],
    network: (n) => n.paradox.friendship_paradox_mean_gap,
    baseline: false,
  },
  {
    name: 'friendship_paradox_fraction',
    label: 'Friendship paradox share',
    description: 'Share of connected agents whose contacts have more contacts than they do.',
    kind: 'real',
    bounds: SHARE,
    needs: ['ties'],
    network: (n) => n.paradox.friendship_paradox_fraction,
    baseline: false,
  },
] as const satisfies readonly Metric[];
