// Where a run's prompt book is opened, for every way a run starts (`society run`, a run from the
// editor, each run of an experiment or a study): one rule for whether a run keeps one, so no
// runner keeps prompts another leaves out. A run whose models all answer by rule makes no call
// to keep, so it writes no book; a user who said so (--no-prompts, the editor's
// `society.keepPrompts`) gets none either.
import { isInstant, modelNamed, type Scenario } from '../format';
import { PromptBook, type PromptBookOptions } from './promptBook';
import { usedModelNames } from './registry';

export interface PromptBookRequest extends PromptBookOptions {
  /** False when the user asked for no book (--no-prompts, the editor's setting). */
  keep: boolean;
  /** The model every agent is given (--model, the editor's choice), if one is. */
  model?: string;
}

/** True when the run calls a model whose prompts a book would keep. */
export function callsModels(scenario: Scenario, model?: string): boolean {
  return usedModelNames(scenario, model).some((m) => {
    const cfg = modelNamed(scenario.models, m);
    return cfg !== undefined && !isInstant(cfg);
  });
}

/**
 * The run's book at `file` (opened without following a link, truncated, or on resume keeping the
 * rounds not asked again), or undefined when the run keeps none.
 */
export function openPromptBook(file: string, scenario: Scenario, request: PromptBookRequest): PromptBook | undefined {
  if (!request.keep || !callsModels(scenario, request.model)) return undefined;
  const { keep: _keep, model: _model, ...options } = request;
  return new PromptBook(file, options);
}
