// The report as one self-contained HTML page: no remote content (a CSP forbids it), pictures as
// inline SVG, every string from the run escaped. By default it has no script at all; with
// `view`, the interactive society view is inlined (allowed by its CSP hash only) above the
// static sections, and the static network picture stays as the no-script fallback. The markup
// is also well-formed XML (polyglot XHTML), so strict parsers can check it.
import { appliesKey } from '../metrics/table/applies';
import { DRIVER_LABELS, DRIVERS, isInstant, traitsOf } from '../../format';
import { lineChartSvg, type ChartSeries } from './lineChartSvg';
import { escapeMarkup } from '../../text/markup';
import { populationSection } from './populationSection';
import { describeMetric } from './metricDescriptions';
import { formatMetricValue } from './metricFormat';
import { networkSvg } from './networkSvg';
import { categoryColor } from './palette';
import type { RunReport } from './reportModel';
import { judgesSection } from './judgesSection';
import { surveySection } from './surveySection';
import { themed } from './reportTheme';
import { REPORT_PAGE_END, reportPageHead } from './reportPage';
import { encountersText, memoryText, rewardWeightsText, tieDynamicsText } from './runSettingsText';
import type { ViewEmbed } from '../../protocol/viewPage';
import { counted } from '../../text/counted';
import { isolated } from '../../text/isolated';
import { scrollable } from './tableScroll';
import { agentSection, designSection } from './designSection';
import { SORT_SCRIPT } from './sortableTables';
import { knowledgeSection } from './knowledgeSection';
import { worldStateSection } from './worldStateSection';
import { REPORT_FILES, reportFileNames } from './reportFileNames';
import { decisionTotals } from '../../trace/decisionTally';
import { decisionsSection } from './decisionsSection';

// On a narrow screen the page never scrolls sideways. Text wraps between words: `break-word`
// breaks inside a word only when that word alone is wider than the line, and (unlike `anywhere`)
// does not let a table squeeze a column below its longest word ("networ" / "k" in a 60 px Metric
// column at 390 px). A table still wider than the page scrolls inside its .table-scroll wrapper;
// metric keys may wrap after an underscore (<wbr/>), values such as degree distributions
// ("0:1 1:2 2:7") at their spaces, in lines of even length where the browser can balance them.
// Colours are the theme's (reportTheme.ts: light and dark). The embedded view takes the page's
// text and background through its --society-fallback-* properties, and its muted text (the
// network legend) the report's muted colour: the view's own fallback grey has 4.48:1 on white.
/** The run report's own rules (reportPage.ts has the shared ones). */
const STYLE = `body { --society-fallback-foreground: ${themed('text')}; --society-fallback-background: ${themed('page')}; }
.society-app.embedded { --muted: var(--vscode-descriptionForeground, ${themed('muted')}); }
h1 { margin-bottom: 0.2rem; }
h1, p, dd, td, figcaption { overflow-wrap: break-word; }
.subtitle { color: ${themed('muted')}; margin-top: 0; }
.table-scroll { overflow-x: auto; margin: 0.5rem 0 1.5rem; }
td.num { text-wrap: balance; }
table.rounds { font-size: 0.9rem; }
table.rounds th, table.rounds td { padding: 0.25rem 0.45rem; }
@media (max-width: 600px) { th, td, table.rounds th, table.rounds td { padding: 0.25rem 0.35rem; } }
figure { margin: 1rem 0 2rem; }
figcaption { color: ${themed('muted')}; font-size: 0.9rem; }
dl.run { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; }
dl.run dt { color: ${themed('muted')}; }
dl.run dd { margin: 0; }
`;

const e = escapeMarkup;

/** A metric key that may wrap after its underscores (copying it still gives the key). */
const wrappableKey = (key: string) => e(key).replace(/_/g, '_<wbr/>');

/** Metrics with a degree-preserving baseline counterpart: metric key -> baseline value. */
function degreeBaselineFor(report: RunReport): Record<string, number | null> {
  const b = report.degreeBaseline;
  return {
    reciprocity: b.mean_reciprocity,
    average_clustering: b.mean_average_clustering,
    transitivity: b.mean_transitivity,
    [`${report.attribute}_assortativity`]: b.mean_attribute_assortativity,
  };
}

/** Metrics with a random-baseline counterpart: metric key -> baseline value. */
function baselineFor(report: RunReport): Record<string, number | null> {
  return {
    density: report.baseline.density,
    reciprocity: report.baseline.expected_reciprocity,
    average_clustering: report.baseline.mean_average_clustering,
    transitivity: report.baseline.mean_transitivity,
    [`${report.attribute}_assortativity`]: report.baseline.mean_attribute_assortativity,
  };
}

function runSection(report: RunReport): string {
  const { header } = report;
  const models = Object.values(header.models);
  const modelText = models
    .map((m) =>
      // The instant provider (the offline model) by the table's words: never passed off as an LLM.
      isInstant(m)
        ? `${isolated(m.name)}: ${traitsOf(m.provider).label}`
        : `${isolated(m.name)}: ${m.provider}${m.model ? ` ${isolated(m.model)}` : ''}`,
    )
    .join('; ');
  const { rewards } = report.world;
  const ties = report.movesTies;
  const rows: ([string, string] | false)[] = [
    ['Scenario', isolated(header.scenario.name) + (header.scenario.file ? ` (${isolated(header.scenario.file)})` : '')],
    ['Seed', String(header.seed)],
    ['Rounds', `${report.round} of ${header.rounds}${report.complete ? '' : ' (run incomplete)'}`],
    ['Agents', whole(report.graph.order)],
    [
      'Coach',
      startAndEnd(
        coachText(header.settings.coaching),
        coachText(report.settings.coaching),
        changedAt(report, 'coaching'),
      ),
    ],
    ties && [
      'Tie threshold',
      startAndEnd(
        String(header.settings.ties.threshold),
        String(report.settings.ties.threshold),
        changedAt(report, 'ties.threshold'),
      ),
    ],
    report.meets && [
      'Encounters',
      startAndEnd(
        encountersText(header.settings),
        encountersText(report.settings),
        changedAt(report, 'world.encounters', 'world.conversation', 'world.rooms'),
      ),
    ],
    ties && [
      'Ties',
      startAndEnd(
        tieDynamicsText(header.settings),
        tieDynamicsText(report.settings),
        changedAt(report, 'ties.learning_rate', 'ties.decay', 'ties.weights'),
      ),
    ],
    rewards && [
      'Reward weights',
      startAndEnd(rewardWeightsText(header.settings), rewardWeightsText(report.settings), changedAt(report, 'rewards')),
    ],
    ['Memory', startAndEnd(memoryText(header.settings), memoryText(report.settings), changedAt(report, 'memory'))],
    ['Models', modelText || 'none recorded'],
    // Provenance: what made the run, and the scenario as run (its hash names it whatever the file became).
    [
      'Made by',
      `${header.provenance?.product ?? 'a build that did not record itself'}${header.provenance?.node ? ` on Node ${header.provenance.node}` : ''}; scenario ${header.scenario.hash ?? 'hash not recorded'}`,
    ],
  ];
  if (report.usage && report.usage.calls > 0) {
    // The usage counts decisions; a re-asked one made two calls (its `error` event says so).
    const { calls: decisions, input_tokens, output_tokens, cost_usd } = report.usage;
    const reasked = decisionTotals(report.decisions).reasked;
    const parts = [
      reasked ? `${whole(decisions)} decisions, ${whole(reasked)} re-asked` : '',
      input_tokens + output_tokens > 0
        ? `${whole(input_tokens)} input, ${whole(output_tokens)} output tokens, $${cost_usd.toFixed(4)}`
        : '',
    ].filter(Boolean);
    rows.push(['Model calls', `${whole(decisions + reasked)}${parts.length ? ` (${parts.join('; ')})` : ''}`]);
  }
  const shown = rows.filter((r): r is [string, string] => r !== false);
  return `<dl class="run">${shown.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`;
}

/** A count as people read it: 10,000 agents, 812,072 calls. */
const whole = (n: number): string => n.toLocaleString('en-US');

function coachText(c: RunReport['settings']['coaching']): string {
  return c.enabled ? `on (every ${counted(c.every, 'round')})` : 'off';
}

/** The rounds in which timed events changed a setting under one of `prefixes` ("ties.weights"). */
function changedAt(report: RunReport, ...prefixes: string[]): number[] {
  const under = (path: string): boolean => prefixes.some((p) => path === p || path.startsWith(`${p}.`));
  return [...new Set(report.settingChanges.filter((c) => c.paths.some(under)).map((c) => c.round))];
}

/**
 * A setting that timed events may change: its value, or what it was and from which round it was
 * what it ended up (an event that set it back leaves one value, with nothing to say).
 */
function startAndEnd(start: string, end: string, rounds: number[]): string {
  if (start === end) return end;
  if (rounds.length === 1) return `${start}; from round ${rounds[0]} (a timed event): ${end}`;
  return `${start} at the start; ${end} at the end (timed events in rounds ${rounds.join(', ')})`;
}

function networkSection(report: RunReport): string {
  const byAttribute = report.attributePresent;
  const svg = networkSvg(report.graph, {
    seed: report.header.seed,
    colorBy: byAttribute ? report.attribute : undefined,
    categoryOf: byAttribute ? undefined : (node) => `community ${report.communities[node] + 1}`,
    categoriesAre: byAttribute ? undefined : 'communities',
  });
  const numeric = report.metrics[`${report.attribute}_assortativity_kind`] === 'numeric';
  const colour = !byAttribute
    ? 'Colour: Louvain community'
    : numeric
      ? `Colour: ${report.attribute}, from its lowest value (dark purple) to its highest (yellow)`
      : `Colour: ${report.attribute}`;
  return `<figure>${svg}<figcaption>${e(
    `Ties at the end of round ${report.round}: ${report.graph.order} agents, ${report.graph.size} directed ties ` +
      `(strength ≥ ${report.settings.ties.threshold}). ${colour}; size: ties received; a line with two heads is a reciprocated tie.`,
  )}</figcaption></figure>`;
}

function metricsTable(report: RunReport): string {
  const baseline = baselineFor(report),
    degrees = degreeBaselineFor(report);
  const rows = Object.entries(report.metrics)
    .filter(([key]) => appliesKey(key, report.world))
    .map(([key, value]) => {
      const base = key in baseline ? formatMetricValue(key, baseline[key]) : '';
      const kept = key in degrees ? formatMetricValue(key, degrees[key]) : '';
      return (
        `<tr><td>${e(describeMetric(key, report.metrics))}<br/><code>${wrappableKey(key)}</code></td><td class="num">${e(formatMetricValue(key, value))}</td>` +
        `<td class="num">${e(base)}</td><td class="num">${e(kept)}</td></tr>`
      );
    });
  const d = report.degreeBaseline;
  const note = report.attributePresent
    ? ''
    : `<p class="note">${e(`No agent has a '${report.attribute}', so homophily by it is undefined (n/a).`)}</p>`;
  return (
    `${note}${scrollable('Network metrics table', `<table class="metrics"><thead><tr><th>Metric</th><th>Value</th><th>Random baseline G(n, m)</th><th>Degree-preserving baseline</th></tr></thead><tbody>${rows.join('')}</tbody></table>`)}` +
    `<p>${e(
      `Random baseline: directed G(n, m) graphs with the same ${report.baseline.nodes} agents and ${report.baseline.edges} ties; ` +
        `reciprocity is G(n, m)'s exact expectation, (m − 1) / (n(n − 1) − 1); clustering, transitivity${report.baseline.mean_attribute_assortativity === null ? '' : ` and ${report.attribute} assortativity (the agents' own ${report.attribute} values on the random graph)`} averaged over ${report.baseline.samples} seeded samples. ` +
        `Degree-preserving baseline: the run's own network rewired by directed three-edge swaps (a→b→c→d becomes a→c→b→d), which keep every agent's ties held and received; ` +
        `${d.swaps_per_sample} swaps asked per sample (${d.mean_swaps_made.toFixed(0)} made on average), averaged over ${d.samples} seeded samples. ` +
        `It is the stronger null here: agents rate both sides of each conversation, so degrees alone make ties look reciprocal.`,
    )}</p>`
  );
}

function overRoundsSection(report: RunReport): string {
  const points = (pick: (r: RunReport['overRounds'][number]) => number | null) =>
    report.overRounds.map((r): [number, number | null] => [r.round, pick(r)]);
  // Density on its own axis: a sparse network's (0.03) lies flat on 0 beside values near 1.
  const densityChart = lineChartSvg([{ label: 'density', color: categoryColor(0), points: points((r) => r.density) }], {
    title: 'Density over rounds',
    xLabel: 'round',
    yLabel: 'density',
  });
  const chart = lineChartSvg(
    [
      { label: 'reciprocity', color: categoryColor(1), points: points((r) => r.reciprocity) },
      { label: 'avg clustering', color: categoryColor(2), points: points((r) => r.average_clustering) },
      { label: 'tie Jaccard', color: categoryColor(3), points: points((r) => r.jaccard), dashed: true },
    ],
    { title: 'The network over rounds', xLabel: 'round', yLabel: 'value', yDomain: [0, 1] },
  );
  const rows = report.overRounds.map(
    (r) =>
      `<tr>${[
        r.round,
        r.ties,
        formatMetricValue('density', r.density),
        formatMetricValue('reciprocity', r.reciprocity),
        r.mutual_pairs,
        formatMetricValue('average_clustering', r.average_clustering),
        formatMetricValue('median_undirected_degree', r.median_undirected_degree),
        r.gained ?? '',
        r.lost ?? '',
        formatMetricValue('jaccard', r.jaccard),
      ]
        .map((v) => `<td class="num">${e(v)}</td>`)
        .join('')}</tr>`,
  );
  const head = [
    'Round',
    'Ties',
    'Density',
    'Reciprocity',
    'Mutual pairs',
    'Avg clustering',
    'Median degree',
    'Gained',
    'Lost',
    'Jaccard',
  ]
    .map((h) => `<th>${e(h)}</th>`)
    .join('');
  return (
    `<figure>${densityChart}<figcaption>${e('Density: directed ties over possible ones, n(n − 1); the axis starts at 0.')}</figcaption></figure>` +
    `<figure>${chart}<figcaption>${e('Tie Jaccard: share of ties kept from the previous round (|A∩B| / |A∪B|).')}</figcaption></figure>` +
    scrollable(
      'Network per round table',
      `<table class="rounds"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    )
  );
}

function rewardSection(report: RunReport): string {
  const { rewards } = report;
  if (rewards.rounds.length === 0) return `<p class="note">${e('No reward events in this trace.')}</p>`;
  const series: ChartSeries[] = DRIVERS.map((driver, i) => ({
    label: DRIVER_LABELS[driver],
    color: categoryColor(i),
    points: rewards.rounds.map((round, j): [number, number | null] => [round, rewards.drivers[driver][j]]),
  }));
  series.push({
    label: 'total',
    color: 'currentColor',
    dashed: true,
    points: rewards.rounds.map((round, j): [number, number | null] => [round, rewards.total[j]]),
  });
  const chart = lineChartSvg(series, {
    title: 'Reward per driver',
    xLabel: 'round',
    yLabel: 'mean raw reward',
    yDomain: [0, 1],
  });
  return `<figure>${chart}<figcaption>${e(
    'Mean raw reward (0–1) over the agents rewarded in each round: social interaction (SOC), ' +
      'information seeking (INF), self-presentation (PRE), coordination (COORD), emotional support (EMO); total is the motivation-weighted reward.',
  )}</figcaption></figure>`;
}

export interface ReportHtmlOptions {
  /** The interactive view with the run's trace (see core/protocol/viewPage). */
  view?: ViewEmbed;
  /**
   * What the report leaves out of the trace or what it lacks (a round it does not finish, a cut-off
   * last line, no run_end), as the command says it on standard error: the page says it too.
   */
  note?: string;
  /** The Fit section against the scenario's observed data (runFitSection.ts), when it declares a calibration. */
  fit?: string;
}

/** The note under the run's facts, as a sentence. */
function traceNote(note: string | undefined): string {
  return note ? `<p class="note">${e(`${note[0].toUpperCase()}${note.slice(1)}.`)}</p>` : '';
}

export function renderReportHtml(report: RunReport, options: ReportHtmlOptions = {}): string {
  return [...reportHtmlParts(report, options)].join('');
}

/**
 * The page in pieces, to be written one after another: the embedded trace (up to the view's
 * limit, 64 MB by default) comes a megabyte at a time, so the page is never held whole.
 */
export function* reportHtmlParts(report: RunReport, options: ReportHtmlOptions = {}): Generator<string> {
  const { view } = options;
  const title = `Society report: ${isolated(report.header.scenario.name)}`;
  const files = reportFileNames(report.world)
    .filter((f) => f !== REPORT_FILES.html)
    .map((f) => `<a href="${e(f)}">${e(f)}</a>`)
    .join(', ');
  const sortable = report.agents !== undefined && report.agents.length > 0;
  yield `${reportPageHead({ title, width: 980, style: STYLE, sortable, ...(view ? { view } : {}) })}<h1>${e(title)}</h1>
<p class="subtitle">${e(`Seed ${report.header.seed} · round ${report.round} of ${report.header.rounds} · generated by society report`)}</p>
<section id="run"><h2>Run</h2>${runSection(report)}${traceNote(options.note)}</section>
${report.design ? `<section id="design"><h2>Design</h2>${designSection(report.design)}</section>\n` : ''}${view ? `<section id="explore"><h2>Explore the run</h2><noscript><p class="note">The interactive view needs JavaScript. In VS Code, <b>Open Society View</b> in this editor's title bar (or the command Society: Open Society View) explores it beside this page; the picture, tables and data files below cover the same run.</p></noscript>${view.mount}</section>\n` : ''}${report.world.ties ? `<section id="network"${view ? ' class="society-static"' : ''}><h2>Tie network</h2>${networkSection(report)}</section>\n<section id="metrics"><h2>Network metrics</h2>${metricsTable(report)}</section>\n<section id="rounds"><h2>Over rounds</h2>${overRoundsSection(report)}</section>\n` : ''}${report.world.rewards ? `<section id="rewards"><h2>Rewards</h2>${rewardSection(report)}</section>\n` : ''}${report.worldState ? `<section id="world-state"><h2>World state</h2>${worldStateSection(report.worldState)}</section>\n` : ''}${report.agents ? `<section id="agents"><h2>Agents</h2>${agentSection(report.agents, report.round)}</section>\n` : ''}${report.knowledge ? `<section id="knowledge"><h2>Who knows what</h2>${knowledgeSection(report.knowledge)}</section>\n` : ''}${options.fit ? `<section id="fit">${options.fit}</section>\n` : ''}${report.judges ? `<section id="judges"><h2>Judges</h2>${judgesSection(report.judges)}</section>\n` : ''}${report.surveys ? `<section id="surveys"><h2>Surveys</h2>${surveySection(report.surveys)}</section>\n` : ''}${report.decisions.length ? `<section id="decisions"><h2>Model decisions</h2>${decisionsSection(report.decisions)}</section>\n` : ''}${report.population ? `<section id="population"><h2>Population</h2>${populationSection(report.population)}</section>\n` : ''}
<footer><p>Data: ${files}.</p></footer>`;
  if (view) {
    yield '\n';
    yield* view.data();
    yield `\n${view.script}`;
  }
  if (sortable) yield `\n${SORT_SCRIPT}`;
  yield REPORT_PAGE_END;
}
