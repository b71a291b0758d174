// The paths a `set` names (timed events, experiment conditions, calibration) and the values it
// gives them: unknown paths with the one meant (SOC054), parameters fixed during a run (SOC057),
// rules and groups of a phase (SOC082), persona ids and model names in what is set.
import type { Diagnostic } from '../model/diagnostics';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import { didYouMean } from '../model/suggest';
import { scenarioGroups } from '../assemble/roundSource';
import { schemaAtPath, valueErrors } from '../schema/schema';
import { schemaErrorDiagnostics } from '../schema/validate';
import { checkRooms, type PersonaRefCheck } from './rooms';
import { FROZEN_DURING_RUN } from '../schema/settings';
import { isWorldOverride, unknownWorldName, worldNamesOf } from '../schema/worldPaths';
import { unknownGroupField, unsettable } from '../schema/parameterPaths';
import { isStructurePath, listNames, structurePath } from '../schema/structurePaths';
import { type Obj, mk } from './checkKit';
import { pushAll } from '../../text/pushAll';

/** SOC057 for a timed event's `set` of a parameter the run fixes when it starts. */
export function checkFixedDuringRun(set: Obj, at: Locator, path: PathSegment[], out: Diagnostic[]): void {
  for (const key of Object.keys(set)) {
    if (FROZEN_DURING_RUN.has(key)) {
      out.push(
        mk(
          'SOC057',
          'error',
          `'${key}' cannot change during a run: its length is fixed when it starts (set it in \`world\` or per experiment condition)`,
          at.file.file,
          at.keyRange([...path, key]),
        ),
      );
    }
  }
}

/**
 * A condition's feed, phase or action field (structurePaths.ts): one the scenario declares (else
 * SOC054 with the nearest), its value of the kind the field takes. Expressions are checked with the
 * others (conditionState.ts).
 */
function checkRulePath(
  key: string,
  value: unknown,
  at: Locator,
  path: PathSegment[],
  out: Diagnostic[],
  doc: unknown,
): void {
  const p = structurePath(key, doc);
  if (!p) {
    const range = at.keyRange(path);
    const { message, suggestion } = unsettable(key, 'condition', doc);
    const fixes = suggestion
      ? [{ title: `Change to '${suggestion}'`, file: at.file.file, range, newText: suggestion }]
      : [];
    out.push(mk('SOC054', 'error', message, at.file.file, range, fixes));
    return;
  }
  const errors = valueErrors(p.node, value);
  pushAll(out, schemaErrorDiagnostics(errors, 'scenario', doc, at.file, at, path));
  const list = listNames(key, doc);
  if (errors.length || !list || !value || typeof value !== 'object') return;
  // A list, or (a phase's actions) lists by group, each group one that exists (SOC082).
  const items: [unknown, PathSegment[]][] = Array.isArray(value)
    ? value.map((name, i) => [name, [i]])
    : Object.entries(value).flatMap(([group, names]) =>
        Array.isArray(names) ? names.map((name, i): [unknown, PathSegment[]] => [name, [group, i]]) : [],
      );
  if (!Array.isArray(value)) checkGroupKeys(key, Object.keys(value), at, path, out, doc);
  items.forEach(([name, where]) => {
    if (typeof name !== 'string' || list.names.includes(name)) return;
    const near = didYouMean(name, list.names);
    const range = at.valueRange([...path, ...where]);
    const message =
      `'${key}' names ${list.what} '${name}', which the scenario does not declare` +
      `${near ? `. Did you mean '${near}'?` : ''} (${list.what}s: ${list.names.join(', ') || 'none'})`;
    const fixes = near ? [{ title: `Change to '${near}'`, file: at.file.file, range, newText: near }] : [];
    out.push(mk('SOC090', 'error', message, at.file.file, range, fixes));
  });
}

/** The groups a condition gives a phase's actions to: each a population group or a persona's (SOC082). */
function checkGroupKeys(
  key: string,
  groups: readonly string[],
  at: Locator,
  path: PathSegment[],
  out: Diagnostic[],
  doc: unknown,
): void {
  const known = [...scenarioGroups(doc).keys()];
  for (const group of groups) {
    if (known.includes(group)) continue;
    const near = didYouMean(group, known);
    const range = at.keyRange([...path, group]);
    const message = `'${key}' gives actions to group '${group}', which no population group or persona has${near ? `. Did you mean '${near}'?` : ''} (groups: ${known.join(', ') || 'none'})`;
    const fixes = near ? [{ title: `Change to '${near}'`, file: at.file.file, range, newText: near }] : [];
    out.push(mk('SOC082', 'error', message, at.file.file, range, fixes));
  }
}

/** The checks of persona ids and model names, for the values a `set` gives. */
interface ReferenceChecks {
  refCheck: PersonaRefCheck;
  modelCheck: (name: unknown, site: Locator, path: PathSegment[]) => void;
}

export function checkParameterPaths(
  set: Obj,
  at: Locator,
  path: PathSegment[],
  out: Diagnostic[],
  docValue: unknown,
  refs: ReferenceChecks,
): void {
  for (const key of Object.keys(set)) {
    // A calibration's sweep sets what a condition does.
    const condition = path[0] === 'experiment' || path[0] === 'calibration';
    if (isWorldOverride(key) && condition) {
      // A quantity or a population group the scenario does not declare, as the experiment says it
      // (worldOverrides.ts). A timed event may not set these at all: the schema says so.
      const unknown = unknownWorldName(key, worldNamesOf(docValue)) ?? unknownGroupField(key, docValue);
      if (!unknown) continue;
      const range = at.keyRange([...path, key]);
      const near = unknown.suggestion;
      const fixes = near ? [{ title: `Change to '${near}'`, file: at.file.file, range, newText: near }] : [];
      out.push(mk('SOC054', 'error', unknown.message, at.file.file, range, fixes));
      continue;
    }
    if (isStructurePath(key) && condition) {
      checkRulePath(key, set[key], at, [...path, key], out, docValue);
      continue;
    }
    const segments = key.split('.');
    if (!/^(world|rewards|coaching|ties|memory)(\.[a-z_]+)+$/.test(key)) continue; // the schema reports the shape
    const target = schemaAtPath('scenario', segments);
    if (!target || target.properties) {
      const range = at.keyRange([...path, key]);
      const { message, suggestion } = unsettable(key, condition ? 'condition' : 'event', docValue);
      const fixes = suggestion
        ? [{ title: `Change to '${suggestion}'`, file: at.file.file, range, newText: suggestion }]
        : [];
      out.push(mk('SOC054', 'error', message, at.file.file, range, fixes));
      continue;
    }
    // The run would skip a value of the wrong kind with an error event: say so while editing, in
    // the words the schema's own checks use, at the offending item of a list.
    const errors = valueErrors(target, set[key]);
    pushAll(out, schemaErrorDiagnostics(errors, 'scenario', docValue, at.file, at, [...path, key]));
    // The same checks as where the setting is written in the scenario itself.
    if (key === 'world.rooms') pushAll(out, checkRooms(set[key], at, [...path, key], refs.refCheck));
    if (key === 'coaching.model') refs.modelCheck(set[key], at, [...path, key]);
  }
}
