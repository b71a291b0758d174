// Where two traces part: the first line that differs, read as bytes (a branch must be its parent
// byte for byte before its edits), with the round that line belongs to. The header's provenance
// (the build that made each run) is left out: a branch made by a newer build is still its parent.
import * as fs from 'node:fs';
import { lineFrom } from '../trace/lineRead';
import { headerLineWithoutProvenance } from '../trace/provenance';

export interface Divergence {
  /** 1-based line number of the first line that differs (or that one trace lacks). */
  line: number;
  /** The round of that line in the first trace, else in the second (undefined for the header). */
  round?: number;
  /** Whether one trace is simply a prefix of the other (it stops where the other goes on). */
  prefix: boolean;
}

const CHUNK = 1 << 20;

/** The first difference of two trace files, or undefined when they are the same bytes. */
export function traceDivergence(a: string, b: string): Divergence | undefined {
  const fa = fs.openSync(a, 'r'),
    fb = fs.openSync(b, 'r');
  try {
    const ba = Buffer.allocUnsafe(CHUNK),
      bb = Buffer.allocUnsafe(CHUNK);
    const ha = lineFrom(fa, 0, fs.fstatSync(fa).size),
      hb = lineFrom(fb, 0, fs.fstatSync(fb).size);
    const headed = ha !== undefined && hb !== undefined;
    if (headed && headerLineWithoutProvenance(ha) !== headerLineWithoutProvenance(hb)) {
      return { line: 1, prefix: false };
    }
    // From the second line on, each file at its own offset (the headers may differ in length).
    const skipA = headed ? Buffer.byteLength(ha) + 1 : 0,
      skipB = headed ? Buffer.byteLength(hb) + 1 : 0;
    let at = 0,
      line = headed ? 2 : 1,
      lineStart = 0;
    for (;;) {
      const na = fs.readSync(fa, ba, 0, CHUNK, skipA + at),
        nb = fs.readSync(fb, bb, 0, CHUNK, skipB + at);
      const n = Math.min(na, nb);
      let i = 0;
      while (i < n && ba[i] === bb[i]) {
        if (ba[i] === 10) {
          line++;
          lineStart = at + i + 1;
        }
        i++;
      }
      if (i < n || na !== nb) {
        const round = roundAt(fa, skipA + lineStart) ?? roundAt(fb, skipB + lineStart);
        return {
          line,
          ...(round !== undefined ? { round } : {}),
          prefix: i === n && (na === 0 || nb === 0) && lineStart === at + n,
        };
      }
      if (na === 0) return undefined;
      at += n;
    }
  } finally {
    fs.closeSync(fa);
    fs.closeSync(fb);
  }
}

/** The `round` of the line starting at byte `start`, if it is a whole JSON line with one. */
function roundAt(fd: number, start: number): number | undefined {
  const buf = Buffer.allocUnsafe(1 << 16);
  const n = fs.readSync(fd, buf, 0, buf.length, start);
  const end = buf.indexOf(10);
  const text = buf.toString('utf8', 0, end >= 0 && end < n ? end : n);
  const m = /"round":(\d+)/.exec(text.slice(0, 200));
  return m ? Number(m[1]) : undefined;
}
