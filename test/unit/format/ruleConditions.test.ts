// Issue 44, point 3, as the editor and `check` see it: a condition's `feeds.…`, `round.…` and
// `actions.…` keys name what the scenario declares (else SOC054 at the key with the nearest path
// and a fix), their values are of the field's kind (SOC012/SOC013 at the value), the expressions
// they set are checked in their scope (SOC061 inside the string), and completion offers them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  completionsAt,
  NodeFileSystem,
  OverlayFileSystem,
  parseSociety,
  SocietyWorkspace,
  type CompletionSources,
} from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { cursorIn, textAt } from './editorFixtures';

const file = path.resolve('/virtual/ruleConditions/s.society');

const FEED = [
  'kind: scenario',
  'name: Feed',
  'population:',
  '  - { group: students, count: 4 }',
  'state:',
  '  agents:',
  '    liked: { initial: 0 }',
  'feeds:',
  '  timeline:',
  '    rank: { recency: 1, likes: 0 }',
  'actions:',
  '  like:',
  '    description: Like a post.',
  '    args: { it: { type: post } }',
  '    like: it',
  '    effects:',
  '      me.liked: "me.liked + 1.0"',
  '  read:',
  '    description: Read.',
  'round:',
  '  - phase: browse',
  '    order: sequential',
  '  - learn',
  'experiment:',
  '  conditions:',
  '    - name: popular',
  '      set:',
];

async function told(...set: string[]): Promise<string[]> {
  const text = [...FEED, ...set.map((s) => `        ${s}`), ''].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics
    .filter((d) => d.severity === 'error')
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} <<${textAt(text, d.range)}>> ${d.message}` +
        (d.fixes?.length ? ` [fix: ${d.fixes.map((f) => f.newText).join(', ')}]` : ''),
    );
}

const LINE = FEED.length + 1;

describe("a condition's feeds, phases and actions: checks (issue 44: 3)", () => {
  it('accepts every field the scenario has: rank weights, a phase, an action and its effect', async () => {
    assert.deepEqual(
      await told(
        'feeds.timeline.rank.likes: 2',
        'feeds.timeline.shows: 3',
        'round.browse.order: simultaneous',
        'round.browse.who: [students]',
        'round.browse.when: "round > 1"',
        'round.learn.when: "mean(agents.map(a, a.liked)) > 0.0"',
        'actions.like.when: "me.liked < 5.0"',
        'actions.like.effects.me.liked: "me.liked + 2.0"',
        'actions.like.description: Like a post you liked.',
      ),
      [],
    );
  });

  it('a path the scenario does not have is SOC054 at the key, with the nearest and a fix', async () => {
    const [typo] = await told('feeds.timeline.rank.lkes: 2');
    assert.match(
      typo,
      new RegExp(
        `^${LINE}:9 SOC054 <<feeds.timeline.rank.lkes>> Cannot vary 'feeds.timeline.rank.lkes': a feed has no such field\\. Did you mean 'feeds\\.timeline\\.rank\\.likes'\\? \\[fix`,
      ),
    );
    assert.match(typo, /\[fix: feeds\.timeline\.rank\.likes\]$/);
    const [feed] = await told('feeds.timline.rank.likes: 2');
    assert.match(feed, /no feed 'timline' \(timeline\).*\[fix: feeds\.timeline\.rank\.likes\]$/);
    const [action] = await told('actions.lik.when: "true"');
    assert.match(action, /no action 'lik' \(like, read\).*\[fix: actions\.like\.when\]$/);
    const [phase] = await told('round.brwse.order: sequential');
    assert.match(phase, /no phase 'brwse' \(browse, learn\).*\[fix: round\.browse\.order\]$/);
  });

  it('a value of the wrong kind is said at the value', async () => {
    const [order] = await told('round.browse.order: sideways');
    assert.match(
      order,
      new RegExp(`^${LINE}:29 SOC013 <<sideways>> .*must be one of: simultaneous, sequential; found 'sideways'`),
    );
    const [weight] = await told('feeds.timeline.rank.likes: lots');
    assert.match(weight, /SOC012 <<lots>> .*must be a number/);
  });

  it("a phase's actions or feeds a condition lists name declared ones (SOC090), at the item", async () => {
    const [d, ...rest] = await told('round.browse.actions: [like, rad]');
    assert.equal(rest.length, 0);
    assert.equal(
      d,
      `${LINE}:38 SOC090 <<rad>> 'round.browse.actions' names action 'rad', which the scenario does not declare. ` +
        "Did you mean 'read'? (actions: like, read) [fix: read]",
    );
    const [feed] = await told('round.browse.reads: [timelin]');
    assert.match(feed, /SOC090 <<timelin>> .*feed 'timelin'.*Did you mean 'timeline'\?/);
    assert.deepEqual(await told('round.browse.actions: [read]'), []);
  });

  it("a phase's actions a condition gives by group name declared actions (SOC090) and groups (SOC082)", async () => {
    const said = await told('round.browse.actions: { studnts: [like], students: [rad] }');
    assert.deepEqual(said, [
      `${LINE}:33 SOC082 <<studnts>> 'round.browse.actions' gives actions to group 'studnts', which no population group or persona has. Did you mean 'students'? (groups: students) [fix: students]`,
      `${LINE}:61 SOC090 <<rad>> 'round.browse.actions' names action 'rad', which the scenario does not declare. Did you mean 'read'? (actions: like, read) [fix: read]`,
    ]);
    assert.deepEqual(await told('round.browse.actions: { students: [read] }'), []);
  });

  it('an expression a condition sets is checked in its scope, inside the string (SOC061)', async () => {
    const [when] = await told('round.browse.when: "me.liked > 0.0"');
    assert.match(
      when,
      new RegExp(`^${LINE}:29 SOC061 <<me>> The \`when\` of phase 'browse' in condition 'popular' cannot read 'me'`),
    );
    const [effect] = await told('actions.like.effects.me.liked: "me.likd + 1.0"');
    assert.match(effect, /SOC061 <<likd>> Unknown agent quantity 'likd'\. Did you mean 'liked'\?.*\[fix: liked\]$/);
    const [bool] = await told('actions.like.when: "me.liked"');
    assert.match(bool, /SOC061 .* gives double, where a condition \(bool\) is needed/);
  });

  it("completion at a key of a condition's set: offers the feeds', phases' and actions' fields", () => {
    const { lines, position, text } = cursorIn([...FEED, '        |', ''].join('\n'));
    const parsed = parseSociety(text, file);
    const doc = parsed.documents[0];
    const sources: CompletionSources = {
      personas: () => [],
      models: () => [],
      includes: () => [],
      mechanics: () => readMechanics(doc.value, new Locator(parsed, doc)),
      scenarioValue: () => doc.value,
    };
    const labels = completionsAt(lines, position, sources).map((i) => i.label);
    for (const p of [
      'feeds.timeline.rank.likes',
      'round.browse.when',
      'round.learn.when',
      'actions.like.effects.me.liked',
      'actions.like.when',
    ]) {
      assert.ok(labels.includes(p), p);
    }
  });
});
