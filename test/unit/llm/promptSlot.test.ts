// Prefix reuse of a local model's sequence (promptSlot.ts): only prompt tokens are kept, never the
// answer generated after them, and only whole batches of them, so the rest of a prompt is evaluated
// in the batches an empty sequence would give it (test/model checks the answers byte for byte).
import * as assert from 'node:assert/strict';
import { PromptSlot, reusablePrefix } from '../../../src/core/llm/local/promptSlot';
import type { Chat, Sequence } from '../../../src/core/llm/local/llamaShapes';

const seq = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

/** A sequence that holds tokens as node-llama-cpp's does: erasing a range drops it, clearing drops all. */
class HeldTokens implements Sequence {
  tokenMeter = { usedInputTokens: 0, usedOutputTokens: 0 };
  contextTokens: unknown[] = [];
  erased: { start: number; end: number }[] = [];
  get nextTokenIndex(): number {
    return this.contextTokens.length;
  }
  async clearHistory(): Promise<void> {
    this.erased.push({ start: 0, end: this.contextTokens.length });
    this.contextTokens = [];
  }
  async eraseContextTokenRanges(ranges: { start: number; end: number }[]): Promise<void> {
    for (const r of ranges) {
      this.erased.push(r);
      this.contextTokens.splice(r.start, r.end - r.start);
    }
  }
}

describe('a local model sequence keeps a prompt prefix only in whole batches', () => {
  it('the common prefix, cut back to whole batches', () => {
    const held = seq(700);
    const prompt = [...seq(300), 9999, ...seq(100)];
    assert.equal(reusablePrefix(held, 700, prompt, 128), 256);
    assert.equal(reusablePrefix(held, 700, prompt, 64), 256);
    assert.equal(reusablePrefix(held, 700, prompt, 100), 300);
    assert.equal(reusablePrefix(held, 700, prompt, 512), 0);
  });

  it('never the answer generated after the held prompt, never the whole new prompt', () => {
    // The sequence holds a 260-token prompt and its 40-token answer; the next prompt repeats both
    // (a re-ask quotes the answer): only the 256 prompt tokens in whole batches may be reused.
    const held = seq(300);
    assert.equal(reusablePrefix(held, 260, seq(400), 128), 256);
    assert.equal(reusablePrefix(held, 260, seq(400), 64), 256);
    assert.equal(reusablePrefix(held, 0, seq(400), 64), 0);
    // The same prompt again: its last token is evaluated anew (the answer is sampled after it).
    assert.equal(reusablePrefix(seq(300), 300, seq(256), 128), 128);
    assert.equal(reusablePrefix([], 0, [], 128), 0);
  });

  it('a slot erases what it cannot reuse and holds a prompt only once the chat evaluated those very tokens', async () => {
    const s = new HeldTokens();
    const slot = new PromptSlot(s, {} as Chat, 128);
    assert.equal(await slot.prepare(seq(300)), 0);
    s.contextTokens = [...seq(300), 7, 7, 7]; // the prompt, then the answer
    slot.evaluated(seq(300));
    assert.equal(await slot.prepare([...seq(290), 1, 2]), 256);
    assert.deepEqual(s.contextTokens, seq(256));
    assert.deepEqual(s.erased.at(-1), { start: 256, end: 303 });
    // A chat that tokenized otherwise than counted: the slot stops reusing, for good.
    s.contextTokens = [...seq(100), 5, ...seq(199, 101)];
    slot.evaluated(seq(300));
    assert.equal(slot.reusable(seq(300)), 0);
    s.contextTokens = seq(300);
    slot.evaluated(seq(300));
    assert.equal(slot.reusable(seq(300)), 0);
    // A call that failed before `evaluated`: nothing of it is held.
    const t = new HeldTokens();
    const other = new PromptSlot(t, {} as Chat, 128);
    await other.prepare(seq(300));
    t.contextTokens = seq(300);
    assert.equal(other.reusable(seq(300)), 0);
  });
});
