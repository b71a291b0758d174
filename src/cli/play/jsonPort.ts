// A participant over JSON lines (`society run --play` with standard input not a terminal): each
// question is written as one JSON line ({"type":"question",…}, the readable context included),
// each answer read as one JSON line; what became of a question is written as a note line
// ({"type":"answered"|"timeout",…}). An answer that names a question `id` other than the one
// asked is one written for an earlier question that timed out: it is passed over.
import type { Writable } from 'node:stream';
import type { ParticipantPort, PlayNote, PlayQuestion } from '../../core/llm/human';
import type { LineReader } from './lineReader';

export class JsonLinesPort implements ParticipantPort {
  constructor(
    private readonly reader: LineReader,
    private readonly out: Writable,
  ) {}

  async ask(q: PlayQuestion, signal: AbortSignal): Promise<unknown> {
    this.out.write(`${JSON.stringify(q)}\n`);
    for (;;) {
      const line = await this.reader.next(signal);
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        return line; // refused with the reason ("must be a JSON object") and asked again
      }
      const id = (v as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && id !== q.id) continue;
      return v;
    }
  }

  note(n: PlayNote): void {
    this.out.write(`${JSON.stringify(n)}\n`);
  }
}
