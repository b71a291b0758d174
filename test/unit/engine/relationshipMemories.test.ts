// Relationship notes become seed memories of the persona holding them (docs/format.md
// `relationships[].note`): "<other's name>: <note>", at setup or when an event adds the agent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scenario } from '../../../src/core/format/model/model';
import type { TraceEvent } from '../../../src/core/trace/events';
import { readTrace } from '../../../src/core/trace/reader';
import { RELATIONSHIP_IMPORTANCE } from '../../../src/core/engine/kernel/membership';
import { IMPORTANCE } from '../../../src/core/interop/agentBuilder';
import { makePersona, makeScenario } from './scenarioFixture';
import { traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';

function scenario(): Scenario {
  const sc = makeScenario(3, { world: { ...makeScenario(1).world, rounds: 4 } });
  const [maya, , ana] = sc.personas; // Maya Chen, Leo Park, Ana Silva
  maya.relationships = [
    { with: 'p1', tie: 0.7, note: 'My climbing partner.' },
    { with: 'p3', tie: 0.4, note: 'We met at a gig once.' }, // joins at round 2
    { with: 'p2', tie: 0.5 }, // no note: no memory
  ];
  // An imported persona may already remember the note (interop/assemble.ts writes the same text).
  ana.memories = [...ana.memories, { text: 'Maya Chen: Old friend from school.', importance: 7 }];
  ana.relationships = [{ with: 'p0', tie: 0.8, note: 'Old friend from school.' }];
  const omar = makePersona(3); // Omar Haddad
  omar.relationships = [{ with: 'p1', tie: 0.6, note: 'Colleague at the hospital.' }];
  sc.events = [{ at: 2, add: [omar] }];
  return sc;
}

const memories = (
  events: TraceEvent[],
  agent: string,
): { round: number; kind: string; text: string; importance: number }[] =>
  events.flatMap((e) =>
    e.type === 'memory' && e.agent === agent
      ? [{ round: e.round, kind: e.memory.kind, text: e.memory.text, importance: e.memory.importance }]
      : [],
  );

describe('relationship notes as seed memories', () => {
  it('keeps the importance of imported relationship memories', () => {
    assert.equal(RELATIONSHIP_IMPORTANCE, IMPORTANCE.relationship);
  });

  it('each note becomes a round-0 seed memory "<name>: <note>", not doubled when the persona already has it', async () => {
    const { events, errors } = readTrace(await traceOf(scenario()));
    assert.deepEqual(errors, []);
    const maya = memories(events, 'p0').filter((m) => m.round === 0);
    assert.deepEqual(maya.slice(1), [
      { round: 0, kind: 'seed', text: 'Leo Park: My climbing partner.', importance: RELATIONSHIP_IMPORTANCE },
      { round: 0, kind: 'seed', text: 'Omar Haddad: We met at a gig once.', importance: RELATIONSHIP_IMPORTANCE },
    ]);
    const ana = memories(events, 'p2').filter((m) => m.text.startsWith('Maya Chen:'));
    assert.deepEqual(ana, [{ round: 0, kind: 'seed', text: 'Maya Chen: Old friend from school.', importance: 7 }]);
  });

  it('an agent added by a timed event gets its notes as seed memories when it joins', async () => {
    const { events } = readTrace(await traceOf(scenario()));
    const omar = memories(events, 'p3');
    assert.deepEqual(
      omar.slice(0, 2).map((m) => [m.round, m.kind, m.text]),
      [
        [2, 'seed', omar[0].text],
        [2, 'seed', 'Leo Park: Colleague at the hospital.'],
      ],
    );
    const added = events.findIndex((e) => e.type === 'agent_added' && e.agent.id === 'p3');
    const note = events.findIndex(
      (e) => e.type === 'memory' && e.agent === 'p3' && e.memory.text.startsWith('Leo Park:'),
    );
    assert.ok(added >= 0 && note > added);
  });

  it('is deterministic, and a resumed run writes the uninterrupted trace', async () => {
    const expected = await traceOf(scenario());
    assert.equal(await traceOf(scenario()), expected);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-notes-'));
    try {
      await runInto(dir, scenario(), { stopAfter: 1 });
      assert.equal(await runInto(dir, scenario(), { resume: true }), expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
