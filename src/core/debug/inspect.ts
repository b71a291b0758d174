// The state the Variables view shows, as plain data: the acting agent (persona, rewards, ties,
// the memories retrieved for its latest decision with their scores, the prompt and the reply)
// and the world (round, agents, ties, network metrics). The adapter makes it expandable.
import type { FeedBoard } from '../engine';
import { computeNetworkMetrics, graphFromTies } from '../analysis';
import type { Simulation } from '../engine';
import { promptOf, type DecisionLog } from './decisionLog';
import { Lazy } from './lazy';
import { knowledgeView, knowsOf, placesView } from './knowledgeView';
import { learnedOf } from './experienceView';
import { labelledValues } from './labelled';
import { isInstant } from '../format';
import type { SurveyBook } from './surveyBook';
import { nameRecord } from '../text/nameRecord';
import { scenarioFacts } from '../analysis';
import type { WorldFacts } from '../analysis';

/** What the world provides: its design's, or ties a module made (the table's needs; issue 59). */
function worldFacts(sim: Simulation): WorldFacts {
  const w = sim.world;
  const design = scenarioFacts(w.scenario);
  return { ...design, ties: design.ties || w.ties.countExisting(w.settings.ties.threshold) > 0 };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function agentState(
  sim: Simulation,
  id: string,
  log: DecisionLog,
  surveys?: SurveyBook,
): Record<string, unknown> {
  const w = sim.world;
  const a = sim.agent(id);
  if (!a) return { removed: id };
  const tiesOut: Record<string, number> = nameRecord();
  for (const [to, t] of w.ties.outgoing(id)) tiesOut[to] = round3(t.strength);
  const tiesIn: Record<string, number> = nameRecord();
  for (const other of w.agents.keys()) {
    const s = w.ties.get(other, id);
    if (s > 0) tiesIn[other] = round3(s);
  }
  const decisions = log.of(id).map((d) => ({
    kind: d.kind,
    round: d.round,
    model: `${d.model} (${d.provider})`,
    // The offline model reads the request, not a prompt: say what an LLM would have been sent.
    [isInstant(d) ? 'prompt (rendered; the offline model is not sent one)' : 'prompt']: promptOf(
      d,
      w.scenario.prompts,
      sim.rounds,
    ),
    [isInstant(d) ? 'reply (offline model, structured)' : 'reply']: d.response,
    retrieved: d.request.memories,
  }));
  const latest = log.last(id);
  const world = worldFacts(sim);
  return {
    id,
    name: a.persona.name,
    model: a.model,
    persona: a.brief,
    // A census-synthesised agent: the tables, cell and IPF weight it came from (issue 48).
    ...(a.persona.provenance ? { provenance: a.persona.provenance } : {}),
    ...(world.rewards ? { rewards: { last: a.lastRewards ?? null, window: a.window } } : {}),
    ...(w.state?.hasQuantities ? { state: labelledValues(w.state.of(id), w.state.agentQuantities) } : {}),
    ...(w.places ? { place: w.places.label(w.places.placeOf(id)) ?? 'away' } : {}),
    ...(w.state?.knowledge ? { knows: knowsOf(w.state.knowledge, id, (x) => w.agents.get(x)?.persona.name ?? x) } : {}),
    // What each option brought it beyond its immediate changes, against its usual (issue 45).
    ...(w.state?.experience.experienced(id) ? { learned: learnedOf(w.state.experience, id) } : {}),
    ...(world.ties ? { ties: { out: tiesOut, in: tiesIn } } : {}),
    // Whom it talked with and who rated it: rows of a world where people meet, not of a game
    // without ties or talk (issue 88: `met` and `ratedBy` stood empty in a public goods game).
    ...(world.ties || w.meetings.entriesOf(id).length ? { met: Object.fromEntries(w.meetings.entriesOf(id)) } : {}),
    ...(world.ties || w.ratings.entriesOf(id).length ? { ratedBy: Object.fromEntries(w.ratings.entriesOf(id)) } : {}),
    // Its survey answers with scale scores, and the judges' scores of it (issue 48).
    ...surveys?.entries(id),
    retrieved: latest
      ? latest.request.memories.map((m) => ({
          score: round3(m.score),
          id: m.id,
          round: m.round,
          kind: m.kind,
          importance: m.importance,
          text: m.text,
        }))
      : [],
    memories: a.memories.records().reverse(),
    decisions,
  };
}

/** The world at a stop. Agents, ties and network metrics are worked out when expanded (see Lazy). */
/** The feeds at a stop: each feed's posts, newest first (opened on demand), and the follows. */
function feedsView(board: FeedBoard): Record<string, unknown> {
  const out: Record<string, unknown> = nameRecord();
  for (const name of board.feeds.keys()) {
    const posts = board.postsOn(name);
    out[name] = new Lazy(`${posts.length.toLocaleString('en')} post${posts.length === 1 ? '' : 's'}`, () =>
      Object.fromEntries(
        [...posts]
          .reverse()
          .slice(0, FEED_POSTS_SHOWN)
          .map((p) => [
            p.id,
            {
              author: p.author,
              round: p.round,
              likes: p.likes,
              replies: p.replies,
              ...(p.reply_to ? { reply_to: p.reply_to } : {}),
              text: p.text,
            },
          ]),
      ),
    );
  }
  out.follows = board.followCount;
  return out;
}

/** Posts a feed shows in Variables (the newest). */
const FEED_POSTS_SHOWN = 100;

export function worldState(sim: Simulation): Record<string, unknown> {
  const w = sim.world;
  const threshold = w.settings.ties.threshold;
  const existing = (): { from: string; to: string; strength: number }[] =>
    w.ties.existing(threshold).map(([from, to, strength]) => ({ from, to, strength: round3(strength) }));
  const metrics = (): unknown => {
    try {
      const nodes = [...w.agents.values()].map((a) => ({ id: a.id, attrs: { group: a.persona.group } }));
      return computeNetworkMetrics(
        graphFromTies(
          nodes,
          existing().filter((t) => w.agents.has(t.from) && w.agents.has(t.to)),
          threshold,
        ),
      );
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const count = (n: number, what: string): string => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;
  const tieCount = w.ties.countExisting(threshold);
  const world = worldFacts(sim);
  return {
    round: w.round,
    rounds: sim.rounds,
    seed: sim.seed,
    completed: sim.completed,
    agents: new Lazy(count(w.agents.size, 'agent'), () =>
      Object.fromEntries(
        [...w.agents.values()].map((a) => [
          a.id,
          { name: a.persona.name, memories: a.memories.length, reward: a.lastRewards?.total ?? null },
        ]),
      ),
    ),
    // A world without ties has no tie list or network metrics to open (a public goods game).
    ...(world.ties
      ? {
          ties: new Lazy(`${count(tieCount, 'tie')} (strength ≥ ${threshold})`, existing, tieCount),
          metrics: new Lazy('density, reciprocity, clustering, communities, …', metrics),
        }
      : {}),
    // The scenario's declared quantities (`state:`), as they stand at this stop.
    ...(w.state?.hasQuantities ? { state: labelledValues(w.state.world, w.state.worldQuantities) } : {}),
    ...(w.state?.board ? { feeds: feedsView(w.state.board) } : {}),
    ...(w.places ? { places: placesView(w.places, [...w.agents.keys()]) } : {}),
    ...(w.state?.knowledge ? { knowledge: knowledgeView(w.state.knowledge, [...w.agents.keys()]) } : {}),
    usage: w.totalUsage,
  };
}
