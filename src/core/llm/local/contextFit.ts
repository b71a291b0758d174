// Whether a local model's `local.context_size` suits the model and the machine, from the GGUF
// header alone (issue 86): `context_size: 100000000` passed `check`, every decision then failed at
// load with a 5.6 GB peak, and the process never exited. A context past what the model was trained
// on is a warning (answers past it are unreliable, and its cache costs memory for nothing); a KV
// cache larger than the machine's memory is an error before anything loads.
import * as os from 'node:os';
import type { ModelConfig, Scenario } from '../../format';
import { checkModelFile, modelPath, type ModelFileInfo } from './modelFile';
import { runSettings } from './settings';
import { pushAll } from '../../text/pushAll';

/** Bytes a key or value takes in the cache: node-llama-cpp keeps it as f16. */
const KV_BYTES = 2;
/** A cache past this share of the machine's memory is said, before it is past all of it. */
const WARN_SHARE = 0.5;

const gb = (bytes: number): string => {
  const g = bytes / 2 ** 30;
  return g >= 1000 ? `${Math.round(g).toLocaleString('en-US')} GB` : `${g.toPrecision(2)} GB`;
};

/** The KV cache every sequence of `settings` keeps, in bytes (undefined when the header does not say). */
export function kvCacheBytes(info: ModelFileInfo, contextSize: number, sequences: number): number | undefined {
  const kv = info.kvCache;
  return kv ? 2 * kv.layers * kv.kvWidth * KV_BYTES * contextSize * sequences : undefined;
}

/** What is wrong with a local model's context for this model file and machine. */
export function contextFit(
  cfg: Pick<ModelConfig, 'name' | 'local'>,
  info: ModelFileInfo,
  memory = os.totalmem(),
): { errors: string[]; warnings: string[] } {
  const { contextSize, sequences } = runSettings(cfg);
  const errors: string[] = [],
    warnings: string[] = [];
  const said = `model '${cfg.name}': local.context_size ${contextSize.toLocaleString('en-US')}`;
  const trained = info.trainedContext;
  const fix = trained
    ? `set local.context_size to ${trained.toLocaleString('en-US')} or less`
    : 'lower local.context_size';
  if (trained && contextSize > trained) {
    warnings.push(
      `${said} is past the ${trained.toLocaleString('en-US')} tokens the model was trained on (its GGUF header): answers that far in are unreliable; ${fix}`,
    );
  }
  const cache = kvCacheBytes(info, contextSize, sequences);
  if (cache !== undefined) {
    const need = cache + info.bytes;
    const what = `needs about ${gb(cache)} for its KV cache${sequences > 1 ? ` (${sequences} sequences)` : ''} beside the ${gb(info.bytes)} model`;
    if (need > memory) errors.push(`${said} ${what}, more than this machine's ${gb(memory)} of memory; ${fix}`);
    else if (need > memory * WARN_SHARE) warnings.push(`${said} ${what}, over half this machine's ${gb(memory)}`);
  }
  return { errors, warnings };
}

/**
 * The check's result when nothing is wrong too (issue 88: the editor printed nothing, so a person
 * could not tell a checked context from an unchecked one): the context against the trained one
 * and the KV cache against this machine's memory, as far as the header says.
 */
export function contextSummary(
  cfg: Pick<ModelConfig, 'name' | 'local'>,
  info: ModelFileInfo,
  memory = os.totalmem(),
): string {
  const { contextSize, sequences } = runSettings(cfg);
  const trained = info.trainedContext
    ? `of the ${info.trainedContext.toLocaleString('en-US')} tokens the model was trained on`
    : '(the header does not say what the model was trained on)';
  const cache = kvCacheBytes(info, contextSize, sequences);
  const memorySaid =
    cache === undefined
      ? `the header does not give the KV cache's shape; the ${gb(info.bytes)} model of this machine's ${gb(memory)} of memory`
      : `KV cache about ${gb(cache)}${sequences > 1 ? ` (${sequences} sequences)` : ''} beside the ${gb(info.bytes)} model, of this machine's ${gb(memory)} of memory`;
  return `model '${cfg.name}': local.context_size ${contextSize.toLocaleString('en-US')} ${trained}; ${memorySaid}`;
}

/**
 * Every local model of the scenario, against its file's header and this machine (a model whose
 * file cannot be read is left to the check that loads it, which names the file and the fix).
 * `lines`: each model's result, said whether or not anything is wrong.
 */
export function localContextFit(
  s: Scenario,
  memory = os.totalmem(),
): { errors: string[]; warnings: string[]; lines: string[] } {
  const out = { errors: [] as string[], warnings: [] as string[], lines: [] as string[] };
  for (const cfg of Object.values(s.models)) {
    if (cfg?.provider !== 'local') continue;
    let info: ModelFileInfo;
    try {
      info = checkModelFile(modelPath(cfg));
    } catch (err) {
      out.lines.push(
        `model '${cfg.name}': context not checked: ${(err as Error).message.split('\n')[0]} (the run's load says why)`,
      );
      continue;
    }
    const fit = contextFit(cfg, info, memory);
    out.lines.push(contextSummary(cfg, info, memory));
    pushAll(out.errors, fit.errors);
    pushAll(out.warnings, fit.warnings);
  }
  return out;
}
