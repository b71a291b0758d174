// One context sequence of a local model and the prompt it still holds, so that the next call that
// starts the same way evaluates only what follows (prefix reuse: an agent's next decision repeats
// its system message and persona, a re-ask repeats the whole question).
//
// Reuse never changes an answer. llama.cpp's floating-point sums for a token depend on the batch it
// is evaluated in, so a prefix kept at an arbitrary length would leave the rest of the prompt in
// other batches than an empty sequence gives it, and a sampled token could flip (measured: 11 of 12
// answers differed). A kept prefix cut back to a whole number of batches leaves every remaining
// token in exactly the batch a fresh evaluation would: the same 12 of 12 answers, byte for byte
// (test/model checks a rerun after other calls). Each slot is a context of its own, so the cache
// cells a prompt lands in do not depend on what other sequences hold.
import type { Chat, Sequence } from './llamaShapes';

/**
 * How many tokens of a new prompt may be served from what a sequence holds: the common prefix with
 * the last prompt it evaluated (never the answer after it: generated tokens were evaluated one at a
 * time), leaving at least the prompt's last token to evaluate, cut back to whole batches.
 */
export function reusablePrefix(
  held: readonly unknown[],
  heldPrompt: number,
  prompt: readonly unknown[],
  batch: number,
): number {
  const limit = Math.min(heldPrompt, held.length, prompt.length - 1);
  let same = 0;
  while (same < limit && held[same] === prompt[same]) same++;
  return same - (same % Math.max(1, batch));
}

export class PromptSlot {
  /** How many of the sequence's tokens were evaluated as a prompt. */
  private heldPrompt = 0;
  busy = false;
  /** When it last took a call (the worker's count of calls started). */
  lastUsed = 0;

  constructor(
    readonly sequence: Sequence,
    readonly chat: Chat,
    private readonly batch: number,
    /** `local.reuse_prefix`: false evaluates every prompt whole (to measure what reuse saves). */
    private readonly reuse = true,
  ) {}

  /** Tokens of `prompt` this slot can serve from its cache. */
  reusable(prompt: readonly unknown[]): number {
    if (!this.reuse) return 0;
    return reusablePrefix(this.sequence.contextTokens, this.heldPrompt, prompt, this.batch);
  }

  /** Keeps what `prompt` can reuse, erases the rest; returns the tokens kept. */
  async prepare(prompt: readonly unknown[]): Promise<number> {
    const keep = this.reusable(prompt);
    this.heldPrompt = 0;
    if (keep === 0) await this.sequence.clearHistory();
    else await this.sequence.eraseContextTokenRanges([{ start: keep, end: this.sequence.nextTokenIndex }]);
    return keep;
  }

  /**
   * The call went through: the sequence holds the prompt, then its answer. Held only if the chat
   * evaluated the very tokens counted here (a chat template that tokenized otherwise would have
   * erased from its own first difference, off a batch boundary): else this slot stops reusing.
   */
  evaluated(prompt: readonly unknown[]): void {
    const held = this.sequence.contextTokens;
    let same = 0;
    while (same < prompt.length && held[same] === prompt[same]) same++;
    if (same < prompt.length) this.untrusted = true;
    this.heldPrompt = this.untrusted ? 0 : prompt.length;
  }

  private untrusted = false;
}
