// Agent ids a population generates (`${id_prefix}${i}` for i = 1..count) must not clash with each
// other or with a persona's id: the engine stops at the first duplicate, so the check reports it.
// They must be valid ids, and references to them (rooms, remove events, relationships) are good.
// Worked out arithmetically (a group may count a million), not by listing the ids.
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PathSegment } from '../syntax/parse';
import { slug } from '../model/slug';

type Obj = Record<string, unknown>;

/** One population group as the check sees it. */
export interface GeneratedIds {
  prefix: string;
  count: number;
  group: string;
  path: PathSegment[];
  /** No `id_prefix`: the group label is the prefix (as the engine builds it). */
  labelIsPrefix: boolean;
}

const DECIMAL = /^[1-9][0-9]*$/;

/** The index `id` has among `g`'s generated ids, or undefined when `g` does not generate it. */
function indexIn(g: GeneratedIds, id: string): number | undefined {
  if (!id.startsWith(g.prefix)) return undefined;
  const rest = id.slice(g.prefix.length);
  if (!DECIMAL.test(rest)) return undefined;
  const i = Number(rest);
  return i <= g.count ? i : undefined;
}

/**
 * The first id both groups generate, if any. Shared ids look like `${long.prefix}${j}`, where
 * `long.prefix` is `short.prefix` and some digits; the smallest is at j = 1.
 */
function firstShared(a: GeneratedIds, b: GeneratedIds): string | undefined {
  if (a.count < 1 || b.count < 1) return undefined;
  const [short, long] = a.prefix.length <= b.prefix.length ? [a, b] : [b, a];
  const first = `${long.prefix}1`;
  return indexIn(short, first) !== undefined ? first : undefined;
}

/** The population groups of a scenario value with a usable prefix and count. */
export function populationGroups(population: unknown): GeneratedIds[] {
  if (!Array.isArray(population)) return [];
  const out: GeneratedIds[] = [];
  population.forEach((g: unknown, i) => {
    if (!g || typeof g !== 'object') return;
    const o = g as Obj;
    const prefix = typeof o.id_prefix === 'string' ? o.id_prefix : typeof o.group === 'string' ? o.group : undefined;
    if (prefix === undefined || typeof o.count !== 'number' || !Number.isInteger(o.count)) return;
    const labelIsPrefix = typeof o.id_prefix !== 'string';
    out.push({
      prefix,
      count: o.count,
      group: typeof o.group === 'string' ? o.group : prefix,
      path: ['population', i, labelIsPrefix ? 'group' : 'id_prefix'],
      labelIsPrefix,
    });
  });
  return out;
}

/** The group generating `id` and its index there, if any group does. */
export function generatedAgent(
  groups: readonly GeneratedIds[],
  id: string,
): { group: GeneratedIds; index: number } | undefined {
  for (const group of groups) {
    const index = indexIn(group, id);
    if (index !== undefined) return { group, index };
  }
  return undefined;
}

/** Markdown for a generated agent (hover, completion docs): who makes it, and that it exists only in runs. */
export function generatedAgentCard(g: GeneratedIds, index: number): string {
  const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
  return [
    `**${code(`${g.prefix}${index}`)}** · agent ${index} of ${g.count} of population group ${code(g.group)}`,
    `Generated when a run starts: its name, traits, motivations and interests are drawn from the group's distributions (ids ${code(`${g.prefix}1`)}…${code(`${g.prefix}${g.count}`)}).`,
  ].join('\n\n');
}

/** Whether some group generates `id`: a reference to it names a population agent (one test per group). */
export function generatesId(groups: readonly GeneratedIds[], id: string): boolean {
  return generatedAgent(groups, id) !== undefined;
}

/** The persona id pattern of the schema; a prefix followed by digits matches it when the prefix does. */
const PERSONA_ID = /^[a-z][a-z0-9_-]*$/;

/**
 * SOC013 for each group whose label doubles as its prefix (no `id_prefix`) and makes ids that are
 * not persona ids ('Night Owls' → 'Night Owls1'): nothing could refer to those agents.
 */
export function invalidGeneratedIds(groups: readonly GeneratedIds[], at: Locator): Diagnostic[] {
  return groups
    .filter((g) => g.count > 0 && g.labelIsPrefix && !PERSONA_ID.test(g.prefix))
    .map((g) => {
      const suggestion = slug(g.prefix, '').replace(/-/g, '_');
      const example = PERSONA_ID.test(suggestion) ? ` (e.g. \`id_prefix: ${suggestion}\`)` : '';
      return {
        code: 'SOC013',
        severity: 'error',
        file: at.file.file,
        range: at.valueRange(g.path),
        message: `Population group '${g.group}' has no \`id_prefix\`, so its label is the prefix and its ids ('${g.prefix}1'…) are not valid persona ids (lowercase letters, digits, '_' and '-', starting with a letter): set \`id_prefix\`${example}`,
      };
    });
}

/** SOC020 for each group whose ids clash with a persona's id or with an earlier group's ids (the first clash each). */
export function generatedIdClashes(
  groups: readonly GeneratedIds[],
  personaIds: Iterable<string>,
  at: Locator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = [...personaIds];
  const say = (g: GeneratedIds, message: string): void => {
    out.push({ code: 'SOC020', severity: 'error', message, file: at.file.file, range: at.valueRange(g.path) });
  };
  groups.forEach((g, k) => {
    const persona = ids.find((id) => indexIn(g, id) !== undefined);
    if (persona !== undefined) {
      say(
        g,
        `Duplicate persona id '${persona}': population group '${g.group}' generates it (ids ${g.prefix}1…${g.prefix}${g.count}); set another \`id_prefix\``,
      );
      return;
    }
    for (const earlier of groups.slice(0, k)) {
      const shared = firstShared(earlier, g);
      if (shared === undefined) continue;
      say(
        g,
        `Duplicate persona id '${shared}': population groups '${earlier.group}' and '${g.group}' both generate it; set another \`id_prefix\``,
      );
      return;
    }
  });
  return out;
}
