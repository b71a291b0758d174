// How a branch's departure is worded, wherever it is shown (the view's tab, the edit picker, the
// CLI). A branch "at round N" applies its edits at N's start, so it shares its parent's rounds
// through N − 1: Branch… on the society view scrubbed to round 10 makes a branch at round 11, and
// its title said "at round 11" while the person had picked round 10 on screen (issue 73). Named by
// the last round it shares — the one that was on screen — with the round its edits open, the
// title, the picker and the trace (edits after round 11's `round_start`) say the same thing.

/** Where a branch at `round` (its edits at that round's start) departs from its parent. */
export function branchPoint(round: number): string {
  return round <= 1 ? 'from the start' : `after round ${round - 1}`;
}

/** A branch's title: `<scenario> (branch of <parent> after round N − 1)`. */
export function branchTitle(scenario: string, parent: string, round: number): string {
  return `${scenario} (branch of ${parent} ${branchPoint(round)})`;
}
