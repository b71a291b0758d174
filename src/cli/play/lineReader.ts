// Lines of a stream, taken one at a time as a participant's answers: a line that arrives before
// it is asked for waits its turn (a script may write its answers ahead); the end of the stream
// rejects every later take, which the played agent treats as a participant gone (its timeout policy).
import type { Readable } from 'node:stream';
import * as readline from 'node:readline';

export class LineReader {
  private readonly lines: string[] = [];
  private waiting?: { resolve: (line: string) => void; reject: (err: Error) => void };
  private ended = false;
  private readonly rl: readline.Interface;

  constructor(input: Readable) {
    this.rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
    this.rl.on('line', (line) => {
      if (!line.trim()) return;
      const w = this.waiting;
      if (w) {
        this.waiting = undefined;
        w.resolve(line);
      } else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.ended = true;
      this.waiting?.reject(new Error('the participant input ended'));
      this.waiting = undefined;
    });
  }

  /** The next line; rejects once the input has ended, or when `signal` aborts. */
  next(signal: AbortSignal): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.reject(new Error('the participant input ended'));
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiting = undefined;
        reject(new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting = {
        resolve: (l) => {
          signal.removeEventListener('abort', onAbort);
          resolve(l);
        },
        reject: (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
    });
  }

  close(): void {
    this.rl.close();
  }
}
