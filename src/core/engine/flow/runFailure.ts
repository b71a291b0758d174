// A failure after which the run cannot usefully go on: an expression that passed its budget of
// steps (it would pass it again for every agent), a module hook that overran its time. The error
// event that says so is emitted where it happened; the run then stops as a stopped run does, its
// trace cut back to the last whole round, and the harness writes the event after that round
// (run/runHarness.ts), so the trace says why it ends there and --resume continues from it.
import type { ErrorEvent } from '../../trace/events';

export class RunFailure extends Error {
  constructor(readonly event: ErrorEvent & { handling: 'fatal' }) {
    super(event.message);
  }
}
