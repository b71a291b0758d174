// What `society validate` prints and writes: per figure the human value and band, the simulated
// mean with its 95% CI over seeds, the direction's simulated difference with its CI, and the
// verdict; the summary of people's figures and, apart, of simulated agents'; and an HTML page with
// each human series drawn against the simulated one over rounds.
import { tallyBySubjects, type ScoredFigure, type Tally } from './classify';
import { counted } from '../text/counted';
import type { EntryResult } from './validate';
import { pushAll } from '../text/pushAll';
import { reportPage, themed } from '../analysis';
import { escapeMarkup as esc } from '../text/markup';
import { seriesChartSvg } from '../experiment';

const fmt = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : String(Math.round(x * 1000) / 1000);

/** What people (the source) say: a value with its band, or only a direction. */
export function humanText(f: EntryResult['scored'][number]['figure']): string {
  if (f.direction) {
    const than = typeof f.direction.than === 'number' ? fmt(f.direction.than) : `in ${f.direction.than}`;
    return `${f.direction.sign} than ${than}`;
  }
  return `${fmt(f.human)} [${fmt(f.band?.[0])}, ${fmt(f.band?.[1])}]`;
}

/** A direction's simulated difference, its 95% CI and test, and its outcome: "; −0.4 (−0.5 … −0.3, paired t) to r1: right". */
function directionText(s: ScoredFigure): string {
  const d = s.direction;
  if (!d) return '';
  const ci = d.ci95 ? `${fmt(d.ci95[0])} … ${fmt(d.ci95[1])}, ` : '';
  const to = s.figure.vs !== undefined ? ` to ${s.figure.vs}` : '';
  return `; difference ${fmt(d.difference)} (${ci}${d.test})${to}: ${d.outcome}`;
}

/** A direction-only figure against another condition: the simulated value it was compared with. */
function againstText(s: EntryResult['scored'][number]): string {
  return s.than !== undefined && typeof s.figure.direction?.than === 'string'
    ? ` against ${fmt(s.than)} in ${s.figure.direction.than}`
    : '';
}

export function csvCell(x: string | number | undefined): string {
  if (x === undefined) return '';
  const s = String(x);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function validationCsv(results: readonly EntryResult[]): string {
  const head = [
    'entry',
    'figure',
    'label',
    'condition',
    'metric',
    'human',
    'band_low',
    'band_high',
    'human_direction',
    'n',
    'source',
    'subjects',
    'simulated',
    'ci_low',
    'ci_high',
    'seeds',
    'level',
    'vs',
    'difference',
    'difference_ci_low',
    'difference_ci_high',
    'difference_test',
    'direction',
    'verdict',
  ];
  const rows = results.flatMap((r) =>
    r.scored.map((s) => [
      r.entry.id,
      s.figure.id,
      s.figure.label,
      s.figure.condition,
      s.figure.metric,
      s.figure.human,
      s.figure.band?.[0],
      s.figure.band?.[1],
      s.figure.direction ? humanText(s.figure) : '',
      s.figure.n,
      s.figure.source,
      s.figure.subjects,
      fmt(s.simulated.mean),
      fmt(s.simulated.ci95?.[0]),
      fmt(s.simulated.ci95?.[1]),
      s.simulated.n,
      s.level ?? '',
      s.figure.vs ?? '',
      s.direction ? fmt(s.direction.difference) : '',
      s.direction ? fmt(s.direction.ci95?.[0]) : '',
      s.direction ? fmt(s.direction.ci95?.[1]) : '',
      s.direction?.test ?? '',
      s.direction?.outcome ?? '',
      s.verdict,
    ]),
  );
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

export function validationJson(results: readonly EntryResult[], model: string): string {
  const all = results.flatMap((r) => r.scored);
  return (
    JSON.stringify(
      {
        model,
        summary: tallyBySubjects(all),
        entries: results.map((r) => ({
          id: r.entry.id,
          title: r.entry.title,
          seeds: r.seeds,
          usage: r.usage,
          figures: r.scored,
          series: r.series.map((s) => ({
            ...s,
            human: r.entry.series.find((h) => h.metric === s.metric && h.condition === s.condition)?.points ?? [],
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * "inside the band 5 of 10 (50%); directions right and backed 3 of 6 (2 unbacked, 1 wrong)", or
 * that no figure has a band (direction-only entries); and how many figures have no verdict, as
 * their runs got no model answer.
 */
function tallyText(t: Tally): string {
  const share = t.total
    ? `inside the band ${t.inside} of ${t.total} (${Math.round(t.share * 100)}%)`
    : 'no figure with a band';
  const d = t.directions;
  const line = `${share}; directions right and backed ${d.right} of ${d.total} (${d.unbacked} unbacked, ${d.wrong} wrong)`;
  return t.unanswered ? `${line}; no verdict (no model answer): ${t.unanswered}` : line;
}

/** What the simulated-agent line is called: figures of published simulations, not of people. */
const AGENTS = 'simulated agents (published simulations, not people; not in the share above)';

/**
 * The summary: people's figures, and apart the figures of published simulations' agents (only
 * when there are any), so that a simulation matching another simulation never passes for people.
 */
export function summaryLines(results: readonly EntryResult[]): string[] {
  const scored = results.flatMap((r) => r.scored);
  const t = tallyBySubjects(scored);
  const lines = [`people: ${tallyText(t.people)}`];
  if (scored.some((s) => s.figure.subjects === 'agents')) lines.push(`${AGENTS}: ${tallyText(t.agents)}`);
  return lines;
}

/**
 * Per entry with figures left without a verdict, why, in a sentence: undefined when every figure
 * has one. What `validate` says on stderr before failing, so a dead endpoint never passes for a score.
 */
export function unansweredText(results: readonly EntryResult[]): string | undefined {
  const lines = results.flatMap((r) => {
    const figures = r.scored.filter((s) => s.verdict === 'no answer');
    if (!figures.length) return [];
    const runs = r.unanswered.map((u) => `${u.condition} seed ${u.seed}`).join(', ');
    return [
      `no verdict for ${counted(figures.length, 'figure')} of ${r.entry.id}: no model call succeeded in ${counted(r.unanswered.length, 'run')} (${runs}), so ${figures.length === 1 ? 'its value is' : 'their values are'} the fallback's (on_error), not the model's; runs.csv counts the failed calls`,
    ];
  });
  return lines.length ? lines.join('\n') : undefined;
}

export function validationText(results: readonly EntryResult[], model: string): string {
  const lines: string[] = [`Validation of ${model} against human experiments`];
  for (const r of results) {
    lines.push('', `${r.entry.title} (${counted(r.seeds.length, 'seed')})`);
    for (const s of r.scored) {
      const ci = s.simulated.ci95 ? ` (${fmt(s.simulated.ci95[0])} … ${fmt(s.simulated.ci95[1])})` : '';
      lines.push(
        `  ${s.verdict.padEnd(9)} ${s.figure.label}: ${s.figure.subjects === 'agents' ? "the paper's agents" : 'human'} ${humanText(s.figure)}, simulated ${fmt(s.simulated.mean)}${ci}${againstText(s)}${directionText(s)}`,
      );
    }
  }
  pushAll(lines, ['', ...summaryLines(results)]);
  return lines.join('\n') + '\n';
}

/**
 * One series as the experiment report draws its series (seriesChart.ts): the simulated mean with
 * its 95% CI band, and the people's points as a line of their own.
 */
function seriesSvg(human: { round: number; value: number }[], sim: EntryResult['series'][number]): string {
  const simulated = sim.rounds.filter((r) => r.round > 0 && r.sim.mean !== null);
  if (!simulated.length && !human.length) return '';
  return seriesChartSvg(sim.metric, [
    { condition: 'simulated (95% CI)', rounds: simulated.map((r) => r.round), estimates: simulated.map((r) => r.sim) },
    {
      condition: 'people',
      rounds: human.map((h) => h.round),
      estimates: human.map((h) => ({ n: 1, mean: h.value, sd: null, ci95: null })),
    },
  ]);
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function validationHtml(results: readonly EntryResult[], model: string): string {
  const body = results
    .map((r) => {
      const rows = r.scored
        .map(
          (s) =>
            `<tr class="${s.verdict.replace(' ', '-')}"><td>${esc(s.figure.label)}</td><td>${s.figure.subjects === 'agents' ? "the paper's agents: " : ''}${esc(humanText(s.figure))}</td><td>${fmt(s.simulated.mean)}${s.simulated.ci95 ? ` (${fmt(s.simulated.ci95[0])} … ${fmt(s.simulated.ci95[1])})` : ''}${esc(againstText(s))}${esc(directionText(s))}</td><td>${s.verdict}</td><td>${esc(s.figure.source)}; n: ${esc(s.figure.n)}</td></tr>`,
        )
        .join('');
      const plots = r.series
        .map((s) => {
          const human = r.entry.series.find((h) => h.metric === s.metric && h.condition === s.condition);
          return `<figure><figcaption>${esc(s.condition)}: ${esc(s.metric)} (people: ${esc(human?.source ?? '')})</figcaption>${seriesSvg(human?.points ?? [], s)}</figure>`;
        })
        .join('');
      return `<section><h2>${esc(r.entry.title)}</h2><p>${counted(r.seeds.length, 'seed')}.</p><table><tr><th>figure</th><th>published [band]</th><th>simulated (95% CI)</th><th>verdict</th><th>source</th></tr>${rows}</table>${plots}</section>`;
    })
    .join('');
  const summary = summaryLines(results)
    .map((l) => `<p>${esc(capitalised(l))}.</p>`)
    .join('');
  return reportPage(
    { title: `Validation: ${model}`, width: 1040, style: STYLE },
    `<h1>Validation against people: ${esc(model)}</h1>${summary}${body}`,
  );
}

/** The verdicts' colours (the theme's, light and dark); reportPage.ts has the rest. */
const STYLE = `table { margin: 0.5rem 0 1.5rem; }
.wrong td:nth-child(4), .far td:nth-child(4), .no-answer td:nth-child(4) { color: ${themed('fails')}; }
.no-answer td:nth-child(4) { font-weight: bold; }
.direction td:nth-child(4), .near td:nth-child(4), .unbacked td:nth-child(4) { color: ${themed('inconclusive')}; }
.inside td:nth-child(4) { color: ${themed('holds')}; }
`;
