// Issue 85: talk that carries content. Before a declared decision an offline speaker may propose
// what its group does best with (the request's `terms`), a listener accepts it or lets it pass,
// and an agreement is a proposal accepted, for its terms, among its proposer and those who
// accepted. Without terms (talk before no decision, as in the friends example) nothing is proposed.
import * as assert from 'node:assert/strict';
import { speak } from '../../../src/core/llm/offline/speak';
import { ACCEPT, ACCEPT_A, PROPOSE, PROPOSE_C } from '../../../src/core/llm/offline/proposal';
import { agreedIn } from '../../../src/core/engine/phases/meet/agreedIn';
import { stream } from '../../../src/core/random/rng';
import type { SpeakRequest, TranscriptLine } from '../../../src/core/llm/types';
import type { Terms } from '../../../src/core/trace/events';
import { brief } from '../../support/briefs';

const TERMS: Terms = { action: 'contribute', arg: 'tokens', amount: 15 };

function request(transcript: TranscriptLine[], terms?: Terms[], turn = transcript.length): SpeakRequest {
  const other = { ...brief(), id: 'b', name: 'Bea', interests: ['chess'] };
  return {
    kind: 'speak',
    key: `speak:${turn}`,
    round: 1,
    setting: '',
    persona: { ...brief(), interests: ['chess'] },
    memories: [],
    others: [other],
    transcript,
    turn,
    turns: 4,
    tie: 0,
    ...(terms ? { terms } : {}),
  };
}

const proposal: TranscriptLine = {
  from: 'b',
  name: 'Bea',
  act: 'propose',
  text: 'How about we each contribute 15 tokens?',
  terms: TERMS,
};

describe('offline model: talk that proposes and agrees (issue 85)', () => {
  it('proposes the terms it is offered, as often as PROPOSE + PROPOSE_C × conscientiousness', () => {
    const n = 2000;
    let proposed = 0;
    for (let i = 0; i < n; i++) {
      const r = speak(request([], [TERMS]), stream(1, 'propose', i));
      if (r.terms) {
        assert.equal(r.act, 'propose');
        assert.deepEqual(r.terms, TERMS);
        assert.equal(r.text, 'How about we each contribute 15 tokens?');
        proposed++;
      }
    }
    const expected = PROPOSE + PROPOSE_C * 0.5;
    assert.ok(Math.abs(proposed / n - expected) < 0.04, `${proposed / n} against ${expected}`);
  });

  it('proposes nothing without terms, or once a proposal was made', () => {
    for (let i = 0; i < 500; i++) {
      assert.equal(speak(request([]), stream(2, 'none', i)).terms, undefined);
      const after = speak(
        request(
          [
            { ...proposal, from: 'me', name: 'Me' },
            { from: 'b', name: 'Bea', act: 'share', text: 'hi' },
          ],
          [TERMS],
        ),
        stream(2, 'after', i),
      );
      assert.notEqual(after.act === 'propose' && after.terms, true);
    }
  });

  it('accepts a proposal pending with its terms, or lets it pass without declining it', () => {
    const n = 2000;
    let accepted = 0;
    for (let i = 0; i < n; i++) {
      const r = speak(request([proposal], [TERMS]), stream(3, 'answer', i));
      if (r.act === 'accept') {
        assert.deepEqual(r.terms, TERMS);
        assert.equal(r.text, 'Deal: 15 tokens each.');
        accepted++;
      } else {
        assert.equal(r.terms, undefined);
        assert.notEqual(r.act, 'decline');
      }
    }
    const expected = ACCEPT + ACCEPT_A * 0.5;
    assert.ok(Math.abs(accepted / n - expected) < 0.04, `${accepted / n} against ${expected}`);
  });

  it('an agreement: the proposer and those who accepted, each with the others; nobody else', () => {
    const line = (from: string, act: TranscriptLine['act'], terms?: Terms): TranscriptLine => ({
      from,
      name: from,
      act,
      text: '',
      ...(terms ? { terms } : {}),
    });
    const room = [
      line('a', 'propose', TERMS),
      line('b', 'accept', TERMS),
      line('c', 'share'),
      line('d', 'accept', TERMS),
      line('e', 'accept', { ...TERMS, amount: 5 }),
    ];
    assert.deepEqual(agreedIn(room, 'a'), { terms: TERMS, with: ['b', 'd'] });
    assert.deepEqual(agreedIn(room, 'b'), { terms: TERMS, with: ['d', 'a'] });
    assert.equal(agreedIn(room, 'c'), undefined, 'talk about other things agrees nothing');
    assert.equal(agreedIn(room, 'e'), undefined, 'accepting other terms than proposed agrees nothing');
    assert.equal(agreedIn([line('a', 'propose', TERMS), line('b', 'share')], 'a'), undefined);
  });
});
