// Whether well-connected agents tie to each other.
import { degreeAssortativity } from '../assortativity';
import { CORRELATION, type Metric } from './metric';

export const DEGREE_ASSORTATIVITY = {
  name: 'degree_assortativity',
  label: 'Degree assortativity',
  description: 'Do well-connected agents tie to each other (+) or to the less connected (−)?',
  kind: 'real',
  bounds: CORRELATION,
  needs: ['ties'],
  network: (n) => degreeAssortativity(n.projection),
  baseline: false,
} as const satisfies Metric;
