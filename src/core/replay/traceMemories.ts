// Agents' memory streams folded from a trace prefix: what a checkpoint file leaves out
// (engine/persist/checkpoint.ts fileForm). Every memory the engine writes is a `memory` event, an agent's
// stream starts empty at its `agent_added` event, and appending with the engine's own
// appendMemory (its cap and forgetting rule) gives back exactly the engine's streams — the same
// fold as trace replay (replay.ts). Only those two kinds of line are parsed: the prefix is
// scanned as bytes for them, so a 450 MB trace of 10,000 agents is read in about two seconds.
import * as fs from 'node:fs';
import type { MemoryRecord } from '../trace/events';
import type { WorldEdit } from '../trace/edits';
import { appendMemory } from '../engine/pure';

const CHUNK = 8 << 20;
const NEWLINE = 10;
/** A line is parsed only if it holds one of these (a string value cannot: its quotes are escaped). */
const WANTED = [
  Buffer.from('"type":"memory"'),
  Buffer.from('"type":"agent_added"'),
  // A branch's edits may forget a memory (trace/edits.ts); interviews, the other interventions, are rare.
  Buffer.from('"type":"intervention"'),
];

/** A problem found while folding, with the trace line it is on (1-based). */
export class TraceMemoryError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Memory streams by agent id after the trace's first `bytes` bytes (which must end a line).
 * `onProgress` gets the bytes read so far after each chunk (a progress line for large traces).
 */
export function memoriesFromTrace(
  tracePath: string,
  bytes: number,
  onProgress?: (bytesRead: number) => void,
): Map<string, MemoryRecord[]> {
  const streams = new Map<string, MemoryRecord[]>();
  const fd = fs.openSync(tracePath, 'r');
  try {
    let carry = Buffer.alloc(0),
      at = 0;
    try {
      while (at < bytes) {
        const read = Buffer.allocUnsafe(Math.min(CHUNK, bytes - at));
        const n = fs.readSync(fd, read, 0, read.length, at);
        if (n === 0) throw new Problem(at, `the trace ends at byte ${at}, before byte ${bytes}`);
        const base = at - carry.length;
        at += n;
        const buf = carry.length ? Buffer.concat([carry, read.subarray(0, n)]) : read.subarray(0, n);
        const end = buf.lastIndexOf(NEWLINE) + 1;
        foldLines(buf.subarray(0, end), base, streams);
        carry = Buffer.from(buf.subarray(end));
        onProgress?.(at);
      }
      if (carry.length) throw new Problem(bytes - carry.length, `byte ${bytes} is not the end of a line`);
    } catch (err) {
      if (err instanceof Problem) throw new TraceMemoryError(lineAt(fd, err.offset), err.message);
      throw err;
    }
  } finally {
    fs.closeSync(fd);
  }
  return streams;
}

/** A problem at a byte offset; its line number is counted only when one is reported. */
class Problem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Folds the wanted lines of `buf` (whole lines, starting at byte `base` of the trace) into `streams`. */
function foldLines(buf: Buffer, base: number, streams: Map<string, MemoryRecord[]>): void {
  let start = 0;
  // The next occurrence of each wanted text at or after `start` (searched again only once passed:
  // searching both from every line would rescan the chunk for the rare one each time).
  const next = WANTED.map((w) => buf.indexOf(w, 0));
  while (start < buf.length) {
    for (let k = 0; k < WANTED.length; k++) {
      if (next[k] >= 0 && next[k] < start) next[k] = buf.indexOf(WANTED[k], start);
    }
    const hit = earliest(next);
    if (hit < 0) return;
    const from = buf.lastIndexOf(NEWLINE, hit) + 1;
    const to = buf.indexOf(NEWLINE, hit);
    apply(buf.toString('utf8', from, to), base + from, streams);
    start = to + 1;
  }
}

function earliest(positions: readonly number[]): number {
  let best = -1;
  for (const i of positions) if (i >= 0 && (best < 0 || i < best)) best = i;
  return best;
}

/** The 1-based number of the line holding byte `offset`. */
function lineAt(fd: number, offset: number): number {
  let line = 1;
  const buf = Buffer.allocUnsafe(CHUNK);
  for (let at = 0; at < offset;) {
    const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, offset - at), at);
    if (n === 0) break;
    for (let i = buf.indexOf(NEWLINE, 0); i >= 0 && i < n; i = buf.indexOf(NEWLINE, i + 1)) line++;
    at += n;
  }
  return line;
}

function apply(text: string, offset: number, streams: Map<string, MemoryRecord[]>): void {
  let e: { type?: unknown; agent?: unknown; memory?: unknown; kind?: unknown; edits?: unknown };
  try {
    e = JSON.parse(text) as typeof e;
  } catch {
    throw new Problem(offset, 'not valid JSON');
  }
  if (e.type === 'agent_added') {
    const id = (e.agent as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') throw new Problem(offset, 'agent_added without an agent id');
    streams.set(id, []);
  } else if (e.type === 'memory') {
    const m = e.memory as MemoryRecord | undefined;
    if (typeof e.agent !== 'string' || !m || typeof m !== 'object' || !Number.isInteger(m.id)) {
      throw new Problem(offset, 'a memory event without its agent or memory');
    }
    const stream = streams.get(e.agent);
    if (!stream) throw new Problem(offset, `a memory of '${e.agent}', who has not joined`);
    appendMemory(stream, m);
  } else if (e.type === 'intervention' && e.kind === 'edit' && Array.isArray(e.edits)) {
    for (const edit of e.edits as WorldEdit[]) {
      if (edit?.edit !== 'forget') continue;
      const stream = streams.get(edit.agent);
      const at = stream?.findIndex((m) => m.id === edit.memory) ?? -1;
      if (at >= 0) stream!.splice(at, 1);
    }
  }
}
