// Work counters for one process's action decisions (issue 87): how many others' holdings were
// read to say who is ahead, and how many closes were foreseen. Tests read them to hold a
// decision's work to its group's size (not its square); they are never a result and feed nothing.
export const decisionWork = { holdings: 0, closings: 0 };
