// The round each society debug session is paused in (from its highlight events), for commands that
// act on "here": Branch Here… starts its branch at that round.
export const pausedAt = new Map<string, number>();
