import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TraceWriter } from '../../../src/core/trace/writer';
import { readTrace } from '../../../src/core/trace/reader';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { makeScenario } from '../engine/scenarioFixture';

describe('trace writer', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-writer-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function write(file: string, spill: number, stopInRound?: number): Promise<TraceWriter> {
    const sim = Simulation.create(makeScenario(8, { world: { ...makeScenario(1).world, rounds: 4 } }));
    const writer = TraceWriter.toFile(file, spill);
    writer.header(sim.header);
    sim.on(writer.listener);
    const controller = new AbortController();
    if (stopInRound !== undefined) {
      sim.gate = (p) => {
        if (p.kind === 'phase' && p.round === stopInRound && p.phase === 'reward') controller.abort();
      };
    }
    const r = await sim.run(controller.signal);
    if (r.status === 'aborted') writer.discard();
    await writer.close();
    return writer;
  }

  it('spilling large rounds in chunks writes the same trace', async () => {
    const whole = path.join(dir, 'whole.jsonl'),
      chunked = path.join(dir, 'chunked.jsonl');
    await write(whole, Infinity);
    const w = await write(chunked, 2_000);
    const text = fs.readFileSync(chunked, 'utf8');
    assert.equal(text, fs.readFileSync(whole, 'utf8'));
    assert.equal(w.bytes, Buffer.byteLength(text));
    assert.equal(w.lines, text.trimEnd().split('\n').length);
  });

  it('an interrupted round already spilled to disk is cut back to the last round end', async () => {
    const full = path.join(dir, 'full.jsonl'),
      cut = path.join(dir, 'cut.jsonl');
    await write(full, Infinity);
    const w = await write(cut, 2_000, 3);
    const partial = fs.readFileSync(cut, 'utf8');
    const read = readTrace(partial);
    assert.deepEqual(read.errors, []);
    assert.equal(read.lastRound, 2);
    assert.match(partial.trimEnd().split('\n').pop()!, /"type":"round_end","round":2/);
    assert.ok(fs.readFileSync(full, 'utf8').startsWith(partial));
    assert.equal(w.bytes, Buffer.byteLength(partial));
  });

  // A round written faster than the event loop turns must not pile up in memory: a file gets each
  // spill as it happens (at a million agents, chunks waiting for their turn took ≈ 1.3 GB).
  it('a file gets each spill of a round at once, before the round yields', () => {
    const file = path.join(dir, 'spill.jsonl');
    const writer = TraceWriter.toFile(file, 64 << 10);
    const text = 'x'.repeat(1000);
    for (let i = 0; i < 2000; i++) {
      writer.event({ type: 'event_fired', round: 1, index: i, action: 'broadcast', text });
    }
    // No await yet: everything past the last spill is still buffered, everything before it is on disk.
    const onDisk = fs.statSync(file).size;
    assert.ok(onDisk > 1_900_000, `only ${onDisk} bytes reached the file`);
    assert.equal(onDisk, writer.bytes);
  });

  it('a write that fails rejects the flush, and every later one', async () => {
    // /dev/full takes the open and refuses every write (ENOSPC), as a full disk would.
    const writer = TraceWriter.toFile('/dev/full', 1 << 10, { index: false });
    const fired = (index: number) =>
      writer.event({ type: 'event_fired', round: 1, index, action: 'broadcast', text: 'y'.repeat(2000) });
    fired(0);
    await assert.rejects(writer.flush(), /ENOSPC/);
    fired(1);
    await assert.rejects(writer.flush(), /ENOSPC/);
  });
});
