// Checks of what an action does on a platform's feeds (issue 34, `feeds:`): `post:` and a post
// argument's `feed:` name declared feeds (SOC068); a feed to post on and to read posts from exists,
// and a post argument says which feed when there are several (SOC069); each verb names what the
// verb table says (verbs.ts: `reply_to` and `like` a post argument, `follow` and `ties` an agent or
// post argument), and a verb that qualifies another comes with it: a reply is a post (SOC070).
import type { Action, ActionArg } from '../model/mechanics';
import type { PathSegment } from '../syntax/parse';
import { report, unknownName, type Report, type UnknownWords } from './mechanicsReport';
import { declaredVerbs, verbSpec, verbTarget } from '../model/verbs';

export function checkFeeds(r: Report): void {
  const feeds = (r.m.feeds ?? []).map((f) => f.name);
  for (const a of r.m.actions) {
    for (const { key } of declaredVerbs(a)) {
      const needs = verbSpec(key)?.needs;
      if (!needs || a[needs.verb] !== undefined) continue;
      const message = `Action '${a.name}' has \`${key}\` but no \`${needs.verb}\`: ${needs.because}. Add \`${needs.verb}: <${verbTarget(needs.verb)}>\` (${needs.add})`;
      report(r, 'SOC070', 'error', message, r.at.keyRange(['actions', a.name, key]));
    }
    if (r.unsure) continue; // "not defined" checks wait until the scenario reads cleanly
    if (feeds.length) feedNames(r, a, feeds);
    else noFeeds(r, a);
    argumentKinds(r, a);
  }
}

/** `post:` and the post arguments' `feed:` name declared feeds; a post argument says which of several (SOC068, SOC069). */
function feedNames(r: Report, a: Action, feeds: string[]): void {
  const unknown = (path: PathSegment[], name: string, where: string): void =>
    unknownName(r, 'SOC068', r.at.valueRange(path), name, feeds, {
      unknown: `Unknown feed '${name}' in ${where}`,
      kind: 'feeds',
      none: 'declare it under `feeds:`',
    });
  for (const v of declaredVerbs(a)) {
    if (v.names === 'feed' && !feeds.includes(v.value)) {
      unknown(['actions', a.name, v.key], v.value, `\`${v.key}\` of action '${a.name}'`);
    }
  }
  for (const arg of a.args.filter((x) => x.type === 'post')) {
    const path = ['actions', a.name, 'args', arg.name];
    if (arg.feed !== undefined) {
      if (!feeds.includes(arg.feed)) {
        unknown([...path, 'feed'], arg.feed, `\`feed\` of post argument '${arg.name}' of action '${a.name}'`);
      }
    } else if (feeds.length > 1) {
      report(
        r,
        'SOC069',
        'error',
        `Post argument '${arg.name}' of action '${a.name}' needs a \`feed\`: the scenario has ${feeds.length} feeds (${feeds.join(', ')}), and a post is chosen from one`,
        r.at.keyRange(path),
      );
    }
  }
}

/** An action that posts, likes or reads a post in a scenario with no feeds (SOC069), once. */
function noFeeds(r: Report, a: Action): void {
  const posts = a.args.filter((x) => x.type === 'post');
  if (a.post === undefined && !posts.length) return;
  const [what, path] =
    a.post !== undefined
      ? [`posts on feed '${a.post}'`, ['actions', a.name, 'post']]
      : a.like !== undefined
        ? ['likes a post', ['actions', a.name, 'like']]
        : [`reads a post (argument '${posts[0].name}')`, ['actions', a.name, 'args', posts[0].name]];
  const range = a.post !== undefined || a.like !== undefined ? r.at.valueRange(path) : r.at.keyRange(path);
  report(
    r,
    'SOC069',
    'error',
    `Action '${a.name}' ${what}, but the scenario declares no feeds: declare ${a.post !== undefined ? 'it' : 'one'} under \`feeds:\``,
    range,
  );
}

const KIND_WORD: Record<ActionArg['type'], string> = {
  number: 'a number argument',
  agent: 'an agent argument',
  post: 'a post argument',
  place: 'a place argument',
};

/** A verb names a post argument, or an agent or post argument, as the verb table says (SOC070). */
function argumentKinds(r: Report, a: Action): void {
  const base = ['actions', a.name];
  const posts = a.args.filter((x) => x.type === 'post').map((x) => x.name);
  const people = a.args.filter((x) => x.type !== 'number').map((x) => x.name);
  const check = (field: string, name: string, allowed: string[], path: PathSegment[], onKey = false): void => {
    if (allowed.includes(name)) return;
    const range = onKey ? r.at.keyRange(path) : r.at.valueRange(path);
    const forPosts = allowed === posts;
    const arg = a.args.find((x) => x.name === name);
    if (arg) {
      const which = allowed.length
        ? ` (${allowed.join(', ')})`
        : ` (declare one with \`type: ${forPosts ? 'post' : 'agent'}\`)`;
      const wants = forPosts ? 'a post argument' : 'an agent or post argument';
      const message = `\`${field}\` of action '${a.name}' names '${name}', ${KIND_WORD[arg.type]}: it needs ${wants}${which}`;
      report(r, 'SOC070', 'error', message, range);
      return;
    }
    const words: UnknownWords = {
      unknown: `Unknown argument '${name}' in \`${field}\` of action '${a.name}'`,
      kind: forPosts ? 'post arguments' : 'agent and post arguments',
      none: `action '${a.name}' has no ${forPosts ? 'post' : 'agent or post'} argument: add one to its \`args\`, e.g. \`${name}: { type: ${forPosts ? 'post' : 'agent'} }\``,
    };
    unknownName(r, 'SOC070', range, name, allowed, words);
  };
  for (const v of declaredVerbs(a)) {
    if (v.names === 'post' || v.names === 'party') {
      check(v.key, v.value, v.names === 'post' ? posts : people, [...base, v.key]);
    } else if (v.names === 'deltas') {
      for (const key of Object.keys(v.value)) check(v.key, key, people, [...base, v.key, key], true);
    }
  }
}
