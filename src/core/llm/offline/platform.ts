// Offline rules for a platform's verbs (actions that post, reply, like or follow; see
// format/language/mechanics.ts). The rule knows no action by name, only what its declared verbs
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
// the post it replies to, on the post's topic.
import type { Rng } from '../../random/rng';
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

/** What an option's platform verbs are worth to the reader (0 for an action without them). */
export function platformUtility(req: ActRequest, option: ActOption): number {
  const action = req.actions.find((a) => a.name === option.action);
  if (!action) return 0;
  const t = req.persona.traits,
    m = req.persona.motivations;
  const interests = req.persona.interests ?? [];
  const rel = (p: SeenPost | undefined): number => (p && topicOf(p.text, interests) ? 1 : 0);
  let u = 0;
  if (action.post !== undefined) {
    const parent = postOf(req, option, action.reply_to);
    u += parent
      ? m.social * (0.2 + rel(parent) + parent.tie) - REPLY_EFFORT
      : 0.6 * m.presentation + 0.4 * t.extraversion - POST_EFFORT;
  }
  if (action.like !== undefined) {
    const p = postOf(req, option, action.like);
    u += m.support * (0.2 + rel(p)) + 0.2 * t.agreeableness * (p?.tie ?? 0);
  }
  if (action.follow !== undefined) {
    const p = postOf(req, option, action.follow);
    const tie = p?.tie ?? req.others.find((o) => o.id === option.args[action.follow!])?.tie ?? 0;
    u += m.information * rel(p) + m.social * tie + 0.2 * t.openness - FOLLOW_EFFORT;
  }
  for (const delta of Object.values(action.ties ?? {})) u += 2 * m.social * delta;
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
  const topic = interests.length ? interests[rng.int(interests.length)] : undefined;
  return `${phrase('share', { self, topic }, rng)} ${OPEN_TO_ALL[rng.int(OPEN_TO_ALL.length)]}`;
}

/** How a new thread invites the others in. */
const OPEN_TO_ALL = [
  'Anyone else?',
  'Keen to hear from anyone who is into it too.',
  'How do you all find time for it?',
  'Tips welcome!',
];

/** Why, in the reader's words, for an option with platform verbs (undefined without them). */
export function platformReason(req: ActRequest, option: ActOption): string | undefined {
  const action = req.actions.find((a) => a.name === option.action);
  if (!action) return undefined;
  const interests = req.persona.interests ?? [];
  const about = (p: SeenPost | undefined): string => {
    const topic = p && topicOf(p.text, interests);
    return p ? `${firstName(p.name)}'s post${topic ? ` about ${topic}` : ''}` : 'a post';
  };
  if (action.post !== undefined) {
    const parent = postOf(req, option, action.reply_to);
    return parent ? `I have something to say to ${about(parent)}` : 'I feel like putting something out there';
  }
  if (action.like !== undefined) return `I liked ${about(postOf(req, option, action.like))}`;
  if (action.follow !== undefined) {
    const p = postOf(req, option, action.follow);
    const name = p?.name ?? req.others.find((o) => o.id === option.args[action.follow!])?.name;
    return `I want to see more from ${name ? firstName(name) : 'them'}`;
  }
  return undefined;
}
