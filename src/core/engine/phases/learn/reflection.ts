// The `reflect` step: when enough has happened, the agent consolidates recent memories into
// insights (Generative Agents' reflection).
import type { DecisionResponse, ReflectRequest, RetrievedMemory } from '../../../llm/types';
import type { Agent } from '../../society/agent';
import { shouldReflect } from '../../memory/memory';
import { then, type Step } from '../../flow/step';
import { decidedBy, usageField } from '../../society/usageBook';
import type { PhaseContext } from '../context';
import type { Turn } from '../turn';

/**
 * Whether the agent reflects now: the importance written since its last reflection reached
 * `reflect_at` — counted from its last empty attempt, if it made one since (see `reflected`).
 */
export function reflectionDue(world: PhaseContext, a: Agent, extra = 0): boolean {
  return shouldReflect(a.sinceReflection - a.reflectionDeferred + extra, world.settings.memory);
}

/** Reflect: when enough has happened, consolidate recent memories into insights. */
export function reflect(world: PhaseContext, t: Turn): Step {
  const a = t.agent;
  if (!reflectionDue(world, a)) return;
  const recent: RetrievedMemory[] = a.memories
    .records()
    .filter((m) => m.id > a.reflectedUpTo && m.kind !== 'reflection')
    .slice(-30)
    .map((m) => ({
      id: m.id,
      round: m.round,
      kind: m.kind,
      text: m.text,
      importance: m.importance,
      score: 0,
      ...(m.cues ? { cues: m.cues } : {}),
    }));
  const sum = a.sinceReflection;
  const decided = world.decide(
    a.model,
    {
      kind: 'reflect',
      key: `reflect:${world.round}:${a.id}`,
      round: world.round,
      setting: world.settings.world.setting,
      persona: a.brief,
      memories: t.recalled,
      recent,
    },
    { phase: 'reflect', agent: a.id, tape: t.tape },
    t.signal,
  );
  return then(decided, (res) => reflected(world, t, res, sum));
}

/**
 * The insights become reflection memories. A reflection that failed is tried again next turn: the
 * importance stays counted.
 *
 * A reflection that found nothing to say (no insights) writes nothing and resets nothing: the
 * importance since the last written reflection stays counted and its memories stay "recent", so
 * the next `reflection` event's importance_sum is the sum of the agent's memory events since the
 * previous one (the trace reconciles) and the next attempt looks at them again with whatever came
 * since. It is not tried every turn though: the agent waits until another `reflect_at` of
 * importance has come in (`reflectionDeferred`), as Generative Agents reflects once per threshold
 * crossing. (No event marks the empty attempt: a `reflection` event names the memory it wrote.
 * Its model usage, if any, is in the round's and the run's usage totals.)
 */
function reflected(world: PhaseContext, t: Turn, res: DecisionResponse<ReflectRequest> | undefined, sum: number): void {
  if (!res) return;
  const a = t.agent;
  if (!res.insights.length) {
    a.reflectionDeferred = a.sinceReflection;
    return;
  }
  a.sinceReflection = 0;
  a.reflectionDeferred = 0;
  a.reflectedUpTo = a.nextMemoryId - 1;
  let first = true;
  for (const ins of res.insights) {
    const m = world.remember(a, 'reflection', ins.text, ins.importance, ins.cues, t.tape);
    t.tape.say({
      type: 'reflection',
      round: world.round,
      agent: a.id,
      memory: m.id,
      evidence: ins.evidence,
      importance_sum: sum,
      ...(first ? usageField(res.usage) : {}),
      ...decidedBy(res.usage),
    });
    first = false;
  }
}
