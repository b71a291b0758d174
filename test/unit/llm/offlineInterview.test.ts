// The offline model's interview answers: first person, brief, no scores, and about what the
// question asks (a person, the coach, how the agent feels, friends, interests) when the retrieved
// memories hold it — composed from the memory texts the engine writes. Odd input never throws.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { interview } from '../../../src/core/llm/offline/interview';
import type { PersonaBrief, RetrievedMemory } from '../../../src/core/llm/types';
import { MEMORY_KINDS, type MemoryCues, type MemoryKind } from '../../../src/core/trace/events';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { makeScenario } from '../engine/scenarioFixture';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';

const maya: PersonaBrief = {
  id: 'maya',
  name: 'Maya Chen',
  occupation: 'data journalist',
  interests: ['climbing', 'jazz', 'open data'],
  traits: { openness: 0.7, conscientiousness: 0.5, extraversion: 0.6, agreeableness: 0.6, neuroticism: 0.4 },
  motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
};

let nextId = 1;
const mem = (kind: MemoryKind, text: string, cues?: MemoryCues, round = 3): RetrievedMemory => ({
  id: nextId++,
  round,
  kind,
  text,
  importance: 5,
  score: 1,
  ...(cues ? { cues } : {}),
});

// Memory texts exactly as the engine writes them (conversation.ts, evaluation.ts, turn.ts, advise.ts, reflect.ts, introductions.ts).
const talkedBen = mem(
  'conversation',
  'Talked with Ben Kowalski about climbing, jazz. They were supportive. We agreed on a plan.',
  { partner: 'ben', topic: 'climbing' },
);
const ratedBen = mem(
  'evaluation',
  'I rated my conversation with Ben Kowalski 0.82: Ben engaged with what I said; we both care about climbing; Ben was supportive.',
  { partner: 'ben', valence: 0.64, topic: 'climbing' },
);
const talkedAroha = mem('conversation', 'Talked with Aroha Walker about film.', { partner: 'aroha', topic: 'film' });
const ratedAroha = mem(
  'evaluation',
  'I rated my conversation with Aroha Walker 0.31: Aroha did not pick up much of what I said; I learned about film.',
  { partner: 'aroha', valence: -0.38, topic: 'film' },
);
const advice = mem(
  'advice',
  'Coach: your weakest need is support (EMO 0.00) and it went down. You received support 0 times; respond warmly when others open up, and they will do the same. Ben Kowalski enjoyed talking with you (0.67); talk with them again.',
  { action: 'support', driver: 'support', partner: 'ben' },
  4,
);
const fared = mem(
  'observation',
  'How I fared lately: social 0.46, information 0.60, presentation 0.35, coordination 0.20, support 0.00; overall 0.33. I got too little support.',
  { driver: 'support' },
  4,
);
const news = mem('observation', 'News for everyone: The climbing gym reopens on Monday.');
const intro = mem('observation', 'Ben Kowalski introduced me to Sofia Rossi, who is into jazz.', {
  partner: 'sofia',
  topic: 'jazz',
  valence: 0.3,
});
const enjoy = mem('reflection', 'I enjoy talking with Ben Kowalski about climbing; I want to keep in touch.', {
  partner: 'ben',
  valence: 0.64,
  topic: 'climbing',
});
const seed = mem('seed', 'I want to find people who like climbing.', undefined, 0);
// A later round: conversation going well enough, but nobody picks up on what Maya shares; the coach names Fay Lee (agent p406).
const flat = mem(
  'observation',
  'How I fared lately: social 0.62, information 0.30, presentation 0.00, coordination 0.00, support 0.10; overall 0.24. I got too little presentation.',
  { driver: 'presentation' },
  5,
);
const fay = mem(
  'advice',
  'Coach: your weakest need is presentation (PRE 0.00) and it did not change. Your only contribution got no response; share what you care about and connect it to the other person. Fay Lee enjoyed talking with you (0.71); talk with them again.',
  { action: 'share', driver: 'presentation', partner: 'p406' },
  5,
);
const habit = mem(
  'reflection',
  'My coach keeps pointing me to proposing concrete plans; I will make it a habit.',
  { action: 'plan' },
  4,
);

const ask = (question: string, memories: RetrievedMemory[], persona: PersonaBrief = maya): string =>
  interview({ kind: 'interview', key: 'interview:1:maya', round: 5, setting: 'forum', persona, memories, question })
    .answer;

/** A score as the engine writes it ("0.72", "social 0.46"). */
const SCORE = /\d[.,]\d/;
function readsAsAnswer(a: string, name = 'Maya Chen'): void {
  assert.ok(a.startsWith(`I'm ${name}`), a);
  assert.doesNotMatch(a, SCORE, a);
  assert.doesNotMatch(a, /What comes to mind|Coach:|How I fared|I rated my conversation|undefined|NaN/, a);
  assert.ok((a.match(/[.!?](\s|$)/g) ?? []).length <= 4, `intro plus at most three sentences: ${a}`);
  assert.ok(a.length < 600, a);
}

describe('offline interview answers', () => {
  it('answers in the first person, briefly, without scores', () => {
    const a = ask('What has been on your mind?', [ratedBen, advice, fared, talkedBen, news]);
    readsAsAnswer(a);
    assert.match(a, /^I'm Maya Chen, a data journalist\. /);
    assert.match(a, /\b(I|my|me|we)\b/);
    assert.match(a, /went really well/, a);
  });

  it('answers a question naming a person about that person, from how the conversations felt', () => {
    const memories = [advice, ratedAroha, talkedAroha, fared, ratedBen, talkedBen, enjoy];
    const ben = ask('How do you get on with Ben?', memories);
    readsAsAnswer(ben);
    assert.match(ben, /Ben Kowalski/);
    assert.match(ben, /really well/);
    assert.match(ben, /climbing/);
    assert.doesNotMatch(ben, /Aroha/, ben);

    const aroha = ask('What do you think of aroha walker?', memories);
    readsAsAnswer(aroha);
    assert.match(aroha, /Aroha Walker/);
    assert.match(aroha, /didn't really click|haven't really clicked/, aroha);
    assert.doesNotMatch(aroha, /Ben/, aroha);
    // By agent id too.
    const zoe = mem('evaluation', 'I rated my conversation with Zoe Adams 0.55: Zoe engaged with what I said.', {
      partner: 'p7',
      valence: 0.1,
    });
    assert.match(
      ask('And p7?', [...memories, zoe]),
      /^I'm Maya Chen, a data journalist\. My conversation with Zoe Adams was fine: Zoe engaged with what I said\.$/,
    );
  });

  it("surfaces the coach's advice when asked about the coach, in words", () => {
    const a = ask('What did your coach tell you?', [ratedBen, talkedBen, fared, advice]);
    readsAsAnswer(a);
    assert.match(a, /My coach told me/);
    assert.match(a, /respond warmly when others open up/);
    assert.match(a, /support from others/);
    assert.match(a, /Ben Kowalski again/);
    assert.doesNotMatch(a, /EMO|weakest need/, a);
    assert.match(ask('Any advice you got?', [talkedBen]), /can't remember any advice/);
  });

  it('says which need felt unmet when asked how it feels, in words not numbers', () => {
    const older = mem(
      'observation',
      'How I fared lately: social 0.80, information 0.70, presentation 0.60, coordination 0.20, support 0.50; overall 0.55. I got too little coordination.',
      { driver: 'coordination' },
      2,
    );
    const a = ask('How do you feel these days?', [ratedBen, older, fared, news]);
    readsAsAnswer(a);
    assert.match(a, /haven't had enough support from others/, a);
    assert.doesNotMatch(a, /plans with other people/, 'the latest observation, not an older one');
    assert.match(a, /a bit flat/);
    assert.match(a, /Ben Kowalski/, 'who helps');
  });

  it('tells how it feels from its latest rewards, its latest advice and the people who enjoy its company', () => {
    const a = ask('How do you feel?', [fared, advice, ratedBen, talkedBen, news]);
    readsAsAnswer(a);
    assert.equal(
      a,
      "I'm Maya Chen, a data journalist. Honestly, things have been a bit flat lately: I've learned a few things from people and I've had good company, " +
        "but I haven't had enough support from others, and that's what I miss most. My coach told me to respond warmly when others open up, so that's what I'm working on. " +
        "Ben Kowalski and I enjoy talking with each other, so I'll look Ben up again.",
    );
    // The latest observation, not the older one; who enjoys talking with me by name, never by id.
    const b = ask('Are you happy here?', [fared, fay, flat, ratedAroha]);
    readsAsAnswer(b);
    assert.equal(
      b,
      "I'm Maya Chen, a data journalist. Honestly, things have been a bit flat lately: I've had good company, but nobody picks up on what I share, and that's what I miss most. " +
        "My coach told me to share more of what I care about, so that's what I'm working on. Fay Lee seems to enjoy talking with me, so I'll look Fay up again.",
    );
    assert.doesNotMatch(b, /p406|support from others/);
    const good = mem(
      'observation',
      'How I fared lately: social 0.80, information 0.70, presentation 0.60, coordination 0.50, support 0.55; overall 0.66. I got too little coordination.',
      { driver: 'coordination' },
      6,
    );
    assert.match(
      ask('How are you doing?', [good, ratedBen]),
      /^I'm Maya Chen, a data journalist\. Things have been going really well lately: I've had good company and I've learned a few things from people, but I could still do with more plans with other people\. I especially enjoy talking with Ben Kowalski\.$/,
    );
  });

  it('says what it needs: the need it missed lately, what the coach told it to do about it, and who to turn to', () => {
    const a = ask('What do you need?', [advice, fared, ratedBen, talkedBen]);
    readsAsAnswer(a);
    assert.equal(
      a,
      "I'm Maya Chen, a data journalist. What I need most is more support from others. My coach told me to respond warmly when others open up, and I think that would help. " +
        "Ben Kowalski and I enjoy talking with each other, so I'll look Ben up again.",
    );
    const b = ask('Is anything missing for you?', [flat, fay, ratedAroha]);
    readsAsAnswer(b);
    assert.equal(
      b,
      "I'm Maya Chen, a data journalist. What I need most is more chances to show who I am: lately nobody picks up on what I share. " +
        "My coach told me to share more of what I care about, and I think that would help. Fay Lee seems to enjoy talking with me, so I'll look Fay up again.",
    );
    // Advice on another need is not what it needs now; a lesson about that need is.
    const lesson = mem(
      'reflection',
      'I keep missing out on presentation; I could try sharing what I care about.',
      { driver: 'presentation', action: 'share' },
      4,
    );
    const c = ask('What do you need?', [advice, flat, lesson]);
    assert.match(
      c,
      /What I need most is more chances to show who I am: lately nobody picks up on what I share\. I keep missing out on chances to show who I am; I could try sharing what I care about\./,
      c,
    );
    assert.doesNotMatch(c, /respond warmly/, c);
  });

  it('says what it will do next: the latest advice, a habit it resolved on, whom to see again', () => {
    const a = ask('What will you do next?', [habit, advice, enjoy, seed]);
    readsAsAnswer(a);
    assert.equal(
      a,
      "I'm Maya Chen, a data journalist. Next, I'm going to respond warmly when others open up: that's what my coach told me. " +
        "My coach keeps pointing me to proposing concrete plans; I will make it a habit. Ben Kowalski and I enjoy talking with each other, so I'll look Ben up again.",
    );
  });

  it('names the people it gets on with when asked about friends, and who would suit a topic', () => {
    const memories = [ratedAroha, ratedBen, talkedBen, talkedAroha, news];
    const a = ask('Who are your friends here?', memories);
    readsAsAnswer(a);
    assert.match(a, /I get on best with Ben Kowalski\./);
    assert.match(a, /Aroha Walker haven't really clicked/);
    assert.match(ask('Who would you climb with?', memories), /For climbing, I'd ask Ben Kowalski/);
    // Who, the coach says, enjoys talking with me; and how someone feels to me now, not long ago.
    const fan = ask('Who do you like talking to?', [ratedBen, fay, ratedAroha]);
    readsAsAnswer(fan);
    assert.match(fan, /I get on best with Ben Kowalski\. Fay Lee seems to enjoy talking with me too\./, fan);
    const warmer = mem(
      'reflection',
      'I enjoy talking with Aroha Walker about film; I want to keep in touch.',
      { partner: 'aroha', valence: 0.3, topic: 'film' },
      6,
    );
    assert.match(ask('Who do you like talking to?', [ratedAroha, warmer]), /I get on best with Aroha Walker\./);
  });

  it('talks about its interests and topics it picked up', () => {
    const a = ask('What are your hobbies?', [ratedAroha, seed, talkedBen]);
    readsAsAnswer(a);
    assert.match(a, /I'm really into climbing, jazz and open data\./);
    assert.match(a, /learning about film/);
    const jazz = ask('Do you like jazz?', [talkedBen, news]);
    assert.match(jazz, /Jazz is one of my big interests\. I talked with Ben Kowalski about climbing and jazz/, jazz);
  });

  it('reads a question as the engine does (one table): "Who are you?" is about the agent, "Are you okay?" about how it feels', () => {
    // Before the table was shared, "who" made the first a question about friends and the second fell through to the top memories.
    const who = ask('Who are you?', [ratedBen, talkedBen, seed]);
    readsAsAnswer(who);
    assert.match(who, /I'm really into climbing, jazz and open data\./, who);
    const okay = ask('Are you okay?', [fared, advice, ratedBen]);
    readsAsAnswer(okay);
    assert.match(okay, /haven't had enough support from others/, okay);
    // A filler "okay" asks nothing: the plans are told.
    assert.equal(ask('Okay, and what are your plans?', [habit, fay]), ask('What are your plans?', [habit, fay]));
  });

  it('tells the top memories as first-person clauses otherwise', () => {
    const room = mem(
      'conversation',
      'In room Lobby, talked with Ben Kowalski, Aroha Walker about jazz. I supported them.',
    );
    const a = ask('Anything new?', [news, room, intro, seed]);
    readsAsAnswer(a);
    assert.match(a, /I heard the news: The climbing gym reopens on Monday\./);
    assert.match(a, /In room Lobby, I talked with Ben Kowalski and Aroha Walker about jazz, and I supported them\./);
    assert.match(a, /Ben Kowalski introduced me to Sofia Rossi, who is into jazz\./);
  });

  it('with no memories, answers from the persona that there is not much to tell yet', () => {
    const a = ask('How are you?', []);
    assert.equal(
      a,
      "I'm Maya Chen, a data journalist. I'm into climbing and jazz, but not much has happened yet, so there isn't much to tell.",
    );
    const blank = ask('?', [], { ...maya, name: '', occupation: undefined, interests: [] });
    assert.equal(blank, "Hi there. Not much has happened yet, so there isn't much to tell.");
  });

  it('is deterministic and clips very long memories', () => {
    const memories = [mem('seed', `I keep a diary. ${'word '.repeat(3000)}`), ratedBen, advice];
    const a = ask('Tell me something', memories);
    assert.equal(a, ask('Tell me something', memories));
    assert.ok(a.length < 800, `${a.length}`);
    assert.match(a, /…/);
  });

  it('never throws on odd input, and never prints undefined, NaN or an empty answer', () => {
    const str = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/undefined|NaN/.test(s));
    const name = fc.oneof(str, fc.constantFrom('Ben Kowalski', 'Zoë Ngā', '李小龙', '', 'May'));
    const text = fc.oneof(
      str,
      fc.string({ maxLength: 400 }).filter((s) => !/undefined|NaN/.test(s)),
      fc.tuple(name, fc.double(), str).map(([n, x, s]) => `I rated my conversation with ${n} ${x}: ${s}`),
      fc.tuple(name, str, str).map(([n, t, s]) => `Talked with ${n} about ${t}.${s}`),
      fc.tuple(name, name, str).map(([r, n, t]) => `In room ${r}, talked with ${n}, ${n} about ${t}.`),
      fc
        .tuple(fc.double(), fc.double())
        .map(
          ([x, y]) =>
            `How I fared lately: social ${x}; overall ${y}. I got too little ${x > 0 ? 'magic' : 'socializing'}.`,
        ),
      fc.tuple(name, name, str).map(([a, b, t]) => `${a} introduced me to ${b}, who is into ${t}.`),
      fc.tuple(name, str).map(([a, s]) => `${a}: ${s}`),
      str.map((s) => `Coach: ${s} (X 0.5) ${s} enjoyed talking with you (0.7)`),
    );
    const cues = fc.option(
      fc.record(
        {
          partner: fc.option(str, { nil: undefined }),
          valence: fc.option(fc.oneof(fc.double(), fc.constant(Number.NaN)), { nil: undefined }),
          topic: fc.option(str, { nil: undefined }),
          action: fc.option(fc.constantFrom('ask', 'share', 'plan', 'support', 'reciprocate', 'explore', 'dance'), {
            nil: undefined,
          }),
          driver: fc.option(fc.constantFrom('social', 'information', 'support', 'joy'), { nil: undefined }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    );
    const memory = fc.record({
      id: fc.nat(),
      round: fc.oneof(fc.nat(), fc.constant(Number.NaN)),
      kind: fc.oneof(fc.constantFrom(...MEMORY_KINDS), str),
      text,
      importance: fc.double(),
      score: fc.double(),
      cues,
    });
    const question = fc.oneof(
      str,
      fc.constantFrom(
        'How do you feel?',
        'What do you need?',
        'What will you do next?',
        'What did your coach say?',
        'Who are your friends?',
        'What about Ben?',
        'Your hobbies?',
        'May I ask about May?',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(memory, { maxLength: 10 }),
        question,
        name,
        fc.array(str, { maxLength: 4 }),
        (ms, q, n, interests) => {
          const a = ask(q, ms as unknown as RetrievedMemory[], { ...maya, name: n, interests });
          assert.equal(typeof a, 'string');
          assert.ok(a.trim().length > 0);
          assert.doesNotMatch(a, /undefined|NaN/);
          assert.ok(a.length <= 800);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never prints a score from engine-written memories, whatever the numbers and names', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,10}$/);
    const n = fc.tuple(word, word).map(([a, b]) => `${a[0].toUpperCase()}${a.slice(1)} ${b}`);
    const x = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v.toFixed(2));
    const memory = fc.oneof(
      fc
        .tuple(n, x, word)
        .map(([who, r, t]) =>
          mem(
            'evaluation',
            `I rated my conversation with ${who} ${r}: ${who} engaged with what I said; I learned about ${t}.`,
            { partner: who, valence: 2 * Number(r) - 1 },
          ),
        ),
      fc
        .tuple(x, x, x, fc.constantFrom('socializing', 'information', 'support'))
        .map(([a, b, c, d]) =>
          mem(
            'observation',
            `How I fared lately: social ${a}, information ${b}, presentation ${c}, coordination ${a}, support ${b}; overall ${c}. I got too little ${d}.`,
          ),
        ),
      fc
        .tuple(n, x)
        .map(([who, r]) =>
          mem(
            'advice',
            `Coach: your weakest need is coordination (COORD ${r}) and it went down. You agreed on no plans; propose doing something concrete around a shared interest. ${who} enjoyed talking with you (${r}); talk with them again.`,
            { action: 'plan', driver: 'coordination' },
          ),
        ),
      fc
        .tuple(n, word)
        .map(([who, t]) => mem('conversation', `Talked with ${who} about ${t}. They asked about my interests.`)),
    );
    const question = fc.constantFrom(
      'How do you feel?',
      'What do you need?',
      'What are your plans?',
      'What did your coach say?',
      'Who are your friends?',
      'What are your hobbies?',
      'Tell me about your week.',
    );
    fc.assert(
      fc.property(fc.array(memory, { minLength: 1, maxLength: 8 }), question, (ms, q) => {
        const a = ask(q, ms);
        assert.doesNotMatch(a, SCORE, a);
        assert.ok(a.startsWith("I'm Maya Chen"), a);
      }),
      { numRuns: 300 },
    );
  });

  it('answers as prose in a running simulation', async () => {
    const base = makeScenario(8);
    const sim = Simulation.create(
      makeScenario(8, {
        coaching: { enabled: true, every: 2 },
        world: { ...base.world, rounds: 5 },
        memory: { ...base.memory, reflect_at: 40 },
      }),
    );
    await sim.run();
    const me = sim.agent('p0')!;
    const met = sim.world.meetings
      .entriesOf(me.id)
      .map(([id]) => id)
      .map((id) => sim.agent(id)!.persona.name);
    assert.ok(met.length > 0);
    const first = met[0].split(' ')[0];
    const answers = new Map<string, string>();
    for (const q of [
      'How do you feel?',
      'What did your coach tell you?',
      'Who are your friends?',
      `How did it go with ${first}?`,
      'What are your hobbies?',
    ]) {
      const a = (await sim.interview('p0', q))!;
      answers.set(q, a);
      readsAsAnswer(a, me.persona.name);
    }
    assert.match(answers.get(`How did it go with ${first}?`)!, new RegExp(met[0]));
    assert.match(answers.get('What did your coach tell you?')!, /My coach/);
    assert.match(answers.get('What are your hobbies?')!, new RegExp(`I'm really into ${me.persona.interests[0]}`));
  });

  it('asked about someone, tells what it remembers of them, however much else it remembers; of a stranger, that it does not know them', async () => {
    // The friends example's 30 rounds: two conversations a round fill the top k with weightier memories.
    const { scenario } = await loadScenarioFile(path.resolve(__dirname, '../../../examples/friends/friends.society'));
    const sim = Simulation.create(scenario!);
    await sim.run();
    let known = 0,
      strangers = 0;
    for (const me of sim.world.agents.values()) {
      for (const other of sim.world.agents.values()) {
        if (other === me) continue;
        const first = other.persona.name.split(' ')[0];
        const remembered = me.memories
          .records()
          .some((m) => m.cues?.partner === other.id || m.text.includes(other.persona.name));
        const a = (await sim.interview(me.id, `What do you think of ${first}?`))!;
        readsAsAnswer(a, me.persona.name);
        if (remembered) {
          known++;
          assert.ok(
            a.includes(other.persona.name) && !/I don't really know/.test(a),
            `${me.persona.name} on ${other.persona.name}: ${a}`,
          );
        } else {
          strangers++;
          assert.match(a, new RegExp(`I don't really know ${other.persona.name} yet`), a);
        }
      }
    }
    assert.ok(known > 50 && strangers > 0, `${known} known, ${strangers} strangers`);
  });

  it('answers how it feels, what it needs and whom it likes from its own latest rewards, advice and partners, in a running simulation', async () => {
    // How each need reads when it is the one that went unmet, and each action of the coach's advice.
    const NEED: Record<string, RegExp> = {
      social: /time with other people/,
      information: /new things to learn|learning much that's new/,
      presentation: /picks up on what I share|show who I am/,
      coordination: /actual plans|plans with other people/,
      support: /support from others/,
    };
    const ACTION: Record<string, RegExp> = {
      reciprocate: /go back to the people who enjoyed talking with me/,
      ask: /ask people about their interests/,
      share: /share more of what I care about/,
      plan: /propose doing something concrete/,
      support: /respond warmly when others open up/,
      explore: /reach out to someone new/,
    };
    const LESSON: Record<string, string> = {
      reciprocate: 'following up with people who liked talking to me',
      ask: 'asking people about themselves',
      share: 'sharing what I care about',
      plan: 'proposing concrete plans',
      support: 'being there for people',
      explore: 'meeting new people',
    };
    const mood = (o: number): string =>
      o >= 0.6 ? 'going really well' : o >= 0.4 ? 'going fine' : o >= 0.2 ? 'a bit flat' : 'pretty rough';
    const base = makeScenario(8);
    for (const [rounds, every] of [
      [5, 2],
      [16, 1],
    ]) {
      const sim = Simulation.create(
        makeScenario(8, {
          coaching: { enabled: true, every },
          world: { ...base.world, rounds },
          memory: { ...base.memory, reflect_at: 40 },
        }),
      );
      await sim.run();
      for (const me of sim.world.agents.values()) {
        const newest = [...me.memories].reverse();
        const observation = newest.find((m) => m.text.startsWith('How I fared lately:'))!;
        const need = observation.cues!.driver!,
          overall = Number(/overall (\d\.\d+)/.exec(observation.text)![1]);
        const advice = newest.find((m) => m.kind === 'advice');
        const name = (id: string): string => sim.agent(id)!.persona.name;
        const warm = new Set(
          newest.filter((m) => m.kind === 'evaluation' && m.cues!.valence! >= 0.15).map((m) => name(m.cues!.partner!)),
        );
        const fan = advice?.cues?.partner ? name(advice.cues.partner) : undefined;
        const at = `${rounds} rounds, ${me.id}`;
        const check = (a: string): void => {
          readsAsAnswer(a, me.persona.name);
          assert.match(a.slice(me.persona.name.length + 4), /\b(I|I'm|I've|I'll|me|my)\b/, `${at}: first person: ${a}`);
          assert.doesNotMatch(
            a,
            /\bp\d+\b|\byou\b|Coach:/i,
            `${at}: no ids, no one addressed, nobody else's words: ${a}`,
          );
        };

        const feel = (await sim.interview(me.id, 'How do you feel?'))!;
        check(feel);
        assert.ok(feel.includes(mood(overall)), `${at}: the mood of its latest rewards (overall ${overall}): ${feel}`);
        assert.match(feel, NEED[need], `${at}: the need its latest rewards fell short on (${need}): ${feel}`);
        assert.ok(
          [...warm, fan].some((n) => n && feel.includes(n)),
          `${at}: someone it enjoys or who enjoys it: ${feel}`,
        );

        const needs = (await sim.interview(me.id, 'What do you need?'))!;
        check(needs);
        assert.ok(
          needs.includes('What I need most is more') && NEED[need].test(needs),
          `${at}: the need it missed lately (${need}): ${needs}`,
        );
        // The coach's words when the advice is among the memories the question retrieves, else the
        // lesson the agent drew from advice like it ("I could try following up with people…").
        if (advice?.cues?.driver === need) {
          const action = advice.cues.action!;
          assert.ok(
            ACTION[action].test(needs) || needs.includes(`I could try ${LESSON[action]}`),
            `${at}: what the coach told it to do about it (${action}): ${needs}`,
          );
        }

        const who = (await sim.interview(me.id, 'Who do you like talking to?'))!;
        check(who);
        if (warm.size) {
          assert.ok(
            [...warm].some((n) => who.includes(n)),
            `${at}: someone it rated warmly (${[...warm].join(', ')}): ${who}`,
          );
        }
      }
    }
  });
});
