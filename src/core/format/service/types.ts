// The language service's shapes — a completion item, what completion asks of the workspace, a
// hover — below the helpers that build them, so a helper never imports the module that calls it.
import type { Range } from '../model/model';
import type { GeneratedIds } from '../assemble/generatedIds';
import type { Absence } from '../checks/timeline';
import type { Mechanics } from '../model/mechanics';
import type { PersonaSummary } from './personaCard';

export interface CompletionItem {
  label: string;
  kind: 'property' | 'value' | 'enum' | 'persona' | 'file' | 'folder' | 'model' | 'snippet';
  detail?: string;
  /** A few words shown beside the label on every row, not only the selected one (`left at round 3`). */
  description?: string;
  /** Markdown. */
  documentation?: string;
  /** Lines after the first are indented relative to the cursor's line (editors adjust them). */
  insertText: string;
  /** `insertText` uses snippet syntax (`$1`, `${1:default}`, `${1|a,b|}`). */
  snippet: boolean;
  range: Range;
  sortText: string;
  /** Open completions again after inserting (a key whose value has its own completions). */
  retrigger?: boolean;
}

/** What completion needs from the workspace, asked only when the cursor needs it. */
export interface CompletionSources {
  personas(): PersonaSummary[];
  /** Population groups whose generated agents (`${prefix}1…`) may be referred to too. */
  generated?(): GeneratedIds[];
  models(): string[];
  /** Include paths relative to the scenario's folder: files and `folder/*.society` globs. */
  includes(): { path: string; kind: 'file' | 'folder' }[];
  /**
   * Why a persona id is not in the society at the point of the run the cursor's reference is read
   * (an event's removal, a joining persona's relationships), undefined when it is (timeline.ts).
   */
  absence?(id: string): Absence | undefined;
  /** The mechanics (`state:`, `actions:`) of the scenario the cursor is in, for completion in expressions. */
  mechanics?(): Mechanics | undefined;
  /** The groups of the scenario the cursor is in (population groups, personas' `group`), for a phase's `who` and `x.group == '…'`. */
  groupNames?(): string[];
  /** The value of the scenario document the cursor is in (as written, errors and all), for the paths a `set:` may name. */
  scenarioValue?(): unknown;
}

/** A hover's text and the range it is about. */
export interface Hover {
  markdown: string;
  range: Range;
}
