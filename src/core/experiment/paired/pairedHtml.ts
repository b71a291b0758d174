// The page of two sets of runs compared by seed: the pairs and the runs left out, each outcome's
// means and paired difference B − A with its 95% CI and Hedges' g with its own (and what g means
// for this model), outcomes that never varied said apart, and each moving series drawn as A's and
// B's mean over seeds with their CI bands, and as the mean per-seed difference with its CI; in the
// world's own words (outcomeLabel.ts), keys beside them.
import { escapeMarkup as e } from '../../text/markup';
import { counted } from '../../text/counted';
import {
  CHARTED_AT_MOST,
  chartedSeries,
  outcomeLabel,
  signed,
  value,
  COMPARE_FILES,
  comparePage,
  u,
} from '../../analysis';
import { declaredSeries } from '../seriesPlots';
import { effectSizeNote } from '../effectSizeNote';
import { maxOf } from '../../stats/extremes';
import { formatP } from '../claimVerdict';
import { seriesChartSvg } from '../seriesChart';
import type { Estimate } from '../statistics';
import type { PairedComparison, PairedOutcome } from './pairedRuns';

const num = (x: number, digits: number): string => x.toFixed(digits);

const ci = (c: { ci95: [number, number] | null }): string =>
  c.ci95 ? `${signed(c.ci95[0])} … ${signed(c.ci95[1])}` : '—';

/** Every run of A and of B gave the outcome the same value: nothing to compare, said apart. */
const constant = (o: PairedOutcome): boolean =>
  o.a.mean !== null && o.a.mean === o.b.mean && (o.a.sd ?? 0) === 0 && (o.b.sd ?? 0) === 0;

/** The outcome in the world's words, its key below (the files and the CLI name it so). */
const named = (key: string): string => {
  const label = outcomeLabel(key);
  return label === key ? e(key) : `${e(label)}<br/><code>${e(key)}</code>`;
};

const gCell = (c: PairedOutcome['difference']): string =>
  c.hedges_g === null
    ? '—'
    : `${num(c.hedges_g, 2)}${c.hedges_g_ci95 ? `<br/><span class="ci">(${num(c.hedges_g_ci95[0], 2)} … ${num(c.hedges_g_ci95[1], 2)})</span>` : ''}`;

function outcomesHtml(c: PairedComparison): string {
  const entries = Object.entries(c.outcomes);
  const rows = entries
    .filter(([, o]) => !constant(o))
    .map(
      ([n, o]) =>
        `<tr><td>${named(n)}</td><td class="num">${value(o.a.mean)}</td><td class="num">${value(o.b.mean)}</td><td class="num"><strong>${signed(o.difference.difference)}</strong></td><td class="num">${ci(o.difference)}</td><td class="num">${gCell(o.difference)}</td><td class="num">${o.difference.p === undefined || o.difference.p === null ? '—' : e(formatP(o.difference.p))}</td><td class="num">${o.n}</td></tr>`,
    )
    .join('');
  const rounds = Math.max(0, maxOf(c.series.rounds));
  const same = entries
    .filter(([, o]) => constant(o))
    .map(([n, o]) => {
      // A survival of every round is a quantity that never sat at its floor: no time to compare.
      const floor = n.endsWith('.survival') && o.a.mean === rounds ? ': never at its floor' : '';
      return `${e(outcomeLabel(n))} <code>${e(n)}</code> = ${value(o.a.mean)}${floor}`;
    });
  const table = rows
    ? `<table><tr><th>outcome</th><th>mean A</th><th>mean B</th><th>B − A</th><th>95% CI</th><th>Hedges' g (95% CI)</th><th>p</th><th>pairs</th></tr>${rows}</table>`
    : '<p>No outcome differs between any two runs.</p>';
  const left = same.length
    ? `<p class="caption">The same in every run of A and of B, so not in the table: ${same.join('; ')}.</p>`
    : '';
  const g = rows ? `<p class="caption">${e(effectSizeNote(c.rule_based))}</p>` : '';
  return `${table}${left}${g}`;
}

const moves = (es: readonly Estimate[]): boolean => {
  const xs = es.map((x) => x.mean).filter((v): v is number => v !== null);
  return xs.some((v) => v !== xs[0]);
};

function chartsHtml(c: PairedComparison): string {
  const s = c.series;
  const moving = (n: string) => !!s.metrics[n] && (moves(s.metrics[n].a) || moves(s.metrics[n].b));
  // The experiment's own outcomes' series first (`agents.given.mean`, `world.contributed.at.r20` → world.contributed).
  const own = declaredSeries(c.declared ?? [], moving);
  const names = [...new Set([...own, ...chartedSeries(Object.keys(s.metrics), moving)])].slice(0, CHARTED_AT_MOST);
  if (!names.length || s.rounds.length < 2) return '<p>No series moves over the rounds.</p>';
  const figures = names.map((name) => {
    const m = s.metrics[name];
    const both = seriesChartSvg(
      name,
      [
        { condition: `A: ${c.a.label}`, rounds: s.rounds, estimates: m.a },
        { condition: `B: ${c.b.label}`, rounds: s.rounds, estimates: m.b },
      ],
      460,
      outcomeLabel(name),
    );
    // A difference may rightly be negative: its name has no bounds to cut its interval at.
    const diff = seriesChartSvg(
      `${name} B − A`,
      [{ condition: 'B − A, mean of the per-seed differences', rounds: s.rounds, estimates: m.difference }],
      460,
      `${outcomeLabel(name)}: B − A`,
    );
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
