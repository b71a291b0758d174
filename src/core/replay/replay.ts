// Replay: fold trace events into a WorldState — agents, ties, rewards, memories and settings as
// they stood at any round. The fold reuses the engine's own tie and memory arithmetic, so replayed
// state equals the engine's. `applyEvent` mutates the state it is given (for speed); `replay`
// starts from a fresh one and never touches its inputs.
import { type Persona, applySet, setApplied } from '../format/pure';
import { appendMemory, TieTable } from '../engine/pure';
import type { WorldEdit } from '../trace/edits';
import type {
  AdviceEvent,
  MemoryRecord,
  RewardEvent,
  RoundStats,
  RunSettings,
  TraceEvent,
  TraceHeader,
} from '../trace/events';

export interface AgentView {
  id: string;
  persona: Persona;
  model: string;
  /** False once removed by an event. */
  active: boolean;
  /** The memory stream (bounded exactly like the engine's). */
  memories: MemoryRecord[];
  lastReward?: RewardEvent;
  /** Total reward by round (index = round; undefined where the agent had no reward phase). */
  rewardByRound: (number | undefined)[];
  lastAdvice?: AdviceEvent;
}

export interface WorldState {
  header: TraceHeader;
  /** Round of the last applied event. */
  round: number;
  /** True once that round's round_end was applied. */
  roundComplete: boolean;
  complete: boolean;
  settings: RunSettings;
  agents: Map<string, AgentView>;
  ties: TieTable;
  /** round_end stats by round. */
  stats: RoundStats[];
  /** Where everyone is (traces of scenarios with places): the round's `places` event, then its moves. */
  places?: PlacesView;
  /** Who plays with whom (scenarios with `matching:`): the latest `match` event's groups. */
  matches?: MatchView;
}

/** The match groups of a round: each group's members, and the design that drew them. */
export interface MatchView {
  design: 'partner' | 'stranger';
  groups: string[][];
}

/** The places of a round: its day and part, and each present agent's place (absent: away). */
export interface PlacesView {
  day: number;
  part: string;
  at: Map<string, string>;
}

export function initialState(header: TraceHeader): WorldState {
  return {
    header,
    round: 0,
    roundComplete: false,
    complete: false,
    settings: structuredClone(header.settings),
    agents: new Map(),
    ties: new TieTable(),
    stats: [],
  };
}

export function applyEvent(s: WorldState, e: TraceEvent): void {
  if (e.round !== s.round) {
    s.round = e.round;
    s.roundComplete = false;
  }
  switch (e.type) {
    case 'agent_added':
      s.agents.set(e.agent.id, {
        id: e.agent.id,
        persona: e.agent,
        model: e.model,
        active: true,
        memories: [],
        rewardByRound: [],
      });
      break;
    case 'agent_removed': {
      const a = s.agents.get(e.agent);
      if (a) a.active = false;
      s.ties.removeAgent(e.agent);
      break;
    }
    case 'memory': {
      const a = s.agents.get(e.agent);
      if (a) appendMemory(a.memories, e.memory);
      break;
    }
    case 'tie':
      s.ties.set(e.from, e.to, e.strength, e.round);
      break;
    case 'tie_decay':
      s.ties.decay(e.round, e.rate, s.settings.ties.threshold, e.floor);
      break;
    case 'reward': {
      const a = s.agents.get(e.agent);
      if (a) {
        a.lastReward = e;
        a.rewardByRound[e.round] = e.total;
      }
      break;
    }
    case 'advice': {
      const a = s.agents.get(e.agent);
      if (a) a.lastAdvice = e;
      break;
    }
    case 'event_fired':
      // The engine's rules, so replay applies exactly the changes the run applied.
      // Traces record what changed (`applied`); older ones are replayed by the rules (which check values).
      if (e.action === 'set' && e.applied) setApplied(s.settings, e.applied);
      else if (e.action === 'set' && e.set) applySet(s.settings, e.set, { models: Object.keys(s.header.models) });
      break;
    case 'intervention':
      if (e.kind === 'edit') applyEdits(s, e.edits);
      break;
    case 'places':
      s.places = { day: e.day, part: e.part, at: placeMap(e.at) };
      break;
    case 'match':
      // A new object each round (never changed in place), so a snapshot may share it.
      s.matches = { design: e.design, groups: e.groups };
      break;
    case 'move':
      if (s.places && e.to !== undefined) s.places.at.set(e.agent, e.to);
      else s.places?.at.delete(e.agent);
      break;
    case 'round_end':
      s.stats[e.round] = e.stats;
      s.roundComplete = true;
      break;
    case 'run_end':
      s.complete = true;
      s.roundComplete = true;
      break;
    default:
      break;
  }
}

function placeMap(at: Record<string, string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [place, ids] of Object.entries(at)) for (const id of ids) m.set(id, place);
  return m;
}

/** The state after every event of rounds ≤ `round` (default: the whole trace). */
export function replay(header: TraceHeader, events: readonly TraceEvent[], round = Infinity): WorldState {
  const s = initialState(header);
  for (const e of events) {
    if (e.round > round) break;
    applyEvent(s, e);
  }
  return s;
}

/**
 * Seekable replay for scrubbing through a run: moving forward continues the fold, moving back
 * restarts from the nearest cached round (a snapshot is kept every `every` rounds).
 */
export class Replayer {
  private state: WorldState;
  private pos = 0;
  /** The round the state was last advanced to. */
  private at = -1;
  private readonly snapshots = new Map<number, { pos: number; state: WorldState }>();

  constructor(
    readonly header: TraceHeader,
    private readonly events: readonly TraceEvent[],
    private readonly every = 10,
  ) {
    this.state = initialState(header);
  }

  /** State at the end of `round`. The returned object is live: copy it if you keep it across calls. */
  stateAt(round: number): WorldState {
    // NaN compares false with everything: kept as the position, it would stop every later rewind.
    if (Number.isNaN(round)) throw new RangeError('The round to replay to must be a number, not NaN.');
    if (round < this.at) this.rewind(round);
    while (this.pos < this.events.length && this.events[this.pos].round <= round) {
      const e = this.events[this.pos++];
      applyEvent(this.state, e);
      if (e.type === 'round_end' && e.round % this.every === 0 && !this.snapshots.has(e.round)) {
        this.snapshots.set(e.round, { pos: this.pos, state: cloneState(this.state) });
      }
    }
    this.at = round;
    return this.state;
  }

  private rewind(round: number): void {
    let best: { pos: number; state: WorldState } | undefined;
    for (const [r, snap] of this.snapshots) if (r <= round && (!best || snap.pos > best.pos)) best = snap;
    if (best) {
      this.state = cloneState(best.state);
      this.pos = best.pos;
    } else {
      this.state = initialState(this.header);
      this.pos = 0;
    }
  }
}

export function cloneState(s: WorldState): WorldState {
  const agents = new Map<string, AgentView>();
  for (const [k, a] of s.agents) {
    agents.set(k, { ...a, memories: [...a.memories], rewardByRound: [...a.rewardByRound] });
  }
  const places = s.places ? { ...s.places, at: new Map(s.places.at) } : undefined;
  return {
    ...s,
    settings: structuredClone(s.settings),
    agents,
    ties: s.ties.clone(),
    stats: [...s.stats],
    ...(places ? { places } : {}),
  };
}

/**
 * A branch's edits that have no event of their own: a memory forgotten, a trait or persona text,
 * a setting. (A memory remembered, a tie or a quantity set are the `memory`, `tie` and `state`
 * events after the edit event.)
 */
function applyEdits(s: WorldState, edits: readonly WorldEdit[]): void {
  for (const e of edits) {
    if (e.edit === 'forget') {
      const a = s.agents.get(e.agent);
      if (a) a.memories = a.memories.filter((m) => m.id !== e.memory);
    } else if (e.edit === 'trait' || e.edit === 'persona') {
      const a = s.agents.get(e.agent);
      if (a) a.persona = editedPersona(a.persona, e);
    } else if (e.edit === 'setting') setApplied(s.settings, { [e.path]: e.value });
  }
}

/** The persona with one trait or text field changed (a copy: the agent_added event keeps the original). */
export function editedPersona(p: Persona, e: Extract<WorldEdit, { edit: 'trait' | 'persona' }>): Persona {
  return e.edit === 'trait' ? { ...p, traits: { ...p.traits, [e.trait]: e.value } } : { ...p, [e.field]: e.value };
}
