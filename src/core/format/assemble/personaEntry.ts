// A persona as the checks and the workspace see it: its raw mapping, where it is written, and
// whether it counts from the start.
import type { PersonaSite } from './build';

/** One persona found while resolving a scenario (included file, inline item or added by an event). */
export interface PersonaEntry {
  raw: unknown;
  site: PersonaSite;
  /** The document holding it has no errors. */
  valid: boolean;
  /** Added by an event at this round rather than present from the start. */
  addedAt?: number;
}
