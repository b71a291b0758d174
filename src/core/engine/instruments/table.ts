// The instrument plug-ins (issue 59), beside the phases' table: the kernel starts each one a
// scenario declares and calls it at the round's close and end, and knows nothing else of them.
// What the schema, the trace and the usage books know of instruments is held to this table by
// test/unit/architecture/instruments.test.ts.
import type { PhaseContext } from '../phases/context';
import type { Instrument, InstrumentRun } from './instrument';
import { JUDGES } from './judges/judges';
import { SURVEYS } from './surveys/surveys';

/** In the order they run at each moment: surveys are answered before the judges score. */
export const INSTRUMENTS: readonly Instrument[] = [SURVEYS, JUDGES];

/** The instruments `world`'s scenario declares, started for its run. */
export function startInstruments(world: PhaseContext): InstrumentRun[] {
  const declared = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : v !== undefined);
  return INSTRUMENTS.filter((i) => declared(world.scenario[i.key])).map((i) => i.start(world));
}
