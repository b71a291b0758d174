// A population group's census tables (`census:` in a population group), as written and as read.
// The workspace reads the CSV files when it loads the scenario (censusLoad.ts) and hangs the
// tables on the group (`data`), so sampling stays a pure function of the scenario and the seed.

/** A persona field a census attribute sets: `age`, `gender`, …, `traits.openness`, `state.income`. */
export type CensusField = string;

/** `census:` as written, with its shorthands spread out. */
export interface CensusSpec {
  /** Marginal tables: one long table (attribute, category, count|share) or one file per attribute. */
  marginals: string[];
  /** Optional seed: a microsample (one row per person) or a cross-tab with a count/weight column. */
  joint?: string;
  /** Attribute → the persona field it sets and, for numbers, what each category means. */
  attributes: Record<string, { field: CensusField; values?: Record<string, number | string | [number, number]> }>;
  /** The tables, read when the scenario was loaded; absent until then. */
  data?: CensusData;
}

/** What a category becomes on the persona: its text, a number, or a seeded uniform draw in a range. */
export type CategoryValue = { text: string } | { range: [number, number]; integer: boolean };

export interface CensusAttribute {
  name: string;
  categories: string[];
  /** Target of each category as written (counts or shares): only the shares count. */
  targets: number[];
  /** What the targets are: counts (any total), shares (of 1) or percents (of 100). */
  kind: 'count' | 'share' | 'percent';
  /** The field it sets; none: fitted and recorded in the provenance only. */
  field?: CensusField;
  /** Per category, what it sets (with `field`). */
  values?: CategoryValue[];
}

export interface CensusJointRow {
  /** Category index per joint attribute (the order of `CensusJoint.attributes`). */
  cats: number[];
  weight: number;
  /** 1-based line in the joint file. */
  line: number;
}

export interface CensusJoint {
  /** Indices into `CensusData.attributes` of the joint table's attribute columns. */
  attributes: number[];
  rows: CensusJointRow[];
}

export interface CensusData {
  /** The files as written in the scenario (relative to it). */
  files: { marginals: string[]; joint?: string };
  attributes: CensusAttribute[];
  joint?: CensusJoint;
}

/** Where a synthesised agent came from: recorded on the persona (and so in the trace). */
export interface PersonaProvenance {
  /** The table files, as written. */
  tables: string[];
  /** Its category of each census attribute. */
  cell: Record<string, string>;
  /** The fitted (IPF) weight of its cell: the expected number of agents like it. */
  weight: number;
  /** Lines of the joint table behind its cell (the first few), when there is one. */
  seed_rows?: number[];
}
