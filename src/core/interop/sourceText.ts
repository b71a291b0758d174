// One input file of an import: its name (as the user gave it, for messages) and its text.
export interface SourceText {
  file: string;
  text: string;
}

/**
 * JSON.parse for a source file. Windows editors and Excel save UTF-8 with a byte-order mark,
 * which JSON.parse rejects as a token; the CSV reader skips it, and so does this.
 */
export function parseSourceJson(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
