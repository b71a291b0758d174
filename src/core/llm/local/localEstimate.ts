// What `society estimate` and a run's start need of a local model (issue 71): prompt sizes as the
// model's own tokenizer and chat template count them (its vocabulary alone is loaded, not its
// weights), and the speed runs measured on this machine (speeds.ts). Without the runtime or the
// file the estimate counts characters / 4 and says so.
import { pathToFileURL } from 'node:url';
import type { ModelConfig, Scenario } from '../../format';
import type { ChatMessage } from '../chat';
import { historyOf, promptTokens } from './chatPrompt';
import type { NodeLlamaCpp } from './llamaShapes';
import { estimateRun, type RunEstimate } from '../estimate';
import { pushAll } from '../../text/pushAll';
import { localFit } from './localFit';
import { localContextFit } from './contextFit';
import { checkModelFile, modelPath } from './modelFile';
import { findRuntime } from './runtime';
import { runSettings } from './settings';
import { measuredAnswerTokens, measuredSpeed, type MeasuredSpeed } from './speeds';

/** A prompt's size in the model's tokens. */
export type PromptCounter = (messages: readonly ChatMessage[]) => number;

export interface LocalEstimateInputs {
  /** Per model name: its tokenizer's count. */
  promptTokens: Map<string, PromptCounter>;
  /** Per model name: the speed runs measured with its file and settings. */
  speeds: Map<string, MeasuredSpeed>;
  /** Why a local model's prompts are counted by characters instead (no runtime, no file). */
  notes: string[];
  /** Frees the vocabularies loaded. */
  close(): Promise<void>;
}

/** Loads the vocabulary of every local model the scenario names, once per file. */
export async function localEstimateInputs(s: Scenario): Promise<LocalEstimateInputs> {
  const locals = Object.values(s.models).filter((m): m is ModelConfig => m?.provider === 'local');
  const out: LocalEstimateInputs = { promptTokens: new Map(), speeds: new Map(), notes: [], close: async () => {} };
  if (!locals.length) return out;
  const runtime = findRuntime();
  if (!runtime) {
    out.notes.push('local models: node-llama-cpp is not installed, so prompts are counted as characters / 4');
    return out;
  }
  const lib = (await import(pathToFileURL(runtime).href)) as NodeLlamaCpp;
  const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: 'error' });
  const byFile = new Map<string, Promise<PromptCounter | undefined>>();
  const disposers: (() => Promise<void>)[] = [];
  const counterOf = async (file: string): Promise<PromptCounter | undefined> => {
    try {
      checkModelFile(file);
    } catch (err) {
      out.notes.push(`${(err as Error).message.split('\n')[0]}: its prompts are counted as characters / 4`);
      return undefined;
    }
    let model: Awaited<ReturnType<typeof llama.loadModel>>;
    try {
      model = await llama.loadModel({ modelPath: file, vocabOnly: true });
    } catch (err) {
      // Said here as a note; a run then stops at its load with the file and why.
      out.notes.push(
        `${file}: node-llama-cpp could not load it (${(err as Error).message}): its prompts are counted as characters / 4`,
      );
      return undefined;
    }
    disposers.push(() => model.dispose());
    const wrapper = lib.resolveChatWrapper(model);
    return (messages) => promptTokens(wrapper, model, historyOf(messages)).length;
  };
  for (const cfg of locals) {
    const file = modelPath(cfg);
    if (!byFile.has(file)) byFile.set(file, counterOf(file));
    const counter = await byFile.get(file)!;
    if (counter) out.promptTokens.set(cfg.name, counter);
    const { threads, batchSize } = runSettings(cfg);
    const speed = measuredSpeed({ file, threads, batchSize });
    if (speed) out.speeds.set(cfg.name, speed);
    const lengths = Object.keys(speed?.answers ?? {})
      .map((kind) => [kind, measuredAnswerTokens(speed, kind)] as const)
      .filter((x): x is readonly [string, number] => x[1] !== undefined);
    if (lengths.length) {
      out.notes.push(
        `${cfg.name}: answers as long as runs on this machine measured them (tokens a call): ${lengths.map(([k, n]) => `${k} ${Math.round(n)}`).join(', ')}`,
      );
    }
  }
  out.close = async () => {
    await Promise.all(disposers.map((d) => d()));
  };
  return out;
}

/** What a run's start knows of its local models (localFitBeforeRun). */
export interface LocalRunCheck {
  /** A prompt or a context that cannot fit: the run does not start. */
  errors: string[];
  warnings: string[];
  /** Each local model's context check, said even when nothing is wrong (contextFit.ts). */
  lines: string[];
  /**
   * The run's estimate with prompts counted by the tokenizers and the measured speeds (expected
   * seconds), and its notes in `assumptions`; absent without a local model, or when a context
   * stopped the run first.
   */
  estimate?: RunEstimate;
}

/**
 * Before a run: whether the local models' typical prompts fit their contexts, counted by their
 * tokenizers (nothing is loaded for a scenario without a local model).
 */
export async function localFitBeforeRun(s: Scenario, o: { rounds?: number; model?: string }): Promise<LocalRunCheck> {
  if (!Object.values(s.models).some((m) => m?.provider === 'local')) return { errors: [], warnings: [], lines: [] };
  // A context the machine cannot hold stops the run before the model is loaded at all.
  const context = localContextFit(s);
  if (context.errors.length) return context;
  const local = await localEstimateInputs(s);
  try {
    const estimate = estimateRun(s, { ...o, promptTokens: local.promptTokens, speeds: local.speeds });
    pushAll(estimate.assumptions, local.notes);
    const fit = localFit(estimate);
    return { errors: fit.errors, warnings: [...context.warnings, ...fit.warnings], lines: context.lines, estimate };
  } finally {
    await local.close();
  }
}
