// What Society Studio does in an untrusted workspace (VS Code's Restricted Mode), as plain data
// and text so the rules are unit-tested without VS Code. Reading is safe: a .society file is YAML
// data, so validation, completions, hovers, viewing traces and inspecting the memories of existing
// runs stay on. Whatever executes the scenario, sends workspace text to a model endpoint, spends an
// API key or reads files outside the folder waits until the user trusts the workspace.
import { isInside } from '../../core/files/confined';

export type Capability =
  | 'validate'
  | 'complete'
  | 'hover'
  | 'viewTrace'
  | 'inspectMemory'
  | 'run'
  | 'experiment'
  | 'study'
  | 'debug'
  | 'modelCall'
  | 'apiKey'
  | 'report';

/** Capabilities kept in Restricted Mode. */
const UNTRUSTED_OK: Record<Capability, boolean> = {
  validate: true,
  complete: true,
  hover: true,
  viewTrace: true,
  inspectMemory: true,
  run: false,
  experiment: false,
  study: false,
  debug: false,
  modelCall: false,
  apiKey: false,
  // The CLI it runs reads the scenario a trace names, which may lie outside the folder.
  report: false,
};

/** What the refusal message calls each refused capability. */
const REFUSED_WHAT: Partial<Record<Capability, string>> = {
  run: 'Running a simulation',
  experiment: 'Running an experiment',
  study: 'Running a study',
  debug: 'Debugging a simulation',
  modelCall: 'Calling a language model',
  apiKey: 'Using API keys',
  report: 'Writing a report',
};

export function allowed(capability: Capability, trusted: boolean): boolean {
  return trusted || UNTRUSTED_OK[capability];
}

/** The capabilities Restricted Mode refuses (for docs and tests). */
export function refusedWhenUntrusted(): Capability[] {
  return (Object.keys(UNTRUSTED_OK) as Capability[]).filter((c) => !UNTRUSTED_OK[c]);
}

/** The button the refusal offers, and the workbench command it runs. */
export const MANAGE_TRUST = 'Manage Workspace Trust';
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

/** The message shown when `capability` is refused: what is off, why, what still works, the way out. */
export function refusalMessage(capability: Capability): string {
  const what = REFUSED_WHAT[capability] ?? 'This';
  return (
    `${what} is disabled in Restricted Mode: this workspace is not trusted. ` +
    'Validation and viewing traces still work; trust the workspace to run simulations and call models.'
  );
}

/**
 * Why an include may not be read, or undefined when it may: in an untrusted workspace only files
 * whose real path (symlinks resolved) lies inside a workspace folder are read.
 */
export function includeRefusal(realPath: string, folders: readonly string[], trusted: boolean): string | undefined {
  if (trusted || folders.some((f) => isInside(f, realPath))) return undefined;
  return `${realPath} is outside the workspace folder and the workspace is not trusted (Restricted Mode); trust the workspace to load it`;
}
