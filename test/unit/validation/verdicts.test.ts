// Verdicts that weigh uncertainty (issue 72): a direction counts only when its 95% CI excludes
// zero on people's side, by the experiment's own paired test; outside the band is near or far;
// figures of published simulations' agents stay out of people's share; `subjects` is checked.
// Estimates are built by hand here, so nothing depends on what the offline model plays today.
import * as assert from 'node:assert/strict';
import {
  classify,
  classifyDirection,
  directionAgainst,
  directionAgainstNumber,
  levelOf,
  tallyBySubjects,
  type ScoredFigure,
} from '../../../src/core/validation/classify';
import { parseReference, type ReferenceFigure } from '../../../src/core/validation/reference';
import { summaryLines, validationCsv } from '../../../src/core/validation/report';
import { estimate } from '../../../src/core/experiment/statistics';
import type { EntryResult } from '../../../src/core/validation/validate';

const figure = (over: Partial<ReferenceFigure> = {}): ReferenceFigure => ({
  id: 'late',
  label: 'Late',
  metric: 'm',
  condition: 'c',
  human: 0.1,
  band: [0.05, 0.25],
  n: '10 groups',
  source: 'paper Fig. 3',
  vs: 'early',
  subjects: 'people',
  ...over,
});

/** Values by seed 1, 2, 3, … */
const seeds = (xs: (number | null)[]) => new Map(xs.map((x, i) => [i + 1, x]));

describe('validate verdicts: a direction is right only when its 95% CI excludes 0', () => {
  const early = seeds([0.5, 0.45, 0.55, 0.5, 0.48, 0.52]);

  it('a paired difference whose CI excludes 0 on people’s side is right', () => {
    // People: late below early (want −1). Every seed's late value is well below its early one.
    const d = directionAgainst(seeds([0.1, 0.12, 0.08, 0.11, 0.09, 0.1]), early, -1);
    assert.equal(d.outcome, 'right');
    assert.equal(d.test, 'paired t');
    assert.ok(d.difference! < 0 && d.ci95![1] < 0, `late − early ${d.difference} (${d.ci95})`);
    assert.equal(classify(figure(), estimate([0.1, 0.12, 0.08]), d).verdict, 'inside');
  });

  it('the right sign with a CI that includes 0 is unbacked, and keeps a figure out of inside', () => {
    // Late below early on average (−0.02) but by seed up and down: the paired CI spans 0.
    const d = directionAgainst(seeds([0.55, 0.35, 0.6, 0.4, 0.5, 0.48]), early, -1);
    assert.ok(d.difference! < 0, `mean difference ${d.difference}`);
    assert.ok(d.ci95![0] < 0 && d.ci95![1] > 0, `CI ${d.ci95}`);
    assert.equal(d.outcome, 'unbacked');
    const inBand = classify(figure(), estimate([0.2, 0.2, 0.2]), d);
    assert.equal(inBand.verdict, 'near', 'in the band, but the direction is not backed');
    assert.equal(inBand.level, 'inside');
  });

  it('the other sign is wrong, backed or not', () => {
    assert.equal(directionAgainst(seeds([0.6, 0.55, 0.65, 0.6, 0.58, 0.62]), early, -1).outcome, 'wrong');
    assert.equal(directionAgainst(seeds([0.55, 0.6, 0.5, 0.45, 0.5, 0.56]), early, -1).outcome, 'wrong');
  });

  it('pairs by seed: a shared seed effect the unpaired means would drown does not hide the difference', () => {
    // Seeds differ a lot from each other; within each seed late is 0.05 below early.
    const base = [0.2, 0.9, 0.4, 0.7, 0.3, 0.6];
    const d = directionAgainst(seeds(base.map((x) => x - 0.05 + (x > 0.5 ? 0.001 : 0))), seeds(base), -1);
    assert.equal(d.test, 'paired t');
    assert.equal(d.outcome, 'right');
  });

  it('against a number: the estimate’s CI wholly on the stated side', () => {
    assert.equal(directionAgainstNumber(seeds([0.2, 0.25, 0.18, 0.22]), 0, 1).outcome, 'right');
    const straddles = directionAgainstNumber(seeds([0.3, -0.2, 0.25, -0.1]), 0, 1);
    assert.ok(straddles.ci95![0] < 0 && straddles.ci95![1] > 0);
    assert.equal(straddles.outcome, 'unbacked');
    assert.equal(directionAgainstNumber(seeds([0.1, 0.12, 0.09]), 0.3, -1).outcome, 'right', 'lower than');
    assert.equal(directionAgainstNumber(seeds([0.5, 0.52, 0.49]), 0.3, -1).outcome, 'wrong');
  });

  it('where no run varied, the exact sign test decides, as for a claim: three seeds are too few, six enough', () => {
    const three = directionAgainstNumber(seeds([0.5, 0.5, 0.5]), 0, 1);
    assert.equal(three.test, 'exact sign');
    assert.equal(three.outcome, 'unbacked', 'p = 0.125 one-sided');
    assert.equal(directionAgainstNumber(seeds([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), 0, 1).outcome, 'right');
  });

  it('a direction-only figure takes its direction’s outcome as its verdict', () => {
    const f = figure({ human: undefined, band: undefined, vs: undefined, direction: { sign: 'higher', than: 0 } });
    const unbacked = directionAgainstNumber(seeds([0.3, -0.2, 0.25, -0.1]), 0, 1);
    assert.equal(classifyDirection(f, estimate([]), 0, unbacked).verdict, 'unbacked');
  });
});

describe('validate verdicts: near and far', () => {
  it('near is at most one band width outside the band, either side; far beyond', () => {
    assert.equal(levelOf(0.1, [0.2, 0.4]), 'near');
    assert.equal(levelOf(0.0, [0.2, 0.4]), 'near', 'exactly one width below');
    assert.equal(levelOf(-0.01, [0.2, 0.4]), 'far');
    assert.equal(levelOf(0.61, [0.2, 0.4]), 'far');
    assert.equal(levelOf(0.3, [0.2, 0.4]), 'inside');
    assert.equal(levelOf(null, [0.2, 0.4]), undefined);
  });

  it('outside the band with the direction backed is `direction`, whatever the distance', () => {
    const right = directionAgainst(seeds([0.9, 0.93, 0.91, 0.95]), seeds([0.1, 0.12, 0.11, 0.1]), 1);
    const hi = figure({ id: 'hi', human: 0.5, band: [0.4, 0.6], vs: 'lo' });
    assert.equal(classify(hi, estimate([0.9, 0.92, 0.91]), right).verdict, 'direction');
    assert.equal(classify(figure({ vs: undefined }), estimate([0.9, 0.92])).verdict, 'far');
  });
});

describe('validate verdicts: people and simulated agents apart', () => {
  const scored = (f: ReferenceFigure, mean: number): ScoredFigure => classify(f, estimate([mean, mean]));
  const people = figure({ id: 'p', vs: undefined });
  const agents = figure({ id: 'a', vs: undefined, subjects: 'agents' });
  const all = [scored(people, 0.1), scored(agents, 0.9), scored({ ...agents, id: 'a2' }, 0.9)];

  it('counts an agent figure in the agents’ tally, never in people’s share', () => {
    const t = tallyBySubjects(all);
    assert.deepEqual([t.people.inside, t.people.total, t.people.share], [1, 1, 1]);
    assert.deepEqual([t.agents.inside, t.agents.total], [0, 2]);
  });

  it('prints people’s line and, apart, the agents’ line; the CSV says whose each figure is', () => {
    const result = {
      entry: { id: 'e', title: 'E', scenario: 'e.society', figures: [], series: [] },
      scored: all,
      series: [],
      seeds: [1, 2],
      usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      files: [],
      unanswered: [],
    } satisfies EntryResult;
    const [p, a, ...rest] = summaryLines([result]);
    assert.equal(p, 'people: inside the band 1 of 1 (100%); directions right and backed 0 of 0 (0 unbacked, 0 wrong)');
    assert.match(a, /^simulated agents .*: inside the band 0 of 2 \(0%\)/);
    assert.deepEqual(rest, []);
    assert.deepEqual(summaryLines([{ ...result, scored: [all[0]] }]).length, 1, 'no agents line without agents');
    const csv = validationCsv([result]).split('\n');
    const col = csv[0].split(',').indexOf('subjects');
    assert.ok(col >= 0);
    assert.deepEqual(
      csv.slice(1, 4).map((row) => row.split(',')[col]),
      ['people', 'agents', 'agents'],
    );
  });
});

describe('validate verdicts: `subjects` in a reference file', () => {
  const base = { id: 'x', title: 'X', scenario: 'x.society' };
  const raw = { id: 'f', label: 'F', metric: 'm', condition: 'c', human: 0.5, band: [0.4, 0.6], n: '1', source: 's' };

  it('defaults to people, takes the entry’s, and a figure’s own over it', () => {
    const e = parseReference(
      'x.reference.json',
      JSON.stringify({ ...base, subjects: 'agents', figures: [raw, { ...raw, id: 'g', subjects: 'people' }] }),
    );
    assert.deepEqual(
      e.figures.map((f) => f.subjects),
      ['agents', 'people'],
    );
    const plain = parseReference('x.reference.json', JSON.stringify({ ...base, figures: [raw] }));
    assert.equal(plain.figures[0].subjects, 'people');
  });

  it('refuses a bad value with the file and the field', () => {
    assert.throws(
      () => parseReference('x.reference.json', JSON.stringify({ ...base, subjects: 'bots', figures: [raw] })),
      /^Error: x\.reference\.json: subjects: must be "people" or "agents", not "bots"$/,
    );
    assert.throws(
      () =>
        parseReference(
          'x.reference.json',
          JSON.stringify({ ...base, figures: [raw, { ...raw, id: 'g', subjects: 1 }] }),
        ),
      /x\.reference\.json: figures\[1\]\.subjects: must be "people" or "agents", not 1/,
    );
  });

  it('refuses a vs between two equal published values: there is no direction to reproduce', () => {
    assert.throws(
      () =>
        parseReference('x.reference.json', JSON.stringify({ ...base, figures: [raw, { ...raw, id: 'g', vs: 'f' }] })),
      /x\.reference\.json: figure g\.vs: 'f' has the same value \(0\.5\)/,
    );
  });
});
