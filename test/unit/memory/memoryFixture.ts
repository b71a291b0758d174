// A small society run through the real engine, recorded as JSONL and read back, with every
// choose_partner request the engine made (its retrieved memories and their scores), so the
// memory queries and the retrieval preview are checked against what the engine actually did.
// (The partner's first message is the one retrieval whose situation a test can rebuild exactly:
// its interests, the initiator's name and interests — engine/phases/meet/conversation.ts situationOf.)
import { makeScenario } from '../engine/scenarioFixture';
import { traceOf } from '../engine/traceHelpers';
import { OfflineModel } from '../../../src/core/llm/offline';
import type {
  ChoosePartnerRequest,
  DecisionRequest,
  DecisionResponse,
  SpeakRequest,
} from '../../../src/core/llm/types';
import { readTrace } from '../../../src/core/trace/reader';
import type { TraceEvent, TraceHeader } from '../../../src/core/trace/events';
import type { Scenario } from '../../../src/core/format/model/model';

/** The offline model, noting each partner choice it is asked for (the engine's fast path stays on). */
class RecordingModel extends OfflineModel {
  constructor(
    name: string,
    seed: number,
    private readonly seen: Pick<RecordedRun, 'choices' | 'replies'>,
  ) {
    super(name, seed);
  }
  override decideNow<R extends DecisionRequest>(request: R): DecisionResponse<R> {
    const r: DecisionRequest = request;
    if (r.kind === 'choose_partner') this.seen.choices.push(structuredClone(r));
    if (r.kind === 'speak' && r.turn === 1 && !r.room) this.seen.replies.push(structuredClone(r));
    return super.decideNow(request);
  }
}

export interface RecordedRun {
  scenario: Scenario;
  text: string;
  header: TraceHeader;
  events: TraceEvent[];
  choices: ChoosePartnerRequest[];
  /** Partners' first messages in pair conversations. */
  replies: SpeakRequest[];
}

export function societyScenario(): Scenario {
  return makeScenario(8, {
    world: {
      setting: 'An online forum for new students.',
      rounds: 16,
      encounters: { mode: 'recommend', per_round: 2, exploration: 0.2 },
      conversation: { turns: 4 },
      rooms: [],
    },
    coaching: { enabled: true, every: 1 },
    // Low enough that agents reflect (reflections carry evidence) and a cap-sized stream is reached.
    memory: { recency: 1, importance: 1, relevance: 1, top_k: 6, reflect_at: 40, decay: 0.97 },
    // Timed events change a round's setup: a broadcast memory and new memory weights before the turns.
    events: [
      { at: 4, broadcast: 'A storm cancels all classes today; the climbing gym is open.' },
      { at: 6, set: { 'memory.relevance': 2, 'memory.decay': 0.9 } },
    ],
  });
}

export async function recordRun(scenario = societyScenario()): Promise<RecordedRun> {
  const seen = { choices: [] as ChoosePartnerRequest[], replies: [] as SpeakRequest[] };
  const text = await traceOf(scenario, { modelFactory: (cfg, seed) => new RecordingModel(cfg.name, seed, seen) });
  const read = readTrace(text);
  if (!read.header || read.errors.length) throw new Error(`bad trace: ${JSON.stringify(read.errors.slice(0, 3))}`);
  return { scenario, text, header: read.header, events: read.events, ...seen };
}
