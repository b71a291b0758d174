// Checks of `matching:` (issue 62) beyond the schema: the groups it names exist (SOC150), and the
// agents it matches divide into its groups, so nobody is silently left without a partner (SOC151).
// Expressions that read `partner` or `matched` without a matching are told by the expression
// checks (mechanicsMessages.ts), effects on `partner.<q>` by the effect-target check.
import type { Range } from './model';
import { report, unknownName, type Report } from './mechanicsReport';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

interface MatchingReport extends Report {
  /** The groups agents can be in (population groups, personas' `group`), with their sizes. */
  groups?: Map<string, number>;
  /** How many agents the run starts with, when known. */
  agentCount?: number;
}

export function checkMatching(c: MatchingReport): void {
  const m = c.m.matching;
  const raw = c.v.matching;
  if (!m || !isObj(raw) || c.unsure) return;
  const groups = c.groups ?? new Map<string, number>();
  const known = [...groups.keys()];
  const unknownGroup = (name: string, range: Range, field: string): boolean => {
    if (groups.has(name)) return false;
    unknownName(c, 'SOC150', range, name, known, {
      unknown: `Unknown group '${name}' in \`matching.${field}\``,
      kind: 'groups',
      none: 'no population group or persona has a `group`',
    });
    return true;
  };
  if (m.within !== undefined && unknownGroup(m.within, c.at.valueRange(['matching', 'within']), 'within')) return;
  if (m.between) {
    const [a, b] = m.between;
    const badA = unknownGroup(a, c.at.valueRange(['matching', 'between', 0]), 'between');
    const badB = unknownGroup(b, c.at.valueRange(['matching', 'between', 1]), 'between');
    if (badA || badB) return;
    if (m.size !== 2) {
      const range = c.at.valueRange(['matching', isObj(raw) && 'size' in raw ? 'size' : 'between']);
      report(
        c,
        'SOC151',
        'error',
        `\`matching.between\` makes pairs, one of '${a}' and one of '${b}': \`size\` must be 2, not ${m.size}`,
        range,
      );
      return;
    }
    const [na, nb] = [groups.get(a)!, groups.get(b)!];
    if (na !== nb) {
      report(
        c,
        'SOC151',
        'error',
        `\`matching.between\` pairs '${a}' (${na}) with '${b}' (${nb}): ${Math.abs(na - nb)} of '${na > nb ? a : b}' would have no partner each round; make the groups as large as each other`,
        c.at.keyRange(['matching', 'between']),
      );
    }
    return;
  }
  const count = m.within !== undefined ? groups.get(m.within) : c.agentCount;
  if (count === undefined || count === 0) return;
  const left = count % m.size;
  if (left === 0) return;
  const who = m.within !== undefined ? `the ${count} of '${m.within}'` : `the ${count} agents`;
  report(
    c,
    'SOC151',
    'error',
    `Groups of ${m.size} cannot hold ${who}: ${left} would be left unmatched every round. Change \`size\` or the number of agents`,
    'size' in raw
      ? c.at.valueRange(['matching', 'size'])
      : m.within !== undefined
        ? c.at.valueRange(['matching', 'within'])
        : c.at.keyRange(['matching']),
  );
}
