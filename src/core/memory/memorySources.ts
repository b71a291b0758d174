// Which MemorySource the editor shows. Sources stack: the latest run of the workspace at the
// bottom, then a trace the user opened, then a paused debug session. The one on top is shown;
// releasing it (the debug session ended) shows the one beneath again. Listeners hear about a new
// active source and about changes inside it.
import type { MemorySource } from './memorySource';

export class MemorySources {
  private readonly stack: MemorySource[] = [];
  private unsubscribe?: () => void;
  private readonly listeners = new Set<() => void>();

  get active(): MemorySource | undefined {
    return this.stack[this.stack.length - 1];
  }

  all(): readonly MemorySource[] {
    return this.stack;
  }

  /** Shows `source` (moved to the top if already there). */
  use(source: MemorySource): void {
    const i = this.stack.indexOf(source);
    if (i >= 0) this.stack.splice(i, 1);
    this.stack.push(source);
    this.changed();
  }

  /** Stops showing `source`; the one beneath becomes active. */
  release(source: MemorySource): void {
    const i = this.stack.indexOf(source);
    if (i < 0) return;
    this.stack.splice(i, 1);
    this.changed();
  }

  /**
   * Puts `source` where `old` was (a newer latest run replaces the previous one without covering
   * an opened trace or a debug session); at the bottom when `old` is not there.
   */
  replace(old: MemorySource | undefined, source: MemorySource): void {
    const i = old ? this.stack.indexOf(old) : -1;
    if (i >= 0) this.stack[i] = source;
    else this.stack.unshift(source);
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.active?.onChange(() => this.notifyOnly());
    this.notifyOnly();
  }

  private notifyOnly(): void {
    for (const l of [...this.listeners]) l();
  }
}
