// Which model a run uses: the scenario's own models, the offline rule-based model, a VS Code
// language model, or a GGUF file run in-process. The override is a model config added under a reserved name that every agent
// (and the coach) then uses, so the trace header records exactly what ran.
import { type ModelConfig, type Scenario, isInstant } from '../../core/format';

export type ModelChoice =
  | { kind: 'scenario' }
  | { kind: 'offline' }
  /** `model` is the VS Code language model's id (vscode.lm). */
  | { kind: 'vscode'; model: string; label?: string }
  /** A GGUF file run in-process (`provider: local`), by its absolute path. */
  | { kind: 'local'; file: string; label?: string };

export const OVERRIDE_MODEL = 'editor-choice';

const DEFAULTS = { concurrency: 4, timeout_ms: 60000, retries: 2, on_error: 'offline' } as const;

/** The scenario to run and the model name to force on every agent (none: as written). */
export function applyModelChoice(scenario: Scenario, choice: ModelChoice): { scenario: Scenario; model?: string } {
  if (choice.kind === 'scenario') return { scenario };
  const cfg: ModelConfig =
    choice.kind === 'offline'
      ? { name: OVERRIDE_MODEL, provider: 'offline', ...DEFAULTS }
      : choice.kind === 'local'
        ? // One call at a time on its own thread (local.sequences: 1); a CPU model takes seconds a call.
          {
            name: OVERRIDE_MODEL,
            provider: 'local',
            model: choice.file,
            ...DEFAULTS,
            concurrency: 1,
            timeout_ms: 300000,
          }
        : { name: OVERRIDE_MODEL, provider: 'vscode', model: choice.model, ...DEFAULTS };
  return { scenario: { ...scenario, models: { ...scenario.models, [OVERRIDE_MODEL]: cfg } }, model: OVERRIDE_MODEL };
}

/** True when running as written needs nothing but the offline model. */
export function offlineOnly(scenario: Scenario): boolean {
  return Object.values(scenario.models).every(isInstant);
}

/** Names of the environment variables that hold the keys the scenario's models need. */
export function keyNames(scenario: Scenario): string[] {
  return [
    ...new Set(
      Object.values(scenario.models)
        .map((m) => m.api_key_env)
        .filter((k): k is string => !!k),
    ),
  ];
}
