// The person behind a played agent, as the model sees them: asked one question at a time, and told
// what became of it. A terminal, a script over JSON lines (cli/play/) and a webview panel
// (extension/play/) implement it.
import type { PlayNote, PlayQuestion } from '../../protocol/playMessages';

export type { PlayNote } from '../../protocol/playMessages';

export interface ParticipantPort {
  /**
   * Whether the port calls ask's `seen` once the person can see the question (a panel may still be
   * loading, or hidden behind another tab): the clock starts then, not when the run asks. A port
   * without it is seen as it is asked (a terminal, a script).
   */
  readonly tellsSeen?: boolean;
  /**
   * The person's answer to `question` (any JSON; it is checked, and a refused one asked again
   * with `problem` set). `signal` aborts when the time is up or the run stops: stop waiting then.
   */
  ask(question: PlayQuestion, signal: AbortSignal, seen?: () => void): Promise<unknown>;
  note?(note: PlayNote): void;
}
