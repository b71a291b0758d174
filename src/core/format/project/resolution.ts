// What a workspace answers and is handed: a file's analysis, a scenario resolved with its
// personas, the checks it runs, and what it says of a file with no scenario.
import type { Diagnostic } from '../model/diagnostics';
import type { Scenario } from '../model/model';
import type { ParsedFile } from '../syntax/parse';
import { Locator } from '../syntax/locate';
import type { PersonaEntry } from '../assemble/personaEntry';

export const SOCIETY_EXTENSION = '.society';

export interface FileAnalysis {
  parsed: ParsedFile;
  /** Syntax, schema and single-file semantic diagnostics. */
  diagnostics: Diagnostic[];
  locators: Locator[];
}

/** The semantic checks a workspace runs (checks/runChecks.ts and checks/fileChecks.ts), handed to it by whoever opens it. */
export interface WorkspaceChecks {
  /** A file's own checks, run with its parse once per text. */
  file(parsed: ParsedFile, locators: Locator[]): Diagnostic[];
  /** A scenario's checks across the files it includes, with the personas they bring. */
  scenario(scenario: { value: unknown; at: Locator; hasErrors?: boolean }, personas: PersonaEntry[]): Diagnostic[];
}

/** What resolving a file without a scenario says (a persona file is fine in itself: `check` passes it). */
export const NO_SCENARIO_TO_RUN = 'This file has no `kind: scenario` document to run';

export interface ScenarioResolution {
  file: string;
  docIndex: number;
  /** Present only when no file involved has an error. */
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  /** The scenario's file and every file it includes, directly or not. */
  files: string[];
  personas: PersonaEntry[];
}
