// Checks of `matching:` (issue 62) beyond the schema: the groups it names exist (SOC150), and the
// agents it matches divide into its groups, so nobody is silently left without a partner, nor put
// in two pairs by `between` one group and itself (SOC151)
// — for the scenario's own block and for each experiment condition that changes it (`set:
// { matching.size: 3 }`), told at what the condition wrote. Expressions that read `partner` or
// `matched` without a matching are told by the expression checks (mechanicsMessages.ts), effects
// on `partner.<q>` by the effect-target check.
import type { Range } from '../model/model';
import type { Matching } from '../model/matching';
import type { PathSegment } from '../syntax/parse';
import type { Moment } from '../assemble/membership';
import { report, unknownName, type Report } from './mechanicsReport';
import { type Obj, isObj } from './checkKit';

interface MatchingReport extends Report {
  /** The groups agents can be in (population groups, personas' `group`), with their sizes. */
  groups?: Map<string, number>;
  /** How many agents the run starts with, when known. */
  agentCount?: number;
  /**
   * Who is there at the start and after each round's events that add or remove agents: sizes are
   * checked at each (an agent removed and another added leaves the groups as they were).
   */
  moments?: Moment[];
}

/** The moments to check sizes at: those given, else the start as `groups` and `agentCount` say. */
function momentsOf(c: MatchingReport): Moment[] {
  if (c.moments?.length) return c.moments;
  return [{ from: 0, total: c.agentCount ?? 0, groups: c.groups ?? new Map<string, number>() }];
}

/** ` from round R on` for a moment after the start (its events changed who is there). */
const fromRound = (m: Moment): string => (m.from > 0 ? ` from round ${m.from} on (after its events)` : '');

/**
 * Uneven at the start is an error (the design cannot hold its agents); made uneven by the events
 * that add or remove agents later is a warning: attrition with partners is a design people study
 * (issue 70), and the run leaves the unmatched out, but the writer should know it does.
 */
const severityAt = (m: Moment): 'error' | 'warning' => (m.from > 0 ? 'warning' : 'error');

/** A matching to check, the fields written for it, and where each field (or a `between` item) is written. */
interface Design {
  m: Matching;
  written: (field: string) => boolean;
  at: (field: string, item?: number) => Range;
  /** `in condition 'x'`, for messages about a condition's matching. */
  where: string;
}

export function checkMatching(c: MatchingReport): void {
  const m = c.m.matching;
  const raw = c.v.matching;
  if (!m || !isObj(raw) || c.unsure) return;
  const own = (field: string, item?: number): PathSegment[] =>
    item === undefined ? ['matching', field] : ['matching', field, item];
  checkDesign(c, {
    m,
    written: (f) => f in raw,
    at: (f, item) => (f in raw ? c.at.valueRange(own(f, item)) : c.at.keyRange(['matching'])),
    where: '',
  });
  for (const d of conditionDesigns(c, m, raw)) checkDesign(c, d);
}

/** Each experiment condition that sets a field of the matching, as the matching it runs with. */
function conditionDesigns(c: MatchingReport, m: Matching, raw: Obj): Design[] {
  const experiment = isObj(c.v.experiment) ? c.v.experiment : {};
  const conditions = Array.isArray(experiment.conditions) ? experiment.conditions : [];
  const out: Design[] = [];
  conditions.forEach((cond: unknown, i: number) => {
    const set = isObj(cond) && isObj(cond.set) ? cond.set : undefined;
    const keys = Object.keys(set ?? {}).filter((k) => k.startsWith('matching.'));
    if (!set || !keys.length) return;
    const changed: Matching = { ...m };
    for (const k of keys) {
      const field = k.slice('matching.'.length);
      const v = set[k];
      if (field === 'design' && (v === 'partner' || v === 'stranger')) changed.design = v;
      else if (field === 'size' && typeof v === 'number' && Number.isInteger(v) && v >= 2) changed.size = v;
      else if (field === 'within' && typeof v === 'string') changed.within = v;
      else if (field === 'between' && Array.isArray(v) && v.length === 2 && v.every((g) => typeof g === 'string')) {
        changed.between = [v[0], v[1]];
      } else return; // the schema reports a value of the wrong kind
    }
    const path = (k: string): PathSegment[] => ['experiment', 'conditions', i, 'set', k];
    const name = isObj(cond) && typeof cond.name === 'string' ? cond.name : `#${i + 1}`;
    out.push({
      m: changed,
      written: (f) => keys.includes(`matching.${f}`) || f in raw,
      at: (f, item) =>
        keys.includes(`matching.${f}`)
          ? c.at.valueRange(item === undefined ? path(`matching.${f}`) : [...path(`matching.${f}`), item])
          : c.at.keyRange(path(keys[0])),
      where: ` in condition '${name}'`,
    });
  });
  return out;
}

function checkDesign(c: MatchingReport, d: Design): void {
  const { m } = d;
  const groups = c.groups ?? new Map<string, number>();
  const known = [...groups.keys()];
  const unknownGroup = (name: string, range: Range, field: string): boolean => {
    if (groups.has(name)) return false;
    unknownName(c, 'SOC150', range, name, known, {
      unknown: `Unknown group '${name}' in \`matching.${field}\`${d.where}`,
      kind: 'groups',
      none: 'no population group or persona has a `group`',
    });
    return true;
  };
  if (m.within !== undefined && unknownGroup(m.within, d.at('within'), 'within')) return;
  if (m.between) {
    const [a, b] = m.between;
    const badA = unknownGroup(a, d.at('between', 0), 'between');
    const badB = unknownGroup(b, d.at('between', 1), 'between');
    if (badA || badB) return;
    // Both roles from one group: every agent is drawn once as each, so in two pairs (issue 70).
    if (a === b) {
      report(
        c,
        'SOC151',
        'error',
        `\`matching.between\` pairs '${a}' with itself${d.where}: each agent would be in two pairs, once in each role. Name two different groups, or match within one: \`within: ${a}\``,
        d.at('between', 1),
      );
      return;
    }
    if (m.size !== 2) {
      report(
        c,
        'SOC151',
        'error',
        `\`matching.between\` makes pairs, one of '${a}' and one of '${b}'${d.where}: \`size\` must be 2, not ${m.size}`,
        d.at(d.written('size') ? 'size' : 'between'),
      );
      return;
    }
    // The first moment the two roles differ in size (a group no agent is in yet counts 0).
    for (const at of momentsOf(c)) {
      const [na, nb] = [at.groups.get(a) ?? 0, at.groups.get(b) ?? 0];
      if (na === nb) continue;
      report(
        c,
        'SOC151',
        severityAt(at),
        `\`matching.between\` pairs '${a}' (${na}) with '${b}' (${nb})${d.where}${fromRound(at)}: ${Math.abs(na - nb)} of '${na > nb ? a : b}' would have no partner each round; make the groups as large as each other`,
        d.at('between'),
      );
      return;
    }
    return;
  }
  for (const at of momentsOf(c)) {
    const count = m.within !== undefined ? at.groups.get(m.within) : at.total;
    if (count === undefined || count === 0) continue;
    const left = count % m.size;
    if (left === 0) continue;
    const who = m.within !== undefined ? `the ${count} of '${m.within}'` : `the ${count} agents`;
    report(
      c,
      'SOC151',
      severityAt(at),
      `Groups of ${m.size} cannot hold ${who}${d.where}${fromRound(at)}: ${left} would be left unmatched every round. Change \`size\` or the number of agents`,
      d.at(d.written('size') ? 'size' : m.within !== undefined ? 'within' : 'design'),
    );
    return;
  }
}
