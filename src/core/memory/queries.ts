// Questions asked of one agent's memories: the stream filtered by kind, round and text (the
// inspector), the latest and the most important ones (the hover).
import type { MemoryKind, MemoryRecord } from '../trace/events';
import type { LedgerEntry } from './ledger';

export interface MemoryFilter {
  /** Only these kinds (every kind when absent; none when empty, as when every box is unticked). */
  kinds?: readonly MemoryKind[];
  /** Rounds from..to, inclusive. */
  from?: number;
  to?: number;
  /** Words that must all occur in the text, case-insensitive. */
  text?: string;
}

export function matches(m: MemoryRecord, f: MemoryFilter): boolean {
  if (f.kinds && !f.kinds.includes(m.kind)) return false;
  if (f.from !== undefined && m.round < f.from) return false;
  if (f.to !== undefined && m.round > f.to) return false;
  const words = f.text?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (words.length) {
    const text = m.text.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

/** Entries passing the filter, newest first. */
export function filterMemories(entries: readonly LedgerEntry[], f: MemoryFilter): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) if (matches(entries[i].memory, f)) out.push(entries[i]);
  return out;
}

/** The `n` most recently written, newest first. */
export function latestMemories(stream: readonly MemoryRecord[], n: number): MemoryRecord[] {
  return [...stream].sort(newerFirst).slice(0, n);
}

/** The `n` most important, newer first among equals. */
export function mostImportant(stream: readonly MemoryRecord[], n: number): MemoryRecord[] {
  return [...stream].sort((a, b) => b.importance - a.importance || newerFirst(a, b)).slice(0, n);
}

function newerFirst(a: MemoryRecord, b: MemoryRecord): number {
  return b.round - a.round || b.id - a.id;
}
