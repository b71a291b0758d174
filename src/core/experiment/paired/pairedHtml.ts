// The page of two sets of runs compared by seed: the pairs and the runs left out, each outcome's
// means and paired difference B − A with its 95% CI, and each moving series drawn as A's and B's
// mean over seeds with their CI bands, and as the mean per-seed difference with its CI.
import { escapeMarkup as e } from '../../text/markup';
import { counted } from '../../text/counted';
import { chartedSeries, signed, value, COMPARE_FILES, comparePage, u } from '../../analysis';
import { formatP } from '../claimVerdict';
import { seriesChartSvg } from '../seriesChart';
import type { Estimate } from '../statistics';
import type { PairedComparison } from './pairedRuns';

const ci = (c: { ci95: [number, number] | null }): string =>
  c.ci95 ? `${signed(c.ci95[0])} … ${signed(c.ci95[1])}` : '—';

function outcomesHtml(c: PairedComparison): string {
  const rows = Object.entries(c.outcomes)
    .map(
      ([n, o]) =>
        `<tr><td>${e(n)}</td><td class="num">${value(o.a.mean)}</td><td class="num">${value(o.b.mean)}</td><td class="num"><strong>${signed(o.difference.difference)}</strong></td><td class="num">${ci(o.difference)}</td><td class="num">${o.difference.p === undefined || o.difference.p === null ? '—' : e(formatP(o.difference.p))}</td><td class="num">${o.n}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>outcome</th><th>mean A</th><th>mean B</th><th>B − A</th><th>95% CI</th><th>p</th><th>pairs</th></tr>${rows}</table>`;
}

const moves = (es: readonly Estimate[]): boolean => {
  const xs = es.map((x) => x.mean).filter((v): v is number => v !== null);
  return xs.some((v) => v !== xs[0]);
};

function chartsHtml(c: PairedComparison): string {
  const s = c.series;
  const names = chartedSeries(Object.keys(s.metrics), (n) => moves(s.metrics[n].a) || moves(s.metrics[n].b));
  if (!names.length || s.rounds.length < 2) return '<p>No series moves over the rounds.</p>';
  const figures = names.map((name) => {
    const m = s.metrics[name];
    const both = seriesChartSvg(name, [
      { condition: `A: ${c.a.label}`, rounds: s.rounds, estimates: m.a },
      { condition: `B: ${c.b.label}`, rounds: s.rounds, estimates: m.b },
    ]);
    // A difference may rightly be negative: its name has no bounds to cut its interval at.
    const diff = seriesChartSvg(`${name} B − A`, [
      { condition: 'B − A, mean of the per-seed differences', rounds: s.rounds, estimates: m.difference },
    ]);
    return `<figure>${both}</figure><figure>${diff}</figure>`;
  });
  return `<p>Each series after every round (0: the start): the mean over seeds of A and of B with their 95% CI bands, and the mean of the per-seed differences B − A with its 95% CI (Student's t over the pairs). Drawn: those that move (at most a dozen); <a href="${COMPARE_FILES.series}"><code>${COMPARE_FILES.series}</code></a> holds every series.</p><div class="charts">${figures.join('')}</div>`;
}

/** The page; `nonce` for a webview (comparePage.ts). */
export function pairedComparisonHtml(c: PairedComparison, nonce?: string): string {
  const leftOut = c.leftOut.map(
    (x) =>
      `<li>${x.side}'s ${u(x.label)}: seed ${x.seed} ${x.why === 'unpaired' ? `has no run in ${x.side === 'A' ? 'B' : 'A'}` : 'is there more than once'}</li>`,
  );
  const notes = [...c.notes.map((n) => `<li>${e(n)}</li>`), ...leftOut];
  const pairs = c.pairs
    .map((p) => `<tr><td class="num">${p.seed}</td><td>${u(p.a)}</td><td>${u(p.b)}</td></tr>`)
    .join('');
  const body = `<h1>${u(c.scenario)} — runs compared by seed</h1>
<p>A: ${u(c.a.label)} (${counted(c.a.runs, 'run')}); B: ${u(c.b.label)} (${counted(c.b.runs, 'run')}); ${counted(c.pairs.length, 'pair')} by seed. Each difference is B − A within a seed, its 95% CI a paired t-interval over the pairs.</p>
${notes.length ? `<ul class="note">${notes.join('')}</ul>` : ''}<h2>Outcomes at the end</h2>
${c.pairs.length ? outcomesHtml(c) : '<p>No seed has a run in both: nothing to compare.</p>'}
<h2>Over rounds</h2>
${chartsHtml(c)}
<h2>Pairs</h2>
<table><tr><th>seed</th><th>A</th><th>B</th></tr>${pairs}</table>`;
  return comparePage(`${c.scenario} — compare by seed`, body, nonce);
}
