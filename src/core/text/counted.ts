// "1 round", "3 rounds": counts with their noun for people (CLI lines, notes, messages).

/** `n` and the noun, plural unless n is 1; `plural` for nouns that do not just add an s. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
