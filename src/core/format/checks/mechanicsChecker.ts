// What the checks of the mechanics read besides a Report: the round's phases, the groups agents can
// be in, how many agents there are; and a raw value of the scenario at a path.
import type { PathSegment } from '../syntax/parse';
import type { Report } from './mechanicsReport';
import type { PhaseEntry } from '../assemble/roundSource';
import { report } from './mechanicsReport';

export type Obj = Record<string, unknown>;

export interface Checker extends Report {
  phases?: PhaseEntry[];
  /** The groups agents can be in (population groups, personas' `group`), with their sizes. */
  groups?: Map<string, number>;
  /** How many agents the scenario brings (what `agents` in an expression ranges over), when known. */
  agentCount?: number;
}

/** The value written at a path of the raw scenario. */
export function raw(v: Obj, path: PathSegment[]): unknown {
  let x: unknown = v;
  for (const s of path) x = x && typeof x === 'object' ? (x as Record<string | number, unknown>)[s] : undefined;
  return x;
}

/** A diagnostic at `range` (mechanicsReport.ts, shared with the round's and feeds' checks). */
export const diag = report;
