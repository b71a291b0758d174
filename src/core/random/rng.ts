// Seeded random streams. Each stream is keyed by (seed, agent, purpose, round, ...) and derived by
// hashing the key, so streams are independent: adding an agent or a purpose never shifts anyone
// else's draws, and a resumed run needs no saved generator state.

/** The lowest seed the CLI and the debugger take (the highest is Number.MAX_SAFE_INTEGER: seeds are exact integers). */
export const MIN_SEED = -(2 ** 31);

/** cyrb128's result, reused: streams are made millions of times and each reads it at once. */
const HASH = new Uint32Array(4);

/**
 * cyrb128: a fast 128-bit string hash (public domain), used only to seed streams. It hashes the
 * key parts joined by U+001F without building the joined string (streams are made millions of times).
 */
function cyrb128(parts: readonly (string | number)[]): Uint32Array {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const str = typeof part === 'string' ? part : String(part);
    for (let i = p > 0 ? -1 : 0; i < str.length; i++) {
      const k = i < 0 ? 0x1f : str.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  HASH[0] = h1;
  HASH[1] = h2;
  HASH[2] = h3;
  HASH[3] = h4;
  return HASH;
}

/** A 32-bit unsigned hash of a key; also used to order agents reproducibly. */
export function hashKey(...parts: (string | number)[]): number {
  return cyrb128(parts)[0];
}

/** sfc32 generator: small, fast, passes PractRand for the volumes we draw. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(state: ArrayLike<number>) {
    this.a = state[0] >>> 0;
    this.b = state[1] >>> 0;
    this.c = state[2] >>> 0;
    this.d = state[3] >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** Index drawn with probability proportional to non-negative weights; -1 if all are zero. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w > 0 ? w : 0;
    if (total <= 0) return -1;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] > 0 ? weights[i] : 0;
      if (x < w) return i;
      x -= w;
    }
    return weights.length - 1;
  }
  /** As `weighted`, with the weight of item i given by `weightOf(i)` (no array built). */
  weightedOf(n: number, weightOf: (i: number) => number): number {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weightOf(i);
      total += w > 0 ? w : 0;
    }
    if (total <= 0) return -1;
    let x = this.next() * total;
    for (let i = 0; i < n; i++) {
      const v = weightOf(i),
        w = v > 0 ? v : 0;
      if (x < w) return i;
      x -= w;
    }
    return n - 1;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Gamma(shape, 1) by Marsaglia–Tsang; used for beta draws in population sampling. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.next() || Number.MIN_VALUE, 1 / shape);
    const d = shape - 1 / 3,
      c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha),
      y = this.gamma(beta);
    return x / (x + y);
  }
}

/** The stream for a key, e.g. `stream(seed, 'agent', id, 'speak', round)`. */
export function stream(...key: (string | number)[]): Rng {
  return new Rng(cyrb128(key));
}
