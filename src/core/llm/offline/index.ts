// The offline rule-based model (not an LLM): the embedded default, needing no key and no network.
// Deterministic: each decision draws from a random stream keyed by the run seed and request.key.
import type { AgentModel, DecisionRequest, DecisionResponse, ResponseByKind } from '../types';
import { zeroUsage } from '../types';
import type { Usage } from '../../trace/events';
import { stream } from '../../random/rng';
import { choosePartner } from './partner';
import { speak } from './speak';
import { tellOrDoubt } from './hearsay';
import { evaluate } from './evaluate';
import { advise } from './advise';
import { reflect } from './reflect';
import { interview } from './interview';
import { judge } from './judge';
import { act } from './act';
import { answerSurvey } from './survey';

export const OFFLINE_LABEL = 'offline rule-based model (not an LLM)';

export class OfflineModel implements AgentModel {
  readonly provider = 'offline' as const;
  readonly label = OFFLINE_LABEL;
  /** Offline decisions cost nothing; one shared record (never mutated) saves an object per decision. */
  private readonly zero: Usage;

  constructor(
    readonly name: string,
    private readonly seed: number,
  ) {
    this.zero = Object.freeze(zeroUsage(name));
  }

  async decide<R extends DecisionRequest>(request: R, signal?: AbortSignal): Promise<DecisionResponse<R>> {
    signal?.throwIfAborted();
    return this.decideNow(request);
  }

  /** Synchronous form (AgentModel.decideNow): the engine's fast path for offline agents. */
  decideNow<R extends DecisionRequest>(request: R): DecisionResponse<R> {
    const rng = stream(this.seed, 'offline', request.key);
    let out: ResponseByKind[DecisionRequest['kind']];
    switch (request.kind) {
      case 'choose_partner':
        out = choosePartner(request, rng);
        break;
      case 'speak':
        out = speak(request, rng);
        if (request.news || request.heard) {
          out = tellOrDoubt(request, out, stream(this.seed, 'offline', request.key, 'hearsay'));
        }
        break;
      case 'evaluate':
        out = evaluate(request, rng);
        break;
      case 'advise':
        out = advise(request);
        break;
      case 'reflect':
        out = reflect(request);
        break;
      case 'interview':
        out = interview(request);
        break;
      case 'act':
        out = act(request, rng);
        break;
      case 'judge':
        out = judge(request, rng);
        break;
      case 'survey':
        out = answerSurvey(request, rng);
        break;
    }
    // Each kind's function returns a fresh object: give it the usage in place rather than copying it.
    (out as { usage?: Usage }).usage = this.zero;
    return out as unknown as DecisionResponse<R>;
  }
}
