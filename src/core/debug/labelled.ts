// A categorical quantity's value as Variables shows it: the number expressions read, and the label
// it means (`place = 2 (park)`). Not expandable: one line says it all.
import type { Quantity } from '../format';
import { nameRecord } from '../text/nameRecord';

export class Labelled {
  constructor(
    readonly value: number,
    readonly label: string,
  ) {}

  get text(): string {
    return `${this.value} (${this.label})`;
  }
}

/** Declared values for Variables: those of categorical quantities with their label, the rest as they are. */
export function labelledValues(
  values: Readonly<Record<string, number>>,
  quantities: ReadonlyMap<string, Quantity>,
): Record<string, number | Labelled> {
  const out: Record<string, number | Labelled> = nameRecord();
  for (const [name, v] of Object.entries(values)) {
    const label = quantities.get(name)?.labels?.[v];
    out[name] = label !== undefined && Number.isInteger(v) ? new Labelled(v, label) : v;
  }
  return out;
}
