import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { readTrace, readTraceFile, traceProblemsMessage } from '../../../src/core/trace/reader';
import { TRACE_FORMAT_VERSION } from '../../../src/core/trace/events';
import { makeScenario } from '../engine/scenarioFixture';
import { traceOf } from '../engine/traceHelpers';

describe('trace reader', () => {
  let text: string;
  before(async () => {
    text = await traceOf(makeScenario(6, { world: { ...makeScenario(1).world, rounds: 3 } }));
  });

  it('reads a complete trace without errors', () => {
    const r = readTrace(text);
    assert.deepEqual(r.errors, []);
    assert.equal(r.header?.version, TRACE_FORMAT_VERSION);
    assert.equal(r.complete, true);
    assert.equal(r.lastRound, 3);
    assert.equal(r.events.length, text.trimEnd().split('\n').length - 1);
  });

  /** Indexes of message lines: breaking one affects no other line (an agent_added or round_end would). */
  const messageLines = (lines: string[]): number[] =>
    lines.flatMap((l, i) => (l.includes('"type":"message"') ? [i] : []));

  it('reports corrupt lines with their line numbers and keeps the rest', () => {
    const lines = text.trimEnd().split('\n');
    const [a, b, c] = messageLines(lines);
    lines[a] = '{"type":"message","round":1'; // truncated JSON
    lines[b] = '{"type":"teleport","round":1}'; // unknown type
    lines[c] = JSON.stringify({ ...JSON.parse(lines[c]), round: -2 }); // bad round
    const r = readTrace(lines.join('\n'));
    assert.deepEqual(
      r.errors.map((e) => e.line),
      [a + 1, b + 1, c + 1],
    );
    assert.match(r.errors[0].message, /invalid JSON/);
    assert.match(r.errors[1].message, /unknown event type 'teleport'/);
    assert.equal(r.events.length, lines.length - 1 - 3);
  });

  it('takes no inherited name for an event type ("toString", "constructor", "__proto__")', () => {
    const lines = text.trimEnd().split('\n');
    const [a, b, c] = messageLines(lines);
    lines[a] = '{"type":"toString","round":1}';
    lines[b] = '{"type":"constructor","round":1}';
    lines[c] = '{"type":"__proto__","round":1}';
    const r = readTrace(lines.join('\n'));
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.message]),
      [
        [a + 1, "unknown event type 'toString'"],
        [b + 1, "unknown event type 'constructor'"],
        [c + 1, "unknown event type '__proto__'"],
      ],
    );
  });

  it('flags a missing header and a trace cut mid-run as incomplete', () => {
    const r = readTrace(text.split('\n').slice(1).join('\n'));
    assert.equal(r.errors[0].line, 1);
    const cut = readTrace(text.split('\n').slice(0, 40).join('\n'));
    assert.equal(cut.complete, false);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json(), fc.constant('{"type":"tie","round":1}'))), (ls) => {
        const r = readTrace(ls.join('\n'));
        assert.ok(Array.isArray(r.errors));
      }),
      { numRuns: 300 },
    );
  });

  it('streams a file and reports an unreadable one as an error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-reader-'));
    const f = path.join(dir, 'trace.jsonl');
    fs.writeFileSync(f, text);
    const r = await readTraceFile(f);
    assert.equal(r.events.length, readTrace(text).events.length);
    const missing = await readTraceFile(path.join(dir, 'nope.jsonl'));
    assert.deepEqual(missing.errors, [{ line: 0, message: 'cannot read the trace: no such file' }]);
    // Line 0 is the whole file: said without a line number.
    assert.equal(traceProblemsMessage('nope.jsonl', missing.errors), 'nope.jsonl: cannot read the trace: no such file');
    assert.equal(traceProblemsMessage('t.jsonl', [{ line: 3, message: 'bad' }]), 't.jsonl:3: bad');
    const folder = await readTraceFile(dir);
    assert.match(folder.errors[0].message, /it is a folder/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('streams a file line for line as readTrace reads the text: long lines across pieces, CRLF, blank lines, no final newline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-reader-'));
    try {
      const lines = text.trimEnd().split('\n');
      const memory = lines.findIndex((l) => l.includes('"type":"memory"'));
      const long = JSON.parse(lines[memory]);
      long.memory.text = 'é'.repeat(3 << 20); // 3 M characters: spans several pieces, multi-byte
      lines[memory] = JSON.stringify(long);
      lines.splice(3, 0, '', '   ');
      lines[7] = lines[7] + '\r';
      lines[9] = '{"type":"message","round":1'; // a bad line keeps its number
      const body = lines.join('\n');
      const f = path.join(dir, 'trace.jsonl');
      fs.writeFileSync(f, body);
      const seen: number[] = [];
      let progress = 0;
      const streamed = await readTraceFile(f, {
        onEvent: (_e, line) => seen.push(line),
        onProgress: (b) => {
          assert.ok(b >= progress);
          progress = b;
        },
      });
      const whole = readTrace(body.replace('\r\n', '\n'));
      assert.deepEqual(streamed.errors, whole.errors);
      assert.equal(streamed.errors[0].line, 10);
      assert.equal(streamed.events.length, whole.events.length);
      assert.deepEqual(streamed.events, whole.events);
      assert.equal(
        (
          streamed.events.find((e) => e.type === 'memory' && e.memory.text.length > 1000) as {
            memory: { text: string };
          }
        ).memory.text,
        long.memory.text,
      );
      assert.equal(seen.length, whole.events.length);
      assert.equal(progress, fs.statSync(f).size);
      assert.equal(streamed.complete, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
