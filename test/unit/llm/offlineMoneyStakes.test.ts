// Issue 85, stakes on a money scale: a quantity may say what one unit is worth (`worth_usd`), and
// where it does the offline model weighs envy against money by the stake's size in dollars
// (llm/offline/stakes.ts). Checked where written; a pie of $1,000 draws fewer rejections of the same
// low offers than a pie of $10 (Slonim & Roth 1998; Andersen et al. 2011), paired by seed; the push
// is named in the trace; at $10 or less, or without the declaration, the choices are today's.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { completionsAt, NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { applyWorldOverrides } from '../../../src/core/experiment/worldOverrides';
import type { Scenario } from '../../../src/core/format/model/model';
import { meanInterval } from '../../../src/core/stats/meanInterval';
import { actValues, dollars } from '../../../src/core/llm/prompts/values';
import { envyAt } from '../../../src/core/llm/offline/stakes';
import { runToText } from '../../support/runToText';
import { actRequest } from '../../support/actRequests';
import { traceLines } from '../engine/traceHelpers';
import type { ActionEvent } from '../../../src/core/trace/actionEvents';
import { cursorIn, textAt } from '../format/editorFixtures';

const LOW_OFFERS = path.join(__dirname, '../../fixtures/stakes/ultimatum-low-offers.society');
const ULTIMATUM = path.join(__dirname, '../../../validation/ultimatum.society');
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The scenario with its tokens worth `worth` dollars each (undefined: no worth declared). */
async function at(file: string, worth: number | undefined): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(file);
  assert.ok(scenario);
  const sc = structuredClone(scenario) as Scenario;
  // As an experiment condition sets it (`state.agents.tokens.worth_usd: 100`).
  if (worth !== undefined) assert.deepEqual(applyWorldOverrides(sc, { 'state.agents.tokens.worth_usd': worth }), []);
  else delete sc.mechanics!.agents.find((q) => q.name === 'tokens')!.worth_usd;
  return sc;
}

type Action = ActionEvent;

async function actions(sc: Scenario, seed: number): Promise<Action[]> {
  const { trace } = await runToText({ ...sc, seed });
  return traceLines(trace).filter((e) => e.type === 'action') as Action[];
}

/** Per seed: the share of offers rejected and the mean share of the pie offered. */
async function figures(sc: Scenario): Promise<{ rejected: number[]; offered: number[]; decisions: Action[] }> {
  const rejected: number[] = [],
    offered: number[] = [],
    decisions: Action[] = [];
  for (const seed of SEEDS) {
    const events = await actions(sc, seed);
    const answers = events.filter((e) => e.action === 'accept' || e.action === 'reject');
    const offers = events.filter((e) => e.action === 'propose').map((e) => (e.args.amount as number) / 10);
    rejected.push(answers.filter((e) => e.action === 'reject').length / answers.length);
    offered.push(offers.reduce((a, b) => a + b, 0) / offers.length);
    decisions.push(...answers);
  }
  return { rejected, offered, decisions };
}

const paired = (a: number[], b: number[]) => meanInterval(b.map((x, i) => x - a[i]));

describe('offline stakes on a money scale (issue 85)', function () {
  let ten: Awaited<ReturnType<typeof figures>>, thousand: Awaited<ReturnType<typeof figures>>;
  before(async () => {
    ten = await figures(await at(LOW_OFFERS, 1));
    thousand = await figures(await at(LOW_OFFERS, 100));
  });

  it('a pie worth $1,000 draws fewer rejections of the same low offers than one worth $10, paired by seed', () => {
    const d = paired(ten.rejected, thousand.rejected);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `      rejected at $10 ${mean(ten.rejected)}, at $1,000 ${mean(thousand.rejected)}, ${JSON.stringify(d)}`,
    );
    // The offers are the same (1 to 3 of 10, the proposers held to the middle): only the stake differs.
    assert.ok(Math.abs(mean(ten.offered) - mean(thousand.offered)) < 0.01);
    assert.ok(d.high! < 0, `difference ${d.mean} [${d.low}, ${d.high}]`);
  });

  it('names the push where it moved a choice, and the reason states its size and the stake', () => {
    const moved = thousand.decisions.filter((e) => e.pushes?.some((p) => p.rule === 'stakes'));
    assert.ok(moved.length >= thousand.decisions.length / 3, `${moved.length} of ${thousand.decisions.length}`);
    for (const e of moved) {
      const size = e.pushes!.find((p) => p.rule === 'stakes')!.size;
      const clause =
        /; with \$([\d,]+) at stake, ending behind weighed (\d+)% of what it does at \$10, which moved me (toward|away from) this by ([\d.]+)$/.exec(
          e.reason ?? '',
        );
      assert.ok(clause, e.reason);
      assert.equal(Number(clause[4]), Math.abs(size));
      // The stake is the most any option moves (the proposer's keep of 7 to 9) at $100 a token; envy weighs 1/m of it.
      const stake = Number(clause[1].replace(/,/g, ''));
      assert.ok(stake >= 700 && stake <= 900, e.reason);
      assert.equal(Number(clause[2]), Math.round(100 * envyAt(stake)));
      assert.equal(clause[3], size > 0 ? 'toward' : 'away from');
      // Less envy makes accepting a low offer better: the push is toward accepting, away from rejecting.
      assert.equal(size > 0, e.action === 'accept', e.reason);
    }
    assert.equal(ten.decisions.filter((e) => e.pushes?.some((p) => p.rule === 'stakes')).length, 0);
  });

  it('at a stake of $10 or less, and without the declaration, every choice is as today', async () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const none = await actions(await at(LOW_OFFERS, undefined), seed);
      assert.deepEqual(await actions(await at(LOW_OFFERS, 1), seed), none);
      assert.ok(none.every((e) => !/at stake/.test(e.reason ?? '')));
    }
  });

  it('a stake past floating point is weighed as the largest one, never as NaN', async () => {
    // 1e308 dollars a token times a change of 9 is Infinity: the sizes were NaN (null in the trace).
    const events = await actions(await at(LOW_OFFERS, 1e308), 1);
    for (const e of events) for (const p of e.pushes ?? []) assert.ok(Number.isFinite(p.size), JSON.stringify(e));
    assert.ok(events.some((e) => (e.reason ?? '').includes('with $1,000,000,000 or more at stake')));
  });

  it('proposers offer a little less of a pie worth $1,000 (they foresee fewer rejections)', async () => {
    const small = await figures(await at(ULTIMATUM, 1)),
      large = await figures(await at(ULTIMATUM, 100));
    const d = paired(small.offered, large.offered);
    console.log(`      offer share difference ${JSON.stringify(d)}`);
    assert.ok(d.high! < 0 && d.low! > -0.1, `difference ${d.mean} [${d.low}, ${d.high}]`);
  });
});

describe('worth_usd: what a unit of a quantity is worth', () => {
  const file = path.resolve('/virtual/stakes/s.society');
  const world = (worth: string) =>
    [
      'kind: scenario',
      'name: S',
      'personas:',
      '  - { id: ana, name: Ana }',
      '  - { id: bo, name: Bo }',
      'state:',
      '  agents:',
      `    coins: { initial: 5, valued: true, worth_usd: ${worth} }`,
      'actions:',
      '  earn:',
      '    description: Earn a coin.',
      '    effects:',
      '      me.coins: "me.coins + 1.0"',
      '',
    ].join('\n');
  async function told(worth: string, condition?: string) {
    const text = condition
      ? `${world('1')}experiment:\n  conditions:\n    - { name: large, set: { state.agents.coins.worth_usd: ${condition} } }\n`
      : world(worth);
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(file, text);
    const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file);
    return {
      said: r.diagnostics.map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${d.code}`,
      ),
      scenario: r.scenario,
    };
  }

  it('a worth above 0 checks clean and is built into the quantity', async () => {
    const { said, scenario } = await told('0.01');
    assert.deepEqual(said, []);
    assert.equal(scenario?.mechanics?.agents[0].worth_usd, 0.01);
  });

  it('a negative, zero or non-finite worth is an error where it is written', async () => {
    assert.deepEqual((await told('-2')).said, ['8:51 <<-2>> SOC013']);
    assert.deepEqual((await told('0')).said, ['8:51 <<0>> SOC013']);
    assert.deepEqual((await told('.inf')).said, ['8:51 <<.inf>> SOC076']);
    assert.deepEqual((await told('"ten"')).said, ['8:51 <<"ten">> SOC012']);
  });

  it('an experiment condition may set it, checked as where it is declared', async () => {
    assert.deepEqual((await told('1', '100')).said, []);
    assert.deepEqual((await told('1', '-1')).said, ['16:59 <<-1>> SOC013']);
    assert.deepEqual((await told('1', '.nan')).said, ['16:59 <<.nan>> SOC076']);
    const { scenario } = await told('1');
    const sc = structuredClone(scenario!);
    assert.deepEqual(applyWorldOverrides(sc, { 'state.agents.coins.worth_usd': 0 }), [
      "'state.agents.coins.worth_usd' must be > 0, found 0",
    ]);
  });

  it('is offered among a quantity’s keys, and LLM agents are told it', () => {
    const { lines, position } = cursorIn('kind: scenario\nstate:\n  agents:\n    coins:\n      |');
    const offered = completionsAt(lines, position, { personas: () => [], models: () => [], includes: () => [] });
    assert.match(offered.find((i) => i.label === 'worth_usd')?.documentation ?? '', /US dollars/);
    const values = actValues(actRequest([], { own: [{ name: 'coins', value: 5, worth: 0.01 }] }));
    assert.ok(Object.values(values).some((v) => v.includes('- coins: 5 [one is worth $0.01]')));
    // Written as a person writes money, never in e-notation.
    assert.deepEqual([1e-7, 0.0123456, 0.5, 1234.5678, 2e9].map(dollars), [
      '$0.0000001',
      '$0.0123',
      '$0.5',
      '$1,234.57',
      '$2,000,000,000',
    ]);
  });
});
