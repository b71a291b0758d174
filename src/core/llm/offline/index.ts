// The offline rule-based model (not an LLM): the embedded default, needing no key and no network.
// Deterministic: each decision draws from a random stream keyed by the run seed and request.key.
import type { AgentModel, DecisionRequest, DecisionResponse, ResponseByKind } from '../types';
import { zeroUsage } from '../types';
import type { Usage } from '../../trace/events';
import { stream, type Rng } from '../../random/rng';
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

type Rule<K extends DecisionRequest['kind']> = (
  req: Extract<DecisionRequest, { kind: K }>,
  rng: Rng,
  seed: number,
) => ResponseByKind[K];

/** Each kind's rule, as a table: a kind without one does not compile, and none falls through. */
const RULES: { [K in DecisionRequest['kind']]: Rule<K> } = {
  choose_partner: choosePartner,
  speak: (req, rng, seed) => {
    const said = speak(req, rng);
    return req.news || req.heard ? tellOrDoubt(req, said, stream(seed, 'offline', req.key, 'hearsay')) : said;
  },
  evaluate: evaluate,
  advise: (req) => advise(req),
  reflect: (req) => reflect(req),
  interview: (req) => interview(req),
  act: act,
  judge: judge,
  survey: answerSurvey,
};

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
    const answer = RULES[request.kind] as (req: DecisionRequest, rng: Rng, seed: number) => object;
    const out = answer(request, rng, this.seed);
    // Each kind's function returns a fresh object: give it the usage in place rather than copying it.
    (out as { usage?: Usage }).usage = this.zero;
    return out as unknown as DecisionResponse<R>;
  }
}
