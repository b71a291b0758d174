import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makePersona, makeScenario } from './scenarioFixture';
import { traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import {
  CHECKPOINT_VERSION,
  parseCheckpoint,
  writeCheckpoint,
  type Checkpoint,
} from '../../../src/core/engine/persist/checkpoint';
import { MEMORY_CAP } from '../../../src/core/engine/memory/memory';
import { TraceWriter } from '../../../src/core/trace/writer';
import { memoriesFromTrace, TraceMemoryError } from '../../../src/core/replay/traceMemories';
import type { MemoryRecord } from '../../../src/core/trace/events';

describe('checkpoint files keep the memories in the trace', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-cpmem-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs `sc` to the end into `dir`, checkpointing after `at`; returns that checkpoint and the live streams then. */
  async function checkpointAt(
    sc: ReturnType<typeof makeScenario>,
    at: number,
  ): Promise<{ cp: Checkpoint; live: Map<string, MemoryRecord[]>; trace: string }> {
    const trace = path.join(dir, 'trace.jsonl'),
      cpFile = path.join(dir, 'checkpoint.json');
    const sim = Simulation.create(sc);
    const writer = TraceWriter.toFile(trace);
    writer.header(sim.header);
    sim.on(writer.listener);
    let live = new Map<string, MemoryRecord[]>();
    sim.afterRound = async (round) => {
      await writer.flush();
      if (round !== at) return;
      const cp = sim.snapshot();
      cp.trace = { bytes: writer.bytes, lines: writer.lines };
      writeCheckpoint(cpFile, cp);
      live = new Map(
        [...sim.world.agents].map(([id, a]) => [id, JSON.parse(JSON.stringify(a.memories)) as MemoryRecord[]]),
      );
    };
    await sim.run();
    await writer.close();
    return { cp: parseCheckpoint(fs.readFileSync(cpFile, 'utf8')), live, trace };
  }

  // Long enough that streams pass the cap and the oldest memories are forgotten; agents join and leave.
  const sc = makeScenario(8, {
    coaching: { enabled: true, every: 1 },
    world: { ...makeScenario(1).world, rounds: 26 },
    events: [
      { at: 3, add: [makePersona(40)] },
      { at: 5, remove: ['p2'] },
      { at: 9, broadcast: 'The library closes early.' },
    ],
  });

  it('leaves the memory streams out of the file and folds them back from the trace exactly', async () => {
    const { cp, live, trace } = await checkpointAt(sc, 24);
    assert.equal(cp.version, CHECKPOINT_VERSION);
    assert.equal(cp.memories_in_trace, true);
    for (const a of cp.agents) assert.equal(a.memories, undefined);
    assert.ok(
      cp.agents.some((a) => a.memory_count === MEMORY_CAP),
      'some stream reached the cap, so forgetting is covered',
    );
    assert.ok(cp.agents.some((a) => a.persona.id === 'p40') && !cp.agents.some((a) => a.persona.id === 'p2'));
    const read: number[] = [];
    const folded = memoriesFromTrace(trace, cp.trace!.bytes, (b) => read.push(b));
    assert.deepEqual(read.slice(-1), [cp.trace!.bytes], "the progress ends at the checkpoint's byte count");
    for (const a of cp.agents) {
      assert.equal(a.memory_count, live.get(a.persona.id)!.length);
      assert.deepEqual(folded.get(a.persona.id), live.get(a.persona.id), `memories of ${a.persona.id}`);
    }
  });

  it('an agent that left and joined again starts a new stream, as in the engine', async () => {
    const back = makeScenario(8, {
      coaching: { enabled: true, every: 1 },
      world: { ...makeScenario(1).world, rounds: 9 },
      events: [
        { at: 3, remove: ['p3'] },
        { at: 5, add: [makePersona(3)] },
      ],
    });
    const { cp, live, trace } = await checkpointAt(back, 7);
    const p3 = cp.agents.find((a) => a.persona.id === 'p3')!;
    assert.ok(
      p3.memory_count! > 0 && p3.memory_count! < cp.agents.find((a) => a.persona.id === 'p0')!.memory_count!,
      'p3 has only its memories since it came back',
    );
    assert.deepEqual(memoriesFromTrace(trace, cp.trace!.bytes).get('p3'), live.get('p3'));
    const expected = await traceOf(back);
    await runInto(dir, back, { stopAfter: 6 });
    assert.equal(await runInto(dir, back, { resume: true }), expected);
  });

  it('a run resumed from such a checkpoint writes the uninterrupted trace', async () => {
    const expected = await traceOf(sc);
    await runInto(dir, sc, { stopAfter: 17 });
    assert.equal(parseCheckpoint(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8')).memories_in_trace, true);
    assert.equal(await runInto(dir, sc, { resume: true }), expected);
  });

  it('still restores a version 1 checkpoint, whose memories are inline', async () => {
    const expected = await traceOf(sc);
    await runInto(dir, sc, { stopAfter: 6 });
    const cpFile = path.join(dir, 'checkpoint.json');
    const cp = parseCheckpoint(fs.readFileSync(cpFile, 'utf8'));
    const streams = memoriesFromTrace(path.join(dir, 'trace.jsonl'), cp.trace!.bytes);
    const v1 = {
      ...cp,
      version: 1,
      memories_in_trace: undefined,
      agents: cp.agents.map(({ memory_count: _n, ...a }) => ({ ...a, memories: streams.get(a.persona.id) })),
    };
    fs.writeFileSync(cpFile, JSON.stringify(v1));
    const restored = Simulation.restore(sc, parseCheckpoint(fs.readFileSync(cpFile, 'utf8')));
    assert.equal(restored.agent('p0')!.memories.length, cp.agents[0].memory_count);
    assert.equal(await runInto(dir, sc, { resume: true }), expected);
  });

  it("refuses a trace whose memories are not the checkpoint's, and a checkpoint restored without them", async () => {
    const { cp, trace } = await checkpointAt(sc, 4);
    assert.throws(() => Simulation.restore(sc, cp), /memories in its trace/);
    // The same bytes, one memory moved to another agent: the counts no longer agree.
    const text = fs.readFileSync(trace, 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('{"type":"memory","round":2,"agent":"p0"'))!;
    fs.writeFileSync(trace, text.replace(line, line.replace('"agent":"p0"', '"agent":"p1"')));
    assert.throws(
      () => Simulation.restore(sc, cp, { memories: memoriesFromTrace(trace, cp.trace!.bytes) }),
      /holds \d+ memories of agent 'p0'.*not the checkpoint's/,
    );
  });

  it('names the line of a damaged memory event, and a prefix that does not end a line', async () => {
    const { cp, trace } = await checkpointAt(sc, 2);
    const original = fs.readFileSync(trace, 'utf8'),
      lines = original.split('\n');
    const k = lines.findIndex((l) => l.startsWith('{"type":"memory"') && l.includes('"round":1,'));
    lines[k] = lines[k].replace('"memory":{', '"memory":[');
    fs.writeFileSync(trace, lines.join('\n'));
    assert.throws(
      () => memoriesFromTrace(trace, cp.trace!.bytes),
      (e: unknown) => e instanceof TraceMemoryError && e.line === k + 1 && /not valid JSON/.test(e.message),
    );
    fs.writeFileSync(trace, original);
    assert.throws(() => memoriesFromTrace(trace, cp.trace!.bytes - 1), /not the end of a line/);
    assert.throws(() => memoriesFromTrace(trace, fs.statSync(trace).size + 10), /trace ends at byte/);
  });
});
