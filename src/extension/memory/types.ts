// What the Society tree reads from the memory hub, below both: the hub asks the tree's module
// whether a run is still being written, so the tree must not import the hub back.
import type { MemorySource } from '../../core/memory/memorySource';
import type { MemorySources } from '../../core/memory/memorySources';

/** A trace file of a runs folder and when it was last written. */
export interface RunEntry {
  file: string;
  mtime: number;
}

/** The runs and sources the tree lists (memoryHub.ts MemoryHub). */
export interface RunsOfWorkspace {
  readonly sources: MemorySources;
  readonly active: MemorySource | undefined;
  /** Trace files in the runs folders, newest first. */
  runs(): RunEntry[];
  /** The source of a trace file, read if it was not yet. */
  load(file: string): MemorySource | undefined;
  /** The source of a trace file if it was read already. */
  loadedSource(file: string): MemorySource | undefined;
}
