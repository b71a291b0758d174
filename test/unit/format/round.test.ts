// The editor's side of a declared round and a platform's feeds (issue 34, `round:`, `feeds:`): what
// phases and platform actions name (SOC066–SOC071), phases that never run or have nothing to do
// (SOC064, SOC072, SOC073), a phase's `when` (SOC061), each at the name or value it is about;
// completion of the names and hovers that say what a phase, a feed and a post's field are.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { completionsAt, hoverAt, parseSociety, type CompletionSources } from '../../../src/core/format';
import { Locator } from '../../../src/core/format/syntax/locate';
import { readMechanics } from '../../../src/core/format/assemble/mechanicsSource';
import { checkMechanics } from '../../../src/core/format/checks/mechanicsCheck';
import { cursorIn, projectOf, textAt, linesDiagnostics, marked } from './editorFixtures';

const file = path.resolve('/virtual/round/s.society');

const diagnostics = (lines: string[]) => linesDiagnostics(file, lines);

/** `line:col CODE <<the text the range covers>> message`, 1-based, in the order of the file. */
async function marks(lines: string[]): Promise<string[]> {
  const { text, all } = await diagnostics(lines);
  return marked(text, all);
}

/** A forum: two groups, one feed, a post, a reply, a like, a follow, and a round reading the feed. */
const FORUM = [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana, group: regulars }',
  'population:',
  '  - { group: students, count: 3 }',
  'world: { rounds: 10 }',
  'feeds:',
  '  forum: { description: The forum., rank: { recency: 1, likes: 0.5 }, shows: 4, keep: 6 }',
  'actions:',
  '  post:',
  '    description: Start a thread.',
  '    post: forum',
  '  reply:',
  '    description: Reply to a post.',
  '    args: { to: { type: post, description: the post you reply to } }',
  '    post: forum',
  '    reply_to: to',
  '    ties: { to: 0.1 }',
  '  like:',
  '    description: Like a post.',
  '    args: { it: { type: post } }',
  '    like: it',
  '  follow:',
  '    description: Follow someone.',
  '    args: { whom: { type: agent } }',
  '    follow: whom',
  'round:',
  '  - phase: browse',
  '    description: Read and post.',
  '    actions: [post, reply, like, follow]',
  '    order: sequential',
  '    who: [students, regulars]',
  '    reads: [forum]',
  '    when: "round > 1"',
  '  - meet',
  '  - evaluate',
  '  - { phase: learn, when: "round % 2 == 0" }',
];
const line = (needle: string): number => FORUM.findIndex((l) => l.includes(needle));
/** FORUM with the line holding `needle` replaced by `lines`. */
const edit = (needle: string, ...lines: string[]): string[] => {
  const i = line(needle);
  assert.ok(i >= 0, needle);
  return [...FORUM.slice(0, i), ...lines, ...FORUM.slice(i + 1)];
};

describe('round and feeds: checks', () => {
  it('the forum reads cleanly', async () => {
    assert.deepEqual(await marks(FORUM), []);
  });

  it("a phase's actions, groups and feeds exist, with the names meant (SOC066, SOC067, SOC068)", async () => {
    const lines = edit('reads: [forum]', '    reads: [froum]');
    const all = await marks(
      lines.map((l) =>
        l === '    actions: [post, reply, like, follow]'
          ? '    actions: [post, rpely, like, follow]'
          : l === '    who: [students, regulars]'
            ? '    who: [studnets]'
            : l,
      ),
    );
    assert.deepEqual(all, [
      // The action meant is then offered by no phase.
      "14:3 SOC064 <<reply>> Nobody can ever take action 'reply': no phase of `round` offers it: add it to the `actions` of 'browse'",
      "31:21 SOC066 <<rpely>> Unknown action 'rpely' in phase 'browse'. Did you mean 'reply'? (actions: post, reply, like, follow)",
      "33:11 SOC067 <<studnets>> Unknown group 'studnets' in `who` of phase 'browse'. Did you mean 'students'? (groups: students, regulars)",
      "34:13 SOC068 <<froum>> Unknown feed 'froum' in `reads` of phase 'browse'. Did you mean 'forum'? (feeds: forum)",
    ]);
    const { all: found } = await diagnostics(lines);
    assert.deepEqual(
      found[0].fixes?.map((f) => f.newText),
      ['forum'],
    );
  });

  it('with none declared, says what to declare', async () => {
    const bare = ['kind: scenario', 'name: S', 'personas: [{ id: ana, name: Ana }]', 'round:'];
    assert.deepEqual(await marks([...bare, '  - { phase: act, actions: [go], who: [x], reads: [f] }']), [
      "5:29 SOC066 <<go>> Unknown action 'go' in phase 'act': the scenario declares no actions: declare it under `actions:`",
      "5:40 SOC067 <<x>> Unknown group 'x' in `who` of phase 'act': no population group or persona has a `group`",
      "5:52 SOC068 <<f>> Unknown feed 'f' in `reads` of phase 'act': the scenario declares no feeds: declare it under `feeds:`",
    ]);
  });

  it('groups come from population groups, personas (included ones too) and personas events add', async () => {
    const { project, file: at } = await projectOf({
      'people.society': 'kind: persona\nid: bo\nname: Bo\ngroup: staff\n',
      's.society': [
        'kind: scenario',
        'name: S',
        'personas: [{ include: people.society }]',
        'events: [{ at: 2, add: [{ id: cy, name: Cy, group: guests }] }]',
        'actions: { go: { description: Go. } }',
        'round: [{ phase: act, who: [staff, guests] }]',
        '',
      ].join('\n'),
    });
    const r = await project.workspace.resolveScenario(at('s.society'), undefined, { build: false });
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      [],
    );
  });

  it("`post:` and a post argument's `feed:` name feeds; with several, a post argument says which (SOC068, SOC069)", async () => {
    const two = edit('  forum: {', FORUM[line('  forum: {')], '  news: {}');
    assert.deepEqual(await marks(edit('    post: forum', '    post: froum')), [
      "13:11 SOC068 <<froum>> Unknown feed 'froum' in `post` of action 'post'. Did you mean 'forum'? (feeds: forum)",
    ]);
    assert.deepEqual(await marks(two.map((l) => l.replace('it: { type: post }', 'it: { type: post, feed: nws }'))), [
      "17:13 SOC069 <<to>> Post argument 'to' of action 'reply' needs a `feed`: the scenario has 2 feeds (forum, news), and a post is chosen from one",
      "23:37 SOC068 <<nws>> Unknown feed 'nws' in `feed` of post argument 'it' of action 'like'. Did you mean 'news'? (feeds: forum, news)",
    ]);
    const chosen = two
      .map((l) => l.replace('it: { type: post }', 'it: { type: post, feed: news }'))
      .map((l) => l.replace('to: { type: post,', 'to: { type: post, feed: forum,'));
    assert.deepEqual(await marks(chosen), []);
  });

  it('an action that posts, likes or reads a post with no feeds declared (SOC069), once per action', async () => {
    const none = FORUM.filter((l) => !l.startsWith('feeds:') && !l.startsWith('  forum:')).map((l) =>
      l === '    reads: [forum]' ? '    reads: []' : l,
    );
    const all = await marks(none);
    assert.deepEqual(all, [
      "11:11 SOC069 <<forum>> Action 'post' posts on feed 'forum', but the scenario declares no feeds: declare it under `feeds:`",
      "15:11 SOC069 <<forum>> Action 'reply' posts on feed 'forum', but the scenario declares no feeds: declare it under `feeds:`",
      "21:11 SOC069 <<it>> Action 'like' likes a post, but the scenario declares no feeds: declare one under `feeds:`",
    ]);
  });

  it('`reply_to` and `like` name post arguments, `follow` and `ties` agent or post arguments (SOC070)', async () => {
    const lines = FORUM.map((l) =>
      l === '    reply_to: to'
        ? '    reply_to: too'
        : l === '    ties: { to: 0.1 }'
          ? '    ties: { to: 0.1, whom: 0.2 }'
          : l === '    like: it'
            ? '    like: nope'
            : l === '    follow: whom'
              ? '    follow: who'
              : l,
    );
    assert.deepEqual(await marks(lines), [
      "18:15 SOC070 <<too>> Unknown argument 'too' in `reply_to` of action 'reply'. Did you mean 'to'? (post arguments: to)",
      "19:22 SOC070 <<whom>> Unknown argument 'whom' in `ties` of action 'reply' (agent and post arguments: to)",
      "23:11 SOC070 <<nope>> Unknown argument 'nope' in `like` of action 'like' (post arguments: it)",
      "27:13 SOC070 <<who>> Unknown argument 'who' in `follow` of action 'follow'. Did you mean 'whom'? (agent and post arguments: whom)",
    ]);
    const kinds = FORUM.map((l) =>
      l === '    args: { it: { type: post } }'
        ? '    args: { it: { type: post }, n: { type: number }, a: { type: agent } }\n    follow: n'
        : l === '    like: it'
          ? '    like: a'
          : l,
    );
    assert.deepEqual(await marks(kinds.join('\n').split('\n')), [
      "23:13 SOC070 <<n>> `follow` of action 'like' names 'n', a number argument: it needs an agent or post argument (it, a)",
      "24:11 SOC070 <<a>> `like` of action 'like' names 'a', an agent argument: it needs a post argument (it)",
    ]);
    const none = FORUM.map((l) =>
      l === '    args: { it: { type: post } }'
        ? '    args: {}'
        : l === '    like: it'
          ? '    like: x\n    ties: { x: 0.1 }'
          : l,
    );
    assert.deepEqual(await marks(none.join('\n').split('\n')), [
      "23:11 SOC070 <<x>> Unknown argument 'x' in `like` of action 'like': action 'like' has no post argument: add one to its `args`, e.g. `x: { type: post }`",
      "24:13 SOC070 <<x>> Unknown argument 'x' in `ties` of action 'like': action 'like' has no agent or post argument: add one to its `args`, e.g. `x: { type: agent }`",
    ]);
  });

  it('`reply_to` needs `post` (SOC070), also in a scenario with syntax errors', async () => {
    const lines = FORUM.filter((l, i) => !(l === '    post: forum' && FORUM[i + 1] === '    reply_to: to'));
    assert.deepEqual(await marks(lines), [
      "17:5 SOC070 <<reply_to>> Action 'reply' has `reply_to` but no `post`: a reply is a post. Add `post: <feed>` (the feed the reply goes on)",
    ]);
    assert.deepEqual(await marks(FORUM), []);
    // With syntax errors, what depends on names waits: an unknown feed is not reported yet.
    const parsed = parseSociety(lines.join('\n').replace('post: forum', 'post: nowhere'), file);
    const value = parsed.documents[0].value as Record<string, unknown>;
    const at = new Locator(parsed, parsed.documents[0]);
    assert.deepEqual(
      checkMechanics(value, at, true).map((d) => d.code),
      ['SOC070'],
    );
    assert.deepEqual(
      checkMechanics(value, at, false).map((d) => d.code),
      ['SOC068', 'SOC070'],
    );
  });

  it('a phase name appears once; a built-in phase takes only `when` (SOC071)', async () => {
    const all = await marks([...FORUM, '  - meet', '  - { phase: evaluate, who: [students], order: sequential }']);
    assert.deepEqual(all, [
      "39:5 SOC071 <<meet>> Phase 'meet' is in `round` twice (first at line 36): every phase needs a name of its own, which the trace, the debugger and reports know it by",
      "40:14 SOC071 <<evaluate>> Phase 'evaluate' is in `round` twice (first at line 37): every phase needs a name of its own, which the trace, the debugger and reports know it by",
      "40:24 SOC071 <<who>> 'evaluate' is a built-in phase (the conversations `meet` held are rated, and ties move with the ratings): it takes only `when`, not `who`. For agents taking actions, give a phase a name of its own (`phase: act`)",
      "40:41 SOC071 <<order>> 'evaluate' is a built-in phase (the conversations `meet` held are rated, and ties move with the ratings): it takes only `when`, not `order`. For agents taking actions, give a phase a name of its own (`phase: act`)",
    ]);
  });

  it("a phase's `when` is a condition on the world, `n` and `round` (SOC061), at the name", async () => {
    const lines = [
      ...FORUM.slice(0, 7),
      'state:',
      '  world: { heat: { initial: 1, update: "world.heat * 1.0" } }',
      '  agents: { mood: { initial: 0 } }',
      ...FORUM.slice(7).map((l) =>
        l === '    when: "round > 1"' ? '    when: "world.haet > 1.0 && me.mood > 0.0"' : l,
      ),
      '  - { phase: later, actions: [post], when: "round + 1" }',
      '  - { phase: again, actions: [post], when: "mood > 1.0" }',
    ];
    assert.deepEqual(await marks(lines), [
      "38:18 SOC061 <<haet>> Unknown world quantity 'haet'. Did you mean 'heat'? (defined: heat)",
      "42:45 SOC061 <<round + 1>> The `when` of phase 'later' gives int, where a condition (bool) is needed",
      "43:45 SOC061 <<mood>> 'mood' is an agent quantity: the `when` of phase 'again' reads only world.<quantity>, n, round and agents (an aggregate, e.g. mean(agents.map(a, a.mood)))",
    ]);
    const me = lines.map((l) => l.replace('"world.haet > 1.0 && me.mood > 0.0"', '"me.mood > 0.0"'));
    assert.match(
      (await marks(me))[0],
      /^38:12 SOC061 <<me>> The `when` of phase 'browse' cannot read 'me': a phase's `when` reads only world.<quantity>, n, round and agents$/,
    );
  });

  it('an action no phase offers (SOC064)', async () => {
    const all = await marks(edit('    actions: [post, reply, like, follow]', '    actions: [post, reply]'));
    assert.deepEqual(all, [
      "20:3 SOC064 <<like>> Nobody can ever take action 'like': no phase of `round` offers it: add it to the `actions` of 'browse'",
      "24:3 SOC064 <<follow>> Nobody can ever take action 'follow': no phase of `round` offers it: add it to the `actions` of 'browse'",
    ]);
    const builtins = FORUM.slice(0, line('round:') + 1).concat(['  - meet', '  - evaluate']);
    assert.match(
      (await marks(builtins))[0],
      /SOC064 <<post>> Nobody can ever take action 'post': the declared `round` has no phase of actions: add one, e.g. `- phase: act`$/,
    );
    // Without `round:` the default round offers every action; a phase without `actions` offers all.
    assert.deepEqual(await marks(FORUM.slice(0, line('round:'))), []);
    assert.deepEqual(await marks(FORUM.filter((l) => !l.includes('actions: ['))), []);
  });

  it('a phase that never runs: nobody in its groups, or a `when` of rounds and n false in every round (SOC072)', async () => {
    const empty = edit(
      '  - { group: students, count: 3 }',
      '  - { group: students, count: 3 }',
      '  - { group: lurkers, count: 0 }',
    );
    assert.deepEqual(
      await marks(empty.map((l) => (l === '    who: [students, regulars]' ? '    who: [lurkers]' : l))),
      [
        "34:10 SOC072 <<[lurkers]>> Phase 'browse' never runs: nobody is in group 'lurkers' (a population count of 0, and no persona of it)",
      ],
    );
    const late = edit('    when: "round > 1"', '    when: "round > 10 || n > 4"');
    assert.deepEqual(await marks(late), [
      '35:11 SOC072 <<"round > 10 || n > 4">> Phase \'browse\' never runs: its `when` is false in every round 1..10 with n = 4',
    ]);
    assert.deepEqual(await marks(edit('    when: "round > 1"', '    when: "round == 10 && n == 4"')), []);
    assert.deepEqual(await marks(edit('  - meet', '  - { phase: meet, when: "false" }')), [
      '36:26 SOC072 <<"false">> Phase \'meet\' never runs: its `when` is false in every round 1..10',
    ]);
  });

  it('`evaluate` with no `meet` before it (SOC073)', async () => {
    const swapped = FORUM.map((l) => (l === '  - meet' ? '  - evaluate' : l === '  - evaluate' ? '  - meet' : l));
    assert.deepEqual(await marks(swapped), [
      "36:5 SOC073 <<evaluate>> Phase 'evaluate' has no 'meet' before it: evaluate rates the conversations meet holds; without meet it has none (put evaluate after meet)",
    ]);
    const none = FORUM.filter((l) => l !== '  - meet');
    assert.match((await marks(none))[0], /SOC073 <<evaluate>> .* without meet it has none$/);
  });

  it('never throws on values of the wrong shape: the schema reports them', async () => {
    const parsed = parseSociety('kind: scenario\n', file);
    const at = new Locator(parsed, parsed.documents[0]);
    for (const value of [
      { round: [null, 3, { phase: 4, who: 'x', actions: {} }, { phase: 'meet', actions: null }] },
      { round: [{ phase: 'a', when: 5, reads: [1, null] }], feeds: [], actions: { a: { post: 3, ties: [] } } },
      { feeds: { f: null }, actions: { a: { args: { p: { type: 'post', feed: {} } }, like: {}, ties: { p: 'x' } } } },
    ]) {
      assert.doesNotThrow(() => checkMechanics(value, at, false));
    }
  });
});

/** Completion items at the `|` of a text, with the scenario's mechanics read from the text itself. */
function complete_(marked: string, groupNames: string[] = []): ReturnType<typeof completionsAt> {
  const { lines, position, text } = cursorIn(marked);
  const parsed = parseSociety(text, file);
  const sources: CompletionSources = {
    personas: () => [],
    models: () => [],
    includes: () => [],
    groupNames: () => groupNames,
    mechanics: () => readMechanics(parsed.documents[0].value, new Locator(parsed, parsed.documents[0])),
  };
  return completionsAt(lines, position, sources);
}
const labels = (marked: string, groups?: string[]): string[] => complete_(marked, groups).map((i) => i.label);
const FORUM_TEXT = `${FORUM.slice(0, line('round:')).join('\n')}\n`;

describe('round and feeds: completion', () => {
  it('phase names: the built-in phases with what they do, those not in the round yet', () => {
    const items = complete_(`${FORUM_TEXT}round:\n  - |\n`);
    assert.deepEqual(
      items.map((i) => i.label),
      ['meet', 'evaluate', 'learn', 'phase'],
    );
    assert.equal(items[0].detail, 'built-in phase');
    assert.match(items[0].documentation!, /Agents choose partners and talk/);
    assert.match(
      items[1].documentation!,
      /^\*\*evaluate\*\* · built-in phase\n\nThe conversations `meet` held are rated/,
    );
    assert.deepEqual([items[3].insertText, items[3].snippet], ['phase: ${1:act}', true]);
    assert.deepEqual(labels(`${FORUM_TEXT}round: [meet, |]\n`), ['evaluate', 'learn']);
    assert.deepEqual(labels(`${FORUM_TEXT}round:\n  - phase: |\n`), ['meet', 'evaluate', 'learn']);
    // Inside a phase's mapping: its keys.
    assert.deepEqual(labels(`${FORUM_TEXT}round:\n  - phase: browse\n    |\n`), [
      'description',
      'actions',
      'order',
      'who',
      'when',
      'reads',
    ]);
  });

  it("a phase's actions, groups and feeds", () => {
    assert.deepEqual(labels(`${FORUM_TEXT}round:\n  - phase: b\n    actions: [post, |]\n`), [
      'reply',
      'like',
      'follow',
    ]);
    const action = complete_(`${FORUM_TEXT}round:\n  - phase: b\n    actions: [r|]\n`).find(
      (i) => i.label === 'reply',
    )!;
    assert.deepEqual([action.detail, action.documentation], ['action', 'Reply to a post.']);
    assert.deepEqual(labels(`${FORUM_TEXT}round:\n  - phase: b\n    who:\n      - |\n`, ['students', 'regulars']), [
      'students',
      'regulars',
    ]);
    const feeds = complete_(`${FORUM_TEXT}round:\n  - { phase: b, reads: [|] }\n`);
    assert.deepEqual(
      feeds.map((i) => [i.label, i.detail]),
      [['forum', 'feed · shows 4']],
    );
  });

  it("an action's feed, post arguments, agent and post arguments, and `ties` keys", () => {
    const at = (field: string): string =>
      FORUM_TEXT.replace(
        '    args: { to: { type: post, description: the post you reply to } }',
        `    args: { to: { type: post }, who: { type: agent }, k: { type: number } }\n    ${field}`,
      );
    assert.deepEqual(labels(at('post: |')), ['forum']);
    assert.deepEqual(labels(FORUM_TEXT.replace('it: { type: post }', 'it: { type: post, feed: | }')), ['forum']);
    assert.deepEqual(labels(at('like: |')), ['to']);
    assert.deepEqual(labels(at('follow: |')), ['to', 'who']);
    const reply = complete_(at('reply_to: |'));
    assert.deepEqual(
      reply.map((i) => [i.label, i.detail]),
      [['to', 'post · argument']],
    );
    const ties = complete_(at('ties:\n      |'));
    assert.deepEqual(
      ties.map((i) => [i.label, i.insertText]),
      [
        ['to', 'to: ${1:0.1}'],
        ['who', 'who: ${1:0.1}'],
      ],
    );
    assert.deepEqual(labels(at('ties: { to: 0.1, | }')), ['who']);
  });

  it("in an action's expressions, a post argument's fields", () => {
    const text = FORUM_TEXT.replace('    reply_to: to', '    reply_to: to\n    effects:\n      me.x: "to.|"');
    const items = complete_(text);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['likes', 'number · field of a post'],
        ['replies', 'number · field of a post'],
        ['age', 'number · field of a post'],
      ],
    );
    assert.ok(labels(text.replace('"to.|"', '"|"')).includes('to'));
  });

  it("a phase's `when` completes the world's names", () => {
    assert.deepEqual(labels(`${FORUM_TEXT}round:\n  - phase: b\n    when: "r|"\n`), [
      'world',
      'n',
      'round',
      'agents',
      'min',
      'max',
      'clamp',
      'sum',
      'mean',
      'sd',
    ]);
  });
});

describe('round and feeds: hover', () => {
  const text = [
    ...FORUM.slice(0, 7),
    'feeds:',
    '  forum: { description: The forum., rank: { recency: 1, likes: 0.5 }, shows: 4, keep: 6 }',
    ...FORUM.slice(line('actions:'), line('  like:')),
    '  like:',
    '    description: Like a post.',
    '    args: { it: { type: post, description: the post you like } }',
    '    like: it',
    '    effects: { me.x: "it.likes + it.age" }',
    ...FORUM.slice(line('  follow:')),
  ].join('\n');
  const hover = async (needle: string, delta = 1): Promise<{ markdown: string; covered: string } | undefined> => {
    const { project, file: at } = await projectOf({ 's.society': `${text}\n` });
    const h = await hoverAt(project, at('s.society'), text.indexOf(needle) + delta);
    return h && { markdown: h.markdown, covered: textAt(`${text}\n`, h.range) };
  };

  it('a phase of actions: its actions, order, who and when', async () => {
    assert.deepEqual(await hover('browse'), {
      markdown: [
        '**browse** · phase of actions · sequential',
        'Read and post.',
        [
          '- **actions:** `post`, `reply`, `like`, `follow`',
          '- **order:** sequential: each agent in turn chooses and acts, seeing what the earlier ones did',
          '- **who:** the groups `students`, `regulars`',
          '- **when:** `round > 1`',
          '- **reads:** `forum`',
        ].join('\n'),
      ].join('\n\n'),
      covered: 'browse',
    });
  });

  it('a built-in phase: what it does, and when it runs', async () => {
    assert.deepEqual(await hover('- meet', 3), {
      markdown: '**meet** · built-in phase\n\nAgents choose partners and talk: the conversations of the round.',
      covered: 'meet',
    });
    assert.deepEqual(await hover('phase: learn', 8), {
      markdown:
        '**learn** · built-in phase\n\nRewards, coaching and reflection.\n\nRuns in rounds where `round % 2 == 0` holds.',
      covered: 'learn',
    });
  });

  it('a feed where it is used: its rank mix', async () => {
    const card = [
      '**feed `forum`** · shows each reader 4 posts · keeps posts 6 rounds',
      'The forum.',
      [
        'Ranked for each reader by the weighted sum of:',
        "- **recency** ×1: 1 for this round's posts, 1/(1 + age in rounds) for older ones.",
        "- **likes** ×0.5: The post's likes, relative to the most-liked post on the feed.",
      ].join('\n'),
      'Not ranked by: replies, ties, follows.',
    ].join('\n\n');
    assert.deepEqual(await hover('post: forum', 7), { markdown: card, covered: 'forum' });
    assert.deepEqual(await hover('reads: [forum]', 9), { markdown: card, covered: 'forum' });
  });

  it("a post argument's fields in an expression, and arguments named by the platform fields", async () => {
    assert.deepEqual(await hover('it.likes', 4), {
      markdown: '**it.likes** · number · field of a post\n\nHow many likes the post has.',
      covered: 'likes',
    });
    assert.deepEqual(await hover('it.age', 4), {
      markdown:
        '**it.age** · number · field of a post\n\nRounds since the post was written (0 in the round it was written).',
      covered: 'age',
    });
    assert.match(
      (await hover('like: it', 7))!.markdown,
      /^\*\*it\*\* · post · argument of action 'like'\n\nthe post you like\n\nA post the agent read/,
    );
    assert.match((await hover('ties: { to', 8))!.markdown, /^\*\*to\*\* · post · argument of action 'reply'/);
    assert.deepEqual(await hover('actions: [post', 11), {
      markdown: '**action post**\n\nStart a thread.',
      covered: 'post',
    });
  });
});
