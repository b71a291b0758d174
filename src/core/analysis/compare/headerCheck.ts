// Whether two traces can be compared, and what differs in how they were run: the same scenario by
// name is required (two societies' numbers side by side say nothing); a different hash (a branch
// with an edit, a changed file), seed, length, settings or models is said, not refused.
import type { TraceHeader } from '../../trace/events';
import { flattenSet } from '../../format';
import { printable } from '../../text/printable';
import { provenanceDifferences } from '../../trace/provenance';
import { pushAll } from '../../text/pushAll';

export interface HeaderDifferences {
  scenario: string;
  /** What differs, a sentence each (empty: the runs were set up alike). */
  notes: string[];
  /** Settings paths whose values differ (`coaching.enabled`, `ties.threshold`). */
  settings: string[];
}

/** Thrown when the two traces are of different scenarios. */
export class NotComparable extends Error {}

function flatDiff(a: object, b: object): string[] {
  const of = (o: object) => new Map(flattenSet(o as Record<string, unknown>).map(([p, v]) => [p, JSON.stringify(v)]));
  const x = of(a),
    y = of(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((p) => x.get(p) !== y.get(p)).sort();
}

/**
 * `designed`: the runs are two conditions of one experiment, whose scenario, settings and models
 * differ by design (a condition is a changed scenario): those go unsaid here, the settings listed
 * in `settings` for the caller to say once as what the conditions set (issue 73: Compare Conditions
 * warned "the scenario differs" for every experiment).
 */
export function checkHeaders(a: TraceHeader, b: TraceHeader, o: { designed?: boolean } = {}): HeaderDifferences {
  if (a.scenario.name !== b.scenario.name) {
    throw new NotComparable(
      `the traces are of different scenarios ('${printable(a.scenario.name)}' and '${printable(b.scenario.name)}'); compare runs of one scenario`,
    );
  }
  const notes: string[] = [];
  if (a.scenario.hash !== b.scenario.hash && !o.designed) {
    notes.push('the scenario differs between the runs (another hash: an edited branch, a changed file or a condition)');
  }
  if (a.seed !== b.seed) notes.push(`the seeds differ (${a.seed} and ${b.seed})`);
  if (a.rounds !== b.rounds) notes.push(`the runs were set for different lengths (${a.rounds} and ${b.rounds} rounds)`);
  // The length is said above.
  const settings = flatDiff(a.settings, b.settings).filter((p) => p !== 'world.rounds');
  if (settings.length && !o.designed) notes.push(`settings differ: ${settings.join(', ')}`);
  // What made each run (issue 58: 6): product and Node versions, each model's identity.
  pushAll(
    notes,
    provenanceDifferences([
      { label: 'A', header: a },
      { label: 'B', header: b },
    ]),
  );
  const identity = /^[^.]+\.(provider|model|base_url)$/; // said above with their values
  const models = flatDiff(a.models, b.models).filter((p) => !identity.test(p));
  if (models.length && !o.designed) notes.push(`models differ: ${models.join(', ')}`);
  return { scenario: a.scenario.name, notes, settings };
}
