// The indefinite article as a word is spoken, not as it is spelled: "a UX researcher", "an MBA
// student", "an hour", "a university lecturer", "an 8th-grade teacher". Persona occupations go
// into the offline model's sentences and interview answers; "an UX researcher" reads as a bug.

/** Letters whose English names start with a vowel sound: "an MP", "an NGO", "an X-ray". */
const VOWEL_NAMED_LETTER = /^[AEFHILMNORSX]/;
/** Spelled with a vowel, spoken with a "y" or "w": university, user, usual, European, one-off. */
const CONSONANT_SOUND_VOWEL = /^(?:uni(?!n)|us[eu]|ur[aeiou]|uti|ubi|uku|uga|eu|ewe|one(?![a-z])|once(?![a-z]))/i;
/** Spelled with an h, spoken with a vowel. */
const SILENT_H = /^(?:hour|honest|hono(?:u)?r|heir)/i;
/** Numbers read with a vowel first: eight…, eleven, eighteen (not 110, one hundred ten). */
const VOWEL_NUMBER = /^(?:8|11(?!\d)|18(?!\d))/;
/** A phrase that already has its determiner. */
const DETERMINED = /^(?:a|an|the|my|our|his|her|their|another|some|one)\s/i;

/** "a" or "an" for the phrase's first word. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const text = phrase.trimStart();
  if (/^\d/.test(text)) return VOWEL_NUMBER.test(text) ? 'an' : 'a';
  const word = /^\p{L}+/u.exec(text)?.[0] ?? '';
  // Short capitals are read letter by letter (UX, MBA, NGO); longer ones with a vowel as a word (NASA).
  if (/^[A-Z]{2,}$/.test(word) && (word.length <= 3 || !/[AEIOU]/.test(word))) {
    return VOWEL_NAMED_LETTER.test(word) ? 'an' : 'a';
  }
  if (SILENT_H.test(word)) return 'an';
  if (CONSONANT_SOUND_VOWEL.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The phrase with its indefinite article ("a pastry chef"), or as written where it already has a
 * determiner ("the night manager") or starts with neither a letter nor a digit.
 */
export function withArticle(phrase: string): string {
  if (DETERMINED.test(phrase) || !/^[\p{L}\d]/u.test(phrase)) return phrase;
  return `${indefiniteArticle(phrase)} ${phrase}`;
}
