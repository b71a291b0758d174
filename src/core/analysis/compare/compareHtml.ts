// The page of two runs compared (`society compare --out`, the editor's Compare Runs view): what
// was compared, where the traces part, the outcomes side by side with B − A, each moving series
// drawn for A and B and as B − A, and the ties only one run ends with. Every string is escaped.
import { escapeMarkup as e } from '../../text/markup';
import { counted } from '../../text/counted';
import { lineChartSvg } from '../report/lineChartSvg';
import { categoryColor } from '../report/palette';
import { chartedSeries, varies } from './chartedSeries';
import { signed, value } from './compareFormat';
import { COMPARE_FILES, comparePage, u } from './comparePage';
import type { ComparedRun, RunComparison } from './compareRuns';
import type { UnsharedTie } from './tieDifference';
import { editText } from './editText';
import { maxOf, minOf } from '../../stats/extremes';

/** Rows of a tie table at most (every tie: compare.json). */
const TIE_ROWS = 200;
const CHART = { width: 520, height: 260 };

function domain(values: readonly (number | null)[], withZero: boolean): [number, number] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, minOf(xs)),
    hi = Math.max(withZero ? 0 : lo, maxOf(xs));
  if (hi - lo > 1e-12) return [lo, hi];
  return withZero ? [lo - 1, hi + 1] : [lo, lo + 1];
}

function runRow(side: string, r: ComparedRun): string {
  const threshold = r.threshold !== undefined ? `<td class="num">${r.threshold}</td>` : '';
  return `<tr><td>${side}</td><td>${u(r.label)}</td><td class="num">${r.seed}</td><td class="num">${r.rounds}</td><td>${r.complete ? 'yes' : 'no (unfinished)'}</td>${threshold}</tr>`;
}

/** The ties only one run ends with; nothing where neither world forms ties. */
function tieSection(c: RunComparison): string {
  if (!c.ties) return '';
  return `<h2>Ties at the end</h2>
<p>Directed ties at or above each run's threshold: ${c.ties.shared} in both.</p>
${tiesHtml('Only in A', c.ties.onlyA, 'B')}
${tiesHtml('Only in B', c.ties.onlyB, 'A')}`;
}

function divergenceHtml(c: RunComparison): string {
  const d = c.divergence;
  if (d.identical) return `<p>The traces are <strong>identical</strong> (${counted(d.lines, 'line')}).</p>`;
  const side = (name: string, l: typeof d.a) =>
    `<li>${name}: ${l ? `<code>${e(l.type)}</code>${l.round !== null ? ` (round ${l.round})` : ''} <span class="line">${e(l.text)}</span>` : 'its trace has ended'}</li>`;
  return `<p>The traces part at line ${d.line}${d.round !== null ? `, in <strong>round ${d.round}</strong>` : ''}: the first line that is not the same in both.</p><ul>${side('A', d.a)}${side('B', d.b)}</ul>`;
}

function outcomesHtml(c: RunComparison): string {
  const rows = Object.entries(c.outcomes)
    .map(
      ([n, p]) =>
        `<tr><td>${e(n)}</td><td class="num">${value(p.a)}</td><td class="num">${value(p.b)}</td><td class="num">${signed(p.difference)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>outcome</th><th>A</th><th>B</th><th>B − A</th></tr>${rows}</table>`;
}

function chartsHtml(c: RunComparison): string {
  const s = c.series;
  const names = chartedSeries(Object.keys(s.metrics), (n) => varies(s.metrics[n].a) || varies(s.metrics[n].b));
  if (!names.length || s.rounds.length < 2) return '<p>No series moves over the rounds in either run.</p>';
  const figures = names.map((name) => {
    const m = s.metrics[name];
    const pts = (vs: (number | null)[]) => s.rounds.map((r, i) => [r, vs[i]] as [number, number | null]);
    const both = lineChartSvg(
      [
        { label: 'A', color: categoryColor(0), points: pts(m.a) },
        { label: 'B', color: categoryColor(1), points: pts(m.b), dashed: true },
      ],
      { title: `${name}: A and B`, xLabel: 'round', yLabel: name, yDomain: domain([...m.a, ...m.b], false), ...CHART },
    );
    const diff = lineChartSvg([{ label: 'B − A', color: 'currentColor', points: pts(m.difference) }], {
      title: `${name}: B − A`,
      xLabel: 'round',
      yLabel: 'B − A',
      yDomain: domain(m.difference, true),
      ...CHART,
    });
    return `<figure>${both}</figure><figure>${diff}</figure>`;
  });
  return `<p>Each series after every round (0: the start): A and B, and their difference B − A. Drawn: those that move (at most a dozen); <a href="${COMPARE_FILES.series}"><code>${COMPARE_FILES.series}</code></a> holds every series.</p><div class="charts">${figures.join('')}</div>`;
}

function tiesHtml(title: string, ties: readonly UnsharedTie[], other: string): string {
  if (!ties.length) return `<h3>${title}</h3><p>None.</p>`;
  const rows = ties
    .slice(0, TIE_ROWS)
    .map(
      (t) =>
        `<tr><td title="${e(t.from)}">${u(t.fromName)}</td><td title="${e(t.to)}">${u(t.toName)}</td><td class="num">${value(t.strength)}</td><td class="num">${t.other === null ? 'no tie' : value(t.other)}</td></tr>`,
    )
    .join('');
  const more = ties.length > TIE_ROWS ? `<p class="caption">${ties.length - TIE_ROWS} more in compare.json.</p>` : '';
  return `<h3>${title} (${ties.length})</h3><table><tr><th>from</th><th>to</th><th>strength</th><th>in ${other}</th></tr>${rows}</table>${more}`;
}

/** The page; `nonce` for a webview (comparePage.ts). */
export function runComparisonHtml(c: RunComparison, nonce?: string): string {
  const edits = (['a', 'b'] as const).flatMap((side) =>
    (c.branch?.[side]?.edits ?? []).map((x) => `<li>${side.toUpperCase()}'s edit: ${e(editText(x))}</li>`),
  );
  const branch = c.branch?.relation
    ? `<div class="note"><p>${e(c.branch.relation)}.</p>${edits.length ? `<ul>${edits.join('')}</ul>` : ''}</div>`
    : '';
  const notes = c.notes.length ? `<ul class="note">${c.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
  const body = `<h1>${u(c.scenario)} — two runs compared</h1>
<table><tr><th></th><th>run</th><th>seed</th><th>rounds</th><th>finished</th>${c.ties ? '<th>tie threshold</th>' : ''}</tr>${runRow('A', c.a)}${runRow('B', c.b)}</table>
${branch}${notes}<h2>Where they part</h2>
${divergenceHtml(c)}
<h2>Outcomes at the end</h2>
${outcomesHtml(c)}
<h2>Over rounds</h2>
${chartsHtml(c)}
${tieSection(c)}`;
  return comparePage(`${c.scenario} — compare`, body, nonce);
}
