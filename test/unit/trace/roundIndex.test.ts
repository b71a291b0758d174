// The per-round index a file trace gets beside it (issue 35, "a trace that scales"): written as the
// trace is, right after an interruption and a resume, ignored when missing or stale (a scan gives
// the same answer), and the streamed export and metrics give what the whole-trace code gave.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeScenario } from '../engine/scenarioFixture';
import { traceOf } from '../engine/traceHelpers';
import { runToFiles as runFiles } from '../../support/runToFiles';
import { readTrace } from '../../../src/core/trace/reader';
import {
  indexPathOf,
  roundOffsets,
  scanRoundOffsets,
  writeRoundIndex,
  type RoundOffsets,
} from '../../../src/core/trace/roundIndex';
import { readRound } from '../../../src/core/trace/roundRead';
import { exportTraceFileTies, exportTraceTies, TIE_FORMATS } from '../../../src/core/analysis/export/tieExport';
import { loadTrace, unfinishedNote } from '../../../src/core/analysis/metrics/traceNetwork';
import { loadTieNetwork } from '../../../src/core/analysis/metrics/tieNetworkFile';
import { replay } from '../../../src/core/replay/replay';
import { tieNetworkOf } from '../../../src/core/analysis/metrics/traceNetwork';
import { computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { seededRandom } from '../../../src/core/random/seededRandom';

const sc = makeScenario(10, {
  coaching: { enabled: true, every: 1 },
  world: { ...makeScenario(1).world, rounds: 6 },
});

/** Runs into `dir` (trace and a checkpoint every round), stopping inside `stopInRound`; or resumes there. */
async function runToFiles(
  dir: string,
  opts: { stopInRound?: number; resume?: boolean; spill?: number; keepCheckpointOf?: number } = {},
): Promise<string> {
  const { stopInRound, keepCheckpointOf } = opts;
  const run = await runFiles(dir, sc, {
    resume: opts.resume,
    spill: opts.spill,
    stop: stopInRound === undefined ? undefined : (round, phase) => round === stopInRound && phase === 'reward',
    checkpointed: (cp, file) => {
      if (cp.completed === keepCheckpointOf) fs.copyFileSync(file, path.join(dir, `checkpoint-${cp.completed}.json`));
    },
  });
  return run.trace;
}

/** Every round's first line, from the text itself. */
function roundStartsOf(text: string): { round: number; offset: number; line: number }[] {
  const starts: { round: number; offset: number; line: number }[] = [];
  let offset = 0,
    current = -1;
  text
    .split('\n')
    .slice(0, -1)
    .forEach((l, i) => {
      if (i > 0) {
        const round = (JSON.parse(l) as { round: number }).round;
        if (round > current) starts.push({ round, offset, line: i + 1 });
        current = Math.max(current, round);
      }
      offset += Buffer.byteLength(l) + 1;
    });
  return starts;
}

function sameAnswer(a: RoundOffsets, b: RoundOffsets): void {
  assert.deepEqual({ ...a, from: undefined }, { ...b, from: undefined });
}

describe('trace round index', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-index-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is written beside a file trace, points at each round's first line, and leaves the trace as a stream writes it", async () => {
    const trace = await runToFiles(dir, { spill: 2_000 });
    const text = fs.readFileSync(trace, 'utf8');
    assert.equal(text, await traceOf(sc), 'the same bytes as a trace written to a stream');
    assert.ok(fs.existsSync(path.join(dir, 'trace.index.json')));
    assert.equal(indexPathOf(trace), path.join(dir, 'trace.index.json'));
    const o = roundOffsets(trace);
    assert.equal(o.from, 'index');
    assert.deepEqual(o.rounds, roundStartsOf(text));
    assert.deepEqual(
      o.rounds.map((r) => r.round),
      [0, 1, 2, 3, 4, 5, 6],
    );
    const bytes = fs.readFileSync(trace);
    for (const r of o.rounds) {
      assert.equal(bytes[r.offset - 1], 10, 'a line starts there');
      assert.match(
        bytes.toString('utf8', r.offset, r.offset + 40),
        new RegExp(`^\\{"type":"round_start","round":${r.round},`),
      );
    }
    assert.equal(o.bytes, bytes.length);
    assert.equal(o.lines, text.split('\n').length - 1);
    assert.equal(o.lastRoundEnd, 6);
    assert.equal(o.complete, true);
    sameAnswer(o, scanRoundOffsets(trace));
  });

  it("an interrupted run's index ends at its last whole round", async () => {
    const trace = await runToFiles(dir, { stopInRound: 4, spill: 2_000 });
    const o = roundOffsets(trace);
    assert.equal(o.from, 'index');
    assert.deepEqual(
      o.rounds.map((r) => r.round),
      [0, 1, 2, 3],
    );
    assert.equal(o.lastRoundEnd, 3);
    assert.equal(o.complete, false);
    sameAnswer(o, scanRoundOffsets(trace));
  });

  it('after a resume the index is right: from an old index past the checkpoint, at it, short of it, or none', async () => {
    const whole = await runToFiles(fs.mkdtempSync(path.join(dir, 'whole-')));
    const expected = roundOffsets(whole);
    for (const before of ['past', 'at', 'short', 'none'] as const) {
      const d = fs.mkdtempSync(path.join(dir, `${before}-`));
      // Stopped in round 4: the trace and its index hold rounds 0..3, the checkpoint is of round 3.
      const trace = await runToFiles(d, { stopInRound: 4, keepCheckpointOf: 2 });
      const o = roundOffsets(trace);
      if (before === 'past') {
        // The checkpoint of round 2: the run (and its index) went on past it before it was killed.
        fs.copyFileSync(path.join(d, 'checkpoint-2.json'), path.join(d, 'checkpoint.json'));
      } else if (before === 'short') {
        // An index written at round 1's end, the trace grown since (a run killed later on).
        const r2 = o.rounds.find((r) => r.round === 2)!;
        writeRoundIndex(trace, {
          bytes: r2.offset,
          lines: r2.line - 1,
          rounds: o.rounds.filter((r) => r.round < 2),
          lastRoundEnd: 1,
          complete: false,
        });
      } else if (before === 'none') fs.rmSync(indexPathOf(trace));
      await runToFiles(d, { resume: true });
      assert.deepEqual(
        fs.readFileSync(trace),
        fs.readFileSync(whole),
        `${before}: the resumed trace is the whole run's`,
      );
      const after = roundOffsets(trace);
      assert.equal(after.from, 'index', before);
      sameAnswer(after, expected);
      sameAnswer(after, scanRoundOffsets(trace));
    }
  });

  it('a missing or stale index falls back to a scan with the same answer', async () => {
    const trace = await runToFiles(dir);
    const indexed = roundOffsets(trace);
    assert.equal(indexed.from, 'index');
    // Stale: the trace's time changed (copied, touched), or it grew (a run still writing).
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(trace, later, later);
    const touched = roundOffsets(trace);
    assert.equal(touched.from, 'scan');
    sameAnswer(touched, indexed);
    fs.rmSync(indexPathOf(trace));
    const missing = roundOffsets(trace);
    assert.equal(missing.from, 'scan');
    sameAnswer(missing, indexed);
    // A trace cut inside a line, with the old index beside it: the scan says so.
    const text = fs.readFileSync(trace, 'utf8');
    writeRoundIndex(trace, { ...indexed, rounds: indexed.rounds });
    fs.writeFileSync(trace, text.slice(0, indexed.rounds[5].offset + 30));
    const cut = roundOffsets(trace);
    assert.equal(cut.from, 'scan');
    assert.deepEqual(cut.rounds, indexed.rounds.slice(0, 6));
    assert.equal(cut.lastRoundEnd, 4);
    assert.equal(cut.truncated, true);
    assert.equal(cut.complete, false);
    // A garbage index is no index.
    fs.writeFileSync(indexPathOf(trace), '{"format":"society-trace-index","version":1,"rounds":"no"}');
    assert.equal(roundOffsets(trace).from, 'scan');
  });

  it('readRound seeks to one round and gives its events, with or without the index', async () => {
    const trace = await runToFiles(dir);
    const all = readTrace(fs.readFileSync(trace, 'utf8'));
    for (const round of [0, 3, 6]) {
      const r = await readRound(trace, round);
      assert.ok(r);
      assert.deepEqual(
        r.events,
        all.events.filter((e) => e.round === round),
      );
      assert.equal(r.ended, true);
      assert.equal(r.header.seed, all.header!.seed);
    }
    assert.equal(await readRound(trace, 7), undefined);
    fs.rmSync(indexPathOf(trace));
    assert.deepEqual(
      (await readRound(trace, 3))!.events,
      all.events.filter((e) => e.round === 3),
    );
  });

  it('streamed export and metrics give what the whole-trace code gives: whole, cut mid-round, with and without the index', async () => {
    const trace = await runToFiles(dir, { stopInRound: 5 });
    const whole = fs.readFileSync(await runToFiles(fs.mkdtempSync(path.join(dir, 'whole-'))), 'utf8');
    const lines = whole.split('\n');
    const round5 = lines.findIndex((l) => l.startsWith('{"type":"round_start","round":5,'));
    const variants: [string, () => void][] = [
      ['stopped, indexed', () => assert.equal(roundOffsets(trace).from, 'index')],
      ['stopped, no index', () => fs.rmSync(indexPathOf(trace), { force: true })],
      ['cut mid-round', () => fs.writeFileSync(trace, lines.slice(0, round5 + 20).join('\n') + '\n')],
      ['cut inside a line', () => fs.writeFileSync(trace, lines.slice(0, round5 + 20).join('\n') + '\n{"type":"mem')],
      [
        'whole, indexed',
        () => {
          fs.rmSync(trace);
          fs.renameSync(
            path.join(
              dir,
              fs.readdirSync(dir).find((f) => f.startsWith('whole-'))!,
              'trace.jsonl',
            ),
            trace,
          );
          fs.renameSync(
            path.join(
              dir,
              fs.readdirSync(dir).find((f) => f.startsWith('whole-'))!,
              'trace.index.json',
            ),
            indexPathOf(trace),
          );
        },
      ],
    ];
    for (const [name, change] of variants) {
      change();
      const old = await loadTrace(trace);
      for (const round of [undefined, 0, 2]) {
        for (const format of TIE_FORMATS) {
          const streamed = await exportTraceFileTies(trace, format, { round });
          assert.equal(streamed.text, exportTraceTies(old, format, { round }), `${name}: ${format} round ${round}`);
          assert.equal(streamed.note, unfinishedNote(old));
        }
        const dynamic = await exportTraceFileTies(trace, 'gexf', { round, dynamic: true });
        assert.equal(dynamic.text, exportTraceTies(old, 'gexf', { round, dynamic: true }), `${name}: dynamic ${round}`);
        const network = await loadTieNetwork(trace, { round });
        const expected = tieNetworkOf(replay(old.header, old.events, round ?? old.lastRound));
        const metrics = (g: typeof expected) => computeNetworkMetrics(g, { rng: seededRandom(0) });
        assert.deepEqual(metrics(network.graph), metrics(expected), `${name}: metrics round ${round}`);
      }
      await assert.rejects(exportTraceFileTies(trace, 'csv', { round: 9 }), /round 9 is outside the trace \(0\.\.[46]/);
    }
  });
});
