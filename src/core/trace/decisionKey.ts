// The decision behind a trace event, named as the engine named its request (`request.key`): how a
// view or the debugger finds the model calls a prompt book keeps for what it shows. A table the
// compiler checks: each event type a decision makes says how its key is built from the event, in
// the words of the phase that asks (engine/phases/**: `speak:${conv.id}:${turn}`, ...). An event
// no decision makes has none.
import type { TraceEvent } from './events';

type ByType = { [T in TraceEvent['type']]?: (e: Extract<TraceEvent, { type: T }>) => string | undefined };

/** The engine's own name for the phase an action without one is taken in (engine/society/roundPlan.ts). */
const WORLD_PHASE = 'world';

const KEYS: ByType = {
  message: (e) => `speak:${e.encounter}:${e.turn}`,
  evaluation: (e) => `evaluate:${e.encounter}:${e.from}:${e.to}`,
  action: (e) => `act:${e.round}:${e.phase && e.phase !== WORLD_PHASE ? `${e.phase}:` : ''}${e.agent}`,
  reflection: (e) => `reflect:${e.round}:${e.agent}`,
  advice: (e) => `advise:${e.round}:${e.agent}`,
  intervention: (e) => (e.kind === 'interview' ? `interview:${e.round}:${e.agent}:${e.question}` : undefined),
};

/** The key of the decision that made `e`, if a decision did. */
export function decisionKeyOf(e: TraceEvent): string | undefined {
  const build = KEYS[e.type] as ((e: TraceEvent) => string | undefined) | undefined;
  return build?.(e);
}
