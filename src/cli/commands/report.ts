// `society report`: a self-contained HTML report of a run (the interactive society view with the
// whole trace, a static tie network picture as its no-script fallback, metrics against a random
// baseline, the network over rounds, reward curves) plus metrics.json, ties.graphml, ties.gexf and ties.csv,
// written next to the trace or into --out. `--static` leaves the interactive view out.
import path from 'node:path';
import type { Command } from '../command';
import { parseCommandArgs } from '../options';
import { DEFAULT_ATTRIBUTE } from '../../core/analysis/networkMetrics';
import { writeReportFiles } from '../../core/analysis/reportFiles';
import { buildRunReport } from '../../core/analysis/reportModel';
import { loadTrace } from '../../core/analysis/traceNetwork';
import { viewEmbed } from '../../core/protocol/viewPage';
import { findViewAssets } from '../viewAssets';

const USAGE = 'report <trace.jsonl> [--out DIR] [--attribute NAME] [--static]';

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  summary: 'Write an HTML report of a run, with metrics.json, ties.graphml, ties.gexf and ties.csv',
  async run(args: string[]): Promise<number> {
    const parsed = parseCommandArgs('report', USAGE, args, {
      out: { type: 'string' },
      attribute: { type: 'string', default: DEFAULT_ATTRIBUTE },
      static: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (values.help) {
      console.log(`Usage: society ${USAGE}\n\n${reportCommand.summary}.\n  --out DIR         folder for the files (default: the trace's folder)\n  --attribute NAME  persona attribute for homophily and colours (default ${DEFAULT_ATTRIBUTE})\n  --static          no interactive view: a script-free page`);
      return 0;
    }
    if (positionals.length !== 1) {
      console.error(`Usage: society ${USAGE}`);
      return 2;
    }
    const traceFile = positionals[0];
    let trace;
    try {
      trace = loadTrace(traceFile);
    } catch (err) {
      console.error(`society report: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    const report = buildRunReport(trace.header, trace.events, { attribute: values.attribute });
    let view;
    if (!values.static) {
      const assets = findViewAssets();
      try {
        if (assets) view = viewEmbed(assets, { source: { kind: 'file', label: path.basename(traceFile) }, header: trace.header, events: trace.events, complete: trace.complete }, { embedded: true });
        else console.error('society report: note: the interactive view is not built (npm run build); writing the static report');
      } catch (err) {
        console.error(`society report: note: ${err instanceof Error ? err.message : String(err)}; writing the static report`);
      }
    }
    const files = writeReportFiles(report, values.out ?? path.dirname(traceFile), { view });
    for (const file of files) console.log(file);
    if (!report.complete) console.error(`society report: note: the trace ends at round ${report.round} without run_end (incomplete run)`);
    return 0;
  },
};
