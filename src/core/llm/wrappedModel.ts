// A model standing in front of another (the debugger's recorder, a person playing an agent): to
// whoever asks, it is the model it wraps — its name, provider and label — and it answers at once
// exactly when that model does (`decideNow`, through `now`, which sees each such answer).
import type { AgentModel, DecisionRequest, DecisionResponse } from './types';

export abstract class WrappedModel implements AgentModel {
  readonly name: string;
  readonly provider: AgentModel['provider'];
  readonly label: string;
  readonly decideNow?: <R extends DecisionRequest>(request: R) => DecisionResponse<R>;

  constructor(protected readonly inner: AgentModel) {
    this.name = inner.name;
    this.provider = inner.provider;
    this.label = inner.label;
    const now = inner.decideNow?.bind(inner);
    if (now) {
      this.decideNow = <R extends DecisionRequest>(request: R): DecisionResponse<R> => {
        const res = now(request);
        this.answeredNow(request, res);
        return res;
      };
    }
  }

  /** Told each answer the wrapped model gave at once (nothing by default). */
  protected answeredNow(_request: DecisionRequest, _response: DecisionResponse<DecisionRequest>): void {}

  abstract decide<R extends DecisionRequest>(request: R, signal?: AbortSignal): Promise<DecisionResponse<R>>;
}
