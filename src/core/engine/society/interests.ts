// Agents' interests as small sorted integer ids, and the Jaccard similarity of two agents'
// interests over them: what the encounter policy's recommendations weigh, at O(interests) a pair.
import type { Agent } from './agent';

/** Small integer ids for interests, interned once per process (ids only need to be stable within it). */
const interestIds = new Map<string, number>();
function internInterest(i: string): number {
  let id = interestIds.get(i);
  if (id === undefined) interestIds.set(i, (id = interestIds.size));
  return id;
}

// Agents' interest ids are views of shared slabs: an Int32Array of its own costs an agent ≈ 120 B
// more (its ArrayBuffer and backing store) for a dozen bytes of ids. A slab lives while any of its
// views does.
const SLAB_IDS = 1 << 14;
let slab = new Int32Array(SLAB_IDS);
let slabUsed = 0;

/** The agent's interests as sorted distinct ids (cached on the agent: interests never change). */
export function interestIdsOf(a: Agent): Int32Array {
  let ids = a.interestIds;
  if (!ids) {
    const set = new Set<number>();
    for (const i of a.interests) set.add(internInterest(i));
    const sorted = Int32Array.from(set).sort();
    if (sorted.length > SLAB_IDS >> 4) ids = sorted;
    else {
      if (slabUsed + sorted.length > slab.length) {
        slab = new Int32Array(SLAB_IDS);
        slabUsed = 0;
      }
      ids = slab.subarray(slabUsed, slabUsed + sorted.length);
      ids.set(sorted);
      slabUsed += sorted.length;
    }
    a.interestIds = ids;
  }
  return ids;
}

/** Jaccard of two sorted distinct id lists: the same value as jaccardSets on the interest sets. */
export function jaccardIds(a: Int32Array, b: Int32Array): number {
  return jaccardRange(a, b, 0, b.length);
}

/** jaccardIds of `a` and the slice b[from … to). */
export function jaccardRange(a: Int32Array, b: Int32Array, from: number, to: number): number {
  const bn = to - from;
  if (!a.length && !bn) return 0;
  let inter = 0;
  for (let i = 0, j = from; i < a.length && j < to;) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter / (a.length + bn - inter);
}

export function jaccardSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let inter = 0;
  a.forEach((x) => {
    if (b.has(x)) inter++;
  });
  return inter / (a.size + b.size - inter);
}
