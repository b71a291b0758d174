// `society validate` (issue 57): reference files, band classification, and a tiny library entry
// run end to end through the experiment machinery.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  classify,
  classifyDirection,
  directionAgainst,
  directionAgainstNumber,
  tally,
} from '../../../src/core/validation/classify';
import { parseReference, readLibrary, type ReferenceFigure } from '../../../src/core/validation/reference';
import { validateLibrary } from '../../../src/core/validation/validate';
import { validationCsv, validationHtml, validationJson } from '../../../src/core/validation/report';
import { validateVaried, variedCsv, variedText } from '../../../src/core/validation/varied';
import type { Estimate } from '../../../src/core/experiment/statistics';

const figure = (over: Partial<ReferenceFigure> = {}): ReferenceFigure => ({
  id: 'a',
  label: 'A',
  metric: 'm',
  condition: 'c',
  human: 0.5,
  band: [0.4, 0.6],
  n: '10',
  source: 'paper, Table 1',
  subjects: 'people',
  ...over,
});
const est = (mean: number | null): Estimate => ({
  n: 3,
  mean,
  sd: 0.01,
  ci95: mean === null ? null : [mean - 0.01, mean + 0.01],
});

describe('society validate: classification', () => {
  // Per seed: the `lo` figure's values, and `hi`'s a clear step above them (every seed's difference near 0.25).
  const seeds = (xs: number[]) => new Map(xs.map((x, i) => [i + 1, x]));
  const loSeeds = seeds([0.2, 0.22, 0.18, 0.21, 0.19]);
  const above = directionAgainst(seeds([0.45, 0.48, 0.43, 0.46, 0.44]), loSeeds, 1);
  const below = directionAgainst(seeds([0.1, 0.12, 0.08, 0.11, 0.09]), loSeeds, 1);

  it('inside the band, direction right and backed only, near or far', () => {
    const hi = figure({ id: 'hi', human: 0.5, band: [0.4, 0.6], vs: 'lo' });
    const lo = figure({ id: 'lo', human: 0.2, band: [0.1, 0.3] });
    assert.equal(classify(hi, est(0.45), above).verdict, 'inside');
    assert.equal(classify(hi, est(0.35), above).verdict, 'direction');
    assert.equal(classify(hi, est(0.45), below).verdict, 'near', 'in band, wrong way: not inside');
    assert.equal(classify(lo, est(0.35)).verdict, 'near', 'one band width (0.2) outside at most');
    assert.equal(classify(lo, est(0.9)).verdict, 'far');
    assert.equal(classify(lo, est(null)).verdict, 'far', 'no value is no match');
    const t = tally([classify(lo, est(0.2)), classify(hi, est(0.35), above)]);
    assert.deepEqual(t, {
      inside: 1,
      total: 2,
      share: 0.5,
      directions: { right: 1, unbacked: 0, wrong: 0, total: 1 },
      unanswered: 0,
    });
  });

  it('a reference file with a figure outside its own band, or a dangling vs, is refused by name', () => {
    const base = { id: 'x', title: 'X', scenario: 'x.society' };
    assert.throws(
      () => parseReference('x.reference.json', JSON.stringify({ ...base, figures: [{ ...figure(), human: 0.9 }] })),
      /x\.reference\.json: figures\[0\]\.human: 0\.9 lies outside its band/,
    );
    assert.throws(
      () => parseReference('x.reference.json', JSON.stringify({ ...base, figures: [figure({ vs: 'nope' })] })),
      /no figure 'nope'/,
    );
    assert.throws(
      () =>
        parseReference('x.reference.json', JSON.stringify({ ...base, scenario: '../x.society', figures: [figure()] })),
      /scenario: must name a \.society file beside/,
    );
  });
});

describe('society validate: a tiny library entry', function () {
  it('runs the entry, scores its figures and writes CSV, JSON and HTML', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
    const scenario = [
      'kind: scenario',
      'name: Tiny giving',
      'seed: 1',
      'population:',
      '  - { group: p, count: 4, names: [A, B, C, D] }',
      'world: { rounds: 3 }',
      'state:',
      '  world:',
      '    pot: { initial: 0, min: 0, update: "0.0" }',
      '    given: { initial: 0, min: 0, valued: false, update: "world.pot / (double(n) * 10.0)" }',
      '  agents:',
      '    coins: { initial: 10, min: 0, update: "10.0" }',
      'actions:',
      '  give:',
      '    description: Put coins in the pot.',
      '    args: { amount: { type: number, min: 0, max: 10 } }',
      '    effects: { me.coins: "me.coins - args.amount", world.pot: "world.pot + args.amount" }',
      'experiment:',
      '  seeds: [1, 2]',
      '  metrics: [world.given.at.r1, world.given.at.r3]',
      '  conditions:',
      '    - { name: base, set: { state.world.pot.initial: 0 } }',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'tiny.society'), scenario);
    const reference = {
      id: 'tiny',
      title: 'Tiny giving',
      scenario: 'tiny.society',
      figures: [
        figure({ id: 'r1', metric: 'world.given.at.r1', condition: 'base', human: 0.5, band: [0, 1] }),
        figure({ id: 'r3', metric: 'world.given.at.r3', condition: 'base', human: 0.2, band: [0, 1], vs: 'r1' }),
      ],
      series: [
        {
          metric: 'world.given',
          condition: 'base',
          source: 'made up for the test',
          points: [{ round: 1, value: 0.5 }],
        },
      ],
    };
    const varied = {
      conditions: [
        { name: 'max 10', set: { 'actions.give.args.amount.max': 10 } },
        { name: 'max 2', set: { 'actions.give.args.amount.max': 2 } },
      ],
      claims: [
        {
          metric: 'world.given.at.r1',
          higher: 'max 10',
          than: 'max 2',
          text: 'More is given when more may be given',
          source: 'made up for the test',
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'tiny.reference.json'), JSON.stringify({ ...reference, varied }));
    const entries = readLibrary(dir);
    const out = path.join(dir, 'out');
    const results = await validateLibrary(entries, { dir, outDir: out, seeds: [1, 2], jobs: 1 });
    const [r] = results;
    assert.equal(r.scored.length, 2);
    assert.equal(r.scored[0].simulated.n, 2);
    const m = r.scored[0].simulated.mean!;
    assert.ok(m > 0 && m < 1, `round 1 given ${m}`);
    assert.equal(r.scored[0].verdict, 'inside');
    assert.equal(r.series[0].rounds.length > 0, true);
    assert.match(validationCsv(results), /^entry,figure,label/);
    assert.equal(JSON.parse(validationJson(results, 'offline')).summary.people.total, 2);
    // Each series drawn as the experiment report draws one: the simulated mean in its CI band, the people's line, a legend.
    const page = validationHtml(results, 'offline');
    assert.match(page, /<svg[^>]*aria-label="[^"]+ over rounds"/);
    assert.match(page, /<polygon points="[^"]+" fill="[^"]+" fill-opacity="0.18"/);
    assert.match(page, />simulated \(95% CI\)<\/text>/);
    assert.match(page, />people<\/text>/);

    // The varied game: its conditions in place of the entry's, its claim decided as a declared one.
    const [v] = await validateVaried(entries, { dir, outDir: out, seeds: [1, 2, 3], jobs: 1 });
    assert.equal(v.claims.length, 1);
    const [c] = v.claims;
    assert.equal(typeof c.claim.holds, 'boolean', c.claim.reason);
    assert.match(c.claim.evidence, /^max 10 − max 2 = /);
    assert.equal(c.claim.family, 'declared');
    assert.ok(['holds', 'inconclusive', 'fails'].includes(c.verdict.kind));
    assert.ok(fs.existsSync(path.join(out, 'tiny-varied', 'summary.csv')));
    assert.match(variedCsv([v]), /^entry,claim,metric/);
    assert.match(variedText([v], 'offline'), /More is given when more may be given: /);
  });

  it('refuses a varied claim on a condition the variations do not have, by name', () => {
    const base = { id: 'x', title: 'X', scenario: 'x.society', figures: [figure()] };
    const varied = {
      conditions: [{ name: 'a', set: {} }],
      claims: [{ metric: 'm', higher: 'a', than: 'b', text: 't', source: 's' }],
    };
    assert.throws(
      () => parseReference('x.reference.json', JSON.stringify({ ...base, varied })),
      /x\.reference\.json: varied\.claims\[0\]\.than: no varied condition 'b'/,
    );
  });
});

describe('society validate: direction-only figures', () => {
  const base = { id: 'x', title: 'X', scenario: 'x.society' };
  const dir = { id: 'd', label: 'D', metric: 'density', condition: 'coached', n: 'paper', source: 'paper' };

  it('reads higher_than / lower_than as a direction, and refuses one written with a value too', () => {
    const e = parseReference(
      'x.reference.json',
      JSON.stringify({
        ...base,
        figures: [
          { ...dir, higher_than: 'uncoached' },
          { ...dir, id: 'e', lower_than: 0 },
        ],
      }),
    );
    assert.deepEqual(e.figures[0].direction, { sign: 'higher', than: 'uncoached' });
    assert.deepEqual(e.figures[1].direction, { sign: 'lower', than: 0 });
    assert.throws(
      () =>
        parseReference(
          'x.reference.json',
          JSON.stringify({ ...base, figures: [{ ...dir, higher_than: 0, human: 0.5, band: [0, 1] }] }),
        ),
      /figures\[0\]: a figure has human and band, or higher_than/,
    );
    assert.throws(
      () => parseReference('x.reference.json', JSON.stringify({ ...base, figures: [{ ...dir, higher_than: true }] })),
      /higher_than: must be a condition name or a number/,
    );
  });

  it('is right, unbacked or wrong, never inside, and counts among directions, not in the band share', () => {
    const f = figure({ human: undefined, band: undefined, direction: { sign: 'higher', than: 0 } });
    const seeds = (xs: (number | null)[]) => new Map(xs.map((x, i) => [i + 1, x]));
    const judged = (xs: (number | null)[]) =>
      classifyDirection(f, est(null), 0, directionAgainstNumber(seeds(xs), 0, 1)).verdict;
    assert.equal(judged([0.2, 0.25, 0.18, 0.22]), 'direction');
    assert.equal(judged([-0.2, -0.25, -0.18, -0.22]), 'wrong');
    assert.equal(judged([0, 0, 0]), 'wrong', 'equal is not higher');
    assert.equal(judged([null, null]), 'wrong');
    const lower = figure({ human: undefined, band: undefined, direction: { sign: 'lower', than: 'other' } });
    const down = directionAgainst(seeds([0.1, 0.12, 0.09]), seeds([0.3, 0.31, 0.29]), -1);
    assert.equal(classifyDirection(lower, est(0.1), 0.3, down).verdict, 'direction');
    const right = directionAgainstNumber(seeds([0.2, 0.25, 0.18, 0.22]), 0, 1);
    const t = tally([classifyDirection(f, est(0.2), 0, right), classify(figure(), est(0.5))]);
    assert.deepEqual(t, {
      inside: 1,
      total: 1,
      share: 1,
      directions: { right: 1, unbacked: 0, wrong: 0, total: 1 },
      unanswered: 0,
    });
  });
});
