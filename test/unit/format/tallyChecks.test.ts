// Measurement must not steer behaviour by accident (issue 45): `society check` warns of an agent
// quantity that only counts what its owner does, that nothing reads, and that is valued by default
// (SOC106, with `valued: false` as a quick fix in the mapping's own style), and tells of an action
// that changes only `valued: false` quantities (SOC107); each at the name written.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';

const file = path.resolve('/virtual/tallyChecks/s.society');

async function diagnostics(lines: string[]): Promise<Diagnostic[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics;
}
const shown = (ds: Diagnostic[]): string[] =>
  ds
    .filter((d) => /^SOC10[67]$/.test(d.code))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity}`);
const applied = (text: string, d: Diagnostic): string => {
  const f = d.fixes![0];
  const lines = text.split('\n');
  const at = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, at(f.range.start)) + f.newText + text.slice(at(f.range.end));
};

const town = (agents: string[], actions: string[], extra: string[] = []): string[] => [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana }',
  '  - { id: bo, name: Bo }',
  'state:',
  '  world:',
  '    heard: { initial: 0, update: "sum(agents.map(a, a.told))" }',
  '  agents:',
  ...agents,
  'actions:',
  ...actions,
  ...extra,
];
const TELL = ['  tell:', '    description: Tell someone the news.', '    effects:', '      me.told: "me.told + 1.0"'];
const REST = ['  rest:', '    description: Rest.', '    effects:', '      me.energy: "me.energy + 0.5"'];
// A resource agents want, said so: a constant gain read by nothing would otherwise look like a tally.
const ENERGY = '    energy: { initial: 0, valued: true }';

describe('measurement tallies that steer choices (SOC106, SOC107)', () => {
  it('warns of a valued counter nothing reads but a measuring total, with valued: false as a fix', async () => {
    const lines = town(['    told: { initial: 0, min: 0 }', ENERGY], [...TELL, ...REST]);
    const ds = await diagnostics(lines);
    assert.deepEqual(shown(ds), ['10:5 SOC106 warning']);
    const d = ds.find((x) => x.code === 'SOC106')!;
    assert.match(
      d.message,
      /^Agent quantity 'told' only counts what agents do \('tell' adds to the actor's\) and nothing reads it but totals that only measure \(world\.heard\), yet it is valued: .* add `valued: false`; if agents should want it, write `valued: true`$/,
    );
    const fixed = applied([...lines, ''].join('\n'), d);
    assert.match(fixed, /\n {4}told: \{ initial: 0, min: 0, valued: false \}\n/);
    // Fixed, it checks clean of SOC106; the tally-only action is then said (SOC107, information).
    const after = await diagnostics(fixed.split('\n'));
    assert.deepEqual(shown(after), ['13:3 SOC107 info']);
    assert.match(
      after.find((x) => x.code === 'SOC107')!.message,
      /^Action 'tell' changes only 'told', marked `valued: false` and read by nothing but measurement: its only consequence is a count, so the offline model weighs it as an action that changes nothing/,
    );
  });

  it("warns of a valued counter actions raise on another agent (help received), not only on the actor's", async () => {
    const help = [
      '  help:',
      '    description: Help someone.',
      '    args: { helped: { type: agent } }',
      '    effects:',
      '      helped.times_helped: "helped.times_helped + 1.0"',
    ];
    const ds = await diagnostics(
      town(
        ['    told: { initial: 0, valued: true }', '    times_helped: { initial: 0 }', ENERGY],
        [...TELL, ...help, ...REST],
      ),
    );
    assert.deepEqual(shown(ds), ['11:5 SOC106 warning']);
    assert.match(
      ds.find((x) => x.code === 'SOC106')!.message,
      /^Agent quantity 'times_helped' only counts what agents do \('help' adds to another agent's\) and nothing reads it, yet it is valued/,
    );
  });

  it('inserts the fix as a line of a block mapping', async () => {
    const lines = town(
      ['    told:', '      description: People this agent told.', '      initial: 0', ENERGY],
      [...TELL, ...REST],
    );
    const ds = await diagnostics(lines);
    assert.deepEqual(shown(ds), ['10:5 SOC106 warning']);
    const fixed = applied(
      [...lines, ''].join('\n'),
      ds.find((x) => x.code === 'SOC106')!,
    );
    assert.match(fixed, /\n {6}initial: 0\n {6}valued: false\n {4}energy:/);
  });

  it('says nothing of a counter something reads, one written valued, a payoff, or one an update changes', async () => {
    const cases: [string[], string[], string[]][] = [
      // read by an action's `when`: it plays a part
      [['    told: { initial: 0 }', ENERGY], [...TELL, '    when: "me.told < 3.0"', ...REST], []],
      // read by a world total that something else reads (the total is not only a measure)
      [
        ['    told: { initial: 0 }', ENERGY],
        [...TELL, ...REST.slice(0, 3), '      me.energy: "me.energy + world.heard"'],
        [],
      ],
      // written valued: true, on purpose
      [['    told: { initial: 0, valued: true }', ENERGY], [...TELL, ...REST], []],
      // a payoff that depends on the state, not a count
      [
        ['    told: { initial: 0 }', ENERGY],
        ['  tell:', '    description: T.', '    effects:', '      me.told: "me.told + me.energy"', ...REST],
        [],
      ],
      // also taken away: not a pure tally
      [['    told: { initial: 0 }', ENERGY], [...TELL, ...REST, '      me.told: "me.told - 1.0"'], []],
      // changed by an update
      [['    told: { initial: 0, update: "me.told * 0.5" }', ENERGY], [...TELL, ...REST], []],
      // ranked by in generations
      [['    told: { initial: 0 }', ENERGY], [...TELL, ...REST], ['generations: { every: 5, fitness: told }']],
      // a module may read it
      [['    told: { initial: 0 }', ENERGY], [...TELL, ...REST], ['module: ./m.mjs']],
    ];
    for (const [agents, actions, extra] of cases) {
      const ds = await diagnostics(town(agents, actions, extra));
      assert.deepEqual(shown(ds), [], [...agents, ...actions, ...extra].join('\n'));
    }
  });

  it('tells of an action that changes only tallies, not of one with a verb or offered alone', async () => {
    const tally = '    told: { initial: 0, valued: false }';
    assert.deepEqual(shown(await diagnostics(town([tally, ENERGY], [...TELL, ...REST]))), ['13:3 SOC107 info']);
    assert.deepEqual(shown(await diagnostics(town([tally, ENERGY], [...TELL]))), []);
    const withWorld = town([tally, ENERGY], [...TELL, '      world.heard: "world.heard + 1.0"', ...REST]);
    assert.deepEqual(shown(await diagnostics(withWorld)), []);
    // A tally another action's effect reads (who backs whose plan) is a consequence, not only a count.
    const read = town([tally, ENERGY], [...TELL, ...REST.slice(0, 3), '      me.energy: "me.energy + me.told"']);
    assert.deepEqual(shown(await diagnostics(read)), []);
  });

  it("does not tell of a phase's written-out way to say no (reject beside accept), but of one beside another count", async () => {
    const tally = '    told: { initial: 0, valued: false }';
    const phase = (list: string) => ['round:', `  - phase: answer`, `    actions: ${list}`];
    // The ultimatum's shape: `rest` (valued) and `tell` (a tally) written as the phase's two choices.
    assert.deepEqual(shown(await diagnostics(town([tally, ENERGY], [...TELL, ...REST], phase('[rest, tell]')))), []);
    assert.deepEqual(
      shown(await diagnostics(town([tally, ENERGY], [...TELL, ...REST], phase('{ players: [rest, tell] }')))),
      [],
    );
    // Beside another action that changes nothing valued it is not the one way to say no: told of.
    const shrug = ['  shrug:', '    description: Shrug.', '    effects:', '      me.told: "me.told + 1.0"'];
    assert.deepEqual(
      shown(await diagnostics(town([tally, ENERGY], [...TELL, ...REST, ...shrug], phase('[rest, tell, shrug]')))),
      ['13:3 SOC107 info', '21:3 SOC107 info'],
    );
    // Offered alone in one of its phases (nothing to refuse there): told of.
    const two = ['round:', '  - phase: a', '    actions: [rest, tell]', '  - phase: b', '    actions: [tell]'];
    assert.deepEqual(shown(await diagnostics(town([tally, ENERGY], [...TELL, ...REST], two))), ['13:3 SOC107 info']);
  });

  // Issue 62: a 0/1 flag left valued raised round-1 cooperation in a prisoner's dilemma from 0.20
  // to 0.65, a world tally that `cooperate` raises to 0.42.
  const dilemma = (world: string[], agents: string[], cooperate: string[], defect: string[] = []): string[] => [
    'kind: scenario',
    'name: S',
    'personas:',
    '  - { id: ana, name: Ana }',
    '  - { id: bo, name: Bo }',
    'state:',
    '  world:',
    ...world,
    '  agents:',
    '    points: { initial: 0, valued: true }',
    ...agents,
    'actions:',
    '  cooperate:',
    '    description: Cooperate.',
    '    effects:',
    '      me.points: "me.points + 2.0"',
    ...cooperate,
    '  defect:',
    '    description: Defect.',
    '    effects:',
    '      me.points: "me.points + 3.0"',
    ...defect,
  ];

  it('warns of a 0/1 flag actions set, whoever reads it, with valued: false as a fix', async () => {
    const lines = dilemma(
      ['    round_coops: { initial: 0, update: "sum(agents.map(a, a.coop_now))" }'],
      ['    coop_now: { initial: 0 }'],
      ['      me.coop_now: "1.0"'],
      ['      me.coop_now: "0.0"', '    when: "me.coop_now < 0.5"'],
    );
    const ds = await diagnostics(lines);
    assert.deepEqual(shown(ds), ['11:5 SOC106 warning']);
    const d = ds.find((x) => x.code === 'SOC106')!;
    assert.match(
      d.message,
      /^Agent quantity 'coop_now' is a flag \(actions only set it to 0 or 1: 'cooperate' to 1, 'defect' to 0\), yet it is valued: the offline model counts its 1 as more of something agents want, so it makes 'cooperate' worth doing for that alone\. If it records what was done, add `valued: false`/,
    );
    const fixed = applied([...lines, ''].join('\n'), d);
    assert.match(fixed, /\n {4}coop_now: \{ initial: 0, valued: false \}\n/);
    assert.deepEqual(shown(await diagnostics(fixed.split('\n'))), []);
  });

  it('warns of a world flag and of a world counter actions raise, each with its fix', async () => {
    const flag = dilemma(
      ['    anyone_cooperated:', '      initial: 0', '      update: "0.0"'],
      [],
      ['      world.anyone_cooperated: "1"'],
    );
    const ds = await diagnostics(flag);
    assert.deepEqual(shown(ds), ['8:5 SOC106 warning']);
    assert.match(
      ds[0].message,
      /^World quantity 'anyone_cooperated' is a flag \(actions only set it to 0 or 1: 'cooperate' to 1\)/,
    );
    assert.match(applied([...flag, ''].join('\n'), ds[0]), /\n {6}update: "0\.0"\n {6}valued: false\n/);

    const counter = dilemma(['    coops: { initial: 0 }'], [], ['      world.coops: "world.coops + 1.0"']);
    const cs = await diagnostics(counter);
    assert.deepEqual(shown(cs), ['8:5 SOC106 warning']);
    assert.match(
      cs[0].message,
      /^World quantity 'coops' only counts what agents do \('cooperate' raises it\) and nothing reads it, yet it is valued: the offline model weighs a rise in it as a gain for everyone/,
    );
    const fixed = applied([...counter, ''].join('\n'), cs[0]);
    assert.match(fixed, /\n {4}coops: \{ initial: 0, valued: false \}\n/);
    assert.deepEqual(shown(await diagnostics(fixed.split('\n'))), []);
  });

  it('says nothing of a flag or world counter written valued, one a payoff reads, or one that holds amounts', async () => {
    const cases: string[][] = [
      dilemma(
        [],
        ['    coop_now: { initial: 0, valued: true }'],
        ['      me.coop_now: "1.0"'],
        ['      me.coop_now: "0.0"'],
      ),
      dilemma([], ['    coop_now: { initial: 0, labels: [defected, cooperated] }'], ['      me.coop_now: "1.0"']),
      // set to an amount, not a flag
      dilemma([], ['    coop_now: { initial: 0 }'], ['      me.coop_now: "2.0"']),
      // an update that computes: more than a record
      dilemma([], ['    coop_now: { initial: 0, update: "me.coop_now * 0.5" }'], ['      me.coop_now: "1.0"']),
      dilemma(['    coops: { initial: 0, valued: false }'], [], ['      world.coops: "world.coops + 1.0"']),
      // a counter a payoff reads is part of the game
      dilemma(
        ['    coops: { initial: 0 }'],
        [],
        ['      world.coops: "world.coops + 1.0"'],
        ['      me.points: "me.points + world.coops"'],
      ),
      // also lowered: not a count
      dilemma(
        ['    coops: { initial: 0 }'],
        [],
        ['      world.coops: "world.coops + 1.0"'],
        ['      world.coops: "world.coops - 1.0"'],
      ),
    ];
    for (const lines of cases) assert.deepEqual(shown(await diagnostics(lines)), [], lines.join('\n'));
  });
});
