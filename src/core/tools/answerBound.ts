// An answer kept within a size an assistant can read, by cutting what it needs least first (a
// table of cuts, in order), never what it asked for: the verdicts and claims stay. The answer
// says what was cut, so the assistant knows where the rest is (the files the command wrote).

/** One cut: what it drops, in words, and the change it makes to the value. */
export interface Cut {
  what: string;
  cut: (v: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** `value` (deep-copied) with cuts applied in order until its JSON fits `max` characters; `cut`: what was dropped. */
export function bounded<T>(value: T, max: number, cuts: readonly Cut[]): { value: T; cut: string[] } {
  const v = JSON.parse(JSON.stringify(value)) as T;
  const cut: string[] = [];
  for (const c of cuts) {
    if (JSON.stringify(v).length <= max) break;
    c.cut(v);
    cut.push(c.what);
  }
  return { value: v, cut };
}
