// What the reader checks beyond each line's shape (QA D2–D5, D13, D14): the header, the order of
// rounds, the agents lines name, and lines too long to read. Each problem is one line's, said
// once, and a line with a problem never reaches onEvent; a trace still being written is fine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readTrace, readTraceFile, TraceLineReader, type TraceRead } from '../../../src/core/trace/reader';
import type { TraceEvent } from '../../../src/core/trace/events';
import { makeScenario } from '../engine/scenarioFixture';
import { traceOf } from '../engine/traceHelpers';

describe('trace reader checks', () => {
  let text: string;
  let lines: string[];
  before(async () => {
    text = await traceOf(makeScenario(6, { world: { ...makeScenario(1).world, rounds: 3 } }));
    lines = text.trimEnd().split('\n');
  });

  /** The 0-based index of the first line whose event matches. */
  const find = (pick: (e: Record<string, unknown>) => boolean): number => lines.findIndex((l) => pick(JSON.parse(l)));
  const roundEnd = (r: number) => find((e) => e.type === 'round_end' && e.round === r);
  const roundStart = (r: number) => find((e) => e.type === 'round_start' && e.round === r);
  const edited = (lineIndex: number, change: Record<string, unknown>): string =>
    JSON.stringify({ ...JSON.parse(lines[lineIndex]), ...change });
  /** Reads `ls` line by line as readTrace does, collecting the events handed on. */
  const readLines = (ls: string[]): { read: TraceRead; handed: TraceEvent[] } => {
    const handed: TraceEvent[] = [];
    const reader = new TraceLineReader(false, (e) => handed.push(e));
    for (const l of ls) reader.line(l);
    return { read: reader.result(), handed };
  };
  const problems = (r: TraceRead): [number, string][] => r.errors.map((e) => [e.line, e.message]);

  describe('the header', () => {
    const header = () => JSON.parse(lines[0]) as Record<string, unknown>;
    const withHeader = (h: unknown) => [JSON.stringify(h), ...lines.slice(1)];

    for (const [what, change, message] of [
      ['a newer version', { version: 99 }, 'trace format version 99 is newer than this reader (1)'],
      ['a version written as a string', { version: '1' }, `header: 'version' must be a positive integer, got "1"`],
      ['version 0', { version: 0 }, "header: 'version' must be a positive integer, got 0"],
      ['a negative version', { version: -5 }, "header: 'version' must be a positive integer, got -5"],
      ['a fractional version', { version: 1.5 }, "header: 'version' must be a positive integer, got 1.5"],
      [
        'another format',
        { format: 'other-trace' },
        `the first line is a header of format "other-trace", not 'society-trace'`,
      ],
    ] as const) {
      it(`is one problem at line 1 naming the cause, not one per line, for ${what}`, () => {
        const { read, handed } = readLines(withHeader({ ...header(), ...change }));
        assert.deepEqual(problems(read), [[1, message]]);
        assert.equal(read.header, undefined);
        assert.deepEqual(handed, [], 'no event is handed on without a header');
      });
    }

    it('is one problem for a trace without its header line, saying what the first line is', () => {
      const { read, handed } = readLines(lines.slice(1));
      assert.deepEqual(problems(read), [
        [1, 'the first line is a round_start event, not a society trace header: the header line is missing'],
      ]);
      assert.deepEqual(handed, []);
      assert.deepEqual(problems(readTrace('{"a":1}\n' + text)), [[1, 'the first line is not a society trace header']]);
      assert.deepEqual(problems(readTrace('{"type":"header"\n' + text)).length, 1);
    });

    it('accepts a UTF-8 byte-order mark before the header (a Windows editor saves one), as the other readers do', async () => {
      const plain = readTrace(text);
      const bom = readTrace('\uFEFF' + text);
      assert.deepEqual(bom.errors, []);
      assert.deepEqual(bom.header, plain.header);
      assert.deepEqual(bom.events, plain.events);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bom-'));
      try {
        const f = path.join(dir, 'trace.jsonl');
        fs.writeFileSync(f, '\uFEFF' + text.replace(/\n/g, '\r\n'));
        const streamed = await readTraceFile(f);
        assert.deepEqual(streamed.errors, []);
        assert.equal(streamed.events.length, plain.events.length);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('says a cut-off header is cut off, and says an empty trace once however often it is asked', () => {
      assert.deepEqual(problems(readTrace(lines[0].slice(0, 50))), [[1, 'the header line is cut off']]);
      const reader = new TraceLineReader();
      reader.line('');
      assert.deepEqual(problems(reader.result()), [[1, 'empty trace: no header']]);
      assert.deepEqual(problems(reader.result()), [[1, 'empty trace: no header']]);
      // A trace whose writer has not got to its header yet reads on once it has.
      for (const l of lines) reader.line(l);
      assert.deepEqual(reader.result().errors, []);
    });
  });

  describe('the order of rounds', () => {
    it('reports a round far ahead at its line, hands it on to nobody and reads the rest of the round (D2)', () => {
      const at = roundEnd(2) - 3;
      const ls = [...lines];
      ls[at] = edited(at, { round: 1e15 });
      const { read, handed } = readLines(ls);
      assert.deepEqual(problems(read), [[at + 1, 'round 1000000000000000 begins before round 2 ended (no round_end)']]);
      assert.ok(
        handed.every((e) => e.round <= 3),
        'the wild event is not handed on',
      );
      assert.equal(handed.length, lines.length - 2);
      assert.equal(read.lastRound, 3);
      assert.equal(read.complete, true);
    });

    it('reports a missing round where the next one begins, once', () => {
      const ls = [...lines.slice(0, roundStart(2)), ...lines.slice(roundEnd(2) + 1)];
      const { read } = readLines(ls);
      assert.deepEqual(problems(read), [[roundStart(2) + 1, 'round 3 follows round 1: round 2 is missing']]);
      // (and then every agent it names was never added)
      assert.deepEqual(problems(readTrace([lines[0], ...lines.slice(roundStart(1))].join('\n')))[0], [
        2,
        'round 1 follows the header: round 0 is missing',
      ]);
    });

    it('reports a round read twice at the line it starts again, and its second round_end', () => {
      const round1 = lines.slice(roundStart(1), roundEnd(1) + 1);
      const ls = [...lines.slice(0, roundEnd(1) + 1), ...round1, ...lines.slice(roundEnd(1) + 1)];
      const { read, handed } = readLines(ls);
      const first = roundEnd(1) + 1,
        again = roundEnd(1) + 2;
      assert.deepEqual(problems(read), [
        [again, `round 1 again after its round_end at line ${first}`],
        [again + round1.length - 1, `a second round_end of round 1 (the first is at line ${first})`],
      ]);
      assert.equal(handed.length, lines.length - 1, 'the copy is not handed on');
    });

    it('reports a round_end repeated on its own, and a round that begins before the last one ended', () => {
      const end = roundEnd(1);
      assert.deepEqual(
        problems(readTrace([...lines.slice(0, end + 1), lines[end], ...lines.slice(end + 1)].join('\n'))),
        [[end + 2, `a second round_end of round 1 (the first is at line ${end + 1})`]],
      );
      assert.deepEqual(problems(readTrace([...lines.slice(0, end), ...lines.slice(end + 1)].join('\n'))), [
        [end + 1, 'round 2 begins before round 1 ended (no round_end)'],
      ]);
    });

    it('reports lines after run_end once, and a run_end of another round', () => {
      const twice = readTrace([...lines, lines.at(-1)!, lines.at(-2)!].join('\n'));
      assert.deepEqual(problems(twice), [
        [lines.length + 1, `a line after the run_end at line ${lines.length}: the run had ended`],
      ]);
      assert.equal(twice.complete, true);
      const joined = readTrace([...lines, ...lines].join('\n'));
      assert.deepEqual(problems(joined), [
        [lines.length + 1, 'a second header: two traces joined into one file?'],
        [lines.length + 2, `a line after the run_end at line ${lines.length}: the run had ended`],
      ]);
      const wild = readTrace([...lines.slice(0, -1), edited(lines.length - 1, { round: 30000000 })].join('\n'));
      assert.deepEqual(problems(wild), [[lines.length, 'run_end of round 30000000, but the last round is 3']]);
      assert.equal(wild.complete, false);
    });

    it('reports events out of order once per round, not once per line', () => {
      const round2 = lines.slice(roundStart(2), roundEnd(2) + 1),
        round3 = lines.slice(roundStart(3), roundEnd(3) + 1);
      const ls = [...lines.slice(0, roundStart(2)), ...round3, ...round2, ...lines.slice(roundEnd(3) + 1)];
      assert.deepEqual(problems(readTrace(ls.join('\n'))), [
        [roundStart(2) + 1, 'round 3 follows round 1: round 2 is missing'],
        [roundStart(2) + round3.length + 1, 'round 2 after round 3: events out of order'],
      ]);
    });

    it("reports the first round past the header's rounds", () => {
      const ls = [JSON.stringify({ ...JSON.parse(lines[0]), rounds: 2 }), ...lines.slice(1)];
      assert.deepEqual(problems(readTrace(ls.join('\n'))), [
        [roundStart(3) + 1, "round 3 is past the header's 2 rounds"],
      ]);
    });

    it('finds nothing wrong in a trace still being written, whatever line it has got to', () => {
      const reader = new TraceLineReader(false);
      for (const [i, l] of lines.entries()) {
        reader.line(l);
        assert.deepEqual(reader.result().errors, [], `after line ${i + 1}`);
      }
      assert.equal(reader.result().complete, true);
    });

    it('takes an interview from the debugger between rounds, with the round just ended or the next', () => {
      const ask = (round: number) =>
        JSON.stringify({ type: 'intervention', round, kind: 'interview', agent: 'p0', question: 'q', answer: 'a' });
      const end = roundEnd(1);
      const ls = [...lines.slice(0, end + 1), ask(1), ask(2), ...lines.slice(end + 1)];
      assert.deepEqual(readTrace(ls.join('\n')).errors, []);
    });
  });

  describe('the agents lines name', () => {
    it('reports an agent added without an id, and a tie, memory or removal naming an agent never added, once each', () => {
      const added = find((e) => e.type === 'agent_added');
      const tie = find((e) => e.type === 'tie');
      const memory = find((e) => e.type === 'memory' && (e.round as number) > 0);
      const ls = [...lines];
      ls[added] = edited(added, { agent: {} });
      ls[tie] = edited(tie, { from: 'ghost' });
      ls[memory] = edited(memory, { agent: 'nobody\u001b[2J' });
      const removal = JSON.stringify({ type: 'agent_removed', round: 1, agent: 'ghost' });
      ls.splice(roundEnd(1), 0, removal);
      const { read, handed } = readLines(ls);
      const lost = (JSON.parse(lines[added]) as { agent: { id: string } }).agent.id;
      const found = problems(read);
      assert.deepEqual(
        found.filter(([, m]) => !m.includes(`'${lost}'`)),
        [
          [added + 1, "agent_added: the agent has no 'id'"],
          [tie + 1, "tie: 'from' names 'ghost', an agent never added"],
          [memory + 1, "memory: 'agent' names 'nobody\\u001b[2J', an agent never added"],
        ].sort(([a], [b]) => (a as number) - (b as number)),
      );
      // The agent whose agent_added was broken: its first line after that says so, its others nothing more.
      assert.equal(found.filter(([, m]) => m.includes(`'${lost}'`)).length, 1);
      assert.ok(!handed.some((e) => e.type === 'agent_added' && !e.agent.id));
      assert.ok(!handed.some((e) => e.type === 'tie' && e.from === 'ghost'));
      assert.deepEqual(
        problems(readTrace([...lines.slice(0, roundEnd(1)), removal, ...lines.slice(roundEnd(1))].join('\n'))),
        [[roundEnd(1) + 1, "agent_removed: 'agent' names 'ghost', an agent never added"]],
      );
    });
  });

  describe('a line too long to read', () => {
    it('is reported at its line, and the lines after it are read', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-long-'));
      try {
        const at = find((e) => e.type === 'message');
        const ls = [...lines];
        ls[at] = edited(at, { text: 'x'.repeat(5000) });
        const f = path.join(dir, 'trace.jsonl');
        fs.writeFileSync(f, ls.join('\n') + '\n');
        const read = await readTraceFile(f, { maxLine: 4096 });
        assert.deepEqual(problems(read), [[at + 1, 'line is too long (over 4096 characters)']]);
        assert.equal(read.events.length, lines.length - 2);
        assert.equal(read.complete, true);
        // Over a megabyte, said in MB; a header too long is the one problem.
        fs.writeFileSync(f, `${'y'.repeat(3 << 20)}\n${text}`);
        assert.deepEqual(problems(await readTraceFile(f, { maxLine: 2 << 20 })), [[1, 'line is too long (over 2 MB)']]);
        // At the end of the file without a newline, too.
        fs.writeFileSync(f, `${text}${'z'.repeat(6000)}`);
        assert.deepEqual(problems(await readTraceFile(f, { maxLine: 4096 })), [
          [lines.length + 1, 'line is too long (over 4096 characters)'],
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
