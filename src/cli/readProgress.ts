// A one-line "reading trace.jsonl  120 of 454 MB" on a terminal's stderr while a command reads a
// large trace (a 10,000-agent run's takes seconds); nothing for small files, pipes or --quiet.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Files smaller than this read too fast to need a progress line. */
const SHOWN_FROM_BYTES = 32 << 20;

export class ReadProgress {
  private readonly total: number;
  private last = 0;
  private shown = false;

  /** `total`: the bytes that will be read (default: the whole file). */
  constructor(
    private readonly file: string,
    private readonly enabled = process.stderr.isTTY === true,
    total?: number,
  ) {
    let size = 0;
    if (total === undefined) {
      try {
        size = fs.statSync(file).size;
      } catch {
        /* unreadable: the reader says why */
      }
    }
    this.total = total ?? size;
  }

  /** Hand to readTraceFile's or memoriesFromTrace's `onProgress`. */
  readonly listener = (bytesRead: number): void => {
    if (!this.enabled || this.total < SHOWN_FROM_BYTES) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const mb = (b: number): string => (b / (1 << 20)).toFixed(0);
    process.stderr.write(`\r  reading ${path.basename(this.file)}  ${mb(bytesRead)} of ${mb(this.total)} MB   `);
  };

  /** Clears the line, so what follows starts on a clean one. */
  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
