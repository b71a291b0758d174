// State a phase plug-in owns on a turn or a round: a typed place in the holder's slot list,
// given out once per plug-in at load. The kernel never reads a slot; it only lets a holder's
// slots go when the round no longer needs them.

export interface Slot<S> {
  readonly at: number;
  readonly make: () => S;
}

/** Something that holds plug-ins' slots (a turn, a round). */
export interface SlotHolder {
  readonly slots: unknown[];
}

let slots = 0;

/** A new slot, made fresh by `make` the first time a holder's is asked for. */
export function slot<S>(make: () => S): Slot<S> {
  return { at: slots++, make };
}

/**
 * A holder's slot list with room for every slot given out so far. A list grown by its first write
 * (at the slot's index) keeps room for ≈ 20 (≈ 90 B): at a million turns, ≈ 80 MB for the round.
 */
export function newSlots(): unknown[] {
  return new Array(slots);
}

/** The holder's state in `s`, made if it has none yet. */
export function own<S>(h: SlotHolder, s: Slot<S>): S {
  return (h.slots[s.at] ??= s.make()) as S;
}

/** The holder's state in `s`, if it has any. */
export function peek<S>(h: SlotHolder, s: Slot<S>): S | undefined {
  return h.slots[s.at] as S | undefined;
}

/** Lets the holder's state in `s` go. */
export function drop(h: SlotHolder, s: Slot<unknown>): void {
  h.slots[s.at] = undefined;
}
