// The on-disk response store: one JSON file per content address, fanned out by the first two hex
// digits (`ab/abcdef….json`). Writes go to a temporary file and are renamed into place, so a
// crash or two runs sharing a cache never leave a half-written entry.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CallFault, ChatTokens, FaultReason } from '../chat';
import { ProviderError } from '../errors';
import { writeFileSafelyAsync } from '../../files/safeWrite';

/** A call that failed for good, as cached. */
export interface CachedFailure {
  reason: FaultReason;
  status?: number;
  message: string;
  faults: CallFault[];
}
/** One retrieval's embeddings: null when they were all there, else why not. */
export type RetrievalOutcome = CachedFailure | null;

export type CacheEntry =
  | { v: number; model: string; content: string; tokens: ChatTokens; faults: CallFault[] }
  | { v: number; model: string; failure: CachedFailure }
  | { v: number; model: string; embedding: number[]; tokens: number; faults?: CallFault[] }
  | { v: number; model: string; outcomes: RetrievalOutcome[] };

export function failureOf(err: ProviderError): CachedFailure {
  return {
    reason: err.reason,
    message: err.message,
    faults: err.faults,
    ...(err.status !== undefined ? { status: err.status } : {}),
  };
}

/** The recorded failure, thrown again in replay exactly as it was met. */
export function fromFailure(f: CachedFailure): ProviderError {
  const err = new ProviderError(f.reason, f.message, f.status, undefined, f.faults);
  err.cached = true;
  return err;
}

export interface ResponseStore {
  get(key: string): Promise<CacheEntry | undefined>;
  put(key: string, entry: CacheEntry): Promise<void>;
}

export class DiskStore implements ResponseStore {
  constructor(readonly dir: string) {}

  file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    try {
      return JSON.parse(await fs.readFile(this.file(key), 'utf8')) as CacheEntry;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      if (err instanceof SyntaxError) return undefined; // a damaged entry is a miss, rewritten on success
      throw err;
    }
  }

  async put(key: string, entry: CacheEntry): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // A temporary file of its own, renamed over the name (core/files/safeWrite.ts).
    await writeFileSafelyAsync(file, [JSON.stringify(entry)]);
  }
}

/** An in-memory store, for the editor's session cache and for tests. */
export class MemoryStore implements ResponseStore {
  readonly entries = new Map<string, CacheEntry>();
  async get(key: string): Promise<CacheEntry | undefined> {
    return this.entries.get(key);
  }
  async put(key: string, entry: CacheEntry): Promise<void> {
    this.entries.set(key, entry);
  }
}

/**
 * A store that reads through to others when it has no answer, and writes only to itself: a
 * branch answers from its parent's cache up to the edit and keeps what it asks after it apart.
 */
export class LayeredStore implements ResponseStore {
  constructor(
    private readonly own: ResponseStore,
    private readonly below: readonly ResponseStore[],
  ) {}

  async get(key: string): Promise<CacheEntry | undefined> {
    const mine = await this.own.get(key);
    if (mine) return mine;
    for (const s of this.below) {
      const e = await s.get(key);
      if (e) return e;
    }
    return undefined;
  }

  put(key: string, entry: CacheEntry): Promise<void> {
    return this.own.put(key, entry);
  }
}
