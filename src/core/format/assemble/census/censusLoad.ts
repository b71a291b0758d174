// Reads each census population group's tables (through the workspace's file system) into
// CensusData, with the diagnostics SOC125–SOC129 where the scenario names the file or attribute.
import type { Diagnostic, DiagnosticCode, Severity } from '../../model/diagnostics';
import type { Locator } from '../../syntax/locate';
import type { Scenario } from '../../model/model';
import type { PathSegment } from '../../syntax/parse';
import type { SocietyFileSystem } from '../../io/fileSystem';
import { didYouMean } from '../../model/suggest';
import { censusSpec } from './censusSpec';
import type { CensusData, CensusSpec } from '../../model/censusTypes';
import { readJoint, readMarginals, type Marginal, type TableProblem } from './tables';
import { censusFields, categoryValues, type Quantities } from './categoryValues';
import { checkCensusData } from './censusCheck';
import { readDataFile } from '../../io/dataFile';

type Obj = Record<string, unknown>;

export interface CensusLoad {
  diagnostics: Diagnostic[];
  /** Per population group index: its tables, when it has `census:` and they could be read. */
  data: Map<number, CensusData>;
}

/** Reads the census tables of every population group of a scenario value (only inside `root`: dataFile.ts). */
export async function loadCensus(
  value: unknown,
  at: Locator,
  fs: SocietyFileSystem,
  root: string,
): Promise<CensusLoad> {
  const out: CensusLoad = { diagnostics: [], data: new Map() };
  const v = value && typeof value === 'object' ? (value as Obj) : {};
  const groups = Array.isArray(v.population) ? v.population : [];
  for (let i = 0; i < groups.length; i++) {
    const spec = censusSpec((groups[i] as Obj | null)?.census);
    if (!spec) continue;
    const raw = (groups[i] as Obj).census as Obj;
    const where = { at, fs, root };
    const data = await loadGroup(spec, raw, ['population', i, 'census'], where, quantitiesOf(v), out.diagnostics);
    if (data) out.data.set(i, data);
  }
  return out;
}

/** The scenario with each census group's tables hung on it (build.ts leaves `data` out). */
export function attachCensus(scenario: Scenario, data: ReadonlyMap<number, CensusData>): Scenario {
  for (const [i, d] of data) {
    const census = scenario.population[i]?.census;
    if (census) census.data = d;
  }
  return scenario;
}

function quantitiesOf(v: Obj): Quantities {
  const agents = ((v.state as Obj | undefined)?.agents ?? {}) as Obj;
  const out = new Map<string, { labels?: string[]; integer?: boolean }>();
  for (const [name, q] of Object.entries(agents)) out.set(name, (q ?? {}) as { labels?: string[]; integer?: boolean });
  return out;
}

async function loadGroup(
  spec: CensusSpec,
  raw: Obj,
  base: PathSegment[],
  { at, fs, root }: { at: Locator; fs: SocietyFileSystem; root: string },
  quantities: Quantities,
  diagnostics: Diagnostic[],
): Promise<CensusData | undefined> {
  const say = (code: DiagnosticCode, severity: Severity, message: string, range = at.valueRange(base)): void => {
    diagnostics.push({ code, severity, message, file: at.file.file, range });
  };
  const fileAt = (j: number): PathSegment[] =>
    Array.isArray(raw.marginals) ? [...base, 'marginals', j] : [...base, 'marginals'];
  const marginals = new Map<string, Marginal>();
  let readable = true;
  for (let j = 0; j < spec.marginals.length; j++) {
    const name = spec.marginals[j];
    const text = await readTable(name, at.file.file, fs, root);
    const range = at.valueRange(fileAt(j));
    if (typeof text !== 'string') {
      say('SOC125', 'error', `Census table '${name}' ${text.why}`, range);
      readable = false;
      continue;
    }
    const problems: TableProblem[] = [];
    readMarginals(name, text, marginals, problems);
    for (const p of problems) say('SOC125', 'error', `Census table '${name}': ${p.message}`, range);
    if (problems.length) readable = false;
  }
  let joint: ReturnType<typeof readJoint> | undefined;
  if (spec.joint !== undefined && readable) {
    const range = at.valueRange([...base, 'joint']);
    const text = await readTable(spec.joint, at.file.file, fs, root);
    if (typeof text !== 'string') {
      say('SOC125', 'error', `Joint table '${spec.joint}' ${text.why}`, range);
      return undefined;
    }
    const problems: TableProblem[] = [];
    joint = readJoint(text, marginals, problems);
    for (const p of problems) {
      const hint = p.unknown && didYouMean(p.unknown.name, p.unknown.known);
      say(
        p.unknown ? (p.line === 1 ? 'SOC126' : 'SOC127') : 'SOC125',
        'error',
        `Joint table '${spec.joint}' ${p.message}${hint ? ` — did you mean '${hint}'?` : ''}`,
        range,
      );
    }
    if (problems.length) return undefined;
  }
  if (!readable) return undefined;
  const data = toData(spec, raw, marginals, joint, base, at, quantities, diagnostics);
  if (data) checkCensusData(data, base, at, diagnostics);
  return data;
}

/** The text of a table beside the scenario, or why there is none (dataFile.ts). */
async function readTable(
  name: string,
  from: string,
  fs: SocietyFileSystem,
  root: string,
): Promise<string | { why: string }> {
  const read = await readDataFile(fs, name, from, root);
  return 'text' in read ? read.text : { why: read.why };
}

/** The attributes in table order with their mapping; mapping problems said where written. */
function toData(
  spec: CensusSpec,
  raw: Obj,
  marginals: ReadonlyMap<string, Marginal>,
  joint: ReturnType<typeof readJoint> | undefined,
  base: PathSegment[],
  at: Locator,
  quantities: Quantities,
  diagnostics: Diagnostic[],
): CensusData | undefined {
  let ok = true;
  const say = (code: DiagnosticCode, message: string, p: PathSegment[], key = true): void => {
    ok = false;
    diagnostics.push({
      code,
      severity: 'error',
      message,
      file: at.file.file,
      range: key ? at.keyRange(p) : at.valueRange(p),
    });
  };
  const names = [...marginals.keys()];
  const fields = censusFields(quantities);
  for (const [name, m] of Object.entries(spec.attributes)) {
    const p = [...base, 'attributes', name];
    const hint = didYouMean(name, names);
    if (!marginals.has(name)) {
      say(
        'SOC126',
        `Unknown census attribute '${name}'${hint ? ` — did you mean '${hint}'?` : ''} (the tables have: ${names.join(', ')})`,
        p,
      );
      continue;
    }
    const fieldPath = typeof ((raw.attributes as Obj)[name] as Obj | null)?.field === 'string' ? [...p, 'field'] : p;
    if (!fields.includes(m.field)) {
      const f = didYouMean(m.field, fields);
      say(
        'SOC126',
        `'${m.field}' is no persona field a census attribute can set${f ? ` — did you mean '${f}'?` : ''}`,
        fieldPath,
        false,
      );
      continue;
    }
    const categories = marginals.get(name)?.categories ?? [];
    for (const c of Object.keys(m.values ?? {})) {
      if (categories.includes(c)) continue;
      const h = didYouMean(c, categories);
      say(
        'SOC127',
        `${name} has no category '${c}'${h ? ` — did you mean '${h}'?` : ''} (its categories: ${categories.join(', ')})`,
        [...p, 'values', c],
      );
    }
    const { unreadable } = categoryValues(m.field, categories, m.values, quantities);
    if (unreadable.length) {
      say(
        'SOC127',
        `${name} categories ${unreadable.map((c) => `'${c}'`).join(', ')} are no number or range for ${m.field}: give each in \`values\``,
        fieldPath,
        false,
      );
    }
  }
  if (!ok) return undefined;
  return {
    files: { marginals: spec.marginals, ...(spec.joint !== undefined ? { joint: spec.joint } : {}) },
    attributes: names.map((name) => {
      const m = marginals.get(name) as Marginal;
      const map = spec.attributes[name];
      return {
        name,
        categories: m.categories,
        targets: m.targets,
        kind: m.kind,
        ...(map
          ? { field: map.field, values: categoryValues(map.field, m.categories, map.values, quantities).values }
          : {}),
      };
    }),
    ...(joint ? { joint: { attributes: joint.columns.map((c) => names.indexOf(c)), rows: joint.rows } } : {}),
  };
}
