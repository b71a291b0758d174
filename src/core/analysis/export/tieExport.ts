// A run's tie network as a file for other tools — the one entry point behind `society export`
// and the editor's `Society: Export Ties…`: GEXF (static, or dynamic over rounds), GraphML, CSV.
import { toDynamicGexf, toGexf } from './gexf';
import { toGraphML } from './graphml';
import { TieTimelineBuilder, tieTimeline } from './tieTimeline';
import {
  streamTraceNetwork,
  tieNetworkOf,
  traceTieNetwork,
  unfinishedNote,
  wholeRound,
  type LoadedTrace,
} from '../metrics/traceNetwork';
import { toTiesCsv } from './tiesCsv';
import type { TieGraph } from '../metrics/tieGraph';

export const TIE_FORMATS = ['gexf', 'graphml', 'csv'] as const;
export type TieFormat = (typeof TIE_FORMATS)[number];

export const TIE_FORMAT_EXTENSIONS: Record<TieFormat, string> = { gexf: '.gexf', graphml: '.graphml', csv: '.csv' };

export interface TieExportOptions {
  /** The ties at the end of this round (default: the trace's last); for `dynamic`, the last round shown. */
  round?: number;
  /** GEXF only: agents and ties over rounds 0..round with spells. */
  dynamic?: boolean;
}

/** A static network in one of the formats. */
export function tieGraphText(graph: TieGraph, format: TieFormat, description?: string): string {
  if (format === 'graphml') return toGraphML(graph);
  if (format === 'csv') return toTiesCsv(graph);
  return toGexf(graph, { description });
}

/** The trace's ties as file text; throws on a round outside the trace or `dynamic` with a format other than GEXF. */
export function exportTraceTies(trace: LoadedTrace, format: TieFormat, options: TieExportOptions = {}): string {
  const round = wholeRound(trace, options.round);
  const name = trace.header.scenario.name;
  if (options.dynamic) {
    if (format !== 'gexf') throw new Error('a dynamic export is GEXF only');
    return toDynamicGexf(tieTimeline(trace.header, trace.events, round), {
      description: `${name}: ties over rounds 0..${round}`,
    });
  }
  return tieGraphText(traceTieNetwork(trace, round), format, `${name}: ties at the end of round ${round}`);
}

/**
 * The ties of the trace at `file` as file text, streamed (streamTraceNetwork: the trace's events
 * are never held; a dynamic export holds the timeline it writes), with what `unfinishedNote` says
 * of the trace. Throws as `exportTraceTies` does, and on a trace with problems.
 */
export async function exportTraceFileTies(
  file: string,
  format: TieFormat,
  options: TieExportOptions = {},
): Promise<{ text: string; note?: string }> {
  if (options.dynamic && format !== 'gexf') throw new Error('a dynamic export is GEXF only');
  const timeline = options.dynamic ? new TieTimelineBuilder() : undefined;
  const trace = await streamTraceNetwork(file, {
    round: options.round,
    ...(timeline ? { onRound: (r, state) => timeline.add(r, tieNetworkOf(state)) } : {}),
  });
  const { round } = trace;
  const name = trace.header.scenario.name;
  const text = timeline
    ? toDynamicGexf(timeline.finish(round), { description: `${name}: ties over rounds 0..${round}` })
    : tieGraphText(tieNetworkOf(trace.state), format, `${name}: ties at the end of round ${round}`);
  const note = unfinishedNote(trace);
  return { text, ...(note ? { note } : {}) };
}
