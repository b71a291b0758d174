// Lines of a .society file as the debugged run parsed it, against the file as it is now: the
// scenario's source ranges are the launch's, so a stop (or a breakpoint set after an edit) goes
// through a line alignment (the longest common run of unchanged lines) to the current numbering.
// A line that was edited or removed has no current line: the caller says the mapping is stale.

export interface LineMap {
  /** True when the two texts have the same lines. */
  readonly same: boolean;
  /** The current line of a launch line, or undefined when that line was changed or removed. */
  toCurrent(line: number): number | undefined;
  /** The launch line a current line stands for: itself if unchanged, else the nearest unchanged line above (else below). */
  toLaunch(line: number): number;
}

/** Beyond this many cells (changed lines × changed lines) the middle of a file is not aligned. */
const MAX_CELLS = 4_000_000;

export function lineMap(launch: readonly string[], current: readonly string[]): LineMap {
  const a = launch.map((l) => l.trimEnd()),
    b = current.map((l) => l.trimEnd());
  const toCur = new Array<number>(a.length).fill(-1);
  const toOld = new Array<number>(b.length).fill(-1);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) {
    toCur[pre] = pre;
    toOld[pre] = pre;
    pre++;
  }
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) {
    toCur[a.length - 1 - suf] = b.length - 1 - suf;
    toOld[b.length - 1 - suf] = a.length - 1 - suf;
    suf++;
  }
  const n = a.length - pre - suf,
    m = b.length - pre - suf;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    // LCS table over the changed middle, from the end, then walked from the start.
    const w = m + 1;
    const t = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        t[i * w + j] =
          a[pre + i] === b[pre + j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
      }
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      if (a[pre + i] === b[pre + j]) {
        toCur[pre + i] = pre + j;
        toOld[pre + j] = pre + i;
        i++;
        j++;
      } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) i++;
      else j++;
    }
  }
  const same = a.length === b.length && pre === a.length;
  return {
    same,
    toCurrent: (line) => (same ? line : toCur[line] >= 0 ? toCur[line] : undefined),
    toLaunch: (line) => {
      if (same) return line;
      for (let i = Math.min(line, b.length - 1); i >= 0; i--) if (toOld[i] >= 0) return toOld[i];
      for (let i = line + 1; i < b.length; i++) if (toOld[i] >= 0) return toOld[i];
      return line;
    },
  };
}
