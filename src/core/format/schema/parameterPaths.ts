// What the `set:` of an experiment condition or of a timed event may name, by dotted path, and
// what is said when it names something else (SOC054): the path that cannot be varied, why, and
// the paths that can, the nearest to what was typed first. The message, its quick fix and the
// completion of `set:` keys read the one list here, so they never disagree.
import { deref, societySchema, type SchemaNode } from './schema';
import { didYouMean, editDistance } from '../model/suggest';
import { FROZEN_DURING_RUN } from './settings';
import { parseWorldPath, QUANTITY_FIELDS, worldNamesOf, type WorldNames } from './worldPaths';
import { structurePaths } from './structurePaths';

/** Where a `set:` is written: an experiment condition (before the run) or a timed event (during it). */
export type SetSite = 'condition' | 'event';

/** The groups of run settings a `set:` names by dotted path (`coaching.enabled`). */
export const SETTING_ROOTS = ['world', 'rewards', 'coaching', 'ties', 'memory'] as const;
export { QUANTITY_FIELDS };

export interface SettablePath {
  path: string;
  /** A run setting, a declared quantity's field, a field of a population group, or of a feed, phase or action. */
  kind: 'setting' | 'quantity' | 'population' | 'structure';
  /** The schema of the value (a setting's or a population group's field). */
  node?: SchemaNode;
}

/** Leaves of a schema node by dotted path; a named type (`$ref`, a distribution) is one value. */
function leaves(node: SchemaNode | undefined, prefix: string, kind: SettablePath['kind'], out: SettablePath[]): void {
  const n = deref(node);
  if (n?.properties && !node?.$ref) {
    for (const [key, child] of Object.entries(n.properties)) leaves(child, `${prefix}.${key}`, kind, out);
  } else out.push({ path: prefix, kind, ...(n ? { node: n } : {}) });
}

let settings: SettablePath[] | undefined;
/** Every run setting a `set:` may change (from the schema: 28 or so). */
function settingPaths(): SettablePath[] {
  if (!settings) {
    settings = [];
    const scenario = societySchema.$defs.scenario.properties ?? {};
    for (const root of SETTING_ROOTS) leaves(scenario[root], root, 'setting', settings);
  }
  return settings;
}

/** A population group's fields a condition may set (its label and id prefix name it: not these). */
function groupFields(): SettablePath[] {
  const out: SettablePath[] = [];
  for (const [key, node] of Object.entries(societySchema.$defs.population.properties ?? {})) {
    // `census:` neither: its tables are read when the scenario loads, not when a condition sets it.
    if (key !== 'group' && key !== 'id_prefix' && key !== 'census') leaves(node, key, 'population', out);
  }
  return out;
}

/**
 * What `set:` may name at `site` in a scenario declaring `names`, in the order completion lists
 * them; a condition also the fields of the feeds, phases and actions `doc` declares.
 */
export function settablePaths(site: SetSite, names: WorldNames, doc?: unknown): SettablePath[] {
  if (site === 'event') return settingPaths().filter((p) => !FROZEN_DURING_RUN.has(p.path));
  const quantities = (side: 'world' | 'agents'): SettablePath[] =>
    names[side].flatMap((q) =>
      QUANTITY_FIELDS.map((f) => ({ path: `state.${side}.${q}.${f}`, kind: 'quantity' as const })),
    );
  const fields = groupFields();
  return [
    ...quantities('world'),
    ...quantities('agents'),
    ...names.groups.flatMap((g) => fields.map((f) => ({ ...f, path: `population.${g}.${f.path}` }))),
    ...settingPaths(),
    ...structurePaths(doc).map((p) => ({ path: p.path, kind: 'structure' as const, node: p.node })),
  ];
}

/**
 * Whether a condition's `population.<group>.<rest>` names a field of a population group (or a
 * value inside one: `traits.openness.normal.mean`); the group's name is checked elsewhere.
 */
export function isGroupField(rest: string): boolean {
  return groupFields().some((f) => rest === f.path || rest.startsWith(`${f.path}.`));
}

/** Where a `set:` at `path` of a scenario is: a condition's, an event's, or neither. */
export function setSiteOf(path: readonly (string | number)[]): SetSite | undefined {
  if (path.length === 4 && path[0] === 'experiment' && path[1] === 'conditions' && path[3] === 'set') {
    return 'condition';
  }
  if (path.length === 3 && path[0] === 'events' && path[2] === 'set') return 'event';
  return undefined;
}

const segmentsOf = (p: string): string[] => p.toLowerCase().split('.');

/**
 * The names the author had in mind beyond the path's own segments: for `actions.<a>…` (or a
 * phase), the quantities its expressions read and change, whose values a condition can vary.
 */
function relatedNames(typed: string, doc: unknown): Set<string> {
  const words = new Set(segmentsOf(typed));
  const [top, name] = typed.split('.');
  const value = (doc ?? {}) as Record<string, unknown>;
  const actions = (value.actions ?? {}) as Record<string, unknown>;
  const source = top === 'actions' && name && Object.hasOwn(actions, name) ? actions[name] : undefined;
  const text = JSON.stringify(source ?? (top === 'round' ? value.round : null)) ?? '';
  for (const m of text.matchAll(/\b[A-Za-z_]\w*\.([A-Za-z_]\w*)/g)) words.add(m[1].toLowerCase());
  return words;
}

/** How near a candidate is: leading segments in common, then names in common, then fewer edits. */
function nearness(typed: string, candidate: string, words: ReadonlySet<string>): [number, number, number] {
  const a = segmentsOf(typed),
    b = segmentsOf(candidate);
  let lead = 0;
  while (lead < a.length && lead < b.length && a[lead] === b[lead]) lead++;
  const shared = b.filter((s, i) => i >= lead && words.has(s) && !SETTING_ROOTS.includes(s as never)).length;
  return [lead, shared, editDistance(typed.toLowerCase(), candidate.toLowerCase())];
}

/** The candidates, nearest to `typed` first (ties keep the list's order). */
export function nearestPaths(typed: string, candidates: readonly SettablePath[], doc?: unknown): SettablePath[] {
  const words = relatedNames(typed, doc);
  const scored = candidates.map((c, i) => ({ c, i, n: nearness(typed, c.path, words) }));
  scored.sort((x, y) => y.n[0] - x.n[0] || y.n[1] - x.n[1] || x.n[2] - y.n[2] || x.i - y.i);
  return scored.map((s) => s.c);
}

/**
 * Paths in a few words: siblings share their parent (`state.world.pot.{initial,min,max,update}`,
 * in the order of `all`, three and `…` of a long list), the parents nearest first, at most `groups`
 * of them, then how many more there are.
 */
export function listPaths(ranked: readonly string[], all: readonly string[], groups = 2): string {
  const byParent = new Map<string, string[]>();
  for (const p of ranked) {
    const parent = p.slice(0, Math.max(0, p.lastIndexOf('.')));
    byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
  }
  const shown = [...byParent].slice(0, groups);
  const text = shown.map(([parent, list]) => {
    const names = [...list].sort((a, b) => all.indexOf(a) - all.indexOf(b)).map((p) => p.slice(parent.length + 1));
    const few = names.length > 4 ? [...names.slice(0, 3), '…'] : names;
    return names.length === 1 ? list[0] : `${parent}.{${few.join(',')}}`;
  });
  const more = ranked.length - shown.reduce((n, [, l]) => n + l.length, 0);
  return `${text.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`;
}

/** About what a row of the Problems panel shows of a message, in a window 1400 pixels wide. */
const MESSAGE_MAX = 150;

/** What cannot be set at a `set:` key, said in a line the Problems panel shows whole. */
export interface Unsettable {
  message: string;
  /** The path to write instead, when one is plainly meant. */
  suggestion?: string;
}

/** Why a condition's `feeds.…`, `round.…` or `actions.…` names nothing: no such one, or no such field. */
function ruleReason(top: string, name: string | undefined, doc: unknown): string {
  const what = { feeds: 'feed', round: 'phase', actions: 'action' }[top]!;
  const known = [
    ...new Set(
      structurePaths(doc)
        .map((p) => p.path.split('.'))
        .filter((p) => p[0] === top)
        .map((p) => p[1]),
    ),
  ];
  if (name === undefined) return `name a ${what} and its field`;
  if (!known.includes(name)) return `no ${what} '${name}' (${known.join(', ') || 'none declared'})`;
  return `a ${what} has no such field`;
}

/** Why `key` cannot be set at `site`, in a few words (after "cannot be varied: "). */
function reason(key: string, site: SetSite, names: WorldNames, all: readonly string[], doc?: unknown): string {
  const [top, second, third] = key.split('.');
  const scenarioKey = Object.hasOwn(societySchema.$defs.scenario.properties ?? {}, top);
  if (top === 'seed') return "every condition runs each of the experiment's seeds";
  if (!key.includes('.') && !scenarioKey) return 'a parameter is named by its dotted path';
  if (site === 'event' && top === 'state') return 'an event sets run settings, not quantities';
  if (site === 'event' && top === 'population') return 'the population is drawn before the first round';
  if (top === 'state') {
    if (second !== 'world' && second !== 'agents') return 'quantities are under state.world or state.agents';
    const known = names[second];
    if (third === undefined) return 'name a quantity and its field';
    if (!known.includes(third)) {
      return `no ${second === 'world' ? 'world' : 'agent'} quantity '${third}' (${known.join(', ') || 'none declared'})`;
    }
    const field = key.split('.').slice(3).join('.');
    return field ? `a quantity has no field '${field}'` : 'name one of its fields';
  }
  const inside = all.filter((p) => p.startsWith(`${key}.`)).length;
  if (inside) return `it holds ${inside} values: set one of them`;
  if (top === 'population') {
    return names.groups.includes(second)
      ? `a group has no field '${key.slice(`population.${second}.`.length)}'`
      : `no population group '${second}' (${names.groups.join(', ') || 'none declared'})`;
  }
  if ((SETTING_ROOTS as readonly string[]).includes(top)) return `${top} has no setting '${key.slice(top.length + 1)}'`;
  if (site === 'condition' && (top === 'actions' || top === 'round' || top === 'feeds')) {
    return ruleReason(top, second, doc);
  }
  if (top === 'actions' || top === 'round' || top === 'feeds' || top === 'module') {
    return site === 'event'
      ? `${top} are the society's rules, fixed for the run`
      : `${top} are fixed; vary a quantity they read`;
  }
  if (!scenarioKey) return `'${top}' is not a parameter`;
  return site === 'event' ? `'${top}' is fixed when the run starts` : `'${top}' is the same in every condition`;
}

/** The message of SOC054 for a `set:` key that names nothing `site` can set. */
export function unsettable(key: string, site: SetSite, doc: unknown): Unsettable {
  const candidates = settablePaths(site, worldNamesOf(doc), doc);
  const ranked = nearestPaths(key, candidates, doc).map((c) => c.path);
  const all = candidates.map((c) => c.path);
  const near = didYouMean(key, all);
  const prefix = all.find((p) => p.toLowerCase().startsWith(`${key.toLowerCase()}.`));
  const last = key.split('.').pop()!.toLowerCase();
  const sameLast = all.filter((p) => p.split('.').pop() === last);
  const suggestion = near ?? prefix ?? (sameLast.length === 1 ? sameLast[0] : undefined);
  const cannot = site === 'event' ? `Cannot set '${key}' by an event` : `Cannot vary '${key}'`;
  const can = site === 'event' ? 'Can set' : 'Can vary';
  // The did-you-mean before the list: the Problems panel cuts a long line's end.
  const meant = suggestion ? ` Did you mean '${suggestion}'?` : '';
  const said = `${cannot}: ${reason(key, site, worldNamesOf(doc), all, doc)}.${meant} ${can}: `;
  // Two families of paths when they fit in a line of the Problems panel, else one, else the nearest path.
  const family = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('.')));
  const first = all.find((p) => ranked.length && family(p) === family(ranked[0])) ?? ranked[0];
  const more = ranked.length > 1 ? ` (+${ranked.length - 1} more)` : '';
  const lists = [listPaths(ranked, all, 2), listPaths(ranked, all, 1), (first ?? '') + more];
  const list = lists.find((l) => said.length + l.length <= MESSAGE_MAX);
  // No list fits beside a did-you-mean: the message ends with it (completing `set:` lists them all).
  const message = list !== undefined ? said + list : meant ? said.slice(0, -` ${can}: `.length) : said + lists[2];
  return {
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** A condition's `population.<group>.<field>` of a declared group naming no field of a group. */
export function unknownGroupField(key: string, doc: unknown): Unsettable | undefined {
  const p = parseWorldPath(key);
  return p?.kind === 'population' && !isGroupField(p.rest) ? unsettable(key, 'condition', doc) : undefined;
}
