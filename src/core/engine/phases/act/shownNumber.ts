// A number as the trace's texts show it: to two decimals (a reason, a memory of what was done).

export const shownNumber = (x: number): string => String(Math.round(x * 100) / 100);
