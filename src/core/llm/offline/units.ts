// The unit each consequence is weighed in: the largest change any option makes to it, so every
// quantity counts on −1..1 whatever its units (act.ts).
import type { ActOption } from '../types';

/**
 * The largest |change| any option makes to each target: the unit it is measured in; and per agent
 * quantity name, the largest change to anyone's (the unit of what foresight brings back).
 */
export function unitsOf(options: readonly ActOption[]): Map<string, number> {
  const units = new Map<string, number>();
  const widen = (key: string, change: number) => units.set(key, Math.max(units.get(key) ?? 0, Math.abs(change)));
  for (const o of options) {
    for (const [target, change] of Object.entries(o.changes)) {
      widen(target, change);
      if (!target.startsWith('world.')) widen(`*${target.slice(target.indexOf('.'))}`, change);
    }
  }
  for (const o of options) {
    // What a later partner's response brings is weighed as foresight is, in the largest it can be.
    const later = [o.foreseen ?? {}, ...(o.responses ?? []).map((r) => r.changes)];
    for (const changes of later) {
      for (const [target, change] of Object.entries(changes)) {
        const name = `*${target.slice(target.indexOf('.'))}`;
        if (!units.get(name)) widen(`~${name}`, change);
      }
    }
  }
  return units;
}

/** The unit a foreseen change to `target` is weighed in: its quantity's immediate unit, else the largest foreseen. */
export function foreseenUnit(units: Map<string, number>, target: string): number {
  const name = `*${target.slice(target.indexOf('.'))}`;
  return units.get(name) || units.get(`~${name}`) || 1;
}
