// The file name an experiment condition's traces are written under (`<stem>-seed<n>.jsonl`): its
// name's slug. Slugs fold case, accents and punctuation, so two names can share one (`record +1`,
// `record -1` → `record-1`); `check` names such pairs and the experiment runner refuses them, one
// rule for both, so no run ever overwrites another's trace.
import { slug } from '../model/slug';

/** The stem of a condition's trace files. */
export function conditionFileStem(name: string): string {
  return slug(name, 'condition');
}

/** Each later condition whose stem an earlier one already has (the same name too): [earlier, later, stem]. */
export function stemClashes(names: readonly string[]): [number, number, string][] {
  const first = new Map<string, number>();
  const out: [number, number, string][] = [];
  names.forEach((name, i) => {
    const stem = conditionFileStem(name);
    const earlier = first.get(stem);
    if (earlier === undefined) first.set(stem, i);
    else out.push([earlier, i, stem]);
  });
  return out;
}
