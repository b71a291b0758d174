// Where two traces part: the first event line (after the header) that is not the same text in
// both. A branch without an edit must reproduce its parent byte for byte, so the test is on the
// lines as written, not on parsed events; the round is that line's. Lines are read in lockstep and
// dropped as they pass, so traces of any size compare in little memory.
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { minOf } from '../../stats/extremes';

/** One side's line where the traces part; absent when that trace had ended. */
export interface DivergentLine {
  type: string;
  round: number | null;
  /** The line, cut to a readable length. */
  text: string;
}

export type Divergence =
  | { identical: true; lines: number }
  | {
      identical: false;
      /** The file's line number (1 is the header). */
      line: number;
      /** The round of the first differing line (the earlier of the two sides'). */
      round: number | null;
      a?: DivergentLine;
      b?: DivergentLine;
    };

const SHOWN = 240;
/** Significant digits a number is shown with: a sum's float noise (60.599999999999994) is not a difference. */
const DIGITS = 10;

/**
 * The line as a person reads it: numbers to DIGITS significant digits. Undefined for a line that
 * is not JSON (shown as written).
 */
function readable(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), (_k, v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(DIGITS)) : v,
    );
  } catch {
    return undefined;
  }
}

function describe(text: string, shown = text): DivergentLine {
  let type = '?',
    round: number | null = null;
  try {
    const v = JSON.parse(text) as { type?: unknown; round?: unknown };
    if (typeof v.type === 'string') type = v.type;
    if (typeof v.round === 'number') round = v.round;
  } catch {
    /* a damaged line still differs; its text says how */
  }
  return { type, round, text: shown.length > SHOWN ? `${shown.slice(0, SHOWN - 1)}…` : shown };
}

type Lines = AsyncIterable<string> | Iterable<string>;

function iterate(lines: Lines): AsyncIterator<string> | Iterator<string> {
  return Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]();
}

/** The first differing line of two traces' lines (each given header first); blank lines are skipped. */
export async function firstDivergence(a: Lines, b: Lines): Promise<Divergence> {
  const ia = iterate(a),
    ib = iterate(b);
  const next = async (it: AsyncIterator<string> | Iterator<string>): Promise<string | undefined> => {
    for (;;) {
      const r = await it.next();
      if (r.done) return undefined;
      if (r.value.trim()) return r.value;
    }
  };
  // The headers are compared on their own (headerCheck.ts): a seed differs there, not here.
  await next(ia);
  await next(ib);
  for (let line = 2; ; line++) {
    const [x, y] = await Promise.all([next(ia), next(ib)]);
    if (x === undefined && y === undefined) return { identical: true, lines: line - 1 };
    if (x === y) continue;
    // Shown readable unless only the digits past DIGITS differ: then as written, or they would look the same.
    const [ra, rb] = [x === undefined ? undefined : readable(x), y === undefined ? undefined : readable(y)];
    const plain = ra === rb;
    const da = x === undefined ? undefined : describe(x, plain ? x : (ra ?? x)),
      db = y === undefined ? undefined : describe(y, plain ? y : (rb ?? y));
    const rounds = [da?.round, db?.round].filter((r): r is number => typeof r === 'number');
    await Promise.all([ia.return?.(), ib.return?.()]);
    return {
      identical: false,
      line,
      round: rounds.length ? minOf(rounds) : null,
      ...(da ? { a: da } : {}),
      ...(db ? { b: db } : {}),
    };
  }
}

/** A file's lines, read as they are needed. */
export function fileLines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
}
