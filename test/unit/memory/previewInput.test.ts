// What the retrieval preview and a memory source accept: a NaN round is refused at the door (it
// used to stop the replay from ever rewinding), and an agent removed from the society has no preview.
import * as assert from 'node:assert/strict';
import { previewRetrieval } from '../../../src/core/memory/retrievalPreview';
import { TraceMemorySource } from '../../../src/core/memory/traceMemorySource';
import { answerQuery } from '../../../src/core/memory/inspector';
import { Replayer } from '../../../src/core/replay/replay';
import { recordRun, societyScenario, type RecordedRun } from './memoryFixture';

describe('retrieval preview: bad input', () => {
  let run: RecordedRun;
  before(async () => {
    const scenario = societyScenario();
    run = await recordRun({ ...scenario, events: [...scenario.events, { at: 3, remove: ['p1'] }] });
  });
  const source = (): TraceMemorySource => TraceMemorySource.of('trace', 'fixture', run.header, run.events);
  const ids = (s: TraceMemorySource, round: number): number[] =>
    previewRetrieval(s, 'p0', 'climbing', round)!.rows.map((r) => r.memory.id);

  it('refuses a NaN round or k, and a later preview still sees its own round', () => {
    const fresh = ids(source(), 2);
    const s = source();
    s.stateAt(9);
    ids(s, 5);
    assert.throws(
      () => previewRetrieval(s, 'p0', 'climbing', NaN),
      /^RangeError: The round to preview must be a number \(got NaN\)\.$/,
    );
    assert.throws(
      () => previewRetrieval(s, 'p0', 'climbing', 2, NaN),
      /^RangeError: The number of memories to preview must be a number/,
    );
    assert.deepEqual(ids(s, 2), fresh);
    assert.equal(
      previewRetrieval(s, 'p0', 'climbing', Infinity)!.round,
      run.header.rounds + 1,
      'infinite rounds still clamp',
    );
  });

  it('the replay refuses NaN and keeps rewinding', () => {
    const r = new Replayer(run.header, run.events);
    r.stateAt(8);
    assert.throws(() => r.stateAt(NaN), /^RangeError: The round to replay to must be a number, not NaN\.$/);
    assert.equal(r.stateAt(1).round, 1);
  });

  it('a pinned round is a whole number from 0', () => {
    const s = source();
    for (const bad of [NaN, -3, 1.5]) {
      assert.throws(
        () => s.pin(bad),
        /^RangeError: Cannot show round .*: rounds are whole numbers from 0/,
        String(bad),
      );
    }
    s.pin(0);
    assert.equal(s.round, 0);
  });

  it('an agent who has left the society has no preview, and the inspector says so', () => {
    const s = source();
    assert.ok(previewRetrieval(s, 'p1', 'climbing', 2), 'still there in round 2');
    assert.equal(previewRetrieval(s, 'p1', 'climbing', 3), undefined, "removed before round 3's turns");
    assert.equal(previewRetrieval(s, 'p1', 'climbing', 9), undefined);
    const answer = answerQuery(s, { agent: 'p1', text: '', preview: { text: 'climbing', round: 4, k: 3 } });
    const name = s.stateAt()!.agents.get('p1')!.persona.name;
    assert.notEqual(name, 'p1');
    assert.equal(answer.problem, `${name} was not in the society at round 4.`, 'by name');
    const nan = answerQuery(s, { agent: 'p0', text: '', preview: { text: 'climbing', round: NaN, k: 3 } });
    assert.match(nan.problem ?? '', /The round to preview must be a number/);
  });
});
