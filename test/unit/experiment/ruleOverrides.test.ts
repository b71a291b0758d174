// Issue 44, point 3: experiment conditions set the society's rules — a feed's rank weights, a
// phase's `when`/`who`/`order`/`actions`, an action's `when`, effects and arguments — on the copy
// a condition runs (experiment/structureOverrides.ts), checked as the editor checks them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format';
import { scratchDir } from '../../support/scratch';
import { withOverrides } from '../../../src/core/experiment/overrides';
import type { ActPhase } from '../../../src/core/format/model/mechanics';
import { example, scenarioFromText, traceOf } from '../engine/traceHelpers';

const SCENARIO = `kind: scenario
name: rules
population:
  - { group: townsfolk, count: 3, id_prefix: t }
  - { group: wardens, count: 1, id_prefix: w }
world: { rounds: 3 }
state:
  world:
    fish: { initial: 50, min: 0 }
  agents:
    catch: { initial: 0, min: 0 }
feeds:
  timeline:
    rank: { recency: 1, likes: 0 }
actions:
  fish:
    description: Fish.
    args: { tonnes: { type: number, min: 0.5, max: 3 } }
    when: "world.fish > 0.0"
    effects:
      world.fish: "world.fish - min(args.tonnes, world.fish)"
      me.catch: "me.catch + min(args.tonnes, world.fish)"
  post:
    description: Post.
    post: timeline
  rest:
    description: Rest.
round:
  - phase: work
    actions: [fish, rest]
  - phase: talk
    actions: [post, rest]
    who: [townsfolk]
  - learn
`;

describe('experiment conditions set feeds, phases and actions (issue 44: 3)', () => {
  it('sets a feed rank weight, a phase field, an action when, an effect and an argument bound on a copy', async () => {
    const sc = await scenarioFromText(SCENARIO);
    const c = withOverrides(sc, {
      'feeds.timeline.rank.likes': 2,
      'feeds.timeline.shows': 3,
      'round.work.when': 'round % 2 == 1',
      'round.talk.who': ['wardens'],
      'round.talk.order': 'sequential',
      'round.work.actions': ['fish'],
      'round.learn.when': 'mean(agents.map(a, a.catch)) > 0.0',
      'actions.fish.when': 'world.fish > 10.0',
      'actions.fish.effects.me.catch': 'me.catch + 2.0 * min(args.tonnes, world.fish)',
      'actions.fish.args.tonnes.max': 5,
    });
    const feed = c.mechanics!.feeds![0];
    assert.equal(feed.rank.likes, 2);
    assert.equal(feed.shows, 3);
    const [work, talk, learn] = c.round!;
    assert.equal(work.when, 'round % 2 == 1');
    assert.deepEqual((work as ActPhase).actions, ['fish']);
    assert.deepEqual((talk as ActPhase).who, ['wardens']);
    assert.equal((talk as ActPhase).order, 'sequential');
    assert.equal(learn.when, 'mean(agents.map(a, a.catch)) > 0.0');
    const fish = c.mechanics!.actions.find((a) => a.name === 'fish')!;
    assert.equal(fish.when, 'world.fish > 10.0');
    assert.equal(
      fish.effects.find((e) => e.target === 'me.catch')!.expression,
      'me.catch + 2.0 * min(args.tonnes, world.fish)',
    );
    assert.equal(fish.args[0].max, 5);
    // The scenario itself is untouched.
    assert.equal(sc.mechanics!.feeds![0].rank.likes, 0);
    assert.equal(sc.round![0].when, undefined);
    assert.equal(sc.mechanics!.actions[0].when, 'world.fish > 0.0');
  });

  it('names a path the scenario does not have, a value of the wrong kind, and an expression that does not check', async () => {
    const sc = await scenarioFromText(SCENARIO);
    assert.throws(
      () => withOverrides(sc, { 'feeds.timeline.rank.lkes': 1 }),
      /names no feed, phase or action field.*Did you mean 'feeds\.timeline\.rank\.likes'/,
    );
    assert.throws(() => withOverrides(sc, { 'actions.fsh.when': 'true' }), /Did you mean 'actions\.fish\.when'/);
    assert.throws(
      () => withOverrides(sc, { 'round.talk.order': 'sideways' }),
      /'round\.talk\.order' must be equal to one of the allowed values/,
    );
    assert.throws(
      () => withOverrides(sc, { 'feeds.timeline.rank.likes': 'lots' }),
      /'feeds\.timeline\.rank\.likes' must be number/,
    );
    assert.throws(
      () => withOverrides(sc, { 'actions.fish.when': 'world.fish' }),
      /'actions\.fish\.when': gives double, where a condition/,
    );
    assert.throws(() => withOverrides(sc, { 'round.work.when': 'me.catch > 0.0' }), /'round\.work\.when'/);
    assert.throws(() => withOverrides(sc, { 'actions.fish.effects.world.fish': 'world.fsh' }), /No such key: fsh/);
  });

  it('a bound the scenario writes as an expression is replaced by the one the condition sets (issue 70)', async () => {
    const sc = await scenarioFromText(SCENARIO.replace('max: 3 }', 'max: "world.fish * 0.1" }'));
    const tonnes = async (set: Record<string, unknown>) =>
      (await traceOf(withOverrides(sc, set)))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string; action?: string; args?: { tonnes: number } })
        .filter((e) => e.type === 'action' && e.action === 'fish')
        .map((e) => e.args!.tonnes);
    const asWritten = await tonnes({});
    assert.ok(
      asWritten.some((t) => t > 1.5),
      `as written some fish more than 1.5 t: ${asWritten.join(', ')}`,
    );
    const capped = await tonnes({ 'actions.fish.args.tonnes.max': 1 });
    assert.ok(capped.length > 0 && capped.every((t) => t <= 1), `max: 1 holds: ${capped.join(', ')}`);
    // An expression for a number, and back: the field the condition sets is the one the run reads.
    const byExpression = withOverrides(await scenarioFromText(SCENARIO), {
      'actions.fish.args.tonnes.max': 'world.fish * 0.02',
    });
    const fish = byExpression.mechanics!.actions.find((a) => a.name === 'fish')!.args[0];
    assert.deepEqual([fish.max, fish.maxExpression], [undefined, 'world.fish * 0.02']);
    const shares = await tonnes({ 'actions.fish.args.tonnes.max': 'world.fish * 0.02' });
    assert.ok(
      shares.every((t) => t <= 1),
      `max: world.fish * 0.02 holds: ${shares.join(', ')}`,
    );
    assert.throws(
      () => withOverrides(sc, { 'actions.fish.args.tonnes.max': 'world.fsh * 0.1' }),
      /'actions\.fish\.args\.tonnes\.max': .*fsh/,
    );
    assert.throws(
      () => withOverrides(sc, { 'actions.fish.args.tonnes.min': 'world.fish > 1.0' }),
      /'actions\.fish\.args\.tonnes\.min'/,
    );
  });

  it("`check` reads a bound a condition sets as an expression in the actor's scope", async () => {
    const file = path.join(scratchDir('society-rule-bound-'), 'bound.society');
    fs.writeFileSync(
      file,
      SCENARIO +
        'experiment:\n  conditions:\n    - { name: capped, set: { actions.fish.args.tonnes.max: "world.fsh * 0.1" } }\n',
    );
    const { diagnostics } = await loadScenarioFile(file, { root: path.dirname(file) });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(diagnostics));
    assert.match(errors[0].message, /Unknown world quantity 'fsh'/);
    assert.equal(errors[0].range.start.line, SCENARIO.split('\n').length + 1, 'at the condition that sets it');
  });

  it('the run reads what the condition set: a phase that no longer runs, an action no longer on offer', async () => {
    const sc = await scenarioFromText(SCENARIO);
    const actions = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string; action?: string; phase?: string })
        .filter((e) => e.type === 'action');
    const asWritten = actions(await traceOf(sc));
    assert.ok(asWritten.some((e) => e.phase === 'work'));
    const off = actions(await traceOf(withOverrides(sc, { 'round.work.when': 'false', 'actions.post.when': 'false' })));
    assert.ok(!off.some((e) => e.phase === 'work'), 'the work phase never runs');
    assert.ok(!off.some((e) => e.action === 'post'), 'nobody posts');
  });

  it("a phase's actions set by group (or back to a list) are what the run offers each group", async () => {
    const sc = await scenarioFromText(SCENARIO);
    const takers = async (set: Record<string, unknown>) => {
      const events = (await traceOf(withOverrides(sc, set)))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { type: string; action?: string; phase?: string; agent?: string });
      const work = events.filter((e) => e.type === 'action' && e.phase === 'work');
      return new Set(work.map((e) => `${e.agent?.[0]}:${e.action}`));
    };
    // A list phase given lists by group: wardens may only rest, townsfolk only fish.
    const byGroup = await takers({ 'round.work.actions': { townsfolk: ['fish'], wardens: ['rest'] } });
    assert.deepEqual([...byGroup].sort(), ['t:fish', 'w:rest']);
    // A phase by group given other lists by group: the condition's, not the scenario's.
    const grouped = await scenarioFromText(
      SCENARIO.replace('actions: [fish, rest]', 'actions: { townsfolk: [fish], wardens: [rest] }'),
    );
    const swapped = withOverrides(grouped, { 'round.work.actions': { townsfolk: ['rest'], wardens: ['fish'] } });
    const work = swapped.round!.find((p) => p.name === 'work') as ActPhase;
    assert.deepEqual(work.byGroup, { townsfolk: ['rest'], wardens: ['fish'] });
    const listed = withOverrides(grouped, { 'round.work.actions': ['rest'] });
    assert.equal((listed.round!.find((p) => p.name === 'work') as ActPhase).byGroup, undefined);
    assert.throws(
      () => withOverrides(sc, { 'round.work.actions': { townsfolk: ['fish'], wardns: ['rest'] } }),
      /gives actions to group 'wardns', which no population group or persona has\. Did you mean 'wardens'/,
    );
    assert.throws(
      () => withOverrides(sc, { 'round.work.actions': { townsfolk: ['fsh'] } }),
      /names action 'fsh', which the scenario does not declare/,
    );
  });

  it('the feed example runs both rankings of one timeline as two conditions, each applied', async () => {
    const sc = await example('feed-ranking/feed-ranking.society');
    const [chronological, popular] = sc.experiment!.conditions!.map((c) => withOverrides(sc, c.set));
    assert.deepEqual(
      [chronological, popular].map((s) => s.mechanics!.feeds![0].rank.likes),
      [0, 2],
    );
    assert.equal(sc.mechanics!.actions.filter((a) => a.name === 'like').length, 1, 'no action declared twice');
  });
});
