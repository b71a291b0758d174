// The editor's side of matching (issue 62): `matching:` names groups that exist (SOC150) and can
// place everyone it matches (SOC151); `partner` and `matched` are read only where a matching gives
// them, told at the name with the reason (SOC061, SOC062 for an effect on `partner.<q>`); argument
// bounds written as expressions are checked as expressions, at their sub-expression.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { completionsAt, parseSociety, type CompletionSources } from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { cursorIn, linesDiagnostics, marked } from './editorFixtures';
import { scenarioFromText } from '../engine/traceHelpers';

const file = path.resolve('/virtual/matching/s.society');

async function marks(lines: string[]): Promise<string[]> {
  const { text, all } = await linesDiagnostics(file, lines);
  return marked(
    text,
    all.filter((d) => d.severity !== 'info'),
  );
}

/** A trust game: investors send, what arrives tripled may be returned up to what arrived. */
const TRUST = [
  'kind: scenario',
  'name: Trust',
  'population:',
  '  - { group: investors, count: 4, id_prefix: i, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
  '  - { group: trustees, count: 4, id_prefix: t, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
  'world: { rounds: 2 }',
  'matching:',
  '  between: [investors, trustees]',
  'state:',
  '  agents:',
  '    coins: { initial: 10, min: 0 }',
  '    received: { initial: 0, min: 0, valued: false, update: "0.0" }',
  'actions:',
  '  send:',
  '    description: Send.',
  '    args: { amount: { type: number, min: 0, max: 10 } }',
  '    effects:',
  '      me.coins: "me.coins - args.amount"',
  '      partner.coins: "partner.coins + 3.0 * args.amount"',
  '      partner.received: "3.0 * args.amount"',
  '  repay:',
  '    description: Repay.',
  '    args: { amount: { type: number, min: 0, max: "me.received" } }',
  '    effects:',
  '      me.coins: "me.coins - args.amount"',
  '      partner.coins: "partner.coins + args.amount"',
  'round:',
  '  - { phase: invest, actions: { investors: [send] } }',
  '  - { phase: reciprocate, actions: { trustees: [repay] } }',
];
const edit = (lines: string[], from: string, to: string): string[] => lines.map((l) => l.replace(from, to));

describe('matching: checks (issue 62)', () => {
  it('the trust game reads cleanly, and its matching and bounds are built', async () => {
    assert.deepEqual(await marks(TRUST), []);
    const parsed = parseSociety([...TRUST, ''].join('\n'), file);
    const m = readMechanics(parsed.documents[0].value, new Locator(parsed, parsed.documents[0]))!;
    assert.deepEqual(
      { design: m.matching?.design, size: m.matching?.size, between: m.matching?.between },
      { design: 'partner', size: 2, between: ['investors', 'trustees'] },
    );
    const repay = m.actions.find((a) => a.name === 'repay')!.args[0];
    assert.equal(repay.maxExpression, 'me.received');
    assert.equal(repay.max, undefined, 'an expression bound is no number');
  });

  it('a group the matching names must exist, with did-you-mean (SOC150)', async () => {
    const got = await marks(edit(TRUST, 'between: [investors, trustees]', 'between: [investors, trustes]'));
    assert.equal(got.length, 1, got.join('\n'));
    assert.match(
      got[0],
      /^8:24 SOC150 <<trustes>> Unknown group 'trustes' in `matching.between`. Did you mean 'trustees'\?/,
    );
    const within = await marks(edit(TRUST, 'between: [investors, trustees]', 'within: lenders'));
    assert.match(within.join('\n'), /8:11 SOC150 <<lenders>> Unknown group 'lenders' in `matching.within`/);
  });

  it('groups that cannot hold everyone they match (SOC151)', async () => {
    const uneven = await marks(edit(TRUST, 'count: 4, id_prefix: t', 'count: 3, id_prefix: t'));
    assert.match(
      uneven.join('\n'),
      /SOC151 .*pairs 'investors' \(4\) with 'trustees' \(3\): 1 of 'investors' would have no partner/,
    );
    const k = await marks(
      edit(edit(TRUST, 'between: [investors, trustees]', 'size: 3'), '.received: "3.0', '.received: "3.0'),
    );
    assert.match(k.join('\n'), /8:9 SOC151 <<3>> Groups of 3 cannot hold the 8 agents: 2 would be left unmatched/);
    const between = await marks(
      edit(TRUST, 'between: [investors, trustees]', 'between: [investors, trustees]\n  size: 4'),
    );
    assert.match(between.join('\n'), /SOC151 <<4>> `matching.between` makes pairs/);
  });

  it('sizes are checked at each moment events change who is there, not over everyone ever there (issue 87)', async () => {
    const withEvents = (events: string[]): string[] => [...TRUST, 'events:', ...events];
    // One trustee leaves and another joins at round 2: four with four throughout (it said "(4) with (5)").
    const swapped = await marks(
      withEvents(['  - { at: 2, remove: [t1] }', '  - { at: 2, add: [{ id: tara, name: Tara, group: trustees }] }']),
    );
    assert.deepEqual(
      swapped.filter((l) => / SOC151 /.test(l)),
      [],
      swapped.join('\n'),
    );
    // A trustee who leaves and is not replaced: told with the round it starts at.
    const left = await marks(withEvents(['  - { at: 2, remove: [t1] }']));
    assert.match(
      left.join('\n'),
      /SOC151 .*pairs 'investors' \(4\) with 'trustees' \(3\) from round 2 on \(after its events\): 1 of 'investors'/,
    );
    // Uneven at the start, evened by a later join: the start is what is told.
    const joined = await marks(
      withEvents(['  - { at: 2, add: [{ id: tara, name: Tara, group: trustees }] }']).map((l) =>
        l.replace('count: 4, id_prefix: t', 'count: 3, id_prefix: t'),
      ),
    );
    assert.match(joined.join('\n'), /SOC151 .*pairs 'investors' \(4\) with 'trustees' \(3\): 1 of 'investors'/);
  });

  it('`between` one group and itself is refused at the second name, also in a condition (issue 70)', async () => {
    const same = await marks(edit(TRUST, 'between: [investors, trustees]', 'between: [investors, investors]'));
    const errors = same.filter((l) => / SOC151 /.test(l));
    assert.equal(errors.length, 1, same.join('\n'));
    assert.match(
      errors[0],
      /^8:24 SOC151 <<investors>> `matching.between` pairs 'investors' with itself: each agent would be in two pairs/,
    );
    const cond = await marks([
      ...TRUST,
      'experiment:',
      '  conditions:',
      '    - { name: mixed, set: { matching.between: [trustees, trustees] } }',
    ]);
    assert.match(
      cond.join('\n'),
      /SOC151 <<trustees>> `matching.between` pairs 'trustees' with itself in condition 'mixed'/,
    );
    // And when the condition is applied, as an experiment does (the schema's uniqueItems).
    const scenario = await scenarioFromText([...TRUST, ''].join('\n'));
    assert.throws(
      () => withOverrides(scenario, { 'matching.between': ['trustees', 'trustees'] }),
      /'matching\.between' must NOT have duplicate items/,
    );
  });

  it('`partner` without a matching, or in groups larger than pairs, is told at the name (SOC061, SOC062)', async () => {
    const none = await marks(TRUST.filter((l) => !l.startsWith('matching:') && !l.includes('between:')));
    const text = none.join('\n');
    assert.match(
      text,
      /SOC062 <<partner>> Effect of action 'send' on 'partner.coins': the scenario declares no `matching:`/,
    );
    assert.match(text, /SOC061 <<partner>> .*cannot read 'partner': the scenario declares no `matching:`/);
    const fours = await marks(
      edit(edit(TRUST, 'between: [investors, trustees]', 'size: 4'), 'max: "me.received"', 'max: "partner.coins"'),
    );
    assert.match(fours.join('\n'), /SOC061 <<partner>> .*only pairs have a partner; read the group as `matched`/);
  });

  it('a bound written as an expression is checked at its sub-expression (SOC061)', async () => {
    const got = await marks(edit(TRUST, 'max: "me.received"', 'max: "me.recieved"'));
    assert.equal(got.length, 1, got.join('\n'));
    assert.match(got[0], /^23:54 SOC061 <<recieved>> Unknown agent quantity 'recieved'. Did you mean 'received'\?/);
    const bool = await marks(edit(TRUST, 'max: "me.received"', 'max: "me.received > 1.0"'));
    assert.match(
      bool.join('\n'),
      /SOC061 .*The `max` of argument 'amount' of action 'repay' gives bool, where a number is needed/,
    );
  });

  it('`matched` reads the group in aggregates', async () => {
    const pgg = [
      'kind: scenario',
      'name: Pot',
      'population:',
      '  - { group: players, count: 8, id_prefix: p, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
      'world: { rounds: 2 }',
      'matching: { design: stranger, size: 4 }',
      'state:',
      '  agents:',
      '    tokens: { initial: 20, min: 0, update: "me.tokens + 0.4 * sum(matched.map(a, a.given)) + 20.0" }',
      '    given: { initial: 0, min: 0, valued: false, update: "0.0" }',
      'actions:',
      '  contribute:',
      '    description: Give.',
      '    args: { amount: { type: number, min: 0, max: 20 } }',
      '    effects: { me.tokens: "me.tokens - args.amount", me.given: "args.amount" }',
    ];
    assert.deepEqual(await marks(pgg), []);
    const world = await marks([...pgg, '    when: "size(matched) == 4"'].map((l) => l));
    assert.deepEqual(world, []);
  });

  it("a condition's matching is checked as the scenario's, at what the condition wrote (SOC150, SOC151)", async () => {
    const lines = [
      'kind: scenario',
      'name: Pot',
      'population:',
      '  - { group: players, count: 8, id_prefix: p, occupations: [player], interests: { pool: [x], per_agent: 1 } }',
      'world: { rounds: 2 }',
      'matching: { design: partner, size: 4 }',
      'state:',
      '  agents:',
      '    tokens: { initial: 20, min: 0 }',
      'actions:',
      '  keep: { description: Keep., effects: { me.tokens: "me.tokens + 0.0" } }',
      'experiment:',
      '  conditions:',
      '    - { name: strangers, set: { matching.design: stranger } }',
      '    - { name: threes, set: { matching.size: 3 } }',
      '    - { name: elsewhere, set: { matching.within: playrs } }',
    ];
    const got = await marks(lines);
    assert.equal(got.length, 2, got.join('\n'));
    assert.match(
      got[0],
      /^15:45 SOC151 <<3>> Groups of 3 cannot hold the 8 agents in condition 'threes': 2 would be left/,
    );
    assert.match(
      got[1],
      /^16:50 SOC150 <<playrs>> Unknown group 'playrs' in `matching.within` in condition 'elsewhere'. Did you mean 'players'\?/,
    );
  });

  it('a condition varies the design; a group it names must exist', async () => {
    const s = await scenarioFromText([...TRUST, ''].join('\n'));
    assert.equal(withOverrides(s, { 'matching.design': 'stranger' }).mechanics?.matching?.design, 'stranger');
    assert.equal(s.mechanics?.matching?.design, 'partner', 'the scenario itself is left as it was');
    assert.throws(
      () => withOverrides(s, { 'matching.between': ['investors', 'trusties'] }),
      /group 'trusties'.*Did you mean 'trustees'/,
    );
    assert.throws(() => withOverrides(s, { 'matching.design': 'random' }), /matching.design/);
  });

  it('meeting only one’s match group needs a matching, where the scenario or a condition says it (SOC152)', async () => {
    const among = edit(TRUST, 'world: { rounds: 2 }', 'world: { rounds: 2, encounters: { among: match } }');
    assert.deepEqual(await marks(among), [], 'with a matching it reads cleanly');
    const start = among.indexOf('matching:');
    const unmatched = [...among.slice(0, start), ...among.slice(start + 3)].filter((l) => !l.includes('partner.'));
    const got = await marks([
      ...unmatched,
      'experiment:',
      '  conditions:',
      '    - { name: talk, set: { world.encounters.among: match } }',
    ]);
    const soc152 = got.filter((g) => g.includes('SOC152'));
    assert.equal(soc152.length, 2, got.join('\n'));
    assert.match(
      soc152[0],
      /^6:\d+ SOC152 <<match>> `encounters.among: match` lets agents meet only their match group, but the scenario has no `matching:`/,
    );
    assert.match(soc152[1], /SOC152 <<match>>/);
  });
});

describe('matching: completion (issue 62)', () => {
  const complete = (marked: string): string[] => {
    const { lines, position, text } = cursorIn(marked);
    const parsed = parseSociety(text, file);
    const sources: CompletionSources = {
      personas: () => [],
      models: () => [],
      includes: () => [],
      groupNames: () => [],
      mechanics: () => readMechanics(parsed.documents[0].value, new Locator(parsed, parsed.documents[0])),
    };
    return completionsAt(lines, position, sources).map((i) => i.label);
  };

  it("offers `partner` and `matched` where a matching gives them, and the partner's quantities after `partner.`", () => {
    const own = complete(edit(TRUST, 'max: "me.received"', 'max: "|"').join('\n'));
    assert.ok(own.includes('partner') && own.includes('matched'), own.join(', '));
    const members = complete(edit(TRUST, 'max: "me.received"', 'max: "partner.|"').join('\n'));
    assert.deepEqual(members.sort(), ['coins', 'received']);
    const none = complete(
      edit(TRUST, 'max: "me.received"', 'max: "|"')
        .filter((l) => !l.startsWith('matching:') && !l.includes('between:'))
        .join('\n'),
    );
    assert.ok(!none.includes('partner') && !none.includes('matched'), none.join(', '));
  });
});
