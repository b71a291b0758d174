// What an action's platform verbs do once it takes effect (issue 34's feeds), as a table: one
// entry and its `apply` per verb. `post:` puts the text the model wrote on a feed (as a reply when
// `reply_to:` names a post argument), `like:` adds the reader's like to a post, `follow:` makes
// the actor follow an agent (or a post's author), and `ties:` moves the actor's tie to the agent
// an argument names. Each one the verbs touch remembers it, so a reply, a like or a follow reaches
// the author's memory stream (and so what it says and does next), and tie changes are `tie`
// events like any other. A new verb is a key in the format's table (format/model/verbs.ts),
// whose compiler errors name its apply here and every other place that says what a verb does; its
// key in the schema's action (test/unit/architecture/phases.test.ts names what is missing).
import { type Action, VERB_KEYS, type VerbFields, type VerbKey } from '../../../format';
import type { CompiledAction } from '../../society/compiledMechanics';
import type { Agent } from '../../society/agent';
import { NEWS_AUTHOR, NEWS_NAME, type FeedBoard } from '../../society/feeds';
import type { ActionEvent } from '../../../trace/events';
import type { PhaseContext } from '../context';

/** The agent an argument names: an agent argument's id, or a post argument's author. */
export function agentOfArg(
  board: FeedBoard | undefined,
  compiled: CompiledAction,
  args: Record<string, number | string>,
  name: string,
): string | undefined {
  const arg = compiled.spec.args.find((a) => a.name === name);
  if (!arg) return undefined;
  const value = String(args[name]);
  if (arg.type === 'agent') return value;
  if (arg.type === 'post') return board?.get(value)?.author;
  return undefined;
}

const quoted = (text: string, max = 120): string => `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;

/** One verb being applied: the action, the board, and what the action event and account collect. */
interface Application {
  readonly world: PhaseContext;
  readonly actor: Agent;
  readonly compiled: CompiledAction;
  readonly args: Record<string, number | string>;
  readonly text: string | undefined;
  readonly board: FeedBoard | undefined;
  readonly event: Partial<ActionEvent>;
  readonly account: string[];
}

export interface PlatformVerb {
  /** The action's key that declares it. */
  readonly key: VerbKey;
  /** What it does once the action takes effect (none: it qualifies another verb, as `reply_to` does `post`). */
  readonly apply?: (v: Application) => void;
}

const nameOf = (v: Application, id: string): string =>
  v.world.agents.get(id)?.persona.name ?? (id === NEWS_AUTHOR ? NEWS_NAME : id);

/** `id` remembers what the actor did to it (not the actor itself). */
function tell(v: Application, id: string | undefined, what: string, importance: number): void {
  const other = id ? v.world.agents.get(id) : undefined;
  if (other && other !== v.actor) v.world.remember(other, 'observation', what, importance);
}

function post(v: Application): void {
  const { board, compiled, args, actor, event, account } = v;
  const spec = compiled.spec;
  if (!board) return;
  const parent = spec.reply_to ? board.get(String(args[spec.reply_to])) : undefined;
  const body = (v.text ?? '').trim() || '(no text)';
  const made = board.add(spec.post!, actor.persona.id, v.world.round, body, parent?.id);
  event.post = { id: made.id, feed: made.feed, text: made.text, ...(parent ? { reply_to: parent.id } : {}) };
  if (parent) {
    if (parent.author !== NEWS_AUTHOR) event.toward = parent.author;
    account.push(`I replied to ${nameOf(v, parent.author)}'s post ${quoted(parent.text, 60)}: ${quoted(body)}`);
    tell(v, parent.author, `${actor.persona.name} replied to my post ${quoted(parent.text, 60)}: ${quoted(body)}`, 5);
  } else {
    account.push(`I posted on ${spec.post}: ${quoted(body)}`);
  }
}

function like(v: Application): void {
  const { board, actor, event, account } = v;
  const liked = board?.get(String(v.args[v.compiled.spec.like!]));
  if (!board || !liked || !board.like(actor.persona.id, liked.id)) return;
  event.liked = liked.id;
  if (liked.author !== NEWS_AUTHOR) event.toward ??= liked.author;
  account.push(`I liked ${nameOf(v, liked.author)}'s post ${quoted(liked.text, 60)}.`);
  tell(v, liked.author, `${actor.persona.name} liked my post ${quoted(liked.text, 60)}.`, 3);
}

function follow(v: Application): void {
  const { board, actor, event, account } = v;
  if (!board) return;
  const whom = agentOfArg(board, v.compiled, v.args, v.compiled.spec.follow!);
  if (!whom || !v.world.agents.has(whom) || !board.follow(actor.persona.id, whom)) return;
  event.followed = whom;
  event.toward ??= whom;
  account.push(`I started following ${nameOf(v, whom)}.`);
  tell(v, whom, `${actor.persona.name} started following me.`, 4);
}

function moveTies(v: Application): void {
  for (const [argName, delta] of Object.entries(v.compiled.spec.ties ?? {})) {
    const whom = agentOfArg(v.board, v.compiled, v.args, argName);
    if (!whom || whom === v.actor.persona.id || !v.world.agents.has(whom)) continue;
    v.world.moveTie(v.actor.persona.id, whom, delta, 'action');
  }
}

/** Whether a verb's arguments still name something it can act on (a like not given before, a follow not made). */
type Possible = (
  board: FeedBoard,
  me: string,
  compiled: CompiledAction,
  args: Record<string, number | string>,
) => boolean;

/** What each verb does in the engine: its apply (none: it qualifies another) and when it is possible. */
const ENGINE: Record<VerbKey, { apply?: PlatformVerb['apply']; possible?: Possible }> = {
  post: { apply: post },
  reply_to: {},
  like: { apply: like, possible: (board, me, c, args) => !board.hasLiked(me, String(args[c.spec.like!])) },
  follow: {
    apply: follow,
    possible: (board, me, c, args) => {
      const whom = agentOfArg(board, c, args, c.spec.follow!);
      return !!whom && whom !== me && !board.isFollowing(me, whom);
    },
  },
  ties: { apply: moveTies },
};

/** The verbs, in the order they apply (the format's table: format/model/verbs.ts). */
export const VERBS: readonly PlatformVerb[] = VERB_KEYS.map((key) => {
  const apply = ENGINE[key].apply;
  return apply ? { key, apply } : { key };
});

/** Whether every verb the action declares can act on what its arguments name (with a board to act on). */
export function verbsPossible(
  board: FeedBoard | undefined,
  me: string,
  compiled: CompiledAction,
  args: Record<string, number | string>,
): boolean {
  if (!board) return true;
  for (const key of VERB_KEYS) {
    const possible = ENGINE[key].possible;
    if (possible && compiled.spec[key] && !possible(board, me, compiled, args)) return false;
  }
  return true;
}

/** Applies the verbs; returns what the action event records of them, and the actor's own account. */
export function applyPlatform(
  world: PhaseContext,
  actor: Agent,
  compiled: CompiledAction,
  args: Record<string, number | string>,
  text: string | undefined,
): { event: Partial<ActionEvent>; account: string[] } {
  const v: Application = { world, actor, compiled, args, text, board: world.state?.board, event: {}, account: [] };
  for (const verb of VERBS) if (verb.apply && compiled.spec[verb.key]) verb.apply(v);
  return { event: v.event, account: v.account };
}

/** The verbs an action declares, as the model is shown them. */
export function platformVerbs(spec: Action): VerbFields {
  return Object.fromEntries(VERBS.filter((v) => spec[v.key] !== undefined).map((v) => [v.key, spec[v.key]]));
}
