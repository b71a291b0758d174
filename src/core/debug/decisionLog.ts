// Remembers each agent's latest model decisions so the debugger can show "the exact prompt sent
// and the raw reply". It wraps the model factory the Simulation is created with; a model that
// answers at once (decideNow, the offline one) still does when recorded, so recording changes no
// decision and no event.
import type { ModelConfig, PromptTemplates } from '../format';
import { renderPrompt } from '../llm/prompts/render';
import type { ChatMessage } from '../llm/chat';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../llm/types';
import type { ModelFactory } from '../engine';
import { WrappedModel } from '../llm/wrappedModel';

export interface Decision {
  round: number;
  kind: DecisionRequest['kind'];
  model: string;
  provider: string;
  request: DecisionRequest;
  response: DecisionResponse;
}

/** Decisions kept per agent: enough for one turn (choose, a few speak, evaluate, advise, reflect). */
const KEEP = 12;

export class DecisionLog {
  private readonly byAgent = new Map<string, Decision[]>();

  record(model: AgentModel, request: DecisionRequest, response: DecisionResponse): void {
    const id = request.persona.id;
    let list = this.byAgent.get(id);
    if (!list) this.byAgent.set(id, (list = []));
    list.push({
      round: request.round,
      kind: request.kind,
      model: model.name,
      provider: model.provider,
      request,
      response,
    });
    if (list.length > KEEP) list.shift();
  }

  /** Newest first. */
  of(agent: string): Decision[] {
    return [...(this.byAgent.get(agent) ?? [])].reverse();
  }
  last(agent: string): Decision | undefined {
    const l = this.byAgent.get(agent);
    return l?.[l.length - 1];
  }

  /** Wraps a model factory so every decision of every model it builds is recorded here. */
  wrap(factory: ModelFactory): ModelFactory {
    return (cfg: ModelConfig, seed: number) => new RecordingModel(factory(cfg, seed), this);
  }
}

/** A model whose decisions go to the log; it answers at once exactly when the model it wraps does. */
class RecordingModel extends WrappedModel {
  constructor(
    inner: AgentModel,
    private readonly log: DecisionLog,
  ) {
    super(inner);
  }

  protected override answeredNow(request: DecisionRequest, response: DecisionResponse<DecisionRequest>): void {
    this.log.record(this.inner, request, response);
  }

  async decide<R extends DecisionRequest>(request: R, signal?: AbortSignal): Promise<DecisionResponse<R>> {
    const res = await this.inner.decide(request, signal);
    this.log.record(this.inner, request, res);
    return res;
  }
}

/** The chat messages an LLM gets for this decision (for the offline model: what one would get). */
export function promptOf(d: Decision, templates: PromptTemplates, rounds: number): ChatMessage[] {
  return renderPrompt(d.request, templates, { rounds });
}
