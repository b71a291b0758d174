// What an option's changes to the world bring the agents back at the round's close, through the
// declared `update`s: people read the rules of a game before they play it, so a token put in a
// pot that returns MPCR·pot to each member is worth MPCR to them from the first round (Isaac &
// Walker 1988 find the MPCR ordering already in round 1). The offline model weighs it beside the
// immediate changes (llm/offline/act.ts); experience learns only what was not foreseen.
//
// Worked out as the round's close would (world updates from the closing world, then each agent's
// from the updated world), once without the option's changes and once with them (the world's and
// each agent's, its tallies too: a share of a pool paid by what one put in); per agent shown or
// changed and per valued quantity with an update, the difference beyond the change itself. Others'
// plans are not guessed (the world as it stands), and aggregates read the agents as they are.
// Only changes some other update reads can bring anything back (a quantity read by its own update
// alone keeps what it is given: a sanction's cost, its target's loss): others need no foresight.
import { type ExpressionContext, agentRow, lazyAgents, type AgentRow, type Quantity } from '../../../format';
import { readMatch } from './matchReads';
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import { bounded, valued, type WorldState } from '../../society/worldState';
import { actorView } from './actorView';
import { decisionWork } from './decisionWork';

/** Agents whose return is worked out per option (the first ones shown): beyond, the model sees no more. */
export const FORESEEN_AGENTS = 32;

type Values = Record<string, number>;

/** A value worked out once per key (a scenario's compiled mechanics, an action). */
function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, compute: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute();
    cache.set(key, v);
  }
  return v;
}

const flowCache = new WeakMap<object, Set<string>>();
const keepCache = new WeakMap<object, Set<string>>();
const readCache = new WeakMap<object, Set<string>>();
const concernCache = new WeakMap<CompiledAction, boolean>();
const othersCache = new WeakMap<object, { yes: boolean }>();
const allCache = new WeakMap<object, { yes: boolean }>();

/** The world after the round's world updates, from `world`. Throws when an update fails. */
export function closedWorld(state: WorldState, world: Values, n: number, round: number): Values {
  const context: ExpressionContext = {
    world: { ...world },
    n: BigInt(n) as unknown as number,
    round: BigInt(round) as unknown as number,
  };
  lazyAgents(context, () => state.rows());
  const out = { ...world };
  for (const u of state.compiled.worldUpdates) {
    const x = u.evaluate(context);
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error('no number');
    out[u.quantity.name] = bounded(u.quantity, x);
  }
  return out;
}

/** One agent's valued quantities after its updates, in `world`, its values moved by `moved` first. */
export function closedAgent(
  state: WorldState,
  agent: Agent,
  id: string,
  world: Values,
  n: number,
  round: number,
  moves?: ReadonlyMap<string, Values>,
): Values {
  decisionWork.closings++;
  const me = id === agent.id ? actorView(state, agent) : state.view(id);
  const moved = moves?.get(id);
  const context: ExpressionContext = {
    world,
    n: BigInt(n) as unknown as number,
    round: BigInt(round) as unknown as number,
    me: moved ? { ...me, ...shifted(me, moved) } : me,
    // Another's traits are not the decider's to read: an update that reads traits gives no foresight of others.
    ...(id === agent.id ? { traits: agent.persona.traits } : {}),
  };
  // Aggregates and the match read the agents with the option's changes to them.
  const row = (r: AgentRow): AgentRow => {
    const m = moves?.get(String(r.id));
    return m ? { ...r, ...shifted(r as Values, m) } : r;
  };
  lazyAgents(context, () => (moves?.size ? state.rows().map(row) : state.rows()));
  readMatch(context, state, id, (rid) => row(matchRow(state, rid, round)));
  const out: Values = {};
  for (const u of state.compiled.agentUpdates) {
    if (!valued(u.quantity)) continue;
    const x = u.evaluate(context);
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error('no number');
    out[u.quantity.name] = bounded(u.quantity, x);
  }
  return out;
}

/**
 * A group member's row as `matched` reads it, built once per state revision: every closing of every
 * option of every decider in a group reads the same rows (issue 87), and the rows are not written
 * (an option's changes are applied to a copy, `row` above). Only the values are keyed by the revision.
 */
const matchRows = new WeakMap<WorldState, { revision: number; round: number; rows: Map<string, AgentRow> }>();
function matchRow(state: WorldState, id: string, round: number): AgentRow {
  // Places and knowledge change without a revision (a move, a fact told): their rows are built fresh.
  if (state.knowledge || state.placeOf) return agentRow(id, state.matches?.groupNameOf(id), state.view(id));
  let c = matchRows.get(state);
  // Groups are drawn at a round's opening (kernel/roundOpen.ts): a row's group holds for the round.
  if (!c || c.revision !== state.revision || c.round !== round) {
    c = { revision: state.revision, round, rows: new Map() };
    matchRows.set(state, c);
  }
  let r = c.rows.get(id);
  if (!r) {
    r = agentRow(id, state.matches?.groupNameOf(id), state.view(id));
    c.rows.set(id, r);
  }
  return r;
}

function shifted(values: Readonly<Values>, moved: Readonly<Values>): Values {
  const out: Values = {};
  for (const [q, x] of Object.entries(moved)) out[q] = (values[q] ?? 0) + x;
  return out;
}

/** Changes an option makes, by owner: the world's, and each agent's (the agent's own under its id). */
export interface Moves {
  world: Values;
  agents: Map<string, Values>;
}

/**
 * A foresight for one decision: `of(moves)` gives, per `me.q` and `<id>.q`, what the round's close
 * would bring because of an option's changes, beyond the changes themselves. The closing without
 * them is worked out once per agent.
 */
/** The close without any option, per state: shared by the decisions taken against the same values. */
interface Closing {
  revision: number;
  round: number;
  n: number;
  world?: Values;
  agents: Map<string, Values>;
}
const closings = new WeakMap<WorldState, Closing>();

export class Foresight {
  private readonly closing: Closing;
  private readonly ids: string[];
  private failed = false;

  constructor(
    private readonly state: WorldState,
    private readonly agent: Agent,
    others: readonly string[],
    private readonly n: number,
    private readonly round: number,
    /** What the agent expects the others to do in this phase (expectedMoves.ts): the close is worked out with it. */
    private readonly expected?: Moves,
  ) {
    this.ids = [agent.id, ...others.filter((o) => o !== agent.id).slice(0, FORESEEN_AGENTS)];
    if (expected) {
      // The close the agent expects depends on its own beliefs: not shared with other deciders.
      this.closing = { revision: state.revision, round, n, agents: new Map() };
      return;
    }
    let c = closings.get(state);
    if (!c || c.revision !== state.revision || c.round !== round || c.n !== n) {
      c = { revision: state.revision, round, n, agents: new Map() };
      closings.set(state, c);
    }
    this.closing = c;
  }

  /** The world as the agent expects it before its own choice: the state, with the others' expected moves. */
  private expectedWorld(extra?: Values): Values {
    const out = { ...this.state.world };
    for (const [name, x] of Object.entries(this.expected?.world ?? {})) out[name] += x;
    for (const [name, x] of Object.entries(extra ?? {})) out[name] += x;
    return out;
  }

  /** The others' expected agent moves with the option's added (read only: shared, copied only where the option moves). */
  private withExpected(moves?: ReadonlyMap<string, Values>): ReadonlyMap<string, Values> | undefined {
    if (!this.expected?.agents.size) return moves;
    if (!moves?.size) return this.expected.agents;
    const out = new Map(this.expected.agents);
    for (const [id, v] of moves) {
      const base = out.get(id);
      if (!base) {
        out.set(id, v);
        continue;
      }
      const sum = { ...base };
      for (const [q, x] of Object.entries(v)) sum[q] = (sum[q] ?? 0) + x;
      out.set(id, sum);
    }
    return out;
  }

  /** Whether any foresight is possible: the world has agent updates to bring anything back. */
  static possible(state: WorldState): boolean {
    return state.compiled.agentUpdates.some((u) => valued(u.quantity));
  }

  /**
   * The world quantities that are flows, not stocks: their update does not read them, so what is
   * put in them now is gone at the close except for what it brings (a pot shared out and emptied).
   * With foresight, what they bring is weighed and they are not weighed themselves.
   */
  static flows(state: WorldState): ReadonlySet<string> {
    return memo(
      flowCache,
      state.compiled,
      () =>
        new Set(
          state.compiled.worldUpdates
            .filter((u) => !new RegExp(`\\bworld\\.${u.quantity.name}\\b`).test(u.expression))
            .map((u) => u.quantity.name),
        ),
    );
  }

  /** The agent quantities whose update reads their own value (a stock that keeps what it is given). */
  private static keeping(state: WorldState): ReadonlySet<string> {
    return memo(
      keepCache,
      state.compiled,
      () =>
        new Set(
          state.compiled.agentUpdates
            .filter((u) => new RegExp(`\\bme\\.${u.quantity.name}\\b`).test(u.expression))
            .map((u) => u.quantity.name),
        ),
    );
  }

  /**
   * The quantities some update reads other than their own (`world.q`, and `q` for agent
   * quantities): a change to any other can bring nothing back at the close, so an option that
   * changes only those needs no foresight (a sanction's cost and its target's loss).
   */
  private static read(state: WorldState): ReadonlySet<string> {
    return memo(readCache, state.compiled, () => {
      const updates = [...state.compiled.worldUpdates, ...state.compiled.agentUpdates];
      const readBy = (q: Quantity, pattern: RegExp): boolean =>
        updates.some((u) => u.quantity !== q && pattern.test(u.expression));
      const out = new Set<string>();
      for (const [name, q] of state.worldQuantities) {
        if (readBy(q, new RegExp(`\\bworld\\.${name}\\b`))) out.add(`world.${name}`);
      }
      for (const [name, q] of state.agentQuantities) {
        if (readBy(q, new RegExp(`\\.${name}\\b`))) out.add(name);
      }
      return out;
    });
  }

  /** Whether any agent update reads other agents (`agents`, `matched`, `partner`): one's moves change another's close. */
  static readsOthers(state: WorldState): boolean {
    return memo(othersCache, state.compiled, () => ({
      yes: state.compiled.agentUpdates.some((u) => /\b(agents|matched|partner)\b/.test(u.expression)),
    })).yes;
  }

  /** Whether any agent update reads `agents`, every agent's row (not only its match's). */
  static readsAll(state: WorldState): boolean {
    return memo(allCache, state.compiled, () => ({
      yes: state.compiled.agentUpdates.some((u) => /\bagents\b/.test(u.expression)),
    })).yes;
  }

  /**
   * Whether `id`'s close may read an agent `moves` moved: updates over `agents` read everyone, over
   * `matched`/`partner` only its group. An agent in another group closes as before, exactly, and is
   * not worked out again (issue 87: in groups of 4 most of the foreseen agents play elsewhere).
   */
  private readsMoved(id: string, moves: Moves): boolean {
    if (!Foresight.readsOthers(this.state)) return false;
    if (Foresight.readsAll(this.state)) return true;
    const group = this.state.matches?.groupOf(id);
    return !!group && [...moves.agents.keys()].some((m) => group.includes(m));
  }

  /** Whether an action writes anything an update other than its own reads (else it needs no foresight). */
  static concerns(state: WorldState, action: CompiledAction): boolean {
    return memo(concernCache, action, () => {
      const read = Foresight.read(state);
      return action.effects.some((e) => read.has(e.owner.kind === 'world' ? `world.${e.quantity}` : e.quantity));
    });
  }

  /** Whether any change of `moves` is read by an update other than its own. */
  private matters(moves: Moves): boolean {
    const read = Foresight.read(this.state);
    if (Object.keys(moves.world).some((q) => read.has(`world.${q}`))) return true;
    return [...moves.agents.values()].some((v) => Object.keys(v).some((q) => read.has(q)));
  }

  /**
   * Each valued quantity's expected change by the round's close without the agent's own choice
   * (`me.q`, `<id>.q` → closing − now): the declared updates on the state with the others'
   * expected moves (expectedMoves.ts), and those moves themselves where no update reads them.
   * What inequity is judged against: the payoffs the round is expected to end with.
   */
  expectedClose(): Values {
    const out: Values = {};
    try {
      const world = (this.closing.world ??= closedWorld(this.state, this.expectedWorld(), this.n, this.round));
      const updated = new Set(this.state.compiled.agentUpdates.map((u) => u.quantity.name));
      const moved = this.withExpected();
      for (const id of this.ids) {
        let closing = this.closing.agents.get(id);
        if (!closing) {
          closing = closedAgent(this.state, this.agent, id, world, this.n, this.round, moved);
          this.closing.agents.set(id, closing);
        }
        const now = this.state.of(id);
        const key = id === this.agent.id ? 'me' : id;
        for (const [q, x] of Object.entries(closing)) if (x !== now[q]) out[`${key}.${q}`] = x - now[q];
        for (const [q, x] of Object.entries(moved?.get(id) ?? {})) {
          const quantity = this.state.agentQuantities.get(q);
          if (!updated.has(q) && quantity && valued(quantity) && x) out[`${key}.${q}`] = (out[`${key}.${q}`] ?? 0) + x;
        }
      }
    } catch {
      this.failed = true;
    }
    return out;
  }

  of(moves: Moves): Values | undefined {
    if (this.failed || !this.matters(moves)) return undefined;
    try {
      const keeping = Foresight.keeping(this.state);
      const baseWorld = (this.closing.world ??= closedWorld(this.state, this.expectedWorld(), this.n, this.round));
      let world = baseWorld;
      if (Object.keys(moves.world).length) {
        world = closedWorld(this.state, this.expectedWorld(moves.world), this.n, this.round);
      }
      const ids = [...this.ids];
      for (const id of moves.agents.keys()) if (!ids.includes(id)) ids.push(id);
      const out: Values = {};
      const expectedBefore = this.withExpected();
      const expectedAfter = this.withExpected(moves.agents);
      for (const id of ids) {
        const moved = moves.agents.get(id);
        // Unmoved and in an unchanged world, an agent closes as before — unless its updates read
        // the other agents (an aggregate over `agents`, its `matched` or `partner`), which moved.
        if (world === baseWorld && !moved && !(moves.agents.size && this.readsMoved(id, moves))) continue;
        let before = this.closing.agents.get(id);
        if (!before) {
          before = closedAgent(this.state, this.agent, id, baseWorld, this.n, this.round, expectedBefore);
          this.closing.agents.set(id, before);
        }
        const after = closedAgent(this.state, this.agent, id, world, this.n, this.round, expectedAfter);
        for (const [q, x] of Object.entries(after)) {
          const now = moved?.[q] ?? 0;
          // A change to a quantity its update resets (does not read) is not taken back here.
          if (now !== 0 && !keeping.has(q)) continue;
          const d = x - before[q] - now;
          if (Math.abs(d) > 1e-12) out[`${id === this.agent.id ? 'me' : id}.${q}`] = d;
        }
      }
      return out;
    } catch {
      // An update that fails here fails at the close too, where it is reported: no foresight.
      this.failed = true;
      return undefined;
    }
  }
}
