// JSONL trace writer: one line per event, buffered in memory and written out at every round end
// (and run end), so a trace on disk always ends at a complete round. Works with a file path or
// any writable stream.
import * as fs from 'node:fs';
import type { Writable } from 'node:stream';
import type { TraceEvent, TraceHeader } from './events';

export interface TraceSink { write(chunk: string): Promise<void>; close(): Promise<void> }

function streamSink(out: Writable, closeStream: boolean): TraceSink {
  return {
    write: (chunk) => new Promise((resolve, reject) => {
      const ok = out.write(chunk, (err) => (err ? reject(err) : undefined));
      if (ok) resolve(); else out.once('drain', resolve);
    }),
    close: () => new Promise((resolve) => (closeStream ? out.end(resolve) : resolve())),
  };
}

function fileSink(path: string, append: boolean): TraceSink {
  const fd = fs.openSync(path, append ? 'a' : 'w');
  return {
    write: (chunk) => writeAll(fd, Buffer.from(chunk)),
    close: async () => fs.closeSync(fd),
  };
}

/** fs.write may write less than asked; keep going until the whole buffer is out. */
function writeAll(fd: number, buf: Buffer, offset = 0): Promise<void> {
  return new Promise((resolve, reject) => fs.write(fd, buf, offset, buf.length - offset, null, (err, n) => {
    if (err) return reject(err);
    if (offset + n < buf.length) writeAll(fd, buf, offset + n).then(resolve, reject); else resolve();
  }));
}

export class TraceWriter {
  private buffer: string[] = [];
  /** Bytes and lines handed to the sink so far (including any existing prefix when appending). */
  bytes: number;
  lines: number;

  private constructor(private readonly sink: TraceSink, start = { bytes: 0, lines: 0 }) {
    this.bytes = start.bytes;
    this.lines = start.lines;
  }

  /** A new trace at `path` (truncated). */
  static toFile(path: string): TraceWriter { return new TraceWriter(fileSink(path, false)); }

  /** Continue a trace at `path` after truncating it to `bytes` (resume from a checkpoint). */
  static appendToFile(path: string, at: { bytes: number; lines: number }): TraceWriter {
    fs.truncateSync(path, at.bytes);
    return new TraceWriter(fileSink(path, true), at);
  }

  /** Write to a stream; the stream is ended on close only if `closeStream`. */
  static toStream(out: Writable, closeStream = false): TraceWriter { return new TraceWriter(streamSink(out, closeStream)); }

  header(h: TraceHeader): void { this.add(h); }

  /** Buffer one event; round_end and run_end flush. Use as a simulation listener. */
  event(e: TraceEvent): void {
    this.add(e);
    if (e.type === 'round_end' || e.type === 'run_end') void this.flush();
  }

  readonly listener = (e: TraceEvent): void => this.event(e);

  private add(x: unknown): void {
    this.buffer.push(JSON.stringify(x));
  }

  private chain: Promise<void> = Promise.resolve();

  /** Write out everything buffered; resolves when it reached the sink. */
  flush(): Promise<void> {
    if (this.buffer.length) {
      const chunk = this.buffer.join('\n') + '\n';
      this.lines += this.buffer.length;
      this.bytes += Buffer.byteLength(chunk);
      this.buffer = [];
      this.chain = this.chain.then(() => this.sink.write(chunk));
    }
    return this.chain;
  }

  /** Drop events buffered since the last flush (an interrupted round). */
  discard(): void { this.buffer = []; }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
  }
}
