// An include's glob as a matcher of paths relative to the including file's folder. Scenario
// resolution, go-to-definition and hover all match through here, so they agree on what an
// include brings in, and none of them meets picomatch's exceptions.
import picomatch from 'picomatch';

/** picomatch throws on longer patterns (a path is far shorter: this one can name no file). */
export const MAX_GLOB_LENGTH = picomatch.constants.MAX_LENGTH;

export type IncludeMatcher = (relativePath: string) => boolean;

/** A matcher for `glob`, or undefined when it is empty or too long to be a pattern: it matches nothing. */
export function includeMatcher(glob: string): IncludeMatcher | undefined {
  if (!glob || glob.length > MAX_GLOB_LENGTH) return undefined;
  try {
    return picomatch(glob.replace(/\\/g, '/'), { dot: false });
  } catch {
    return undefined; // picomatch's other refusals, if any: matching nothing is the honest answer
  }
}
