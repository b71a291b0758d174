// What every check of one scenario reads (CheckContext), built once per scenario with the
// persona id checks (SOC020, SOC023) done on the way and the reference checks (SOC021, SOC040)
// that later checks call.
import type { Diagnostic, DiagnosticFix } from '../model/diagnostics';
import type { Range } from '../model/model';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import type { PersonaEntry } from '../assemble/personaEntry';
import { didYouMean, Suggester } from '../model/suggest';
import { generatesId, populationGroups } from '../assemble/generatedIds';
import type { PersonaRefCheck } from './rooms';
import { isTimed, scenarioRounds } from './timeline';
import { type Obj, isObj, list, shortName, mk } from './checkKit';
import { isReservedId, reservedIdDiagnostic } from './reservedIds';

/** What every check of one scenario reads: its value, where it is, its personas, and the reference checks. */
export interface CheckContext {
  v: Obj;
  at: Locator;
  file: string;
  /** The scenario has syntax errors: "not defined" checks wait until it reads cleanly. */
  unsure: boolean;
  personas: PersonaEntry[];
  out: Diagnostic[];
  /** Persona ids as listed from the start (the first definition of each). */
  listed: Map<string, { entry: PersonaEntry; range: Range }>;
  groups: ReturnType<typeof populationGroups>;
  isDefined: (id: string) => boolean;
  refCheck: PersonaRefCheck;
  modelCheck: (name: unknown, site: Locator, path: PathSegment[]) => void;
  rounds: number;
  /** The ids of every persona the scenario brings in, as written. */
  ids: string[];
}

/** One check of a scenario: reads the context, adds what it finds to `ctx.out` (the CHECKS table). */
export type Check = (ctx: CheckContext) => void;

/** The context of the checks, with the persona id checks (SOC020, SOC023) done on the way. */
export function checkContext(
  scenario: { value: unknown; at: Locator; hasErrors?: boolean },
  personas: PersonaEntry[],
): CheckContext {
  const out: Diagnostic[] = [];
  const v = isObj(scenario.value) ? scenario.value : {};
  const at = scenario.at;
  const file = at.file.file;
  const unsure = scenario.hasErrors === true;
  const { defined, listed } = checkPersonaIds(personas, v, at, out);
  const groups = populationGroups(v.population);
  // Population agents are defined too, though only as arithmetic (a group may count a million).
  const isDefined = (id: string): boolean => defined.has(id) || generatesId(groups, id);
  return {
    v,
    at,
    file,
    unsure,
    personas,
    out,
    listed,
    groups,
    isDefined,
    refCheck: personaRefCheck([...defined.keys()], isDefined, unsure, out),
    modelCheck: modelNameCheck(v, unsure, out),
    rounds: scenarioRounds(v),
    ids: personas.map((p) => (isObj(p.raw) ? p.raw.id : undefined)).filter((x): x is string => typeof x === 'string'),
  };
}

type PersonaSites = Map<string, { entry: PersonaEntry; range: Range }>;

/**
 * Persona ids: unique across every file; the first definition wins. The personas this
 * scenario's timed events add are checked against who is there when they join (timeline.ts):
 * an id an earlier event removed may join again. `defined`: every id; `listed`: those there from the start.
 */
function checkPersonaIds(
  personas: PersonaEntry[],
  v: Obj,
  at: Locator,
  out: Diagnostic[],
): { defined: PersonaSites; listed: PersonaSites } {
  const defined: PersonaSites = new Map();
  const listed: PersonaSites = new Map();
  for (const p of personas) {
    if (!isObj(p.raw) || typeof p.raw.id !== 'string') continue;
    const range = p.site.at.valueRange([...p.site.path, 'id']);
    // Persona documents are checked by checkFile; inline personas here.
    if (p.site.path.length > 0 && isReservedId(p.raw.id)) {
      out.push(reservedIdDiagnostic(p.raw.id, p.site.at.file.file, range));
    }
    if (!defined.has(p.raw.id)) defined.set(p.raw.id, { entry: p, range });
    if (joinsByEvent(p, v, at)) continue;
    const prev = listed.get(p.raw.id);
    if (prev) {
      if (
        prev.entry.site.at.file.file === p.site.at.file.file &&
        p.site.path.length === 0 &&
        prev.entry.site.path.length === 0
      ) {
        continue;
      } // reported by checkFile
      out.push({
        ...mk(
          'SOC020',
          'error',
          `Duplicate persona id '${p.raw.id}': already defined in ${shortName(prev.entry.site.at.file.file)}`,
          p.site.at.file.file,
          range,
        ),
        related: [{ file: prev.entry.site.at.file.file, range: prev.range, message: 'first definition' }],
      });
    } else {
      listed.set(p.raw.id, { entry: p, range });
    }
  }
  return { defined, listed };
}

/** Whether a persona joins later, added by one of this scenario's timed events. */
function joinsByEvent(p: PersonaEntry, v: Obj, at: Locator): boolean {
  return p.site.at === at && p.site.path[0] === 'events' && isTimed(list(v.events)[p.site.path[1] as number]);
}

/** The check of persona ids the scenario refers to (SOC021), with a change to the nearest id. */
function personaRefCheck(
  ids: string[],
  isDefined: (id: string) => boolean,
  unsure: boolean,
  out: Diagnostic[],
): PersonaRefCheck {
  // One suggester for every reference: a file of 20,000 personas can name as many unknown ids.
  let suggester: Suggester | undefined;
  return (id, site, path, what) => {
    if (typeof id !== 'string' || isDefined(id) || unsure) return;
    const range = site.valueRange(path);
    const suggestion = (suggester ??= new Suggester(ids)).suggest(id);
    const fixes: DiagnosticFix[] = suggestion
      ? [{ title: `Change to '${suggestion}'`, file: site.file.file, range, newText: suggestion }]
      : [];
    out.push(
      mk(
        'SOC021',
        'error',
        `Unknown persona id '${id}' in ${what}${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
        site.file.file,
        range,
        fixes,
      ),
    );
  };
}

/** The check of model names (SOC040): `default` or one the scenario's `models` defines. */
function modelNameCheck(v: Obj, unsure: boolean, out: Diagnostic[]): CheckContext['modelCheck'] {
  const models = isObj(v.models) ? Object.keys(v.models) : [];
  const modelNames = new Set(['default', ...models]);
  return (name, site, path) => {
    if (typeof name !== 'string' || modelNames.has(name) || unsure) return;
    const range = site.valueRange(path);
    const suggestion = didYouMean(name, modelNames);
    out.push(
      mk(
        'SOC040',
        'error',
        `Model '${name}' is not defined in \`models\` (defined: ${[...modelNames].join(', ')})${suggestion ? `. Did you mean '${suggestion}'?` : ''}`,
        site.file.file,
        range,
        suggestion ? [{ title: `Change to '${suggestion}'`, file: site.file.file, range, newText: suggestion }] : [],
      ),
    );
  };
}

/** The group names a scenario has: its personas' `group` and its population's groups. */
export function groupNames(ctx: CheckContext): string[] {
  const out = new Set<string>();
  for (const p of ctx.personas) if (isObj(p.raw) && typeof p.raw.group === 'string') out.add(p.raw.group);
  const population = Array.isArray(ctx.v.population) ? ctx.v.population : [];
  for (const g of population) if (isObj(g) && typeof g.group === 'string') out.add(g.group);
  return [...out];
}
