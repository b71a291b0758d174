// Where the society view's "Prompt & answer" comes from: a live run's calls as it heard them, or
// the book beside a trace on disk (a run's `prompts.jsonl`; an experiment run's
// `prompts/<run>.jsonl` beside its `traces/<run>.jsonl`), read confined to the run's folder and
// capped (promptLookup.ts), and read again only when the file changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROMPTS_FILE } from '../../core/llm/promptBook';
import { readPromptBook, type ModelCall, type PromptLookup } from '../../core/llm/promptLookup';
import type { TraceFeed } from './traceFeed';

/** The book of a trace file: its folder (what it must stay inside) and its name there. */
export function bookOfTrace(tracePath: string): { folder: string; file: string } {
  const dir = path.dirname(tracePath);
  return path.basename(dir) === 'traces'
    ? { folder: path.dirname(dir), file: path.join('prompts', path.basename(tracePath)) }
    : { folder: dir, file: PROMPTS_FILE };
}

export class PromptSource {
  private read?: { file: string; stamp: string; lookup?: PromptLookup };

  /** The calls behind the decision `key` in the trace `feed` shows; `problem`: why the book could not be read. */
  callsFor(feed: TraceFeed, key: string): { calls: ModelCall[]; problem?: string } {
    const heard = feed.prompts?.forDecision(key) ?? [];
    // A live run's calls past its bound in memory are in its book on disk (when it keeps one).
    if (heard.length || (feed.prompts && !feed.prompts.full)) return { calls: heard };
    if (!feed.source.path) return { calls: [] };
    try {
      return { calls: this.bookOf(feed.source.path)?.forDecision(key) ?? [] };
    } catch (err) {
      return { calls: [], problem: err instanceof Error ? err.message : String(err) };
    }
  }

  private bookOf(tracePath: string): PromptLookup | undefined {
    const { folder, file } = bookOfTrace(tracePath);
    const full = path.join(folder, file);
    let stamp = 'none';
    try {
      const st = fs.statSync(full);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      /* no book: stamp 'none' */
    }
    if (this.read?.file !== full || this.read.stamp !== stamp) {
      this.read = { file: full, stamp, lookup: stamp === 'none' ? undefined : readPromptBook(folder, file) };
    }
    return this.read.lookup;
  }
}
