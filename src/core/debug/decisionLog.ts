// Remembers each agent's latest model decisions so the debugger can show "the exact prompt sent
// and the raw reply". It wraps the model factory the Simulation is created with; the offline model
// stays an OfflineModel (the engine's synchronous fast path checks for it), so recording changes
// no decision and no event.
import type { ModelConfig, PromptTemplates } from '../format/language/model';
import { OfflineModel } from '../llm/offline';
import { renderPrompt } from '../llm/prompts/render';
import type { ChatMessage } from '../llm/chat';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../llm/types';
import type { ModelFactory } from '../engine/kernel/world';

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
    return (cfg: ModelConfig, seed: number) => {
      const inner = factory(cfg, seed);
      if (inner instanceof OfflineModel) return new RecordingOfflineModel(cfg.name, seed, this);
      const log = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the returned object's own `this` is the model
      return {
        name: inner.name,
        provider: inner.provider,
        label: inner.label,
        async decide<R extends DecisionRequest>(req: R, signal?: AbortSignal): Promise<DecisionResponse<R>> {
          const res = await inner.decide(req, signal);
          log.record(inner, req, res);
          return res;
        },
      };
    };
  }
}

class RecordingOfflineModel extends OfflineModel {
  constructor(
    name: string,
    seed: number,
    private readonly log: DecisionLog,
  ) {
    super(name, seed);
  }
  override decideNow<R extends DecisionRequest>(request: R): DecisionResponse<R> {
    const res = super.decideNow(request);
    this.log.record(this, request, res);
    return res;
  }
}

/** The chat messages an LLM gets for this decision (for the offline model: what one would get). */
export function promptOf(d: Decision, templates: PromptTemplates, rounds: number): ChatMessage[] {
  return renderPrompt(d.request, templates, { rounds });
}
