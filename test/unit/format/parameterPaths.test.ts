// What a `set:` may name (issue 42: 7). A condition's dotted path the experiment cannot vary is
// SOC054 saying which path, why, and the paths that can be varied, nearest first, in a line the
// Problems panel shows whole; never "use a dotted parameter path" of a path that is dotted. The
// completion of `set:` keys offers exactly the paths the check accepts.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  completionsAt,
  NodeFileSystem,
  OverlayFileSystem,
  parseSociety,
  SocietyWorkspace,
  type CompletionSources,
  type Diagnostic,
} from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { listPaths, nearestPaths, settablePaths } from '../../../src/core/format/schema/parameterPaths';
import { cursorIn } from './editorFixtures';

const file = path.resolve('/virtual/parameterPaths/s.society');

/** A public goods game with punishment: the kind of society the newcomer wrote. */
const GAME = [
  'kind: scenario',
  'name: Public goods',
  'population:',
  '  - { group: citizens, count: 4 }',
  'state:',
  '  world:',
  '    pot: { initial: 0, min: 0 }',
  '    multiplier: { initial: 1.6 }',
  '    fine: { initial: 3, min: 0 }',
  '  agents:',
  '    wealth: { initial: 20, min: 0 }',
  'actions:',
  '  punish:',
  '    description: Pay one to fine another.',
  '    args: { who: { type: agent } }',
  '    effects:',
  '      who.wealth: "who.wealth - world.fine"',
  '      me.wealth: "me.wealth - 1.0"',
];
const condition = (...set: string[]): string[] => [
  ...GAME,
  'experiment:',
  '  conditions:',
  '    - name: a',
  '      set:',
  ...set.map((s) => `        ${s}`),
];

async function soc054(lines: string[]): Promise<Diagnostic[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics.filter((d) => d.code === 'SOC054');
}

function complete(marked: string): ReturnType<typeof completionsAt> {
  const { lines, position, text } = cursorIn(marked);
  const parsed = parseSociety(text, file);
  const doc = parsed.documents[0];
  const sources: CompletionSources = {
    personas: () => [],
    models: () => [],
    includes: () => [],
    mechanics: () => readMechanics(doc.value, new Locator(parsed, doc)),
    scenarioValue: () => doc.value,
  };
  return completionsAt(lines, position, sources);
}

describe('what a set: may name (SOC054, issue 42: 7)', () => {
  it('a dotted path that cannot be varied: which, why, and the nearest that can, with a fix', async () => {
    const [d, ...rest] = await soc054(condition('state.world.multiplier: 2.0'));
    assert.equal(rest.length, 0);
    assert.equal(
      d.message,
      // With no room for the list beside the did-you-mean, the message ends with it (issue 61).
      "Cannot vary 'state.world.multiplier': name one of its fields. Did you mean 'state.world.multiplier.initial'?",
    );
    assert.doesNotMatch(d.message, /dotted parameter path/);
    assert.deepEqual(
      d.fixes?.map((f) => f.newText),
      ['state.world.multiplier.initial'],
    );
  });

  it("an action's part: a condition sets one of its values (issue 44: 3), here one of its effects", async () => {
    const [d] = await soc054(condition('actions.punish.effects: {}'));
    assert.match(d.message, /^Cannot vary 'actions\.punish\.effects': it holds 2 values: set one of them\./);
    assert.match(d.message, /Did you mean 'actions\.punish\.effects\.(who|me)\.wealth'\?$/);
    assert.deepEqual(await soc054(condition('actions.punish.effects.who.wealth: "who.wealth - 2.0 * world.fine"')), []);
  });

  it('every message fits a line of the Problems panel', async () => {
    const ds = await soc054(
      condition(
        'population.citizens.trait.openness: 0.5',
        'rounds: 3',
        'world.roundz: 3',
        'seed: 4',
        'state.agents.wealth.start: 1',
      ),
    );
    assert.equal(ds.length, 5);
    for (const d of ds) assert.ok(d.message.length <= 150, `${d.message.length}: ${d.message}`);
    // Issue 61: a capital first, and the did-you-mean before any list (the panel cuts the end).
    for (const d of ds) assert.match(d.message, /^[A-Z]/);
    const meant = ds.filter((d) => d.fixes?.length);
    assert.equal(meant.length, 3);
    for (const d of meant) {
      const at = d.message.indexOf(`Did you mean '${d.fixes![0].newText}'?`);
      assert.ok(at > 0 && !d.message.slice(0, at).includes('Can vary'), d.message);
    }
    assert.deepEqual(
      ds.map((d) => d.fixes?.[0]?.newText),
      ['population.citizens.traits.openness', 'world.rounds', 'world.rounds', undefined, undefined],
    );
  });

  it("a timed event: no quantities or population, and not the run's length", async () => {
    const [d] = await soc054([...GAME, 'events:', '  - { at: 1, set: { state.world.fine.initial: 5 } }']);
    assert.match(
      d.message,
      /^Cannot set 'state\.world\.fine\.initial' by an event: an event sets run settings, not quantities\. Can set: /,
    );
    const event = settablePaths('event', { world: ['fine'], agents: [], groups: ['g'] }).map((p) => p.path);
    assert.ok(!event.some((p) => /^(state|population)\./.test(p)) && !event.includes('world.rounds'));
    assert.ok(event.includes('ties.weights.novelty') && event.includes('coaching.enabled'));
  });

  it('lists siblings under their parent, nearest parents first', () => {
    const all = settablePaths('condition', { world: ['pot', 'fine'], agents: ['wealth'], groups: [] });
    const ranked = nearestPaths('state.agents.welth', all).map((p) => p.path);
    assert.match(ranked[0], /^state\.agents\.wealth\./);
    assert.equal(
      listPaths(
        ranked,
        all.map((p) => p.path),
      ),
      'state.agents.wealth.{initial,min,max,…}, state.world.pot.{initial,min,max,…} (+34 more)',
    );
  });
});

describe('completion of set: keys (issue 42: 7)', () => {
  it("a condition's: declared quantities, then population groups, then run settings, not those written", () => {
    const items = complete([...condition('state.world.pot.initial: 5', '|'), ''].join('\n'));
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 5), [
      'state.world.pot.min',
      'state.world.pot.max',
      'state.world.pot.update',
      'state.world.pot.worth_usd',
      'state.world.multiplier.initial',
    ]);
    assert.ok(labels.includes('population.citizens.traits.agreeableness'));
    assert.ok(labels.includes('coaching.enabled') && labels.includes('world.rounds'));
    const update = items.find((i) => i.label === 'state.agents.wealth.update')!;
    assert.equal(update.insertText, 'state.agents.wealth.update: "$1"');
    assert.match(update.documentation!, /agent quantity `wealth`/);
    const mode = items.find((i) => i.label === 'world.encounters.mode')!;
    assert.equal(mode.insertText, 'world.encounters.mode: ${1|random,network,recommend|}');
  });

  it("a timed event's, in a flow mapping: run settings only", () => {
    const labels = complete([...GAME, 'events:', '  - { at: 1, set: { | } }', ''].join('\n')).map((i) => i.label);
    assert.ok(labels.includes('ties.threshold'));
    assert.ok(
      !labels.some((l) => l.startsWith('state.') || l.startsWith('population.')) && !labels.includes('world.rounds'),
    );
  });

  it('every path offered is one the check accepts', async () => {
    const offered = complete([...condition('|'), ''].join('\n')).map((i) => i.label);
    assert.ok(offered.length > 50);
    const diagnostics = await soc054(condition(...offered.map((p) => `${p}: 1`)));
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [],
    );
  });
});
