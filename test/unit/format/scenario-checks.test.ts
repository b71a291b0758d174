// What the semantic checks say, beyond the codes and ranges the invalid fixtures pin down: the
// messages of `set` values, population ids, the event timeline, and the seed's bounds.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  NodeFileSystem,
  OverlayFileSystem,
  SocietyWorkspace,
  societySchema,
  type SchemaNode,
} from '../../../src/core/format';
import { MIN_SEED } from '../../../src/core/random/rng';

const file = path.resolve('/virtual/checks/s.society');

async function messages(lines: string[]): Promise<string[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

const header = ['kind: scenario', 'name: S', 'personas:', '  - { id: ana, name: Ana }', '  - { id: bo, name: Bo }'];

describe('scenario checks', () => {
  it('does not let a negative population count cancel the personas out (no SOC053 beside the schema error)', async () => {
    const out = await messages([...header, 'population:', '  - { group: g, count: -2 }']);
    assert.ok(
      out.some((m) => / SOC013 /.test(m)),
      out.join('\n'),
    );
    assert.ok(!out.some((m) => / SOC053 /.test(m)), out.join('\n'));
  });

  it('names the offending field of a room given in a set, not the whole list', async () => {
    const out = await messages([...header, 'events:', '  - { at: 2, set: { world.rooms: [ { name: r, size: 1 } ] } }']);
    assert.deepEqual(out, ["7:53 SOC013 'events[0].set.world.rooms[0].size' must be >= 2, found 1"]);
  });

  it('gives rooms in a set the checks of world.rooms', async () => {
    const out = await messages([
      ...header,
      'events:',
      '  - { at: 2, set: { world.rooms: [ { name: r, members: [ana, ana, cy] } ] } }',
    ]);
    assert.deepEqual(out, [
      "7:62 SOC056 Room 'r' lists 'ana' twice",
      "7:67 SOC021 Unknown persona id 'cy' in room members",
    ]);
  });

  it('counts ids a population generates as defined, arithmetically, however large the group', async () => {
    const out = await messages([
      'kind: scenario',
      'name: S',
      'population:',
      '  - { group: crowd, id_prefix: c, count: 1000000 }',
      'world:',
      '  rooms:',
      '    - { name: r, members: [c1, c1000000, c1000001, c01] }',
    ]);
    assert.deepEqual(out, [
      "7:42 SOC021 Unknown persona id 'c1000001' in room members",
      "7:52 SOC021 Unknown persona id 'c01' in room members",
    ]);
  });

  it('says to set id_prefix when the group label makes invalid ids', async () => {
    const out = await messages(['kind: scenario', 'name: S', 'population:', '  - { group: Night Owls, count: 3 }']);
    assert.equal(out.length, 1);
    assert.match(
      out[0],
      /^4:14 SOC013 Population group 'Night Owls' .*'Night Owls1'.* not valid persona ids.*set `id_prefix` \(e\.g\. `id_prefix: night_owls`\)$/,
    );
  });

  it('follows the events of a round in file order, as the run fires them', async () => {
    const out = await messages([
      ...header,
      'events:',
      '  - { at: 2, add: [{ id: cy, name: Cy }] }',
      '  - { at: 2, remove: [cy] }', // added first: fine
      '  - { at: 3, remove: [dee] }',
      '  - { at: 3, add: [{ id: dee, name: Dee }] }',
    ]);
    assert.deepEqual(out, [
      "9:23 SOC059 'dee' joins later in round 3 (the events of a round fire in file order): this removal can never apply",
    ]);
  });

  it('points a repeated removal at the first one', async () => {
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(
      file,
      [...header, 'events:', '  - { at: 1, remove: [ana] }', '  - { at: 2, remove: [ana] }', ''].join('\n'),
    );
    const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, {
      build: false,
    });
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].severity, 'warning');
    assert.deepEqual(
      r.diagnostics[0].related?.map((x) => [x.range.start.line + 1, x.range.start.character + 1, x.message]),
      [[7, 23, 'removed here']],
    );
  });

  it('warns that a relationship with someone who has left is dropped (QA: silently no tie)', async () => {
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    overlay.set(
      file,
      [
        'kind: scenario',
        'name: S',
        'population: [{ group: newbies, count: 5, id_prefix: nb }]',
        'events:',
        '  - { at: 3, remove: [nb2] }',
        '  - at: 5',
        '    add: [ { id: late, name: Late, relationships: [ { with: nb2, tie: 0.9 }, { with: nb1, tie: 0.5 } ] } ]',
        '',
      ].join('\n'),
    );
    const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, {
      build: false,
    });
    assert.deepEqual(
      r.diagnostics.map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
      ),
      [
        "7:61 warning SOC060 'nb2' has already left at round 3: this relationship will be dropped (its tie forms only with someone present when 'late' joins at round 5)",
      ],
    );
    assert.deepEqual(
      r.diagnostics[0].related?.map((x) => [x.range.start.line + 1, x.range.start.character + 1, x.message]),
      [[5, 23, 'removed here']],
    );
  });

  it('warns that a relationship with someone who joins later is dropped, as the engine links only those present', async () => {
    const out = await messages([
      ...header.slice(0, 3),
      '  - { id: ana, name: Ana, relationships: [{ with: cy, tie: 0.5 }, { with: bo, tie: 0.5 }] }',
      header[4],
      'events:',
      '  - { at: 2, add: [{ id: cy, name: Cy, relationships: [{ with: dee, tie: 0.5 }] }, { id: dee, name: Dee, relationships: [{ with: eve, tie: 0.5 }] }] }',
      '  - { at: 2, add: [{ id: eve, name: Eve, relationships: [{ with: cy, tie: 0.5 }] }] }',
    ]);
    assert.deepEqual(out, [
      "4:51 SOC060 'cy' joins only at round 2: this relationship will be dropped (its tie forms only with someone present when the run starts)",
      "7:130 SOC060 'eve' joins later in round 2 (the events of a round fire in file order): this relationship will be dropped (its tie forms only with someone present when 'dee' joins at round 2)",
    ]);
  });

  it('places the warning in the included file of a persona present from the start', async () => {
    const overlay = new OverlayFileSystem(new NodeFileSystem());
    const persona = path.join(path.dirname(file), 'ana.society');
    overlay.set(persona, 'kind: persona\nid: ana\nname: Ana\nrelationships:\n  - { with: cy, tie: 0.5 }\n');
    overlay.set(
      file,
      'kind: scenario\nname: S\npersonas:\n  - include: ana.society\nevents:\n  - { at: 4, add: [{ id: cy, name: Cy }] }\n  - { at: 20, add: [{ id: cy, name: Cy }] }\n',
    );
    const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, {
      build: false,
    });
    const dropped = r.diagnostics.filter((d) => d.code === 'SOC060');
    assert.deepEqual(
      dropped.map((d) => [d.file, d.range.start.line + 1, d.range.start.character + 1]),
      [[persona, 5, 13]],
    );
    assert.deepEqual(
      dropped[0].related?.map((x) => [x.file, x.range.start.line + 1, x.message]),
      [[file, 6, 'joins here']],
    );
  });

  it('refuses two relationships with one person (QA: the second silently replaced the first tie)', async () => {
    const out = await messages([
      'kind: scenario',
      'name: S',
      'personas:',
      '  - id: ana',
      '    name: Ana',
      '    relationships:',
      '      - { with: bo, tie: 0.8 }',
      '      - with: bo',
      '  - { id: bo, name: Bo }',
    ]);
    assert.deepEqual(out, [
      "8:15 SOC056 Persona 'ana' lists a relationship with 'bo' twice (one entry per person: the run would keep only the last)",
    ]);
  });

  it('refuses a seed listed twice in experiment.seeds, as --seeds does', async () => {
    const out = await messages([
      ...header,
      'experiment:',
      '  seeds: [1, 1, 2]',
      '  conditions: [{ name: a, set: { coaching.enabled: false } }]',
    ]);
    assert.deepEqual(out, ['7:14 SOC056 experiment.seeds lists 1 twice: repeated seeds are not independent runs']);
  });

  it('names two conditions whose traces would share a file name, and where each is written (QA: record +1 and record -1 lost runs)', async () => {
    const out = await messages([
      ...header,
      'experiment:',
      '  conditions:',
      '    - { name: record +1, set: { coaching.enabled: false } }',
      '    - { name: record -1, set: { coaching.enabled: true } }',
      '    - { name: Record 2, set: {} }',
    ]);
    assert.deepEqual(out, [
      "9:15 SOC056 Conditions 'record +1' (checks/s.society:8:15) and 'record -1' would write their runs to one file, traces/record-1-seed<n>.jsonl: rename one so their names differ in letters or digits",
    ]);
  });

  it('bounds fixed population traits and motivations to 0..1, and warns of a distribution that lies wholly outside (QA: clamped silently)', async () => {
    const out = await messages([
      ...header,
      'population:',
      '  - group: g',
      '    count: 4',
      '    traits: { conscientiousness: 7, extraversion: -3, openness: { beta: { alpha: 2, beta: 2 } } }',
      '    motivations: { social: { uniform: { min: -5, max: -4 } }, support: { normal: { mean: 40, sd: 1 } }, information: { normal: { mean: 0.5, sd: 0.4 } }, presentation: { uniform: { min: 2, max: 3 }, max: 0.5 } }',
    ]);
    assert.ok(
      out.some((m) => /^9:34 SOC013 .*conscientiousness.* must be <= 1, found 7$/.test(m)),
      out.join('\n'),
    );
    assert.ok(
      out.some((m) => /^9:51 SOC013 .*extraversion.* must be >= 0, found -3$/.test(m)),
      out.join('\n'),
    );
    assert.ok(
      out.some(
        (m) =>
          m.startsWith('10:28 SOC055 Every sample of this distribution lies below 0') &&
          m.endsWith('every agent of the group gets 0'),
      ),
      out.join('\n'),
    );
    assert.ok(
      out.some((m) => m.startsWith('10:72 SOC055 Every sample of this distribution lies above 1')),
      out.join('\n'),
    );
    assert.equal(
      out.length,
      4,
      'not beta, not a normal reaching into 0..1, not samples clipped into it: ' + out.join('\n'),
    );
  });

  it('says an absolute include path is absolute, not that it leaves the workspace', async () => {
    const inside = path.join(path.dirname(file), 'people', '*.society');
    const out = await messages([...header.slice(0, 3), `  - include: ${inside}`, '  - { id: bo, name: Bo }']);
    assert.deepEqual(
      out.filter((m) => / SOC032 /.test(m)),
      [
        `4:14 SOC032 Include '${inside}' is an absolute path: write it relative to this file (here: 'people/*.society')`,
      ],
    );
  });

  it('says nothing is undefined while a YAML error may have swallowed the definition (QA: a tab indent made a model "not defined")', async () => {
    const out = await messages([
      'kind: scenario',
      'name: S',
      'personas:',
      '  - { id: ana, name: Ana, model: smart }',
      '  - { id: bo, name: Bo }',
      'world:',
      '\trounds: 3',
      '  rooms: [{ name: r, members: [ana, bo] }]',
      'models:',
      '  smart: { provider: offline }',
    ]);
    assert.ok(out.length > 0 && out.every((m) => / SOC001 /.test(m)), out.join('\n'));
    // Once it reads cleanly, references are checked again.
    const clean = await messages(['kind: scenario', 'name: S', 'personas:', '  - { id: ana, name: Ana, model: smrt }']);
    assert.ok(
      clean.some((m) => / SOC040 Model 'smrt' is not defined/.test(m)),
      clean.join('\n'),
    );
  });

  it('says an empty `set` is empty, not that the event lacks an action (QA)', async () => {
    const out = await messages([...header, 'events:', '  - { at: 2, set: {} }']);
    assert.deepEqual(out, ["7:19 SOC013 'events[0].set' must have at least 1 entry"]);
  });

  it('bounds seeds as --seed does, quoting a rounded value as written', async () => {
    const scenario = societySchema.$defs.scenario.properties as Record<string, SchemaNode>;
    assert.equal(scenario.seed.minimum, MIN_SEED);
    assert.equal(scenario.seed.maximum, Number.MAX_SAFE_INTEGER);
    const seeds = (scenario.experiment.properties as Record<string, SchemaNode>).seeds.items as SchemaNode;
    assert.deepEqual([seeds.minimum, seeds.maximum], [MIN_SEED, Number.MAX_SAFE_INTEGER]);
    const out = await messages([...header, 'seed: 9007199254740993']);
    assert.deepEqual(out, ["6:7 SOC013 'seed' must be <= 9007199254740991, found 9007199254740993"]);
  });
});
