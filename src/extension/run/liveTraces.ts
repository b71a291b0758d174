// The trace files a run or a debug session of this window is writing now. A trace without its
// run_end is "running" only while it is listed here (or, for `society run` in a terminal, while
// the file still changes); otherwise its run was stopped, cancelled or cut off (the Society tree
// says "stopped after round N"). Editor-free, so it is tested without VS Code.
import * as path from 'node:path';

export class LiveTraces {
  private readonly files = new Map<string, number>();
  private readonly finished = new Set<string>();
  private readonly listeners = new Set<() => void>();

  /** `file` is being written until the returned function is called. */
  add(file: string): () => void {
    const key = path.resolve(file);
    this.files.set(key, (this.files.get(key) ?? 0) + 1);
    this.finished.delete(key);
    this.changed();
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      const n = (this.files.get(key) ?? 1) - 1;
      if (n > 0) this.files.set(key, n);
      else {
        this.files.delete(key);
        this.finished.add(key);
      }
      this.changed();
    };
  }

  /** A run or debug session of this window is writing `file`. */
  writing(file: string): boolean {
    return this.files.has(path.resolve(file));
  }

  /** A run or debug session of this window wrote `file` and has ended (whatever the file says). */
  ended(file: string): boolean {
    return this.finished.has(path.resolve(file));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** The window's live traces (the run controller and the debugger add theirs; the memory hub reads them). */
export const liveTraces = new LiveTraces();
