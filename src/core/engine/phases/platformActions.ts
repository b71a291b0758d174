// What an action's platform verbs do once it takes effect (issue 34's feeds): `post:` puts the
// text the model wrote on a feed (as a reply when `reply_to:` names a post argument), `like:`
// adds the reader's like to a post, `follow:` makes the actor follow an agent (or a post's
// author), and `ties:` moves the actor's tie to the agent an argument names. Each one the verbs
// touch remembers it, so a reply, a like or a follow reaches the author's memory stream (and so
// what it says and does next), and tie changes are `tie` events like any other.
import type { CompiledAction } from '../society/compiledMechanics';
import type { Agent } from '../society/agent';
import type { FeedBoard } from '../society/feeds';
import type { ActionEvent } from '../../trace/events';
import type { World } from '../kernel/world';

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

/** Applies the verbs; returns what the action event records of them, and the actor's own account. */
export function applyPlatform(
  world: World,
  actor: Agent,
  compiled: CompiledAction,
  args: Record<string, number | string>,
  text: string | undefined,
): { event: Partial<ActionEvent>; account: string[] } {
  const spec = compiled.spec;
  const board = world.state?.board;
  const event: Partial<ActionEvent> = {};
  const account: string[] = [];
  const nameOf = (id: string): string => world.agents.get(id)?.persona.name ?? id;
  const tell = (id: string | undefined, what: string, importance: number): void => {
    const other = id ? world.agents.get(id) : undefined;
    if (other && other !== actor) world.remember(other, 'observation', what, importance);
  };
  if (spec.post && board) {
    const parent = spec.reply_to ? board.get(String(args[spec.reply_to])) : undefined;
    const body = (text ?? '').trim() || '(no text)';
    const post = board.add(spec.post, actor.persona.id, world.round, body, parent?.id);
    event.post = { id: post.id, feed: post.feed, text: post.text, ...(parent ? { reply_to: parent.id } : {}) };
    if (parent) {
      event.toward = parent.author;
      account.push(`I replied to ${nameOf(parent.author)}'s post ${quoted(parent.text, 60)}: ${quoted(body)}`);
      tell(parent.author, `${actor.persona.name} replied to my post ${quoted(parent.text, 60)}: ${quoted(body)}`, 5);
    } else {
      account.push(`I posted on ${spec.post}: ${quoted(body)}`);
    }
  }
  if (spec.like && board) {
    const post = board.get(String(args[spec.like]));
    if (post && board.like(actor.persona.id, post.id)) {
      event.liked = post.id;
      event.toward ??= post.author;
      account.push(`I liked ${nameOf(post.author)}'s post ${quoted(post.text, 60)}.`);
      tell(post.author, `${actor.persona.name} liked my post ${quoted(post.text, 60)}.`, 3);
    }
  }
  if (spec.follow && board) {
    const whom = agentOfArg(board, compiled, args, spec.follow);
    if (whom && world.agents.has(whom) && board.follow(actor.persona.id, whom)) {
      event.followed = whom;
      event.toward ??= whom;
      account.push(`I started following ${nameOf(whom)}.`);
      tell(whom, `${actor.persona.name} started following me.`, 4);
    }
  }
  for (const [argName, delta] of Object.entries(spec.ties ?? {})) {
    const whom = agentOfArg(board, compiled, args, argName);
    if (!whom || whom === actor.persona.id || !world.agents.has(whom)) continue;
    world.moveTie(actor.persona.id, whom, delta, 'action');
  }
  return { event, account };
}
