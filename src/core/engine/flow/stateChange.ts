// What a unit of a stage changes in the world, held back until the stage commits (flow/tape.ts),
// as data rather than a closure: every field is plain JSON (agents by id), so a unit's changes
// could come back from a worker thread and be committed in unit order as these are. Each kind
// belongs to the phase that writes it (or to the kernel's model bookkeeping), with the `apply`
// that commits it (phases/table.ts PHASES); the kernel only looks the kind up.
export interface StateChange {
  readonly kind: string;
}

/** Commits one kind of change to the world `W` it is given. */
export type ChangeApply<W, C extends StateChange = StateChange> = (world: W, change: C) => void;

/** A plug-in's change kinds, each with its apply. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each apply narrows its own change
export type ChangeKinds<W> = Readonly<Record<string, ChangeApply<W, any>>>;

/** One apply for every kind of `tables`; a kind two tables claim is an error. */
export function changeBook<W>(...tables: ChangeKinds<W>[]): ChangeApply<W> {
  const book = new Map<string, ChangeApply<W>>();
  for (const table of tables) {
    for (const [kind, apply] of Object.entries(table)) {
      if (book.has(kind)) throw new Error(`two plug-ins commit '${kind}' changes`);
      book.set(kind, apply);
    }
  }
  return (world, change) => {
    const apply = book.get(change.kind);
    if (!apply) throw new Error(`no plug-in commits '${change.kind}' changes`);
    apply(world, change);
  };
}
