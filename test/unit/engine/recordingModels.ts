// A model factory for tests: offline models that also record which model config answered each
// decision, so a test can tell which model the engine asked (the coach's, a forced one, …).
import type { ModelConfig } from '../../../src/core/format/model/model';
import type { AgentModel, DecisionRequest } from '../../../src/core/llm/types';
import { OfflineModel } from '../../../src/core/llm/offline';

export function recordingFactory(
  onDecide: (req: DecisionRequest, model: string) => void,
): (cfg: ModelConfig, seed: number) => AgentModel {
  return (cfg, seed) => {
    const inner = new OfflineModel(cfg.name, seed);
    return {
      name: cfg.name,
      provider: 'offline',
      label: inner.label,
      decide: <R extends DecisionRequest>(req: R, signal?: AbortSignal) => {
        onDecide(req, cfg.name);
        return inner.decide(req, signal);
      },
    };
  };
}
