// A list that is done growing, held in an array of exactly its length. An array grown by push
// keeps room for about half as many more plus 16 (a transcript of four lines: 17 slots, ≈ 76 B
// for 16 B of lines); what a round keeps until a later stage, a million times over, is copied
// once it stops growing, and the grown one goes with the next scavenge.
export function trimmed<T>(items: T[]): T[] {
  return items.slice();
}
