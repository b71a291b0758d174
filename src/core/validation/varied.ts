// `society validate --varied`: each entry's game varied in ways the library does not ship (group
// size, endowment, MPCR, rounds, pie size), and whether the simulated direction is people's. The
// variations run as an ordinary experiment of the entry's scenario (its conditions replaced by the
// variations) and their claims are decided by the experiment's own claim machinery: the paired
// contrast by seed and its 95% CI, Holm-adjusted among the entry's varied claims.
import * as path from 'node:path';
import type { Scenario } from '../format';
import { runExperiment, claimVerdict, holmVerdict, type Verdict, type Claim } from '../experiment';
import type { UsageTotals } from '../trace/events';
import type { LibraryEntry, Varied, VariedClaim } from './reference';
import { entryRunOptions, entryScenario, sumUsage, type ValidateOptions } from './validate';
import { csvCell } from './report';
import { counted } from '../text/counted';

export interface VariedResult {
  entry: LibraryEntry;
  seeds: number[];
  claims: { varied: VariedClaim; claim: Claim; verdict: Verdict; holm: Verdict }[];
  files: string[];
  usage: UsageTotals;
  /** Runs that got no model answer at all: the claims on their conditions have no verdict. */
  unanswered: { condition: string; seed: number }[];
}

/** A claim read from runs that got no model answer: their values are the fallback's, so no verdict. */
const NO_ANSWER: Verdict = {
  kind: 'untestable',
  mark: '?',
  label: "no verdict (a run it compares got no model answer: its values are the fallback's)",
};

/** As `validate`'s: the library's folder, the output folder, seeds, workers, the model and progress. */
export type VariedOptions = ValidateOptions;

/** The entry's scenario with its experiment replaced by the variations and their claims. */
export function variedScenario(scenario: Scenario, varied: Varied): Scenario {
  const claims = varied.claims.map(({ metric, higher, than, text }) => ({ metric, higher, than, text }));
  return {
    ...scenario,
    experiment: {
      seeds: scenario.experiment?.seeds ?? [1, 2, 3, 4, 5],
      conditions: varied.conditions,
      metrics: [...new Set(claims.map((c) => c.metric))],
      claims,
    },
  };
}

/** The folder of an entry's varied experiment under the output folder. */
export const variedFolder = (id: string): string => `${id}-varied`;

export async function validateVaried(
  entries: readonly LibraryEntry[],
  options: VariedOptions,
): Promise<VariedResult[]> {
  const out: VariedResult[] = [];
  for (const entry of entries) {
    const varied = entry.varied;
    if (!varied) continue;
    options.onEntry?.(entry);
    const scenario = variedScenario(await entryScenario(options.dir, entry, options.model), varied);
    const run = await runExperiment(
      scenario,
      entryRunOptions(options, path.join(options.outDir, variedFolder(entry.id))),
    );
    const declared = run.result.claims.filter((c) => c.family === 'declared');
    const dead = run.result.runs.filter((r) => r.faults.no_model_answer);
    const deadIn = (v: VariedClaim) => dead.some((r) => r.condition === v.higher || r.condition === v.than);
    out.push({
      entry,
      seeds: run.result.seeds,
      claims: varied.claims.map((v, i) => ({
        varied: v,
        claim: declared[i],
        verdict: deadIn(v) ? NO_ANSWER : claimVerdict(declared[i]),
        holm: deadIn(v) ? NO_ANSWER : holmVerdict(declared[i]),
      })),
      files: run.files,
      usage: sumUsage(run.result.runs),
      unanswered: dead.map((r) => ({ condition: r.condition, seed: r.seed })),
    });
  }
  return out;
}

/** One line per claim: its mark, text, verdict and evidence, and where people's direction is from. */
export function variedText(results: readonly VariedResult[], model: string): string {
  const lines = [`Varied games: ${model} against the directions people show`];
  for (const r of results) {
    lines.push('', `${r.entry.title} (${r.seeds.length} seeds)`);
    for (const c of r.claims) {
      lines.push(
        `  ${c.verdict.mark} ${c.varied.text}: ${c.verdict.label}`,
        `      ${c.claim.evidence}`,
        `      people: ${c.varied.source}`,
      );
    }
  }
  const all = results.flatMap((r) => r.claims);
  const count = (k: Verdict['kind']) => all.filter((c) => c.verdict.kind === k).length;
  lines.push(
    '',
    `${count('holds')} of ${all.length} hold, ${count('inconclusive')} inconclusive, ${count('fails')} point the other way, ${count('untestable')} not testable`,
  );
  return lines.join('\n') + '\n';
}

export function variedCsv(results: readonly VariedResult[]): string {
  const head = ['entry', 'claim', 'metric', 'higher', 'than', 'verdict', 'verdict_holm', 'evidence', 'source'];
  const rows = results.flatMap((r) =>
    r.claims.map((c) => [
      r.entry.id,
      c.varied.text,
      c.varied.metric,
      c.varied.higher,
      c.varied.than,
      c.verdict.kind,
      c.holm.kind,
      c.claim.evidence,
      c.varied.source,
    ]),
  );
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** Per entry whose claims lost their verdict to runs without a model answer, why: undefined when none did. */
export function variedUnansweredText(results: readonly VariedResult[]): string | undefined {
  const lines = results.flatMap((r) => {
    const claims = r.claims.filter((c) => c.verdict === NO_ANSWER);
    if (!claims.length) return [];
    const runs = r.unanswered.map((u) => `${u.condition} seed ${u.seed}`).join(', ');
    return [
      `no verdict for ${counted(claims.length, 'claim')} of ${r.entry.id}: no model call succeeded in ${counted(r.unanswered.length, 'run')} (${runs}), so their values are the fallback's (on_error), not the model's`,
    ];
  });
  return lines.length ? lines.join('\n') : undefined;
}

export function variedJson(results: readonly VariedResult[], model: string): string {
  return (
    JSON.stringify(
      {
        model,
        entries: results.map((r) => ({
          id: r.entry.id,
          seeds: r.seeds,
          claims: r.claims.map((c) => ({ ...c.varied, verdict: c.verdict, verdict_holm: c.holm, claim: c.claim })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
