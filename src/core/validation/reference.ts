// The human reference figures a validation library entry is scored against (docs/validation.md):
// each a value people gave in a published experiment, the band the literature supports (range,
// CI or SD), the sample, and where in the paper it is. Read from `<id>.reference.json` beside the
// entry's `.society` file; anything malformed is an error naming the file and the field.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A direction without a value: the source says which way the figure lies (the friend-making
 * paper's "coaching raises density", "reciprocity above a random graph") but gives no number.
 * `than` is another condition of the same metric, or a number (0 for an excess over a null model).
 */
export interface ReferenceDirection {
  sign: 'higher' | 'lower';
  than: string | number;
}

/**
 * Whose behaviour a figure is: people in a published experiment, or the simulated agents of a
 * published simulation (Park et al. 2023's town, Schneider et al. 2025's communities). Only
 * people's figures make the human share; the agents' are summed apart (report.ts).
 */
export type Subjects = 'people' | 'agents';
export const SUBJECTS: readonly Subjects[] = ['people', 'agents'];

export interface ReferenceFigure {
  id: string;
  /** What the figure is, in words. */
  label: string;
  /**
   * The experiment metric it is compared with (e.g. world.contributed.at.r10) and the condition.
   * `<metric>.excess.gnm` / `.excess.degree-preserving` is the metric's excess over that null model.
   */
  metric: string;
  condition: string;
  /** The published value and the band the literature supports; absent for a direction-only figure. */
  human?: number;
  band?: [number, number];
  /** Set instead of `human` and `band` when the source gives only a direction. */
  direction?: ReferenceDirection;
  /** The sample behind the figure, as the source gives it (subjects, groups, studies). */
  n: string;
  /** Paper, table or figure. */
  source: string;
  /** Another figure of the entry this one is compared with: people's sign of (this − that) is the direction. */
  vs?: string;
  /** The figure's own `subjects`, else its entry's, else people. */
  subjects: Subjects;
}

/** A human series over rounds, drawn beside the simulated one (approximate, read off a figure). */
export interface ReferenceSeries {
  metric: string;
  condition: string;
  source: string;
  points: { round: number; value: number }[];
}

/**
 * A variation of the entry's game it does not ship (group size, endowment, MPCR, rounds, pie
 * size) and the direction people show under it: an experiment claim (`metric` higher in condition
 * `higher` than in `than`) decided as any declared claim is, with the source of the direction.
 */
export interface VariedClaim {
  metric: string;
  higher: string;
  than: string;
  text: string;
  source: string;
}

/** The variations of an entry: conditions as an experiment's (`set` paths), and the claims on them. */
export interface Varied {
  conditions: { name: string; set: Record<string, unknown> }[];
  claims: VariedClaim[];
}

export interface LibraryEntry {
  id: string;
  title: string;
  /** The entry's scenario file, beside its reference file. */
  scenario: string;
  figures: ReferenceFigure[];
  series: ReferenceSeries[];
  varied?: Varied;
}

const REFERENCE = '.reference.json';

function fail(file: string, field: string, why: string): never {
  throw new Error(`${file}: ${field}: ${why}`);
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function text(file: string, o: Record<string, unknown>, key: string, at: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !v.trim()) fail(file, `${at}.${key}`, 'must be a non-empty string');
  return v;
}

function num(file: string, v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(file, at, 'must be a finite number');
  return v;
}

function directionOf(file: string, x: Record<string, unknown>, at: string): ReferenceDirection {
  if (x.human !== undefined || x.band !== undefined) {
    fail(file, at, 'a figure has human and band, or higher_than / lower_than, not both');
  }
  if (x.higher_than !== undefined && x.lower_than !== undefined) {
    fail(file, at, 'give one of higher_than and lower_than');
  }
  const key = x.higher_than !== undefined ? 'higher_than' : 'lower_than';
  const than = x[key];
  if (typeof than === 'number') {
    return { sign: key === 'higher_than' ? 'higher' : 'lower', than: num(file, than, `${at}.${key}`) };
  }
  if (typeof than !== 'string' || !than.trim()) fail(file, `${at}.${key}`, 'must be a condition name or a number');
  return { sign: key === 'higher_than' ? 'higher' : 'lower', than };
}

/** `subjects` where given (file level or a figure's): people or agents, else an error naming the field. */
function subjectsOf(file: string, v: unknown, at: string, fallback: Subjects): Subjects {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(SUBJECTS as readonly string[]).includes(v)) {
    fail(file, at, `must be ${SUBJECTS.map((s) => `"${s}"`).join(' or ')}, not ${JSON.stringify(v)}`);
  }
  return v as Subjects;
}

function figureOf(file: string, x: unknown, i: number, entrySubjects: Subjects): ReferenceFigure {
  const at = `figures[${i}]`;
  if (!isRecord(x)) fail(file, at, 'must be an object');
  const subjects = subjectsOf(file, x.subjects, `${at}.subjects`, entrySubjects);
  if (x.higher_than !== undefined || x.lower_than !== undefined) {
    if (x.vs !== undefined) fail(file, `${at}.vs`, 'a direction-only figure has no vs');
    return {
      id: text(file, x, 'id', at),
      label: text(file, x, 'label', at),
      metric: text(file, x, 'metric', at),
      condition: text(file, x, 'condition', at),
      direction: directionOf(file, x, at),
      n: text(file, x, 'n', at),
      source: text(file, x, 'source', at),
      subjects,
    };
  }
  const band = x.band;
  if (!Array.isArray(band) || band.length !== 2) fail(file, `${at}.band`, 'must be [low, high]');
  const lo = num(file, band[0], `${at}.band[0]`),
    hi = num(file, band[1], `${at}.band[1]`);
  if (lo > hi) fail(file, `${at}.band`, 'low must not exceed high');
  const human = num(file, x.human, `${at}.human`);
  if (human < lo || human > hi) fail(file, `${at}.human`, `${human} lies outside its band [${lo}, ${hi}]`);
  return {
    id: text(file, x, 'id', at),
    label: text(file, x, 'label', at),
    metric: text(file, x, 'metric', at),
    condition: text(file, x, 'condition', at),
    human,
    band: [lo, hi],
    n: text(file, x, 'n', at),
    source: text(file, x, 'source', at),
    ...(x.vs !== undefined ? { vs: text(file, x, 'vs', at) } : {}),
    subjects,
  };
}

function seriesOf(file: string, x: unknown, i: number): ReferenceSeries {
  const at = `series[${i}]`;
  if (!isRecord(x)) fail(file, at, 'must be an object');
  if (!Array.isArray(x.points)) fail(file, `${at}.points`, 'must be a list');
  return {
    metric: text(file, x, 'metric', at),
    condition: text(file, x, 'condition', at),
    source: text(file, x, 'source', at),
    points: x.points.map((p, k) => {
      if (!isRecord(p)) fail(file, `${at}.points[${k}]`, 'must be { round, value }');
      return {
        round: num(file, p.round, `${at}.points[${k}].round`),
        value: num(file, p.value, `${at}.points[${k}].value`),
      };
    }),
  };
}

function variedOf(file: string, x: unknown): Varied {
  if (!isRecord(x)) fail(file, 'varied', 'must be { conditions, claims }');
  if (!Array.isArray(x.conditions) || !x.conditions.length) fail(file, 'varied.conditions', 'must be a non-empty list');
  if (!Array.isArray(x.claims) || !x.claims.length) fail(file, 'varied.claims', 'must be a non-empty list');
  const names = new Set<string>();
  const conditions = x.conditions.map((c, i) => {
    const at = `varied.conditions[${i}]`;
    if (!isRecord(c)) fail(file, at, 'must be { name, set }');
    const name = text(file, c, 'name', at);
    if (names.has(name)) fail(file, at, `duplicate condition '${name}'`);
    names.add(name);
    if (!isRecord(c.set)) fail(file, `${at}.set`, 'must be an object of paths to values');
    return { name, set: c.set };
  });
  const claims = x.claims.map((c, i) => {
    const at = `varied.claims[${i}]`;
    if (!isRecord(c)) fail(file, at, 'must be an object');
    const claim: VariedClaim = {
      metric: text(file, c, 'metric', at),
      higher: text(file, c, 'higher', at),
      than: text(file, c, 'than', at),
      text: text(file, c, 'text', at),
      source: text(file, c, 'source', at),
    };
    for (const k of ['higher', 'than'] as const) {
      if (!names.has(claim[k])) fail(file, `${at}.${k}`, `no varied condition '${claim[k]}'`);
    }
    return claim;
  });
  return { conditions, claims };
}

/** Parses one reference file's text. */
export function parseReference(file: string, raw: string): LibraryEntry {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    fail(file, '(file)', `not JSON: ${(err as Error).message}`);
  }
  if (!isRecord(json)) fail(file, '(file)', 'must be an object');
  if (!Array.isArray(json.figures) || !json.figures.length) fail(file, 'figures', 'must be a non-empty list');
  const subjects = subjectsOf(file, json.subjects, 'subjects', 'people');
  const figures = json.figures.map((f, i) => figureOf(file, f, i, subjects));
  const ids = new Set<string>();
  for (const f of figures) {
    if (ids.has(f.id)) fail(file, 'figures', `duplicate id '${f.id}'`);
    ids.add(f.id);
  }
  for (const f of figures) {
    if (f.vs !== undefined && !ids.has(f.vs)) fail(file, `figure ${f.id}.vs`, `no figure '${f.vs}'`);
    const vs = f.vs === undefined ? undefined : figures.find((g) => g.id === f.vs);
    if (vs && vs.human === undefined) fail(file, `figure ${f.id}.vs`, `'${f.vs}' has no human value to compare with`);
    if (vs && vs.human === f.human) {
      fail(file, `figure ${f.id}.vs`, `'${f.vs}' has the same value (${f.human}): there is no direction to reproduce`);
    }
  }
  const scenario = text(file, json, 'scenario', '(file)');
  if (scenario.includes('/') || scenario.includes('\\') || !scenario.endsWith('.society')) {
    fail(file, 'scenario', 'must name a .society file beside the reference file');
  }
  return {
    id: text(file, json, 'id', '(file)'),
    title: text(file, json, 'title', '(file)'),
    scenario,
    figures,
    series: Array.isArray(json.series) ? json.series.map((s, i) => seriesOf(file, s, i)) : [],
    ...(json.varied !== undefined ? { varied: variedOf(file, json.varied) } : {}),
  };
}

/** Every entry of a library folder, in file name order. */
export function readLibrary(dir: string): LibraryEntry[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(REFERENCE))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return parseReference(file, fs.readFileSync(file, 'utf8'));
    });
}
