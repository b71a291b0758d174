// Where a trace's bytes go: a file, written at once and cut back on demand, or any writable stream.
import * as fs from 'node:fs';
import { openForWriting } from '../files/safeWrite';
import type { Writable } from 'node:stream';

export interface TraceSink {
  write(chunk: Uint8Array): void | Promise<void>;
  close(): void | Promise<void>;
  /** Cut the output back to `bytes` (files only; a stream cannot take back what it sent). */
  truncate?(bytes: number): void | Promise<void>;
  /** A chunk may be filled again once its write resolved (a file: the data was copied out; a stream may still hold it). */
  reusable?: boolean;
  /** Every operation is done when it returns (a file): the writer runs them at once, in order. */
  sync?: boolean;
  /** The file of a file sink: another thread can go on writing it (handOff). */
  path?: string;
}

export function streamSink(out: Writable, closeStream: boolean): TraceSink {
  return {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        const ok = out.write(chunk, (err) => (err ? reject(err) : undefined));
        if (ok) resolve();
        else out.once('drain', resolve);
      }),
    close: () => new Promise((resolve) => (closeStream ? out.end(resolve) : resolve())),
  };
}

/**
 * A file, written synchronously as each spill is flushed. Asynchronous writes complete one per
 * turn of the event loop, which a running round gives only every few hundred agents: a
 * 100,000-agent round had ≈ 80 MB of chunks in flight and allocated 176 of them (1 MB each) for
 * a 493 MB trace, each resident until a full GC found it dead; at a million agents that was
 * ≈ 1.3 GB outside the heap. Written at once, the same few chunks are refilled all run long, and
 * a disk slower than the engine holds the engine back instead of filling memory. (A write to the
 * page cache takes ≈ 0.3 ms a megabyte here.)
 */
export function fileSink(path: string, append: boolean): TraceSink {
  const fd = openForWriting(path, append ? 'append' : 'replace');
  return {
    path,
    write: (chunk) => {
      // fs.writeSync may write less than asked; keep going until the whole chunk is out.
      for (let at = 0; at < chunk.length;) at += fs.writeSync(fd, chunk, at, chunk.length - at);
    },
    close: () => fs.closeSync(fd),
    truncate: (bytes) => fs.ftruncateSync(fd, bytes),
    reusable: true,
    sync: true,
  };
}
