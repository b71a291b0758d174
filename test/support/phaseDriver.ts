// Issues model calls the way the engine's phases would when independent calls run together:
// per round, every agent's choose_partner at once; then every conversation at once, its turns in
// sequence; then every evaluation at once; then every coaching call at once. Each phase is a
// barrier. A decision that fails is answered by the offline model (on_error: offline) and
// counted, so a run can show that no turn was lost. Used by the LLM benchmark and fault tests.
import type {
  AgentModel,
  Candidate,
  DecisionRequest,
  DecisionResponse,
  TranscriptLine,
} from '../../src/core/llm/types';
import { personaBrief, type PersonaBrief } from '../../src/core/llm/types';
import { ModelCallError } from '../../src/core/llm/errors';
import { OfflineModel } from '../../src/core/llm/offline';
import { persona } from './llmFixtures';

export interface DriveSettings {
  agents: number;
  rounds: number;
  turns: number;
  signal?: AbortSignal;
}

export interface DriveResult {
  wallMs: number;
  decisions: number;
  /** Decisions answered by the offline fallback after a ModelCallError. */
  fallbacks: ModelCallError[];
  /** Longest chain of dependent calls: rounds × (choose + turns + evaluate + advise). */
  dependentCalls: number;
  /** Calls per phase in one round, for the capacity bound. */
  phaseCalls: { choose: number; speak: number; evaluate: number; advise: number; reflect: number };
  /** Decisions by kind, and how many of each the offline fallback answered. */
  byKind: Record<string, { decisions: number; fallbacks: number }>;
}

export async function drive(model: AgentModel, s: DriveSettings): Promise<DriveResult> {
  const briefs: PersonaBrief[] = Array.from({ length: s.agents }, (_, i) =>
    personaBrief(persona(`a${i}`, { interests: [`topic${i % 7}`, `topic${(i * 3) % 11}`] })),
  );
  const fallback = new OfflineModel('offline-fallback', 1);
  const fallbacks: ModelCallError[] = [];
  let decisions = 0;
  const byKind: Record<string, { decisions: number; fallbacks: number }> = {};
  const decide = async <R extends DecisionRequest>(req: R): Promise<DecisionResponse<R>> => {
    decisions++;
    const kind = (byKind[req.kind] ??= { decisions: 0, fallbacks: 0 });
    kind.decisions++;
    try {
      return await model.decide(req, s.signal);
    } catch (err) {
      if (!(err instanceof ModelCallError)) throw err;
      fallbacks.push(err);
      kind.fallbacks++;
      return fallback.decideNow(req);
    }
  };
  const base = (round: number, p: PersonaBrief) => ({
    round,
    setting: 'A forum for new students.',
    persona: p,
    memories: [],
  });
  const candidates = (i: number): Candidate[] =>
    [1, 2, 3, 4, 5].map((k) => {
      const o = briefs[(i + k * 37) % s.agents];
      return {
        id: o.id,
        name: o.name,
        interests: o.interests,
        shared_interests: [],
        similarity: 0,
        tie: 0,
        met: 0,
        popularity: 0,
        via: 'recommend' as const,
      };
    });

  const start = performance.now();
  for (let round = 1; round <= s.rounds; round++) {
    const choices = await Promise.all(
      briefs.map((p, i) =>
        decide({
          ...base(round, p),
          kind: 'choose_partner',
          key: `choose:${round}:${p.id}:0`,
          candidates: candidates(i),
        }),
      ),
    );
    const conversations = await Promise.all(
      briefs.map(async (p, i) => {
        const partner = briefs.find((b) => b.id === choices[i].choice) ?? briefs[(i + 1) % s.agents];
        const members = [p, partner];
        const transcript: TranscriptLine[] = [];
        for (let turn = 0; turn < s.turns; turn++) {
          const me = members[turn % 2],
            other = members[(turn + 1) % 2];
          const res = await decide({
            ...base(round, me),
            kind: 'speak',
            key: `speak:${round}:${p.id}:0:${turn}`,
            others: [other],
            transcript: [...transcript],
            turn,
            turns: s.turns,
            tie: 0,
          });
          transcript.push({ from: me.id, name: me.name, act: res.act, text: res.text });
        }
        return { id: `${round}:${p.id}:0`, members, transcript };
      }),
    );
    await Promise.all(
      conversations.flatMap((c) =>
        [
          [0, 1],
          [1, 0],
        ].map(([a, b]) =>
          decide({
            ...base(round, c.members[a]),
            kind: 'evaluate',
            key: `evaluate:${c.id}:${c.members[a].id}:${c.members[b].id}`,
            partner: c.members[b],
            transcript: c.transcript,
            initiated_by: c.members[0].id,
            met_before: 0,
            tie: 0,
          }),
        ),
      ),
    );
    const zero = { social: 0, information: 0, presentation: 0, coordination: 0, support: 0 };
    await Promise.all(
      briefs.map((p) =>
        decide({
          ...base(round, p),
          kind: 'advise',
          key: `advise:${round}:${p.id}`,
          weights: p.motivations,
          warm_contacts: [],
          rewards: {
            raw: zero,
            total: 0,
            basis: {
              conversations: 1,
              partners: 1,
              rating_received: 0.5,
              questions_asked: 0,
              answers_received: 0,
              new_topics: 0,
              shares: 0,
              shares_acknowledged: 0,
              plans_agreed: 0,
              support_received: 0,
              support_given: 0,
            },
          },
        }),
      ),
    );
    // A reflection per agent over what the round left in memory (issue 33: reflections against an
    // endpoint that follows the schema exactly were all skipped).
    await Promise.all(
      briefs.map((p, i) =>
        decide({
          ...base(round, p),
          kind: 'reflect',
          key: `reflect:${round}:${p.id}`,
          recent: [0, 1, 2].map((k) => ({
            id: round * 10 + k,
            round,
            kind: 'observation' as const,
            text: `I talked with ${briefs[(i + k + 1) % s.agents].name} about ${p.interests[0] ?? 'the week'}.`,
            importance: 3 + k,
            score: 0.5,
          })),
        }),
      ),
    );
  }
  return {
    wallMs: performance.now() - start,
    decisions,
    fallbacks,
    dependentCalls: s.rounds * (s.turns + 4),
    phaseCalls: {
      choose: s.agents,
      speak: s.agents * s.turns,
      evaluate: 2 * s.agents,
      advise: s.agents,
      reflect: s.agents,
    },
    byKind,
  };
}

/**
 * The lower bound of a round under a concurrency limit: each phase needs at least its chain
 * depth, and at least its calls divided by the limit, times the latency.
 */
export function capacityBoundMs(
  r: DriveResult,
  rounds: number,
  turns: number,
  concurrency: number,
  latencyMs: number,
): number {
  const waves = (calls: number, depth: number): number => Math.max(depth, Math.ceil(calls / concurrency));
  const p = r.phaseCalls;
  return (
    rounds *
    latencyMs *
    (waves(p.choose, 1) + waves(p.speak, turns) + waves(p.evaluate, 1) + waves(p.advise, 1) + waves(p.reflect, 1))
  );
}
