// Offline rules for a platform's verbs (actions that post, reply, like or follow; see
// format/model/mechanics.ts). The rule knows no action by name, only what its declared verbs
// do, read through the persona's motivations as uses-and-gratifications research reads social
// media use — self-presentation drives posting, social connection drives replies and follows,
// information drives following those worth reading, support drives likes — and through how
// relevant the post is to the reader (its interests named in the text) and its tie to the author:
//
//   post (a new thread)  0.6·m.presentation + 0.4·X − POST_EFFORT
//   reply to post p      m.social·(0.2 + rel_p + tie_p) − REPLY_EFFORT
//   like post p          m.support·(0.2 + rel_p) + 0.2·A·tie_p
//   follow author of p   m.information·rel_p + m.social·tie_p + 0.2·O − FOLLOW_EFFORT
//   ties: Δ to j         2·m.social·Δ
//
// (X, A, O: extraversion, agreeableness, openness; rel_p: 1 when the post names one of the
// reader's interests, else 0.) An action with no verbs and no effects (reading only) is worth 0,
// so a reader with little to gain just reads. The text of a post is worded from the persona
// (phrasing.ts): a new thread shares one of its interests and asks the others; a reply answers
// the post it replies to, on the post's topic. In a scenario that seeds posts (timed events that
// post), a new thread by an agent who knows of one (`news`: its text is in a post it reads or a
// memory it recalled) passes the most recent on instead, quoted whole, so its readers know it too.
import type { Rng } from '../../random/rng';
import { VERB_KEYS, type VerbKey } from '../../format';
import type { ActOption, ActRequest, SeenPost } from '../types';
import { firstName } from './cues';
import { phrase } from './phrasing';

export const POST_EFFORT = 0.35;
export const REPLY_EFFORT = 0.35;
export const FOLLOW_EFFORT = 0.3;

/** The first of `interests` a text names (case-insensitive), if any. */
export function topicOf(text: string, interests: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return interests.find((i) => i && lower.includes(i.toLowerCase()));
}

const postOf = (req: ActRequest, option: ActOption, arg: string | undefined): SeenPost | undefined =>
  arg === undefined ? undefined : req.posts?.find((p) => p.id === option.args[arg]);

/** One option being weighed or explained: the request, the option, its action, and the reader. */
interface Reading {
  readonly req: ActRequest;
  readonly option: ActOption;
  readonly action: ActRequest['actions'][number];
  /** 1 when the post names one of the reader's interests, else 0. */
  readonly rel: (p: SeenPost | undefined) => number;
}

function reading(req: ActRequest, option: ActOption): Reading | undefined {
  const action = req.actions.find((a) => a.name === option.action);
  if (!action) return undefined;
  const interests = req.persona.interests ?? [];
  return { req, option, action, rel: (p) => (p && topicOf(p.text, interests) ? 1 : 0) };
}

/** The agent (or post author) an agent-or-post argument names, as the reader sees it. */
const partyOf = (r: Reading, arg: string): { post?: SeenPost; other?: ActRequest['others'][number] } => ({
  post: postOf(r.req, r.option, arg),
  other: r.req.others.find((o) => o.id === r.option.args[arg]),
});

/** What each verb is worth to the reader, term by term (the header's rules; `reply_to` is weighed with its post). */
const WORTH: Record<VerbKey, (r: Reading) => number[]> = {
  post: ({ req, option, action, rel }) => {
    const { traits: t, motivations: m } = req.persona;
    const parent = postOf(req, option, action.reply_to);
    return [
      parent
        ? m.social * (0.2 + rel(parent) + parent.tie) - REPLY_EFFORT
        : 0.6 * m.presentation + 0.4 * t.extraversion - POST_EFFORT,
    ];
  },
  reply_to: () => [],
  like: ({ req, option, action, rel }) => {
    const p = postOf(req, option, action.like);
    return [req.persona.motivations.support * (0.2 + rel(p)) + 0.2 * req.persona.traits.agreeableness * (p?.tie ?? 0)];
  },
  follow: (r) => {
    const { traits: t, motivations: m } = r.req.persona;
    const { post: p, other } = partyOf(r, r.action.follow!);
    const tie = p?.tie ?? other?.tie ?? 0;
    return [m.information * r.rel(p) + m.social * tie + 0.2 * t.openness - FOLLOW_EFFORT];
  },
  ties: ({ req, action }) =>
    Object.values(action.ties ?? {}).map((delta) => 2 * req.persona.motivations.social * delta),
};

/** What an option's platform verbs are worth to the reader (0 for an action without them). */
export function platformUtility(req: ActRequest, option: ActOption): number {
  const r = reading(req, option);
  if (!r) return 0;
  let u = 0;
  for (const k of VERB_KEYS) if (r.action[k] !== undefined) for (const term of WORTH[k](r)) u += term;
  return u;
}

/** The text of the post the chosen option writes, or undefined when it writes none. */
export function postText(req: ActRequest, option: ActOption, rng: Rng): string | undefined {
  const action = req.actions.find((a) => a.name === option.action);
  if (!action || action.post === undefined) return undefined;
  const self = req.persona;
  const interests = self.interests ?? [];
  const parent = postOf(req, option, action.reply_to);
  if (parent) {
    const topic = topicOf(parent.text, interests);
    const other = { ...self, id: parent.author, name: parent.name };
    const warm = phrase('support', { self, other, topic, after: { act: 'share', text: parent.text } }, rng);
    const mine = topic && interests.includes(topic) ? ` ${phrase('share', { self, topic }, rng)}` : '';
    const name = firstName(parent.name);
    return `${warm.includes(name) ? '' : `@${name} `}${warm}${mine}`;
  }
  // The topic follows what it knows: news a seeded post brought (only scenarios that seed posts have any).
  const news = req.news?.[0];
  if (news !== undefined) {
    return `${HEARD[rng.int(HEARD.length)]} "${news}" ${OPEN_TO_ALL[rng.int(OPEN_TO_ALL.length)]}`;
  }
  const topic = interests.length ? interests[rng.int(interests.length)] : undefined;
  return `${phrase('share', { self, topic }, rng)} ${OPEN_TO_ALL[rng.int(OPEN_TO_ALL.length)]}`;
}

/** How a new thread passes on news it knows of (quoted whole, so readers come to know it too). */
const HEARD = ['Have you all heard?', 'Word is going round:', 'Just saw this:', 'Can this be true?'];

/** How a new thread invites the others in. */
const OPEN_TO_ALL = [
  'Anyone else?',
  'Keen to hear from anyone who is into it too.',
  'How do you all find time for it?',
  'Tips welcome!',
];

/** Why, in the reader's words, for each verb that gives a reason (the first the action declares does). */
const REASON: Record<VerbKey, ((r: Reading) => string) | undefined> = {
  post: (r) => {
    const parent = postOf(r.req, r.option, r.action.reply_to);
    return parent ? `I have something to say to ${about(r, parent)}` : 'I feel like putting something out there';
  },
  reply_to: undefined,
  like: (r) => `I liked ${about(r, postOf(r.req, r.option, r.action.like))}`,
  follow: (r) => {
    const { post: p, other } = partyOf(r, r.action.follow!);
    const name = p?.name ?? other?.name;
    return `I want to see more from ${name ? firstName(name) : 'them'}`;
  },
  ties: undefined,
};

function about(r: Reading, p: SeenPost | undefined): string {
  const topic = p && topicOf(p.text, r.req.persona.interests ?? []);
  return p ? `${firstName(p.name)}'s post${topic ? ` about ${topic}` : ''}` : 'a post';
}

/** Why, in the reader's words, for an option with platform verbs (undefined without them). */
export function platformReason(req: ActRequest, option: ActOption): string | undefined {
  const r = reading(req, option);
  if (!r) return undefined;
  const k = VERB_KEYS.find((key) => r.action[key] !== undefined && REASON[key]);
  return k ? REASON[k]!(r) : undefined;
}
