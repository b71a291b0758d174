// Per-query min–max normalisation of the retrieval components, as Generative Agents does it: each
// of recency, importance and relevance is rescaled over the memories being ranked to 0..1, so the
// weights trade components on equal footing whatever their spread. A component with the same
// value for every memory carries no information and becomes 0.5 for all (their normalize_dict_floats).
// Opt-in with `memory.normalize: minmax`; the default keeps the fixed 0..1 scales, with which a
// memory's score does not depend on the other memories in the stream.
import type { MemoryConfig } from '../../format';

/** Whether retrieval rescales the components per query. */
export const minMax = (cfg: MemoryConfig): boolean => cfg.normalize === 'minmax';

/** The running minimum and maximum of one component. */
export class Span {
  min = Infinity;
  max = -Infinity;
  reset(): void {
    this.min = Infinity;
    this.max = -Infinity;
  }
  see(v: number): void {
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
  /** `v` rescaled to 0..1 (0.5 when every value seen was the same). */
  scale(v: number): number {
    const range = this.max - this.min;
    return range > 0 ? (v - this.min) / range : 0.5;
  }
}
