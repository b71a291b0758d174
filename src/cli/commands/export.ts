// `society export <trace.jsonl|graph.json>`: the tie network as GraphML, GEXF or CSV for Gephi,
// NetworkX, igraph or a spreadsheet — the same writers as `society report`, for any round, and
// with `--dynamic` a GEXF whose agents and ties carry the rounds they were present.
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { exportTraceFileTies, tieGraphText, TIE_FORMATS, type TieFormat } from '../../core/analysis';
import { isTraceFile, loadTieNetwork } from '../../core/analysis';
import { exportParquet } from './exportParquet';
import { integerOption, onePositional, outputFile } from '../options';
import { mayReplace, recordPresent } from '../ownFiles';

const USAGE =
  'export <trace.jsonl|graph.json> [--format graphml|gexf|csv] [--round N] [--dynamic] [--out FILE [--overwrite]]\n       society export <run|experiment|folder> --format parquet --out DIR [--overwrite]';

/** The format named, else the one --out's extension names (none: GEXF); undefined when neither names one. */
function formatOf(format: string | undefined, out: string | undefined): TieFormat | undefined {
  const ext = path
    .extname(out ?? '')
    .slice(1)
    .toLowerCase();
  const name = format ?? (ext || 'gexf');
  return TIE_FORMATS.find((f) => f === name);
}

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  [
    '<trace.jsonl|graph.json>',
    'a run\'s trace, or a tie network as graph JSON: {"nodes": [{"id", attributes…}], "edges": [{"source", "target", "weight"?}]} (NetworkX node_link_data with edges="edges")',
  ],
  [
    '--format F',
    "graphml, gexf or csv (default: from --out's extension, else gexf); parquet: every `society sql` view as <view>.parquet in --out DIR",
  ],
  ['--round N', 'for a trace: the ties at the end of round N (default: its last round)'],
  ['--dynamic', "GEXF only: agents and ties over rounds 0..N with spells and per-round strength, for Gephi's timeline"],
  ['--out FILE', 'write to FILE (default: standard output); for parquet, the folder'],
  ['--overwrite', 'replace a file (parquet: files of those names) in --out that Society Studio did not write'],
] as const satisfies readonly OptionRow[];

export const exportCommand = command({
  name: 'export',
  usage: USAGE,
  summary: "Export a run's tie network as GraphML, GEXF (static or dynamic over rounds) or CSV",
  options: OPTIONS,
  async run({ values, positionals }): Promise<number> {
    if (values.format === 'parquet') {
      const target = onePositional('export', USAGE, positionals, 'run, experiment or folder');
      return target === undefined ? 2 : exportParquet(target, values.out, values.overwrite === true);
    }
    const format = formatOf(values.format, values.out);
    let round: number | undefined;
    try {
      round = integerOption('round', values.round, 0);
    } catch (err) {
      console.error(`society export: ${err instanceof Error ? err.message : String(err)}`);
      return 2;
    }
    const file = onePositional('export', USAGE, positionals, 'trace or graph file');
    if (file === undefined) return 2;
    if (!format) {
      const given =
        values.format !== undefined
          ? `not '${values.format}'`
          : `and ${path.basename(values.out!)} names none of them (add --format)`;
      console.error(`society export: --format takes ${TIE_FORMATS.join(', ')}, ${given}\nUsage: society ${USAGE}`);
      return 2;
    }
    if (values.dynamic && format !== 'gexf') {
      console.error('society export: --dynamic applies to --format gexf only');
      return 2;
    }
    let text: string;
    try {
      if (isTraceFile(file)) {
        // Streamed: the trace's events are not held (with an index, --round N reads rounds 0..N only).
        let note: string | undefined;
        ({ text, note } = await exportTraceFileTies(file, format, { round, dynamic: values.dynamic }));
        if (note) console.error(`society export: note: ${note}`);
      } else {
        if (values.dynamic) throw new Error('--dynamic needs a trace');
        const network = await loadTieNetwork(file, { round });
        text = tieGraphText(network.graph, format, network.description);
      }
    } catch (err) {
      console.error(`society export: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    if (values.out) {
      // A file there that we did not write is replaced only when asked: export once replaced any.
      const [dir, name] = [path.dirname(path.resolve(values.out)), path.basename(values.out)];
      if (!mayReplace('export', dir, [name], values.overwrite === true)) return 1;
      if (!outputFile(values.out, text, 'export')) return 1;
      recordPresent(dir, [name]);
      console.error(`society export: wrote ${values.out}`);
    } else process.stdout.write(text);
    return 0;
  },
});
