// A person plays one agent: the decisions of that agent of the kinds they take are asked of them
// (through a ParticipantPort) with the context an LLM agent would get; everything else goes to the
// agent's own model, unchanged. Answers are checked as a model's are and asked again with the
// reason; a person who does not answer in time gets the declared policy. Every outcome is recorded
// in the AnswerBook, and a replay answers from it with nobody asked. The response's usage carries
// who decided (Usage.by), which the events write as `by`.
import type { ModelConfig, PromptTemplates } from '../../format';
import type { Decider, Usage } from '../../trace/events';
import { DecisionSkipped, RecordedAnswerError, ReplayMissError } from '../errors';
import { validateResponse } from '../parse/validate';
import { OfflineModel } from '../offline/index';
import type { PromptContext } from '../prompts/values';
import { zeroUsage, type AgentModel, type DecisionRequest, type DecisionResponse } from '../types';
import { responseOf } from './answer';
import { ANSWERS_FILE, recordLine, type AnswerBook, type AnswerRecord } from './answerBook';
import type { ParticipantPort } from './port';
import { questionOf } from './question';
import { AnswerClock } from './answerClock';
import { WrappedModel } from '../wrappedModel';

/** The model name a person's decisions are booked under in the usage totals. */
export const HUMAN_MODEL = 'human';

export interface PlayOptions {
  book: AnswerBook;
  /** Who answers; absent when replaying. */
  port?: ParticipantPort;
  templates: PromptTemplates;
  context: PromptContext;
}

type Factory = (cfg: ModelConfig, seed: number) => AgentModel;

/** One played session: one person, one queue of questions, one record, over every model of the run. */
export class PlaySession {
  private queue: Promise<unknown> = Promise.resolve();
  private asked = 0;
  private offline?: OfflineModel;

  constructor(readonly o: PlayOptions) {}

  /** Whether the person takes this decision. */
  takes(req: DecisionRequest): boolean {
    const h = this.o.book.header;
    return req.persona.id === h.agent && req.kind !== 'advise' && req.kind !== 'judge' && h.kinds.includes(req.kind);
  }

  /** Puts the session around a model factory (RunModels.wrap). */
  wrap(factory: Factory): Factory {
    return (cfg, seed) => new HumanAgentModel(factory(cfg, seed), this, seed);
  }

  /** The decision, from the record (replay) or the person; on their timeout, the policy's. */
  async decide<R extends DecisionRequest>(req: R, inner: AgentModel, seed: number, signal?: AbortSignal) {
    const { book } = this.o;
    let record = book.get(req.key);
    if (!record) {
      if (book.replaying || !this.o.port) throw new ReplayMissError(HUMAN_MODEL, ANSWERS_FILE, req.key);
      record = await this.inTurn(() => this.askPerson(req, this.o.port!, signal));
      book.add(record);
    }
    return this.respond(req, record, inner, seed, signal);
  }

  /** One question at a time: a person answers in the order they were asked. */
  private inTurn<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async askPerson(req: DecisionRequest, port: ParticipantPort, signal?: AbortSignal): Promise<AnswerRecord> {
    signal?.throwIfAborted();
    const { header } = this.o.book;
    const id = ++this.asked;
    const base = { type: 'answer' as const, key: req.key, round: req.round, agent: req.persona.id, kind: req.kind };
    const limit = header.timeout ? header.timeout * 1000 : undefined;
    const stop = new AbortController();
    const abort = (): void => stop.abort();
    signal?.addEventListener('abort', abort, { once: true });
    // The clock starts when the person can see the question (a panel still loading is no time to
    // answer in), once: a refused answer asked again goes on with the time left.
    const clock = new AnswerClock(limit, abort);
    if (!port.tellsSeen) clock.start();
    try {
      let problem: string | undefined;
      for (;;) {
        const q = questionOf(req, { id, seconds: clock.secondsLeft(), problem }, this.o.templates, this.o.context);
        const given = await raced(
          port.ask(q, stop.signal, () => clock.start()),
          stop.signal,
        );
        signal?.throwIfAborted();
        if (given === TIMED_OUT) {
          port.note?.({ type: 'timeout', id, key: req.key, kind: q.kind, policy: header.fallback });
          return { ...base, by: `timeout:${header.fallback}` };
        }
        const checked = responseOf(req, given);
        if (checked.ok) {
          port.note?.({ type: 'answered', id, key: req.key, kind: q.kind });
          return { ...base, by: 'human', answer: checked.value as unknown as Record<string, unknown> };
        }
        problem = checked.error;
      }
    } finally {
      clock.stop();
      signal?.removeEventListener('abort', abort);
    }
  }

  private async respond<R extends DecisionRequest>(
    req: R,
    r: AnswerRecord,
    inner: AgentModel,
    seed: number,
    signal?: AbortSignal,
  ): Promise<DecisionResponse<R>> {
    if (r.by === 'human') {
      // Read back, the answer passes the checks a live one did (a message's length, a rating's
      // range, a partner among the candidates): a file is not trusted for being a record.
      const checked = this.o.book.replaying ? validateResponse(req, r.answer) : undefined;
      if (checked && !checked.ok) {
        const line = recordLine(r);
        throw new RecordedAnswerError(HUMAN_MODEL, `${ANSWERS_FILE}${line ? `:${line}` : ''}`, req.key, checked.error);
      }
      const answer = checked?.ok ? checked.value : r.answer;
      return { ...(answer as object), usage: { ...zeroUsage(HUMAN_MODEL), by: 'human' } } as DecisionResponse<R>;
    }
    if (r.by === 'timeout:skip') {
      throw new DecisionSkipped(
        `${req.persona.name}'s player gave no answer${this.o.book.header.timeout ? ` within ${this.o.book.header.timeout} s` : ''}: the ${req.kind} decision is skipped`,
        'participant_timeout',
      );
    }
    const model = r.by === 'timeout:offline' ? (this.offline ??= new OfflineModel('offline-fallback', seed)) : inner;
    const res = await model.decide(req, signal);
    return { ...res, usage: marked(res.usage, r.by) };
  }
}

function marked(u: Usage, by: Decider): Usage {
  return { ...u, by };
}

const TIMED_OUT = Symbol('timed out');

/**
 * The answer, or TIMED_OUT once the signal aborts (a port that does not stop waiting cannot hold
 * the run) or the port gives up (its input ended, its panel closed): a person gone is a person
 * who did not answer, and gets the same policy, recorded.
 */
function raced(answer: Promise<unknown>, signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(TIMED_OUT);
  return new Promise((resolve) => {
    const stop = (): void => resolve(TIMED_OUT);
    signal.addEventListener('abort', stop, { once: true });
    // One signal serves every retry of a question: a listener left behind per refused answer
    // would pile up (MaxListenersExceededWarning after 11).
    const done = (v: unknown): void => {
      signal.removeEventListener('abort', stop);
      resolve(v);
    };
    answer.then(done, () => done(TIMED_OUT));
  });
}

/** The agent's model with the person in front of it for the decisions they take. */
export class HumanAgentModel extends WrappedModel {
  constructor(
    inner: AgentModel,
    private readonly session: PlaySession,
    private readonly seed: number,
  ) {
    super(inner);
  }

  asks(request: DecisionRequest): boolean {
    return this.session.takes(request);
  }

  decide<R extends DecisionRequest>(request: R, signal?: AbortSignal): Promise<DecisionResponse<R>> {
    if (!this.session.takes(request)) return this.inner.decide(request, signal);
    return this.session.decide(request, this.inner, this.seed, signal);
  }
}
