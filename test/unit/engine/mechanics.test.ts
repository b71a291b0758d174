// Declared world state and actions (`state:`, `actions:`) in the engine, on the commons example
// and small scenarios: the world phase is deterministic, conserves what its effects move, keeps
// every quantity within its bounds, resumes from a checkpoint to the same trace, records a failing
// expression as an error event instead of crashing, and experiments can vary the state and the
// population; the offline model's choice follows the persona's agreeableness and the scarcity of
// the shared quantity, not the action's name.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent } from '../../../src/core/trace/events';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { gini } from '../../../src/core/experiment/stateOutcomes';
import { act } from '../../../src/core/llm/offline/act';
import type { ActRequest } from '../../../src/core/llm/types';
import { stream } from '../../../src/core/random/rng';
import { scenarioFromText, traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { scratchDir } from '../../support/scratch';
import { WorldStateCollector } from '../../../src/core/analysis/report/worldStateSeries';
import { ConductBook } from '../../../src/core/engine/society/conduct';
import { brief } from '../../support/briefs';

const repo = path.resolve(__dirname, '../../..');
const commonsFile = path.join(repo, 'examples/commons/commons.society');
const events = (trace: string): TraceEvent[] =>
  trace
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TraceEvent)
    .filter((e) => e.type !== ('header' as string));

async function load(file: string): Promise<Scenario> {
  const { scenario, diagnostics } = await loadScenarioFile(file, { root: repo });
  assert.ok(
    scenario,
    diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n'),
  );
  return scenario;
}

async function commons(rounds = 12): Promise<Scenario> {
  const s = await load(commonsFile);
  return { ...s, world: { ...s.world, rounds } };
}

/** A scenario whose one action divides by zero (n - n) whenever it is taken; `tail` is appended. */
const dividesByZero = (rounds: number, tail = ''): string => `kind: scenario
name: broken
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: ${rounds} }
state:
  world:
    pot: { initial: 10, min: 0 }
actions:
  split:
    description: Split the pot by a count that is zero.
    effects:
      world.pot: "double(int(world.pot) / (n - n))"${tail}
`;

describe('world state and actions in the engine', function () {
  it('runs the commons deterministically: state every round, quantities in bounds, fish conserved', async () => {
    const sc = await commons();
    const a = await traceOf(sc);
    assert.equal(await traceOf(sc), a, 'same seed, same trace');
    const es = events(a);
    const states = es.filter((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state');
    assert.deepEqual(
      states.map((s) => s.round),
      Array.from({ length: 13 }, (_, i) => i),
    );
    assert.equal(Object.keys(states[0].agents).length, 20, 'round 0 lists every agent');
    const actions = es.filter((e): e is Extract<TraceEvent, { type: 'action' }> => e.type === 'action');
    assert.ok(actions.length >= 20, `actions: ${actions.length}`);
    assert.ok(
      actions.some((x) => x.action === 'fish'),
      'someone fished',
    );
    for (const s of states) assert.ok(s.world.fish >= 0 && s.world.fish <= 200, `fish ${s.world.fish}`);
    // What the fishers landed is what left the lake, action by action.
    for (const x of actions.filter((y) => y.action === 'fish')) {
      const [before, after] = x.changes['world.fish'] ?? [0, 0];
      const [c0, c1] = x.changes[`${x.agent}.catch`] ?? [0, 0];
      assert.ok(Math.abs(before - after - (c1 - c0)) < 1e-9, JSON.stringify(x));
    }
    // Each agent remembers what it did.
    const remembered = es.filter(
      (e) => e.type === 'memory' && /^I (fished|rested|reported|meant to)/.test(e.memory.text),
    );
    assert.equal(remembered.length, actions.length);
  });

  it("gives the report the state's course: the world per round, each agent quantity's mean and range", async () => {
    const es = events(await traceOf(await commons(6)));
    const c = new WorldStateCollector();
    for (const e of es) c.add(e);
    const series = c.finish(6)!;
    assert.deepEqual(series.rounds, [0, 1, 2, 3, 4, 5, 6]);
    const states = es.filter((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state');
    assert.deepEqual(
      series.world.fish,
      states.map((s) => s.world.fish),
    );
    const catch6 = series.agents.catch;
    assert.equal(catch6.mean[0], 0);
    assert.ok(catch6.min[6] <= catch6.mean[6] && catch6.mean[6] <= catch6.max[6] && catch6.max[6] > 0);
    assert.equal(new WorldStateCollector().finish(6), undefined, 'no state events, no section');
  });

  it('leaves a scenario without state or actions as it was: no world phase, no state events', async () => {
    const s = await load(path.join(repo, 'examples/friends/friends.society'));
    assert.equal(s.mechanics, undefined);
    const trace = await traceOf({ ...s, world: { ...s.world, rounds: 2 } });
    assert.ok(!/"type":"(state|action)"/.test(trace));
  });

  it('resumes from a checkpoint to the trace of an uninterrupted run', async () => {
    const sc = await commons(8);
    const whole = await runInto(scratchDir('society-mech-whole-'), sc);
    const dir = scratchDir('society-mech-resume-');
    await runInto(dir, sc, { stopAfter: 4 });
    const cp = JSON.parse(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8'));
    assert.ok(cp.world_state && typeof cp.world_state.world.fish === 'number', 'the checkpoint holds the state');
    assert.equal(await runInto(dir, sc, { resume: true }), whole);
  });

  it('records an expression that fails while running as an error event, and goes on', async () => {
    const sc = await scenarioFromText(dividesByZero(2));
    const es = events(await traceOf(sc));
    const errors = es.filter((e) => e.type === 'error' && e.reason === 'expression');
    assert.ok(errors.length > 0, 'error events');
    assert.match(
      (errors[0] as { message: string }).message,
      /actions\.split\.effects\.world\.pot: .*division by zero/i,
    );
    assert.equal(es.filter((e) => e.type === 'round_end').length, 3, 'the run went on');
  });

  it('names the declared phase an expression failed in (issue 41: 4; was world)', async () => {
    const sc = await scenarioFromText(dividesByZero(1, '\nround:\n  - { phase: share }'));
    const errors = events(await traceOf(sc)).filter((e) => e.type === 'error' && e.reason === 'expression');
    assert.ok(errors.length > 0, 'error events');
    for (const e of errors) assert.equal((e as { phase?: string }).phase, 'share');
  });

  it('lets experiment conditions set a quantity and a population distribution; names a wrong path, refuses NaN and Infinity', async () => {
    const sc = await commons();
    const rich = withOverrides(sc, {
      'state.world.fish.initial': 180,
      'population.fishers.traits.agreeableness': { normal: { mean: 0.8, sd: 0.1 }, min: 0, max: 1 },
    });
    assert.equal(rich.mechanics!.world[0].initial, 180);
    assert.deepEqual(rich.population[0].traits.agreeableness, { normal: { mean: 0.8, sd: 0.1 }, min: 0, max: 1 });
    assert.equal(sc.mechanics!.world[0].initial, 120, 'the scenario itself is untouched');
    assert.throws(() => withOverrides(sc, { 'state.world.fsh.initial': 1 }), /Unknown quantity 'fsh'.*fish/);
    for (const x of [NaN, Infinity, -Infinity]) {
      assert.throws(
        () => withOverrides(sc, { 'state.world.fish.max': x }),
        /'state\.world\.fish\.max' must be a finite number/,
      );
    }
    assert.throws(
      () => withOverrides(sc, { 'population.fisher.traits.openness': 0.5 }),
      /Unknown population group 'fisher'.*fishers/,
    );
  });

  it('offline: a prosocial agent spares a shared quantity only when it runs short; a selfish one takes', () => {
    const request = (agreeableness: number, fish: number): ActRequest => ({
      kind: 'act',
      key: 'k',
      round: 1,
      setting: '',
      memories: [],
      persona: brief({ agreeableness }),
      world: [{ name: 'stock', value: fish, min: 0, max: 200 }],
      own: [{ name: 'wealth', value: 0 }],
      others: [],
      actions: [],
      n: 20,
      // Named so that no rule could key on them.
      options: [
        { action: 'alpha', args: { x: 3 }, changes: { 'world.stock': -3, 'me.wealth': 3 } },
        { action: 'beta', args: {}, changes: {} },
      ],
    });
    const share = (agreeableness: number, fish: number): number => {
      let taken = 0;
      for (let i = 0; i < 200; i++) {
        if (act(request(agreeableness, fish), stream(1, 't', i)).action === 'alpha') taken++;
      }
      return taken / 200;
    };
    assert.ok(share(0.2, 20) > 0.8, 'selfish takes even when short');
    assert.ok(share(0.9, 190) > 0.6, 'prosocial takes from plenty');
    assert.ok(share(0.9, 20) < 0.2, 'prosocial spares a scarce stock');
  });

  it('keeps conduct: taking is negative, giving positive, sanctioning a taker is not held against anyone', () => {
    const book = new ConductBook();
    const action = (
      agent: string,
      changes: Record<string, [number, number]>,
    ): Extract<TraceEvent, { type: 'action' }> => ({
      type: 'action',
      round: 1,
      agent,
      action: 'x',
      args: {},
      changes,
    });
    const all = (): boolean => true;
    book.add(action('ana', { 'world.fish': [100, 97], 'ana.catch': [0, 3] }), all);
    book.add(action('bo', { 'world.fish': [97, 96], 'bo.catch': [0, 1] }), all);
    book.add(action('cy', { 'dee.wealth': [0, 2], 'cy.wealth': [5, 3] }), all);
    book.close();
    assert.equal(book.conductOf('ana'), -1);
    assert.ok(Math.abs(book.conductOf('bo') + 1 / 3) < 1e-12);
    assert.ok(Math.abs(book.conductOf('cy') - 2 / 3) < 1e-12);
    assert.equal(book.conductOf('dee'), 0, 'did nothing');
    // Next round: cy fines ana (a taker) and ana fines cy (a giver).
    book.add(action('cy', { 'ana.catch': [3, 1], 'cy.wealth': [3, 2.5] }), all);
    book.add(action('ana', { 'cy.wealth': [2.5, 0.5], 'ana.catch': [1, 0.5] }), all);
    book.close();
    assert.equal(book.conductOf('cy'), 0, 'fining a taker is no transgression');
    assert.equal(book.conductOf('ana'), -1, 'fining a giver is');
    assert.equal(book.pressureOn('ana'), 1);
    assert.equal(book.pressureOn('cy'), 1);
    assert.deepEqual(ConductBook.fromJSON(book.toJSON()).toJSON(), book.toJSON());
  });

  it('offline: a conscientious agent sanctions one whose last action took, and a sanctioned agent holds back', () => {
    const base = (conscientiousness: number, conduct: number, pressure = 0): ActRequest => ({
      kind: 'act',
      key: 'k',
      round: 2,
      setting: '',
      memories: [],
      persona: {
        id: 'me',
        name: 'Me',
        interests: [],
        traits: { openness: 0.5, conscientiousness, extraversion: 0.5, agreeableness: 0.3, neuroticism: 0 },
        motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
      },
      world: [{ name: 'stock', value: 60, min: 0, max: 200 }],
      own: [{ name: 'wealth', value: 5 }],
      others: [{ id: 'x', name: 'X', tie: 0, state: {}, conduct }],
      pressure,
      actions: [],
      n: 2,
      options: [
        { action: 'take', args: {}, changes: { 'world.stock': -3, 'me.wealth': 3 } },
        { action: 'fine', args: { who: 'x' }, changes: { 'x.wealth': -2, 'me.wealth': -0.5 } },
        { action: 'wait', args: {}, changes: {} },
      ],
    });
    const share = (req: ActRequest, action: string): number => {
      let n = 0;
      for (let i = 0; i < 200; i++) if (act(req, stream(2, 't', i)).action === action) n++;
      return n / 200;
    };
    assert.ok(share(base(0.9, -1), 'fine') > share(base(0.9, 0), 'fine') + 0.2, 'fines a taker more than a bystander');
    assert.ok(share(base(0.1, -1), 'fine') < share(base(0.9, -1), 'fine'), 'the conscientious fine more');
    assert.ok(share(base(0.5, 0, 1), 'take') < share(base(0.5, 0, 0), 'take'), 'pressure holds back');
  });

  it('offline: the open copy what a peer who is doing better did last round', () => {
    const req = (openness: number, ahead: number): ActRequest => ({
      kind: 'act',
      key: 'k',
      round: 3,
      setting: '',
      memories: [],
      persona: {
        id: 'me',
        name: 'Me',
        interests: [],
        traits: { openness, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0 },
        motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
      },
      world: [],
      own: [],
      others: [{ id: 'x', name: 'X', tie: 0, state: {}, last: 'beta', ahead }],
      actions: [],
      n: 2,
      options: [
        { action: 'alpha', args: {}, changes: {} },
        { action: 'beta', args: {}, changes: {} },
      ],
    });
    const beta = (r: ActRequest): number => {
      let n = 0;
      for (let i = 0; i < 400; i++) if (act(r, stream(3, 't', i)).action === 'beta') n++;
      return n / 400;
    };
    assert.ok(beta(req(0.9, 1)) > 0.8, 'open, and the peer is ahead: copies');
    assert.ok(Math.abs(beta(req(0.9, -1)) - 0.5) < 0.1, 'the peer is behind: no pull');
    assert.ok(Math.abs(beta(req(0, 1)) - 0.5) < 0.1, 'closed: no pull');
  });

  it('replaces the least fit with children of the fittest at each generation, who inherit their lessons', async () => {
    const sc = await load(path.join(repo, 'examples/donor-game/donor-game.society'));
    const trace = await traceOf({ ...sc, world: { ...sc.world, rounds: 10 } });
    const es = events(trace);
    const removed = es.filter((e): e is Extract<TraceEvent, { type: 'agent_removed' }> => e.type === 'agent_removed');
    const added = es.filter(
      (e): e is Extract<TraceEvent, { type: 'agent_added' }> => e.type === 'agent_added' && e.reason === 'generation',
    );
    // Rounds 5 and 10 end generations; after the last round nobody is replaced.
    assert.deepEqual(
      removed.map((e) => [e.round, e.reason]),
      Array.from({ length: 5 }, () => [5, 'generation']),
    );
    assert.equal(added.length, 5);
    // The leavers were the poorest at round 5's end; the parents the richest.
    const state5 = es.find((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state' && e.round === 5)!;
    const wealthAt5 = new Map<string, number>();
    for (const s of es.filter((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state' && e.round <= 5)) {
      for (const [id, v] of Object.entries(s.agents)) wealthAt5.set(id, v.wealth);
    }
    assert.ok(state5);
    const ranked = [...wealthAt5].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    assert.deepEqual(
      removed.map((e) => e.agent),
      ranked.slice(0, 5),
    );
    assert.deepEqual(
      added.map((e) => e.parent),
      ranked.slice(-5).reverse(),
    );
    for (const e of added) {
      assert.match(e.agent.id, /^v\d+_g1$/);
      assert.match(e.agent.name, /\(generation 2\)$/);
      assert.ok(e.agent.memories.every((m) => m.text.startsWith('What ')));
    }
    assert.ok(
      added.some((e) => e.agent.memories.length > 0),
      'children start with their parents lessons',
    );
    // The children act in the next generation and start at the initial values.
    const childIds = new Set(added.map((e) => e.agent.id));
    const state6 = es.find((e): e is Extract<TraceEvent, { type: 'state' }> => e.type === 'state' && e.round === 6)!;
    for (const id of childIds) assert.ok(id in state6.agents);
    assert.ok(es.some((e) => e.type === 'action' && childIds.has(e.agent)));
  });

  it('resumes a run with generations to the uninterrupted trace', async () => {
    const sc = await load(path.join(repo, 'examples/donor-game/donor-game.society'));
    const short = { ...sc, world: { ...sc.world, rounds: 8 } };
    const whole = await runInto(scratchDir('society-gen-whole-'), short);
    const dir = scratchDir('society-gen-resume-');
    await runInto(dir, short, { stopAfter: 6 });
    assert.equal(await runInto(dir, short, { resume: true }), whole);
  });

  it('measures inequality with the Gini coefficient', () => {
    assert.equal(gini([1, 1, 1, 1]), 0);
    assert.ok(Math.abs(gini([0, 0, 0, 4])! - 0.75) < 1e-12);
    assert.ok(Math.abs(gini([1, 2, 3, 4])! - 0.25) < 1e-12);
    assert.equal(gini([]), null);
  });
});
