// A contrast of contrasts between an experiment's conditions, paired by seed: (B − A) − (D − C) for
// each of its outcomes, as `society compare <experiment> --conditions A,B --minus C,D` and
// society_compare's `minus` ask (issue 84: an assistant typed a t quantile in by hand to test whether
// the talk effect differs between group sizes). The per-seed effects, the paired t-interval and the
// sign test where seeds do not vary are the study's own (hypothesisTest.ts): a study hypothesis
// `effect: { of: [B, A], minus: [D, C] }` and this answer agree on the same runs.
import * as path from 'node:path';
import { conditionPair, RUN_FILE } from '../experiment';
import { testHypothesis, type HypothesisTest, type SeedRun } from './hypothesisTest';
import { num, pText } from './studyMarkdown';
import { maxOf } from '../stats/extremes';

export interface ContrastRow {
  outcome: string;
  effect: number | null;
  ci: [number, number] | null;
  p: number | null;
  seeds: number;
  test: HypothesisTest['test'];
  note?: string;
}

export interface ExperimentContrast {
  /** The four conditions as the experiment names them: (b − a) − (d − c). */
  a: string;
  b: string;
  c: string;
  d: string;
  definition: string;
  level: number;
  rows: ContrastRow[];
}

export function experimentContrast(
  dir: string,
  conditions: readonly [string, string] | string,
  minus: readonly [string, string] | string,
  level = 0.95,
): ExperimentContrast {
  const first = conditionPair(dir, conditions);
  const second = conditionPair(dir, minus);
  const [a, b] = first.pair;
  const [c, d] = second.pair;
  if (new Set([a, b, c, d]).size === 2 && ((a === c && b === d) || (a === d && b === c))) {
    throw new Error(
      '--minus names the same two conditions as --conditions: the contrast would be 0 or twice one effect',
    );
  }
  // Each run's outcomes as experiment.json records them, by condition stem and seed.
  const runs: SeedRun[] = [];
  for (const [file, metrics] of first.record.outcomes) {
    const m = RUN_FILE.exec(path.basename(file));
    if (m) runs.push({ condition: m[1], seed: Number(m[2]), metrics });
  }
  if (!runs.length) throw new Error(`${dir} has no experiment.json with its runs' outcomes: run the experiment again`);
  const outcomes = first.record.metrics.length
    ? first.record.metrics
    : [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  const rows = outcomes.map((outcome): ContrastRow => {
    const t = testHypothesis(
      {
        id: outcome,
        text: outcome,
        metric: outcome,
        effect: { of: [b, a], minus: [d, c] },
        expect: 'higher',
        smallest_effect: 0,
      },
      runs,
      1 - level,
    );
    return {
      outcome,
      effect: t.effect,
      ci: t.ci,
      p: t.p,
      seeds: t.n,
      test: t.test,
      ...(t.note ? { note: t.note } : {}),
    };
  });
  const name = first.nameOf;
  return {
    a: name(a),
    b: name(b),
    c: name(c),
    d: name(d),
    definition: `(${name(b)} − ${name(a)}) − (${name(d)} − ${name(c)}), each seed's runs paired`,
    level,
    rows,
  };
}

/** The contrast as a terminal table. */
export function experimentContrastText(x: ExperimentContrast): string {
  const pct = `${Math.round(x.level * 100)}% CI`;
  const head = ['outcome', 'effect', pct, 'p', 'seeds', 'test'];
  const body = x.rows.map((r) => [
    r.outcome,
    num(r.effect),
    r.ci ? `${num(r.ci[0])} … ${num(r.ci[1])}` : '—',
    pText(r.p),
    String(r.seeds),
    r.test === 'none' ? `none (${r.note ?? ''})` : r.test,
  ]);
  const widths = head.map((h, i) => maxOf([h.length, ...body.map((row) => row[i].length)]));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const flat = x.rows.some((r) => r.test === 'sign test')
    ? '\nsign test: every seed gave the same contrast (a rule-based model), so no t-interval decides it.'
    : '';
  return `contrast of contrasts: ${x.definition}\n${[head, ...body].map(line).join('\n')}${flat}\n`;
}
