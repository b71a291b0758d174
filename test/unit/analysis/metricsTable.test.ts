// The METRICS table is whole: every entry says everything the lists and views read off it, and
// what it says agrees with what the analysis computes and what the language accepts.
import * as assert from 'node:assert/strict';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { graphFromTies } from '../../../src/core/analysis/metrics/graphFromTies';
import { NEEDS, type Metric, type MetricFamily } from '../../../src/core/analysis/metrics/table/metric';
import {
  BASELINE_METRICS,
  isFamily,
  METRICS,
  NAMED_METRICS,
  OUTCOMES,
  SERIES,
} from '../../../src/core/analysis/metrics/table/metrics';
import { NETWORK_SERIES } from '../../../src/core/format/model/timeOutcomeNames';

const named = (key: string): boolean => key.length > 0;

/** What an entry lacks or gets wrong, by field ('' when whole). */
function lacking(m: Metric | MetricFamily): string[] {
  const out: string[] = [];
  const words = (s: unknown) => typeof s === 'string' && s.trim().length > 0;
  if (!words(m.label)) out.push('label');
  if (!Array.isArray(m.needs) || m.needs.some((n) => !NEEDS.includes(n))) out.push('needs');
  if (isFamily(m)) {
    if (!m.names.length || !m.names.every(named)) out.push('names');
    for (const key of m.names.map((n) => n.replace('<attribute>', 'group'))) {
      if (!m.matches(key)) out.push(`matches(${key})`);
      if (!words(m.describe(key))) out.push(`describe(${key})`);
    }
    return out;
  }
  if (!/^[a-z][a-z0-9_]*$/.test(m.name ?? '')) out.push('name');
  if (!words(m.description) || !/[.?]$/.test(m.description)) out.push('description');
  if (!['count', 'real', 'distribution'].includes(m.kind)) out.push('kind');
  if (m.bounds === undefined || (m.kind !== 'distribution') !== Array.isArray(m.bounds)) out.push('bounds');
  if (typeof m.baseline !== 'boolean') out.push('baseline');
  if (!m.network && !m.outcome && !m.series) out.push('network, outcome or series: how it is computed');
  if (m.baseline && !m.outcome) out.push('baseline without outcome');
  return out;
}

describe('the METRICS table', () => {
  it('has every field of every entry', () => {
    const found = METRICS.flatMap((m) =>
      lacking(m).map((f) => `${isFamily(m) ? m.names[0] : (m as Metric).name}: ${f}`),
    );
    assert.deepEqual(found, []);
  });

  it('finds an entry that lacks a field', () => {
    const whole = NAMED_METRICS[0];
    assert.deepEqual(lacking(whole), []);
    assert.deepEqual(lacking({ ...whole, label: '' }), ['label']);
    assert.deepEqual(lacking({ ...whole, description: undefined as unknown as string }), ['description']);
    assert.deepEqual(lacking({ ...whole, bounds: undefined as unknown as null }), ['bounds']);
    assert.deepEqual(lacking({ ...whole, needs: ['friends' as never] }), ['needs']);
  });

  it('names each metric once', () => {
    const names = NAMED_METRICS.map((m) => m.name);
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
    );
  });

  it('gives outcomes and series each their own place', () => {
    assert.deepEqual(
      OUTCOMES.map((m) => m.outcome!.order),
      OUTCOMES.map((_, i) => i),
    );
    assert.deepEqual(
      SERIES.map((m) => m.series!.order),
      SERIES.map((_, i) => i),
    );
    assert.deepEqual(BASELINE_METRICS, ['reciprocity', 'average_clustering', 'group_assortativity']);
  });

  it('computes on a network exactly the metrics it lists there, in its order', () => {
    const graph = graphFromTies(
      [
        { id: 'a', attrs: { group: 'x' } },
        { id: 'b', attrs: { group: 'y' } },
      ],
      [{ from: 'a', to: 'b', strength: 1 }],
      0.5,
    );
    const keys = Object.keys(computeNetworkMetrics(graph));
    const listed = METRICS.flatMap((m) =>
      isFamily(m)
        ? ['group_assortativity', 'group_assortativity_kind', 'group_modularity', 'group_modularity_weighted']
        : m.network
          ? [m.name]
          : [],
    );
    assert.deepEqual(keys, listed);
  });

  it("has the series the language knows as network series (format's NETWORK_SERIES)", () => {
    assert.deepEqual([...NETWORK_SERIES].sort(), SERIES.map((m) => m.name).sort());
  });
});
