// Reading one JSONL line of a trace by position, without reading the file: its header line, or
// the line a checkpoint's byte count ends at. Two small reads at any trace size (resumePoint.ts,
// and `society run` naming the run a folder holds).
import * as fs from 'node:fs';

/** Longest line read back (a header with many models and prompts, a round_end with usage). */
export const MAX_LINE = 16 << 20;

/** A line as a JSON object; undefined when it is missing or not one. */
export function jsonObject(line: string | undefined): Record<string, unknown> | undefined {
  if (line === undefined) return undefined;
  try {
    const v = JSON.parse(line) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The line starting at `start` of a file of `size` bytes (up to its newline, which must be there). */
export function lineFrom(fd: number, start: number, size: number): string | undefined {
  const buf = Buffer.allocUnsafe(Math.min(MAX_LINE, size - start));
  const n = fs.readSync(fd, buf, 0, buf.length, start);
  const end = buf.subarray(0, n).indexOf(10);
  return end < 0 ? undefined : buf.toString('utf8', 0, end);
}

/** The line that ends (with its newline) exactly at `end`; undefined when byte end−1 is not a newline. */
export function lineBefore(fd: number, end: number): string | undefined {
  if (end <= 0) return undefined;
  for (let window = 64 << 10; ; window *= 4) {
    const from = Math.max(0, end - Math.min(window, MAX_LINE));
    const buf = Buffer.allocUnsafe(end - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    if (buf[buf.length - 1] !== 10) return undefined;
    const start = buf.subarray(0, buf.length - 1).lastIndexOf(10);
    if (start >= 0) return buf.toString('utf8', start + 1, buf.length - 1);
    if (from === 0) return buf.toString('utf8', 0, buf.length - 1);
    if (window >= MAX_LINE) return undefined;
  }
}
