// Where a stopped run stands, as a person reads it: "after round 0" read as a bug to someone who
// stopped it in round 1 (issue 73). `completed` is the last round completed (−1: none set up).

/** "during round 3 (2 of 10 rounds complete)", "during setup, before round 1", "after round 10". */
export function stoppedAt(completed: number, rounds?: number): string {
  if (completed < 0) return 'during setup, before round 1';
  if (rounds !== undefined && completed >= rounds) return `after round ${completed}, the last`;
  const of = rounds !== undefined ? ` of ${rounds}` : '';
  return `during round ${completed + 1} (${completed}${of} ${rounds === 1 || (rounds === undefined && completed === 1) ? 'round' : 'rounds'} complete)`;
}
