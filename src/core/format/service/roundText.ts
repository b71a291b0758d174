// The phases of a round and the feeds of a platform (issue 34, `round:`, `feeds:`), in words: what a
// phase does (a built-in stage's meaning; a phase of actions' actions, order, who and when), and a
// feed's rank mix. Shared by completion and hover.
import type { Feed, FeedRank, Mechanics } from '../model/mechanics';
import { BUILTIN_MEANING, actionItems, isBuiltin, stringItems, type PhaseEntry } from '../assemble/roundSource';
import { societySchema } from '../schema/schema';

const sentence = (s: string): string => `${s[0].toUpperCase()}${s.slice(1)}.`;
const code = (s: string): string => `\`${s}\``;
const names = (list: string[]): string => list.map(code).join(', ');

/** A built-in stage: what it does. */
export function builtinCard(name: keyof typeof BUILTIN_MEANING, when?: string): string {
  const out = [`**${name}** · built-in phase`, sentence(BUILTIN_MEANING[name])];
  if (when !== undefined) out.push(`Runs in rounds where ${code(when)} holds.`);
  return out.join('\n\n');
}

const ORDER: Record<string, string> = {
  simultaneous: 'everyone chooses against the same state, then the choices take effect in turn order',
  sequential: 'each agent in turn chooses and acts, seeing what the earlier ones did',
};

/** What a phase does: a built-in stage's meaning, or a phase of actions' actions, order, who, when and reads. */
export function phaseCard(p: PhaseEntry, m: Mechanics | undefined): string | undefined {
  if (p.name === undefined) return undefined;
  const when = typeof p.fields.when === 'string' ? p.fields.when : undefined;
  if (isBuiltin(p.name)) return builtinCard(p.name, when);
  const order = p.fields.order === 'sequential' ? 'sequential' : 'simultaneous';
  const listed = actionItems(p.fields.actions).map((x) => x.value);
  const all = (m?.actions ?? []).map((a) => a.name);
  const who = stringItems(p.fields.who).map((x) => x.value);
  const reads = Array.isArray(p.fields.reads) ? stringItems(p.fields.reads).map((x) => x.value) : undefined;
  const out = [`**${p.name}** · phase of actions · ${order}`];
  if (typeof p.fields.description === 'string') out.push(p.fields.description);
  const offered = listed.length ? names(listed) : `every action${all.length ? ` (${names(all)})` : ''}`;
  out.push(
    [
      `- **actions:** ${offered}`,
      `- **order:** ${order}: ${ORDER[order]}`,
      `- **who:** ${who.length ? `the groups ${names(who)}` : 'everyone'}`,
      `- **when:** ${when !== undefined ? code(when) : 'every round'}`,
      ...((m?.feeds ?? []).length ? [`- **reads:** ${reads ? names(reads) || 'no feed' : 'every feed'}`] : []),
    ].join('\n'),
  );
  return out.join('\n\n');
}

const SIGNALS = ['recency', 'likes', 'replies', 'ties', 'follows'] as const satisfies readonly (keyof FeedRank)[];

/** A feed: what it is, and what it ranks posts by for each reader. */
export function feedCard(f: Feed): string {
  const meaning = societySchema.$defs.feed.properties?.rank?.properties ?? {};
  const out = [`**feed ${code(f.name)}** · shows each reader ${f.shows} posts · keeps posts ${f.keep} rounds`];
  if (f.description) out.push(f.description);
  const used = SIGNALS.filter((s) => f.rank[s] > 0);
  const unused = SIGNALS.filter((s) => !(f.rank[s] > 0));
  if (used.length) {
    out.push(
      [
        'Ranked for each reader by the weighted sum of:',
        ...used.map((s) => `- **${s}** ×${f.rank[s]}: ${meaning[s]?.description ?? s}`),
      ].join('\n'),
    );
  } else out.push('Ranked by no signal: newest first.');
  if (used.length && unused.length) out.push(`Not ranked by: ${unused.join(', ')}.`);
  return out.join('\n\n');
}
