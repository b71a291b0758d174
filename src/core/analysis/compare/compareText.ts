// `society compare` of two runs in the terminal: what was compared and how they differ in set-up,
// where the traces part, the outcomes A, B, B − A, the series' difference every few rounds, and
// the ties only one run ends with (every number: --json, or the files of --out).
import { printable } from '../../text/printable';
import { counted } from '../../text/counted';
import type { ComparedRun, RunComparison } from './compareRuns';
import type { UnsharedTie } from './tieDifference';
import { columns, everyKth, signed, value } from './compareFormat';
import { editText } from './editText';
import { pushAll } from '../../text/pushAll';

/** Ties listed per side at most. */
const TIES_SHOWN = 10;

function runLine(side: string, r: ComparedRun): string {
  return `${side}: ${printable(r.label)} (seed ${r.seed}, ${counted(r.rounds, 'round')}${r.complete ? '' : ', unfinished'})`;
}

export function divergenceText(c: RunComparison): string {
  const d = c.divergence;
  if (d.identical) return `the traces are identical (${counted(d.lines, 'line')})`;
  const side = (name: string, l: typeof d.a) =>
    l
      ? `    ${name}: ${l.type}${l.round !== null ? ` (round ${l.round})` : ''}: ${printable(l.text)}`
      : `    ${name}: (its trace has ended)`;
  return [
    `the traces part at line ${d.line}${d.round !== null ? `, in round ${d.round}` : ''}:`,
    side('A', d.a),
    side('B', d.b),
  ].join('\n');
}

function outcomeTable(c: RunComparison): string[] {
  const rows = Object.entries(c.outcomes).map(([name, p]) => [name, value(p.a), value(p.b), signed(p.difference)]);
  return columns([['outcome', 'A', 'B', 'B − A'], ...rows]);
}

function seriesTable(c: RunComparison): string[] {
  const shown = everyKth(c.series.rounds);
  const head = ['B − A', ...shown.map((i) => `r${c.series.rounds[i]}`)];
  const rows = Object.entries(c.series.metrics)
    .filter(([, s]) => s.a.some((v) => v !== null) || s.b.some((v) => v !== null))
    .map(([name, s]) => [name, ...shown.map((i) => signed(s.difference[i]))]);
  return rows.length ? columns([head, ...rows]) : [];
}

function tieLines(title: string, ties: readonly UnsharedTie[], other: string): string[] {
  if (!ties.length) return [`${title}: none`];
  const lines = ties
    .slice(0, TIES_SHOWN)
    .map(
      (t) =>
        `    ${printable(t.fromName)} → ${printable(t.toName)}  ${value(t.strength)}  (${other}: ${t.other === null ? 'no tie' : value(t.other)})`,
    );
  const more =
    ties.length > TIES_SHOWN ? [`    (${ties.length - TIES_SHOWN} more: --json, or ties in compare.json)`] : [];
  return [`${title} (${ties.length}):`, ...lines, ...more];
}

export function formatRunComparison(c: RunComparison): string {
  const out = [`Comparing two runs of '${printable(c.scenario)}'`, runLine('A', c.a), runLine('B', c.b)];
  if (c.branch?.relation) out.push(c.branch.relation);
  for (const [side, info] of [
    ['A', c.branch?.a],
    ['B', c.branch?.b],
  ] as const) {
    for (const e of info?.edits ?? []) out.push(`    ${side}'s edit: ${printable(editText(e))}`);
  }
  for (const n of c.notes) out.push(`note: ${n}`);
  pushAll(out, ['', divergenceText(c), '', ...outcomeTable(c)]);
  const series = seriesTable(c);
  if (series.length) pushAll(out, ['', 'over rounds (B − A):', ...series]);
  if (c.ties) {
    pushAll(out, [
      '',
      `ties at the end: ${c.ties.shared} in both`,
      ...tieLines('only in A', c.ties.onlyA, 'B'),
      ...tieLines('only in B', c.ties.onlyB, 'A'),
    ]);
  }
  return out.join('\n');
}
