// The experiment report: one self-contained HTML page (no scripts, no remote content; every
// string escaped) plus CSV files for pandas or R, and a plain-text table for the terminal.
import { madeByDifferences } from './madeBy';
import { escapeMarkup as e } from '../text/markup';
import { BASELINE_SAMPLES, describeMetric, formatReal, outcomeLabel, reportPage, themed } from '../analysis';
import type { Claim, ExperimentResult } from './types';
import { type ExperimentCondition, describeTimeOutcome } from '../format';
import { isolated } from '../text/isolated';
import { claimVerdict, formatP, HOLM_ALPHA, holmVerdict } from './claimVerdict';
import { CLAIM_FAMILIES, EXACT_ALPHA, holmCount } from './paperClaims';
import { intervalChartSvg, type IntervalRow } from './intervalChart';
import { effectSizeNote, ruleBasedMadeBy } from './effectSizeNote';
import { shownInterval } from './shownInterval';
import { partialText, type PartialRuns } from './partial';
import type { Estimate } from './statistics';
import { counted } from '../text/counted';
import { seriesSummary } from './seriesSummary';
import { seriesSection } from './seriesPlots';
import { decisionsHtml, describeRunFaults } from './runFaults';
import { censoredText } from './censored';
import { INSTRUMENTS_FILE, instrumentLines, instrumentRows, instrumentsSection } from './instrumentSummary';
import { maxOf } from '../stats/extremes';
import { pushAll } from '../text/pushAll';

export { runsCsv, summaryCsv } from './experimentCsv';

export const EXPERIMENT_FILES = {
  html: 'experiment.html',
  summary: 'summary.csv',
  runs: 'runs.csv',
  json: 'experiment.json',
  series: 'series.csv',
  /** Only with surveys or judges. */
  instruments: INSTRUMENTS_FILE,
} as const;

// overflow-wrap: anywhere lets a 300-character name without spaces wrap instead of widening the
// page (unlike break-word it also lets a column shrink); on user strings (bdi) only, so metric
// names keep whole, and not in column headings, where it cut "uncoached" into "uncoach ed": a
// table too wide for the page scrolls within itself instead. bdi isolates each user string: a
// right-to-left override in a name cannot reorder the text after it. Colours are the theme's
// (analysis/report/reportTheme.ts: light and dark).
/** The experiment report's own rules (reportPage.ts has the shared ones). */
const STYLE = `h1, p, bdi { overflow-wrap: anywhere; }
/* In tables a word breaks only when it cannot fit at all ("Clusterin g" at 420 px otherwise). */
th bdi, td bdi { overflow-wrap: break-word; }
table { margin: 0.5rem 0 1.5rem; display: block; max-width: 100%; overflow-x: auto; }
td.num { white-space: nowrap; }
td.test { white-space: nowrap; }
.holds { color: ${themed('holds')}; font-weight: 600; }
.inconclusive { color: ${themed('inconclusive')}; }
.fails { color: ${themed('fails')}; font-weight: 600; }
.untestable { color: ${themed('muted')}; font-style: italic; }
td.holds, td.inconclusive, td.fails, td.untestable { min-width: 9em; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr)); gap: 1rem; }
.charts figure { margin: 0; min-width: 0; }
.charts svg { width: 100%; }
.scroll { overflow-x: auto; }
.scroll table { font-size: 0.88rem; }
.cut { margin-left: 0.1em; }
`;

// formatReal: floating-point residue (-4.4e-16) prints as 0, not -0.000.
const num = (x: number | null | undefined, d = 3): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : formatReal(x, d);
/** A user-provided string (scenario or condition name) in HTML: escaped and bidi-isolated. */
const u = (s: string): string => `<bdi>${e(s)}</bdi>`;
/** A difference's 95% CI, as computed: a difference may rightly be negative. */
const ci = (est: Estimate, d = 3): string => (est.ci95 ? `${num(est.ci95[0], d)} … ${num(est.ci95[1], d)}` : '—');
/** Marks an interval's end cut at its metric's bound (shownInterval.ts). */
const CUT = '†';
/** A metric mean's 95% CI as the page shows it (HTML): cut at the metric's bounds, a cut end marked. */
function metricCi(metric: string, est: Estimate): string {
  const shown = shownInterval(metric, est);
  if (!shown) return '—';
  const end = (v: number, cut: boolean): string =>
    `${num(v)}${cut ? `<span class="cut" title="cut at the bound of ${e(metric)}">${CUT}</span>` : ''}`;
  return `${end(shown.low, shown.cutLow)} … ${end(shown.high, shown.cutHigh)}`;
}
/** What the † means, for the captions. */
const CUT_TEXT = `An interval that passes a bound of its metric (density, reciprocity, clustering, modularity and rewards lie between 0 and 1, degrees and counts are at least 0, assortativity lies between −1 and 1), as a t-interval can with few seeds or values near the bound, is cut at the bound and the cut end marked ${CUT}; the files beside this page keep the uncut t-interval, and differences are never cut.`;

/** "6 rounds each", or each condition's length when they differ ("rounds: short 3, long 9"). */
function roundsText(rounds: number | Record<string, number>): string {
  if (typeof rounds === 'number') return `${rounds} rounds each`;
  const lengths = new Set(Object.values(rounds));
  if (lengths.size <= 1) return `${[...lengths][0] ?? 0} rounds each`;
  return `rounds: ${Object.entries(rounds)
    .map(([name, n]) => `${u(name)} ${n}`)
    .join(', ')}`;
}

/** `rounds`: the run length of every condition, or of each (by name). */
export function renderExperimentHtml(
  r: ExperimentResult,
  meta: {
    model: string;
    rounds: number | Record<string, number>;
    wallSeconds: number;
    partial?: PartialRuns;
    /** A calibration's Fit section (fitSection.ts), when the runs were compared with observed data. */
    fit?: string;
  },
): string {
  const names = r.conditions.map((c) => c.name);
  const summaryRows = r.summaries
    .map((s) => {
      const cells = names
        .map(
          (c) =>
            `<td class="num">${num(s.byCondition[c].mean)}</td><td class="num">${metricCi(s.metric, s.byCondition[c])}</td>`,
        )
        .join('');
      const cs = r.contrasts
        .filter((x) => x.metric === s.metric)
        .map(
          (x) =>
            `<td class="num">${num(x.result.difference)}</td><td class="num">${e(x.result.ci95 ? `${num(x.result.ci95[0])} … ${num(x.result.ci95[1])}` : '—')}</td><td class="num">${num(x.result.hedges_g, 2)}</td><td class="test">${e(x.result.test ?? '—')}</td>`,
        )
        .join('');
      const never = censoredText(r.runs, s.metric, names);
      // In the world's words (outcomeLabel.ts), the key below; a row no run varied in is marked so.
      const label = outcomeLabel(s.metric);
      const title = label === s.metric ? e(s.metric) : `${e(label)}</strong><br/><code>${e(s.metric)}</code><strong>`;
      const flat = sameEverywhere(names.map((c) => s.byCondition[c]))
        ? '<br/><em>the same in every run of every condition</em>'
        : '';
      return `<tr><td><strong>${title}</strong><br/><code>${e(describeMetric(s.metric) ?? '')}</code>${never ? `<br/><code>${u(never)}</code>` : ''}${flat}</td>${cells}${cs}</tr>`;
    })
    .join('');
  const others = names.filter((n) => n !== r.reference);
  const head = `<tr><th>metric</th>${names.map((c) => `<th>${u(c)} mean</th><th>95% CI</th>`).join('')}${others.map((c) => `<th>${u(c)} − ${u(r.reference)}</th><th>95% CI</th><th>Hedges' g</th><th>test</th>`).join('')}</tr>`;
  // Null models are the seed paper's claims' method: shown only where those claims were asked for.
  const baselines = r.paper_claims === false ? [] : r.baselines;
  const baselineRows = baselines
    .map(
      (b) =>
        `<tr><td>${e(b.metric)}</td><td>${u(b.condition)}</td><td>${e(b.null_model)}</td><td class="num">${num(b.observed.mean)}</td><td class="num">${num(b.baseline.mean)}</td><td class="num">${num(b.excess.mean)}</td><td class="num">${e(ci(b.excess))}</td></tr>`,
    )
    .join('');
  const charts = r.summaries
    .map((s) => {
      const rows: IntervalRow[] = names.map((c) => ({ label: c, estimate: s.byCondition[c] }));
      // Each condition's own baseline: coaching changes density, and with it the random graph's figures.
      for (const c of names) {
        const b = baselines.find((x) => x.metric === s.metric && x.condition === c && x.null_model === 'G(n, m)');
        if (b && b.baseline.n > 0) rows.push({ label: `random (${c})`, estimate: b.baseline, baseline: true });
        const kept = baselines.find(
          (x) => x.metric === s.metric && x.condition === c && x.null_model === 'degree-preserving',
        );
        if (kept && kept.baseline.n > 0) rows.push({ label: `kept (${c})`, estimate: kept.baseline, baseline: true });
      }
      return `<figure>${intervalChartSvg(s.metric, rows, 460, outcomeLabel(s.metric))}</figure>`;
    })
    .join('');
  const against = others.length
    ? ` Differences against <strong>${u(r.reference)}</strong> with Hedges' g: conditions share seeds, so each difference is paired by seed (a paired t-interval on the per-seed differences) wherever every seed has a value in both; otherwise a Welch interval (the test column says which).`
    : '';
  const faults = describeRunFaults(r.runs);
  const title = `${isolated(r.scenario)} — experiment${meta.partial ? ' (partial)' : ''}`;
  return reportPage(
    { title, width: 1040, style: STYLE },
    `<h1>${u(r.scenario)} — experiment</h1>
${meta.partial ? `<p class="note" role="alert"><strong>${e(partialText(meta.partial))}</strong>: the claims, figures and files beside this page cover only the finished runs.</p>\n` : ''}<p>${counted(r.conditions.length, 'condition')} × ${r.seeds.length} seeds (${e(r.seeds.join(', '))}), ${roundsText(meta.rounds)}; model: ${e(meta.model)}; ${r.runs.length} runs in ${num(meta.wallSeconds, 1)} s. Means with 95% confidence intervals (Student's t over seeds).${against}</p>
${faults ? `<p class="note" role="alert">${u(faults)}</p>\n` : ''}${madeByDifferences(r.runs)
      .map((line) => `<p class="note" role="alert">${u(line)}</p>\n`)
      .join('')}<h2>Conditions</h2>
<table><tr><th>condition</th><th>changes to the scenario</th></tr>${r.conditions.map((c) => `<tr><td>${u(c.name)}</td><td>${e(conditionChanges(c))}</td></tr>`).join('')}</table>
${claimsSections(r)}
<h2>Metrics by condition</h2>
<div class="scroll"><table>${head}${summaryRows}</table></div>
<p class="caption">${e(CUT_TEXT)}</p>
${others.length ? `<p class="caption">${e(effectSizeNote(ruleBasedMadeBy(r.runs)))}</p>\n` : ''}
${againstRandom(baselineRows)}<h2>Charts</h2>
<p>Dot: the mean over seeds; bar: its 95% CI, ending in a short upright bar where it is cut at a bound of the metric (†).${baselineRows ? ' Grey, in italics: the density-matched random graph ("random") and the degree-preserving one ("kept": every agent\'s degrees kept) of each condition\'s runs.' : ''}</p>
<div class="charts">${charts}</div>
${seriesSection(r, seriesSummary(r))}${instrumentsSection(instrumentRows(r))}${decisionsHtml(r.runs)}${meta.fit ?? ''}<p class="note">Files beside this page: <a href="summary.csv"><code>summary.csv</code></a> (one row per metric and condition), <a href="runs.csv"><code>runs.csv</code></a> (one row per run), <a href="series.csv"><code>series.csv</code></a> (one row per condition, round and metric), <a href="experiment.json"><code>experiment.json</code></a> (everything), and each run's trace under <a href="traces/"><code>traces/</code></a>.</p>`,
  );
}

/** Every condition's runs gave the metric one value, the same in all. */
function sameEverywhere(es: readonly Estimate[]): boolean {
  return es.length > 0 && es.every((x) => x.mean !== null && x.mean === es[0].mean && (x.sd ?? 0) === 0);
}

/** The section of each run's network against the null models; none where no metric is compared with them (a world without ties). */
function againstRandom(rows: string): string {
  if (!rows) return '';
  return `<h2>Against random graphs</h2>
<p>Each run's network against two null models. G(n, m): directed graphs with the same number of agents and ties, reciprocity against its exact expectation, the other figures against the mean of ${BASELINE_SAMPLES} seeded draws (the same figures as the run's own summary and report). Degree-preserving: the run's own ties rewired by directed three-edge swaps (a→b→c→d becomes a→c→b→d, as NetworkX's <code>directed_edge_swap</code>), every agent's ties held and received kept, ${BASELINE_SAMPLES} seeded samples of ten swaps per tie. The excess is paired by run.</p>
<table><tr><th>metric</th><th>condition</th><th>null model</th><th>observed</th><th>random</th><th>excess</th><th>95% CI</th></tr>${rows}</table>
`;
}

/** What a condition sets, as written in the scenario (`coaching.enabled: true, memory.normalize: minmax`). */
export function conditionChanges(c: ExperimentCondition): string {
  const set = Object.entries(c.set);
  return set.length
    ? set.map(([path, value]) => `${path}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ')
    : 'none (the scenario as written)';
}

const CUT_NOTE = `${CUT} the 95% CI went past what the metric can be and is cut there`;

/**
 * A mean and its 95% CI for the terminal: `0.217 ±0.012`, or, where the t-interval reaches past
 * the metric's bounds, the interval cut as the HTML page shows it (`0.500 (0†…6.853)`): "±6.353"
 * about a median degree of 0.5 said it could be negative.
 */
function terminalEstimate(metric: string, est: Estimate): string {
  const shown = shownInterval(metric, est);
  // No value in any run is a dash, not "— ±—"; one run (no interval) is its value alone.
  if (est.mean === null) return '—';
  if (!est.ci95) return num(est.mean);
  if (!shown || (!shown.cutLow && !shown.cutHigh)) {
    return `${num(est.mean)} ±${num(est.ci95[1] - est.mean)}`;
  }
  return `${num(est.mean)} (${num(shown.low)}${shown.cutLow ? CUT : ''}…${num(shown.high)}${shown.cutHigh ? CUT : ''})`;
}

/** The terminal summary: claims, then means per condition. */
export function formatExperiment(r: ExperimentResult): string {
  const names = r.conditions.map((c) => c.name);
  const w = Math.max(maxOf(r.summaries.map((s) => s.metric.length)), 6);
  const rows = r.summaries.map((s) => names.map((n) => terminalEstimate(s.metric, s.byCondition[n])));
  // Each column as wide as its longest cell or condition name, two spaces apart: long names
  // ("rich, altruistic, no fines") ran into their neighbours at a fixed width.
  const widths = names.map((n, j) => Math.max(20, isolated(n).length, maxOf(rows.map((row) => row[j].length))) + 2);
  const out: string[] = [];
  out.push(`  ${'metric'.padEnd(w)}  ${names.map((n, j) => isolated(n).padStart(widths[j])).join('')}`);
  const cut = rows.some((row) => row.some((cell) => cell.includes(CUT)));
  r.summaries.forEach((s, i) => {
    out.push(`  ${s.metric.padEnd(w)}  ${rows[i].map((cell, j) => cell.padStart(widths[j])).join('')}`);
  });
  if (cut) out.push(`  ${CUT_NOTE}`);
  for (const line of madeByDifferences(r.runs)) out.push(`  ${line}`);
  pushAll(out, instrumentLines(instrumentRows(r)));
  // Outcomes over time are said in words under the table: their names alone do not say "rounds".
  for (const s of r.summaries) {
    const words = describeTimeOutcome(s.metric);
    const never = censoredText(r.runs, s.metric, names);
    if (words) out.push(`  ${s.metric}: ${words}${never ? ` ${never[0].toUpperCase()}${never.slice(1)}.` : ''}`);
  }
  for (const family of CLAIM_FAMILIES) {
    const claims = r.claims.filter((c) => c.family === family);
    if (!claims.length) continue;
    out.push(
      '',
      `  ${family === 'declared' ? "The scenario's claims" : "The seed paper's claims"} (${holmHeading(holmCount(claims))}):`,
    );
    for (const c of claims) {
      const v = claimVerdict(c),
        h = holmVerdict(c);
      // ✔ speaks for itself; every other mark says what it means. The Holm verdict follows where it differs.
      const holm = h.kind === v.kind ? '' : ` [after Holm: ${h.label}]`;
      const said = [v.kind === 'holds' ? '' : v.label, c.evidence].filter((x) => x).join('; ');
      out.push(`  ${v.mark} ${c.text}: ${said}${holm}`);
    }
  }
  // Where a claim reports Hedges' g, what g means for this model's runs.
  if (r.claims.some((c) => c.evidence.includes("Hedges' g"))) {
    out.push('', `  ${effectSizeNote(ruleBasedMadeBy(r.runs))}`);
  }
  return out.join('\n');
}

/** A claim's row of the HTML table: raw and Holm verdicts, evidence and test. */
function claimRow(c: Claim): string {
  const v = claimVerdict(c),
    h = holmVerdict(c);
  const test = c.test
    ? `${c.test}, p ${c.p === null || c.p === undefined ? '—' : `${c.p < 1e-15 ? '' : '= '}${formatP(c.p)}`}`
    : '—';
  return `<tr><td>${u(c.text)}</td><td class="${v.kind}">${u(v.label)}</td><td class="${h.kind}">${u(h.label)}</td><td>${u(c.evidence)}<br/><code>${e(test)}</code></td></tr>`;
}

const PAPER = `Schneider, Tian &amp; Rizoiu (2025), <cite>Learning to Make Friends: Coaching LLM Agents toward Emergent Social Ties</cite>`;
const HOW = ` A claim holds or fails only where its 95% CI excludes 0; otherwise it is inconclusive. Where no run varied, the interval has zero width and an exact test decides instead (a sign test of paired differences or of the excess over a random graph, or a permutation test of two unpaired conditions, one-sided at ${EXACT_ALPHA}).`;
const NULLS = ` Each network claim is made against two null models: a density-matched G(n, m) graph, and the run's own network rewired by directed edge swaps that keep every agent's in- and out-degree (the stronger null: agents rate both sides of every conversation, so degrees alone make ties look reciprocal).`;

/** What Holm's correction is across, in a heading: never "across 0" when no claim has a p-value. */
export function holmHeading(m: number): string {
  return m === 0 ? 'no claim has a p-value: nothing for Holm to adjust' : `Holm across ${m}`;
}

/** How a family's Holm verdicts are reached: over its own claims only. */
function holmText(claims: readonly Claim[], other: boolean): string {
  const m = holmCount(claims);
  if (m === 0) {
    return " No claim here has a p-value (no difference varied), so Holm's correction has nothing to adjust.";
  }
  return ` The ${m === 1 ? 'claim with a p-value is' : `${m} claims with a p-value are`} tested together, so the second verdict applies Holm's step-down correction to their two-sided p-values (family-wise level ${HOLM_ALPHA})${other ? ", apart from the other section's claims" : ''}.`;
}

/**
 * The claims, by family (paperClaims.ts): the scenario's own (\`experiment.claims\`) first, then the
 * seed paper's, each with its heading, how its verdicts are reached, and its table.
 */
function claimsSections(r: ExperimentResult): string {
  const table = (claims: readonly Claim[], empty: string): string =>
    `<table><tr><th>claim</th><th>verdict</th><th>Holm-adjusted verdict</th><th>evidence</th></tr>${claims.map(claimRow).join('') || `<tr><td colspan="4">${empty}</td></tr>`}</table>`;
  const own = r.claims.filter((c) => c.family === 'declared');
  const paper = r.claims.filter((c) => c.family === 'paper');
  const sections: string[] = [];
  if (own.length) {
    sections.push(
      `<h2>The scenario's claims</h2>\n<p>The scenario's own (<code>experiment.claims</code>): each says a metric is higher in one condition than in another, decided by their difference paired by seed.${HOW}${holmText(own, paper.length > 0)}</p>\n${table(own, '')}`,
    );
  }
  if (r.paper_claims !== false && (paper.length || !own.length)) {
    sections.push(
      `<h2>The seed paper's claims</h2>\n<p>From ${PAPER}, tested wherever the conditions and networks allow.${HOW}${holmText(paper, own.length > 0)}${NULLS}</p>\n${table(paper, 'No coaching on/off conditions and no baseline metrics to test.')}`,
    );
  }
  return sections.join('\n');
}
