// A value of the Variables view worked out only when the user expands it. Every stop asks for
// the World scope; at 10,000 agents its network metrics alone took 100–120 ms, and a list of every
// agent is rarely opened, so they wait for the click (the run is paused, so the state they show is
// the state of the stop).
export class Lazy {
  private value?: { of: unknown };

  constructor(
    /** What the collapsed variable shows. */
    readonly summary: string,
    private readonly compute: () => unknown,
    /** For a list: its length, known beforehand, so VS Code can ask for it a page at a time. */
    readonly length?: number,
  ) {}

  get(): unknown {
    this.value ??= { of: this.compute() };
    return this.value.of;
  }
}
