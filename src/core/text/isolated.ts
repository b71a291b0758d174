// Text from a .society file shown next to other text: a name holding a right-to-left override
// (U+202E) would otherwise reverse what follows it ("Ana → Bo" read backwards, a file path spelled
// in reverse), a way to make a report say something it does not. Such a string is wrapped in a
// first-strong isolate (U+2068 … U+2069), which ends every embedding and override opened inside it.

/** Explicit directional formatting: embeddings, overrides and isolates (LRM/RLM marks do not leak). */
const DIRECTIONAL = /[\u202a-\u202e\u2066-\u2069]/;

/** `s` as is, or isolated when it carries directional formatting (with any stray isolate close dropped, which would end the wrapper early). */
export function isolated(s: string): string {
  if (!DIRECTIONAL.test(s)) return s;
  let open = 0,
    out = '';
  for (const c of s) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++;
    else if (c === '\u2069') {
      if (open === 0) continue;
      open--;
    }
    out += c;
  }
  return `\u2068${out}\u2069`;
}
