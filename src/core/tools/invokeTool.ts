// The one way a tool is called, by `society mcp` and by the editor's language-model tools alike:
// the input checked against its schema, every path argument confined to the working folder (real
// paths: confined.ts), the call bounded in time (its signal aborts at the deadline, and the answer
// does not wait for work that ignores it), cancellation passed on, the answer's size capped, and
// nothing at all in an untrusted workspace. Tools once confined nothing and ran without bound
// (issue 70); neither surface checks anything of its own now.
import { z } from 'zod';
import { confinedPath } from '../files/confined';
import { pathArguments } from './pathArg';
import { markedAnswer, relativePaths } from './untrustedData';
import { ToolRefusal, type SocietyTool, type ToolHost } from './tool';

export interface ToolLimits {
  /** Milliseconds a read tool's call may take. */
  readMs: number;
  /** Milliseconds a run tool's call may take (a run, an experiment). */
  runMs: number;
  /** Characters of the answer's JSON text; a larger answer is summarised by its keys. */
  answerChars: number;
}

export const TOOL_LIMITS: ToolLimits = { readMs: 120_000, runMs: 6 * 3_600_000, answerChars: 100_000 };

/** A call's outcome: the result and its JSON text, or the refusal's text (why it was not done). */
export type ToolAnswer = { result: unknown; text: string } | { refusal: string };

/** The input with each path argument replaced by its confined real path (or a refusal). */
function confinedInput(t: SocietyTool, input: Record<string, unknown>, cwd: string): Record<string, unknown> {
  const out = { ...input };
  for (const arg of pathArguments(t.input)) {
    const value = out[arg.key];
    if (value === undefined) continue;
    out[arg.key] = arg.list
      ? (value as string[]).map((p) => confinedPath(cwd, p, arg.mode))
      : confinedPath(cwd, value as string, arg.mode);
  }
  return out;
}

/** The result as JSON text within the cap; over it, what it holds in a sentence. */
function answerText(result: unknown, cap: number): { result: unknown; text: string } {
  const text = JSON.stringify(result, null, 2) ?? 'null';
  if (text.length <= cap) return { result, text };
  const keys = result && typeof result === 'object' && !Array.isArray(result) ? Object.keys(result) : [];
  const summary = {
    note: `the answer is ${text.length} characters, over the ${cap} a tool gives: ask for less (a smaller limit, fewer columns, a narrower question)`,
    ...(keys.length ? { keys } : {}),
  };
  return { result: summary, text: JSON.stringify(summary, null, 2) };
}

/** Resolves when `signal` aborts, with its reason's message. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = (): void => reject(new ToolRefusal(String((signal.reason as Error)?.message ?? signal.reason)));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Calls `t` with `args` under the policy; never throws (a refusal is an answer). */
export async function invokeTool(
  t: SocietyTool,
  args: unknown,
  host: ToolHost,
  signal?: AbortSignal,
  limits: ToolLimits = TOOL_LIMITS,
): Promise<ToolAnswer> {
  if (host.trusted === false) {
    return {
      refusal: `${t.title} is disabled in Restricted Mode: this workspace is not trusted; trust the workspace to use the assistant tools`,
    };
  }
  const ms = t.kind === 'run' ? limits.runMs : limits.readMs;
  const stop = new AbortController();
  const deadline = setTimeout(
    () => stop.abort(new Error(`${t.name} ran past its time limit of ${ms / 1000} s and was stopped`)),
    ms,
  );
  const onCancel = (): void => stop.abort(new Error(`${t.name} was cancelled`));
  signal?.addEventListener('abort', onCancel, { once: true });
  if (signal?.aborted) onCancel();
  try {
    const input = confinedInput(t, z.object(t.input).parse(args), host.cwd);
    const result = await Promise.race([t.invoke(input, host, stop.signal), aborted(stop.signal)]);
    // Under `untrusted_data`, paths relative to the working folder (untrustedData.ts).
    const capped = answerText(relativePaths(result, host.cwd), limits.answerChars);
    const marked = markedAnswer(capped.result);
    return { result: marked, text: JSON.stringify(marked, null, 2) };
  } catch (err) {
    if (stop.signal.aborted) return { refusal: String((stop.signal.reason as Error).message) };
    return { refusal: refusalText(err) };
  } finally {
    clearTimeout(deadline);
    signal?.removeEventListener('abort', onCancel);
  }
}

/** A refusal (ToolRefusal), a path refused (ConfinementError), bad SQL (QueryError)…: each says why in its message. */
function refusalText(err: unknown): string {
  if (err instanceof z.ZodError) return `bad arguments: ${z.prettifyError(err)}`;
  return err instanceof Error ? err.message : String(err);
}
