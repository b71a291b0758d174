// A reward window's partners (rewards.ts recordConversation): everyone else who spoke, once each,
// in the order first heard, across conversations — grown by exact copies, read by the reward
// phase (learn's recentPartners) and written to checkpoints as the list it was.
import * as assert from 'node:assert/strict';
import { emptyWindow, recordConversation } from '../../../src/core/engine/society/rewards';
import { trimmed } from '../../../src/core/engine/flow/trimmed';
import { stream } from '../../../src/core/random/rng';
import type { Utterance } from '../../../src/core/llm/transcript';

const PEOPLE = ['me', 'ana', 'bo', 'chen', 'dee'];

describe('reward window partners', () => {
  it('lists each other speaker once, in first-heard order, over many random conversations', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rng = stream(seed, 'window');
      const w = emptyWindow();
      const heard: string[] = [];
      for (let c = 0; c < 1 + rng.int(4); c++) {
        const transcript: Utterance[] = [];
        for (let k = 0; k < 1 + rng.int(6); k++) transcript.push({ from: rng.pick(PEOPLE), act: 'share', text: '' });
        const before = w.partners;
        recordConversation(w, transcript, 'me', []);
        for (const u of transcript) if (u.from !== 'me' && !heard.includes(u.from)) heard.push(u.from);
        // A copy when it grows: a list handed on earlier (a checkpoint, the debugger) stays as it was.
        if (w.partners.length !== before.length) assert.notEqual(w.partners, before);
      }
      assert.deepEqual(w.partners, heard);
      assert.equal(w.basis.partners, heard.length);
    }
  });

  it('trimmed gives a new array of the same items', () => {
    const grown: number[] = [];
    for (let i = 0; i < 5; i++) grown.push(i);
    const t = trimmed(grown);
    assert.notEqual(t, grown);
    assert.deepEqual(t, grown);
  });
});
