// Who speaks in the status bar: each run and debug session is an owner with its latest text; the
// newest owner is shown, and when it leaves the one before it comes back (a run outlives a debug
// session started during it, and lost its item when that session ended). An ended run's summary
// stays until someone else comes, and never comes back after that. Pure, so it is unit-tested.

export interface Shown {
  text: string;
  tooltip?: string;
  /** The tooltip is Markdown whose links run commands (a finished run's Open Trace, Show Log). */
  markdown?: boolean;
}

export class StatusOwners {
  private readonly said = new Map<object, Shown & { ended?: boolean }>();

  /** `owner` takes the item over with `text` (its tooltip kept when none is given). */
  set(owner: object, text: string, tooltip?: string): void {
    for (const [o, said] of this.said) if (said.ended && o !== owner) this.said.delete(o);
    const before = this.said.get(owner);
    this.said.delete(owner);
    this.said.set(owner, { text, tooltip: tooltip ?? before?.tooltip });
  }

  /** What `owner` says now (shown while it is the newest owner). */
  update(owner: object, text: string): void {
    const said = this.said.get(owner);
    if (said) said.text = text;
  }

  /** `owner` ended (a run finished, stopped or failed): `text` is its summary, `markdown` a tooltip with links. */
  ended(owner: object, text: string, markdown?: string): void {
    const said = this.said.get(owner);
    if (said) {
      said.text = text;
      said.ended = true;
      if (markdown !== undefined) Object.assign(said, { tooltip: markdown, markdown: true });
    }
  }

  /** Forgets `owner` (or everyone). */
  clear(owner?: object): void {
    if (owner) this.said.delete(owner);
    else this.said.clear();
  }

  /** What the item shows, undefined when it hides. */
  shown(): Shown | undefined {
    let last: Shown | undefined;
    for (const said of this.said.values()) last = said;
    return last && { text: last.text, tooltip: last.tooltip, ...(last.markdown ? { markdown: true } : {}) };
  }
}
