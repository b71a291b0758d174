// A `local` model's file, checked before any runtime sees it: llama.cpp meets a missing, cut-off
// or foreign file with an abort or a line on stderr, never with the file and the fix. The GGUF
// header says how long the file must be (each tensor's offset, shape and type) and whether the
// model carries a chat template, so both are read here, from the header alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModelConfig } from '../../format';
import { cachedModelNamed } from '../../files/modelsCache';

/** A model file that cannot be used: the file, what is wrong, and what to do. */
export class LocalModelError extends Error {
  override readonly name = 'LocalModelError';
  constructor(
    readonly file: string,
    problem: string,
    readonly fix: string,
  ) {
    super(`${file}: ${problem}; ${fix}`);
  }
}

/** What the header tells about a usable model file. */
export interface ModelFileInfo {
  file: string;
  bytes: number;
  architecture?: string;
  name?: string;
  /** Tokens the model was trained on (`<architecture>.context_length`). */
  trainedContext?: number;
  /** What a token of context costs in the KV cache: layers, and keys and values a layer keeps (from the header). */
  kvCache?: { layers: number; kvWidth: number };
  chatTemplate: string;
}

const GET_ONE = 'download a GGUF model (docs/models.md#local-models, or `node scripts/local-model.mjs`)';

/**
 * The absolute path of a config's model file: `model:` relative to the scenario file that names it
 * (the working folder for a config without a source, such as `--model` on the command line).
 */
export function modelPath(cfg: Pick<ModelConfig, 'name' | 'model' | 'source'>, cwd = process.cwd()): string {
  if (!cfg.model?.trim()) {
    throw new Error(`model '${cfg.name}': provider 'local' needs \`model:\`, the path of a .gguf file`);
  }
  const base = cfg.source?.file ? path.dirname(cfg.source.file) : cwd;
  const beside = path.resolve(base, cfg.model);
  return fs.existsSync(beside) ? beside : (cachedModelNamed(cfg.model) ?? beside);
}

// ggml tensor types: [values per block, bytes per block]. Types not listed (the IQ quantisations)
// are only checked to start inside the file.
const TYPE_SIZES: Record<number, [number, number]> = {
  0: [1, 4], // F32
  1: [1, 2], // F16
  2: [32, 18], // Q4_0
  3: [32, 20], // Q4_1
  6: [32, 22], // Q5_0
  7: [32, 24], // Q5_1
  8: [32, 34], // Q8_0
  9: [32, 36], // Q8_1
  10: [256, 84], // Q2_K
  11: [256, 110], // Q3_K
  12: [256, 144], // Q4_K
  13: [256, 176], // Q5_K
  14: [256, 210], // Q6_K
  15: [256, 292], // Q8_K
  24: [1, 1], // I8
  25: [1, 2], // I16
  26: [1, 4], // I32
  27: [1, 8], // I64
  28: [1, 8], // F64
  30: [1, 2], // BF16
};

/** The longest string a header may hold (chat templates are kilobytes). */
const LONGEST_STRING = 16 * 1024 * 1024;

/** The file ended inside its own header. */
class EndOfFile extends Error {}

/** Sequential little-endian reads through a buffer, so a header of megabytes (a vocabulary) costs a few reads. */
class Reader {
  private buf = Buffer.alloc(0);
  private at = 0;
  /** File offset of buf[0]. */
  private base = 0;
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  get offset(): number {
    return this.base + this.at;
  }

  private need(n: number): void {
    if (this.at + n <= this.buf.length) return;
    if (this.offset + n > this.size) throw new EndOfFile();
    const keep = this.buf.subarray(this.at);
    const chunk = Buffer.alloc(Math.max(n - keep.length, 1 << 20));
    const read = fs.readSync(this.fd, chunk, 0, chunk.length, this.offset + keep.length);
    this.base = this.offset;
    this.buf = Buffer.concat([keep, chunk.subarray(0, read)]);
    this.at = 0;
    if (this.buf.length < n) throw new EndOfFile();
  }

  bytes(n: number): Buffer {
    this.need(n);
    const b = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
  u32(): number {
    return this.bytes(4).readUInt32LE(0);
  }
  u64(): number {
    const v = this.bytes(8).readBigUInt64LE(0);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`a length of ${v} in the header`);
    return Number(v);
  }
  string(): string {
    const n = this.u64();
    // A vocabulary entry or a chat template is small; a length past this is a damaged or hostile header.
    if (n > LONGEST_STRING) throw new RangeError(`a string of ${n} bytes in the header`);
    return this.bytes(n).toString('utf8');
  }
  /** Past `n` bytes without keeping them (a long array). */
  skip(n: number): void {
    if (this.offset + n > this.size) throw new EndOfFile();
    if (this.at + n <= this.buf.length) this.at += n;
    else {
      this.base = this.offset + n;
      this.buf = Buffer.alloc(0);
      this.at = 0;
    }
  }
}

/**
 * The KV cache's shape from the header: its layers (`block_count`) and the width of a layer's keys
 * (and of its values): the embedding over the heads, times the heads that keep keys (fewer with
 * grouped-query attention). Undefined when the header does not say.
 */
function kvCacheOf(meta: Map<string, unknown>, arch: string): { layers: number; kvWidth: number } | undefined {
  const n = (key: string): number | undefined => {
    const v = meta.get(`${arch}.${key}`);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
  };
  const layers = n('block_count'),
    embedding = n('embedding_length'),
    heads = n('attention.head_count');
  if (!layers || !embedding || !heads) return undefined;
  const kvHeads = n('attention.head_count_kv') ?? heads;
  return { layers, kvWidth: (embedding / heads) * kvHeads };
}

// Metadata value types: fixed sizes, 8 = string, 9 = array.
const FIXED: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

function readValue(r: Reader, type: number): unknown {
  if (type === 8) return r.string();
  if (type === 9) {
    const itemType = r.u32();
    const count = r.u64();
    if (itemType in FIXED) r.skip(count * FIXED[itemType]);
    else for (let i = 0; i < count; i++) readValue(r, itemType);
    return undefined;
  }
  const size = FIXED[type];
  if (size === undefined) throw new RangeError(`metadata of unknown type ${type}`);
  const b = r.bytes(size);
  switch (type) {
    case 4:
      return b.readUInt32LE(0);
    case 5:
      return b.readInt32LE(0);
    case 10:
      return Number(b.readBigUInt64LE(0));
    case 11:
      return Number(b.readBigInt64LE(0));
    default:
      return undefined;
  }
}

/** What a model file is checked for: chat (a template needed) or embeddings, and the setting that names it. */
export interface ModelFileUse {
  /** The file answers chat calls, so it must carry a chat template (default true). */
  chat?: boolean;
  /** The setting the fixes point to (default `model:`). */
  field?: string;
}

/**
 * Checks a model file and reads what the run needs from its header; a LocalModelError naming the
 * file and the fix when it is missing, not a GGUF model, cut short, or (for chat) without a chat template.
 */
export function checkModelFile(file: string, use: ModelFileUse = {}): ModelFileInfo {
  const field = `\`${use.field ?? 'model:'}\``;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new LocalModelError(file, 'no such model file', `fix the path in ${field} or ${GET_ONE}`);
  }
  if (!stat.isFile()) throw new LocalModelError(file, 'not a file', `set ${field} to a .gguf file`);
  const fd = fs.openSync(file, 'r');
  try {
    const r = new Reader(fd, stat.size);
    const truncated = (have: number, want?: number): LocalModelError =>
      new LocalModelError(
        file,
        want === undefined
          ? `the file is cut short: it ends (at ${have} bytes) inside its own header`
          : `the file is cut short: ${have} bytes of the ${want} its header promises`,
        `the download was interrupted; ${GET_ONE} again`,
      );
    const magic = stat.size >= 4 ? r.bytes(4) : Buffer.alloc(0);
    if (magic.toString('latin1') !== 'GGUF') {
      // What the file is, never its bytes: a scenario from elsewhere may name any file, and the
      // message reaches logs and assistants.
      const looksText =
        magic.length > 0 && [...magic].every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
      throw new LocalModelError(
        file,
        `not a GGUF model (a model file starts with "GGUF"; this one ${looksText ? 'is text: a download page or a Git LFS pointer?' : 'does not'})`,
        `set ${field} to a .gguf model file; ${GET_ONE}`,
      );
    }
    try {
      const version = r.u32();
      if (version < 2 || version > 3) {
        throw new LocalModelError(file, `GGUF version ${version}, which this runtime does not read`, GET_ONE);
      }
      const tensors = r.u64();
      const entries = r.u64();
      const meta = new Map<string, unknown>();
      for (let i = 0; i < entries; i++) {
        const key = r.string();
        meta.set(key, readValue(r, r.u32()));
      }
      let end = 0;
      for (let i = 0; i < tensors; i++) {
        r.string();
        const dims = r.u32();
        let values = 1;
        for (let d = 0; d < dims; d++) values *= r.u64();
        const type = r.u32();
        const offset = r.u64();
        const size = TYPE_SIZES[type];
        end = Math.max(end, offset + (size ? Math.ceil(values / size[0]) * size[1] : 1));
      }
      const align = meta.has('general.alignment') ? meta.get('general.alignment') : 32;
      // 0 made the data's start NaN, and a cut-off file passed the length check (issue 87).
      if (typeof align !== 'number' || !Number.isInteger(align) || align <= 0 || (align & (align - 1)) !== 0) {
        throw new LocalModelError(
          file,
          `the GGUF header is damaged (general.alignment is ${String(align)}, not a power of two)`,
          `${GET_ONE} again`,
        );
      }
      const dataStart = Math.ceil(r.offset / align) * align;
      if (dataStart + end > stat.size) throw truncated(stat.size, dataStart + end);
      const architecture = meta.get('general.architecture') as string | undefined;
      const chatTemplate = meta.get('tokenizer.chat_template');
      if (use.chat !== false && (typeof chatTemplate !== 'string' || !chatTemplate.trim())) {
        throw new LocalModelError(
          file,
          'the model has no chat template (no tokenizer.chat_template in its header), so its prompts cannot be laid out as the model was trained',
          'use an instruct (chat) model file, which ships its template',
        );
      }
      const trained = architecture ? meta.get(`${architecture}.context_length`) : undefined;
      const kvCache = architecture ? kvCacheOf(meta, architecture) : undefined;
      return {
        file,
        bytes: stat.size,
        chatTemplate: typeof chatTemplate === 'string' ? chatTemplate : '',
        ...(architecture ? { architecture } : {}),
        ...(typeof meta.get('general.name') === 'string' ? { name: meta.get('general.name') as string } : {}),
        ...(typeof trained === 'number' ? { trainedContext: trained } : {}),
        ...(kvCache ? { kvCache } : {}),
      };
    } catch (err) {
      if (err instanceof EndOfFile) throw truncated(stat.size);
      if (err instanceof RangeError) {
        throw new LocalModelError(file, `the GGUF header is damaged (${err.message})`, `${GET_ONE} again`);
      }
      throw err;
    }
  } finally {
    fs.closeSync(fd);
  }
}
