// The editor's side of a scenario's mechanics (issue 34, `state:` and `actions:`): the checks of
// their expressions, effect targets, bounds and names (SOC023, SOC061–SOC065) with the exact place
// inside the YAML string, completion in expressions and effect keys, and hover on the names.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  completionsAt,
  complete,
  hoverAt,
  parseSociety,
  type CompletionSources,
  type Diagnostic,
} from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { scenarioFromText } from '../engine/traceHelpers';
import { checkMechanics } from '../../../src/core/format/checks/mechanicsCheck';
import { applyEdits, cursorIn, projectOf, textAt, linesDiagnostics, marked } from './editorFixtures';

const file = path.resolve('/virtual/mechanics/s.society');
const HEAD = ['kind: scenario', 'name: S', 'personas:', '  - { id: ana, name: Ana }'];

const diagnostics = (lines: string[]) => linesDiagnostics(file, lines);

/** `line:col CODE <<the text the range covers>>`, 1-based, in the order of the file. */
async function marks(lines: string[]): Promise<string[]> {
  const { text, all } = await diagnostics(lines);
  return marked(text, all, { bare: true });
}

/** `line:col <<the text the range covers>> [severity ]CODE message` of each diagnostic, 1-based. */
function told(text: string, all: Diagnostic[], severity = false): string[] {
  return all.map(
    (d) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${severity ? `${d.severity} ` : ''}${d.code} ${d.message}`,
  );
}

/** `CODE message` of each diagnostic. */
async function messages(lines: string[]): Promise<string[]> {
  return (await diagnostics(lines)).all.map((d) => `${d.code} ${d.message}`);
}

/** The example of the format reference: fish regrow, a harvest, a sanction. */
const EXAMPLE = [
  ...HEAD,
  'state:',
  '  world:',
  '    fish: { initial: 100, min: 0, max: 200, update: "world.fish + 0.25 * world.fish * (1.0 - world.fish / 200.0)" }',
  '  agents:',
  '    catch: { initial: 0, min: 0 }',
  'actions:',
  '  harvest:',
  '    description: Fish the lake.',
  '    args: { amount: { type: number, min: 0, max: 10 } }',
  '    when: "world.fish > 0.0"',
  '    effects:',
  '      world.fish: "world.fish - min(args.amount, world.fish)"',
  '      me.catch: "me.catch + min(args.amount, world.fish)"',
  '  sanction:',
  '    description: Fine another fisher.',
  '    args: { target: { type: agent } }',
  '    effects:',
  '      target.catch: "target.catch - 2.0"',
];

describe('mechanics: checks', () => {
  it('generations rank by an agent quantity that exists (SOC062), at the name', async () => {
    const lines = [...EXAMPLE, 'generations: { every: 5, fitness: cath }'];
    assert.deepEqual(await marks(lines), [`${lines.length}:35 SOC062 <<cath>>`]);
    assert.deepEqual(await messages(lines), [
      "SOC062 Unknown agent quantity 'cath' for generations.fitness. Did you mean 'catch'? (defined: catch)",
    ]);
    assert.deepEqual(await marks([...EXAMPLE, 'generations: { every: 5, fitness: catch }']), []);
  });

  it('a scenario without state or actions gets nothing new; the reference example is clean', async () => {
    assert.deepEqual(await marks(HEAD), []);
    assert.deepEqual(await marks(EXAMPLE), []);
  });

  it('marks the offending name inside the string, in every style of scalar (SOC061)', async () => {
    const out = await marks([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, update: "world.fsh * 1.0" }',
      '  agents:',
      '    catch: { initial: 0 }',
      'actions:',
      '  a:',
      '    description: A.',
      '    when: world.fish > 0.0 && me.cach > 1.0',
      '    effects:',
      "      world.fish: 'world.fish - traits.opennes'",
      '      me.catch: |',
      '        me.catch +',
      '          world.fishh',
      '  b:',
      '    description: B.',
      '    when: >-',
      '      world.fish >',
      '      me.ctch',
      '    effects:',
      '      me.catch: "me.catch\\t+ world.fsh"',
      '      world.fish: world.fish -',
      '        me.cach',
    ]);
    assert.deepEqual(out, [
      '7:42 SOC061 <<fsh>>', // double-quoted, in a flow mapping
      '13:34 SOC061 <<cach>>', // plain
      '15:40 SOC061 <<opennes>>', // single-quoted
      '18:17 SOC061 <<fishh>>', // literal block, on a line indented more than the first
      '23:10 SOC061 <<ctch>>', // folded block
      '25:17 SOC061 <<"me.catch\\t+ world.fsh">>', // an escape: the whole string
      '27:12 SOC061 <<cach>>', // a plain scalar over two lines
    ]);
  });

  it('says which quantities, traits and arguments exist, and what was meant', async () => {
    const out = await messages([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, update: "world.fsh * 1.0" }',
      '    pot: { initial: 0, update: "world.pot" }',
      '  agents:',
      '    catch: { initial: 0 }',
      'actions:',
      '  a:',
      '    description: A.',
      '    args: { amount: {}, target: { type: agent } }',
      '    effects:',
      '      world.pot: "world.pot + traits.opennes + args.amout + target.cash"',
    ]);
    assert.deepEqual(out, [
      "SOC061 Unknown world quantity 'fsh'. Did you mean 'fish'? (defined: fish, pot)",
      "SOC061 Unknown trait 'opennes'. Did you mean 'openness'? (traits: openness, conscientiousness, extraversion, agreeableness, neuroticism)",
    ]);
    // One problem per expression (the first): then the next, once it is fixed.
    const next = await messages([
      ...HEAD,
      'state:',
      '  world:',
      '    pot: { initial: 0 }',
      '  agents:',
      '    catch: { initial: 0 }',
      'actions:',
      '  a:',
      '    description: A.',
      '    args: { amount: {}, target: { type: agent } }',
      '    effects:',
      '      world.pot: "world.pot + args.amout"',
      '      me.catch: "target.cash"',
    ]);
    assert.deepEqual(next, [
      "SOC061 Unknown argument 'amout' of action 'a'. Did you mean 'amount'? (defined: amount, target)",
      "SOC061 Unknown agent quantity 'cash' (defined: catch)",
    ]);
  });

  it('names what a scope cannot read: a quantity without its namespace, `me` in a world update, `args` in a `when`', async () => {
    const { text, all } = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, update: "fish * 1.1" }',
      '    pot: { initial: 0, update: "world.pot + me.catch" }',
      '  agents:',
      '    catch: { initial: 0, update: "catch * 0.9" }',
      'actions:',
      '  a:',
      '    description: A.',
      '    args: { amount: {} }',
      '    when: "args.amount > 0.5 && world.pot > 0.0"',
      '    effects:',
      '      world.pot: "world.pot + wrld.fish"',
    ]);
    assert.deepEqual(
      all.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
      [
        "7:36 Unknown name 'fish': a world quantity is read as 'world.fish'",
        "8:45 The update of world quantity 'pot' cannot read 'me': a world quantity's update reads only world.<quantity>, n, round and agents",
        "10:35 Unknown name 'catch': an agent quantity is read as 'me.catch'",
        "15:12 The `when` of action 'a' cannot read 'args': a `when` is checked before the arguments are chosen",
        "17:31 Unknown name 'wrld'. Did you mean 'world'? (the effect on world.pot of action 'a' reads: world, n, round, agents, me, traits, args)",
      ],
    );
    // The quick fixes write what was meant.
    const fixes = all.flatMap((d) => d.fixes ?? []);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Change to 'world.fish'", "Change to 'me.catch'", "Change to 'world'"],
    );
    const fixed = applyEdits(text, fixes);
    assert.match(fixed, /update: "world\.fish \* 1\.1"/);
    assert.match(fixed, /update: "me\.catch \* 0\.9"/);
    assert.match(fixed, /"world\.pot \+ world\.fish"/);
  });

  it('a lone `=` where a comparison was meant: did you mean `==`, with its quick fix (issue 73)', async () => {
    const { text, all } = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    pot: { initial: 0 }',
      'actions:',
      '  a:',
      '    description: A.',
      '    when: "world.pot = 0.0 && n >= 1"',
      '    effects: { world.pot: "world.pot + 2.0" }',
    ]);
    assert.deepEqual(
      all.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`),
      [
        "SOC061 11:22 Invalid expression in the `when` of action 'a': unexpected `=`: did you mean `==` (a comparison)? Expressions do not assign",
      ],
    );
    const fixes = all.flatMap((d) => d.fixes ?? []);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Change to '=='"],
    );
    assert.match(applyEdits(text, fixes), /when: "world\.pot == 0\.0 && n >= 1"/);
  });

  it('a condition must give a condition, an update or effect a number; a syntax error is marked where it is', async () => {
    const out = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, update: "world.fish > 1.0" }',
      'actions:',
      '  a:',
      '    description: A.',
      '    when: "world.fish"',
      '    effects:',
      '      world.fish: "world.fish +"',
      '  b:',
      '    description: B.',
      '    effects:',
      '      world.fish: ""',
    ]);
    assert.deepEqual(
      out.all.map(
        (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(out.text, d.range)}>> ${d.message}`,
      ),
      [
        "7:36 <<world.fish > 1.0>> The update of world quantity 'fish' gives bool, where a number is needed",
        "11:12 <<world.fish>> The `when` of action 'a' gives double, where a condition (bool) is needed",
        "13:31 <<+>> Invalid expression in the effect on world.fish of action 'a': Unexpected token: EOF",
        '17:19 <<"">> The effect on world.fish of action \'b\' is empty: write an expression, e.g. `me.catch + 1.0`',
      ],
    );
  });

  it('whole numbers mix with the state, in operators and in min, max and clamp', async () => {
    assert.deepEqual(
      await marks([
        ...HEAD,
        'state:',
        '  world:',
        '    fish: { initial: 100, update: "clamp(world.fish * 2, 0, 200) - max(1, n) + round" }',
        'actions:',
        '  a:',
        '    description: A.',
        '    when: "world.fish > 0 && round >= 2"',
        '    effects:',
        '      world.fish: "min(world.fish - 1, 5)"',
      ]),
      [],
    );
  });

  it('effect targets: a quantity of the world, of the agent, of an agent argument (SOC062)', async () => {
    const { text, all } = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, update: "world.fish" }',
      '  agents:',
      '    catch: { initial: 0, valued: false }', // a 0/1 record (SOC106 otherwise): SOC062 is the point here
      'actions:',
      '  a:',
      '    description: A.',
      '    args: { amount: {}, target: { type: agent } }',
      '    effects:',
      '      world.fsh: "1.0"',
      '      targt.catch: "1.0"',
      '      target.cash: "1.0"',
      '      amount.catch: "1.0"',
      '      args.amount: "1.0"',
      '      me.catch: "1.0"',
    ]);
    assert.deepEqual(told(text, all), [
      "15:13 <<fsh>> SOC062 Effect of action 'a' on unknown world quantity 'fsh'. Did you mean 'fish'? (world quantities: fish)",
      "16:7 <<targt>> SOC062 Unknown 'targt' in effect target 'targt.catch'. Did you mean 'target'?: an effect changes world.<quantity>, me.<quantity> or <agent argument>.<quantity> (agent arguments of 'a': target)",
      "17:14 <<cash>> SOC062 Effect of action 'a' on unknown agent quantity 'cash' (agent quantities: catch)",
      "18:7 <<amount>> SOC062 'amount' is a number argument of action 'a', not an agent: an effect changes world.<quantity>, me.<quantity> or <agent argument>.<quantity>",
      "19:7 <<args>> SOC062 'args' cannot be changed: an effect changes world.<quantity>, me.<quantity> or <agent argument>.<quantity>",
    ]);
    const fixed = applyEdits(
      text,
      all.flatMap((d) => d.fixes ?? []),
    );
    assert.match(fixed, /\n {6}world\.fish: "1\.0"\n {6}target\.catch: "1\.0"\n/);
  });

  it('bounds: min > max, an initial value outside them; a number argument without max ranges min..min+1 (SOC063)', async () => {
    const { text, all } = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, min: 10, max: 5, update: "world.fish" }',
      '    pot: { initial: 300, max: 200, update: "world.pot" }',
      '    gold: { min: 1, update: "world.gold" }',
      'actions:',
      '  a:',
      '    description: A.',
      '    args:',
      '      amount: { min: 3 }',
      '      share: { min: 0.2, max: 0.8, integer: true }',
      '      cut: { max: 5 }',
    ]);
    assert.deepEqual(told(text, all), [
      "7:32 <<10>> SOC063 World quantity 'fish' has min 10 > max 5",
      "8:21 <<300>> SOC063 World quantity 'pot' starts at 300, above its max 200",
      "9:5 <<gold>> SOC063 World quantity 'gold' starts at 0 (the default: set `initial`), below its min 1",
      "15:7 <<share>> SOC063 Argument 'share' of action 'a' is a whole number from 0.2 to 0.8: there is none to choose",
    ]);
  });

  it('bounds that leave no value: written as number literals, or set by a condition, are errors too (SOC063, issue 70)', async () => {
    const { text, all } = await diagnostics([
      ...HEAD,
      'state:',
      '  agents:',
      '    coins: { initial: 10 }',
      'actions:',
      '  give:',
      '    description: Give.',
      '    args:',
      '      amount: { min: "5.0", max: "3.0" }',
      '      share: { min: 0, max: "me.coins" }',
      '      part: { min: 1, max: 3 }',
      '    effects: { me.coins: "me.coins - args.amount" }',
      'experiment:',
      '  conditions:',
      '    - { name: base, set: {} }',
      '    - { name: hi, set: { actions.give.args.part.min: 4 } }',
      '    - { name: whole, set: { actions.give.args.part.integer: true, actions.give.args.part.max: 1.5, actions.give.args.part.min: 1.2 } }',
      '    - { name: fine, set: { actions.give.args.part.max: "me.coins", actions.give.args.share.min: 20 } }',
    ]);
    assert.deepEqual(
      told(text, all).filter((l) => l.includes('SOC063')),
      [
        "12:22 <<\"5.0\">> SOC063 Argument 'amount' of action 'give' has min 5 > max 3",
        "19:54 <<4>> SOC063 Argument 'part' of action 'give' in condition 'hi' has min 4 > max 3",
        "20:128 <<1.2>> SOC063 Argument 'part' of action 'give' in condition 'whole' is a whole number from 1.2 to 1.5: there is none to choose",
      ],
    );
  });

  it('a condition whose argument bounds leave no value is refused when applied (issue 70)', async () => {
    const scenario = await scenarioFromText(
      [
        ...HEAD,
        '  - { id: bo, name: Bo }',
        'state: { agents: { coins: { initial: 10 } } }',
        'actions:',
        '  give:',
        '    description: Give.',
        '    args: { part: { min: 1, max: 3 } }',
        '    effects: { me.coins: "me.coins - args.part" }',
        '',
      ].join('\n'),
    );
    assert.throws(
      () => withOverrides(scenario, { 'actions.give.args.part.min': 4 }),
      /'actions\.give\.args\.part\.min': argument 'part' of action 'give' has min 4 > max 3, so the action could never be taken/,
    );
    assert.doesNotThrow(() => withOverrides(scenario, { 'actions.give.args.part.min': 2 }));
  });

  it('a number YAML reads as NaN or Infinity is an error where it is written, whatever the field (SOC076)', async () => {
    const { text, all } = await diagnostics([
      'kind: scenario',
      'name: S',
      'personas:',
      '  - { id: ana, name: Ana, traits: { openness: .nan } }',
      'world: { rounds: .inf }',
      'state:',
      '  world:',
      '    fish: { initial: .NaN, max: -.inf, update: "world.fish" }',
      '    pot: { initial: 1e400, min: -.Inf, update: "world.pot" }',
    ]);
    assert.deepEqual(told(text, all), [
      '4:47 <<.nan>> SOC076 `.nan` is NaN, not a finite number: write a number',
      '5:18 <<.inf>> SOC076 `.inf` is Infinity, not a finite number: write a number',
      '8:22 <<.NaN>> SOC076 `.NaN` is NaN, not a finite number: write a number',
      '8:33 <<-.inf>> SOC076 `-.inf` is -Infinity, not a finite number: write a number (for no upper bound, leave out `max`)',
      '9:21 <<1e400>> SOC076 `1e400` is Infinity, not a finite number: write a number',
      '9:33 <<-.Inf>> SOC076 `-.Inf` is -Infinity, not a finite number: write a number (for no lower bound, leave out `min`)',
    ]);
  });

  it('warns of a division of two whole numbers, with the fix to divide as numbers (SOC077)', async () => {
    const { text, all } = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    pot: { initial: 10, update: "world.pot + (n + 1) / (round) + world.pot / 2 + n * 0.5 / 2 + int(n / 2)" }',
      '  agents:',
      '    wealth: { initial: 1, integer: true }',
      'actions:',
      '  grow:',
      '    description: Grow.',
      '    effects:',
      '      me.wealth: "me.wealth + 5 / 2 - -7 / 2 + me.wealth / 2 + double(n) / 2"',
    ]);
    assert.deepEqual(told(text, all, true), [
      '7:46 <<(n + 1) / (round)>> warning SOC077 `(n + 1) / (round)` divides whole numbers and gives a whole number, the quotient rounded toward zero: write `(double(n + 1)) / (double(round))`, or `int((n + 1) / (round))` if the whole part is meant',
      '14:31 <<5 / 2>> warning SOC077 `5 / 2` divides whole numbers and gives 2, the whole part (`5.0 / 2.0` gives 2.5): write `5.0 / 2.0`, or `int(5 / 2)` if the whole part is meant',
      '14:39 <<-7 / 2>> warning SOC077 `-7 / 2` divides whole numbers and gives -3, the whole part (`-7.0 / 2.0` gives -3.5): write `-7.0 / 2.0`, or `int(-7 / 2)` if the whole part is meant',
    ]);
    const fixed = applyEdits(
      text,
      all.flatMap((d) => d.fixes ?? []),
    );
    assert.match(fixed, /world\.pot \+ \(double\(n \+ 1\)\) \/ \(double\(round\)\) \+/);
    assert.match(fixed, /"me\.wealth \+ 5\.0 \/ 2\.0 - -7\.0 \/ 2\.0 \+/);
    assert.deepEqual(await marks(fixed.trimEnd().split('\n')), [], 'the fixed expressions divide as numbers');
  });

  it('names expressions could not read (SOC023)', async () => {
    const out = await marks([
      ...HEAD,
      'state:',
      '  world:',
      '    in: { initial: 1, update: "1.0" }',
      '    constructor: { initial: 1, update: "1.0" }',
      'actions:',
      '  a:',
      '    description: A.',
      '    args: { world: { type: agent }, traits: { type: number }, while: { type: agent }, "null": {} }',
    ]);
    assert.deepEqual(out, [
      '7:5 SOC023 <<in>>',
      '8:5 SOC023 <<constructor>>',
      '12:13 SOC023 <<world>>',
      '12:63 SOC023 <<while>>',
      '12:87 SOC023 <<"null">>',
    ]);
    const said = await messages([
      ...HEAD,
      'actions:',
      '  a:',
      '    description: A.',
      '    args: { me: { type: agent } }',
    ]);
    assert.deepEqual(said, [
      "SOC023 Agent argument 'me' of action 'a' has a reserved name: expressions read 'me' as the acting agent. Choose another name, e.g. 'me_agent'",
    ]);
  });

  it('warns of an action nobody can take and a world quantity with no part to play (SOC064, SOC065)', async () => {
    const out = await diagnostics([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100 }',
      '    pot: { initial: 5 }',
      '    tax: { initial: 0.1 }',
      '    stock: { initial: 3 }',
      'actions:',
      '  never:',
      '    description: Never.',
      '    when: "1 > 2"',
      '  nope:',
      '    description: Nope.',
      '    when: "false || world.fish > 0.0 && false"',
      '  later:',
      '    description: Later.',
      '    when: "round > 100 && world.tax > 0.0"',
      '    effects:',
      '      world.pot: "world.pot + 1.0"',
    ]);
    assert.deepEqual(told(out.text, out.all, true), [
      // A tally actions raise and nothing reads: bookkeeping that would steer choices (issue 62).
      "8:5 <<pot>> warning SOC106 World quantity 'pot' only counts what agents do ('later' raises it) and nothing reads it, yet it is valued: the offline model weighs a rise in it as a gain for everyone (the more, the more agreeable the agent), so it makes 'later' worth doing for that alone. If it only measures, add `valued: false`; if agents should want it, write `valued: true`",
      "10:5 <<stock>> warning SOC065 World quantity 'stock' never changes (no `update`, no action's effect) and no expression reads it: it stays 3",
      '14:11 <<"1 > 2">> warning SOC064 Nobody can ever take action \'never\': its `when` is always false',
      '17:11 <<"false || world.fish > 0.0 && false">> warning SOC064 Nobody can ever take action \'nope\': its `when` is always false',
    ]);
  });

  it('in a scenario with syntax errors, reports only what does not depend on names', async () => {
    const out = await marks([
      ...HEAD,
      'state:',
      '  world:',
      '    fish: { initial: 100, min: 5, max: 1, update: "world.fsh +" }',
      'actions:',
      '  a:',
      '    description: A.',
      '    effects:',
      '      world.fsh: "1.0"',
      'bad: [',
    ]);
    assert.deepEqual(
      out.filter((m) => !/ SOC00\d /.test(m)),
      ['7:32 SOC063 <<5>>', '7:62 SOC061 <<+>>'],
    );
  });

  it('never throws on values of the wrong shape: the schema reports them', async () => {
    const shapes = [
      ['state: 5', 'actions: [1, 2]'],
      ['state: { world: [1], agents: "x" }', 'actions: { a: 5 }'],
      [
        'state:',
        '  world:',
        '    fish: { initial: "x", min: [], update: 5 }',
        'actions:',
        '  a: { description: 3, args: 7, effects: [1], when: {} }',
      ],
      [
        'actions:',
        '  a:',
        '    description: A.',
        '    args: { x: 5, y: { type: planet } }',
        '    effects: { "world.": "1.0", me.x: ~ }',
      ],
    ];
    for (const lines of shapes) {
      const all = (await diagnostics([...HEAD, ...lines])).all;
      assert.ok(all.length > 0, lines.join('\n'));
      assert.ok(
        all.every((d) => /^SOC0([01]\d|54)$/.test(d.code)),
        all.map((d) => `${d.code} ${d.message}`).join('\n'),
      );
    }
    const parsed = parseSociety('kind: scenario\nstate: { world: { fish: { update: "(((" } } }\n', file);
    assert.doesNotThrow(() =>
      checkMechanics({ state: { world: { fish: null } } }, new Locator(parsed, parsed.documents[0]), false),
    );
  });
});

/** Completion items at the `|` of a text, with the scenario's mechanics read from the text itself. */
function complete_(marked: string): ReturnType<typeof completionsAt> {
  const { lines, position, text } = cursorIn(marked);
  const parsed = parseSociety(text, file);
  const sources: CompletionSources = {
    personas: () => [],
    models: () => [],
    includes: () => [],
    mechanics: () => readMechanics(parsed.documents[0].value, new Locator(parsed, parsed.documents[0])),
  };
  return completionsAt(lines, position, sources);
}
const labels = (marked: string): string[] => complete_(marked).map((i) => i.label);

const STATE = [
  'kind: scenario',
  'name: S',
  'state:',
  '  world:',
  '    fish: { initial: 100, min: 0, max: 200, description: Fish in the lake. }',
  '    pot: { initial: 0 }',
  '  agents:',
  '    catch: { initial: 0, min: 0, hidden: true }',
  'actions:',
  '  harvest:',
  '    description: Fish the lake.',
  '    args: { amount: { type: number, min: 0, max: 10, description: How many. }, target: { type: agent } }',
  '    effects:',
  '      world.fish: "world.fish - args.amount"',
  '',
].join('\n');

describe('mechanics: completion', () => {
  it('after `world.`, `me.`, an agent argument, `traits.` and `args.`: their names, replacing the word', () => {
    const world = complete_(`${STATE}      me.catch: "me.catch + world.f|"\n`);
    assert.deepEqual(
      world.map((i) => i.label),
      ['fish', 'pot'],
    );
    assert.deepEqual(world[0].range, { start: { line: 14, character: 34 }, end: { line: 14, character: 35 } });
    assert.equal(world[0].detail, 'world quantity · 0..200');
    assert.match(
      world[0].documentation!,
      /^\*\*world\.fish\*\* · world quantity · initial 100 · 0\.\.200\n\nFish in the lake\.$/,
    );
    assert.deepEqual(labels(`${STATE}      me.catch: "me.|"\n`), ['catch']);
    assert.deepEqual(labels(`${STATE}      me.catch: "target.|"\n`), ['catch']);
    assert.equal(complete_(`${STATE}      me.catch: "target.|"\n`)[0].detail, 'agent quantity · hidden · 0..∞');
    assert.deepEqual(labels(`${STATE}      me.catch: 'me.catch * traits.|'\n`), [
      'openness',
      'conscientiousness',
      'extraversion',
      'agreeableness',
      'neuroticism',
    ]);
    const args = complete_(`${STATE}      me.catch: me.catch + min(args.|, 1.0)\n`);
    assert.deepEqual(
      args.map((i) => [i.label, i.detail]),
      [
        ['amount', 'number 0..10 · argument'],
        ['target', 'agent · argument'],
      ],
    );
  });

  it("on its own: the names of the expression's scope and the functions", () => {
    const effect = complete_(`${STATE}      me.catch: "me.catch + |"\n`);
    assert.deepEqual(
      effect.map((i) => i.label),
      ['world', 'n', 'round', 'agents', 'me', 'traits', 'args', 'target', 'min', 'max', 'clamp', 'sum', 'mean', 'sd'],
    );
    const world = effect.find((i) => i.label === 'world')!;
    assert.deepEqual([world.insertText, world.retrigger], ['world.', true]);
    const clamp = effect.find((i) => i.label === 'clamp')!;
    assert.deepEqual([clamp.insertText, clamp.snippet], ['clamp($1, $2, $3)', true]);
    const update = STATE.replace('pot: { initial: 0 }', 'pot: { initial: 0, update: "world.pot + |" }');
    assert.deepEqual(labels(update), ['world', 'n', 'round', 'agents', 'min', 'max', 'clamp', 'sum', 'mean', 'sd']);
    const when = STATE.replace('    effects:', '    when: world.fish > 0.0 && r|\n    effects:');
    const items = complete_(when);
    assert.deepEqual(
      items.map((i) => i.label),
      ['world', 'n', 'round', 'agents', 'me', 'traits', 'min', 'max', 'clamp', 'sum', 'mean', 'sd'],
    );
    assert.deepEqual(items[0].range, { start: { line: 12, character: 30 }, end: { line: 12, character: 31 } });
  });

  it('after the variable of a macro over `agents`: an agent quantity, id and group (issue 44: 4)', () => {
    assert.deepEqual(labels(`${STATE}      me.catch: "mean(agents.map(a, a.|))"\n`), ['catch', 'id', 'group']);
    assert.deepEqual(labels(`${STATE}      me.catch: "agents.|"\n`), []);
  });

  it('in block scalars, also on lines indented more than the first', () => {
    assert.deepEqual(labels(`${STATE}      me.catch: >-\n        me.catch +\n          world.|\n`), ['fish', 'pot']);
    assert.deepEqual(labels(`${STATE}      me.catch: |-\n        me.catch + a|\n`).slice(0, 3), [
      'world',
      'n',
      'round',
    ]);
  });

  it('nothing past the closing quote, after a number, or in a comment', () => {
    assert.deepEqual(labels(`${STATE}      me.catch: "me.catch" |\n`), []);
    assert.deepEqual(labels(`${STATE}      me.catch: "1.|"\n`), []);
    assert.deepEqual(labels(`${STATE}      me.catch: me.catch # world.|\n`), []);
  });

  it('effect keys: the targets not written yet, with a value to fill in', () => {
    const items = complete_(`${STATE}      |\n`);
    assert.deepEqual(
      items.map((i) => i.label),
      ['world.pot', 'me.catch', 'target.catch'],
    );
    assert.deepEqual([items[0].insertText, items[0].snippet], ['world.pot: "world.pot$1"', true]);
    const typed = complete_(`${STATE}      me.|\n`);
    assert.deepEqual(typed[0].range, { start: { line: 14, character: 6 }, end: { line: 14, character: 9 } });
    // Renaming the key of an entry with a value: the key alone.
    assert.equal(complete_(`${STATE}      me.c|: "1.0"\n`).find((i) => i.label === 'me.catch')!.insertText, 'me.catch');
  });

  it('from a project: the mechanics of the scenario being edited', async () => {
    const text = `${STATE}      me.catch: "world.p"\n`;
    const { project, file: at } = await projectOf({ 's.society': text });
    const items = await complete(project, at('s.society'), { line: 14, character: 24 });
    assert.deepEqual(
      items.map((i) => i.label),
      ['fish', 'pot'],
    );
  });
});

describe('mechanics: hover', () => {
  const text = `${STATE}      me.catch: "me.catch + min(args.amount, target.catch) * traits.openness"\n`;
  const hover = async (needle: string, delta: number): Promise<{ markdown: string; covered: string } | undefined> => {
    const { project, file: at } = await projectOf({ 's.society': text });
    const h = await hoverAt(project, at('s.society'), text.lastIndexOf(needle) + delta);
    return h && { markdown: h.markdown, covered: textAt(text, h.range) };
  };

  it('a quantity in an expression and in an effect key: its description and bounds', async () => {
    assert.deepEqual(await hover('world.fish - args', 8), {
      markdown: '**world.fish** · world quantity · initial 100 · 0..200\n\nFish in the lake.',
      covered: 'fish',
    });
    assert.deepEqual(await hover('world.fish:', 7), {
      markdown: '**world.fish** · world quantity · initial 100 · 0..200\n\nFish in the lake.',
      covered: 'fish',
    });
    assert.deepEqual(await hover('target.catch)', 8), {
      markdown: '**target.catch** · agent quantity · initial 0 · 0..∞ · hidden from others',
      covered: 'catch',
    });
  });

  it('an argument, a trait, a namespace, a function', async () => {
    assert.deepEqual(await hover('args.amount,', 6), {
      markdown: "**args.amount** · number · 0..10 · argument of action 'harvest'\n\nHow many.",
      covered: 'amount',
    });
    assert.match(
      (await hover('traits.openness', 9))!.markdown,
      /^\*\*traits\.openness\*\* · number 0\.\.1 · the acting agent's trait\n\nBig Five openness/,
    );
    assert.deepEqual(await hover('me.catch +', 1), {
      markdown: "**me** · the acting agent's quantities: catch",
      covered: 'me',
    });
    assert.deepEqual(await hover('min(args', 2), {
      markdown:
        '**min(a, b)** · function\n\nThe smaller of two numbers; `min(list)` the least of a list (0 for none): `min(agents.map(a, a.q))`.',
      covered: 'min',
    });
    assert.match((await hover('target.catch)', 2))!.markdown, /^\*\*target\*\* · agent · argument of action 'harvest'/);
  });

  it("elsewhere in the value, the key's documentation as before", async () => {
    const h = await hover('* traits', 0);
    assert.match(h!.markdown, /^\*\*me\.catch\*\* · string/);
  });
});

describe('mechanics: completion in a remember text (issue 61)', () => {
  const remember = (value: string): string => STATE.replace('    effects:', `    remember: ${value}\n    effects:`);

  it("after `{args.` the action's arguments, after `{world.` and `{me.` the quantities", () => {
    const args = complete_(remember('"I fished {args.|"'));
    assert.deepEqual(
      args.map((i) => [i.label, i.detail]),
      [
        ['amount', 'number 0..10 · argument'],
        ['target', 'agent · argument'],
      ],
    );
    assert.deepEqual(args[0].range, { start: { line: 12, character: 30 }, end: { line: 12, character: 30 } });
    assert.match(args[0].documentation!, /^\*\*args\.amount\*\* · number · 0\.\.10 · argument of action 'harvest'/);
    assert.deepEqual(labels(remember('I fished {args.am|}; {world.fish} left')), ['amount', 'target']);
    assert.deepEqual(labels(remember("'{args.amount} taken, {world.|'")), ['fish', 'pot']);
    assert.deepEqual(labels(remember('"I have {me.|"')), ['catch']);
  });

  it('right after `{` the three namespaces; in the prose around them nothing', () => {
    const items = complete_(remember('"I fished {|"'));
    assert.deepEqual(
      items.map((i) => [i.label, i.insertText, i.retrigger]),
      [
        ['args', 'args.', true],
        ['world', 'world.', true],
        ['me', 'me.', true],
      ],
    );
    assert.deepEqual(labels(remember('"I fished a|"')), []);
    assert.deepEqual(labels(remember('"I fished {args.amount} t|"')), []);
  });
});

describe('mechanics: hover on a macro variable over `agents` (issue 61)', () => {
  const text = STATE.replace(
    'pot: { initial: 0 }',
    'pot: { initial: 0, update: "world.pot + mean(agents.map(a, a.catch)) + size(agents.filter(b, b.id != b.group))" }',
  );
  const hover = async (needle: string, delta: number): Promise<{ markdown: string; covered: string } | undefined> => {
    const { project, file: at } = await projectOf({ 's.society': text });
    const h = await hoverAt(project, at('s.society'), text.indexOf(needle) + delta);
    return h && { markdown: h.markdown, covered: textAt(text, h.range) };
  };

  it("`a.catch` inside `map(a, …)`: the quantity's docs, not the `update` key's", async () => {
    assert.deepEqual(await hover('a.catch)', 3), {
      markdown:
        '**a.catch** · agent quantity · initial 0 · 0..∞ · hidden from others\n\nRead here for each agent of `agents`.',
      covered: 'catch',
    });
    assert.deepEqual(await hover('b.id', 3), { markdown: "**b.id** · string · the agent's id", covered: 'id' });
    assert.deepEqual(await hover('b.group', 3), {
      markdown: "**b.group** · string · the agent's group ('' for none)",
      covered: 'group',
    });
  });
});
