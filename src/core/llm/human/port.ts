// The person behind a played agent, as the model sees them: asked one question at a time, and told
// what became of it. A terminal, a script over JSON lines (cli/play/) and a webview panel
// (extension/play/) implement it.
import type { PlayFallback } from './answerBook';
import type { PlayQuestion } from './question';

/** What became of a question, for the person to see. */
export type PlayNote =
  { type: 'answered'; id: number; key: string } | { type: 'timeout'; id: number; key: string; policy: PlayFallback };

export interface ParticipantPort {
  /**
   * The person's answer to `question` (any JSON; it is checked, and a refused one asked again
   * with `problem` set). `signal` aborts when the time is up or the run stops: stop waiting then.
   */
  ask(question: PlayQuestion, signal: AbortSignal): Promise<unknown>;
  note?(note: PlayNote): void;
}
