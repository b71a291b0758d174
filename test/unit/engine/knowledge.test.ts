// Information carried in conversation (issue 44: 5): who knows an item at the start learns it at
// setup; afterwards it travels only in talk — a message that `tells` it, then a `learned` event
// for each other member who did not know it, naming the teller and the encounter, and a memory.
// A listener who doubts it (`doubts` in a later message) knows of it but never passes it on. The
// offline rule, the LLM's prompt and structured output, modules' view of conversations, the
// experiment's outcomes, and resume to the uninterrupted trace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scenarioFromText, traceLines, traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { agentState, worldState } from '../../../src/core/debug/inspect';
import { DecisionLog } from '../../../src/core/debug/decisionLog';
import type { Lazy } from '../../../src/core/debug/lazy';
import { tellOrDoubt } from '../../../src/core/llm/offline/hearsay';
import { stream } from '../../../src/core/random/rng';
import { responseSchema } from '../../../src/core/llm/parse/schemas';
import { validateResponse } from '../../../src/core/llm/parse/validate';
import { renderPrompt } from '../../../src/core/llm/prompts/render';
import { KnowledgeTally } from '../../../src/core/experiment/knowledgeOutcomes';
import { STATE_METRIC } from '../../../src/core/format/model/stateOutcomeNames';
import type { NewsItem, PersonaBrief, SpeakRequest } from '../../../src/core/llm/types';

const TOWN = (extra: string[] = []): string =>
  [
    'kind: scenario',
    'name: Gossip',
    'seed: 7',
    'world: { rounds: 5, encounters: { mode: random, per_round: 1 }, conversation: { turns: 4 } }',
    'personas:',
    '  - { id: isa, name: Isa Rodriguez, interests: [parties], traits: { extraversion: 0.9 } }',
    '  - { id: sam, name: Sam Moore, interests: [politics], traits: { extraversion: 0.8 } }',
    ...['ana', 'bo', 'cy', 'di', 'ed', 'fi'].map(
      (id) =>
        `  - { id: ${id}, name: ${id.toUpperCase()}, group: town, interests: [parties, politics], traits: { extraversion: 0.9, agreeableness: 0.1 } }`,
    ),
    'knowledge:',
    '  party: { text: "Isa throws a party at the cafe on Friday.", source: isa, about: [parties] }',
    '  rumour: { text: "The mayor is resigning.", kind: rumour, truth: false, source: sam, appeal: 0.9 }',
    ...extra,
    '',
  ].join('\n');

describe('knowledge carried in conversation', function () {
  it('the source knows it at setup; then it spreads only by messages that tell it, each learner once', async () => {
    const events = traceLines(await traceOf(await scenarioFromText(TOWN())));
    const learned = events.filter((e) => e.type === 'learned');
    assert.deepEqual(
      learned.filter((e) => e.round === 0).map((e) => [e.agent, e.item, e.from]),
      [
        ['isa', 'party', undefined],
        ['sam', 'rumour', undefined],
      ],
    );
    const later = learned.filter((e) => e.round > 0);
    assert.ok(later.length >= 4, `it spread (${later.length} learned)`);
    const seen = new Set<string>();
    for (const e of later) {
      const key = `${e.agent}/${e.item}`;
      assert.ok(!seen.has(key), `${key} learned once`);
      seen.add(key);
      // The teller said it in that very conversation, before the learner learned it.
      const told = events.find(
        (m) => m.type === 'message' && m.encounter === e.encounter && m.from === e.from && m.tells?.includes(e.item),
      );
      assert.ok(told, `a message of ${e.from} in ${e.encounter} tells ${e.item}`);
      const i = events.indexOf(e);
      assert.ok(events.indexOf(told) < i);
      // The teller knew it before that round.
      assert.ok(learned.some((k) => k.agent === e.from && k.item === e.item && k.round < e.round));
      // And the learner remembers being told.
      const mem = events.find(
        (m) =>
          m.type === 'memory' &&
          m.agent === e.agent &&
          m.round === e.round &&
          m.memory.text.includes(' told me: ') &&
          m.memory.cues?.partner === e.from,
      );
      assert.ok(mem, `${e.agent} remembers being told`);
      assert.equal(mem.memory.cues.partner, e.from);
      if (!e.believed) assert.match(mem.memory.text, /I am not sure I believe it\.$/);
    }
  });

  it('a doubted item: a later message of the listener doubts it, and the doubter never tells it', async () => {
    const events = traceLines(await traceOf(await scenarioFromText(TOWN())));
    const doubted = events.filter((e) => e.type === 'learned' && !e.believed);
    assert.ok(doubted.length > 0, 'a disagreeable town doubts the rumour sometimes');
    for (const e of doubted) {
      assert.ok(
        events.some(
          (m) =>
            m.type === 'message' && m.encounter === e.encounter && m.from === e.agent && m.doubts?.includes(e.item),
        ),
      );
      assert.ok(!events.some((m) => m.type === 'message' && m.from === e.agent && m.tells?.includes(e.item)));
    }
  });

  it('known_by names groups and personas; without knowledge no message carries tells', async () => {
    const events = traceLines(
      await traceOf(
        await scenarioFromText(TOWN(['  fact: { text: "The cafe opens at 8.", kind: fact, known_by: [town, sam] }'])),
      ),
    );
    const atStart = events
      .filter((e) => e.type === 'learned' && e.round === 0 && e.item === 'fact')
      .map((e) => e.agent);
    assert.deepEqual(atStart, ['sam', 'ana', 'bo', 'cy', 'di', 'ed', 'fi']);
    const plain = TOWN().replace(/knowledge:[\s\S]*$/, '');
    const none = traceLines(await traceOf(await scenarioFromText(plain)));
    assert.ok(!none.some((e) => e.type === 'learned' || e.tells || e.doubts));
  });

  it("expressions read it: `a.knows.<id>` over agents, `me.knows` and an agent argument's in `where`", async () => {
    const sc = await scenarioFromText(
      TOWN([
        'state:',
        '  world:',
        '    knowers: { initial: 0, update: "double(agents.filter(a, a.knows.party).size())" }',
        '  agents:',
        '    invites: { initial: 0 }',
        'actions:',
        '  invite:',
        '    description: Invite someone who has not heard of the party.',
        '    when: "me.knows.party"',
        '    args: { guest: { type: agent, where: "!guest.knows.party" } }',
        '    effects: { me.invites: "me.invites + 1.0" }',
        '  wait: { description: Wait. }',
      ]),
    );
    const events = traceLines(await traceOf(sc));
    const knowers = new Set<string>();
    for (const e of events) {
      if (e.type === 'learned' && e.item === 'party') knowers.add(e.agent);
      if (e.type === 'state' && e.round > 0) assert.equal(e.world.knowers, knowers.size, `round ${e.round}`);
      if (e.type === 'action' && e.action === 'invite') {
        assert.ok(knowers.has(e.agent), 'only one who knows invites');
        assert.ok(!knowers.has(e.args.guest), 'a guest who has not heard');
      }
    }
    assert.ok(events.some((e) => e.type === 'action' && e.action === 'invite'));
  });

  it('what an agent posts follows what it knows: a new thread quotes the item it believes', async () => {
    const sc = await scenarioFromText(
      TOWN([
        'feeds:',
        '  board: { shows: 3 }',
        'actions:',
        '  post: { description: Post on the town board., post: board }',
        'round:',
        '  - { phase: board, actions: [post] }',
      ]),
    );
    const events = traceLines(await traceOf(sc));
    const posts = events.filter((e) => e.type === 'action' && e.action === 'post');
    const isa = posts.filter((e) => e.agent === 'isa');
    assert.ok(isa.length > 0);
    for (const e of isa) {
      assert.match(e.post.text, /Isa throws a party at the cafe on Friday\./, 'the source posts what it knows');
    }
    const others = posts.filter((e) => e.agent !== 'isa' && e.agent !== 'sam');
    assert.ok(
      others.every((e) => !/party at the cafe/.test(e.post.text)),
      'nobody else knows it (no meet in this round)',
    );
  });

  it("the debugger shows who knows what: the World's knowledge, each agent's knows and place", async () => {
    const sc = await scenarioFromText(
      TOWN([
        'places:',
        '  cafe: { label: Hobbs Cafe }',
        '  park: {}',
        'plan: { day: cafe }',
        'personas_plan_marker: x',
      ]).replace('personas_plan_marker: x\n', ''),
    );
    const sim = Simulation.create({ ...sc, world: { ...sc.world, rounds: 2 } });
    await sim.run();
    const world = worldState(sim);
    const knowledge = world.knowledge as Record<string, Lazy>;
    const knowers = sim.world.state!.knowledge!;
    const n = [...sim.world.agents.keys()].filter((a) => knowers.knows(a, 'party')).length;
    assert.match(knowledge.party.summary, new RegExp(`^${n} of 8 know \\(\\d+ believe\\)$`));
    assert.match(knowledge.rumour.summary, /, false$/, 'a false item says so');
    assert.equal((world.places as Record<string, Lazy>)['Hobbs Cafe'].summary, '8 here');
    const isa = agentState(sim, 'isa', new DecisionLog());
    assert.equal(isa.place, 'Hobbs Cafe');
    assert.equal((isa.knows as Record<string, string>).party, 'from the start');
  });

  it('a run resumed from a checkpoint writes the uninterrupted trace (who knows what is in the checkpoint)', async () => {
    const sc = await scenarioFromText(TOWN());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-'));
    try {
      for (const d of ['a', 'b']) fs.mkdirSync(path.join(dir, d));
      const whole = await runInto(path.join(dir, 'a'), sc);
      await runInto(path.join(dir, 'b'), sc, { stopAfter: 2 });
      assert.equal(await runInto(path.join(dir, 'b'), sc, { resume: true }), whole);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('modules see each conversation as it is committed: members, messages, what was told; and who knows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-module-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'gossip.mjs'),
        `export function afterConversation(world, c) {
          const told = c.messages.filter((m) => m.tells).length;
          const knowers = world.agents.filter((a) => world.knows(a.id, 'party')).length;
          world.remember(c.members[0], 'module saw ' + c.members.length + ' members, ' + c.messages.length + ' messages, ' + told + ' telling; ' + knowers + ' know the party');
        }`,
      );
      const file = path.join(dir, 'gossip.society');
      fs.writeFileSync(file, TOWN(['module: ./gossip.mjs']));
      const { scenario } = await loadScenarioFile(file, { root: dir });
      const events = traceLines(await traceOf(scenario!, { allowModule: true }));
      const seen = events.filter((e) => e.type === 'memory' && /^module saw /.test(e.memory.text));
      const conversations = events.filter((e) => e.type === 'encounter');
      assert.equal(seen.length, conversations.length, 'one call per conversation');
      for (const m of seen) {
        assert.match(m.memory.text, /^module saw 2 members, 4 messages, \d telling; \d know the party$/);
      }
      assert.ok(seen.some((m) => !/ 0 telling/.test(m.memory.text)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the experiment outcomes: share, known and believed per item, and the share by day', () => {
    const tally = new KnowledgeTally([
      { id: 'party', text: 'p', kind: 'news', known_by: [], about: [], appeal: 0.6, source: 'a' },
    ]);
    for (const id of ['a', 'b', 'c', 'd']) {
      tally.add({ type: 'agent_added', round: 0, agent: { id } as never, model: 'default', reason: 'initial' });
    }
    tally.add({ type: 'learned', round: 0, agent: 'a', item: 'party', believed: true });
    tally.add({ type: 'round_end', round: 1 } as never);
    tally.add({ type: 'round_end', round: 2 } as never);
    tally.add({ type: 'learned', round: 3, agent: 'b', item: 'party', from: 'a', encounter: 'x', believed: false });
    tally.add({ type: 'round_end', round: 3 } as never);
    tally.add({ type: 'round_end', round: 4 } as never);
    tally.add({ type: 'encounter', round: 1, id: '1:a:0', from: 'a', to: 'b', via: 'random' });
    tally.add({ type: 'room', round: 1, id: '1:room:r', room: 'r', members: ['b', 'c', 'a'] });
    assert.deepEqual(tally.metrics(4, 2), {
      acquaintance_density: 3 / 6,
      'knowledge.party.share': 0.5,
      'knowledge.party.known': 2,
      'knowledge.party.believed': 0.25,
      'knowledge.party.share.day1': 0.25,
      'knowledge.party.share.day2': 0.5,
    });
    for (const m of Object.keys(tally.metrics(4, 2))) assert.match(m, STATE_METRIC);
  });
});

const brief = (
  id: string,
  name: string,
  traits: Partial<PersonaBrief['traits']> = {},
  interests: string[] = [],
): PersonaBrief =>
  ({
    id,
    name,
    occupation: '',
    bio: '',
    interests,
    traits: {
      openness: 0.5,
      conscientiousness: 0.5,
      extraversion: 0.5,
      agreeableness: 0.5,
      neuroticism: 0.5,
      ...traits,
    },
    motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
  }) as PersonaBrief;

const PARTY: NewsItem = {
  id: 'party',
  text: 'Isa throws a party on Friday.',
  kind: 'news',
  about: ['parties'],
  appeal: 0.9,
};
const RUMOUR: NewsItem = {
  id: 'rumour',
  text: 'The mayor is resigning.',
  kind: 'rumour',
  about: [],
  appeal: 0.7,
  from: 'Sam',
};

function speakReq(over: Partial<SpeakRequest> = {}): SpeakRequest {
  return {
    kind: 'speak',
    key: 'speak:1:x:1',
    round: 1,
    setting: 'a town',
    persona: brief('isa', 'Isa', { extraversion: 1 }),
    memories: [],
    others: [brief('bo', 'Bo Lee', { agreeableness: 0 }, ['parties'])],
    transcript: [],
    turn: 1,
    turns: 4,
    tie: 1,
    ...over,
  };
}

describe('knowledge: the offline rule and the LLM prompt', () => {
  it("offline: an eager speaker tells what is about the listener's interests, as a share naming it", () => {
    let told = 0;
    for (let k = 0; k < 200; k++) {
      const out = tellOrDoubt(speakReq({ news: [PARTY] }), { act: 'ask', text: 'And you?' }, stream(k, 'test'));
      if (out.tells) {
        told++;
        assert.deepEqual(out.tells, ['party']);
        assert.equal(out.act, 'share');
        assert.match(out.text, /^Bo, have you heard\? Isa throws a party on Friday\.$/);
        assert.equal(out.topic, 'parties');
      }
    }
    // p = 0.9 · (0.4 + 0.6) · (0.5 + 0.5) · 1.5, capped at 0.95.
    assert.ok(told > 170 && told < 200, `told ${told} of 200`);
  });

  it('offline: never in a message owed to the other; a shy stranger tells less; nothing to tell, nothing changes', () => {
    const answer = { act: 'answer' as const, text: 'Yes.' };
    for (let k = 0; k < 50; k++) {
      assert.equal(tellOrDoubt(speakReq({ news: [PARTY] }), answer, stream(k, 't')).tells, undefined);
    }
    let shy = 0;
    for (let k = 0; k < 400; k++) {
      const req = speakReq({ news: [RUMOUR], persona: brief('isa', 'Isa', { extraversion: 0 }), tie: 0 });
      if (tellOrDoubt(req, { act: 'share', text: 'x' }, stream(k, 't')).tells) shy++;
    }
    // p = 0.7 · 0.4 · 0.5 = 0.14.
    assert.ok(shy > 30 && shy < 85, `shy told ${shy} of 400`);
    const out = { act: 'share' as const, text: 'Hello' };
    assert.equal(tellOrDoubt(speakReq({}), out, stream(1, 't')), out);
  });

  it('offline: a rumour heard from a stranger is doubted far more often than news', () => {
    const doubts = (item: NewsItem) => {
      let n = 0;
      for (let k = 0; k < 400; k++) {
        const req = speakReq({ heard: [item], tie: 0, persona: brief('bo', 'Bo', { agreeableness: 0 }) });
        if (tellOrDoubt(req, { act: 'share', text: 'x' }, stream(k, 'd')).doubts?.includes(item.id)) n++;
      }
      return n;
    };
    const rumour = doubts(RUMOUR),
      news = doubts(PARTY);
    // p = 0.5 · 1 · 1.3 = 0.65 against 0.15 · 1.3 = 0.195.
    assert.ok(rumour > 220 && rumour < 300, `rumour doubted ${rumour}`);
    assert.ok(news > 50 && news < 110, `news doubted ${news}`);
  });

  it('LLM: the prompt lists what the speaker could tell and what it was told; the schema enumerates the ids', () => {
    const req = speakReq({ news: [PARTY], heard: [RUMOUR] });
    const text = renderPrompt(req, {}, { rounds: 5 })
      .map((m) => m.content)
      .join('\n');
    assert.match(text, /Things you know that you could mention.*\n- party: Isa throws a party on Friday\./);
    assert.match(text, /Just told to you in this conversation.*\n- rumour: The mayor is resigning\. \(from Sam\)/);
    assert.match(text, /"tells": .* of: party\./);
    assert.match(text, /"doubts": .* of: rumour\./);
    const strict = responseSchema(req, true) as any;
    assert.deepEqual(strict.properties.tells.items.enum, ['party']);
    assert.deepEqual(strict.properties.doubts.items.enum, ['rumour']);
    assert.deepEqual(strict.required, ['act', 'text', 'topic', 'tells', 'doubts']);
    const plain = responseSchema(speakReq(), true) as any;
    assert.deepEqual(Object.keys(plain.properties), ['act', 'text', 'topic'], 'nothing to tell: the schema as before');
    const plainText = renderPrompt(speakReq(), {}, { rounds: 5 })
      .map((m) => m.content)
      .join('\n');
    assert.doesNotMatch(plainText, /Things you know|"tells"/);
    const v = validateResponse(req, { act: 'share', text: 'Did you hear?', topic: null, tells: ['party'], doubts: [] });
    assert.ok(v.ok);
    assert.deepEqual(v.ok && v.value, { act: 'share', text: 'Did you hear?', tells: ['party'] });
  });
});
