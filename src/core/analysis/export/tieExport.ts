// A run's tie network as a file for other tools — the one entry point behind `society export`
// and the editor's `Society: Export Ties…`: GEXF (static, or dynamic over rounds), GraphML, CSV.
import { toDynamicGexf, toGexf } from './gexf';
import { toGraphML } from './graphml';
import { tieTimeline } from './tieTimeline';
import { traceTieNetwork, wholeRound, type LoadedTrace } from '../metrics/traceNetwork';
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
