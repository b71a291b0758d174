// What made each run of an experiment (issue 58: 6): the build (product and Node versions) and each
// model's identity, from the run's header. One process runs them alike; merged shards or a rerun
// may not, and then the report says so (a verdict that flips between versions otherwise says
// nothing of why).
import type { TraceHeader } from '../trace/events';

export interface MadeBy {
  product: string;
  node: string;
  /** Each model as `key: provider model base_url`, by key, `; `-joined. */
  models: string;
}

export function madeBy(h: TraceHeader): MadeBy {
  const models = Object.keys(h.models)
    .sort()
    .map((k) => {
      const m = h.models[k];
      return `${k}: ${[m.provider, m.model ?? '(default model)', m.base_url ?? '(default URL)'].join(' ')}`;
    })
    .join('; ');
  return { product: h.provenance?.product ?? 'not recorded', node: h.provenance?.node ?? 'not recorded', models };
}

/** A sentence for each of product version, Node version and models in which the runs differ. */
export function madeByDifferences(runs: readonly { made_by?: MadeBy }[]): string[] {
  const out: string[] = [];
  const fields: [keyof MadeBy, string][] = [
    ['product', 'product version'],
    ['node', 'Node version'],
    ['models', 'models'],
  ];
  for (const [field, what] of fields) {
    const counts = new Map<string, number>();
    for (const r of runs) {
      if (!r.made_by) continue;
      counts.set(r.made_by[field], (counts.get(r.made_by[field]) ?? 0) + 1);
    }
    if (counts.size < 2) continue;
    const listed = [...counts].map(([v, n]) => `${v} (${n} run${n === 1 ? '' : 's'})`).join(', ');
    out.push(`The runs differ in ${what}: ${listed}.`);
  }
  return out;
}
