// `society compare`: two runs of one scenario side by side (where their traces part, outcomes,
// series over rounds and ties, with B − A), or two sets of runs paired by seed (each outcome's
// paired difference with its 95% CI). --out writes compare.json, series.csv and compare.html.
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { outputFolder, shown, wroteFiles } from '../options';
import { mayReplace, recordPresent } from '../ownFiles';
import { compareSide, type CompareSide, compareSides, conditionSides, experimentTraces } from '../../core/experiment';
import { COMPARE_FILES, NotComparable } from '../../core/analysis';
import { writeFileSafely } from '../../core/files/safeWrite';
import { experimentContrast, experimentContrastText } from '../../core/study/experimentContrast';
import { printable } from '../../core/text/printable';

const USAGE = 'compare <A> <B> | <experiment> [--conditions A,B [--minus C,D]] [--json] [--out DIR] [--overwrite]';
const NAMES: readonly string[] = Object.values(COMPARE_FILES);

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  [
    '<A> <B>',
    'each a run folder (holding trace.jsonl), a trace file, or a folder of run folders (one per seed: trace.jsonl one or two levels down); two sets are paired by seed',
  ],
  [
    '<experiment>',
    "an experiment's folder (or its traces/): two of its conditions, their runs paired by seed (the only two, or --conditions)",
  ],
  ['--conditions A,B', 'with <experiment>: the conditions compared, A then B (as the scenario names them)'],
  [
    '--minus C,D',
    'with --conditions A,B: a contrast of contrasts, (B − A) − (D − C) for each outcome, paired by seed, with its 95% CI (e.g. the talk effect in groups of 8 minus in groups of 4)',
  ],
  ['--json', 'print the comparison as JSON (what compare.json holds)'],
  ['--out DIR', 'write compare.json, series.csv (a row per series and round) and compare.html there'],
  ['--overwrite', 'replace files of those names in --out that Society Studio did not write'],
] as const satisfies readonly OptionRow[];

export const compareCommand = command({
  name: 'compare',
  usage: USAGE,
  summary: 'Two runs side by side (where they part, outcomes, series, ties), or run sets by seed',
  options: OPTIONS,
  async run({ values, positionals }): Promise<number> {
    if (values.minus !== undefined) return contrast(values, positionals);
    let sides: [CompareSide, CompareSide];
    let labels: [string, string];
    try {
      const experiment = positionals.length === 1 && experimentTraces(positionals[0]) !== undefined;
      if (experiment || values.conditions !== undefined) {
        if (positionals.length !== 1) {
          console.error(
            `society compare: --conditions takes one experiment folder, got ${positionals.length} arguments`,
          );
          return 2;
        }
        if (values.conditions !== undefined && !values.conditions.includes(',')) {
          console.error(`society compare: --conditions takes two conditions, A,B; got '${values.conditions}'`);
          return 2;
        }
        // Split against the experiment's own names: a name may hold a comma ("talk, groups of 4").
        ({ sides, labels } = conditionSides(positionals[0], values.conditions));
      } else if (positionals.length === 2) {
        sides = [compareSide(positionals[0], shown), compareSide(positionals[1], shown)];
        labels = [shown(positionals[0]), shown(positionals[1])];
      } else {
        console.error(
          `society compare: takes two runs (or sets of runs), or an experiment, got ${positionals.length}\nUsage: society ${USAGE}`,
        );
        return 2;
      }
    } catch (err) {
      console.error(`society compare: ${(err as Error).message}`);
      return 1;
    }
    if (values.out !== undefined && !mayReplace('compare', values.out, NAMES, values.overwrite === true)) return 1;
    let output;
    try {
      output = await compareSides(sides[0], sides[1], { labels, shown });
    } catch (err) {
      console.error(`society compare: ${err instanceof NotComparable ? err.message : (err as Error).message}`);
      return 1;
    }
    console.log(values.json ? output.json.trimEnd() : output.text);
    return values.out === undefined ? 0 : writeOut(values.out, output);
  },
});

function writeOut(dir: string, output: { json: string; csv: string; html: string }): number {
  const made = outputFolder(path.resolve(dir), 'compare');
  if (!made) return 1;
  const files: [string, string][] = [
    [COMPARE_FILES.json, output.json],
    [COMPARE_FILES.series, output.csv],
    [COMPARE_FILES.html, output.html],
  ];
  const wrote = wroteFiles('compare', () => {
    for (const [name, text] of files) writeFileSafely(path.join(dir, name), text);
  });
  recordPresent(dir, NAMES);
  if (!wrote) {
    made.removeEmpty();
    return 1;
  }
  for (const [name] of files) console.error(`wrote ${shown(path.join(dir, name))}`);
  return 0;
}

/** `--conditions A,B --minus C,D`: the contrast of contrasts per outcome (study/experimentContrast.ts). */
function contrast(
  values: { conditions?: string; minus?: string; json?: boolean; out?: string },
  positionals: string[],
): number {
  if (positionals.length !== 1 || values.conditions === undefined) {
    console.error('society compare: --minus C,D takes one experiment folder and --conditions A,B');
    return 2;
  }
  if (values.out !== undefined) {
    console.error('society compare: --out is not written for a contrast of contrasts; use --json for its figures');
    return 2;
  }
  let x;
  try {
    x = experimentContrast(positionals[0], values.conditions, values.minus!);
  } catch (err) {
    console.error(`society compare: ${printable((err as Error).message)}`);
    return 1;
  }
  console.log(values.json ? JSON.stringify({ contrast: x }, null, 2) : printable(experimentContrastText(x).trimEnd()));
  return 0;
}
