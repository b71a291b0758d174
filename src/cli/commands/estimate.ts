// `society estimate <scenario>`: predicted model calls, tokens and cost of a run, per model and
// decision kind, before spending anything. Prices come from each model's `price:`.
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption, knownModel, loadRunnableScenario, onePositional } from '../options';
import { estimateRun, type RunEstimate } from '../../core/llm/estimate';
import type { LocalFit } from '../../core/llm/estimateLocal';
import { offlineLine, offlineWarning } from '../../core/llm/estimateOffline';
import { LONG_RUN_SECONDS } from '../../core/llm/runForecast';
import { localEstimateInputs } from '../../core/llm/local/localEstimate';
import { localFit } from '../../core/llm/local/localFit';
import { counted } from '../../core/text/counted';
import { printable } from '../../core/text/printable';
import { traitsOf } from '../../core/format';
import { maxOf } from '../../core/stats/extremes';
import { pushAll } from '../../core/text/pushAll';

const USAGE = 'estimate <scenario.society> [--scenario NAME] [--root DIR] [--rounds N] [--model NAME] [--json]';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatEstimate(e: RunEstimate): string {
  const lines = [
    `Estimate for "${printable(e.scenario)}": ${counted(e.agents, 'agent')} × ${counted(e.rounds, 'round')}`,
  ];
  const rows = e.models.map((m) => [
    printable(m.name),
    m.provider + (m.model ? ` ${printable(m.model)}` : ''),
    int(m.calls),
    int(m.input_tokens),
    int(m.output_tokens),
    traitsOf(m.provider).instant
      ? `free (${traitsOf(m.provider).label})`
      : m.priced
        ? `$${m.cost_usd.toFixed(2)}`
        : 'unpriced (set price: in the model)',
  ]);
  const head = ['model', 'provider', 'calls', 'input tokens', 'output tokens', 'cost'];
  const widths = head.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => r[i].length))));
  const fmt = (r: string[]): string =>
    r
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  pushAll(lines, ['', fmt(head), ...rows.map(fmt)]);
  for (const m of e.models) {
    lines.push(
      `  ${m.name}: ${Object.entries(m.by_kind)
        .map(([k, v]) => `${k} ${int(v.calls)}`)
        .join(', ')}`,
    );
    if (m.cached_input_tokens && m.input_tokens) {
      const share = (v: { input_tokens: number; cached_input_tokens?: number }): string =>
        `${Math.round((100 * (v.cached_input_tokens ?? 0)) / Math.max(1, v.input_tokens))}%`;
      lines.push(
        `  ${m.name} prompt cache: ${share(m)} of input predicted cached (${Object.entries(m.by_kind)
          .filter(([, v]) => v.input_tokens > 0)
          .map(([k, v]) => `${k} ${share(v)}`)
          .join(', ')})` +
          (m.cost_usd_cached !== undefined
            ? `; $${m.cost_usd_cached.toFixed(2)} with caching, $${m.cost_usd.toFixed(2)} without`
            : ''),
      );
    }
    if (m.local) lines.push(localLine(m.name, m.local));
    if (m.offline?.acts) lines.push(offlineLine(printable(m.name), m.offline));
    if (m.embeddings) {
      lines.push(
        `  ${m.name} memory relevance (${m.embeddings.model}): ${int(m.embeddings.requests)} embedding requests, ${int(m.embeddings.texts)} texts, ${int(m.embeddings.input_tokens)} tokens, ${m.embeddings.cost_usd !== undefined ? `$${m.embeddings.cost_usd.toFixed(4)} (in the cost above)` : 'unpriced (set `embeddings.price`)'}`,
      );
    }
  }
  // A total that leaves a model's cost out must say so where it is read, not only in that model's row.
  const unpriced = e.models
    .filter((m) => !traitsOf(m.provider).instant && !m.priced && m.calls > 0)
    .map((m) => printable(m.name));
  lines.push(
    '',
    `Total: ${int(e.total.calls)} calls, ${int(e.total.input_tokens)} input + ${int(e.total.output_tokens)} output tokens, $${e.total.cost_usd.toFixed(2)}${unpriced.length ? ` (without ${unpriced.join(', ')}: unpriced)` : ''}`,
  );
  if (e.total.cost_usd_cached !== undefined) {
    lines.push(
      `With prompt caching: $${e.total.cost_usd_cached.toFixed(2)} (${int(e.total.cached_input_tokens ?? 0)} input tokens at the cached-input price), against $${e.total.cost_usd.toFixed(2)} without`,
    );
  }
  if (e.total.cost_usd_ceiling > e.total.cost_usd) {
    lines.push(
      `At most: $${e.total.cost_usd_ceiling.toFixed(2)} if every answer ran to the max_tokens it is sent (retries and re-asks aside)`,
    );
  }
  pushAll(lines, ['Assumes:', ...e.assumptions.map((a) => `  - ${a}`)]);
  return lines.join('\n');
}

/** A local model's prompt against its context, and the time at the speed measured here. */
function localLine(name: string, l: LocalFit): string {
  const counted = l.counted === 'tokenizer' ? 'by its tokenizer' : 'as characters / 4';
  const time = l.speed
    ? `≈ ${int(l.seconds ?? 0)} s at ${int(l.speed.prompt_per_s)} prompt and ${l.speed.answer_per_s.toFixed(1)} answer tokens a second (measured ${l.speed.measured} over ${counted_(l.speed.calls)})`
    : 'time: no speed measured yet for this file, threads and batch (a run measures it)';
  return `  ${name} (local): largest typical prompt ${l.largest.kind} ${int(l.largest.tokens)} tokens (${counted}) of a ${int(l.context)}-token context; ${time}`;
}

/** A long offline run, said past a minute as a long local run is asked in the editor (runForecast.ts). */
function offlineWarnings(e: RunEstimate): string[] {
  const out: string[] = [];
  for (const m of e.models) {
    const w = m.offline && offlineWarning(m.offline, `the run's ${printable(m.name)} model`, LONG_RUN_SECONDS);
    if (w) out.push(w);
  }
  return out;
}

const counted_ = (n: number): string => counted(n, 'call');

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<scenario.society>', 'the scenario to estimate'],
  ['--scenario NAME', 'which scenario, when the file holds several (default: the first)'],
  [
    '--root DIR',
    "folder includes may not leave (default: the repository's top folder, else the working directory when it holds the file)",
  ],
  ['--rounds N', "rounds (default: the scenario's)"],
  ['--model NAME', 'as if every agent used this model config'],
  ['--json', 'print the estimate as JSON'],
] as const satisfies readonly OptionRow[];

export const estimateCommand = command({
  name: 'estimate',
  usage: USAGE,
  summary: 'Predict model calls, tokens and cost of a run before running it',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const { values, positionals } = parsed;
    const scenarioArg = onePositional('estimate', USAGE, positionals, 'scenario file');
    if (scenarioArg === undefined) return 2;
    const rounds = integerOption('rounds', values.rounds, 1);
    const scenario = await loadRunnableScenario(scenarioArg, 'estimate', values.scenario, false, values.root);
    if (!scenario) return 1;
    if (!knownModel(scenario, values.model, 'estimate')) return 2;
    const local = await localEstimateInputs(scenario);
    try {
      const estimate = estimateRun(scenario, {
        rounds,
        model: values.model,
        promptTokens: local.promptTokens,
        speeds: local.speeds,
      });
      const fit = localFit(estimate);
      pushAll(estimate.assumptions, local.notes);
      console.log(values.json ? JSON.stringify(estimate, null, 2) : formatEstimate(estimate));
      for (const w of fit.warnings) console.error(`society estimate: ${w}`);
      for (const w of offlineWarnings(estimate)) console.error(`society estimate: ${w}`);
      for (const e of fit.errors) console.error(`society estimate: does not fit: ${e}`);
      return fit.errors.length ? 1 : 0;
    } finally {
      await local.close();
    }
  },
});
