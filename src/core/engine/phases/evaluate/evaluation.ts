// After a conversation each side rates the other. The rating moves the rater's directed tie,
// becomes an evaluation memory (with a valence the agent later acts on), and is fed back to the
// rated agent (its rewards and what it knows about the rater). Evaluations of one round are
// independent: each reads the ties as they stood at the evaluation barrier, and its effects are
// committed afterwards in canonical order (so two ratings of the same tie in one round compose).
import type { Agent } from '../../society/agent';
import { agentNamed } from '../meet/conversation';
import type { Conversation } from '../meet/talk';
import type { StateChange } from '../../flow/stateChange';
import { mutualTies } from '../../society/encounters';
import { recordRating } from '../../society/rewards';
import type { DecisionResponse, EvaluateRequest, TranscriptLine } from '../../../llm/types';
import type { ErrorEvent, EvaluationEvent, EvaluationReasons } from '../../../trace/events';
import { messageCount } from '../../../format';
import { after, type Step } from '../../flow/step';
import { inOrder, type Tape } from '../../flow/tape';
import { tieTarget, updatedStrength } from '../../society/ties';
import { usageField } from '../../society/usageBook';
import type { PhaseContext } from '../context';

export function evaluatePartner(
  world: PhaseContext,
  rater: Agent,
  ratee: Agent,
  conv: Conversation,
  tape: Tape,
  signal?: AbortSignal,
): Step {
  const transcript = conv.transcript;
  const decided = world.decide(
    rater.model,
    {
      kind: 'evaluate',
      key: `evaluate:${conv.id}:${rater.id}:${ratee.id}`,
      round: world.round,
      setting: world.settings.world.setting,
      persona: rater.brief,
      memories: conv.context.get(rater.id) ?? [],
      partner: ratee.brief,
      transcript,
      // In a room nobody sought anyone out: the first member listed must not earn initiative from everyone.
      initiated_by: conv.room ? '' : conv.initiator,
      met_before: world.meetings.get(rater.id, ratee.id) ?? 0,
      tie: world.ties.get(rater.id, ratee.id),
      mutual: mutualTies(rater.id, ratee.id, world.ties, world.settings.ties.threshold),
    },
    { phase: 'evaluate', agent: rater.id, tape, encounter: conv.id },
    signal,
  );
  // An answer at once (the offline model) is used at once, without a closure to wait for it.
  if (!(decided instanceof Promise)) return rated(world, rater, ratee, conv, tape, decided);
  return decided.then((res) => rated(world, rater, ratee, conv, tape, res));
}

/** A model's score as a rating: within 0..1, and 0 when it is not a number. */
const clamp = (x: number): number => (Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0);

/** The first topic `who` brought up in the transcript. */
function firstTopicOf(transcript: readonly TranscriptLine[], who: string): string | undefined {
  for (const l of transcript) if (l.from === who && l.topic) return l.topic;
  return undefined;
}

/** The rating becomes an event now and, when the stage commits, a tie change, a memory and feedback to the ratee. */
function rated(
  world: PhaseContext,
  rater: Agent,
  ratee: Agent,
  conv: Conversation,
  tape: Tape,
  res: DecisionResponse<EvaluateRequest> | undefined,
): void {
  if (!res) return;
  // Read now, while the transcript is fresh in the cache, rather than when the stage commits.
  const said = res.text,
    topic = firstTopicOf(conv.transcript, ratee.id);
  const reasons = {
    reciprocity: clamp(res.reasons.reciprocity),
    novelty: clamp(res.reasons.novelty),
    affect: clamp(res.reasons.affect),
  };
  const rating = clamp(res.rating);
  const event: EvaluationEvent = {
    type: 'evaluation',
    round: world.round,
    encounter: conv.id,
    from: rater.id,
    to: ratee.id,
    rating,
    reasons,
    text: res.text,
  };
  const usage = usageField(res.usage).usage;
  if (usage) event.usage = usage;
  if (res.usage.by) event.by = res.usage.by;
  tape.say(event);

  tape.later<RatingChange>({
    kind: 'rating',
    rater: rater.id,
    ratee: ratee.id,
    rating,
    reasons,
    said,
    ...(topic ? { topic } : {}),
  });
}

/** A rating moves the rater's tie, becomes its memory and the ratee's feedback (at the barrier's commit). */
export interface RatingChange extends StateChange {
  kind: 'rating';
  rater: string;
  ratee: string;
  rating: number;
  reasons: EvaluationReasons;
  /** What the rater said of the conversation. */
  said: string;
  /** The first topic the ratee brought up. */
  topic?: string;
}

/** The members of a rated conversation count one more meeting with each other. */
export interface MetChange extends StateChange {
  kind: 'met';
  members: string[];
}

/** A rating, as the stage commits it (engine/flow/stateChange.ts). */
export function commitRating(world: PhaseContext, c: RatingChange): void {
  const rater = agentNamed(world, c.rater),
    ratee = agentNamed(world, c.ratee);
  const cfg = world.settings.ties;
  const previous = world.ties.get(rater.id, ratee.id);
  const strength = updatedStrength(previous, tieTarget(c.reasons, cfg.weights), cfg);
  world.ties.set(rater.id, ratee.id, strength, world.round);
  world.emit({
    type: 'tie',
    round: world.round,
    from: rater.id,
    to: ratee.id,
    previous,
    strength,
    exists: strength >= cfg.threshold,
    cause: 'evaluation',
  });

  // Importance grows with how far the rating is from indifferent (0.5).
  const valence = 2 * c.rating - 1;
  world.remember(
    rater,
    'evaluation',
    `I rated my conversation with ${ratee.persona.name} ${c.rating.toFixed(2)}: ${c.said}`,
    3 + 5 * Math.abs(valence),
    c.topic ? { partner: ratee.id, valence, topic: c.topic } : { partner: ratee.id, valence },
  );

  world.ratings.set(ratee.id, rater.id, c.rating);
  recordRating(ratee.window, c.rating);
}

/** The members of a rated conversation count one more meeting with each other (at the commit). */
export function countMeeting(world: PhaseContext, members: readonly string[]): void {
  const agents = members.map((id) => agentNamed(world, id));
  for (const a of agents) {
    for (const b of agents) if (a !== b) world.meetings.set(a.id, b.id, (world.meetings.get(a.id, b.id) ?? 0) + 1);
  }
}

/** Whether `who` said anything in the transcript. */
function spoke(transcript: readonly TranscriptLine[], who: string): boolean {
  for (const l of transcript) if (l.from === who) return true;
  return false;
}

/**
 * Every member who was spoken to rates every member who spoke, concurrently; afterwards the
 * members count the meeting (`met`), which is what "first meeting" means next time. A member who
 * had a turn and said nothing (every line of theirs failed) is not rated: each rating never asked
 * is an `error` event (handling 'unasked'), so a failed line loses nothing without a word.
 */
export function evaluateConversation(world: PhaseContext, conv: Conversation, tape: Tape, signal?: AbortSignal): Step {
  const total = messageCount(world.settings.world.conversation.turns, conv.members.length, !!conv.room);
  const pairs: [Agent, Agent][] = [];
  for (const rater of conv.members) {
    conv.members.forEach((ratee, turn) => {
      if (rater === ratee) return;
      if (spoke(conv.transcript, ratee.id)) pairs.push([rater, ratee]);
      // A member's first turn is its index in the conversation: it had one and lost every line.
      else if (turn < total) tape.say(unasked(world, rater, ratee, conv));
    });
  }
  if (!conv.transcript.length) return;
  return after(
    inOrder(pairs, tape, ([rater, ratee], sub) => evaluatePartner(world, rater, ratee, conv, sub, signal)),
    () => {
      tape.later<MetChange>({ kind: 'met', members: conv.members.map((m) => m.id) });
    },
  );
}

function unasked(world: PhaseContext, rater: Agent, ratee: Agent, conv: Conversation): ErrorEvent {
  return {
    type: 'error',
    round: world.round,
    agent: rater.id,
    phase: 'evaluate',
    kind: 'evaluate',
    encounter: conv.id,
    message: `not asked to rate ${ratee.id}: every line ${ratee.id} had to say in this conversation failed`,
    handling: 'unasked',
  };
}
