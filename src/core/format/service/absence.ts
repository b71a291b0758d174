// Who is not in the society at the point of the run where a persona reference is read (an event's
// removal, the relationships of a persona joining), for completion to offer those ids last and say
// why. The same timeline as the checks (timeline.ts), so what completion offers first is what
// SOC059/SOC060 accept.
import * as path from 'node:path';
import type { SocietyProject } from '../project/project';
import type { PathSegment } from '../syntax/parse';
import type { DocumentKind } from '../schema/schema';
import type { ScenarioResolution } from '../project/resolution';
import { absenceAt, scenarioRounds, timelinePoint, type Absence, type TimelinePoint } from '../checks/timeline';
import { generatesId, populationGroups } from '../assemble/generatedIds';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (p: unknown): string | undefined => (isObj(p) && typeof p.id === 'string' ? p.id : undefined);

export type AbsenceCheck = (id: string) => Absence | undefined;

/**
 * For a reference at path `at` of document `docIndex` of `file`: in a scenario, at its point of that
 * scenario's timeline; in a persona document, when the run starts, in each scenario including it
 * (the first that has the persona absent says why). Undefined where the timeline does not matter.
 */
export async function absenceAtReference(
  project: SocietyProject,
  file: string,
  docIndex: number,
  kind: DocumentKind | undefined,
  at: readonly PathSegment[],
): Promise<AbsenceCheck | undefined> {
  const point = timelinePoint(kind, at);
  if (!point) return undefined;
  const own = (await project.workspace.analyze(file))?.parsed.documents[docIndex];
  const resolutions = project.resolutionsInvolving(file);
  if (own?.kind === 'scenario') {
    return inScenario(
      own.value,
      resolutions.find((r) => r.file === file && r.docIndex === docIndex),
      point,
    );
  }
  const checks: AbsenceCheck[] = [];
  for (const r of resolutions) {
    if (r.file === file) continue;
    const check = inScenario((await project.workspace.analyze(r.file))?.parsed.documents[r.docIndex]?.value, r, point);
    // The persona's file has no timeline of its own: say whose it is.
    const where = ` in ${path.basename(r.file)}`;
    if (check) {
      checks.push((id) => {
        const a = check(id);
        return a && { reason: a.reason + where, short: a.short + where };
      });
    }
  }
  return checks.length ? (id) => checks.map((c) => c(id)).find((a) => a !== undefined) : undefined;
}

/**
 * One scenario's check. Its value is read as written now, the personas it includes from its last
 * resolution (`resolution`, which may be a keystroke old: only other files' ids are taken from it).
 */
function inScenario(
  value: unknown,
  resolution: ScenarioResolution | undefined,
  point: TimelinePoint,
): AbsenceCheck | undefined {
  if (!isObj(value)) return undefined;
  const initial = new Set<string>();
  const defined = new Set<string>();
  for (const p of resolution?.personas ?? []) {
    const id = idOf(p.raw);
    if (id === undefined || p.site.at.file.file === resolution?.file) continue; // its own file: read afresh below
    defined.add(id);
    if (p.addedAt === undefined) initial.add(id);
  }
  for (const p of list(value.personas)) {
    const id = idOf(p);
    if (id !== undefined) {
      initial.add(id);
      defined.add(id);
    }
  }
  for (const e of list(value.events)) {
    for (const p of list(isObj(e) ? e.add : undefined)) {
      const id = idOf(p);
      if (id !== undefined) defined.add(id);
    }
  }
  const groups = populationGroups(value.population);
  const present = (id: string): boolean => initial.has(id) || generatesId(groups, id);
  const check = absenceAt(value.events, scenarioRounds(value), present, point);
  if (!check) return undefined;
  // An id this scenario does not define is SOC021's business, not the timeline's.
  const inThisScenario = (id: string): boolean => defined.has(id) || generatesId(groups, id);
  return (id) => (inThisScenario(id) ? check(id) : undefined);
}
