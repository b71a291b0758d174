// `--model NAME`: one of the model configs a scenario (or validate's --models file) declares, read
// as an own key (`constructor` names no model), or why not, in the words every command uses.
// `run`, `estimate` (through knownModel) and `validate` resolve the name here and nowhere else.
import { modelNamed, type ModelConfig } from '../core/format';

export type ModelChoice = { model: ModelConfig } | { error: string };

/** The model config `name` of `models`, or an error naming the ones there are (`where`: whose models). */
export function chooseModel(models: Readonly<Record<string, ModelConfig>>, name: string, where: string): ModelChoice {
  const model = modelNamed(models, name);
  if (model) return { model };
  return { error: `unknown model '${name}' (${where} models: ${Object.keys(models).join(', ')})` };
}
