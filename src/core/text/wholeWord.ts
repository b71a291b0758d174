// Whether a text holds a word or name as a whole word: not inside another (letters, digits and
// underscores of any script count as word characters), any case unless asked.

export function wordIn(text: string, word: string, caseSensitive = false): boolean {
  const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${esc}(?![\\p{L}\\p{N}_])`, caseSensitive ? 'u' : 'iu').test(text);
}
