// `society compare` of two sets of runs in the terminal: the pairs by seed and the runs left out,
// each outcome's means and paired difference B − A with its 95% CI and Hedges' g (what g means for
// the model said under it), and the mean difference of a
// few series every few rounds (every number: --json, or the files of --out).
import { printable } from '../../text/printable';
import { counted } from '../../text/counted';
import { columns, everyKth, signed, value } from '../../analysis';
import type { Estimate } from '../statistics';
import type { PairedComparison } from './pairedRuns';
import { effectSizeNote } from '../effectSizeNote';
import { pushAll } from '../../text/pushAll';

const ci = (c: { ci95: [number, number] | null }): string =>
  c.ci95 ? `[${signed(c.ci95[0])}, ${signed(c.ci95[1])}]` : '—';

function seedList(seeds: readonly number[]): string {
  return seeds.length <= 12 ? seeds.join(', ') : `${seeds.slice(0, 12).join(', ')}, … (${seeds.length})`;
}

/** Hedges' g with its interval, two decimals: "50.73 [25.83, 75.62]". */
function gText(c: PairedComparison['outcomes'][string]['difference']): string {
  if (c.hedges_g === null) return '—';
  const g = c.hedges_g.toFixed(2);
  return c.hedges_g_ci95 ? `${g} [${c.hedges_g_ci95[0].toFixed(2)}, ${c.hedges_g_ci95[1].toFixed(2)}]` : g;
}

function outcomeTable(c: PairedComparison): string[] {
  const rows = Object.entries(c.outcomes).map(([name, o]) => [
    name,
    value(o.a.mean),
    value(o.b.mean),
    signed(o.difference.difference),
    ci(o.difference),
    gText(o.difference),
    String(o.n),
  ]);
  const table = columns([['outcome', 'mean A', 'mean B', 'B − A', '95% CI', "Hedges' g [95% CI]", 'pairs'], ...rows]);
  // What g means for these runs' model, wherever it is reported (effectSizeNote.ts).
  return rows.some((r) => r[5] !== '—') ? [...table, '', effectSizeNote(c.rule_based)] : table;
}

function seriesTable(c: PairedComparison): string[] {
  const shown = everyKth(c.series.rounds, 4);
  const cell = (e: Estimate) => (e.mean === null ? '—' : `${signed(e.mean)} ${ci(e)}`);
  // Those that move over the rounds in A or B (a condition's switch, a pot emptied at every close: left out).
  const moves = (es: readonly Estimate[]) => {
    const xs = es.map((e) => e.mean).filter((v): v is number => v !== null);
    return xs.some((v) => v !== xs[0]);
  };
  const rows = Object.entries(c.series.metrics)
    .filter(([, s]) => s.difference.some((e) => e.mean !== null) && (moves(s.a) || moves(s.b)))
    .map(([name, s]) => [name, ...shown.map((i) => cell(s.difference[i]))]);
  return rows.length ? columns([['B − A [95% CI]', ...shown.map((i) => `r${c.series.rounds[i]}`)], ...rows]) : [];
}

export function formatPairedComparison(c: PairedComparison): string {
  const out = [
    `Comparing runs of '${printable(c.scenario)}' paired by seed`,
    `A: ${printable(c.a.label)} (${counted(c.a.runs, 'run')})`,
    `B: ${printable(c.b.label)} (${counted(c.b.runs, 'run')})`,
    `${counted(c.pairs.length, 'pair')}${c.pairs.length ? ` (seeds ${seedList(c.pairs.map((p) => p.seed))})` : ''}`,
  ];
  for (const x of c.leftOut) {
    out.push(
      `left out: ${x.side}'s ${printable(x.label)} (seed ${x.seed}${x.why === 'unpaired' ? ` has no run in ${x.side === 'A' ? 'B' : 'A'}` : ' is there more than once'})`,
    );
  }
  for (const n of c.notes) out.push(`note: ${n}`);
  if (!c.pairs.length) return [...out, '', 'no seed has a run in both: nothing to compare'].join('\n');
  if (c.pairs.length < 2) out.push('note: one pair gives a difference but no confidence interval');
  pushAll(out, ['', ...outcomeTable(c)]);
  const series = seriesTable(c);
  if (series.length) pushAll(out, ['', 'over rounds, mean of the per-seed differences:', ...series]);
  return out.join('\n');
}
