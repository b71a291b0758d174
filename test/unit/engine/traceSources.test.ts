// A trace does not depend on where the workspace lies: personas are recorded without the source
// locations (absolute file paths) they were read from. The live agents keep them (breakpoints and
// go-to-persona in the debugger use them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { withoutSources } from '../../../src/core/engine/society/personaSources';
import { checkpointPieces } from '../../../src/core/engine/persist/checkpoint';
import { readTrace } from '../../../src/core/trace/reader';
import { traceOf } from './traceHelpers';

const EXAMPLE = path.resolve(__dirname, '../../../examples/friends');

async function copyAndLoad(root: string, name: string): Promise<Scenario> {
  const dir = path.join(root, name);
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  const { scenario, diagnostics } = await loadScenarioFile(path.join(dir, 'friends.society'));
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

describe('trace independent of the workspace location', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'society-where-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the same scenario run from a copied workspace writes the same trace, with no file paths in it', async () => {
    const a = await copyAndLoad(root, 'one'),
      b = await copyAndLoad(root, 'two');
    assert.ok(a.personas[0].source?.file.startsWith(path.join(root, 'one')), 'the loaded personas carry their source');
    const ta = await traceOf(a, { rounds: 2, file: 'friends.society' });
    const tb = await traceOf(b, { rounds: 2, file: 'friends.society' });
    assert.equal(ta, tb);
    assert.ok(!ta.includes(root), 'no absolute path in the trace');
    const { events, errors } = readTrace(ta);
    assert.deepEqual(errors, []);
    const added = events.filter((e) => e.type === 'agent_added');
    assert.equal(added.length, 16);
    for (const e of added) {
      const p = e.type === 'agent_added' ? e.agent : undefined;
      assert.equal(p && 'source' in p, false);
      for (const m of p!.memories) assert.equal('source' in m, false);
      for (const r of p!.relationships) assert.equal('source' in r, false);
    }
    // The rest of the persona is recorded as it was, in its key order.
    const oliver = a.personas.find((p) => p.id === 'oliver_grant')!;
    const traced = added.find((e) => e.type === 'agent_added' && e.agent.id === 'oliver_grant')!;
    assert.equal(
      JSON.stringify(traced.type === 'agent_added' && traced.agent),
      JSON.stringify(oliver, (k, v) => (k === 'source' ? undefined : v)),
    );
  });

  it('the live agents keep their source locations (debugger navigation), and stripping copies', async () => {
    const a = await copyAndLoad(root, 'one');
    const sim = Simulation.create(a, { rounds: 1 });
    await sim.run();
    assert.equal(
      sim.agent('oliver_grant')?.persona.source?.file,
      path.join(root, 'one', 'personas', 'oliver_grant.society'),
    );
    const p = a.personas[0];
    const copy = withoutSources(p);
    assert.ok(p.source && p.memories.every((m) => m.source));
    assert.equal(copy.source, undefined);
  });

  it('checkpoints of the same run from two copied workspaces are the same, with no file paths in them', async () => {
    const checkpointOf = async (name: string): Promise<string> => {
      const sim = Simulation.create(await copyAndLoad(root, name), { rounds: 2, file: 'friends.society' });
      await sim.run();
      const cp = sim.snapshot();
      cp.trace = { bytes: 1000, lines: 10 };
      return [...checkpointPieces(cp)].join('');
    };
    const one = await checkpointOf('one'),
      two = await checkpointOf('two');
    assert.equal(one, two);
    assert.ok(!one.includes(root) && !one.includes('"source"'), 'no source locations in the checkpoint');
  });
});
