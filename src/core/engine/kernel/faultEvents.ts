// Faults a decision got past (retried, re-asked) and repairs made to its answer (a code fence
// stripped, a candidate named instead of its id, evidence never shown dropped) become an `error`
// event with handling 'recovered': the answer was used, but not as the model first gave it. One
// shape for a phase's decision and an instrument's question, so every report counts them alike.
import type { CallRecord } from '../../llm/callRecord';
import type { ErrorEvent } from '../../trace/events';
import { counted } from '../../text/counted';
import { ModelLoadError, ReplayMissError } from '../../llm/errors';
import { EndpointDownError } from '../../llm/limits/endpointHealth';
import { SpendLimitReached } from '../../llm/spendMeter';

/**
 * What no decision can get past, so the run stops: a replay cache miss, an endpoint never reached,
 * a model that cannot load, the command's cost limit reached (llm/spendMeter.ts).
 */
export function endsRun(err: unknown): boolean {
  return (
    err instanceof ReplayMissError ||
    err instanceof EndpointDownError ||
    err instanceof ModelLoadError ||
    err instanceof SpendLimitReached
  );
}

/** Where an error event happened: its round, agent, phase, kind and encounter. */
export type ErrorSite = Pick<ErrorEvent, 'type' | 'round' | 'agent' | 'phase' | 'kind' | 'encounter'>;

/** `true` when the decision was asked a second time (its first answer unusable). */
export function reaskedIn(record: CallRecord | undefined): true | undefined {
  return record && record.calls > 1 ? true : undefined;
}

/** The 'recovered' event of a decision answered past faults or repairs; undefined when it had none. */
export function recoveredEvent(site: ErrorSite, record: CallRecord | undefined): ErrorEvent | undefined {
  const faults = record?.faults ?? [],
    repairs = record?.repairs ?? [];
  if (!faults.length && !repairs.length) return undefined;
  const last = faults[faults.length - 1];
  const repaired = repairs.length ? `answer repaired: ${repairs.join(', ')}` : '';
  const reasked = reaskedIn(record);
  return {
    ...site,
    message: last
      ? `recovered after ${counted(faults.length, 'fault')}: ${faults.map((f) => `${f.reason}${f.status ? ` ${f.status}` : ''}`).join(', ')} (last: ${last.message})${repaired ? `; ${repaired}` : ''}`
      : repaired,
    handling: 'recovered',
    reason: last ? last.reason : 'repaired',
    ...(reasked ? { reasked } : {}),
  };
}
