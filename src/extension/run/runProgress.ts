// What the status bar, the log and the end-of-run message say about a run, folded from its trace
// events: round, agents, ties, tokens and cost, and the declared state at the end. Ties are
// counted once some formed (as the society view shows them); at the end a society that could form
// them and formed none says so. Pure, so the wording is tested without VS Code.
import type { TraceEvent, TraceHeader } from '../../core/trace/events';
import { FaultTally } from '../../core/trace/faultTally';
import { ModelsUsed } from '../../core/trace/modelsUsed';
import { isProvider, formsTies, modelFileName, type ModelConfig, type Provider } from '../../core/format';
import type { SocietyDesign, StateDeclarations } from '../../core/protocol/viewMessages';
import { EndState } from '../../core/run/endState';
import { counted } from '../../core/text/counted';

export class RunProgress {
  round = 0;
  agents = 0;
  ties = 0;
  tokens = 0;
  cost = 0;
  calls = 0;
  /** The run's failed and retried model calls, for the end-of-run message. */
  readonly faults = new FaultTally();
  readonly rounds: number;
  /** The models the run's agents use (their agent_added events), not every config the header lists. */
  private readonly used: ModelsUsed;
  /** The declared state as the run left it. */
  readonly state = new EndState();
  /** When the run started and when its last round ended (ms, `now`'s clock): the token rate's span. */
  private readonly startedAt: number;
  private lastRoundAt: number;

  /** `design` (the scenario's, where known) says whether ties are worth a word at 0. */
  constructor(
    header: TraceHeader,
    private readonly modelLabel?: string,
    private readonly design?: SocietyDesign,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = this.lastRoundAt = now();
    this.rounds = header.rounds;
    this.used = new ModelsUsed(header);
  }

  /** The run's model in a few words: the one given, else those its agents use. */
  get model(): string {
    return this.modelLabel ?? describeModelConfigs(this.used.configs());
  }

  /**
   * Ties are counted once some formed, as the society view shows them (a design that can form ties
   * but formed none says so at the end, as the view does: "no ties formed").
   */
  get saysTies(): boolean {
    return this.ties > 0;
  }

  /** The society forms ties by design (or its design is unknown). */
  private get formsTies(): boolean {
    return !this.design || formsTies(this.design.ties);
  }

  /**
   * The end-of-run message: "Friends: 12 rounds, 14 ties." and, for a society with declared state,
   * the world's quantities and the agents' means at the end ("Village fund: 8 rounds. World: …").
   */
  endText(name: string, declared?: StateDeclarations): string {
    const ties = this.saysTies ? [counted(this.ties, 'tie')] : this.formsTies ? ['no ties formed'] : [];
    const counts = [counted(this.rounds, 'round'), ...ties];
    return [`${name}: ${counts.join(', ')}.`, this.state.describe(declared)].filter(Boolean).join(' ');
  }

  /** Folds an event; returns a log line when the event deserves one. */
  add(e: TraceEvent): { level: 'info' | 'warn' | 'error'; text: string } | undefined {
    this.state.add(e);
    this.used.add(e);
    switch (e.type) {
      case 'round_start':
        this.agents = e.agents;
        return undefined;
      case 'round_end': {
        const s = e.stats;
        this.faults.listener(e); // the calls that were answered
        this.round = e.round;
        this.agents = s.agents;
        this.ties = s.ties;
        this.calls += s.usage.calls;
        this.tokens += s.usage.input_tokens + s.usage.output_tokens;
        this.cost += s.usage.cost_usd;
        this.lastRoundAt = this.now();
        return {
          level: 'info',
          text: `round ${e.round}/${this.rounds}: ${s.agents} agents, ${s.encounters} encounters, ${s.messages} messages, ${s.ties} ties, mean reward ${s.mean_reward.toFixed(3)}`,
        };
      }
      case 'error':
        this.faults.add(e);
        return {
          level: e.handling === 'fatal' ? 'error' : 'warn',
          text: `round ${e.round}${e.agent ? ` ${e.agent}` : ''}${e.phase ? ` (${e.phase})` : ''}: ${e.message} [${e.handling}]`,
        };
      case 'event_fired':
        return {
          level: 'info',
          text: `round ${e.round}: scenario event ${e.index} (${e.action})${e.text ? `: ${e.text}` : ''}`,
        };
      case 'run_end':
        return {
          level: 'info',
          text: `run complete: ${e.rounds} rounds, ${e.usage.calls} model calls, ${e.usage.input_tokens + e.usage.output_tokens} tokens, $${e.usage.cost_usd.toFixed(4)}`,
        };
      default:
        return undefined;
    }
  }

  /**
   * Prompt and answer tokens per second over the rounds ended so far (a local model's speed is what
   * its user budgets by); none before a second of them.
   */
  get tokensPerSecond(): number | undefined {
    const seconds = (this.lastRoundAt - this.startedAt) / 1000;
    return this.tokens > 0 && seconds >= 1 ? this.tokens / seconds : undefined;
  }

  /** One line for the status bar. */
  statusText(): string {
    const rate = this.tokensPerSecond;
    const usage =
      this.tokens > 0 || this.cost > 0
        ? ` · ${formatTokens(this.tokens)} tokens${rate !== undefined ? ` (${rate < 10 ? rate.toFixed(1) : Math.round(rate)} tok/s)` : ''}` +
          ` · $${this.cost.toFixed(this.cost < 1 ? 4 : 2)}`
        : '';
    const ties = this.saysTies ? ` · ${this.ties} ties` : '';
    return `round ${this.round}/${this.rounds} · ${this.agents} agents${ties} · ${this.model}${usage}`;
  }
}

export function formatTokens(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
}

/**
 * A model in a few words, by its provider; the offline model is never passed off as an LLM. A
 * Record over the providers table, so the compiler names a new provider here.
 */
const MODEL_WORDS: Record<Provider, (m: Pick<ModelConfig, 'provider' | 'model'>) => string> = {
  offline: () => 'offline rule-based model',
  openai: (m) => m.model ?? m.provider,
  vscode: (m) => `VS Code LM ${m.model ?? ''}`.trim(),
  local: (m) => `local ${modelFileName(m.model)}`.trim(),
};

/** Model configs in a few words, each once. */
export function describeModelConfigs(models: readonly Pick<ModelConfig, 'provider' | 'model'>[]): string {
  // An older trace's provider outside the table is named as it is.
  const names = models.map((m) => (isProvider(m.provider) ? MODEL_WORDS[m.provider](m) : (m.model ?? m.provider)));
  return [...new Set(names)].join(', ') || 'no model';
}
