// The values of a scenario's declared quantities during a run: one per world quantity, one per
// agent and agent quantity. Every write is clamped to the quantity's bounds (and rounded when it
// is `integer`), so no action or update can leave them; agents that join start at the initial values.
import { type Quantity, agentRow, type AgentRow } from '../../format';
import type { StateEvent } from '../../trace/events';
import type { CompiledMechanics } from './compiledMechanics';
import { ConductBook } from './conduct';
import { ExperienceBook, type ExperienceJSON } from './experience';
import { FeedBoard, type FeedBoardJSON } from './feeds';
import { KnowledgeBook, type KnowledgeBookJSON } from './knowledge';
import { nameRecord } from '../../text/nameRecord';
import type { MatchBook } from './matching';

export type Values = Record<string, number>;

export interface WorldStateJSON {
  world: Values;
  agents: Record<string, Values>;
  conduct?: ReturnType<ConductBook['toJSON']>;
  experience?: ExperienceJSON;
  feeds?: FeedBoardJSON;
  knowledge?: KnowledgeBookJSON;
  /** The partner design's groups of the last draw (matching.ts): kept on resume while they stand. */
  matches?: string[][];
}

/** What agents want more of: a quantity not declared `valued: false` that names no categories (`labels`). */
export const valued = (q: Quantity): boolean => q.valued !== false && !q.labels?.length;

export function bounded(q: Quantity, x: number): number {
  let v = q.integer ? Math.round(x) : x;
  if (q.min !== undefined && v < q.min) v = q.min;
  if (q.max !== undefined && v > q.max) v = q.max;
  return v;
}

const initial = (qs: readonly Quantity[]): Values => Object.fromEntries(qs.map((q) => [q.name, bounded(q, q.initial)]));

/** The revisions what-ifs run at (WorldState.trial): below zero, each its own. */
let trials = 0;

export class WorldState {
  world: Values;
  private readonly agents = new Map<string, Values>();
  /** Agents whose values changed since the last state event. */
  private readonly changed = new Set<string>();
  readonly worldQuantities: ReadonlyMap<string, Quantity>;
  /** What each agent's last action did to the others, and theirs to it (engine/society/conduct.ts). */
  conduct = new ConductBook();
  /** What each agent's choices brought it, for the offline model's learning (engine/society/experience.ts). */
  experience = new ExperienceBook();
  readonly agentQuantities: ReadonlyMap<string, Quantity>;
  /** The feeds' posts and follows (scenarios with `feeds:`). */
  board?: FeedBoard;
  /** Who knows what (scenarios with `knowledge:`). */
  knowledge?: KnowledgeBook;
  /** The agents present, in the run's order: what `agents` in an expression ranges over (set by the run's world). */
  present: () => Iterable<{ id: string; group?: string; place?: string }> = () => [];
  /** Where an agent is ('' away), for scenarios with places (set by the run's world): what `me.place` reads. */
  placeOf?: (agent: string) => string;
  /** This round's groups, for scenarios with `matching:` (set by the run's world): what `partner` and `matched` read. */
  matches?: MatchBook;

  constructor(readonly compiled: CompiledMechanics) {
    const m = compiled.mechanics;
    if (m.feeds?.length) this.board = new FeedBoard(m.feeds);
    if (m.knowledge?.length) this.knowledge = new KnowledgeBook(m.knowledge);
    this.world = initial(m.world);
    this.worldQuantities = new Map(m.world.map((q) => [q.name, q]));
    this.agentQuantities = new Map(m.agents.map((q) => [q.name, q]));
  }

  /**
   * An agent's values, created the first time it is asked for: at the quantities' initial values,
   * or at `start` (a persona's or its group's `state:`) for the quantities it names, bounded.
   */
  of(agent: string, start?: Readonly<Values>): Values {
    let v = this.agents.get(agent);
    if (!v) {
      v = initial(this.compiled.mechanics.agents);
      for (const [name, x] of Object.entries(start ?? {})) {
        const q = this.agentQuantities.get(name);
        if (q && Number.isFinite(x)) v[name] = bounded(q, x);
      }
      this.agents.set(agent, v);
      this.changed.add(agent);
    }
    return v;
  }

  /**
   * An agent as an expression reads it (`me`, an agent argument): its values, with `places:` where
   * it is (`me.place`), with `knowledge:` what it knows (`me.knows.party`), as a copy. Without
   * either, the values themselves.
   */
  view(agent: string): Values {
    const v = this.of(agent);
    if (!this.knowledge && !this.placeOf) return v;
    return {
      ...v,
      // A quantity named `place` is read as the quantity (format/expressions/expressions.ts placeFields).
      ...(this.placeOf && !this.agentQuantities.has('place') ? { place: this.placeOf(agent) } : {}),
      ...(this.knowledge ? { knows: this.knowledge.row(agent) } : {}),
    } as unknown as Values;
  }

  /**
   * `agents` in an expression (aggregates.ts): every present agent's values as they stand, copied.
   * An agent no one has asked for yet shows its initial values without being created (creating it
   * would put it in the next state event).
   */
  rows(): AgentRow[] {
    const fresh = initial(this.compiled.mechanics.agents);
    const book = this.knowledge;
    return [...this.present()].map((a) => {
      const row = agentRow(a.id, a.group, this.agents.get(a.id) ?? fresh, a.place);
      return book ? { ...row, knows: book.row(a.id) } : row;
    });
  }

  /** Counts the changes to the values: what was worked out from them at one count still holds (foresight.ts). */
  revision = 0;

  /** Sets a world quantity (bounded); returns [before, after]. */
  setWorld(name: string, x: number): [number, number] {
    const before = this.world[name];
    const after = bounded(this.worldQuantities.get(name)!, x);
    this.world[name] = after;
    if (after !== before) this.revision++;
    return [before, after];
  }

  /** Sets an agent's quantity (bounded); returns [before, after]. */
  setAgent(agent: string, name: string, x: number): [number, number] {
    const values = this.of(agent);
    const before = values[name];
    const after = bounded(this.agentQuantities.get(name)!, x);
    values[name] = after;
    if (after !== before) {
      this.changed.add(agent);
      this.revision++;
    }
    return [before, after];
  }

  /**
   * `work` done on the values as `moves` would leave them (a change per world quantity, per agent
   * and quantity; bounded), then every value put back: a what-if (lookahead.ts). Nothing is
   * recorded as changed, agents first asked for inside are forgotten again, and the revision is one
   * of the what-if's own while it lasts, so nothing cached for it is taken for the state's.
   */
  trial<T>(moves: { world: Readonly<Values>; agents: ReadonlyMap<string, Readonly<Values>> }, work: () => T): T {
    const revision = this.revision;
    const known = new Set(this.agents.keys());
    const changed = new Set(this.changed);
    const world = { ...this.world };
    const saved = new Map<string, Values>();
    this.revision = --trials;
    try {
      for (const [name, x] of Object.entries(moves.world)) {
        const q = this.worldQuantities.get(name);
        if (q) this.world[name] = bounded(q, this.world[name] + x);
      }
      for (const [id, values] of moves.agents) {
        const v = this.of(id);
        saved.set(id, { ...v });
        for (const [name, x] of Object.entries(values)) {
          const q = this.agentQuantities.get(name);
          if (q) v[name] = bounded(q, v[name] + x);
        }
      }
      return work();
    } finally {
      Object.assign(this.world, world);
      for (const [id, values] of saved) Object.assign(this.agents.get(id) ?? {}, values);
      for (const id of [...this.agents.keys()]) if (!known.has(id)) this.agents.delete(id);
      for (const id of [...this.changed]) if (!changed.has(id)) this.changed.delete(id);
      this.revision = revision;
    }
  }

  remove(agent: string): void {
    this.revision++;
    this.agents.delete(agent);
    this.changed.delete(agent);
    this.board?.removeAgent(agent);
    this.knowledge?.remove(agent);
  }

  /** Whether the scenario declares any quantity (else no state events: a feed alone has none). */
  get hasQuantities(): boolean {
    return this.worldQuantities.size + this.agentQuantities.size > 0;
  }

  /** The state event for the end of `round`: the world, and the agents changed since the last one. */
  stateEvent(round: number): StateEvent {
    const e = this.peek(round);
    this.changed.clear();
    return e;
  }

  /**
   * The state as it stands now, in a state event's shape (the world, the agents changed since the
   * last state event), without starting a new delta: a paused debug session shows it, and the
   * round's own state event still carries every change of the round.
   */
  peek(round: number): StateEvent {
    const agents: Record<string, Values> = nameRecord();
    for (const id of this.changed) {
      const v = this.agents.get(id);
      if (v) agents[id] = { ...v };
    }
    return { type: 'state', round, world: { ...this.world }, agents };
  }

  /** The agent's valued quantities: what it wants more of (tallies and categories left out). */
  valuedOf(id: string): Values {
    const values = this.of(id);
    const out: Values = {};
    for (const [name, q] of this.agentQuantities) if (valued(q)) out[name] = values[name];
    return out;
  }

  /** Whether a change keyed `owner.quantity` (an action event's) is to something agents want more of. */
  valuedKey(key: string): boolean {
    const dot = key.indexOf('.');
    const name = key.slice(dot + 1);
    const q = key.slice(0, dot) === 'world' ? this.worldQuantities.get(name) : this.agentQuantities.get(name);
    return q !== undefined && valued(q);
  }

  toJSON(): WorldStateJSON {
    return {
      world: { ...this.world },
      agents: Object.fromEntries([...this.agents].map(([id, v]) => [id, { ...v }])),
      conduct: this.conduct.toJSON(),
      experience: this.experience.toJSON(),
      ...(this.board ? { feeds: this.board.toJSON() } : {}),
      ...(this.knowledge ? { knowledge: this.knowledge.toJSON() } : {}),
      ...(this.matches?.keptGroups() ? { matches: this.matches.keptGroups() } : {}),
    };
  }

  static fromJSON(compiled: CompiledMechanics, json: WorldStateJSON): WorldState {
    const s = new WorldState(compiled);
    s.conduct = ConductBook.fromJSON(json.conduct);
    s.experience = ExperienceBook.fromJSON(json.experience);
    if (json.feeds) s.board = FeedBoard.fromJSON(compiled.mechanics.feeds ?? [], json.feeds);
    if (json.knowledge) s.knowledge = KnowledgeBook.fromJSON(compiled.mechanics.knowledge ?? [], json.knowledge);
    s.world = { ...s.world, ...json.world };
    for (const [id, v] of Object.entries(json.agents)) {
      s.agents.set(id, { ...initial(compiled.mechanics.agents), ...v });
    }
    return s;
  }
}
