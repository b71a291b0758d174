// A circuit breaker for an endpoint nobody answers: after CONNECTION_FAILURES consecutive failed
// connections (refused, unreachable, no such host) with no answer ever, the run stops with one
// clear message instead of retrying every decision into the void (20 agents × 3 rounds against a
// dead port took 28 s and 720 connection attempts before it said anything). Once the endpoint has
// answered, a later outage is the retries' and `on_error`'s business, as before.

/** Consecutive connection failures, with no answer ever, that open the breaker. */
export const CONNECTION_FAILURES = 8;

/** The run cannot go on: its endpoint has never been reached. Fatal: the engine stops the run. */
export class EndpointDownError extends Error {
  override readonly name = 'EndpointDownError';
  constructor(
    readonly endpoint: string,
    readonly failures: number,
    readonly last: string,
  ) {
    super(
      `the model endpoint ${endpoint} refused or dropped ${failures} connections in a row and has not answered once: is the server running, and is base_url right? (last error: ${last})`,
    );
  }
}

export class EndpointHealth {
  private failures = 0;
  private answered = false;
  private lastError = '';

  constructor(
    readonly endpoint: string,
    private readonly threshold = CONNECTION_FAILURES,
  ) {}

  /** Throws once the breaker is open: a call that would only meet the same refusal is not made. */
  check(): void {
    if (this.open) throw new EndpointDownError(this.endpoint, this.failures, this.lastError);
  }

  get open(): boolean {
    return !this.answered && this.failures >= this.threshold;
  }

  succeeded(): void {
    this.answered = true;
    this.failures = 0;
  }

  /** A failed attempt; only failures to connect count towards the breaker. */
  failed(reason: string, message: string): void {
    if (reason !== 'network') {
      this.failures = 0;
      return;
    }
    this.failures++;
    this.lastError = message;
  }
}
