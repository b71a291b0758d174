// CSV export of a tie network: one row per directed tie (RFC 4180 quoting).
import type { TieGraph } from '../metrics/tieGraph';
import { nodeId } from '../metrics/nodeKeys';

function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `Source,Target,Type,Weight` — the edge-table columns Gephi's spreadsheet import recognises
 * (pandas/NetworkX take any names) — then one line per tie of the graph, in edge order; CRLF line ends.
 */
export function toTiesCsv(graph: TieGraph): string {
  const rows = [
    ['Source', 'Target', 'Type', 'Weight'],
    ...graph.mapEdges((_edge, attrs, from, to) => [nodeId(from), nodeId(to), 'Directed', attrs.weight]),
  ];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
