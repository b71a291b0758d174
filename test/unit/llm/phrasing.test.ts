// The offline model's wording: support answers what was said in kind, no line repeats the one
// before it, an answer speaks in the speaker's own voice, and wording never changes the draws.
import * as assert from 'node:assert/strict';
import { phrase, plural } from '../../../src/core/llm/offline/phrasing';
import { stream } from '../../../src/core/random/rng';
import type { PersonaBrief } from '../../../src/core/llm/types';
import { DIALOGUE_ACTS } from '../../../src/core/trace/words';

const persona = (id: string, name: string, interests: string[], occupation?: string): PersonaBrief => ({
  id,
  name,
  interests,
  ...(occupation ? { occupation } : {}),
  bio: 'Bulgarian-born physio who makes her own kefir.',
  traits: { openness: 0.5, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0.5 },
  motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
});
const nina = persona('nina', 'Nina Petrova', ['trail running', 'fermentation', 'theatre'], 'sports physiotherapist');
const diego = persona('diego', 'Diego Álvarez', ['live music', 'vinyl']);

describe('offline wording', () => {
  it('supports a worry with sympathy and good news with warmth', () => {
    for (let seed = 0; seed < 20; seed++) {
      const worry = phrase(
        'support',
        {
          self: diego,
          other: nina,
          topic: 'theatre',
          after: { act: 'disclose', text: "Can I be honest? I've been feeling a bit lost lately." },
        },
        stream(seed, 'w'),
      );
      const news = phrase(
        'support',
        {
          self: diego,
          other: nina,
          topic: 'theatre',
          after: { act: 'share', text: "I've been really into theatre lately." },
        },
        stream(seed, 'w'),
      );
      assert.match(worry, /a lot|I hear you/, worry);
      assert.match(news, /great|love that|so good/, news);
    }
  });

  it('never repeats the line just said, even after a greeting', () => {
    for (let seed = 0; seed < 40; seed++) {
      const before = phrase('share', { self: diego, other: nina, topic: 'live music' }, stream(seed, 'a'));
      const again = phrase(
        'share',
        { self: nina, other: diego, topic: 'live music', after: { act: 'share', text: `Hi Nina! ${before}` } },
        stream(seed, 'a'),
      );
      assert.notEqual(again, before);
    }
  });

  it('has words for every act without a topic: never "undefined" (a persona without interests)', () => {
    // QA: an imported profile without interests said "Something I care about is undefined."
    const loner = persona('lo', 'Lo Ner', []);
    // Every act the trace declares: a new one is held to the same.
    for (const act of DIALOGUE_ACTS) {
      for (let seed = 0; seed < 12; seed++) {
        for (const self of [loner, persona('nu', 'Nu Rse', [], 'nurse')]) {
          const text = phrase(act, { self, other: diego }, stream(seed, act));
          assert.doesNotMatch(text, /undefined|\bnull\b|\$\{/, `${act}: ${text}`);
        }
      }
    }
    // Wording without a topic takes one draw as with one, so the run's streams do not shift.
    const a = stream(3, 'x'),
      b = stream(3, 'x');
    phrase('share', { self: loner, other: diego }, a);
    phrase('share', { self: nina, other: diego, topic: 'theatre' }, b);
    assert.equal(a.next(), b.next());
  });

  it("answers in the speaker's own voice, not by quoting the bio", () => {
    const texts = new Set(
      Array.from({ length: 30 }, (_, seed) =>
        phrase('answer', { self: nina, other: diego, topic: 'fermentation' }, stream(seed, 'b')),
      ),
    );
    assert.ok(
      [...texts].some(
        (t) =>
          t ===
          'Good question! Fermentation is a big part of my life, along with theatre — a nice change from being a sports physiotherapist all day.',
      ),
      [...texts].join('\n'),
    );
    for (const t of texts) assert.doesNotMatch(t, /kefir|her own/);
  });

  it('takes one draw per line whatever the context', () => {
    const a = stream(7, 'c'),
      b = stream(7, 'c');
    phrase('support', { self: diego, other: nina, after: { act: 'share', text: 'x' } }, a);
    phrase('support', { self: diego, other: nina }, b);
    assert.equal(a.next(), b.next());
  });

  it('agrees with plural interests: "board games are", "video games sound"', () => {
    const gamer = persona('kai', 'Kai Müller', ['board games', 'chess']);
    const said = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      said.add(phrase('answer', { self: gamer, other: nina, topic: 'board games' }, stream(seed, 'p')));
      said.add(phrase('answer', { self: gamer, other: nina, topic: 'chess' }, stream(seed, 'p')));
      said.add(
        phrase(
          'support',
          { self: nina, other: gamer, topic: 'board games', after: { act: 'share', text: 'I love board games.' } },
          stream(seed, 'p'),
        ),
      );
    }
    for (const t of [
      'Good question! Board games are a big part of my life, along with chess.',
      'Honestly, board games are where I feel most myself.',
      'Honestly, chess is where I feel most myself.',
      "That's great to hear — board games sound wonderful.",
    ]) {
      assert.ok(said.has(t), `${t}\n--\n${[...said].join('\n')}`);
    }
    for (const t of said) assert.doesNotMatch(t, /games is|games sounds|chess are/, t);
    assert.deepEqual(
      ['clubs and societies', 'tabletop RPGs', 'politics', 'news', 'tennis', 'open data'].map((t) => plural(t)),
      [true, true, false, false, false, false],
    );
  });
});
