// The `world` step of an action phase: an agent chooses one of the actions on offer against the
// state as it stands — what it sees of the world, of itself, of the agents it may name, and of
// the feeds it reads — and the choice waits in the turn until the phase resolves it.
import type { ActRequest, SeenPost, SeenQuantity } from '../../../llm/types';
import { phaseActionsFor, type ActionArg, type ActPhase, type Quantity } from '../../../format';
import type { Agent } from '../../society/agent';
import { WORLD_PHASE } from '../../society/roundPlan';
import type { WorldState } from '../../society/worldState';
import { after, then, type Step } from '../../flow/step';
import { recall } from '../recall';
import type { PhaseContext } from '../context';
import { own } from '../slot';
import type { Turn } from '../turn';
import { feedOf, optionsFor, type ActionOption, type Choices } from './actionOptions';
import type { CompiledAction, ExpressionFailure } from '../../society/compiledMechanics';
import { ACT_TURN } from './actState';
import { argsText, expressionError, report } from './guard';
import { platformVerbs } from './verbs';
import { drawTargets } from './targets';
import { placeChoices, placeInRequest } from './move';
import { argKey, conditionedChoices } from './candidates';
import { NEWS_AUTHOR, NEWS_NAME } from '../../society/feeds';
import { knownNews, seededTexts } from './seededNews';
import { optionKey } from '../../society/experience';
import { stream } from '../../../random/rng';
import { expectedChanges, expectedMoves, peersOf } from './expectedMoves';
import { Foresight } from './foresight';
import { foresightOver, type Foreseeing } from './beliefSpread';
import { anticipate, lookaheadActions } from './lookahead';
import { agreementIn } from './agreement';
import { matchedFirst, seenOthers } from './othersSeen';

/**
 * The turns the others still have after this decision: the rounds left, and one more when an act
 * phase follows this one in the round (a trustee returns in the phase after the trust).
 */
function laterTurns(world: PhaseContext, phase: ActPhase | undefined): number {
  const rounds = Math.max(0, world.settings.world.rounds - world.round);
  const plan = world.scenario.round;
  const at = phase && plan ? plan.indexOf(phase) : -1;
  const later = at >= 0 && plan!.slice(at + 1).some((p) => p.kind === 'act');
  return rounds + (later ? 1 : 0);
}

type Draws = { disposition: number; fairness: { envy: number; norm: number } };
const dispositions = new Map<string, Draws>();

/**
 * An agent's draws in a run: its disposition (its own stream's first draw, so no other draw
 * moves it), then its envy draw, then whether it holds a distribution norm (llm/offline/norm.ts);
 * kept per seed and id.
 */
function dispositionOf(seed: number, id: string): Draws {
  const key = `${seed}\u0000${id}`;
  let d = dispositions.get(key);
  if (d === undefined) {
    if (dispositions.size > 100_000) dispositions.clear();
    const rng = stream(seed, 'agent', id, 'disposition');
    const disposition = rng.next();
    const envy = rng.next();
    d = { disposition, fairness: { envy, norm: rng.next() } };
    dispositions.set(key, d);
  }
  return d;
}

const seen = (q: Quantity, value: number, shown = true): SeenQuantity | undefined =>
  shown
    ? {
        name: q.name,
        value,
        ...(q.description ? { description: q.description } : {}),
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
        ...(q.worth_usd !== undefined ? { worth: q.worth_usd } : {}),
      }
    : undefined;

/** The posts an agent reads before choosing, on the feeds the phase reads (every feed by default). */
function postsRead(
  world: PhaseContext,
  a: Agent,
  phase: ActPhase | undefined,
): { seen: SeenPost[]; byFeed: Map<string, string[]> } {
  const board = world.state?.board;
  const byFeed = new Map<string, string[]>();
  const seen: SeenPost[] = [];
  if (!board) return { seen, byFeed };
  const me = a.persona.id;
  const tie = (author: string): number => world.ties.get(me, author);
  for (const feed of phase?.reads ?? [...board.feeds.keys()]) {
    const posts = board.ranked(feed, me, world.round, tie);
    byFeed.set(
      feed,
      posts.map((p) => p.id),
    );
    for (const p of posts) {
      seen.push(board.seen(p, me, authorName(world, p.author), tie(p.author)));
    }
  }
  return { seen, byFeed };
}

/** The agents shown to the model: those offered, then the candidates of conditioned arguments. */
function shownOthers(
  others: readonly string[],
  among: ReadonlyMap<string, string[]> | undefined,
  conditioned: readonly CompiledAction[],
): string[] {
  if (!among) return [...others];
  const out = new Set(others);
  for (const c of conditioned) {
    for (const x of c.spec.args) {
      if (x.type === 'agent') for (const id of among.get(argKey(c.spec.name, x.name)) ?? []) out.add(id);
    }
  }
  return [...out];
}

/** A conditioned argument as the model is told it: with the ids it may choose among. */
function withAmong(arg: ActionArg, ids: readonly string[] | undefined): ActionArg & { among?: string[] } {
  return ids && arg.where !== undefined && arg.type !== 'number' ? { ...arg, among: [...ids] } : arg;
}

/** A post's author as readers see it: the agent's name, News for the platform's own posts. */
function authorName(world: PhaseContext, id: string): string {
  return world.agents.get(id)?.persona.name ?? (id === NEWS_AUTHOR ? NEWS_NAME : id);
}

/**
 * The news the agent knows (`news`): the seeded posts it read or recalled (seededPosts.ts), then
 * the knowledge items it believes (`knowledge:`), so what it posts follows what it knows. Only
 * in scenarios that seed posts or declare knowledge.
 */
function newsOf(
  world: PhaseContext,
  agent: string,
  read: readonly SeenPost[],
  recalled: readonly { text: string }[],
): { news?: string[] } {
  const seeded = seededTexts(world.scenario.events, world.round);
  const known = world.state?.knowledge?.believedBy(agent).map((k) => k.text) ?? [];
  if (!seeded.length && !known.length) return {};
  const texts = (xs: readonly { text: string }[]): string[] => xs.map((x) => x.text);
  const news = seeded.length ? knownNews(seeded, texts(read), texts(recalled)) : [];
  return { news: [...news, ...known.filter((k) => !news.includes(k))] };
}

/**
 * An agent that has not retrieved this round (a round without `meet`) recalls before it chooses:
 * what it remembers of these actions and of what it values — among it what its past choices
 * brought (consequences.ts), which is how an LLM agent learns from them.
 */
function recallBeforeChoice(world: PhaseContext, t: Turn): void | Promise<void> {
  const state = world.state!;
  // The offline model chooses by rule from the state, not from memories: nothing to retrieve for.
  if (t.retrieved || !t.agent.memories.length || world.answersByRule(t.agent.model)) return;
  t.retrieved = true;
  const phase = own(t, ACT_TURN).phase;
  const names = phase ? phaseActionsFor(phase, t.agent.persona.group) : undefined;
  const actions = state.compiled.mechanics.actions.filter((x) => !names || names.includes(x.name));
  const situation = [...actions.flatMap((x) => [x.name, x.description]), ...Object.keys(state.valuedOf(t.agent.id))];
  const r = recall(world, t.agent, situation, { tape: t.tape, phase: 'retrieve', signal: t.signal });
  if (!(r instanceof Promise)) t.recalled = r;
  else {
    return r.then((m) => {
      t.recalled = m;
    });
  }
}

/**
 * What the agent looks ahead with: its foresight of the round's close, made with what it expects
 * its peers to do this phase, and what that close brings each valued quantity without its choice.
 */
function lookingAhead(
  world: PhaseContext,
  state: WorldState,
  a: Agent,
  others: readonly string[],
  phase: ActPhase | undefined,
): { foresight?: Foreseeing; expected_close?: Record<string, number> } {
  const n = world.agents.size;
  const peers = peersOf(state, a, world.agents, phase?.who, world.round);
  const expected = expectedMoves(state, a, peers, phase, n, world.round);
  // Its match group (its partner) first: whose close its choice moves most (the drawn targets may miss them).
  const seen = matchedFirst(state, a.id, others).slice(0, others.length);
  const spread = (z: number) => expectedMoves(state, a, peers, phase, n, world.round, z);
  const foresight = Foresight.possible(state)
    ? foresightOver(state, a, seen, n, world.round, expected, spread)
    : undefined;
  const close = foresight ? foresight.expectedClose() : expectedChanges(state, a, expected);
  return { ...(foresight ? { foresight } : {}), ...(Object.keys(close).length ? { expected_close: close } : {}) };
}

/** An action phase's step for one agent: choose an action (applied when resolveActions runs). */
export function chooseAction(world: PhaseContext, t: Turn): Step {
  if (!world.state) return;
  return after(recallBeforeChoice(world, t), () => chooseNow(world, t));
}

/** The options as the request carries them: what each changes, foresees and brings back, and what was learnt of it. */
function optionsShown(state: WorldState, id: string, options: readonly ActionOption[]): ActRequest['options'] {
  return options.map(({ action, args, changes, move, compiled, foreseen, downside, responses }) => {
    const learned = state.experience.attraction(id, optionKey(action, args, compiled.spec.args));
    return {
      action,
      args,
      changes,
      ...(move ? { move } : {}),
      ...(foreseen ? { foreseen } : {}),
      ...(downside ? { downside } : {}),
      ...(responses ? { responses } : {}),
      ...(learned !== undefined ? { experience: learned } : {}),
    };
  });
}

function chooseNow(world: PhaseContext, t: Turn): Step {
  const state = world.state;
  if (!state) return;
  const a = t.agent;
  const act = own(t, ACT_TURN);
  const phase = act.phase;
  const others = drawTargets(world, a);
  const read = postsRead(world, a, phase);
  const offeredNames = phase ? phaseActionsFor(phase, a.persona.group) : undefined;
  const say = (err: ExpressionFailure, args?: Record<string, number | string>) =>
    report(
      (e) => t.tape.say(e),
      expressionError(
        world,
        { agent: a.id, phase: phase?.name },
        err,
        `${err.message} (not on offer to ${a.id} this round${argsText(args)})`,
      ),
    );
  const conditioned = state.compiled.actions.filter(
    (c) => c.wheres && (!offeredNames || offeredNames.includes(c.spec.name)),
  );
  const among = conditioned.length
    ? conditionedChoices(
        world,
        state,
        a,
        conditioned,
        (arg) => read.byFeed.get(feedOf(arg, read.byFeed) ?? '') ?? [],
        say,
      )
    : undefined;
  const { foresight, expected_close } = lookingAhead(world, state, a, others, phase);
  // An offline agent holds to what its group agreed as far as it talked with them (agreement.ts).
  const agreed = world.answersByRule(a.model) ? agreementIn(world, state, a, phase, offeredNames) : undefined;
  // An offline agent reckons a later partner's answer to what it does (lookahead.ts).
  const looked = world.answersByRule(a.model) ? lookaheadActions(world, state, phase, offeredNames) : undefined;
  const choices: Choices = {
    others,
    posts: read.byFeed,
    ...(among ? { among } : {}),
    ...placeChoices(world, a),
    ...(foresight ? { foresight } : {}),
    ...(looked?.size ? { looked } : {}),
  };
  const options = optionsFor(state, a, choices, world.agents.size, world.round, offeredNames, say);
  if (!options.length) return;
  if (looked?.size) anticipate(world, state, a, phase, options, looked);
  if (world.learning) state.experience.enter(a.id, () => state.valuedOf(a.id));
  const offered = new Set(options.map((o) => o.compiled));
  // Bounds written as expressions, as evaluated for this agent now: what the model may choose.
  const specs = new Map(options.filter((o) => o.argSpecs).map((o) => [o.compiled, o.argSpecs!]));
  const named = phase && phase.name !== WORLD_PHASE ? `${phase.name}:` : '';
  const request: ActRequest = {
    kind: 'act',
    key: `act:${world.round}:${named}${a.id}`,
    round: world.round,
    setting: world.settings.world.setting,
    persona: a.brief,
    memories: t.recalled,
    world: state.compiled.mechanics.world.map((q) => seen(q, state.world[q.name])!),
    own: state.compiled.mechanics.agents.map((q) => seen(q, state.of(a.id)[q.name])!),
    others: seenOthers(world, state, a.id, shownOthers(others, among, conditioned), others, agreed?.talked),
    pressure: state.conduct.pressureOn(a.id),
    ...dispositionOf(world.seed, a.id),
    later_turns: laterTurns(world, phase),
    actions: [...offered].map((c) => ({
      name: c.spec.name,
      description: c.spec.description,
      args: c.wheres
        ? (specs.get(c) ?? c.spec.args).map((x) => withAmong(x, among?.get(argKey(c.spec.name, x.name))))
        : (specs.get(c) ?? c.spec.args),
      effects: c.spec.effects,
      ...platformVerbs(c.spec),
      ...(c.spec.move ? { move: c.spec.move } : {}),
    })),
    options: optionsShown(state, a.id, options),
    ...(expected_close ? { expected_close } : {}),
    ...(agreed?.best.length ? { group_best: agreed.best } : {}),
    ...(state.board ? { posts: read.seen } : {}),
    ...newsOf(world, a.id, read.seen, t.recalled),
    ...placeInRequest(world, a),
    n: world.agents.size,
  };
  const decided = world.decide(
    a.model,
    request,
    { phase: 'world', declared: phase?.name, agent: a.id, tape: t.tape },
    t.signal,
  );
  return then(decided, (res) => {
    act.chosen = res;
  });
}
