// Where an example's references to the project's documentation point once it is copied out of the
// repository (Open Example…, New Society): `docs/model.md` and `../../docs/authoring.md` name files
// that only a clone has (the .vsix ships docs/diagnostics.md alone), so a copy links them at the
// repository's published docs instead (issue 73).

/** The repository's docs folder on the web: package.json's `repository.url` (a test holds them equal). */
export const DOCS_URL = 'https://github.com/society-studio/society-studio/blob/main/docs/';

/** A docs file named in text: `docs/x.md`, with an optional `#anchor`, not part of a longer path or URL. */
const NAMED = /(?<![\w./:-])docs\/([\w-]+\.md(?:#[\w-]+)?)/g;
/** A Markdown link's target that leaves the example for the repository's docs: `](../../docs/x.md)`. */
const LINKED = /\]\((?:\.\.\/)+docs\/([\w-]+\.md(?:#[\w-]+)?)\)/g;

/**
 * `text` with its references to the repository's docs pointing at DOCS_URL: in Markdown the
 * relative links re-aimed and a bare `docs/x.md` made a link; in a scenario's comments the bare name
 * becomes the address.
 */
export function publishedDocsLinks(text: string, markdown: boolean): string {
  if (!markdown) return text.replace(NAMED, (_m, file: string) => `${DOCS_URL}${file}`);
  return text
    .replace(LINKED, (_m, file: string) => `](${DOCS_URL}${file})`)
    .replace(NAMED, (m: string, file: string, at: number, whole: string) =>
      // Already a link's text (`[docs/x.md](…)`): the target is re-aimed above.
      whole[at - 1] === '[' && whole.startsWith('](', at + m.length) ? m : `[${m}](${DOCS_URL}${file})`,
    );
}
