// What an option's changes to the world bring the agents back at the round's close, through the
// declared `update`s: people read the rules of a game before they play it, so a token put in a
// pot that returns MPCR·pot to each member is worth MPCR to them from the first round (Isaac &
// Walker 1988 find the MPCR ordering already in round 1). The offline model weighs it beside the
// immediate changes (llm/offline/act.ts); experience learns only what was not foreseen.
//
// Worked out as the round's close would (world updates from the closing world, then each agent's
// from the updated world), once without the option's world changes and once with them; per agent
// shown and per valued quantity whose update reads the world, the difference. Others' plans are
// not guessed (the world as it stands), and aggregates over agents read the agents as they are.
import type { ExpressionContext } from '../../../format/language/expressions';
import { lazyAgents } from '../../../format/language/aggregates';
import type { Agent } from '../../society/agent';
import { bounded, valued, type WorldState } from '../../society/worldState';
import { actorView } from './actorView';

/** Agents whose return is worked out per option (the first ones shown): beyond, the model sees no more. */
export const FORESEEN_AGENTS = 32;

type Values = Record<string, number>;

const flowCache = new WeakMap<object, Set<string>>();

/** The world after the round's world updates, from `world`. Throws when an update fails. */
function closedWorld(state: WorldState, world: Values, n: number, round: number): Values {
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

/** One agent's valued quantities after its updates, in `world`. */
function closedAgent(state: WorldState, agent: Agent, id: string, world: Values, n: number, round: number): Values {
  const context: ExpressionContext = {
    world,
    n: BigInt(n) as unknown as number,
    round: BigInt(round) as unknown as number,
    me: id === agent.id ? actorView(state, agent) : state.view(id),
    traits: agent.persona.traits,
  };
  lazyAgents(context, () => state.rows());
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
 * A foresight for one decision: `of(worldChanges)` gives, per `me.q` and `<id>.q`, what the round's
 * close would bring because of those world changes. The closing without them is worked out once.
 */
export class Foresight {
  private base?: { world: Values; agents: Values[] };
  private readonly ids: string[];
  private failed = false;

  constructor(
    private readonly state: WorldState,
    private readonly agent: Agent,
    others: readonly string[],
    private readonly n: number,
    private readonly round: number,
  ) {
    this.ids = [agent.id, ...others.filter((o) => o !== agent.id).slice(0, FORESEEN_AGENTS)];
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
    let out = flowCache.get(state.compiled);
    if (!out) {
      out = new Set(
        state.compiled.worldUpdates
          .filter((u) => !new RegExp(`\\bworld\\.${u.quantity.name}\\b`).test(u.expression))
          .map((u) => u.quantity.name),
      );
      flowCache.set(state.compiled, out);
    }
    return out;
  }

  of(worldChanges: Readonly<Values>): Values | undefined {
    if (this.failed || !Object.keys(worldChanges).length) return undefined;
    try {
      const base = (this.base ??= this.closing(this.state.world));
      const changed = { ...this.state.world };
      for (const [name, x] of Object.entries(worldChanges)) changed[name] += x;
      const after = this.closing(changed);
      const out: Values = {};
      this.ids.forEach((id, i) => {
        for (const [q, x] of Object.entries(after.agents[i])) {
          const d = x - base.agents[i][q];
          if (Math.abs(d) > 1e-12) out[`${id === this.agent.id ? 'me' : id}.${q}`] = d;
        }
      });
      return out;
    } catch {
      // An update that fails here fails at the close too, where it is reported: no foresight.
      this.failed = true;
      return undefined;
    }
  }

  private closing(world: Values): { world: Values; agents: Values[] } {
    const closed = closedWorld(this.state, world, this.n, this.round);
    return {
      world: closed,
      agents: this.ids.map((id) => closedAgent(this.state, this.agent, id, closed, this.n, this.round)),
    };
  }
}
