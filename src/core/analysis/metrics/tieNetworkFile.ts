// Loads a tie network from a file for analysis: a graph JSON file in the fixture format, or a
// run's JSONL trace (the ties at the end of its last round, or of a chosen round).
import { closeSync, openSync, readSync } from 'node:fs';
import { graphFromFixture, readGraphFixture } from './graphFixture';
import { streamTraceNetwork, tieNetworkOf, unfinishedNote } from './traceNetwork';
import type { TieGraph } from './tieGraph';
import { printable } from '../../text/printable';
import { parseSourceJson } from '../../interop/sourceText';

export interface LoadedTieNetwork {
  graph: TieGraph;
  /** One line saying what was loaded, for people. */
  description: string;
  /** What was left out of a trace that ends mid-round (see unfinishedNote). */
  note?: string;
}

/** A trace is JSONL whose first line is a header object (after a byte-order mark, as the reader takes it); anything else is read as graph JSON. */
export function isTraceFile(file: string): boolean {
  if (file.endsWith('.jsonl')) return true;
  try {
    const first = parseSourceJson(firstLine(file)) as { type?: unknown };
    return first?.type === 'header';
  } catch {
    return false;
  }
}

/** The file's first line, read in pieces: a graph JSON file may be large and have no newline at all. */
function firstLine(file: string, limit = 16 << 20): string {
  const fd = openSync(file, 'r');
  try {
    const piece = Buffer.alloc(64 << 10);
    const parts: Buffer[] = [];
    for (let read = 0; read < limit;) {
      const n = readSync(fd, piece, 0, piece.length, read);
      if (n === 0) break;
      const nl = piece.subarray(0, n).indexOf(10);
      parts.push(Buffer.from(piece.subarray(0, nl < 0 ? n : nl)));
      if (nl >= 0) break;
      read += n;
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** `round` applies to traces only (default: the trace's last round). A trace is streamed (streamTraceNetwork). */
export async function loadTieNetwork(file: string, options: { round?: number } = {}): Promise<LoadedTieNetwork> {
  if (isTraceFile(file)) {
    const trace = await streamTraceNetwork(file, { round: options.round });
    const { round, state } = trace;
    const note = unfinishedNote(trace);
    const graph = tieNetworkOf(state);
    return {
      graph,
      description:
        `${file}: scenario '${printable(trace.header.scenario.name)}', ties at the end of round ${round}` +
        ` (threshold ${state.settings.ties.threshold}): ${graph.order} agents, ${graph.size} directed ties`,
      ...(note ? { note } : {}),
    };
  }
  if (options.round !== undefined) throw new Error(`${file}: --round applies to traces only`);
  const graph = graphFromFixture(readGraphFixture(file), file);
  return { graph, description: `${file}: ${graph.order} nodes, ${graph.size} directed ties` };
}
